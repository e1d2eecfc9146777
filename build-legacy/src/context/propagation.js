import { AgentTraceError } from '../errors.js';
import { runtime } from '../runtime.js';
import { implicitTracer } from '../session-tracer.js';
import { currentScope, storage } from './storage.js';
/**
 * Binds `fn` to the current trace context, so that calls it makes later (from an EventEmitter
 * listener, a callback queue, a pool) nest where `fn` was created. Outside a session it returns `fn`.
 *
 * @example
 * emitter.on('data', bindContext((chunk) => agent.handle(chunk)));
 */
export function bindContext(fn) {
    const scope = currentScope();
    if (scope === undefined)
        return fn;
    const bound = function (...args) {
        return storage().run(scope, () => Reflect.apply(fn, this, args));
    };
    Object.defineProperty(bound, 'name', { value: fn.name, configurable: true });
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    return bound;
}
/**
 * The current trace context as serialisable data (`postMessage`, JSON, an HTTP header), or null
 * outside a session. `runWithContext` continues it on the other side.
 *
 * @example
 * const worker = new Worker(file, { workerData: { context: exportContext() } });
 */
export function exportContext() {
    const scope = currentScope();
    if (scope === undefined)
        return null;
    return {
        agent_trace_context: 1,
        session_id: scope.session.id,
        trace_id: scope.session.traceId,
        step_id: scope.step?.id ?? null,
        turn_number: scope.step?.turnNumber ?? null,
        parent_span_id: scope.span?.spanId ?? scope.session.continued?.parentSpanId ?? null,
        sampled: scope.session.recording,
    };
}
/**
 * Runs `fn` inside a context exported by `exportContext` (in a worker thread or another process):
 * its events join the same session, timestep and parent span. They are written by this side's
 * tracer (the most recent one, or the default), so point it at the same store.
 *
 * @example
 * // in the worker
 * await runWithContext(workerData.context, () => tools.search(query));
 */
export function runWithContext(context, fn) {
    if (context === null || context === undefined || !runtime.enabled)
        return fn();
    if (typeof context !== 'object' || context.agent_trace_context !== 1 || typeof context.session_id !== 'string' || typeof context.trace_id !== 'string') {
        throw new AgentTraceError('E_USAGE', 'agent-trace: runWithContext() needs the object exportContext() returned (passed through JSON or postMessage unchanged).');
    }
    const tracer = implicitTracer();
    if (tracer === undefined)
        return fn();
    const session = tracer.continueSession(context.session_id, context.trace_id, context.parent_span_id, context.sampled);
    const step = context.step_id === null ? null : session.continuedTimestep(context.step_id, context.turn_number);
    const scope = { session, step, span: null };
    return storage().run(scope, fn);
}
//# sourceMappingURL=propagation.js.map