import { randomBytes, randomFillSync } from 'node:crypto';

// A random per-process prefix and a counter: unique across processes, and no crypto call per event.
const prefix = randomBytes(4).toString('hex');
let counter = 0;

/** A 16-hex-digit span id (W3C size), unique within and across processes. */
export function newSpanId(): string {
  counter = (counter + 1) >>> 0;
  if (counter === 0) return randomBytes(8).toString('hex');
  return prefix + counter.toString(16).padStart(8, '0');
}

// Randomness for 256 trace ids at a time: one crypto call per id cost ~9 us per session.
const TRACE_IDS_PER_FILL = 256;
const traceEntropy = Buffer.alloc(16 * TRACE_IDS_PER_FILL);
let traceOffset = traceEntropy.length;

/** A 32-hex-digit trace id, random (from the crypto generator, drawn in blocks). */
export function newTraceId(): string {
  if (traceOffset === traceEntropy.length) {
    randomFillSync(traceEntropy);
    traceOffset = 0;
  }
  const id = traceEntropy.toString('hex', traceOffset, traceOffset + 16);
  traceOffset += 16;
  return id;
}

const idPrefix = randomBytes(6).toString('hex');
let idCounter = 0;

/** A readable id with a kind prefix, unique within and across processes, e.g. `step_1f2e3d4c5b6a000001`; no crypto call per id. */
export function newId(kind: string): string {
  return `${kind}_${idPrefix}${(++idCounter).toString(16).padStart(6, '0')}`;
}
