import { getConfig } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import { runtime } from '../runtime.js';
import { toRecords } from '../recorder/to-records.js';
import { redactRecords } from '../redaction/redact-records.js';
import { BatchProcessor } from './batch-processor.js';
/** Default pipeline limits. */
export const DEFAULT_PIPELINE_OPTIONS = Object.freeze({
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
    constructor(exporters, redactor, options, maxPayloadBytes) {
        this.redactor = redactor;
        this.options = options;
        this.maxPayloadBytes = maxPayloadBytes;
        this.pending = [];
        this.chain = Promise.resolve();
        /** Events and messages dropped because too many waited for their batch. */
        this.dropped = 0;
        this.processors = exporters.map((exporter) => new BatchProcessor(exporter, options));
    }
    /** Queues what finished. Sessions and timesteps are never dropped; events are, past the queue limit. */
    enqueue(item) {
        if (this.pending.length >= this.options.maxQueueSize && (item.pendingKind === 'call' || item.pendingKind === 'event' || item.pendingKind === 'message')) {
            if (item.pendingKind === 'call' && item.otelContext !== undefined)
                runtime.bridge?.finish(item, null);
            this.dropped++;
            item.session.dropped++;
            if (this.dropped === 1 || this.dropped % 10_000 === 0) {
                reportDiagnostic('queue-full', `${this.dropped} events dropped: more than ${this.options.maxQueueSize} waited for export. Raise maxQueueSize or export faster.`);
            }
            return;
        }
        this.pending.push(item);
        if (this.pending.length >= this.options.maxExportBatchSize) {
            this.immediate ??= setImmediate(() => {
                this.immediate = undefined;
                void this.drain();
            });
            this.immediate.unref();
        }
        else if (this.timer === undefined) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                void this.drain();
            }, this.options.scheduledDelayMillis);
            this.timer.unref();
        }
    }
    /** True while something waits to be turned into records or exported. */
    get hasPending() {
        return this.pending.length > 0 || this.processors.some((processor) => processor.queued > 0);
    }
    /** Turns everything pending into records and hands them to the processors; batches stay in order. */
    drain() {
        this.chain = this.chain.then(() => this.drainOnce());
        return this.chain;
    }
    /** Drains, then waits until every exporter has written everything. */
    async flush() {
        await this.drain();
        await Promise.all(this.processors.map((processor) => processor.forceFlush()));
    }
    /** Flushes once and shuts every exporter down. */
    async shutdown() {
        await this.drain();
        await Promise.all(this.processors.map((processor) => processor.shutdown()));
        if (this.timer !== undefined)
            clearTimeout(this.timer);
        if (this.immediate !== undefined)
            clearImmediate(this.immediate);
    }
    async drainOnce() {
        if (this.pending.length === 0)
            return;
        const items = this.pending;
        this.pending = [];
        let records;
        try {
            records = await redactRecords(toRecords(items, this.maxPayloadBytes()), this.redactor);
        }
        catch (error) {
            // Fail closed: nothing unmasked leaves the process.
            reportDiagnostic('serialize-failed', `a batch of ${items.length} items could not be serialised or masked and was dropped.`, error);
            this.dropped += items.length;
            return;
        }
        const bridge = runtime.bridge;
        if (bridge !== undefined && records.length === items.length) {
            items.forEach((item, i) => {
                const record = records[i];
                if (item.pendingKind !== 'call' || item.otelContext === undefined || record.record_type !== 'event')
                    return;
                try {
                    bridge.finish(item, record.event);
                }
                catch (error) {
                    reportDiagnostic('span-bridge-failed', `could not end the OpenTelemetry span of "${item.spec.name}".`, error);
                }
            });
        }
        // In `otel` mode OpenTelemetry is the only destination.
        if (getConfig().mode === 'otel')
            return;
        for (const processor of this.processors)
            processor.add(records);
    }
}
//# sourceMappingURL=export-pipeline.js.map