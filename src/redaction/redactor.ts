import { createHmac } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/max';
import { reportDiagnostic } from '../diagnostics.js';
import { AgentTraceError } from '../errors.js';
import { TextScanner, type EntityMatch } from './detectors.js';
import { DETECTOR_NAMES, type DetectorName, type RedactionCounts } from './entity-kinds.js';
import { compilePaths, type PathNode } from './paths.js';
import { isRedacted } from './redacted.js';
import { isSensitiveKey, normalizeKeyName } from './sensitive-keys.js';
import { truncateUtf8 } from './truncate.js';

/** Options of a `Redactor`; every one is optional. */
export interface RedactorOptions {
  /** Run the value detectors (email, phone, card, secrets, ...) on every string. Default `true`. */
  maskPii?: boolean;
  /** Key paths to mask, in fast-redact syntax: `apiKey`, `headers.authorization`, `messages[*].content`, `*.password`. */
  paths?: string[];
  /** Extra key names masked at any depth, besides the defaults; compared case- and separator-insensitively. */
  sensitiveKeys?: string[];
  /** Turn single detectors off (or on): `{ phone: false, ip: false }`. */
  detectors?: Partial<Record<DetectorName, boolean>>;
  /** `token` replaces a match with its kind (`[EMAIL]`); `hash` with its kind and a keyed hash (`[EMAIL:3f9a...]`), so equal values stay joinable. */
  replacement?: 'token' | 'hash';
  /** Secret key of the `hash` replacement (HMAC-SHA256), at least 16 characters. */
  hashKey?: string;
  /** Runs last on every string, number and boolean left; may be async (then call `redactAsync`). A throw, rejection or timeout gives `[MASK_FAILED]`. */
  mask?: (value: unknown, path: string) => unknown | Promise<unknown>;
  /** Longest string kept, in UTF-8 bytes; longer ones are cut and marked with their size. Default 10240. */
  maxPayloadBytes?: number;
  /** Deepest nesting kept; containers below it become `[DEPTH_LIMIT]`. Default 12. */
  maxDepth?: number;
  /** Longest array (or Map/Set) kept; the rest is summarised by one marker. Default 500. */
  maxArrayItems?: number;
  /** Countries whose national phone formats count without `+` (ISO codes). Default US, CA, GB, DE, FR, NL, AU, IN, IT, JP, BR. */
  phoneCountries?: string[];
  /** How long `redactAsync` waits for an async `mask` hook before failing closed. Default 5000 ms. */
  maskTimeoutMs?: number;
}

/**
 * A masked copy and the counts of what was masked, by kind (never the values).
 *
 * @example
 * const { value, counts } = redactor.redactWithReport({ note: 'mail bob@example.com' }); // counts: { EMAIL: 1 }
 */
export interface RedactionReport<T> {
  value: T;
  counts: RedactionCounts;
}

const REDACTED = '[REDACTED]';
const MASK_FAILED = '[MASK_FAILED]';
const DEPTH_LIMIT = '[DEPTH_LIMIT]';
const CIRCULAR = '[CIRCULAR]';
const UNREADABLE = '[UNREADABLE]';
// Detectors read a little past the byte limit so that a secret cut by truncation is still seen whole.
const SCAN_MARGIN = 4096;
// Masked strings remembered per redactor: bounded in count and length (at most 4,096 x 8 KiB).
const STRING_CACHE_SIZE = 4096;
const STRING_CACHE_MAX_LENGTH = 8192;
// At most this many characters of strings (and as many of their masked forms) are kept: ~4 MB.
const STRING_CACHE_CHARS = 1 << 20;

const KEY_PLAIN = 0;
const KEY_SENSITIVE = 1;
/** A plain key naming a phone number (`phone`, `mobilePhone`, `msisdn`, `wa_id`): its value is read as one would be after "phone:". */
const KEY_PHONE = 2;
const PHONE_KEY = /phone|mobile|msisdn|whatsapp|^waid$|fax|^tel$|telefon|celular|^handy$|^cell$/;
interface MaskedKey {
  key: string;
  matches: EntityMatch[];
  original: string;
}
type KeyInfo = typeof KEY_PLAIN | typeof KEY_SENSITIVE | typeof KEY_PHONE | MaskedKey;

