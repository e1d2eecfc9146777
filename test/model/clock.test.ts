import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { epochToIso } from '../../src/model/clock.js';

describe('epochToIso', () => {
  it('gives exactly what Date#toISOString gives, across minute, day and year boundaries', () => {
    const samples = [0, 1, 1.7, -1.5, 999, 1000, 59_999, 60_000, 86_399_999, 951_782_400_000, 1_704_067_199_999, 1_704_067_200_000, Date.now(), -1, -60_001, 253_402_300_799_999];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.random() * 4e12) - 1e12, Date.now() + i * 7919.37);
    for (const ms of samples) assert.equal(epochToIso(ms), new Date(ms).toISOString(), `for ${ms}`);
  });

  it('formats years beyond 9999 as Date does', () => {
    assert.equal(epochToIso(253_402_300_800_000), new Date(253_402_300_800_000).toISOString());
  });
});
