import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId, newSpanId, newTraceId } from '../../src/model/ids.js';

describe('ids', () => {
  it('gives distinct 32-hex-digit trace ids across several refills of the random block', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newTraceId();
      assert.match(id, /^[0-9a-f]{32}$/);
      ids.add(id);
    }
    assert.equal(ids.size, 2000);
  });

  it('gives distinct 16-hex-digit span ids and kind-prefixed ids', () => {
    const spans = new Set(Array.from({ length: 1000 }, () => newSpanId()));
    assert.equal(spans.size, 1000);
    for (const id of spans) assert.match(id, /^[0-9a-f]{16}$/);
    assert.match(newId('call'), /^call_[0-9a-f]{18}$/);
  });
});