interface Pending {
  container: Record<string | number, unknown>;
  key: string | number;
  original: unknown;
  promise: PromiseLike<unknown>;
}

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
  /** The resolved byte limit of one string. */
  readonly maxPayloadBytes: number;
  /** The resolved depth limit. */
  readonly maxDepth: number;
  /** The resolved array limit. */
  readonly maxArrayItems: number;
  /** @internal */ readonly maskHook: ((value: unknown, path: string) => unknown) | undefined;
  /** @internal */ readonly maskTimeoutMs: number;
  private readonly scanner: TextScanner | null;
  private readonly pathTree: PathNode | null;
  private readonly rootNodes: PathNode[] | null;
  private readonly extraKeys: ReadonlySet<string>;
  private readonly hashKey: string | null;
  // A dictionary object: its keyed loads are cheaper than Map#get for the few hundred keys payloads repeat.
  private keyCache: Record<string, KeyInfo> = Object.create(null) as Record<string, KeyInfo>;
  private keyCacheSize = 0;
  private readonly hashCache = new Map<string, string>();
  private readonly stringCache = new Map<string, { masked: string; counts: RedactionCounts | null }>();
  private stringCacheChars = 0;

  constructor(options: RedactorOptions = {}) {
    if (options === null || typeof options !== 'object') fail('options', 'pass an object such as { maskPii: true }');
    const o = options;
    const maskPii = o.maskPii ?? true;
    if (typeof maskPii !== 'boolean') fail('maskPii', 'use true or false');
    if (o.paths !== undefined && !Array.isArray(o.paths)) fail('paths', "use an array of fast-redact paths such as ['headers.authorization']");
    if (o.sensitiveKeys !== undefined && (!Array.isArray(o.sensitiveKeys) || o.sensitiveKeys.some((k) => typeof k !== 'string' || normalizeKeyName(k) === ''))) {
      fail('sensitiveKeys', "use an array of key names such as ['sessionSecret']");
    }
    if (o.detectors !== undefined) {
      if (o.detectors === null || typeof o.detectors !== 'object') fail('detectors', 'use an object such as { phone: false }');
      for (const [name, on] of Object.entries(o.detectors)) {
        if (!(DETECTOR_NAMES as readonly string[]).includes(name)) fail('detectors', `"${name}" is not a detector; known: ${DETECTOR_NAMES.join(', ')}`);
        if (typeof on !== 'boolean') fail('detectors', `"${name}" must be true or false`);
      }
    }
    const replacement = o.replacement ?? 'token';
    if (replacement !== 'token' && replacement !== 'hash') fail('replacement', "use 'token' or 'hash'");
    if (replacement === 'hash' && (typeof o.hashKey !== 'string' || o.hashKey.length < 16)) {
      fail('hashKey', "replacement 'hash' needs a secret hashKey of at least 16 characters (keep it out of the trace and the code)");
    }
    if (o.hashKey !== undefined && typeof o.hashKey !== 'string') fail('hashKey', 'use a string');
    if (o.mask !== undefined && typeof o.mask !== 'function') fail('mask', 'use a function (value, path) => maskedValue');
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
    this.scanner = maskPii ? new TextScanner({ detectors: o.detectors, phoneCountries: o.phoneCountries as CountryCode[] | undefined, sensitiveKeys: this.extraKeys }) : null;
    this.hashKey = replacement === 'hash' ? o.hashKey! : null;
    this.maskHook = o.mask;
  }

  /**
   * A masked, JSON-safe deep copy of `value`. An async `mask` hook cannot finish here: its
   * fields become `[MASK_FAILED]` (use `redactAsync`).
   *
   * @example
   * new Redactor().redact({ password: 'hunter2' }); // { password: '[REDACTED]' }
   */
  redact<T>(value: T): T {
    return this.redactWithReport(value).value;
  }

  /**
   * Like `redact`, and waits for an async `mask` hook.
   *
   * @example
   * await new Redactor({ mask: async (v) => v }).redactAsync(payload);
   */
  async redactAsync<T>(value: T): Promise<T> {
    return (await this.redactWithReportAsync(value)).value;
  }

  /**
   * `redact` plus the counts of what was masked, by kind.
   *
   * @example
   * new Redactor().redactWithReport('call +1 415 555 2671').counts; // { PHONE: 1 }
   */
  redactWithReport<T>(value: T): RedactionReport<T> {
    const walk = new Walk(this, false, false);
    const out = walk.run(value);
    return { value: out as T, counts: walk.counts };
  }

  /**
   * `redactAsync` plus the counts of what was masked, by kind.
   *
   * @example
   * const { value, counts } = await redactor.redactWithReportAsync(payload);
   */
  async redactWithReportAsync<T>(value: T): Promise<RedactionReport<T>> {
    const walk = new Walk(this, true, false);
    const out = walk.run(value);
    if (walk.pending !== null) await walk.settle();
    return { value: out as T, counts: walk.counts };
  }

  /**
   * Starts a redaction whose counts span several values (the fields of one record); call
   * `settle()` before reading values that an async hook may still change.
   *
   * @example
   * const session = redactor.startSession(); const input = session.redact(event.input); await session.settle();
   */
  startSession(async = true): RedactionSession {
    return new Walk(this, async, false);
  }

  /** @internal A session over data the toolkit built itself (snapshots: plain data, no symbols, no getters). */
  startOwnedSession(): RedactionSession {
    return new Walk(this, true, true);
  }

  /**
   * Masks entities in one string and truncates it to `maxPayloadBytes`; no hook, no key rules.
   *
   * @example
   * new Redactor().redactText('mail bob@example.com'); // 'mail [EMAIL]'
   */
  redactText(text: string, counts?: RedactionCounts): string {
    return this.maskString(text, counts ?? {});
  }

  /** @internal */
  maskString(text: string, counts: RedactionCounts): string {
    if (this.scanner === null) return this.maskUncached(text, counts);
    // Agents send the same strings again and again (system prompts, the growing history): scan each once.
    if (text.length < 6 || text.length > STRING_CACHE_MAX_LENGTH) return this.maskUncached(text, counts);
    let cached = this.stringCache.get(text);
    if (cached === undefined) {
      const found: RedactionCounts = {};
      cached = { masked: this.maskUncached(text, found), counts: Object.keys(found).length === 0 ? null : found };
      this.stringCacheChars += text.length;
      if (this.stringCache.size >= STRING_CACHE_SIZE || this.stringCacheChars > STRING_CACHE_CHARS) {
        this.stringCache.clear();
        this.stringCacheChars = text.length;
      }
      this.stringCache.set(text, cached);
    }
    if (cached.counts !== null) for (const [kind, n] of Object.entries(cached.counts)) bump(counts, kind, n ?? 0);
    return cached.masked;
  }

  /** @internal A field value under a phone key: digits alone count as a phone there ("phone": "4155552671"). */
  maskPhoneField(text: string, counts: RedactionCounts): string {
    if (this.scanner === null || text.length > 40) return this.maskString(text, counts);
    // An MSISDN is an international number without its '+' (447700900123).
    const international = /^[1-9]\d{10,14}$/.test(text) ? `+${text}` : text;
    const found: RedactionCounts = {};
    const masked = this.maskString(`phone: ${international}`, found);
    if (!masked.startsWith('phone: ') || masked === `phone: ${international}`) return this.maskString(text, counts);
    for (const [kind, n] of Object.entries(found)) bump(counts, kind, n ?? 0);
    return masked.slice(7);
  }

  private maskUncached(text: string, counts: RedactionCounts): string {
    const max = this.maxPayloadBytes;
    let masked = text;
    if (this.scanner !== null && text.length >= 6) {
      const scanned = text.length > max + SCAN_MARGIN ? text.slice(0, max + SCAN_MARGIN) : text;
      const matches = this.scanner.find(scanned);
      masked = matches.length === 0 ? scanned : this.replaceMatches(scanned, matches, counts);
    }
    if (masked.length * 3 <= max) return masked;
    const maskedBytes = Buffer.byteLength(masked, 'utf8');
    if (maskedBytes <= max) return masked;
    bump(counts, 'TRUNCATED');
    return truncateUtf8(masked, max, masked === text ? maskedBytes : Buffer.byteLength(text, 'utf8'));
  }

  /** @internal */
  keyInfo(key: string): KeyInfo {
    let info = this.keyCache[key];
    if (info === undefined) {
      info = this.computeKeyInfo(key);
      if (++this.keyCacheSize > 5000) {
        this.keyCache = Object.create(null) as Record<string, KeyInfo>;
        this.keyCacheSize = 1;
      }
      this.keyCache[key] = info;
    }
    return info;
  }

  private computeKeyInfo(key: string): KeyInfo {
    if (isSensitiveKey(key, this.extraKeys)) return KEY_SENSITIVE;
    if (this.scanner !== null && PHONE_KEY.test(normalizeKeyName(key))) return KEY_PHONE;
    if (this.scanner === null || key.length < 6) return KEY_PLAIN;
    const matches = this.scanner.find(key);
    if (matches.length === 0) return KEY_PLAIN;
    return { key: this.replaceMatches(key, matches, {}), matches, original: key };
  }

  /** @internal */
  countKeyMatches(info: MaskedKey, counts: RedactionCounts): void {
    for (const m of info.matches) bump(counts, m.kind);
  }

  /** @internal */
  pathRoot(): PathNode[] | null {
    return this.rootNodes;
  }

  private replaceMatches(text: string, matches: EntityMatch[], counts: RedactionCounts): string {
    let out = '';
    let last = 0;
    for (const m of matches) {
      out += text.slice(last, m.start) + this.token(m.kind, text.slice(m.start, m.end));
      last = m.end;
      bump(counts, m.kind);
    }
    return out + text.slice(last);
  }

  private token(kind: string, value: string): string {
    if (this.hashKey === null) return `[${kind}]`;
    let digest = this.hashCache.get(value);
    if (digest === undefined) {
      digest = createHmac('sha256', this.hashKey).update(value).digest('hex').slice(0, 16);
      if (this.hashCache.size > 1000) this.hashCache.clear();
      this.hashCache.set(value, digest);
    }
    return `[${kind}:${digest}]`;
  }
}

