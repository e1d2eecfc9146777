import { randomBytes } from 'node:crypto';

// A random per-process prefix and a counter: unique across processes, and no crypto call per event.
const prefix = randomBytes(4).toString('hex');
let counter = 0;

/** A 16-hex-digit span id (W3C size), unique within and across processes. */
export function newSpanId(): string {
  counter = (counter + 1) >>> 0;
  if (counter === 0) return randomBytes(8).toString('hex');
  return prefix + counter.toString(16).padStart(8, '0');
}

/** A 32-hex-digit trace id, random. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

const idPrefix = randomBytes(6).toString('hex');
let idCounter = 0;

/** A readable id with a kind prefix, unique within and across processes, e.g. `step_1f2e3d4c5b6a000001`; no crypto call per id. */
export function newId(kind: string): string {
  return `${kind}_${idPrefix}${(++idCounter).toString(16).padStart(6, '0')}`;
}
