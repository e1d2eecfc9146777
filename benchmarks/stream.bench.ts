/**
 * What observing an LLM stream costs: a 1,000-chunk stream consumed plainly, and consumed through
 * an `@aiCall` method (the real observation path: the chunk read beside the consumer's own
 * promise, the aggregate, the event, its records, masking and export). Same process, same run,
 * adjacent pairs, medians. Reports ratios and ns per chunk, never a pass/fail time.
 */
import OpenAI from 'openai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { InMemoryExporter, SessionTracer, withAiCall } from '../src/index.js';
import { median } from './support/stats.js';

/** Starts the fake LLM server in a child process, so this process's CPU time is the consumer's alone. */
async function startServerProcess(): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('../test/genai/support/fake-llm-server-process.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  while (!out.includes('\n')) {
    const [chunk] = (await once(child.stdout!, 'data')) as [string];
    out += chunk;
  }
  return { url: out.trim(), child };
}

/** One benchmark case. */
export interface StreamBenchResult {
  name: string;
  chunks: number;
  runs: number;
  baselineMs: number;
  observedMs: number;
  /** Observed / baseline - 1 over adjacent runs (trimmed geometric mean), in percent (wall clock). */
  overheadPct: number;
  /** The same on process CPU time (user + system): steadier when other processes share the machine. */
  cpuOverheadPct: number;
  /** Median process CPU milliseconds of a baseline run (the consumer alone: the server runs in another process). */
  baselineCpuMs: number;
  /** Extra wall time per chunk, in nanoseconds. */
  nsPerChunk: number;
  /** Extra CPU time per chunk, in nanoseconds. */
  cpuNsPerChunk: number;
}

const CHUNKS = 1000;
/**
 * The server sends the whole stream in one write: the consumer is then busy for the whole run,
 * and the run measures consuming the stream, not how the server's 1,000 small writes happen to
 * interleave with the reads (which made the wall clock swing by several percent either way).
 */
const STREAM_HEADERS = { 'x-chunks': String(CHUNKS), 'x-burst': '1' };

/**
 * The typical ratio of adjacent pairs: the geometric mean with the 10% most extreme ratios on
 * either side left out. Unlike the median it lets the alternating order cancel exactly (an
 * effect that always hits the second run of a pair hits each side in half the pairs).
 */
function pairedRatio(ratios: readonly number[]): number {
  const logs = ratios.map(Math.log).sort((x, y) => x - y);
  const cut = Math.floor(logs.length * 0.1);
  const kept = logs.slice(cut, logs.length - cut);
  return Math.exp(kept.reduce((sum, x) => sum + x, 0) / kept.length);
}

/** Wall-clock and CPU milliseconds of one run. */
interface Sample {
  wall: number;
  cpu: number;
}

async function timed(fn: () => Promise<void>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

async function compare(name: string, runs: number, warmup: number, once: (observe: boolean) => Promise<Sample>): Promise<StreamBenchResult> {
  for (let i = 0; i < warmup; i++) {
    await once(false);
    await once(true);
  }
  const base: number[] = [];
  const obs: number[] = [];
  const baseCpu: number[] = [];
  const obsCpu: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Adjacent pairs in alternating order: drift (GC, JIT, other load on the machine) hits both sides alike.
    let b: Sample;
    let o: Sample;
    if (i % 2 === 0) {
      b = await once(false);
      o = await once(true);
    } else {
      o = await once(true);
      b = await once(false);
    }
    base.push(b.wall);
    obs.push(o.wall);
    baseCpu.push(b.cpu);
    obsCpu.push(o.cpu);
    ratios.push(o.wall / b.wall);
    if (b.cpu > 0) cpuRatios.push(o.cpu / b.cpu);
  }
  const baselineMs = median(base);
  const observedMs = median(obs);
  const overheadPct = (pairedRatio(ratios) - 1) * 100;
  return {
    name,
    chunks: CHUNKS,
    runs,
    baselineMs,
    observedMs,
    baselineCpuMs: median(baseCpu),
    overheadPct,
    cpuOverheadPct: cpuRatios.length > 0 ? (pairedRatio(cpuRatios) - 1) * 100 : Number.NaN,
    nsPerChunk: ((overheadPct / 100) * baselineMs * 1e6) / CHUNKS,
    cpuNsPerChunk: ((median(obsCpu) - median(baseCpu)) * 1e6) / CHUNKS,
  };
}

