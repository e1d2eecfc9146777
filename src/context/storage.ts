import { AsyncLocalStorage } from 'node:async_hooks';
import { runtime } from '../runtime.js';
import type { Scope } from './scope.js';

/**
 * The one AsyncLocalStorage of the process, shared by every installed copy of agent-trace
 * and created on first enabled use only.
 */
export function storage(): AsyncLocalStorage<Scope> {
  return (runtime.storage ??= new AsyncLocalStorage<Scope>()) as AsyncLocalStorage<Scope>;
}

/** The scope of the running code, or undefined outside any session (and before any use). */
export function currentScope(): Scope | undefined {
  const als = runtime.storage as AsyncLocalStorage<Scope> | undefined;
  return als === undefined ? undefined : als.getStore();
}

/** Runs `fn` with `scope` as the current scope. */
export function runInScope<R>(scope: Scope, fn: () => R): R {
  return storage().run(scope, fn);
}
