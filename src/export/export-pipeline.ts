import { getConfig } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import type { TraceEvent } from '../model/events.js';
import type { ActiveCall } from '../recorder/active-call.js';
import type { PendingItem } from '../recorder/pending.js';
import { toRecords } from '../recorder/to-records.js';
import { redactOwnRecords } from '../redaction/redact-records.js';
import type { Redactor } from '../redaction/redactor.js';
import { BatchProcessor, type BatchOptions } from './batch-processor.js';
import type { TraceExporter } from './exporter.js';
import type { TraceRecord } from './records.js';

const DRAIN_SLICE = 64;

/** Ends a call's OpenTelemetry span, through the bridge that started it. */
function endSpan(call: ActiveCall, event: TraceEvent | null): void {
  if (call.bridge === undefined || call.otelContext === undefined) return;
  try {
    call.bridge.finish(call, event);
  } catch (error) {
    reportDiagnostic('span-bridge-failed', `could not end the OpenTelemetry span of "${call.spec.name}".`, error);
  }
}

/** Timing and limits of a tracer's export pipeline (OpenTelemetry-like defaults). */
export interface PipelineOptions extends BatchOptions {
  /** How long a finished event may wait for its batch. Default 500 ms. */
  scheduledDelayMillis: number;
}

/** Default pipeline limits. */
export const DEFAULT_PIPELINE_OPTIONS: Readonly<PipelineOptions> = Object.freeze({
  maxQueueSize: 8192,
  maxExportBatchSize: 512,
  exportTimeoutMillis: 30_000,
  scheduledDelayMillis: 500,
});

/**
 * The batch side of a tracer: what finished waits here (bounded), then in batches is turned into
 * records, masked in one place, and handed to every exporter's processor.
 */
export class ExportPipeline {
  private pending: PendingItem[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private chain: Promise<void> = Promise.resolve();
  readonly processors: BatchProcessor[];
  /** Events and messages dropped because too many waited for their batch. */
  dropped = 0;

  constructor(
    exporters: readonly TraceExporter[],
    private readonly redactor: Redactor,
    private readonly options: PipelineOptions,
    private readonly maxPayloadBytes: () => number,
  ) {
    this.processors = exporters.map((exporter) => new BatchProcessor(exporter, options));
  }

  /** Queues what finished. Sessions and timesteps are never dropped; events are, past the queue limit. */
  enqueue(item: PendingItem): void {
    if (this.pending.length >= this.options.maxQueueSize && (item.pendingKind === 'call' || item.pendingKind === 'event' || item.pendingKind === 'message')) {
      if (item.pendingKind === 'call') endSpan(item, null);
      this.dropped++;
      item.session.dropped++;
      if (this.dropped === 1 || this.dropped % 10_000 === 0) {
        reportDiagnostic('queue-full', `${this.dropped} events dropped: more than ${this.options.maxQueueSize} waited for export. Raise maxQueueSize or export faster.`);
      }
      return;
    }
    this.pending.push(item);
    // An eighth of a batch (64 by default) is drained on the next turn: records made while their
    // calls are young die young, where waiting for a full batch would have the garbage collector
    // copy and promote them.
    if (this.pending.length >= Math.max(1, this.options.maxExportBatchSize >> 3)) {
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        void this.drain();
      });
      this.immediate.unref();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.drain();
      }, this.options.scheduledDelayMillis);
      this.timer.unref();
    }
  }

  /** True while something waits to be turned into records or exported. */
  get hasPending(): boolean {
    return this.pending.length > 0 || this.processors.some((processor) => processor.queued > 0);
  }

  /** Turns everything pending into records and hands them to the processors; batches stay in order. */
  drain(): Promise<void> {
    this.chain = this.chain.then(() => this.drainOnce());
    return this.chain;
  }

  /** Drains, then waits until every exporter has written everything. */
  async flush(): Promise<void> {
    await this.drain();
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }

  /** Flushes once and shuts every exporter down. */
  async shutdown(): Promise<void> {
    await this.drain();
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
  }

  private async drainOnce(): Promise<void> {
    // Only what is pending now: a flush must end even while the program keeps recording.
    let remaining = this.pending.length;
    while (remaining > 0) {
      // Slices keep each turn of the event loop short; the user's code runs between them.
      const items = this.pending.splice(0, Math.min(DRAIN_SLICE, remaining));
      remaining -= items.length;
      await this.drainSlice(items);
      if (remaining > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private async drainSlice(items: PendingItem[]): Promise<void> {
    let records: TraceRecord[];
    try {
      records = await redactOwnRecords(toRecords(items, this.maxPayloadBytes()), this.redactor);
    } catch (error) {
      // Fail closed: nothing unmasked leaves the process.
      reportDiagnostic('serialize-failed', `a batch of ${items.length} items could not be serialised or masked and was dropped.`, error);
      this.dropped += items.length;
      for (const item of items) if (item.pendingKind === 'call') endSpan(item, null);
      return;
    }
    const aligned = records.length === items.length;
    items.forEach((item, i) => {
      if (item.pendingKind !== 'call') return;
      const record = aligned ? records[i] : undefined;
      endSpan(item, record?.record_type === 'event' ? record.event : null);
    });
    // In `otel` mode OpenTelemetry is the only destination.
    if (getConfig().mode === 'otel') return;
    for (const processor of this.processors) processor.add(records);
  }
}
