import { createRequire, syncBuiltinESMExports } from 'node:module';

/** What the watch saw: AsyncLocalStorage instances created and enabled in this process. */
export interface AlsWatch {
  created: number;
  enabled: number;
}

/**
 * Replaces `AsyncLocalStorage` (for every later `import`/`require` of `node:async_hooks`) with a
 * subclass that counts instances and enabling calls. Call it before anything imports agent-trace.
 */
export function watchAsyncLocalStorage(): AlsWatch {
  const require = createRequire(import.meta.url);
  const hooks = require('node:async_hooks') as typeof import('node:async_hooks');
  const Original = hooks.AsyncLocalStorage;
  const watch: AlsWatch = { created: 0, enabled: 0 };
  class WatchedAsyncLocalStorage<T> extends Original<T> {
    constructor() {
      super();
      watch.created++;
    }
  }
  const proto = Original.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['run', 'enterWith', '_enable']) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      watch.enabled++;
      return original.apply(this, args);
    };
  }
  hooks.AsyncLocalStorage = WatchedAsyncLocalStorage as typeof Original;
  syncBuiltinESMExports();
  return watch;
}