/**
 * Several values redacted together, their counts added up: what `redactRecords` uses per record.
 *
 * @example
 * const s = redactor.startSession(); const out = s.redact(value); await s.settle(); console.log(s.counts);
 */
export interface RedactionSession {
  /** Counts of everything masked so far. */
  readonly counts: RedactionCounts;
  /** Characters of the strings and keys produced by the last `redact` call: a cheap size estimate. */
  readonly approxChars: number;
  /** A masked copy of `value`; fields of an async hook are filled in by `settle()`. */
  redact(value: unknown): unknown;
  /**
   * @internal Like `redact`, but the plain objects and arrays of `value` are masked where they
   * are (no copy) when no mask hook is set: for data the toolkit copied itself and shares with nothing.
   */
  redactInPlace(value: unknown): unknown;
  /** Waits for async hook results (a no-op without any). */
  settle(): Promise<void>;
}

/** One redaction: the counts, the ancestors (for cycles) and the hook results still pending. */
class Walk implements RedactionSession {
  readonly counts: RedactionCounts = {};
  approxChars = 0;
  pending: Pending[] | null = null;
  private readonly stack: object[] = [];
  private readonly hook: ((value: unknown, path: string) => unknown) | undefined;
  /** The field being masked has a phone key: set by maskKey, read by the values below it. */
  private phoneField = false;
  private asyncWarned = false;

