/**
 * Memory: 1,000,000 events recorded (in chunks, yielding so the exporter keeps up) with an exporter
 * that keeps up; after GC the heap must return to within a few MB of the start. Also the bytes a
 * recorded event holds while it waits for export (heap delta with N events in flight / N).
 * Run by `run.ts` in a child process: `node --expose-gc build/benchmarks/memory.bench.js`.
 */
import { SessionTracer } from '../src/index.js';
import { emitResult, isEntry, progress } from './support/child.js';
import { Traced } from './support/core-subjects.js';
import { CountingExporter } from './support/counting-exporter.js';
import { turn } from './support/cpu-work.js';
import { round } from './support/stats.js';

/** Everything `runMemoryBench` measured. */
export interface MemoryBenchResult {
  events: number;
  chunk: number;
  seconds: number;
  heapStartBytes: number;
  heapPeakBytes: number;
  heapEndBytes: number;
  /** heapEnd - heapStart after GC: what recording 1,000,000 events left behind. */
  heapReturnBytes: number;
  eventsExported: number;
  dropped: number;
  /** Heap held per event recorded and not yet exported, by kind. */
  inFlight: Record<string, { label: string; events: number; bytesPerEvent: number; heapAfterExportDeltaBytes: number }>;
}

const gc = (globalThis as { gc?: () => void }).gc;

function collect(): number {
  if (gc === undefined) throw new Error('memory.bench: run node with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Records `events` events through one long session and reports the heap before, at its peak and
 * after; then the bytes per event in flight.
 *
 * @example
 * const m = await runMemoryBench({ events: 1_000_000 });
 * console.log(m.heapReturnBytes, m.inFlight['environment-event'].bytesPerEvent);
 */
export async function runMemoryBench(options: { events?: number; chunk?: number; inFlight?: number } = {}): Promise<MemoryBenchResult> {
  const events = options.events ?? 1_000_000;
  const chunk = options.chunk ?? 1000;
  const inFlightN = options.inFlight ?? 20_000;
  const traced = new Traced();

  const counting = new CountingExporter();
  const tracer = new SessionTracer({ exporters: [counting] });
  // Warm-up: compiled code, lazily built tables and pools are not what we measure.
  await tracer.session('memory-warmup', async () => {
    for (let i = 0; i < 20_000; i++) {
      traced.step(i);
      if (i % chunk === 0) await tracer.flush();
    }
  });
  await tracer.flush();
  counting.reset();
  const heapStart = collect();
  let peak = heapStart;
  const t0 = performance.now();
  await tracer.session({ id: 'memory-1m', metadata: { purpose: 'memory benchmark' } }, async () => {
    for (let done = 0; done < events; done += chunk) {
      await tracer.timestep({ turn: done / chunk }, () => {
        for (let i = 0; i < chunk; i++) traced.step(done + i);
      });
      // Yield so the exporter keeps up: the batch side runs between chunks.
      await tracer.flush();
      if ((done / chunk) % 50 === 0) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if ((done / chunk) % 200 === 0) progress(`memory: ${done.toLocaleString('en-US')} events`);
      }
    }
  });
  await tracer.flush();
  const seconds = (performance.now() - t0) / 1000;
  await turn();
  const heapEnd = collect();
  const eventsExported = counting.events;
  const dropped = tracer.dropped;
  await tracer.shutdown();

  progress('memory: bytes per event in flight');
  const inFlight: MemoryBenchResult['inFlight'] = {};
  const kinds: Array<{ id: string; label: string; record: (i: number) => unknown }> = [
    { id: 'runtime-event', label: '@runtimeOperation sync call (number in, number out)', record: (i) => traced.syncOp(i) },
    { id: 'environment-event', label: '@environmentStep (gym result)', record: (i) => traced.step(i) },
    { id: 'cais-event', label: '@aiCall (OpenAI chat completion)', record: (i) => traced.complete(i) },
  ];
  for (const kind of kinds) {
    const holder = new SessionTracer({ exporters: [new CountingExporter()], maxQueueSize: inFlightN * 2, maxExportBatchSize: inFlightN * 2, scheduledDelayMillis: 3_600_000 });
    await holder.session(`in-flight-${kind.id}`, async () => {
      for (let i = 0; i < 1000; i++) await kind.record(i);
      await holder.flush();
      const before = collect();
      // No turn of the event loop in between: nothing is exported, every event stays in flight.
      for (let i = 0; i < inFlightN; i++) {
        const r = kind.record(i);
        if (r instanceof Promise) await r;
      }
      const held = collect();
      await holder.flush();
      const after = collect();
      inFlight[kind.id] = { label: kind.label, events: inFlightN, bytesPerEvent: round((held - before) / inFlightN, 1), heapAfterExportDeltaBytes: after - before };
    });
    await holder.shutdown();
  }

  return {
    events,
    chunk,
    seconds: round(seconds, 2),
    heapStartBytes: heapStart,
    heapPeakBytes: peak,
    heapEndBytes: heapEnd,
    heapReturnBytes: heapEnd - heapStart,
    eventsExported,
    dropped,
    inFlight,
  };
}

if (isEntry(import.meta.url)) {
  const events = process.env.BENCH_MEMORY_EVENTS ? Number(process.env.BENCH_MEMORY_EVENTS) : undefined;
  runMemoryBench({ events }).then(emitResult, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
