/**
 * Reference workloads a user recognises: (a) an agent loop (model call ~1 ms async, environment
 * step ~20 us CPU, a tool call, a span per turn, a session with timesteps), (b) a synchronous
 * environment step of 2 us and of 10 us in a tight loop, (c) 100 concurrent sessions; each traced
 * vs the same code undecorated, interleaved, in one process.
 * Run by `run.ts` in a child process (`node --expose-gc build/benchmarks/workloads.bench.js`).
 */
import { performance } from 'node:perf_hooks';
import { configure, SessionTracer } from '../src/index.js';
import { PlainAgent, PlainEnv, PlainTightEnv, TracedAgent, TracedEnv, TracedTightEnv, work } from './support/agent.js';
import { emitResult, isEntry, progress } from './support/child.js';
import { burn, calibrate, turn } from './support/cpu-work.js';
import { CountingExporter } from './support/counting-exporter.js';
import { measureInterleaved } from './support/interleave.js';
import { median, round, spread, type Spread } from './support/stats.js';

/** A traced-vs-undecorated comparison of whole runs, paired. */
export interface PairedResult {
  label: string;
  pairs: number;
  /** Median wall ms of one run. */
  baselineMs: number;
  tracedMs: number;
  /** traced / baseline - 1 per pair: median and spread. */
  overhead: Spread;
  /** sum(traced) / sum(baseline) - 1. */
  overheadAggregate: number;
  [extra: string]: unknown;
}

/** Everything `runWorkloadsBench` measured. */
export interface WorkloadsBenchResult {
  calibration: { envStepUs: number; toolUs: number; modelMs: number; tight2Us: number; tight10Us: number };
  agentLoop: PairedResult;
  /** The agent loop in sessions that sampling leaves out: should cost what tracing switched off costs. */
  agentLoopSampledOut: PairedResult;
  agentLoopRuntimeOff: PairedResult;
  tightLoops: Record<string, { label: string; stepUs: number; hotPathOverhead: Spread; hotPathCostNs: Spread; allInOverhead: Spread; allInCostNs: Spread }>;
  concurrentSessions: PairedResult;
  checks: { dropped: number; eventsExported: number; sessionsExported: number; expectedSessions: number };
}

const RUNTIME = Symbol.for('agent-trace.runtime.v1');

type Storage = { disable(): void; run(store: unknown, fn: () => void): void };
const storageOf = () => (globalThis as unknown as Record<symbol, { storage?: Storage } | undefined>)[RUNTIME]?.storage;

/**
 * Turns agent-trace's AsyncLocalStorage off before an undecorated run, so that it measures a
 * program without agent-trace (an enabled AsyncLocalStorage slows every promise).
 */
function disableContext(): void {
  storageOf()?.disable();
}

/**
 * Turns it on again, untimed, before a traced run: a traced program enables it once in its life,
 * not once per run, and the per-promise cost it adds while on is measured in the run.
 */
function enableContext(): void {
  storageOf()?.run(undefined, () => undefined);
}

/** Fastest-window microseconds per call of `fn`: its cost on this machine without interference. */
function usOf(fn: () => unknown, reps = 2000): number {
  for (let i = 0; i < 200; i++) fn();
  const samples: number[] = [];
  for (let s = 0; s < 7; s++) {
    const t0 = performance.now();
    for (let i = 0; i < reps / 7; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / (reps / 7));
  }
  return Math.min(...samples);
}

/**
 * Times `pairs` runs of each, interleaved, after `warmup` untimed pairs (the steady state of a
 * long-running agent, not the JIT's first minutes). A traced run's time includes `exportAll`:
 * turning what it recorded into records, masking them and exporting them is part of its cost.
 */
async function paired(label: string, pairs: number, plainRun: () => Promise<void>, tracedRun: () => Promise<void>, exportAll: () => Promise<void>, warmup = 10, withContext = true): Promise<PairedResult> {
  const plainMs: number[] = [];
  const tracedMs: number[] = [];
  const time = async (run: () => Promise<void>) => {
    const t0 = performance.now();
    await run();
    return performance.now() - t0;
  };
  const traced = async () => {
    await tracedRun();
    await exportAll();
  };
  for (let i = 0; i < warmup + pairs; i++) {
    // ABBA order: a drift over the run hits both alike.
    const order = i % 2 === 0 ? ['plain', 'traced'] : ['traced', 'plain'];
    for (const which of order) {
      if (which === 'plain') {
        disableContext();
        const ms = await time(plainRun);
        if (i >= warmup) plainMs.push(ms);
      } else {
        if (withContext) enableContext();
        else disableContext();
        const ms = await time(traced);
        if (i >= warmup) tracedMs.push(ms);
      }
    }
  }
  const overheads = tracedMs.map((t, i) => t / plainMs[i]! - 1);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return {
    label,
    pairs,
    baselineMs: round(median(plainMs)),
    tracedMs: round(median(tracedMs)),
    overhead: roundSpread(spread(overheads), 5),
    overheadAggregate: round(sum(tracedMs) / sum(plainMs) - 1, 5),
  };
}