  constructor(
    private readonly r: Redactor,
    private readonly async: boolean,
    /** The input is the toolkit's own plain data: no symbol keys or getters to guard against. */
    private readonly owned: boolean,
  ) {
    this.hook = r.maskHook;
  }

  redact(value: unknown): unknown {
    this.approxChars = 0;
    this.phoneField = false;
    return this.run(value);
  }

  redactInPlace(value: unknown): unknown {
    if (!this.owned || this.hook !== undefined) return this.redact(value);
    this.approxChars = 0;
    this.phoneField = false;
    return this.maskOwned(value, 0, this.r.pathRoot());
  }

  // In place over the toolkit's own data: plain objects, arrays and primitives in a tree (a
  // snapshot), shared with nothing. Anything else is handed to the copying walk.
  private maskOwned(value: unknown, depth: number, nodes: PathNode[] | null): unknown {
    if (typeof value === 'string') {
      const masked = this.maskText(value);
      this.approxChars += masked.length;
      return masked;
    }
    if (typeof value !== 'object' || value === null || depth >= this.r.maxDepth) return this.copy(value, depth, nodes, '');
    if (Array.isArray(value)) {
      const n = value.length;
      const kept = n > this.r.maxArrayItems ? this.r.maxArrayItems : n;
      if (kept < n) value.length = kept;
      for (let i = 0; i < kept; i++) {
        const step = nodes === null ? null : advance(nodes, i);
        if (step === HIT) {
          bump(this.counts, 'PATH');
          value[i] = REDACTED;
          continue;
        }
        const item = value[i];
        const masked = typeof item === 'number' || typeof item === 'boolean' || item === null ? this.copy(item, depth + 1, null, '') : this.maskOwned(item, depth + 1, step);
        value[i] = masked === undefined ? null : masked;
      }
      if (kept < n) {
        value.push(`[TRUNCATED ${n - kept} more items, ${n} in all]`);
        bump(this.counts, 'TRUNCATED');
      }
      return value;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return this.copy(value, depth, nodes, '');
    const object = value as Record<string, unknown>;
    let renamed: Array<[string, string, unknown]> | undefined;
    // for-in over a plain object reads and writes its fields through the enumeration cache, far
    // cheaper than a keyed access per name from Object.keys (the prototype was checked above).
    for (const key in object) {
      const outKey = this.maskKey(object, key);
      if (outKey === undefined) continue;
      const step = nodes === null ? null : advance(nodes, key);
      const child = object[key];
      let masked: unknown;
      if (step === HIT) {
        bump(this.counts, 'PATH');
        masked = REDACTED;
      } else {
        this.approxChars += outKey.length + 4;
        if (typeof child === 'string') {
          masked = this.maskText(child);
          this.approxChars += (masked as string).length;
        } else {
          masked = typeof child === 'boolean' || child === null || child === undefined || (typeof child === 'number' && !(child >= 1e12) && !this.phoneField) ? child : this.maskOwned(child, depth + 1, step);
        }
      }
      if (outKey !== key) (renamed ??= []).push([key, outKey, masked]);
      else if (masked !== child) object[key] = masked;
    }
    // A key with an entity in its name is replaced, not added beside it (after the loop: a field
    // added while for-in runs may be visited again).
    if (renamed !== undefined) {
      for (const [key, outKey, masked] of renamed) {
        delete object[key];
        object[outKey] = masked;
      }
    }
    return object;
  }

  run(value: unknown): unknown {
    const box: unknown[] = [undefined];
    this.assign(box as unknown as Record<number, unknown>, 0, value, 0, this.r.pathRoot(), '');
    return box[0];
  }

  // Copies `value` into container[key]; leaves then go through the user's hook.
  private assign(container: Record<string | number, unknown>, key: string | number, value: unknown, depth: number, nodes: PathNode[] | null, path: string): void {
    const out = this.copy(value, depth, nodes, path);
    if (this.hook !== undefined && out !== null && (typeof out === 'string' || typeof out === 'number' || typeof out === 'boolean')) {
      container[key] = this.applyHook(container, key, out, path);
    } else {
      container[key] = out;
    }
  }

  private copy(value: unknown, depth: number, nodes: PathNode[] | null, path: string): unknown {
    switch (typeof value) {
      case 'string': {
        const masked = this.maskText(value);
        this.approxChars += masked.length;
        return masked;
      }
      case 'number':
        return (value >= 1e12 || (this.phoneField && value >= 1e6)) && Number.isSafeInteger(value) ? this.maskNumber(value, String(value)) : value;
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

  private maskText(text: string): string {
    return this.phoneField ? this.r.maskPhoneField(text, this.counts) : this.r.maskString(text, this.counts);
  }

  private maskNumber(value: number | bigint, text: string): number | string {
    const masked = this.maskText(text);
    return masked === text && typeof value === 'number' ? value : masked;
  }

  private copyObject(value: object, depth: number, nodes: PathNode[] | null, path: string): unknown {
    if (depth >= this.r.maxDepth) {
      if (isRedacted(value)) {
        bump(this.counts, 'REDACTED');
        return REDACTED;
      }
      bump(this.counts, 'DEPTH_LIMIT');
      return DEPTH_LIMIT;
    }
    const stack = this.stack;
    for (let i = 0; i < depth; i++) if (stack[i] === value) return CIRCULAR;
    stack[depth] = value;
    let out: unknown;
    try {
      if (Array.isArray(value)) out = this.copyArray(value, depth, nodes, path);
      else {
        // Plain objects (most of a payload) skip the checks for exotic types.
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) out = this.copyExotic(value, depth, nodes, path);
        else out = this.copyPlain(value, depth, nodes, path);
      }
    } catch {
      // A proxy or exotic object that throws while listed: mask it whole.
      bump(this.counts, 'UNREADABLE');
      out = UNREADABLE;
    }
    stack[depth] = undefined as unknown as object;
    return out;
  }

  private copyExotic(value: object, depth: number, nodes: PathNode[] | null, path: string): unknown {
    if (isRedacted(value)) {
      bump(this.counts, 'REDACTED');
      return REDACTED;
    }
    return this.copyNonArray(value, depth, nodes, path);
  }

  private copyArray(value: readonly unknown[], depth: number, nodes: PathNode[] | null, path: string): unknown[] {
    const n = value.length;
    const kept = n > this.r.maxArrayItems ? this.r.maxArrayItems : n;
    const out: unknown[] = new Array(kept);
    for (let i = 0; i < kept; i++) {
      let item: unknown;
      try {
        item = value[i];
      } catch {
        bump(this.counts, 'UNREADABLE');
        out[i] = UNREADABLE;
        continue;
      }
      if (this.hook === undefined) {
        const next = nodes === null ? null : advance(nodes, i);
        if (next === HIT) {
          bump(this.counts, 'PATH');
          out[i] = REDACTED;
        } else {
          const copied = this.copyChild(item, depth + 1, next);
          out[i] = copied === undefined ? null : copied;
        }
        continue;
      }
      const childPath = `${path}[${i}]`;
      if (nodes === null) {
        this.assign(out as unknown as Record<number, unknown>, i, item, depth + 1, null, childPath);
      } else {
        this.assignMatched(out as unknown as Record<number, unknown>, i, String(i), item, depth + 1, nodes, childPath);
      }
      if (out[i] === undefined) out[i] = null;
    }
    if (kept < n) {
      out.push(`[TRUNCATED ${n - kept} more items, ${n} in all]`);
      bump(this.counts, 'TRUNCATED');
    }
    return out;
  }

  private copyNonArray(value: object, depth: number, nodes: PathNode[] | null, path: string): unknown {
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
    if (value instanceof Map) return this.copyEntries(value, depth, nodes, path);
    if (value instanceof Set) return this.copyArray(Array.from(value), depth, nodes, path);
    if (value instanceof RegExp) return this.r.maskString(String(value), this.counts);
    if (value instanceof Error) return this.copyError(value, depth, nodes, path);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      let json: unknown;
      try {
        json = (toJSON as () => unknown).call(value);
      } catch {
        bump(this.counts, 'UNREADABLE');
        return UNREADABLE;
      }
      if (json === value || (typeof json === 'object' && json !== null && typeof (json as { toJSON?: unknown }).toJSON === 'function')) {
        return this.copyPlain(json as object, depth, nodes, path);
      }
      return this.copy(json, depth, nodes, path);
    }
    return this.copyPlain(value, depth, nodes, path);
  }

  private copyPlain(value: object, depth: number, nodes: PathNode[] | null, path: string): unknown {
    if (this.hook === undefined) return this.copyFields(value as Record<string, unknown>, depth, nodes);
    // redacted() makes a plain object (its brand is a symbol).
    if (isRedacted(value)) {
      bump(this.counts, 'REDACTED');
      return REDACTED;
    }
    const keys = Object.keys(value);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) this.copyProperty(out, value, keys[i]!, depth, nodes, path);
    return out;
  }

