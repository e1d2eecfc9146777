import { performance } from 'node:perf_hooks';
const origin = performance.timeOrigin;
/** Monotonic milliseconds since the process started: the one clock read on the hot path. */
export const now = performance.now.bind(performance);
/** Converts a `now()` reading to unix epoch milliseconds. */
export function toEpochMs(monotonicMs) {
    return origin + monotonicMs;
}
/** Converts a `now()` reading to an ISO 8601 timestamp. */
export function toIso(monotonicMs) {
    return new Date(origin + monotonicMs).toISOString();
}
//# sourceMappingURL=clock.js.map