function roundSpread(s: Spread, digits = 3): Spread {
  return { median: round(s.median, digits), min: round(s.min, digits), max: round(s.max, digits), p25: round(s.p25, digits), p75: round(s.p75, digits), n: s.n };
}

/**
 * Measures the reference workloads and returns the traced-vs-undecorated overheads.
 *
 * @example
 * const w = await runWorkloadsBench();
 * console.log(w.agentLoop.overhead.median); // 0.012 = 1.2 %
 */
export async function runWorkloadsBench(options: { pairs?: number; turns?: number } = {}): Promise<WorkloadsBenchResult> {
  const pairs = options.pairs ?? 30;
  const turns = options.turns ?? 40;
  work.envIterations = calibrate(20);
  work.toolIterations = calibrate(5);
  work.modelMs = 1;
  const tight2 = calibrate(2);
  const tight10 = calibrate(10);

  const counting = new CountingExporter();
  const tracer = new SessionTracer({ exporters: [counting] });
  let expectedSessions = 0;

  // (a) the agent loop.
  progress('workloads: (a) agent loop');
  const tracedAgent = new TracedAgent();
  const plainAgent = new PlainAgent();
  let sessionNo = 0;
  const loopIn = async (sessions: SessionTracer) => {
    const env = new TracedEnv();
    await sessions.session({ id: `agent-loop-${sessionNo++}`, metadata: { env: 'gridworld' } }, async () => {
      let observation: unknown = null;
      for (let t = 0; t < turns; t++) observation = await sessions.timestep({ turn: t }, () => tracedAgent.act(env, observation));
    });
  };
  const tracedLoop = async () => {
    await loopIn(tracer);
    expectedSessions++;
  };
  const plainLoop = async () => {
    const env = new PlainEnv();
    let observation: unknown = null;
    for (let t = 0; t < turns; t++) observation = await plainAgent.act(env, observation);
  };
  const flush = () => tracer.flush();
  const agentLoop = await paired(`agent loop: ${turns} turns of model call (1 ms async) + tool call + env step (20 us), span per turn, session + timesteps, export included`, pairs, plainLoop, tracedLoop, flush);
  agentLoop.turns = turns;
  agentLoop.baselineUsPerTurn = round((agentLoop.baselineMs * 1000) / turns, 1);
  agentLoop.overheadUsPerTurn = round(((agentLoop.tracedMs - agentLoop.baselineMs) * 1000) / turns, 1);
  agentLoop.eventsPerTurn = 4;

  // (a) again, in sessions that head sampling leaves out, and with tracing switched off at run time.
  progress('workloads: (a) agent loop, sampled out and switched off');
  const sampledOut = new SessionTracer({ exporters: [counting], sample: 'never' });
  const agentLoopSampledOut = await paired('agent loop (a), every session sampled out', pairs, plainLoop, () => loopIn(sampledOut), () => sampledOut.flush());
  await sampledOut.shutdown();
  const runtimeOffLoop = async () => {
    configure({ enabled: false });
    try {
      await loopIn(tracer);
    } finally {
      configure({ enabled: true });
    }
  };
  const agentLoopRuntimeOff = await paired('agent loop (a), tracing switched off at run time', pairs, plainLoop, runtimeOffLoop, flush, 10, false);

  // (b) tight loops of a synchronous environment step.
  progress('workloads: (b) tight loops, hot path');
  const envs = {
    '2us': { plain: new PlainTightEnv(tight2), traced: new TracedTightEnv(tight2) },
    '10us': { plain: new PlainTightEnv(tight10), traced: new TracedTightEnv(tight10) },
  };
  const batch = 512;
  const hot = await tracer.session({ id: 'tight-hot' }, () =>
    tracer.timestep({ turn: 0 }, () =>
      measureInterleaved(
        [
          { id: 'plain-2us', label: '', fn: (x) => envs['2us'].plain.step(x) },
          { id: 'traced-2us', label: '', fn: (x) => envs['2us'].traced.step(x) },
          { id: 'plain-10us', label: '', fn: (x) => envs['10us'].plain.step(x) },
          { id: 'traced-10us', label: '', fn: (x) => envs['10us'].traced.step(x) },
        ],
        { rounds: 5, minCpuTimeMs: 30, batch, between: flush },
      ),
    ),
  );
  expectedSessions++;
  progress('workloads: (b) tight loops, all-in (export included)');
  const allIn: Record<string, { overhead: number[]; cost: number[] }> = { '2us': { overhead: [], cost: [] }, '10us': { overhead: [], cost: [] } };
  await tracer.session({ id: 'tight-all-in' }, async () => {
    for (let pair = 0; pair < 12; pair++) {
      for (const size of ['2us', '10us'] as const) {
        const { plain, traced } = envs[size];
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) plain.step(i);
        await turn();
        const t1 = performance.now();
        await tracer.timestep({ turn: pair }, async () => {
          for (let i = 0; i < batch; i++) traced.step(i);
        });
        await tracer.flush();
        const t2 = performance.now();
        if (pair < 2) continue; // warm-up
        allIn[size]!.overhead.push((t2 - t1) / (t1 - t0) - 1);
        allIn[size]!.cost.push((((t2 - t1) - (t1 - t0)) * 1e6) / batch);
      }
    }
  });
  expectedSessions++;
  const tightLoops: WorkloadsBenchResult['tightLoops'] = {};
  for (const size of ['2us', '10us'] as const) {
    const p = hot.get(`plain-${size}`)!;
    const t = hot.get(`traced-${size}`)!;
    tightLoops[size] = {
      label: `synchronous environment step of ${size.replace('us', ' us')} CPU in a tight loop`,
      stepUs: round(median(p.map((s) => s.p50)) / 1000, 2),
      hotPathOverhead: roundSpread(spread(t.map((s, i) => s.p50 / p[i]!.p50 - 1)), 4),
      hotPathCostNs: roundSpread(spread(t.map((s, i) => s.p50 - p[i]!.p50)), 1),
      allInOverhead: roundSpread(spread(allIn[size]!.overhead), 4),
      allInCostNs: roundSpread(spread(allIn[size]!.cost), 1),
    };
  }

  // (c) 100 concurrent sessions.
  progress('workloads: (c) 100 concurrent sessions');
  const sessions = 100;
  const sessionTurns = 10;
  const tracedConcurrent = async () => {
    await Promise.all(
      Array.from({ length: sessions }, (_, s) => {
        const env = new TracedEnv();
        return tracer.session({ id: `concurrent-${sessionNo++}-${s}` }, async () => {
          let observation: unknown = null;
          for (let t = 0; t < sessionTurns; t++) observation = await tracer.timestep({ turn: t }, () => tracedAgent.act(env, observation));
        });
      }),
    );
    expectedSessions += sessions;
  };
  const plainConcurrent = async () => {
    await Promise.all(
      Array.from({ length: sessions }, async () => {
        const env = new PlainEnv();
        let observation: unknown = null;
        for (let t = 0; t < sessionTurns; t++) observation = await plainAgent.act(env, observation);
      }),
    );
  };
  const concurrentSessions = await paired(`${sessions} concurrent sessions x ${sessionTurns} turns of the agent loop`, Math.max(6, pairs >> 1), plainConcurrent, tracedConcurrent, flush);
  concurrentSessions.sessions = sessions;
  concurrentSessions.turnsPerSession = sessionTurns;

  await tracer.flush();
  const checks = { dropped: tracer.dropped, eventsExported: counting.events, sessionsExported: counting.sessions, expectedSessions };
  await tracer.shutdown();
  const plainTight2 = new PlainTightEnv(tight2);
  const plainTight10 = new PlainTightEnv(tight10);
  return {
    calibration: {
      envStepUs: round(usOf(() => burn(work.envIterations)), 2),
      toolUs: round(usOf(() => burn(work.toolIterations)), 2),
      modelMs: work.modelMs,
      tight2Us: round(usOf(() => plainTight2.step(1)), 2),
      tight10Us: round(usOf(() => plainTight10.step(1)), 2),
    },
    agentLoop,
    agentLoopSampledOut,
    agentLoopRuntimeOff,
    tightLoops,
    concurrentSessions,
    checks,
  };
}


if (isEntry(import.meta.url)) {
  const pairs = process.env.BENCH_PAIRS ? Number(process.env.BENCH_PAIRS) : undefined;
  runWorkloadsBench({ pairs }).then(emitResult, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