  // Without a hook (the common case): for-in reads the fields through the enumeration cache and
  // the copy gets them in order, each masked by its key, the configured paths and its value.
  private copyFields(source: Record<string, unknown>, depth: number, nodes: PathNode[] | null): unknown {
    const out: Record<string, unknown> = {};
    for (const key in source) {
      if (!hasOwn(source, key)) continue;
      if (key === '__proto__') ownSlot(out, key);
      // What redacted() makes has `value` first: only objects with such a field pay the brand check.
      if (key === 'value' && isRedacted(source)) {
        bump(this.counts, 'REDACTED');
        return REDACTED;
      }
      const outKey = this.maskKey(out, key);
      if (outKey === undefined) continue;
      this.approxChars += outKey.length + 4;
      const next = nodes === null ? null : advance(nodes, key);
      if (next === HIT) {
        bump(this.counts, 'PATH');
        out[outKey] = REDACTED;
        continue;
      }
      let child: unknown;
      try {
        child = source[key];
      } catch {
        bump(this.counts, 'UNREADABLE');
        out[outKey] = UNREADABLE;
        continue;
      }
      out[outKey] = this.copyChild(child, depth + 1, next);
    }
    return out;
  }

  // Without a hook: the masked copy of one field or item.
  private copyChild(child: unknown, depth: number, nodes: PathNode[] | null): unknown {
    if (typeof child === 'string') {
      const masked = this.maskText(child);
      this.approxChars += masked.length;
      return masked;
    }
    if (typeof child === 'object') return child === null ? null : this.copyObject(child, depth, nodes, '');
    if (typeof child === 'boolean' || child === undefined || (typeof child === 'number' && !(child >= 1e12) && !this.phoneField)) return child;
    return this.copy(child, depth, nodes, '');
  }

