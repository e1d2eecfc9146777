/**
 * Exponential backoff with full jitter: a random delay between 0 and
 * `min(maxMs, initialMs * 2^attempt)` (attempt 0 is the first retry).
 *
 * @example
 * backoffDelay(2, { initialMs: 500, maxMs: 30_000 }); // somewhere in [0, 2000)
 */
export function backoffDelay(attempt: number, options: { initialMs: number; maxMs: number; random?: () => number }): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 52));
  const random = options.random ?? Math.random;
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header, given in seconds or as an HTTP date, as milliseconds from `nowMs`;
 * undefined when absent or unreadable. A date in the past means "now" (0).
 *
 * @example
 * parseRetryAfter('3'); // 3000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT')); // 2000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Whether an HTTP status is worth retrying: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
