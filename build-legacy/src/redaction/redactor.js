import { createHmac } from 'node:crypto';
import { reportDiagnostic } from '../diagnostics.js';
import { AgentTraceError } from '../errors.js';
import { TextScanner } from './detectors.js';
import { DETECTOR_NAMES } from './entity-kinds.js';
import { compilePaths } from './paths.js';
import { isRedacted } from './redacted.js';
import { isSensitiveKeyName, normalizeKeyName } from './sensitive-keys.js';
import { truncateUtf8 } from './truncate.js';
const REDACTED = '[REDACTED]';
const MASK_FAILED = '[MASK_FAILED]';
const DEPTH_LIMIT = '[DEPTH_LIMIT]';
const CIRCULAR = '[CIRCULAR]';
const UNREADABLE = '[UNREADABLE]';
// Detectors read a little past the byte limit so that a secret cut by truncation is still seen whole.
const SCAN_MARGIN = 4096;
const KEY_PLAIN = 0;
const KEY_SENSITIVE = 1;
/**
 * Masks secrets and personal data in any value: key paths, default sensitive key names at any
 * depth, validated value detectors on every string, a user hook last; then truncates by UTF-8
 * bytes, summarises long arrays and cuts at a depth limit. Returns a JSON-safe deep copy and
 * never touches its input.
 *
 * @example
 * const redactor = new Redactor({ paths: ['headers.authorization'] });
 * redactor.redact({ headers: { authorization: 'Bearer x' }, note: 'mail bob@example.com' });
 * // { headers: { authorization: '[REDACTED]' }, note: 'mail [EMAIL]' }
 */
