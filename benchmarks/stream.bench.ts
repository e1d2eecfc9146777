/**
 * What observing an LLM stream costs: a 1,000-chunk stream consumed plainly, and consumed while
 * every chunk goes through the GenAI stream aggregator (as `@aiCall` does: one onChunk and one
 * result() per chunk, through a wrapping iterator). Same process, same run, interleaved runs,
 * medians. Reports ratios and ns per chunk, never a pass/fail time.
 */
import OpenAI from 'openai';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createStreamAggregator } from '../src/genai/streams.js';
import { readAiRequest } from '../src/genai/request.js';

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
  /** Median over adjacent runs of observed / baseline - 1, in percent (wall clock). */
  overheadPct: number;
  /** The same on process CPU time (user + system): steadier when other processes share the machine. */
  cpuOverheadPct: number;
  /** Best-of-runs: (min observed CPU - min baseline CPU) / min baseline CPU, in percent; contention only adds, so minima are the least disturbed. */
  minCpuOverheadPct: number;
  /** Median process CPU milliseconds of a baseline run (the consumer alone: the server runs in another process). */
  baselineCpuMs: number;
  /** Extra wall time per chunk, in nanoseconds. */
  nsPerChunk: number;
  /** Extra CPU time per chunk, in nanoseconds. */
  cpuNsPerChunk: number;
}

const CHUNKS = 1000;

/**
 * Wraps an async iterable the way the core observes a stream: the consumer gets the iterator's
 * own promise for each chunk, and the chunk is read beside it (one onChunk and one result() per chunk).
 */
function observed<T>(iterable: AsyncIterable<T>, startedAt: number, request: ReturnType<typeof readAiRequest>): AsyncIterable<T> {
  const aggregator = createStreamAggregator(request, startedAt);
  let response = aggregator.result();
  return {
    [Symbol.asyncIterator]() {
      const iterator = iterable[Symbol.asyncIterator]();
      let first = true;
      const onItem = (item: IteratorResult<T>) => {
        if (item.done) response = aggregator.result({ completed: true });
        else {
          // Only the first chunk's time is used (time to first chunk): one clock read per stream.
          aggregator.onChunk(item.value, first ? performance.now() : 0);
          first = false;
          response = aggregator.result();
        }
        return item;
      };
      return {
        next: () => {
          const pending = iterator.next();
          pending.then(onItem, () => undefined);
          return pending;
        },
        return: (value?: unknown) => (iterator.return ? iterator.return(value) : Promise.resolve({ done: true as const, value: value as T })),
      };
    },
    get response() {
      return response;
    },
  } as AsyncIterable<T>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
  const overheadPct = (median(ratios) - 1) * 100;
  return {
    name,
    chunks: CHUNKS,
    runs,
    baselineMs,
    observedMs,
    baselineCpuMs: median(baseCpu),
    overheadPct,
    cpuOverheadPct: cpuRatios.length > 0 ? (median(cpuRatios) - 1) * 100 : Number.NaN,
    nsPerChunk: ((overheadPct / 100) * baselineMs * 1e6) / CHUNKS,
    cpuNsPerChunk: ((median(obsCpu) - median(baseCpu)) * 1e6) / CHUNKS,
    minCpuOverheadPct: ((Math.min(...obsCpu) - Math.min(...baseCpu)) / Math.min(...baseCpu)) * 100,
  };
}

/**
 * Runs the stream benchmark; returns one result per case.
 *
 * @example
 * const [http] = await runStreamBench(); http.overheadPct; // e.g. 0.8
 */
