import { now } from '../model/clock.js';
import { newId } from '../model/ids.js';
/** A timestep being recorded; it becomes a timestep record when it ends. */
export class OpenTimestep {
    constructor(session, index, turnNumber, metadata, id) {
        this.session = session;
        this.index = index;
        this.turnNumber = turnNumber;
        this.metadata = metadata;
        this.pendingKind = 'timestep';
        this.startMs = now();
        this.endMs = 0;
        this.id = id ?? newId('step');
    }
    /** Ends the timestep once and hands it to the session's tracer. */
    end() {
        if (this.endMs !== 0)
            return;
        this.endMs = now();
        if (this.session.recording)
            this.session.sink.enqueue(this);
    }
}
//# sourceMappingURL=timestep.js.map