/** Small statistics helpers for the benchmark suite: medians and spreads of noisy samples. */

/** The value at quantile `q` (0..1) of `values`, linear interpolation; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The median of `values`; NaN for no values. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Median and spread of a set of repeated measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  p25: number;
  p75: number;
  n: number;
}

/** Summarises repeated measurements (rounds) of one quantity. */
export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
    p25: quantile(finite, 0.25),
    p75: quantile(finite, 0.75),
    n: finite.length,
  };
}

/** Rounds to `digits` significant decimals for JSON output (keeps files readable). */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rotates `items` by `by` places: interleaved rounds start each round with a different case. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const k = ((by % n) + n) % n;
  return [...items.slice(k), ...items.slice(0, k)];
}
