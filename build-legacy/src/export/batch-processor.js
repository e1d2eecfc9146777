import { reportDiagnostic } from '../diagnostics.js';
/**
 * Feeds one exporter: a bounded queue, one `export` in flight at a time, a timeout on each,
 * drops counted. A throwing or hanging exporter affects neither the user nor other exporters.
 */
export class BatchProcessor {
    constructor(exporter, options) {
        this.exporter = exporter;
        this.options = options;
        this.queue = [];
        this.waiting = 0;
        this.closed = false;
        /** Records dropped because the queue was full or the exporter was shut down. */
        this.dropped = 0;
        /** Batches that failed or timed out. */
        this.failedBatches = 0;
    }
    /** Queues records for export; never blocks and never throws. */
    add(records) {
        if (this.closed) {
            this.dropped += records.length;
            return;
        }
        let dropped = 0;
        for (const record of records) {
            // Session and timestep records are few and hold the structure: they are never dropped.
            if (this.queue.length >= this.options.maxQueueSize && (record.record_type === 'event' || record.record_type === 'message'))
                dropped++;
            else
                this.queue.push(record);
        }
        if (dropped > 0) {
            this.dropped += dropped;
            reportDiagnostic('queue-full', `exporter ${this.label()}: queue full (${this.options.maxQueueSize}); ${dropped} records dropped.`);
        }
        this.kick();
    }
    /** Exports everything queued so far, then asks the exporter to flush its own buffers. */
    async forceFlush() {
        // Someone waits for this flush: its export timeout may keep the process alive until it fires.
        this.waiting++;
        this.timer?.ref();
        try {
            while (this.inFlight !== undefined || this.queue.length > 0) {
                this.kick();
                await this.inFlight;
            }
            await this.call('forceFlush');
        }
        finally {
            this.waiting--;
        }
    }
    /** Records waiting for their export. */
    get queued() {
        return this.queue.length;
    }
    /** Flushes once and shuts the exporter down; later records are dropped. */
    async shutdown() {
        if (this.closed)
            return;
        await this.forceFlush();
        this.closed = true;
        this.waiting++;
        try {
            await this.call('shutdown');
        }
        finally {
            this.waiting--;
        }
    }
    kick() {
        if (this.inFlight !== undefined || this.queue.length === 0)
            return;
        this.inFlight = this.loop().finally(() => {
            this.inFlight = undefined;
        });
    }
    async loop() {
        while (this.queue.length > 0) {
            const batch = this.queue.splice(0, this.options.maxExportBatchSize);
            try {
                await this.withTimeout(() => this.exporter.export(batch), 'export');
            }
            catch (error) {
                this.failedBatches++;
                reportDiagnostic('exporter-failed', `exporter ${this.label()}: a batch of ${batch.length} records failed.`, error);
            }
        }
    }
    async call(method) {
        const fn = this.exporter[method];
        if (typeof fn !== 'function')
            return;
        try {
            await this.withTimeout(() => fn.call(this.exporter), method);
        }
        catch (error) {
            reportDiagnostic('exporter-failed', `exporter ${this.label()}: ${method} failed.`, error);
        }
    }
    withTimeout(fn, what) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${this.options.exportTimeoutMillis} ms`)), this.options.exportTimeoutMillis);
            if (this.waiting === 0)
                timer.unref();
            this.timer = timer;
            const done = () => {
                clearTimeout(timer);
                if (this.timer === timer)
                    this.timer = undefined;
            };
            Promise.resolve()
                .then(fn)
                .then(() => {
                done();
                resolve();
            }, (error) => {
                done();
                reject(error);
            });
        });
    }
    label() {
        return this.exporter.name ?? this.exporter.constructor?.name ?? 'exporter';
    }
}
//# sourceMappingURL=batch-processor.js.map