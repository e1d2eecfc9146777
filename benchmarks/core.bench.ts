/**
 * Microbenchmarks of the hot path: the cost a decorated call adds, per call, next to an
 * undecorated baseline and to OpenTelemetry's own `startActiveSpan` in the same process and run.
 * Run by `run.ts` in a child process (`node --expose-gc build/benchmarks/core.bench.js`).
 */
import { bindContext, configure, InMemoryExporter, SessionTracer } from '../src/index.js';
import { CountingExporter } from './support/counting-exporter.js';
import { Plain, PlainNested, Traced, TracedNested } from './support/core-subjects.js';
import { emitResult, isEntry, progress } from './support/child.js';
import { measureInterleaved, type MicroCase, type RoundStats } from './support/interleave.js';
import { createOtelPeer } from './support/otel-peer.js';
import { median, round, spread, type Spread } from './support/stats.js';

/** One case's numbers: medians over the interleaved rounds of mitata's per-measurement statistics. */
export interface CoreCaseResult {
  label: string;
  /** Median over rounds of the per-measurement median, ns per call. */
  medianNs: number;
  p75Ns: number;
  p99Ns: number;
  /** Smallest and largest per-round median: the spread between rounds. */
  roundMinNs: number;
  roundMaxNs: number;
  baseline?: string;
  /** (case - baseline) per call, ns: median over rounds, with its spread. */
  costNs?: Spread;
  peer?: string;
  /** This case's per-call cost / the OpenTelemetry peer's per-call cost, per round. */
  costVsOtel?: Spread;
}

/** Everything `runCoreBench` measured. */
export interface CoreBenchResult {
  config: { rounds: number; minCpuTimeMs: number; batch: number };
  otel: { sdkVersion: string; contextManager: string };
  cases: Record<string, CoreCaseResult>;
  /** Batch side (off the caller's path): turning calls into records, masking, exporting, per event. */
  batchSide: Record<string, { label: string; nsPerEvent: Spread }>;
  checks: { parentLinks: boolean; parentLinksDetail: string; tracerDropped: number; otelDropped: number; eventsExported: number; spansExported: number };
}

interface Relation {
  baseline?: string;
  peer?: string;
  /** The peer's own baseline. */
  peerBaseline?: string;
}

async function checkParentLinks(): Promise<{ ok: boolean; detail: string }> {
  const memory = new InMemoryExporter();
  const tracer = new SessionTracer({ exporters: [memory] });
  const nested = new TracedNested();
  tracer.session('parent-links', () => nested.outer(1));
  await tracer.flush();
  await tracer.shutdown();
  const events = memory.events;
  const byName = new Map(events.map((e) => [e.name, e]));
  const outer = byName.get('outer');
  const middle = byName.get('middle');
  const inner = byName.get('inner');
  const ok =
    events.length === 3 &&
    outer !== undefined &&
    middle !== undefined &&
    inner !== undefined &&
    outer.parent_span_id == null &&
    middle.parent_span_id === outer.span_id &&
    inner.parent_span_id === middle.span_id &&
    outer.trace_id === inner.trace_id;
  return { ok, detail: `${events.length} events: ${events.map((e) => `${e.name}(${e.span_id} <- ${e.parent_span_id})`).join(', ')}` };
}

/**
 * Measures the microbenchmark cases, interleaved over several rounds, and returns medians, spreads
 * and per-call costs relative to the baseline and to OpenTelemetry.
 *
 * @example
 * const core = await runCoreBench({ rounds: 7, minCpuTimeMs: 40 });
 * console.log(core.cases['enabled-sync'].costVsOtel.median);
 */