  private copyError(value: Error, depth: number, nodes: PathNode[] | null, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const source = value as unknown as Record<string, unknown>;
    for (const key of ['name', 'message', 'stack', 'code', 'cause']) {
      if (key in value) this.copyProperty(out, source, key, depth, nodes, path);
    }
    for (const key of Object.keys(value)) if (!(key in out)) this.copyProperty(out, source, key, depth, nodes, path);
    return out;
  }

  private copyEntries(value: Map<unknown, unknown>, depth: number, nodes: PathNode[] | null, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
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

  // A sensitive key masks its whole value (undefined: done); other keys come back with any entity in them masked.
  private maskKey(out: Record<string, unknown>, key: string): string | undefined {
    const info = this.r.keyInfo(key);
    this.phoneField = info === KEY_PHONE;
    if (info === KEY_SENSITIVE) {
      bump(this.counts, 'SENSITIVE_KEY');
      out[key] = REDACTED;
      return undefined;
    }
    if (info === KEY_PLAIN || info === KEY_PHONE) return key;
    this.r.countKeyMatches(info, this.counts);
    return info.key;
  }

  private copyProperty(out: Record<string, unknown>, source: object, key: string, depth: number, nodes: PathNode[] | null, path: string): void {
    if (key === '__proto__') ownSlot(out, key);
    const outKey = this.maskKey(out, key);
    if (outKey === undefined) return;
    this.approxChars += outKey.length + 4;
    let child: unknown;
    try {
      child = (source as Record<string, unknown>)[key];
    } catch {
      bump(this.counts, 'UNREADABLE');
      out[outKey] = UNREADABLE;
      return;
    }
    if (this.hook === undefined) {
      if (nodes === null) this.store(out, outKey, child, depth + 1);
      else this.assignMatched(out, outKey, key, child, depth + 1, nodes, '');
      return;
    }
    const childPath = joinPath(path, outKey);
    if (nodes === null) this.assign(out, outKey, child, depth + 1, null, childPath);
    else this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
  }

  private copyKeyed(out: Record<string, unknown>, key: string, child: unknown, depth: number, nodes: PathNode[] | null, path: string): void {
    if (key === '__proto__') ownSlot(out, key);
    const outKey = this.maskKey(out, key);
    if (outKey === undefined) return;
    const childPath = this.hook === undefined ? '' : joinPath(path, outKey);
    if (nodes === null) this.assign(out, outKey, child, depth + 1, null, childPath);
    else this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
  }

  // The common case: no hook, no configured path below this point.
  private store(out: Record<string | number, unknown>, key: string | number, child: unknown, depth: number): void {
    if (typeof child === 'string') {
      const masked = this.maskText(child);
      this.approxChars += masked.length;
      out[key] = masked;
    } else if (typeof child === 'boolean' || child === null || (typeof child === 'number' && !(child >= 1e12) && !this.phoneField)) {
      out[key] = child;
    } else {
      out[key] = this.copy(child, depth, null, '');
    }
  }

  // Advances the configured paths by one key; a path that ends here masks the value whole.
  private assignMatched(out: Record<string | number, unknown>, outKey: string | number, key: string, child: unknown, depth: number, nodes: PathNode[], path: string): void {
    const next = advance(nodes, key);
    if (next === HIT) {
      bump(this.counts, 'PATH');
      out[outKey] = REDACTED;
      return;
    }
    if (next === null && this.hook === undefined) this.store(out, outKey, child, depth);
    else this.assign(out, outKey, child, depth, next, path);
  }

  private applyHook(container: Record<string | number, unknown>, key: string | number, value: unknown, path: string): unknown {
    let result: unknown;
    try {
      result = this.hook!(value, path);
    } catch (error) {
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

  private finishHook(original: unknown, result: unknown): unknown {
    if (result === original) return result;
    bump(this.counts, 'MASK');
    if (result === undefined || result === null || typeof result === 'number' || typeof result === 'boolean') return result;
    if (typeof result === 'string') return truncateUtf8(result, this.r.maxPayloadBytes);
    try {
      const json = JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return json === undefined ? null : (JSON.parse(json) as unknown);
    } catch {
      bump(this.counts, 'MASK_FAILED');
      return MASK_FAILED;
    }
  }

  async settle(): Promise<void> {
    if (this.pending === null) return;
    const pending = this.pending;
    this.pending = null;
    const timeoutMs = this.r.maskTimeoutMs;
    await Promise.all(pending.map(async (p) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`mask hook did not settle within ${timeoutMs} ms`)), timeoutMs);
        });
        const result = await Promise.race([Promise.resolve(p.promise), timeout]);
        p.container[p.key] = this.finishHook(p.original, result);
      } catch (error) {
        bump(this.counts, 'MASK_FAILED');
        p.container[p.key] = MASK_FAILED;
        reportDiagnostic('mask-failed', 'agent-trace: the async redaction mask hook failed; the field is recorded as [MASK_FAILED].', error);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    }));
  }
}

