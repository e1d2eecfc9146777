import { assembleSessions } from '../model/assemble-sessions.js';
import type { TraceExporter } from './exporter.js';
import type { TraceRecord } from './records.js';
import { formatSessionTree } from './session-tree.js';

/** Options of `ConsoleExporter`. */
export interface ConsoleExporterOptions {
  /** Where the tree is written. Default `process.stdout`. */
  stream?: NodeJS.WritableStream;
  /** ANSI colours. Default: when the stream is a TTY. */
  color?: boolean;
  /** Events kept per open session for its tree; beyond it the tree says how many were left out. Default 10000. */
  maxEventsPerSession?: number;
}

/**
 * Prints each session as a readable tree when it ends.
 *
 * @example
 * const tracer = new SessionTracer({ exporters: [new ConsoleExporter()] });
 */
export class ConsoleExporter implements TraceExporter {
  readonly name = 'console';
  private readonly stream: NodeJS.WritableStream;
  private readonly color: boolean;
  private readonly maxEvents: number;
  private readonly buffered = new Map<string, { records: TraceRecord[]; events: number; omitted: number }>();

  constructor(options: ConsoleExporterOptions = {}) {
    this.stream = options.stream ?? process.stdout;
    this.color = options.color ?? Boolean((this.stream as { isTTY?: boolean }).isTTY);
    this.maxEvents = options.maxEventsPerSession ?? 10_000;
  }

  export(records: readonly TraceRecord[]): void {
    for (const record of records) {
      const id = record.record_type === 'session' ? record.session.session_id : record.session_id;
      let entry = this.buffered.get(id);
      if (entry === undefined) this.buffered.set(id, (entry = { records: [], events: 0, omitted: 0 }));
      if (record.record_type === 'event' && entry.events >= this.maxEvents) {
        entry.omitted++;
        continue;
      }
      if (record.record_type === 'event') entry.events++;
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