export async function runCoreBench(options: { rounds?: number; minCpuTimeMs?: number } = {}): Promise<CoreBenchResult> {
  const rounds = options.rounds ?? 7;
  const minCpuTimeMs = options.minCpuTimeMs ?? 40;
  // 512 calls per timed sample: the nested case makes 1,536 OpenTelemetry spans, under its queue of 2,048.
  const batch = 512;

  const links = await checkParentLinks();
  const otel = await createOtelPeer();
  const counting = new CountingExporter();
  // Batches larger than a sample: the hot path is measured, the export runs between samples
  // (as OpenTelemetry's batch processor exports every 5 s, not within a sample).
  const tracer = new SessionTracer({ exporters: [counting], maxExportBatchSize: 8192, maxQueueSize: 65_536 });
  const traced = new Traced();
  const plain = new Plain();
  const tracedNested = new TracedNested();
  const plainNested = new PlainNested();
  const t = otel.tracer;

  const off = { setup: () => void configure({ enabled: false }), teardown: () => void configure({ enabled: true }) };
  // A session that sampling left out: calls bound to its context, against the same binding around the plain method.
  const sampledOutTracer = new SessionTracer({ exporters: [counting], sample: 'never' });
  const [inSampledOut, plainInSampledOut] = sampledOutTracer.session('sampled-out', () => [
    bindContext((x: number) => traced.syncOp(x)),
    bindContext((x: number) => plain.syncOp(x)),
  ]);
  const cases: MicroCase[] = [
    { id: 'baseline-sync', label: 'undecorated sync method', fn: (x) => plain.syncOp(x) },
    { id: 'runtime-off-sync', label: 'decorated sync, switched off at run time', fn: (x) => traced.syncOp(x), ...off },
    { id: 'enabled-sync', label: 'enabled sync method (@runtimeOperation)', fn: (x) => traced.syncOp(x) },
    { id: 'baseline-sampled-out', label: 'undecorated sync method, in a sampled-out session', fn: (x) => plainInSampledOut(x) },
    { id: 'sampled-out-sync', label: 'decorated sync, in a session sampling left out', fn: (x) => inSampledOut(x) },
    { id: 'otel-sync', label: 'OpenTelemetry startActiveSpan, sync', fn: (x) => t.startActiveSpan('syncOp', (span) => { const r = plain.syncOp(x); span.end(); return r; }) },
    { id: 'baseline-step', label: 'undecorated environment step (gym result)', fn: (x) => plain.step(x) },
    { id: 'enabled-step', label: 'enabled @environmentStep (gym result)', fn: (x) => traced.step(x) },
    { id: 'baseline-async', label: 'undecorated async method', fn: (x) => plain.asyncOp(x) },
    { id: 'runtime-off-async', label: 'decorated async, switched off at run time', fn: (x) => traced.asyncOp(x), ...off },
    { id: 'enabled-async', label: 'enabled async method (@runtimeOperation)', fn: (x) => traced.asyncOp(x) },
    {
      id: 'otel-async',
      label: 'OpenTelemetry startActiveSpan, async',
      fn: (x) =>
        t.startActiveSpan('asyncOp', (span) =>
          plain.asyncOp(x).then(
            (v) => { span.end(); return v; },
            (e: unknown) => { span.end(); throw e; },
          ),
        ),
    },
    { id: 'baseline-ai', label: 'undecorated async model call (OpenAI-shaped result)', fn: (x) => plain.complete(x) },
    { id: 'enabled-ai', label: 'enabled @aiCall (OpenAI-shaped result)', fn: (x) => traced.complete(x) },
    { id: 'baseline-gen', label: 'undecorated generator, 3 items consumed', fn: (x) => { let s = 0; for (const v of plain.gen(x)) s += v; return s; } },
    { id: 'enabled-gen', label: 'enabled generator method, 3 items consumed', fn: (x) => { let s = 0; for (const v of traced.gen(x)) s += v; return s; } },
    { id: 'baseline-agen', label: 'undecorated async generator, 3 items consumed', fn: async (x) => { let s = 0; for await (const v of plain.agen(x)) s += v; return s; } },
    { id: 'enabled-agen', label: 'enabled async generator method, 3 items consumed', fn: async (x) => { let s = 0; for await (const v of traced.agen(x)) s += v; return s; } },
    { id: 'baseline-nested3', label: 'undecorated nested calls, depth 3', fn: (x) => plainNested.outer(x) },
    { id: 'enabled-nested3', label: 'enabled nested spans, depth 3 (ALS parent links)', fn: (x) => tracedNested.outer(x) },
    {
      id: 'otel-nested3',
      label: 'OpenTelemetry nested startActiveSpan, depth 3',
      fn: (x) =>
        t.startActiveSpan('outer', (a) => {
          const r = t.startActiveSpan('middle', (b) => {
            const r2 = t.startActiveSpan('inner', (c) => { const r3 = plainNested.inner(x); c.end(); return r3; });
            b.end();
            return r2;
          });
          a.end();
          return r;
        }),
    },
  ];
  const relations: Record<string, Relation> = {
    'runtime-off-sync': { baseline: 'baseline-sync' },
    'runtime-off-async': { baseline: 'baseline-async' },
    'sampled-out-sync': { baseline: 'baseline-sampled-out' },
    'enabled-sync': { baseline: 'baseline-sync', peer: 'otel-sync', peerBaseline: 'baseline-sync' },
    'otel-sync': { baseline: 'baseline-sync' },
    'enabled-step': { baseline: 'baseline-step', peer: 'otel-sync', peerBaseline: 'baseline-sync' },
    'enabled-async': { baseline: 'baseline-async', peer: 'otel-async', peerBaseline: 'baseline-async' },
    'otel-async': { baseline: 'baseline-async' },
    'enabled-ai': { baseline: 'baseline-ai', peer: 'otel-async', peerBaseline: 'baseline-async' },
    'enabled-gen': { baseline: 'baseline-gen', peer: 'otel-sync', peerBaseline: 'baseline-sync' },
    'enabled-agen': { baseline: 'baseline-agen', peer: 'otel-async', peerBaseline: 'baseline-async' },
    'enabled-nested3': { baseline: 'baseline-nested3', peer: 'otel-nested3', peerBaseline: 'baseline-nested3' },
    'otel-nested3': { baseline: 'baseline-nested3' },
  };

  const between = async () => {
    await tracer.flush();
    await otel.forceFlush();
  };

  const measured = await tracer.session({ id: 'core-bench' }, () =>
    tracer.timestep({ turn: 0 }, () =>
      measureInterleaved(cases, { rounds, minCpuTimeMs, batch, between, onRound: (r) => progress(`core: round ${r + 1}/${rounds} done`) }),
    ),
  );

  const costs = (id: string, base: string): number[] => {
    const a = measured.get(id)!;
    const b = measured.get(base)!;
    return a.map((s, i) => s.p50 - b[i]!.p50);
  };
  const results: Record<string, CoreCaseResult> = {};
  for (const c of cases) {
    const stats: RoundStats[] = measured.get(c.id)!;
    const p50s = stats.map((s) => s.p50);
    const entry: CoreCaseResult = {
      label: c.label,
      medianNs: round(median(p50s)),
      p75Ns: round(median(stats.map((s) => s.p75))),
      p99Ns: round(median(stats.map((s) => s.p99))),
      roundMinNs: round(Math.min(...p50s)),
      roundMaxNs: round(Math.max(...p50s)),
    };
    const rel = relations[c.id];
    if (rel?.baseline) {
      entry.baseline = rel.baseline;
      entry.costNs = roundSpread(spread(costs(c.id, rel.baseline)));
    }
    if (rel?.peer && rel.peerBaseline && rel.baseline) {
      entry.peer = rel.peer;
      const own = costs(c.id, rel.baseline);
      const peer = costs(rel.peer, rel.peerBaseline);
      entry.costVsOtel = roundSpread(spread(own.map((v, i) => v / peer[i]!)), 4);
    }
    results[c.id] = entry;
  }

  progress('core: batch side (records, masking, export) per event');
  const batchSide = await measureBatchSide(tracer, traced, otel);

  await tracer.flush();
  await otel.forceFlush();
  const checks = {
    parentLinks: links.ok,
    parentLinksDetail: links.detail,
    tracerDropped: tracer.dropped,
    otelDropped: otel.dropped(),
    eventsExported: counting.events,
    spansExported: otel.exported(),
  };
  await tracer.shutdown();
  await otel.shutdown();
  return { config: { rounds, minCpuTimeMs, batch }, otel: { sdkVersion: otel.sdkVersion, contextManager: otel.contextManager }, cases: results, batchSide, checks };
}