export class Redactor {
    constructor(options = {}) {
        this.keyCache = new Map();
        this.hashCache = new Map();
        if (options === null || typeof options !== 'object')
            fail('options', 'pass an object such as { maskPii: true }');
        const o = options;
        const maskPii = o.maskPii ?? true;
        if (typeof maskPii !== 'boolean')
            fail('maskPii', 'use true or false');
        if (o.paths !== undefined && !Array.isArray(o.paths))
            fail('paths', "use an array of fast-redact paths such as ['headers.authorization']");
        if (o.sensitiveKeys !== undefined && (!Array.isArray(o.sensitiveKeys) || o.sensitiveKeys.some((k) => typeof k !== 'string' || normalizeKeyName(k) === ''))) {
            fail('sensitiveKeys', "use an array of key names such as ['sessionSecret']");
        }
        if (o.detectors !== undefined) {
            if (o.detectors === null || typeof o.detectors !== 'object')
                fail('detectors', 'use an object such as { phone: false }');
            for (const [name, on] of Object.entries(o.detectors)) {
                if (!DETECTOR_NAMES.includes(name))
                    fail('detectors', `"${name}" is not a detector; known: ${DETECTOR_NAMES.join(', ')}`);
                if (typeof on !== 'boolean')
                    fail('detectors', `"${name}" must be true or false`);
            }
        }
        const replacement = o.replacement ?? 'token';
        if (replacement !== 'token' && replacement !== 'hash')
            fail('replacement', "use 'token' or 'hash'");
        if (replacement === 'hash' && (typeof o.hashKey !== 'string' || o.hashKey.length < 16)) {
            fail('hashKey', "replacement 'hash' needs a secret hashKey of at least 16 characters (keep it out of the trace and the code)");
        }
        if (o.hashKey !== undefined && typeof o.hashKey !== 'string')
            fail('hashKey', 'use a string');
        if (o.mask !== undefined && typeof o.mask !== 'function')
            fail('mask', 'use a function (value, path) => maskedValue');
        this.maxPayloadBytes = intOption('maxPayloadBytes', o.maxPayloadBytes, 10240, 64);
        this.maxDepth = intOption('maxDepth', o.maxDepth, 12, 1);
        this.maxArrayItems = intOption('maxArrayItems', o.maxArrayItems, 500, 1);
        this.maskTimeoutMs = intOption('maskTimeoutMs', o.maskTimeoutMs, 5000, 1);
        if (o.phoneCountries !== undefined && (!Array.isArray(o.phoneCountries) || o.phoneCountries.some((c) => typeof c !== 'string' || !/^[A-Z]{2}$/.test(c)))) {
            fail('phoneCountries', "use ISO 3166 country codes such as ['US', 'GB']");
        }
        this.extraKeys = new Set((o.sensitiveKeys ?? []).map(normalizeKeyName));
        this.pathTree = compilePaths(o.paths ?? []);
        this.rootNodes = this.pathTree === null ? null : [this.pathTree];
        this.scanner = maskPii ? new TextScanner({ detectors: o.detectors, phoneCountries: o.phoneCountries, sensitiveKeys: this.extraKeys }) : null;
        this.hashKey = replacement === 'hash' ? o.hashKey : null;
        this.maskHook = o.mask;
    }
    /**
     * A masked, JSON-safe deep copy of `value`. An async `mask` hook cannot finish here: its
     * fields become `[MASK_FAILED]` (use `redactAsync`).
     *
     * @example
     * new Redactor().redact({ password: 'hunter2' }); // { password: '[REDACTED]' }
     */
    redact(value) {
        return this.redactWithReport(value).value;
    }
    /**
     * Like `redact`, and waits for an async `mask` hook.
     *
     * @example
     * await new Redactor({ mask: async (v) => v }).redactAsync(payload);
     */
    async redactAsync(value) {
        return (await this.redactWithReportAsync(value)).value;
    }
    /**
     * `redact` plus the counts of what was masked, by kind.
     *
     * @example
     * new Redactor().redactWithReport('call +1 415 555 2671').counts; // { PHONE: 1 }
     */
    redactWithReport(value) {
        const walk = new Walk(this, false);
        const out = walk.run(value);
        return { value: out, counts: walk.counts };
    }
    /**
     * `redactAsync` plus the counts of what was masked, by kind.
     *
     * @example
     * const { value, counts } = await redactor.redactWithReportAsync(payload);
     */
    async redactWithReportAsync(value) {
        const walk = new Walk(this, true);
        const out = walk.run(value);
        if (walk.pending !== null)
            await walk.settle();
        return { value: out, counts: walk.counts };
    }
    /**
     * Starts a redaction whose counts span several values (the fields of one record); call
     * `settle()` before reading values that an async hook may still change.
     *
     * @example
     * const session = redactor.startSession(); const input = session.redact(event.input); await session.settle();
     */
    startSession(async = true) {
        return new Walk(this, async);
    }
    /**
     * Masks entities in one string and truncates it to `maxPayloadBytes`; no hook, no key rules.
     *
     * @example
     * new Redactor().redactText('mail bob@example.com'); // 'mail [EMAIL]'
     */
    redactText(text, counts) {
        return this.maskString(text, counts ?? {});
    }
    /** @internal */
    maskString(text, counts) {
        const max = this.maxPayloadBytes;
        let masked = text;
        if (this.scanner !== null && text.length >= 6) {
            const scanned = text.length > max + SCAN_MARGIN ? text.slice(0, max + SCAN_MARGIN) : text;
            const matches = this.scanner.find(scanned);
            masked = matches.length === 0 ? scanned : this.replaceMatches(scanned, matches, counts);
        }
        if (masked.length * 3 <= max)
            return masked;
        const maskedBytes = Buffer.byteLength(masked, 'utf8');
        if (maskedBytes <= max)
            return masked;
        bump(counts, 'TRUNCATED');
        return truncateUtf8(masked, max, masked === text ? maskedBytes : Buffer.byteLength(text, 'utf8'));
    }
    /** @internal */
    keyInfo(key) {
        let info = this.keyCache.get(key);
        if (info === undefined) {
            info = this.computeKeyInfo(key);
            if (this.keyCache.size > 5000)
                this.keyCache.clear();
            this.keyCache.set(key, info);
        }
        return info;
    }
    computeKeyInfo(key) {
        if (isSensitiveKeyName(normalizeKeyName(key), this.extraKeys))
            return KEY_SENSITIVE;
        if (this.scanner === null || key.length < 6)
            return KEY_PLAIN;
        const matches = this.scanner.find(key);
        if (matches.length === 0)
            return KEY_PLAIN;
        return { key: this.replaceMatches(key, matches, {}), matches, original: key };
    }
    /** @internal */
    countKeyMatches(info, counts) {
        for (const m of info.matches)
            bump(counts, m.kind);
    }
    /** @internal */
    pathRoot() {
        return this.rootNodes;
    }
    replaceMatches(text, matches, counts) {
        let out = '';
        let last = 0;
        for (const m of matches) {
            out += text.slice(last, m.start) + this.token(m.kind, text.slice(m.start, m.end));
            last = m.end;
            bump(counts, m.kind);
        }
        return out + text.slice(last);
    }
    token(kind, value) {
        if (this.hashKey === null)
            return `[${kind}]`;
        let digest = this.hashCache.get(value);
        if (digest === undefined) {
            digest = createHmac('sha256', this.hashKey).update(value).digest('hex').slice(0, 16);
            if (this.hashCache.size > 1000)
                this.hashCache.clear();
            this.hashCache.set(value, digest);
        }
        return `[${kind}:${digest}]`;
    }
}
/** One redaction: the counts, the ancestors (for cycles) and the hook results still pending. */
class Walk {
    constructor(r, async) {
        this.r = r;
        this.async = async;
        this.counts = {};
        this.approxChars = 0;
        this.pending = null;
        this.stack = [];
        this.asyncWarned = false;
        this.hook = r.maskHook;
    }
    redact(value) {
        this.approxChars = 0;
        return this.run(value);
    }
    run(value) {
        const box = [undefined];
        this.assign(box, 0, value, 0, this.r.pathRoot(), '');
        return box[0];
    }
    // Copies `value` into container[key]; leaves then go through the user's hook.
    assign(container, key, value, depth, nodes, path) {
        const out = this.copy(value, depth, nodes, path);
        if (this.hook !== undefined && out !== null && (typeof out === 'string' || typeof out === 'number' || typeof out === 'boolean')) {
            container[key] = this.applyHook(container, key, out, path);
        }
        else {
            container[key] = out;
        }
    }
    copy(value, depth, nodes, path) {
        switch (typeof value) {
            case 'string': {
                const masked = this.r.maskString(value, this.counts);
                this.approxChars += masked.length;
                return masked;
            }
            case 'number':
                return value >= 1e12 && Number.isSafeInteger(value) ? this.maskNumber(value, String(value)) : value;
            case 'boolean':
            case 'undefined':
                return value;
            case 'bigint':
                return this.maskNumber(value, value.toString());
            case 'object':
                return value === null ? null : this.copyObject(value, depth, nodes, path);
            default:
                return undefined;
        }
    }
    maskNumber(value, text) {
        const masked = this.r.maskString(text, this.counts);
        return masked === text && typeof value === 'number' ? value : masked;
    }
    copyObject(value, depth, nodes, path) {
        if (isRedacted(value)) {
            bump(this.counts, 'REDACTED');
            return REDACTED;
        }
        if (depth >= this.r.maxDepth) {
            bump(this.counts, 'DEPTH_LIMIT');
            return DEPTH_LIMIT;
        }
        const stack = this.stack;
        for (let i = 0; i < depth; i++)
            if (stack[i] === value)
                return CIRCULAR;
        stack[depth] = value;
        try {
            if (Array.isArray(value))
                return this.copyArray(value, depth, nodes, path);
            return this.copyNonArray(value, depth, nodes, path);
        }
        catch {
            // A proxy or exotic object that throws while listed: mask it whole.
            bump(this.counts, 'UNREADABLE');
            return UNREADABLE;
        }
        finally {
            stack[depth] = undefined;
        }
    }
    copyArray(value, depth, nodes, path) {
        const n = value.length;
        const kept = n > this.r.maxArrayItems ? this.r.maxArrayItems : n;
        const out = new Array(kept);
        for (let i = 0; i < kept; i++) {
            let item;
            try {
                item = value[i];
            }
            catch {
                bump(this.counts, 'UNREADABLE');
                out[i] = UNREADABLE;
                continue;
            }
            const childPath = this.hook === undefined ? '' : `${path}[${i}]`;
            if (nodes === null) {
                this.assign(out, i, item, depth + 1, null, childPath);
            }
            else {
                this.assignMatched(out, i, String(i), item, depth + 1, nodes, childPath);
            }
            if (out[i] === undefined)
                out[i] = null;
        }
        if (kept < n) {
            out.push(`[TRUNCATED ${n - kept} more items, ${n} in all]`);
            bump(this.counts, 'TRUNCATED');
        }
        return out;
    }
    copyNonArray(value, depth, nodes, path) {
        if (ArrayBuffer.isView(value)) {
            const name = Buffer.isBuffer(value) ? 'Buffer' : (value.constructor?.name ?? 'TypedArray');
            return `[${name} ${value.byteLength} bytes]`;
        }
        if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
            return `[${value.constructor.name} ${value.byteLength} bytes]`;
        }
        if (value instanceof Date) {
            return Number.isNaN(value.getTime()) ? null : value.toISOString();
        }
        if (value instanceof Map)
            return this.copyEntries(value, depth, nodes, path);
        if (value instanceof Set)
            return this.copyArray(Array.from(value), depth, nodes, path);
        if (value instanceof RegExp)
            return this.r.maskString(String(value), this.counts);
        if (value instanceof Error)
            return this.copyError(value, depth, nodes, path);
        const toJSON = value.toJSON;
        if (typeof toJSON === 'function') {
            let json;
            try {
                json = toJSON.call(value);
            }
            catch {
                bump(this.counts, 'UNREADABLE');
                return UNREADABLE;
            }
            if (json === value || (typeof json === 'object' && json !== null && typeof json.toJSON === 'function')) {
                return this.copyPlain(json, depth, nodes, path);
            }
            return this.copy(json, depth, nodes, path);
        }
        return this.copyPlain(value, depth, nodes, path);
    }
    copyPlain(value, depth, nodes, path) {
        const out = {};
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++)
            this.copyProperty(out, value, keys[i], depth, nodes, path);
        return out;
    }
    copyError(value, depth, nodes, path) {
        const out = {};
        const source = value;
        for (const key of ['name', 'message', 'stack', 'code', 'cause']) {
            if (key in value)
                this.copyProperty(out, source, key, depth, nodes, path);
        }
        for (const key of Object.keys(value))
            if (!(key in out))
                this.copyProperty(out, source, key, depth, nodes, path);
        return out;
    }
    copyEntries(value, depth, nodes, path) {
        const out = {};
        let i = 0;
        for (const [k, v] of value) {
            if (i++ >= this.r.maxArrayItems) {
                out['[TRUNCATED]'] = `${value.size - this.r.maxArrayItems} more entries, ${value.size} in all`;
                bump(this.counts, 'TRUNCATED');
                break;
            }
            const key = typeof k === 'string' ? k : typeof k === 'object' && k !== null ? `[${Object.prototype.toString.call(k).slice(8, -1)}]` : String(k);
            this.copyKeyed(out, key, v, depth, nodes, path);
        }
        return out;
    }
    copyProperty(out, source, key, depth, nodes, path) {
        const info = this.r.keyInfo(key);
        if (info === KEY_SENSITIVE) {
            bump(this.counts, 'SENSITIVE_KEY');
            out[key] = REDACTED;
            return;
        }
        const outKey = info === KEY_PLAIN ? key : info.key;
        if (info !== KEY_PLAIN)
            this.r.countKeyMatches(info, this.counts);
        this.approxChars += outKey.length + 4;
        let child;
        try {
            child = source[key];
        }
        catch {
            bump(this.counts, 'UNREADABLE');
            out[outKey] = UNREADABLE;
            return;
        }
        const childPath = this.hook === undefined ? '' : joinPath(path, outKey);
        if (nodes === null)
            this.assign(out, outKey, child, depth + 1, null, childPath);
        else
            this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
    }
    copyKeyed(out, key, child, depth, nodes, path) {
        const info = this.r.keyInfo(key);
        if (info === KEY_SENSITIVE) {
            bump(this.counts, 'SENSITIVE_KEY');
            out[key] = REDACTED;
            return;
        }
        const outKey = info === KEY_PLAIN ? key : info.key;
        if (info !== KEY_PLAIN)
            this.r.countKeyMatches(info, this.counts);
        const childPath = this.hook === undefined ? '' : joinPath(path, outKey);
        if (nodes === null)
            this.assign(out, outKey, child, depth + 1, null, childPath);
        else
            this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
    }
    // Advances the configured paths by one key; a path that ends here masks the value whole.
    assignMatched(out, outKey, key, child, depth, nodes, path) {
        let next = null;
        let hit = false;
        for (let i = 0; i < nodes.length; i++) {
            const node = nodes[i];
            const exact = node.children.get(key);
            if (exact !== undefined) {
                if (exact.terminal)
                    hit = true;
                (next ??= []).push(exact);
            }
            if (node.star !== null) {
                if (node.star.terminal)
                    hit = true;
                (next ??= []).push(node.star);
            }
        }
        if (hit) {
            bump(this.counts, 'PATH');
            out[outKey] = REDACTED;
            return;
        }
        this.assign(out, outKey, child, depth, next, path);
    }
    applyHook(container, key, value, path) {
        let result;
        try {
            result = this.hook(value, path);
        }
        catch (error) {
            bump(this.counts, 'MASK_FAILED');
            reportDiagnostic('mask-failed', `agent-trace: the redaction mask hook threw at "${path}"; the field is recorded as [MASK_FAILED].`, error);
            return MASK_FAILED;
        }
        if (isThenable(result)) {
            if (!this.async) {
                Promise.resolve(result).catch(() => undefined);
                bump(this.counts, 'MASK_FAILED');
                if (!this.asyncWarned) {
                    this.asyncWarned = true;
                    reportDiagnostic('mask-async-in-sync', 'agent-trace: the redaction mask hook returned a promise inside redact(); use redactAsync(). The fields are recorded as [MASK_FAILED].');
                }
                return MASK_FAILED;
            }
            (this.pending ??= []).push({ container, key, original: value, promise: result });
            return MASK_FAILED;
        }
        return this.finishHook(value, result);
    }
    finishHook(original, result) {
        if (result === original)
            return result;
        bump(this.counts, 'MASK');
        if (result === undefined || result === null || typeof result === 'number' || typeof result === 'boolean')
            return result;
        if (typeof result === 'string')
            return truncateUtf8(result, this.r.maxPayloadBytes);
        try {
            const json = JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
            return json === undefined ? null : JSON.parse(json);
        }
        catch {
            bump(this.counts, 'MASK_FAILED');
            return MASK_FAILED;
        }
    }
    async settle() {
        if (this.pending === null)
            return;
        const pending = this.pending;
        this.pending = null;
        const timeoutMs = this.r.maskTimeoutMs;
        await Promise.all(pending.map(async (p) => {
            let timer;
            try {
                const timeout = new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`mask hook did not settle within ${timeoutMs} ms`)), timeoutMs);
                    timer.unref?.();
                });
                const result = await Promise.race([Promise.resolve(p.promise), timeout]);
                p.container[p.key] = this.finishHook(p.original, result);
            }
            catch (error) {
                bump(this.counts, 'MASK_FAILED');
                p.container[p.key] = MASK_FAILED;
                reportDiagnostic('mask-failed', 'agent-trace: the async redaction mask hook failed; the field is recorded as [MASK_FAILED].', error);
            }
            finally {
                if (timer !== undefined)
                    clearTimeout(timer);
            }
        }));
    }
}
function joinPath(parent, key) {
    if (parent === '')
        return key;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
function isThenable(value) {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof value.then === 'function';
}
/** Adds one to `counts[kind]`. */
export function bump(counts, kind, by = 1) {
    counts[kind] = (counts[kind] ?? 0) + by;
}
function fail(option, how) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: invalid redaction option "${option}": ${how}.`);
}
function intOption(name, value, fallback, min) {
    if (value === undefined)
        return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
        fail(name, `use an integer of at least ${min}`);
    return value;
}
//# sourceMappingURL=redactor.js.map