/**
 * What observing an LLM stream costs: a 1,000-chunk stream consumed plainly, and consumed through
 * an `@aiCall` method (the real observation path: the chunk read beside the consumer's own
 * promise, the aggregate, the event, its records, masking and export). Reports ratios and ns per
 * chunk, never a pass/fail time.
 *
 * How: the HTTP cases run in several fresh processes (so that no one process's JIT and heap
 * layout decide the figure), as adjacent pairs in random order (a fixed alternation lined up with
 * the garbage collector's period and biased the figure by up to 2 points either way); the result
 * is the trimmed geometric mean of the pair ratios of all processes together, each process
 * contributing as many pairs (a single process's figure swings by several points on its pairs'
 * noise alone, so the median of the process figures moved by a point from run to run). A control
 * case, undecorated on both sides, shows what the method reads when there is nothing to find.
 * Two cases take the observation apart in the same run: the stream with one bare promise
 * reaction per chunk (the least any observer adds that reads the chunks as they are pulled), and
 * that reaction folding each chunk into the aggregate (the rest of @aiCall's cost is once per
 * stream: the call, its event, records, masking and export).
 */
import OpenAI from 'openai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { InMemoryExporter, SessionTracer, withAiCall } from '../src/index.js';
import { createStreamAggregator } from '../src/genai/streams.js';
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
  /** Measured pairs (per process for the HTTP cases). */
  runs: number;
  /** Fresh processes the case ran in (1: this one). */
  processes: number;
  baselineMs: number;
  observedMs: number;
  /** Observed / baseline - 1 over adjacent runs (trimmed geometric mean over the pairs of all processes), in percent (wall clock). */
  overheadPct: number;
  /** The lowest and highest of the processes' figures. */
  lowestPct: number;
  highestPct: number;
  /** The same on process CPU time (user + system). */
  cpuOverheadPct: number;
  /** Median process CPU milliseconds of a baseline run (the consumer alone: the server runs in another process). */
  baselineCpuMs: number;
  /** Extra wall time per chunk, in nanoseconds. */
  nsPerChunk: number;
  /** Extra CPU time per chunk, in nanoseconds. */
  cpuNsPerChunk: number;
  /** Observed / baseline of each pair (wall clock, then CPU time): what the figures over several processes are pooled from. */
  pairRatios?: { wall: number[]; cpu: number[] };
}

const CHUNKS = 1000;
/**
 * The server sends the whole stream in one write: the consumer is then busy for the whole run,
 * and the run measures consuming the stream, not how the server's 1,000 small writes happen to
 * interleave with the reads (which made the wall clock swing by several percent either way).
 */
const STREAM_HEADERS = { 'x-chunks': String(CHUNKS), 'x-burst': '1' };
const HTTP_PROCESS_FLAG = '--http-process';

/**
 * The typical ratio of adjacent pairs: the geometric mean with the 10% most extreme ratios on
 * either side left out (one collection or one slow read moves a single pair a lot).
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

/** A small seeded generator (mulberry32): each process draws its own reproducible order of pairs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function compare(name: string, runs: number, warmup: number, seed: number, once: (observe: boolean) => Promise<Sample>): Promise<StreamBenchResult> {
  for (let i = 0; i < warmup; i++) {
    await once(false);
    await once(true);
  }
  const random = seededRandom(seed);
  const base: number[] = [];
  const obs: number[] = [];
  const baseCpu: number[] = [];
  const obsCpu: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Adjacent pairs in random order: drift hits both sides alike, and no period lines up with the sides.
    let b: Sample;
    let o: Sample;
    if (random() < 0.5) {
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
  const overheadPct = (pairedRatio(ratios) - 1) * 100;
  const cpuOverheadPct = cpuRatios.length > 0 ? (pairedRatio(cpuRatios) - 1) * 100 : Number.NaN;
  const baselineCpuMs = median(baseCpu);
  return {
    name,
    chunks: CHUNKS,
    runs,
    processes: 1,
    baselineMs,
    observedMs: median(obs),
    overheadPct,
    lowestPct: overheadPct,
    highestPct: overheadPct,
    cpuOverheadPct,
    baselineCpuMs,
    nsPerChunk: ((overheadPct / 100) * baselineMs * 1e6) / CHUNKS,
    cpuNsPerChunk: ((cpuOverheadPct / 100) * baselineCpuMs * 1e6) / CHUNKS,
    pairRatios: { wall: ratios, cpu: cpuRatios },
  };
}

/**
 * The cases measured in one process, in a session on both sides (both pay AsyncLocalStorage
 * alike). Each run ends by flushing the export, so that turning the event into records, masking
 * and exporting it count in the run that made it (left to the batch timer, that work landed in
 * some later run, one outlier pair in ~25, which the trimmed mean then left out).
 */
