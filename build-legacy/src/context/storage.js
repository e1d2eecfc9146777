import { AsyncLocalStorage } from 'node:async_hooks';
import { runtime } from '../runtime.js';
/**
 * The one AsyncLocalStorage of the process, shared by every installed copy of agent-trace
 * and created on first enabled use only.
 */
export function storage() {
    return (runtime.storage ??= new AsyncLocalStorage());
}
/** The scope of the running code, or undefined outside any session (and before any use). */
export function currentScope() {
    const als = runtime.storage;
    return als === undefined ? undefined : als.getStore();
}
/** Runs `fn` with `scope` as the current scope. */
export function runInScope(scope, fn) {
    return storage().run(scope, fn);
}
//# sourceMappingURL=storage.js.map