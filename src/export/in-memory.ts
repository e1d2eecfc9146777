import { assembleSessions } from '../model/assemble-sessions.js';
import type { TraceEvent } from '../model/events.js';
import type { SessionTrace } from '../model/session-trace.js';
import type { TraceExporter } from './exporter.js';
import type { TraceRecord } from './records.js';

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
export class InMemoryExporter implements TraceExporter {
  readonly name = 'in-memory';
  /** Every record received, in order. */
  readonly records: TraceRecord[] = [];

  export(records: readonly TraceRecord[]): void {
    for (const record of records) this.records.push(record);
  }

  /** The finished sessions (those whose session record arrived), rebuilt whole. */
  get sessions(): SessionTrace[] {
    const finished = new Set(this.records.flatMap((r) => (r.record_type === 'session' ? [r.session.session_id] : [])));
    return assembleSessions(this.records).filter((session) => finished.has(session.session_id));
  }

  /** Every event received, in the order they finished. */
  get events(): TraceEvent[] {
    return this.records.flatMap((r) => (r.record_type === 'event' ? [r.event] : []));
  }

  /** Forgets everything received. */
  reset(): void {
    this.records.length = 0;
  }
}