function sessionRunner(): { inSession: (name: string, consume: () => Promise<void>) => Promise<Sample>; shutdown: () => Promise<void> } {
  const memory = new InMemoryExporter();
  const tracer = new SessionTracer({ exporters: [memory] });
  return {
    inSession: (name, consume) =>
      timed(async () => {
        await tracer.session(name, consume);
        await tracer.flush();
        memory.reset();
      }),
    shutdown: () => tracer.shutdown(),
  };
}

/**
 * The stream with one promise reaction per chunk that hands the chunk to `onChunk` (by default
 * nothing): the least any observer adds that reads each chunk as the consumer pulls it, without
 * pulling or buffering ahead (a reaction on the iterator's own promise, as ours; anything in
 * front of that promise costs more).
 */
function withReaction<T extends AsyncIterable<unknown>>(stream: T, onChunk?: (chunk: unknown) => void): T {
  const original = stream[Symbol.asyncIterator].bind(stream);
  const ignore = () => undefined;
  const onItem = onChunk === undefined ? ignore : (item: IteratorResult<unknown>) => (item.done ? undefined : onChunk(item.value));
  Object.defineProperty(stream, Symbol.asyncIterator, {
    value: () => {
      const iterator = original();
      return {
        next: () => {
          const pending = iterator.next();
          pending.then(onItem, ignore);
          return pending;
        },
        return: (value?: unknown) => iterator.return?.(value) ?? Promise.resolve({ done: true as const, value }),
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    },
    configurable: true,
  });
  return stream;
}

/** The HTTP cases in this process: through @aiCall, its parts (the floor, the aggregate), and the control. */
async function httpCases(runs: number, warmup: number, seed: number): Promise<StreamBenchResult[]> {
  const { inSession, shutdown } = sessionRunner();
  const server = await startServerProcess();
  try {
    const client = new OpenAI({ apiKey: 'bench', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Count.' }], stream: true as const, stream_options: { include_usage: true } };
    const create = (b: typeof body) => client.chat.completions.create(b, { headers: STREAM_HEADERS });
    const traced = withAiCall({ name: 'bench' }, create);
    const bare = async (b: typeof body) => withReaction(await create(b));
    const folded = async (b: typeof body) => {
      const aggregator = createStreamAggregator(null, Date.now());
      return withReaction(await create(b), (chunk) => aggregator.onChunk(chunk));
    };
    // What a consumer of a chat stream does (the SDK README's example): read each delta's text.
    const consume = (call: (b: typeof body) => PromiseLike<AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>>) => async () => {
      let count = 0;
      let text = '';
      for await (const chunk of await call(body)) {
        count++;
        text += chunk.choices[0]?.delta?.content ?? '';
      }
      if (count < CHUNKS || text.length === 0) throw new Error(`stream ended after ${count} chunks`);
    };
    return [
      await compare('OpenAI SDK stream over local HTTP via @aiCall', runs, warmup, seed, (observe) => inSession(`bench-${observe}`, consume(observe ? traced : create))),
      await compare('floor: a bare promise reaction per chunk', runs, warmup, seed + 2, (observe) => inSession(`floor-${observe}`, consume(observe ? bare : create))),
      await compare('the floor and folding each chunk into the aggregate', runs, warmup, seed + 3, (observe) => inSession(`folded-${observe}`, consume(observe ? folded : create))),
      await compare('control: the same stream undecorated on both sides', runs, warmup, seed + 1, (observe) => inSession(`control-${observe}`, consume(create))),
    ];
  } finally {
    server.child.stdin!.end();
    await once(server.child, 'exit');
    await shutdown();
  }
}

/** Runs the HTTP cases in a fresh process and reads back what it measured. */
async function httpCasesInProcess(runs: number, warmup: number, seed: number): Promise<StreamBenchResult[]> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), HTTP_PROCESS_FLAG, String(runs), String(warmup), String(seed)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (out += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the stream benchmark process exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as StreamBenchResult[];
}

/** One case over several processes: the pairs of all of them pooled, and the range of their own figures. */
function overProcesses(results: StreamBenchResult[]): StreamBenchResult {
  const pick = (key: keyof StreamBenchResult) => median(results.map((r) => r[key] as number));
  const figures = results.map((r) => r.overheadPct);
  const overheadPct = (pairedRatio(results.flatMap((r) => r.pairRatios!.wall)) - 1) * 100;
  const cpuOverheadPct = (pairedRatio(results.flatMap((r) => r.pairRatios!.cpu)) - 1) * 100;
  const baselineMs = pick('baselineMs');
  const baselineCpuMs = pick('baselineCpuMs');
  return {
    ...results[0]!,
    processes: results.length,
    baselineMs,
    observedMs: pick('observedMs'),
    overheadPct,
    lowestPct: Math.min(...figures),
    highestPct: Math.max(...figures),
    cpuOverheadPct,
    baselineCpuMs,
    nsPerChunk: ((overheadPct / 100) * baselineMs * 1e6) / CHUNKS,
    cpuNsPerChunk: ((cpuOverheadPct / 100) * baselineCpuMs * 1e6) / CHUNKS,
  };
}

/**
 * Runs the stream benchmark; returns one result per case.
 *
 * @example
 * const [http] = await runStreamBench(); http.overheadPct; // e.g. 3.2
 */
export async function runStreamBench(options: { processes?: number; runs?: number; warmup?: number } = {}): Promise<StreamBenchResult[]> {
  const processes = options.processes ?? 9;
  const runs = options.runs ?? 50;
  const warmup = options.warmup ?? 15;
  const perProcess: StreamBenchResult[][] = [];
  for (let p = 0; p < processes; p++) perProcess.push(await httpCasesInProcess(runs, warmup, 1 + 2 * p));
  const results = perProcess[0]!.map((_, i) => overProcesses(perProcess.map((r) => r[i]!)));

  // In memory: no I/O at all, so this is the observation's own cost per chunk laid bare (it
  // leaves out that in a real process the observation's code and data are colder).
  const { inSession, shutdown } = sessionRunner();
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
    await compare('in-memory 1,000-chunk stream via @aiCall (no I/O)', runs * 5, warmup * 5, 0, (observe) =>
      inSession(`memory-${observe}`, async () => {
        let count = 0;
        for await (const chunk of observe ? tracedStream(request) : stream()) if (chunk) count++;
        if (count !== CHUNKS) throw new Error('lost chunks');
      }),
    ),
  );
  await shutdown();
  return results.map(({ pairRatios: _pooled, ...result }) => result);
}

function isMain(): boolean {
  return /stream\.bench\.(js|ts)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  const flag = process.argv.indexOf(HTTP_PROCESS_FLAG);
  if (flag !== -1) {
    const [runs, warmup, seed] = process.argv.slice(flag + 1, flag + 4).map(Number) as [number, number, number];
    void httpCases(runs, warmup, seed).then((results) => process.stdout.write(`${JSON.stringify(results)}\n`));
  } else {
    void runStreamBench().then((results) => {
      for (const r of results) {
        console.log(
          `${r.name.padEnd(52)} ${r.processes} x ${r.runs} pairs: baseline ${r.baselineMs.toFixed(3)} ms, overhead ${r.overheadPct.toFixed(2)}% wall ` +
            `(${r.lowestPct.toFixed(2)} to ${r.highestPct.toFixed(2)}), ${r.cpuOverheadPct.toFixed(2)}% cpu (${r.nsPerChunk.toFixed(0)} wall ns/chunk, ${r.cpuNsPerChunk.toFixed(0)} cpu ns/chunk)`,
        );
      }
    });
  }
}
