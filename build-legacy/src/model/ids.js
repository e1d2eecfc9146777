import { randomBytes } from 'node:crypto';
// A random per-process prefix and a counter: unique across processes, and no crypto call per event.
const prefix = randomBytes(4).toString('hex');
let counter = 0;
/** A 16-hex-digit span id (W3C size), unique within and across processes. */
export function newSpanId() {
    counter = (counter + 1) >>> 0;
    if (counter === 0)
        return randomBytes(8).toString('hex');
    return prefix + counter.toString(16).padStart(8, '0');
}
/** A 32-hex-digit trace id, random. */
export function newTraceId() {
    return randomBytes(16).toString('hex');
}
/** A readable unique id with a kind prefix, e.g. `session_1f2e...`. */
export function newId(kind) {
    return `${kind}_${randomBytes(8).toString('hex')}`;
}
//# sourceMappingURL=ids.js.map