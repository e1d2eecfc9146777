import { reportDiagnostic } from '../diagnostics.js';
import type { TraceExporter } from './exporter.js';
import type { TraceRecord } from './records.js';

/** Limits of the queue in front of each exporter. */
export interface BatchOptions {
  /** Records waiting for one exporter; beyond it new records are dropped and counted. Default 8192. */
  maxQueueSize: number;
  /** Records per `export` call. Default 512. */
  maxExportBatchSize: number;
  /** How long one `export` may take before we stop waiting for it. Default 30000 ms. */
  exportTimeoutMillis: number;
}

/**
 * Feeds one exporter: a bounded queue, one `export` in flight at a time, a timeout on each,
 * drops counted. A throwing or hanging exporter affects neither the user nor other exporters.
 */
export class BatchProcessor {
  private queue: TraceRecord[] = [];
  private inFlight: Promise<void> | undefined;
  private closed = false;
  /** Records dropped because the queue was full or the exporter was shut down. */
  dropped = 0;
  /** Batches that failed or timed out. */
  failedBatches = 0;

  constructor(
    readonly exporter: TraceExporter,
    private readonly options: BatchOptions,
  ) {}

  /** Queues records for export; never blocks and never throws. */
  add(records: readonly TraceRecord[]): void {
    if (this.closed) {
      this.dropped += records.length;
      return;
    }
    const room = this.options.maxQueueSize - this.queue.length;
    if (records.length > room) {
      this.dropped += records.length - Math.max(room, 0);
      reportDiagnostic('queue-full', `exporter ${this.label()}: queue full (${this.options.maxQueueSize}); ${records.length - Math.max(room, 0)} records dropped.`);
      records = records.slice(0, Math.max(room, 0));
    }
    for (const record of records) this.queue.push(record);
    this.kick();
  }

  /** Exports everything queued so far, then asks the exporter to flush its own buffers. */
  async forceFlush(): Promise<void> {
    while (this.inFlight !== undefined || this.queue.length > 0) {
      this.kick();
      await this.inFlight;
    }
    await this.call('forceFlush');
  }

  /** Flushes once and shuts the exporter down; later records are dropped. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    await this.forceFlush();
    this.closed = true;
    await this.call('shutdown');
  }

  private kick(): void {
    if (this.inFlight !== undefined || this.queue.length === 0) return;
    this.inFlight = this.loop().finally(() => {
      this.inFlight = undefined;
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxExportBatchSize);
      try {
        await this.withTimeout(() => this.exporter.export(batch), 'export');
      } catch (error) {
        this.failedBatches++;
        reportDiagnostic('exporter-failed', `exporter ${this.label()}: a batch of ${batch.length} records failed.`, error);
      }
    }
  }

  private async call(method: 'forceFlush' | 'shutdown'): Promise<void> {
    const fn = this.exporter[method];
    if (typeof fn !== 'function') return;
    try {
      await this.withTimeout(() => fn.call(this.exporter), method);
    } catch (error) {
      reportDiagnostic('exporter-failed', `exporter ${this.label()}: ${method} failed.`, error);
    }
  }

  private withTimeout(fn: () => void | Promise<void>, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${this.options.exportTimeoutMillis} ms`)), this.options.exportTimeoutMillis);
      timer.unref();
      Promise.resolve()
        .then(fn)
        .then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        );
    });
  }

  private label(): string {
    return this.exporter.name ?? this.exporter.constructor?.name ?? 'exporter';
  }
}
