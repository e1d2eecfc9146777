import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreaker, type BreakerState } from '../../src/export/http-circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, turns half-open after the cool-down, and closes on success', () => {
    let now = 0;
    const changes: BreakerState[] = [];
    const breaker = new CircuitBreaker({ threshold: 3, cooldownMs: 100, now: () => now, onChange: (s) => changes.push(s) });
    breaker.failure();
    breaker.failure();
    assert.equal(breaker.state, 'closed');
    breaker.success();
    breaker.failure();
    breaker.failure();
    assert.equal(breaker.state, 'closed');
    breaker.failure();
    assert.equal(breaker.state, 'open');
    now = 60;
    assert.equal(breaker.waitMs(), 40);
    breaker.beforeRequest();
    assert.equal(breaker.state, 'open');
    now = 100;
    assert.equal(breaker.waitMs(), 0);
    breaker.beforeRequest();
    assert.equal(breaker.state, 'half-open');
    breaker.failure();
    assert.equal(breaker.state, 'open');
    assert.equal(breaker.waitMs(), 100);
    now = 250;
    breaker.beforeRequest();
    breaker.success();
    assert.equal(breaker.state, 'closed');
    assert.deepStrictEqual(changes, ['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