function roundSpread(s: Spread, digits = 3): Spread {
  return { median: round(s.median, digits), min: round(s.min, digits), max: round(s.max, digits), p25: round(s.p25, digits), p75: round(s.p75, digits), n: s.n };
}

async function measureBatchSide(tracer: SessionTracer, traced: Traced, otel: Awaited<ReturnType<typeof createOtelPeer>>) {
  // Fewer calls than the tracer's early-drain threshold (1024): all of it is drained by the timed flush.
  const n = 1000;
  const warmup = 5;
  const reps = 15;
  const kinds: Array<{ id: string; label: string; record: (i: number) => unknown }> = [
    { id: 'runtime-event', label: '@runtimeOperation sync call (number in, number out)', record: (i) => traced.syncOp(i) },
    { id: 'environment-event', label: '@environmentStep (gym result)', record: (i) => traced.step(i) },
    { id: 'cais-event', label: '@aiCall (OpenAI chat completion)', record: (i) => traced.complete(i) },
  ];
  const out: Record<string, { label: string; nsPerEvent: Spread }> = {};
  await tracer.session({ id: 'batch-side' }, async () => {
    for (const kind of kinds) {
      const samples: number[] = [];
      for (let rep = 0; rep < warmup + reps; rep++) {
        await tracer.flush();
        for (let i = 0; i < n; i++) {
          const r = kind.record(i);
          if (r instanceof Promise) await r;
        }
        const t0 = process.hrtime.bigint();
        await tracer.flush();
        if (rep >= warmup) samples.push(Number(process.hrtime.bigint() - t0) / n);
      }
      out[kind.id] = { label: kind.label, nsPerEvent: roundSpread(spread(samples), 1) };
    }
  });
  const samples: number[] = [];
  for (let rep = 0; rep < warmup + reps; rep++) {
    await otel.forceFlush();
    for (let i = 0; i < n; i++) otel.tracer.startActiveSpan('s', (span) => span.end());
    const t0 = process.hrtime.bigint();
    await otel.forceFlush();
    if (rep >= warmup) samples.push(Number(process.hrtime.bigint() - t0) / n);
  }
  out['otel-span'] = { label: 'OpenTelemetry BatchSpanProcessor forceFlush, no-op exporter', nsPerEvent: roundSpread(spread(samples), 1) };
  return out;
}

if (isEntry(import.meta.url)) {
  const rounds = process.env.BENCH_ROUNDS ? Number(process.env.BENCH_ROUNDS) : undefined;
  const minCpuTimeMs = process.env.BENCH_CPU_MS ? Number(process.env.BENCH_CPU_MS) : undefined;
  runCoreBench({ rounds, minCpuTimeMs }).then(emitResult, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
