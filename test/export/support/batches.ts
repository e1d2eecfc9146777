import type { TraceRecord } from '../../../src/export/records.js';
import { RecordBuilder } from './trace-records.js';

/**
 * Batch `index` of a crash test: one whole session `batch-<index>` with `size` events and its
 * session record, deterministic so that the parent can rebuild exactly what the child wrote.
 */
export function batchRecords(index: number, size: number): TraceRecord[] {
  const b = new RecordBuilder(`batch-${index}`, new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString());
  for (let i = 0; i < size; i++) {
    if (i % 3 === 0) b.cais(null, { start: i * 10, duration: 5, model: 'gpt-4o-mini', provider: 'openai', input: 10, output: 5, cost: 0.0001 });
    else if (i % 3 === 1) b.env(null, { start: i * 10, duration: 2, action: i, observation: { i }, reward: 1 });
    else b.runtime(null, { start: i * 10, duration: 1 });
  }
  b.session({ end: size * 10 + 10, metadata: { batch: index } });
  return b.records;
}