/**
 * Runs the stream benchmark; returns one result per case.
 *
 * @example
 * const [http] = await runStreamBench(); http.overheadPct; // e.g. 1.4
 */
export async function runStreamBench(options: { runs?: number; warmup?: number } = {}): Promise<StreamBenchResult[]> {
  const runs = options.runs ?? 300;
  const warmup = options.warmup ?? 20;
  const results: StreamBenchResult[] = [];
  const memory = new InMemoryExporter();
  const tracer = new SessionTracer({ exporters: [memory] });
  // Both sides run in a session, so both pay AsyncLocalStorage alike: what differs is the observation.
  const inSession = (observe: boolean, consume: () => Promise<void>) =>
    timed(async () => {
      await tracer.session(`bench-${observe}`, consume);
      memory.reset();
    });

  const server = await startServerProcess();
  try {
    const client = new OpenAI({ apiKey: 'bench', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Count.' }], stream: true as const, stream_options: { include_usage: true } };
    const create = (b: typeof body) => client.chat.completions.create(b, { headers: STREAM_HEADERS });
    const traced = withAiCall({ name: 'bench' }, create);
    const consume = (call: typeof create) => async () => {
      let count = 0;
      for await (const chunk of await call(body)) if (chunk) count++;
      if (count < CHUNKS) throw new Error(`stream ended after ${count} chunks`);
    };
    results.push(await compare('OpenAI SDK stream over local HTTP via @aiCall', runs, warmup, (observe) => inSession(observe, consume(observe ? traced : create))));
    // Both sides undecorated: what the same measurement reads when there is nothing to find.
    results.push(await compare('control: the same stream undecorated on both sides', runs, warmup, (observe) => inSession(observe, consume(create))));
  } finally {
    server.child.stdin!.end();
    await once(server.child, 'exit');
  }

  // In memory: no I/O at all, so this is the observation's own cost per chunk laid bare.
  const chunks = Array.from({ length: CHUNKS }, (_, i) => ({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, delta: { content: `tok${i} ` }, finish_reason: i === CHUNKS - 1 ? 'stop' : null }],
  }));
  const stream = () => ({
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield chunk;
    },
  });
  const tracedStream = withAiCall({ name: 'bench-memory' }, (_request: unknown) => stream());
  const request = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Count.' }], stream: true };
  results.push(
    await compare('in-memory 1,000-chunk stream via @aiCall (no I/O)', runs * 2, warmup * 5, (observe) =>
      inSession(observe, async () => {
        let count = 0;
        for await (const chunk of observe ? tracedStream(request) : stream()) if (chunk) count++;
        if (count !== CHUNKS) throw new Error('lost chunks');
      }),
    ),
  );
  await tracer.shutdown();

  // The steadiest figure on a shared machine: the observation's own CPU per chunk (measured in
  // memory, where nothing else moves) against the consumer's CPU per chunk of a real SDK stream.
  // It leaves out that in a real process the observation's code runs colder than in memory.
  const http = results[0]!;
  const inMemory = results[2]!;
  const perChunkNs = (http.baselineCpuMs * 1e6) / CHUNKS;
  results.push({
    name: 'estimate: in-memory observation ns/chunk / SDK consumer CPU ns/chunk',
    chunks: CHUNKS,
    runs: inMemory.runs,
    baselineMs: http.baselineCpuMs,
    observedMs: http.baselineCpuMs + (inMemory.cpuNsPerChunk * CHUNKS) / 1e6,
    baselineCpuMs: http.baselineCpuMs,
    overheadPct: (inMemory.nsPerChunk / perChunkNs) * 100,
    cpuOverheadPct: (inMemory.cpuNsPerChunk / perChunkNs) * 100,
    nsPerChunk: inMemory.nsPerChunk,
    cpuNsPerChunk: inMemory.cpuNsPerChunk,
  });
  return results;
}

function isMain(): boolean {
  return /stream\.bench\.(js|ts)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  void runStreamBench().then((results) => {
    for (const r of results) {
      console.log(
        `${r.name.padEnd(44)} ${r.chunks} chunks x${r.runs}: baseline ${r.baselineMs.toFixed(3)} ms, observed ${r.observedMs.toFixed(3)} ms, ` +
          `overhead ${r.overheadPct.toFixed(2)}% wall, ${r.cpuOverheadPct.toFixed(2)}% cpu (${r.nsPerChunk.toFixed(0)} wall ns/chunk, ${r.cpuNsPerChunk.toFixed(0)} cpu ns/chunk)`,
      );
    }
  });
}
