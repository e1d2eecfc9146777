import type { TraceExporter, TraceRecord } from '../../src/index.js';

/**
 * An exporter that keeps up with anything: it counts what it receives and keeps nothing, so a
 * benchmark measures the tracer and not a destination. The counts prove that nothing was dropped.
 */
export class CountingExporter implements TraceExporter {
  readonly name = 'counting';
  records = 0;
  events = 0;
  sessions = 0;
  timesteps = 0;
  batches = 0;

  export(records: readonly TraceRecord[]): void {
    this.batches++;
    this.records += records.length;
    for (const record of records) {
      if (record.record_type === 'event') this.events++;
      else if (record.record_type === 'session') this.sessions++;
      else if (record.record_type === 'timestep') this.timesteps++;
    }
  }

  reset(): void {
    this.records = this.events = this.sessions = this.timesteps = this.batches = 0;
  }
}
