import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cleanupChildren, runChild } from '../../benchmarks/support/child.js';
import type { DisabledCheckResult } from '../../benchmarks/support/disabled-check.js';

const script = fileURLToPath(new URL('../../benchmarks/support/disabled-check.js', import.meta.url));

describe('disabled-check', () => {
  after(() => cleanupChildren());

  it('finds every decorator returning the original function and no AsyncLocalStorage when AGENT_TRACE_MODE=disabled', async () => {
    const result = await runChild<DisabledCheckResult>(script, { env: { AGENT_TRACE_MODE: 'disabled' }, forwardStderr: false, timeoutMs: 60_000 });
    assert.deepEqual(result.identity.filter((i) => !i.identical), []);
    assert.ok(result.identity.length >= 18);
    assert.deepEqual(result.als, { created: 0, enabled: 0, runtimeStorage: false });
    assert.equal(result.sessionRan, true);
  });

  it('sees wrapped functions and an enabled AsyncLocalStorage when tracing is on', async () => {
    const result = await runChild<DisabledCheckResult>(script, { forwardStderr: false, timeoutMs: 60_000 });
    assert.deepEqual(result.identity.filter((i) => i.identical), []);
    assert.ok(result.als.created >= 1 && result.als.enabled >= 1 && result.als.runtimeStorage);
  });
});
