import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { TraceExporter } from '../src/export/exporter.js';
import type { TraceRecord } from '../src/export/records.js';
import type { TraceEvent } from '../src/model/events.js';

/** Sustained export of one exporter: throughput and what it cost the event loop. */
export interface ExportBenchResult {
  exporter: string;
  records: number;
  batchSize: number;
  recordsPerSecond: number;
  /** Event-loop delay while exporting, milliseconds. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Size of what was written (file, plus the DuckDB WAL when there is one). */
  bytesWritten: number;
}

/** Options of `runExportBench`. */
export interface ExportBenchOptions {
  /** Records per exporter (events, plus one session record per 50 events). Default 50000. */
  records?: number;
  /** Records per `export` call, as the batch processor sends them. Default 512. */
  batchSize?: number;
}

const PROMPT = 'You are a careful planning agent. The grid is 8x8; walls are marked #. Decide the next move and explain briefly. ';

/** A realistic mix: a model call with a ~1 KB prompt, an environment step, a tool call, a span. */
function makeRecords(count: number): TraceRecord[] {
  const records: TraceRecord[] = [];
  const t0 = Date.parse('2025-01-01T00:00:00.000Z');
  let session = 0;
  for (let i = 0; records.length < count; i++) {
    const sessionId = `bench-${session}`;
    const at = (ms: number) => new Date(t0 + i * 10 + ms).toISOString();
    const common = {
      schema_version: '3.0', event_id: `e${i}`, system_instance_id: 'agent', time_record: { event_time: (t0 + i * 10) / 1000, message_time: i % 50 },
      trace_id: `t${session}`, span_id: `e${i}`, parent_span_id: i % 4 === 3 ? null : `e${i - (i % 4) + 3}`, started_at: at(0), ended_at: at(5), duration_ms: 5,
      status: 'ok' as const, error: null, metadata: { i },
    };
    let event: TraceEvent;
    switch (i % 4) {
      case 0:
        event = {
          ...common, event_type: 'cais', name: 'think', input: [PROMPT.repeat(8)], output: { text: 'move left: the wall is to the right' },
          model_name: 'gpt-4o-mini', provider: 'openai', input_tokens: 250, output_tokens: 12, total_tokens: 262, cost_usd: 0.0000447, latency_ms: 5,
          system_state_before: undefined, system_state_after: undefined,
          call_records: [{ call_id: `c${i}`, api_type: 'chat_completions', provider: 'openai', model_name: 'gpt-4o-mini', started_at: at(0), completed_at: at(5), latency_ms: 5, request_params: { temperature: 0 }, input_messages: [{ role: 'user', parts: [{ type: 'text', text: PROMPT }] }], output_messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'left' }] }], output_text: 'left', tool_calls: [], usage: { input_tokens: 250, output_tokens: 12, total_tokens: 262 }, cost_usd: 0.0000447, finish_reason: 'stop', provider_request_id: null, stream: null, metadata: {} }],
        };
        break;
      case 1:
        event = { ...common, event_type: 'environment', name: 'step', input: ['left'], output: { observation: { x: i % 8, y: 3 }, reward: 0.1 }, reward: 0.1, terminated: false, truncated: false, system_state_before: { x: 1 }, system_state_after: { x: 0 } };
        break;
      case 2:
        event = { ...common, event_type: 'runtime', name: 'lookup', input: ['map'], output: 'ok', actions: [{ tool: 'lookup' }] };
        break;
      default:
        event = { ...common, event_type: 'span', name: 'turn', input: undefined, output: undefined, span_kind: 'agent' };
    }
    records.push({ record_type: 'event', session_id: sessionId, step_id: null, event });
    if (i % 50 === 49) {
      records.push({ record_type: 'session', session: { schema_version: '3.0', session_id: sessionId, created_at: at(-490), ended_at: at(10), session_time_steps: [], event_history: [], markov_blanket_message_history: [], metadata: {} } });
      session++;
    }
  }
  return records.slice(0, count);
}

async function measure(name: string, exporter: TraceExporter, records: readonly TraceRecord[], batchSize: number, files: string[]): Promise<ExportBenchResult> {
  // Warm up (opens the file, creates tables) outside the measurement.
  await exporter.export(records.slice(0, Math.min(batchSize, records.length)));
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  for (let i = batchSize; i < records.length; i += batchSize) await exporter.export(records.slice(i, i + batchSize));
  await exporter.forceFlush?.();
  const seconds = (performance.now() - start) / 1000;
  histogram.disable();
  await exporter.shutdown?.();
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // A WAL that was checkpointed away on close.
    }
  }
  return {
    exporter: name,
    records: records.length - batchSize,
    batchSize,
    recordsPerSecond: Math.round((records.length - batchSize) / seconds),
    loopDelayP50Ms: histogram.percentile(50) / 1e6,
    loopDelayP99Ms: histogram.percentile(99) / 1e6,
    loopDelayMaxMs: histogram.max / 1e6,
    bytesWritten: bytes,
  };
}

/**
 * Sustained export throughput (records per second) to the DuckDB store and to the JSONL exporter,
 * with the event-loop delay (p50/p99/max) observed while exporting.
 *
 * @example
 * for (const r of await runExportBench({ records: 20_000 })) console.log(r.exporter, r.recordsPerSecond, r.loopDelayP99Ms);
 */
export async function runExportBench(options: ExportBenchOptions = {}): Promise<ExportBenchResult[]> {
  const batchSize = options.batchSize ?? 512;
  const records = makeRecords((options.records ?? 50_000) + batchSize);
  const dir = mkdtempSync(join(tmpdir(), 'agent-trace-export-bench-'));
  const results: ExportBenchResult[] = [];
  try {
    const { DuckDBExporter } = await import('../src/export/duckdb.js');
    const duckdbPath = join(dir, 'bench.duckdb');
    results.push(await measure('duckdb', new DuckDBExporter({ path: duckdbPath }), records, batchSize, [duckdbPath, `${duckdbPath}.wal`]));
    try {
      const { JsonlExporter } = await import('../src/export/jsonl.js');
      const jsonlPath = join(dir, 'bench.jsonl');
      results.push(await measure('jsonl', new JsonlExporter({ path: jsonlPath }), records, batchSize, [jsonlPath]));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function isMain(): boolean {
  return /export\.bench\.(js|ts)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  const records = Number(process.argv[2] ?? 50_000);
  void runExportBench({ records }).then((results) => {
    for (const r of results) {
      console.log(
        `${r.exporter.padEnd(8)} ${String(r.recordsPerSecond).padStart(9)} records/s  (batch ${r.batchSize}, ${r.records} records, ${(r.bytesWritten / 1e6).toFixed(1)} MB)  ` +
          `event-loop delay p50 ${r.loopDelayP50Ms.toFixed(2)} ms, p99 ${r.loopDelayP99Ms.toFixed(2)} ms, max ${r.loopDelayMaxMs.toFixed(2)} ms`,
      );
    }
  });
}
