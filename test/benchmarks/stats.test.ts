import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { median, quantile, rotate, spread } from '../../benchmarks/support/stats.js';

describe('stats', () => {
  it('takes the median of an odd and an even number of values', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it('interpolates quantiles and ignores values that are not finite', () => {
    assert.equal(quantile([0, 10, Number.NaN, 20], 0.25), 5);
    assert.ok(Number.isNaN(median([])));
  });

  it('summarises rounds with their median and spread', () => {
    assert.deepEqual(spread([3, 1, 2, 5, 4]), { median: 3, min: 1, max: 5, p25: 2, p75: 4, n: 5 });
  });

  it('rotates the order of cases so that each round starts with another case', () => {
    assert.deepEqual(rotate(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
    assert.deepEqual(rotate(['a', 'b', 'c'], 4), ['b', 'c', 'a']);
    assert.deepEqual(rotate([], 2), []);
  });
});
