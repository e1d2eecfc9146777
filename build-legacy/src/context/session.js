import { now } from '../model/clock.js';
import { newTraceId } from '../model/ids.js';
import { OpenTimestep } from './timestep.js';
/**
 * A session being recorded. It holds only its header, counters and the calls still open
 * (streams, generators): events leave as they finish, so a long session stays small.
 */
export class OpenSession {
    constructor(id, sink, recording, implicit, metadata, 
    /** Set when this process continues a session opened elsewhere (`runWithContext`): its record is the owner's to write. */
    continued) {
        this.id = id;
        this.sink = sink;
        this.recording = recording;
        this.implicit = implicit;
        this.metadata = metadata;
        this.continued = continued;
        this.pendingKind = 'session';
        this.startMs = now();
        this.endMs = 0;
        this.error = undefined;
        this.nextStepIndex = 0;
        /** Calls and records dropped because a queue was full, reported in the session's metadata. */
        this.dropped = 0;
        this.traceIdValue = continued?.traceId;
    }
    get traceId() {
        return (this.traceIdValue ??= newTraceId());
    }
    get ended() {
        return this.endMs !== 0;
    }
    /** Opens the next timestep of this session. */
    openTimestep(turnNumber, metadata, id) {
        const index = this.nextStepIndex++;
        return new OpenTimestep(this, index, turnNumber ?? index, metadata, id);
    }
    /** The local view of a timestep owned elsewhere: events join it, its record is not written here. */
    continuedTimestep(id, turnNumber) {
        const step = new OpenTimestep(this, -1, turnNumber, undefined, id);
        step.endMs = -1;
        return step;
    }
    /** Remembers a call that outlives its return (a stream, a generator) so the session can close it. */
    track(call) {
        (this.openCalls ??= new Set()).add(call);
    }
    untrack(call) {
        this.openCalls?.delete(call);
    }
    /** Ends the session once: open streams and generators are completed as `cancelled` first. */
    end(error) {
        if (this.endMs !== 0)
            return;
        if (this.openCalls !== undefined) {
            for (const call of [...this.openCalls])
                call.cancel();
            this.openCalls = undefined;
        }
        this.endMs = now();
        this.error = error;
        this.sink.sessionEnded(this);
    }
}
//# sourceMappingURL=session.js.map