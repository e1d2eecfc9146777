import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pinoRedact from '@pinojs/redact';
import { onDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { AgentTraceError } from '../../src/errors.js';
import { redacted } from '../../src/redaction/redacted.js';
import { Redactor } from '../../src/redaction/redactor.js';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

function payload() {
  return {
    model: 'gpt-4o-mini',
    apiKey: 'sk-proj-Zx81Kd0qLmN4pR7sT2vW9yB3cE5fH6jA',
    headers: { Authorization: 'Bearer abc.def-123456789', 'x-request-id': 'req_1' },
    messages: [
      { role: 'user', content: 'I am bob@example.com, card 4111 1111 1111 1111', name: 'bob' },
      { role: 'assistant', content: 'noted', name: 'helper' },
    ],
    user: { profile: { password: 'hunter2', ssn: '123-45-6789', nick: 'b' } },
    max_tokens: 256,
    usage: { input_tokens: 10, output_tokens: 3 },
  };
}

describe('Redactor', () => {
  it('reads the value of a phone field as a phone, digits alone or a number, and masks national-id fields whole', () => {
    const out = new Redactor().redact({ phone: '4155552671', mobilePhone: '07438 608374', msisdn: 4915112345678, contact: { phones: ['4155552672'] }, social_security_number: '123456789', count: 4155552671, note: '4155552671', phone_count: 3 });
    assert.deepEqual(out, { phone: '[PHONE]', mobilePhone: '[PHONE]', msisdn: '[PHONE]', contact: { phones: ['[PHONE]'] }, social_security_number: '[REDACTED]', count: 4155552671, note: '4155552671', phone_count: 3 });
  });

  it('masks configured paths, default sensitive keys at any depth and detected values', () => {
    const r = new Redactor({ paths: ['messages[*].name'] });
    const { value, counts } = r.redactWithReport(payload());
    assert.equal(value.apiKey, '[REDACTED]');
    assert.equal(value.headers.Authorization, '[REDACTED]');
    assert.equal(value.headers['x-request-id'], 'req_1');
    assert.equal(value.messages[0]!.content, 'I am [EMAIL], card [CARD]');
    assert.equal(value.messages[0]!.name, '[REDACTED]');
    assert.equal(value.messages[1]!.name, '[REDACTED]');
    assert.deepEqual(value.user.profile, { password: '[REDACTED]', ssn: '[REDACTED]', nick: 'b' });
    assert.equal(value.max_tokens, 256);
    assert.deepEqual(value.usage, { input_tokens: 10, output_tokens: 3 });
    assert.deepEqual(counts, { SENSITIVE_KEY: 4, EMAIL: 1, CARD: 1, PATH: 2 });
  });

  it('matches sensitive key names whatever their case and separators', () => {
    const r = new Redactor({ maskPii: false, sensitiveKeys: ['session_secret_v2'] });
    const out = r.redact({ API_KEY: 1, 'api-key': 2, ApiKey: 3, github_token: 4, dbPassword: 5, SessionSecretV2: 6, tokens: 7, eos_token: '</s>', token_count: 8 });
    assert.deepEqual(out, { API_KEY: '[REDACTED]', 'api-key': '[REDACTED]', ApiKey: '[REDACTED]', github_token: '[REDACTED]', dbPassword: '[REDACTED]', SessionSecretV2: '[REDACTED]', tokens: 7, eos_token: '</s>', token_count: 8 });
  });

  it('masks exactly what @pinojs/redact masks for the same fast-redact paths', () => {
    const paths = ['a.b', 'a["c-d"]', 'list[1].x', 'list[*].y', '*.secretish', 'deep.*.z', 'arr.*', 'top'];
    const input = {
      a: { b: 1, 'c-d': 2, e: 3 },
      list: [{ x: 1, y: 2 }, { x: 3, y: 4 }],
      k1: { secretish: 's', other: 'o' },
      k2: { secretish: 't' },
      deep: { m: { z: 1, w: 2 }, n: { z: 3 } },
      arr: [1, 2],
      top: 'x',
      keep: { b: 1 },
    };
    const ours = new Redactor({ maskPii: false, paths }).redact(input);
    const theirs = pinoRedact({ paths, serialize: false })(structuredClone(input)) as Record<string, unknown>;
    delete theirs.restore;
    assert.deepEqual(ours, JSON.parse(JSON.stringify(theirs)));
  });

  it('never changes its input, frozen or not', () => {
    const plain = payload();
    const before = structuredClone(plain);
    new Redactor({ paths: ['messages[*].content'] }).redact(plain);
    assert.deepEqual(plain, before);
    const frozen = deepFreeze(payload());
    const out = new Redactor({ paths: ['messages[*].content'] }).redact(frozen);
    assert.deepEqual(frozen, before);
    assert.equal(out.messages[0]!.content, '[REDACTED]');
    assert.ok(!Object.isFrozen(out));
  });

  it('keeps a __proto__ field (as JSON.parse makes it) as masked data, never as the copy\'s prototype', () => {
    const input = JSON.parse('{"__proto__":{"password":"hunter2","note":"ok"},"a":{"__proto__":"x"}}') as Record<string, unknown>;
    const expected = JSON.parse('{"__proto__":{"password":"[REDACTED]","note":"ok"},"a":{"__proto__":"x"}}') as Record<string, unknown>;
    for (const redactor of [new Redactor(), new Redactor({ mask: (value) => value }), new Redactor({ paths: ['a.b'] })]) {
      const out = redactor.redact(input) as Record<string, unknown>;
      assert.equal(Object.getPrototypeOf(out), Object.prototype);
      assert.deepEqual(Object.keys(out), ['__proto__', 'a']);
      assert.equal(JSON.stringify(out), JSON.stringify(expected));
    }
    const fromMap: unknown = new Redactor().redact(new Map([['__proto__', { token: 't' }]]));
    assert.equal(JSON.stringify(fromMap), '{"__proto__":{"token":"[REDACTED]"}}');
  });

  it('keeps a bounded amount of masked text cached however many long strings it sees', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const redactor = new Redactor();
    gc();
    const before = process.memoryUsage().heapUsed;
    // 2,000 distinct strings of 8,000 characters: 16 MB if every one stayed cached.
    for (let i = 0; i < 2000; i++) redactor.redactText(`${i} `.padEnd(8000, 'lorem ipsum dolor sit amet '));
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 6 * 2 ** 20, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MB`);
  });

  it('replaces a value wrapped by redacted() with [REDACTED]', () => {
    const { value, counts } = new Redactor().redactWithReport({ login: redacted('hunter2'), list: [redacted({ a: 1 })] });
    assert.deepEqual(value, { login: '[REDACTED]', list: ['[REDACTED]'] });
    assert.equal(counts.REDACTED, 2);
  });

  it('replaces with a keyed hash that keeps equal values joinable', () => {
    const r = new Redactor({ replacement: 'hash', hashKey: 'a-secret-key-of-32-characters!!' });
    const out = r.redact(['mail bob@example.com', 'again bob@example.com', 'other amy@example.com']);
    const tokens = out.map((s) => /\[EMAIL:([0-9a-f]{16})\]/.exec(s)![1]);
    assert.equal(tokens[0], tokens[1]);
    assert.notEqual(tokens[0], tokens[2]);
    const other = new Redactor({ replacement: 'hash', hashKey: 'another-secret-key-0123456789' }).redact('bob@example.com');
    assert.ok(!other.includes(tokens[0]!));
    assert.ok(!out.join(' ').includes('bob@'));
  });

  it('runs the mask hook last on leaves and fails closed when it throws', () => {
    const seen: Diagnostic[] = [];
    const stop = onDiagnostic((d) => seen.push(d));
    try {
      const r = new Redactor({
        mask: (value, path) => {
          if (path === 'b.c') throw new Error('boom');
          return typeof value === 'string' ? value.toUpperCase() : value;
        },
      });
      const { value, counts } = r.redactWithReport({ a: 'mail bob@example.com', b: { c: 'raw secret', d: 1 } });
      assert.deepEqual(value, { a: 'MAIL [EMAIL]', b: { c: '[MASK_FAILED]', d: 1 } });
      assert.equal(counts.MASK_FAILED, 1);
      assert.equal(counts.MASK, 1);
      assert.ok(seen.some((d) => d.code === 'mask-failed' && !d.message.includes('raw secret')));
    } finally {
      stop();
    }
  });

  it('waits for an async mask hook in redactAsync and fails closed on rejection or timeout', async () => {
    const r = new Redactor({
      maskTimeoutMs: 50,
      mask: async (value, path) => {
        if (path === 'bad') throw new Error('no');
        if (path === 'slow') return new Promise(() => undefined);
        return typeof value === 'string' ? `<${value}>` : value;
      },
    });
    const { value, counts } = await r.redactWithReportAsync({ ok: 'x', bad: 'raw', slow: 'raw2', n: 3 });
    assert.deepEqual(value, { ok: '<x>', bad: '[MASK_FAILED]', slow: '[MASK_FAILED]', n: 3 });
    assert.equal(counts.MASK_FAILED, 2);
  });

  it('fails closed when redact() meets an async mask hook', () => {
    const r = new Redactor({ mask: async (v) => v });
    assert.deepEqual(r.redact({ a: 'x' }), { a: '[MASK_FAILED]' });
  });

  it('truncates strings by UTF-8 bytes, never splitting a character, and marks the original size', () => {
    const r = new Redactor({ maskPii: false, maxPayloadBytes: 64 });
    const text = '日本語テキスト🙂'.repeat(20);
    const out = r.redact({ text }).text;
    assert.ok(Buffer.byteLength(out) <= 64, `${Buffer.byteLength(out)} bytes`);
    assert.ok(out.endsWith(`…[TRUNCATED ${Buffer.byteLength(text)} bytes]`), out);
    assert.ok(!out.includes('\uFFFD'));
    assert.ok(text.startsWith(out.slice(0, out.indexOf('…'))));
    assert.equal(r.redact('short é'), 'short é');
  });

  it('masks a secret that the byte limit cuts in half', () => {
    const text = `${'a'.repeat(90)} sk-proj-Zx81Kd0qLmN4pR7sT2vW9yB3cE5fH6jAbc`;
    const out = new Redactor({ maxPayloadBytes: 100 }).redact(text);
    assert.ok(!out.includes('sk-pro'), out);
  });

  it('masks whatever lies beyond the depth limit', () => {
    const deep = { l1: { l2: { l3: { l4: { secret: 'mail bob@example.com' } } } }, flat: 'x' };
    const { value, counts } = new Redactor({ maxDepth: 3 }).redactWithReport(deep);
    assert.deepEqual(value, { l1: { l2: { l3: '[DEPTH_LIMIT]' } }, flat: 'x' });
    assert.equal(counts.DEPTH_LIMIT, 1);
    assert.ok(!JSON.stringify(value).includes('bob'));
  });

  it('summarises long arrays', () => {
    const out = new Redactor({ maxArrayItems: 3 }).redact({ xs: [1, 2, 3, 4, 5, 6] });
    assert.deepEqual(out.xs, [1, 2, 3, '[TRUNCATED 3 more items, 6 in all]']);
  });

  it('copies circular references, BigInt, Map, Set, typed arrays, dates and errors safely', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const shared = { v: 1 };
    const err = new TypeError('failed for bob@example.com');
    const out = new Redactor().redact({
      a,
      twice: [shared, shared],
      big: 12345678901234567890n,
      card: 4111111111111111n,
      map: new Map<unknown, unknown>([['password', 'x'], ['k', 'v'], [1, 'one']]),
      set: new Set(['alice@example.com']),
      bytes: new Uint8Array(16),
      buf: Buffer.from('sk-secret'),
      when: new Date(0),
      err,
      fn: () => 1,
      sym: Symbol('s'),
    }) as Record<string, unknown>;
    assert.deepEqual(out.a, { name: 'a', self: '[CIRCULAR]' });
    assert.deepEqual(out.twice, [{ v: 1 }, { v: 1 }]);
    assert.equal(out.big, '12345678901234567890');
    assert.equal(out.card, '[CARD]');
    assert.deepEqual(out.map, { password: '[REDACTED]', k: 'v', 1: 'one' });
    assert.deepEqual(out.set, ['[EMAIL]']);
    assert.equal(out.bytes, '[Uint8Array 16 bytes]');
    assert.equal(out.buf, '[Buffer 9 bytes]');
    assert.equal(out.when, '1970-01-01T00:00:00.000Z');
    assert.equal((out.err as Record<string, unknown>).message, 'failed for [EMAIL]');
    assert.equal((out.err as Record<string, unknown>).name, 'TypeError');
    assert.equal(out.fn, undefined);
    assert.doesNotThrow(() => JSON.stringify(out));
  });

  it('masks getters and proxies that throw instead of throwing', () => {
    const obj = { ok: 1, get bad(): string { throw new Error('getter'); } };
    const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const { value, counts } = new Redactor().redactWithReport({ obj, proxy });
    assert.deepEqual(value, { obj: { ok: 1, bad: '[UNREADABLE]' }, proxy: '[UNREADABLE]' });
    assert.equal(counts.UNREADABLE, 2);
  });

  it('masks entities in object keys', () => {
    const out = new Redactor().redact({ 'bob@example.com': { score: 1 } });
    assert.deepEqual(out, { '[EMAIL]': { score: 1 } });
  });

  it('masks the toolkit\'s own copies in place exactly as it masks a copy', () => {
    const r = new Redactor({ paths: ['messages[*].name'], maxArrayItems: 3 });
    const make = () => ({ ...payload(), 'bob@example.com': { score: 1 }, xs: [1, 2, 3, 4, 5] });
    const copied = r.redactWithReport(make());
    const own = make();
    const session = r.startOwnedSession();
    const masked = session.redactInPlace(own);
    assert.equal(masked, own);
    assert.deepEqual(masked, copied.value);
    assert.deepEqual(session.counts, copied.counts);
  });

  it('rejects bad options with an AgentTraceError that names the option', () => {
    const cases: Array<[unknown, string]> = [
      [{ maskPii: 'yes' }, 'maskPii'],
      [{ paths: ['a..b'] }, 'paths'],
      [{ paths: 'a.b' }, 'paths'],
      [{ detectors: { telepathy: false } }, 'detectors'],
      [{ replacement: 'hash' }, 'hashKey'],
      [{ replacement: 'stars' }, 'replacement'],
      [{ mask: 'no' }, 'mask'],
      [{ maxPayloadBytes: 0 }, 'maxPayloadBytes'],
      [{ maxDepth: 1.5 }, 'maxDepth'],
      [{ maxArrayItems: -1 }, 'maxArrayItems'],
      [{ phoneCountries: ['usa'] }, 'phoneCountries'],
      [{ sensitiveKeys: [''] }, 'sensitiveKeys'],
    ];
    for (const [options, name] of cases) {
      assert.throws(() => new Redactor(options as never), (e: unknown) => e instanceof AgentTraceError && e.code === 'E_CONFIG' && e.message.startsWith('agent-trace:') && e.message.includes(name), name);
    }
  });

  it('passes values through untouched in content when maskPii is false', () => {
    assert.equal(new Redactor({ maskPii: false }).redact('mail bob@example.com'), 'mail bob@example.com');
  });
});
