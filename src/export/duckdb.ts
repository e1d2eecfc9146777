import AsyncLock from 'async-lock';
import { AgentTraceError } from '../errors.js';
import { reportDiagnostic } from '../diagnostics.js';
import type { TraceExporter } from './exporter.js';
import type { TraceRecord } from './records.js';
import { TraceStore, defaultStorePath, type TraceStoreOptions } from './duckdb-store.js';

export { TraceStore, defaultStorePath } from './duckdb-store.js';
export type { SessionSummary, TraceStoreOptions, WriteResult } from './duckdb-store.js';

/** Options of `DuckDBExporter`. */
export interface DuckDBExporterOptions {
  /** The store file; default `defaultStorePath()` (`$AGENT_TRACE_DIR/traces.duckdb`, else `./traces/traces.duckdb`). */
  path?: string;
  /** Write into this open store instead (the exporter then leaves closing it to you). */
  store?: TraceStore;
  /** DuckDB worker threads, default 2. */
  threads?: number;
  /** After the file failed to open (e.g. locked), wait this long before trying again; batches meanwhile fail. Default 5000 ms. */
  reopenDelayMs?: number;
}

/**
 * Writes trace records into the embedded DuckDB store, one transaction per batch, so that every
 * committed batch survives a crash of the process. The file opens on the first batch (or `open()`).
 *
 * @example
 * import { DuckDBExporter, TraceStore } from 'agent-trace/duckdb';
 * const tracer = new SessionTracer({ exporters: [new DuckDBExporter({ path: 'traces/run.duckdb' })] });
 * // ...later, in another process:
 * const store = await TraceStore.open('traces/run.duckdb', { readOnly: true });
 */
export class DuckDBExporter implements TraceExporter {
  readonly name = 'duckdb';
  /** The file this exporter writes. */
  readonly path: string;
  private readonly lock = new AsyncLock({ maxPending: Infinity });
  private readonly options: DuckDBExporterOptions;
  private readonly ownsStore: boolean;
  private store: TraceStore | undefined;
  private opening: Promise<TraceStore> | undefined;
  private failedAt = 0;
  private lastError: unknown;
  private stopped = false;
  private recordsWritten = 0;
  private recordsSkipped = 0;

  constructor(options: DuckDBExporterOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: new DuckDBExporter(options) takes an options object, e.g. { path: "traces/traces.duckdb" }.');
    }
    if (options.path !== undefined && (typeof options.path !== 'string' || options.path.length === 0)) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: DuckDBExporter path must be a non-empty file path.');
    }
    if (options.store !== undefined && !(options.store instanceof TraceStore)) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: DuckDBExporter store must be a TraceStore from TraceStore.open().');
    }
    if (options.store?.readOnly) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: DuckDBExporter got a read-only TraceStore; open it without { readOnly: true }.');
    }
    const delay = options.reopenDelayMs ?? 5000;
    if (typeof delay !== 'number' || !(delay >= 0)) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: DuckDBExporter reopenDelayMs must be a number of milliseconds >= 0.');
    }
    this.options = { ...options, reopenDelayMs: delay };
    this.store = options.store;
    this.ownsStore = options.store === undefined;
    this.path = options.store?.path ?? options.path ?? defaultStorePath();
  }

  /** Counts since construction: records committed, and records skipped as malformed. */
  get stats(): { written: number; skipped: number } {
    return { written: this.recordsWritten, skipped: this.recordsSkipped };
  }

  /**
   * Opens the store now (it otherwise opens on the first batch), so that a locked or unwritable file
   * shows up at start-up as an `AgentTraceError` instead of as failed batches.
   */
  async open(): Promise<TraceStore> {
    if (this.store !== undefined) return this.store;
    if (this.stopped) throw new AgentTraceError('E_USAGE', 'agent-trace: this DuckDBExporter was shut down.');
    if (this.opening === undefined) {
      if (this.lastError !== undefined && Date.now() - this.failedAt < (this.options.reopenDelayMs ?? 0)) throw this.lastError;
      const storeOptions: TraceStoreOptions = {};
      if (this.options.threads !== undefined) storeOptions.threads = this.options.threads;
      this.opening = TraceStore.open(this.path, storeOptions).then(
        (store) => {
          this.store = store;
          this.lastError = undefined;
          return store;
        },
        (error: unknown) => {
          this.opening = undefined;
          this.failedAt = Date.now();
          this.lastError = error;
          throw error;
        },
      );
    }
    return this.opening;
  }

  /** Writes one batch as one transaction; rejects (and commits nothing of it) when the write fails. */
  async export(records: readonly TraceRecord[]): Promise<void> {
    if (this.stopped) {
      reportDiagnostic('exporter-shut-down', `agent-trace: DuckDBExporter received ${records.length} records after shutdown; they were dropped.`);
      return;
    }
    if (records.length === 0) return;
    await this.lock.acquire('write', async () => {
      if (this.stopped) {
        reportDiagnostic('exporter-shut-down', `agent-trace: DuckDBExporter received ${records.length} records during shutdown; they were dropped.`);
        return;
      }
      const store = await this.open();
      const result = await store.write(records);
      this.recordsSkipped += result.skipped;
      this.recordsWritten += records.length - result.skipped;
    });
  }

  /** Resolves once every batch handed to `export` so far is committed (or failed). */
  async forceFlush(): Promise<void> {
    await this.lock.acquire('write', () => undefined);
  }

  /** Waits for running writes, then closes the file (unless the store was passed in). */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    await this.lock.acquire('write', async () => {
      this.stopped = true;
      const store = this.store ?? (await this.opening?.catch(() => undefined));
      this.store = undefined;
      if (store !== undefined && this.ownsStore) await store.close();
    });
  }
}
