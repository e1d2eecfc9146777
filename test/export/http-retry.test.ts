import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../src/export/http-retry.js';

describe('backoffDelay', () => {
  it('draws from [0, initial * 2^attempt) capped at max', () => {
    const opts = { initialMs: 100, maxMs: 1000 };
    assert.equal(backoffDelay(0, { ...opts, random: () => 0 }), 0);
    assert.equal(backoffDelay(0, { ...opts, random: () => 0.999 }), 99);
    assert.equal(backoffDelay(2, { ...opts, random: () => 0.5 }), 200);
    assert.equal(backoffDelay(10, { ...opts, random: () => 0.5 }), 500);
    assert.equal(backoffDelay(5000, { ...opts, random: () => 0.5 }), 500);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('1.5', now), 1500);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:02 GMT', now), 2000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 5xx only', () => {
    assert.deepStrictEqual([200, 400, 401, 404, 408, 413, 429, 500, 502, 503, 504].filter(isRetryableStatus), [408, 429, 500, 502, 503, 504]);
  });
});
