import { getConfig } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import { now } from '../model/clock.js';
import { newSpanId } from '../model/ids.js';
import { snapshot } from './snapshot.js';
/**
 * One decorated call being recorded: the "one small object" of the hot path. It is also the
 * scope its callee runs in, so children find their parent, session and timestep through it.
 */
export class ActiveCall {
    constructor(spec, session, step, parent, thisArg) {
        this.spec = spec;
        this.session = session;
        this.step = step;
        this.parent = parent;
        this.thisArg = thisArg;
        this.pendingKind = 'call';
        this.endMs = 0;
        this.status = 'ok';
        this.error = undefined;
        this.input = undefined;
        this.output = undefined;
        this.stateBefore = undefined;
        this.stateAfter = undefined;
        /** Facts of the event's kind (reward, actions, the model request and response...). */
        this.detail = undefined;
        this.stream = undefined;
        /** A descendant `@aiCall` recorded the model usage; this one must not count it again. */
        this.usageInChild = false;
        /** The OpenTelemetry context the callee runs in, when the span bridge is on. */
        this.otelContext = undefined;
        this.ownsStep = false;
        this.endsSession = false;
        this.span = this;
        this.startMs = now();
    }
    get spanId() {
        return (this.spanIdValue ??= newSpanId());
    }
    /** Uses another system's span id (the OpenTelemetry span's) as this event's, so both can be joined. */
    adoptSpanId(spanId) {
        this.spanIdValue ??= spanId;
    }
    get ended() {
        return this.endMs !== 0;
    }
    /** Takes the bounded copy of the arguments and runs the kind's start hook. */
    begin(args) {
        const config = getConfig();
        if (this.spec.captureInput && config.captureContent)
            this.input = snapshot(args, config.maxPayloadBytes);
        const start = this.spec.behaviour.start;
        if (start !== undefined)
            this.guard('start', () => start(this, this.thisArg, args));
    }
    /** Completes the call once: records the result or error and hands the call to its tracer. */
    complete(status, error, result) {
        if (this.endMs !== 0)
            return;
        this.endMs = now();
        this.status = status;
        this.error = error;
        const behaviour = this.spec.behaviour;
        if (status === 'ok' && this.stream === undefined) {
            const config = getConfig();
            if (this.spec.captureOutput && config.captureContent)
                this.output = snapshot(result, config.maxPayloadBytes);
            if (behaviour.end !== undefined)
                this.guard('end', () => behaviour.end(this, this.thisArg, result));
        }
        if (behaviour.finally !== undefined)
            this.guard('finally', () => behaviour.finally(this, this.thisArg));
        this.session.untrack(this);
        if (this.session.recording)
            this.session.sink.enqueue(this);
        if (this.ownsStep)
            this.step?.end();
        if (this.endsSession)
            this.session.end(status === 'error' ? error : undefined);
    }
    /** Completes a stream or generator that its consumer abandoned. */
    cancel() {
        this.complete('cancelled', undefined);
    }
    /** Runs a toolkit hook; a throw becomes a diagnostic and never reaches the user. */
    guard(hook, fn) {
        try {
            fn();
        }
        catch (error) {
            reportDiagnostic('hook-threw', `${this.spec.kind} "${this.spec.name}": the ${hook} hook threw; the call goes on unrecorded in that part.`, error);
        }
    }
}
//# sourceMappingURL=active-call.js.map