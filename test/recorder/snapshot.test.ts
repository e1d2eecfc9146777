import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redacted } from '../../src/index.js';
import { snapshot } from '../../src/recorder/snapshot.js';

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

describe('snapshot', () => {
  it('copies plain data so later mutation does not show', () => {
    const value = { list: [1, 2], nested: { a: 'x' } };
    const copy = snapshot(value, 10_000) as typeof value;
    value.list.push(3);
    value.nested.a = 'changed';
    assert.deepEqual(copy, { list: [1, 2], nested: { a: 'x' } });
  });

  it('turns circular references, BigInt, Map, Set, Buffers, Dates, Errors and class instances into data', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    const error = Object.assign(new RangeError('out of range'), { code: 'E_RANGE' });
    const copy = snapshot({ loop, big: 12n, map: new Map([['k', 1]]), set: new Set([1, 2]), buffer: Buffer.from('abc'), date: new Date(0), error, point: new Point(1, 2), fn: function named() {}, sym: Symbol('s') }, 10_000) as Record<string, any>;
    assert.deepEqual(copy.loop, { name: 'loop', self: '[Circular]' });
    assert.equal(copy.big, '12n');
    assert.deepEqual(copy.map, { $type: 'Map', entries: [['k', 1]] });
    assert.deepEqual(copy.set, { $type: 'Set', values: [1, 2] });
    assert.deepEqual(copy.buffer, { $type: 'Buffer', byteLength: 3 });
    assert.equal(copy.date, '1970-01-01T00:00:00.000Z');
    assert.equal(copy.error.type, 'RangeError');
    assert.equal(copy.error.message, 'out of range');
    assert.equal(copy.error.code, 'E_RANGE');
    assert.match(copy.error.stack, /RangeError: out of range/);
    assert.deepEqual(copy.point, { x: 1, y: 2 });
    assert.equal(copy.fn, '[Function named]');
    assert.equal(copy.sym, 'Symbol(s)');
    assert.doesNotThrow(() => JSON.stringify(copy));
  });

  it('records getters and proxies that throw instead of throwing', () => {
    const hostile = Object.defineProperty({}, 'boom', { enumerable: true, get() { throw new Error('no access'); } });
    const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    assert.deepEqual(snapshot(hostile, 1000), { boom: '[Thrown: no access]' });
    assert.match(String(snapshot(proxy, 1000)), /Unserializable: trap/);
  });

  it('stops at the byte budget, summarises long arrays and masks what lies beyond the depth limit', () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    const cut = snapshot(long, 100) as unknown[];
    assert.ok(cut.length < 20);
    assert.match(String(cut.at(-1)), /^\[\+\d+ more items\]$/);
    let deep: Record<string, unknown> = { secret: 'hidden' };
    for (let i = 0; i < 30; i++) deep = { deep };
    assert.ok(!JSON.stringify(snapshot(deep, 100_000)).includes('hidden'));
    assert.ok(JSON.stringify(snapshot(deep, 100_000)).includes('[MaxDepth]'));
  });

  it('never records a value marked with redacted()', () => {
    assert.deepEqual(snapshot({ password: redacted('hunter2') }, 1000), { password: '[REDACTED]' });
  });
});
