import { assembleSessions } from '../model/assemble-sessions.js';
/**
 * Keeps every record in memory: for tests and notebooks. `sessions` holds the finished sessions.
 *
 * @example
 * const memory = new InMemoryExporter();
 * const tracer = new SessionTracer({ exporters: [memory] });
 * await tracer.session('s1', () => agent.run());
 * await tracer.flush();
 * memory.sessions[0].event_history; // every event of s1
 */
export class InMemoryExporter {
    constructor() {
        this.name = 'in-memory';
        /** Every record received, in order. */
        this.records = [];
    }
    export(records) {
        for (const record of records)
            this.records.push(record);
    }
    /** The finished sessions (those whose session record arrived), rebuilt whole. */
    get sessions() {
        const finished = new Set(this.records.flatMap((r) => (r.record_type === 'session' ? [r.session.session_id] : [])));
        return assembleSessions(this.records).filter((session) => finished.has(session.session_id));
    }
    /** Every event received, in the order they finished. */
    get events() {
        return this.records.flatMap((r) => (r.record_type === 'event' ? [r.event] : []));
    }
    /** Forgets everything received. */
    reset() {
        this.records.length = 0;
    }
}
//# sourceMappingURL=in-memory.js.map