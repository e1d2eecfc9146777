import type { TraceRecord } from './records.js';

/**
 * A destination for trace records. The tracer batches records and calls `export`
 * with one batch at a time per exporter, never concurrently; a throw or a rejection
 * is reported as a diagnostic and never reaches user code.
 *
 * @example
 * const exporter: TraceExporter = { name: 'stdout', export: (records) => { for (const r of records) console.log(r.record_type); } };
 */
export interface TraceExporter {
  /** A short name used in diagnostics. */
  readonly name?: string;
  /** Writes one batch. May be sync or async. */
  export(records: readonly TraceRecord[]): void | Promise<void>;
  /** Writes anything the exporter buffers itself. */
  forceFlush?(): void | Promise<void>;
  /** Flushes and releases resources; no export follows. */
  shutdown?(): void | Promise<void>;
}
