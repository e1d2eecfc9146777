import { measure } from 'mitata';
import { rotate } from './stats.js';

/** One microbenchmark case: `fn` is called with a number; a returned promise is awaited (and timed). */
export interface MicroCase {
  /** Stable id, used in results.json and by the gates. */
  id: string;
  /** What a reader sees in the table. */
  label: string;
  fn: (x: number) => unknown;
  /** Runs before each measurement of this case (e.g. switch tracing off at run time). */
  setup?: () => void;
  /** Runs after each measurement of this case. */
  teardown?: () => void;
}

/** mitata's statistics of one measurement of one case (ns per call). */
export interface RoundStats {
  p50: number;
  p75: number;
  p99: number;
  min: number;
  max: number;
  avg: number;
  samples: number;
  calls: number;
}

/** Options of `measureInterleaved`. */
export interface InterleaveOptions {
  /** How many times every case is measured, cases interleaved. */
  rounds: number;
  /** CPU time per measurement (mitata's min_cpu_time), in ms. */
  minCpuTimeMs: number;
  /** Calls per timed sample; between two samples `between` runs untimed. */
  batch: number;
  /** Untimed work between samples: lets the export pipelines drain so no queue overflows. */
  between: () => Promise<void>;
  /** Called after each round (progress). */
  onRound?: (round: number) => void;
}

const gcFunction = (globalThis as { gc?: () => void }).gc;

/**
 * Measures every case `rounds` times with mitata, the cases interleaved and their order rotated
 * each round, so slow drifts of a shared machine hit every case alike. Within a measurement, every
 * timed sample of `batch` calls is preceded by an untimed `between()`.
 */
export async function measureInterleaved(cases: readonly MicroCase[], options: InterleaveOptions): Promise<Map<string, RoundStats[]>> {
  const results = new Map<string, RoundStats[]>(cases.map((c) => [c.id, []]));
  // Warm every case up first: mitata times single calls (no batches) when a first call is slow.
  for (const c of cases) {
    c.setup?.();
    try {
      for (let i = 0; i < 3 * options.batch; i++) {
        const r = c.fn(i);
        if (r instanceof Promise) await r;
        if (i % options.batch === 0) await options.between();
      }
    } finally {
      c.teardown?.();
    }
    await options.between();
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const c of rotate(cases, round)) {
      c.setup?.();
      try {
        let k = 0;
        const param = (): number | Promise<number> => (k++ % options.batch === 0 ? options.between().then(() => k) : k);
        const fn = c.fn;
        const stats = await measure(
          function* () {
            yield { [0]: param, bench: (x: number) => fn(x) };
          },
          {
            min_cpu_time: options.minCpuTimeMs * 1e6,
            batch_samples: options.batch,
            batch_unroll: 1,
            min_samples: 12,
            warmup_samples: 2,
            gc: gcFunction === undefined ? false : () => gcFunction(),
          },
        );
        results.get(c.id)!.push({
          p50: stats.p50,
          p75: stats.p75,
          p99: stats.p99,
          min: stats.min,
          max: stats.max,
          avg: stats.avg,
          samples: stats.samples.length,
          calls: stats.ticks,
        });
      } finally {
        c.teardown?.();
      }
    }
    options.onRound?.(round);
  }
  return results;
}
