import { assembleSessions } from '../model/assemble-sessions.js';
import { formatSessionTree } from './session-tree.js';
/**
 * Prints each session as a readable tree when it ends.
 *
 * @example
 * const tracer = new SessionTracer({ exporters: [new ConsoleExporter()] });
 */
export class ConsoleExporter {
    constructor(options = {}) {
        this.name = 'console';
        this.buffered = new Map();
        this.stream = options.stream ?? process.stdout;
        this.color = options.color ?? Boolean(this.stream.isTTY);
        this.maxEvents = options.maxEventsPerSession ?? 10_000;
    }
    export(records) {
        for (const record of records) {
            const id = record.record_type === 'session' ? record.session.session_id : record.session_id;
            let entry = this.buffered.get(id);
            if (entry === undefined)
                this.buffered.set(id, (entry = { records: [], events: 0, omitted: 0 }));
            if (record.record_type === 'event' && entry.events >= this.maxEvents) {
                entry.omitted++;
                continue;
            }
            if (record.record_type === 'event')
                entry.events++;
            entry.records.push(record);
            if (record.record_type === 'session') {
                this.buffered.delete(id);
                for (const session of assembleSessions(entry.records)) {
                    const omitted = entry.omitted > 0 ? `\n   (${entry.omitted} more events not shown)` : '';
                    this.stream.write(`${formatSessionTree(session, { color: this.color })}${omitted}\n`);
                }
            }
        }
    }
}
//# sourceMappingURL=console.js.map