export async function runStreamBench(options: { runs?: number; warmup?: number } = {}): Promise<StreamBenchResult[]> {
  const runs = options.runs ?? 100;
  const warmup = options.warmup ?? 5;
  const results: StreamBenchResult[] = [];

  const server = await startServerProcess();
  try {
    const client = new OpenAI({ apiKey: 'bench', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Count.' }], stream: true as const, stream_options: { include_usage: true } };
    const request = readAiRequest([body], { client }, {});
    results.push(
      await compare('OpenAI SDK stream over local HTTP (SSE)', runs, warmup, (observe) =>
        timed(async () => {
          const start = performance.now();
          const stream = await client.chat.completions.create(body, { headers: { 'x-chunks': String(CHUNKS) } });
          let count = 0;
          for await (const chunk of observe ? observed(stream, start, request) : stream) if (chunk) count++;
          if (count < CHUNKS) throw new Error(`stream ended after ${count} chunks`);
        }),
      ),
    );
    const viaCore = await coreCase(client, body, runs, warmup);
    if (viaCore !== null) results.push(viaCore);
  } finally {
    server.child.stdin!.end();
    await once(server.child, 'exit');
  }

  // In memory: no I/O at all, so this is the aggregator's cost per chunk laid bare.
  const chunks = Array.from({ length: CHUNKS }, (_, i) => ({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, delta: { content: `tok${i} ` }, finish_reason: i === CHUNKS - 1 ? 'stop' : null }],
  }));
  async function* generate() {
    for (const chunk of chunks) yield chunk;
  }
  results.push(
    await compare('in-memory async generator (no I/O)', runs * 5, warmup * 5, (observe) =>
      timed(async () => {
        let count = 0;
        for await (const chunk of observe ? observed(generate(), performance.now(), null) : generate()) if (chunk) count++;
        if (count !== CHUNKS) throw new Error('lost chunks');
      }),
    ),
  );
  // The steadiest figure on a shared machine: the observer's own cost per chunk (measured in
  // memory, where nothing else moves) against the consumer's CPU per chunk of a real SDK stream.
  const http = results[0]!;
  const memory = results[results.length - 1]!;
  const perChunkNs = (http.baselineCpuMs * 1e6) / CHUNKS;
  results.push({
    name: 'estimate: observer ns/chunk / SDK consumer CPU ns/chunk',
    chunks: CHUNKS,
    runs: memory.runs,
    baselineMs: http.baselineCpuMs,
    observedMs: http.baselineCpuMs + (memory.cpuNsPerChunk * CHUNKS) / 1e6,
    baselineCpuMs: http.baselineCpuMs,
    overheadPct: (memory.nsPerChunk / perChunkNs) * 100,
    cpuOverheadPct: (memory.cpuNsPerChunk / perChunkNs) * 100,
    nsPerChunk: memory.nsPerChunk,
    cpuNsPerChunk: memory.cpuNsPerChunk,
    minCpuOverheadPct: ((memory.minCpuOverheadPct / 100) * (memory.baselineCpuMs * 1e6) / CHUNKS / perChunkNs) * 100,
  });
  return results;
}

/** The same HTTP stream consumed through `withAiCall` inside a session: the real observation path. */
async function coreCase(client: OpenAI, body: Parameters<OpenAI['chat']['completions']['create']>[0], runs: number, warmup: number): Promise<StreamBenchResult | null> {
  let core: typeof import('../src/index.js');
  try {
    core = await import('../src/index.js');
  } catch {
    return null; // the core is not built yet
  }
  const memory = new core.InMemoryExporter();
  const tracer = new core.SessionTracer({ exporters: [memory] });
  const create = core.withAiCall({ name: 'bench' }, (b: typeof body) => client.chat.completions.create(b, { headers: { 'x-chunks': String(CHUNKS) } }));
  try {
    return await compare('OpenAI SDK stream over local HTTP via @aiCall', runs, warmup * 4, async (observe) => {
      const consumeOnce = async () => {
        const stream = (await (observe ? create(body) : client.chat.completions.create(body, { headers: { 'x-chunks': String(CHUNKS) } }))) as AsyncIterable<unknown>;
        let count = 0;
        for await (const chunk of stream) if (chunk) count++;
        if (count < CHUNKS) throw new Error(`stream ended after ${count} chunks`);
      };
      const sample = await timed(() => tracer.session(`bench-${observe}`, consumeOnce));
      memory.reset();
      return sample;
    });
  } finally {
    await tracer.shutdown();
  }
}

function isMain(): boolean {
  return /stream\.bench\.(js|ts)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  void runStreamBench().then((results) => {
    for (const r of results) {
      console.log(
        `${r.name.padEnd(44)} ${r.chunks} chunks x${r.runs}: baseline ${r.baselineMs.toFixed(3)} ms, observed ${r.observedMs.toFixed(3)} ms, ` +
          `overhead ${r.overheadPct.toFixed(2)}% wall, ${r.cpuOverheadPct.toFixed(2)}% cpu best-of ${r.minCpuOverheadPct.toFixed(2)}% cpu (${r.nsPerChunk.toFixed(0)} wall ns/chunk, ${r.cpuNsPerChunk.toFixed(0)} cpu ns/chunk)`,
      );
    }
  });
}
