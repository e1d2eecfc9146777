import { performance } from 'node:perf_hooks';

const origin = performance.timeOrigin;

/** Monotonic milliseconds since the process started: the one clock read on the hot path. */
export const now: () => number = performance.now.bind(performance);

/** Converts a `now()` reading to unix epoch milliseconds. */
export function toEpochMs(monotonicMs: number): number {
  return origin + monotonicMs;
}

/** Converts a `now()` reading to an ISO 8601 timestamp. */
export function toIso(monotonicMs: number): string {
  return epochToIso(origin + monotonicMs);
}

// `Date#toISOString` is a runtime call of several hundred ns; events come in bursts within the same
// minute, so the date and hour:minute part is formatted once per minute and only seconds are added.
let cachedMinute = Number.NaN;
let cachedPrefix = '';

/**
 * Epoch milliseconds as an ISO 8601 timestamp, exactly as `new Date(ms).toISOString()` gives it.
 *
 * @example
 * epochToIso(0); // '1970-01-01T00:00:00.000Z'
 */
export function epochToIso(epochMs: number): string {
  const ms = Math.trunc(epochMs);
  const minute = Math.floor(ms / 60_000);
  if (minute !== cachedMinute) {
    const iso = new Date(ms).toISOString();
    // Years outside 0000-9999 have another shape: no cache for them.
    if (iso.length !== 24) return iso;
    cachedMinute = minute;
    cachedPrefix = iso.slice(0, 17);
  }
  const inMinute = ms - minute * 60_000;
  const seconds = Math.floor(inMinute / 1000);
  const millis = inMinute - seconds * 1000;
  return `${cachedPrefix}${seconds < 10 ? '0' : ''}${seconds}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