const HIT: PathNode[] = [];
const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
// A `__proto__` field (JSON.parse makes one) is data: an own property, so writing it cannot set the copy's prototype.
const ownSlot = (out: object, key: string): void => {
  Object.defineProperty(out, key, { value: undefined, writable: true, enumerable: true, configurable: true });
};

/** The configured paths one key (or array index) further down: `HIT` when one of them ends here, null when none goes on. */
function advance(nodes: PathNode[], key: string | number): PathNode[] | null {
  if (nodes.length === 1) {
    const node = nodes[0]!;
    if (node.star === null) {
      const exact = node.children.get(typeof key === 'number' ? String(key) : key);
      return exact === undefined ? null : exact.terminal ? HIT : exact.alone;
    }
    if (node.children.size === 0) return node.star.terminal ? HIT : node.star.alone;
  }
  let next: PathNode[] | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const exact = node.children.size === 0 ? undefined : node.children.get(typeof key === 'number' ? String(key) : key);
    if (exact !== undefined) {
      if (exact.terminal) return HIT;
      (next ??= []).push(exact);
    }
    if (node.star !== null) {
      if (node.star.terminal) return HIT;
      (next ??= []).push(node.star);
    }
  }
  return next;
}

function joinPath(parent: string, key: string): string {
  if (parent === '') return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Adds one to `counts[kind]`. */
export function bump(counts: RedactionCounts, kind: string, by = 1): void {
  counts[kind] = (counts[kind] ?? 0) + by;
}

function fail(option: string, how: string): never {
  throw new AgentTraceError('E_CONFIG', `agent-trace: invalid redaction option "${option}": ${how}.`);
}

function intOption(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(name, `use an integer of at least ${min}`);
  return value;
}
