import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { truncateUtf8, truncationMarker } from '../../src/redaction/truncate.js';

describe('truncateUtf8', () => {
  it('returns the same string when it fits', () => {
    assert.equal(truncateUtf8('héllo', 6), 'héllo');
  });

  it('cuts by bytes, keeps whole characters and surrogate pairs, and stays within the limit', () => {
    for (const text of ['é'.repeat(100), '🙂'.repeat(100), 'aé日🙂'.repeat(50)]) {
      for (const max of [40, 41, 42, 43, 60]) {
        const out = truncateUtf8(text, max);
        assert.ok(Buffer.byteLength(out) <= max, `${max}: ${Buffer.byteLength(out)}`);
        const body = out.slice(0, out.length - truncationMarker(Buffer.byteLength(text)).length);
        assert.ok(text.startsWith(body));
        assert.ok(!/[\uD800-\uDBFF]$/.test(body), 'no lone high surrogate');
      }
    }
  });

  it('reports the original size given for masked text', () => {
    assert.ok(truncateUtf8('x'.repeat(100), 40, 5000).endsWith('[TRUNCATED 5000 bytes]'));
  });
});
