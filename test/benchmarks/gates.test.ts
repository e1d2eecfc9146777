import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGates, LIMITS, type GateInput } from '../../benchmarks/support/gates.js';

const passing: GateInput = {
  agentLoopOverhead: 0.01,
  sampledOutVsOff: 0.002,
  syncCostVsOtel: 0.1,
  asyncCostVsOtel: 0.2,
  disabledIdentity: { pass: true, failures: [] },
  disabledAwait: { slowdown: 0.001, alsEnabled: false },
  memoryHeapReturnBytes: 200_000,
};

const failedIds = (input: GateInput) => evaluateGates(input).filter((g) => !g.pass).map((g) => g.id);

describe('gates', () => {
  it('passes every gate when every ratio is within its limit', () => {
    assert.deepEqual(failedIds(passing), []);
  });

  it('names the gate whose ratio is over its limit', () => {
    assert.deepEqual(failedIds({ ...passing, agentLoopOverhead: LIMITS.agentLoopOverhead + 0.001 }), ['agent-loop-overhead']);
    assert.deepEqual(failedIds({ ...passing, sampledOutVsOff: LIMITS.sampledOutVsOff + 0.001 }), ['sampled-out-vs-off']);
    assert.deepEqual(failedIds({ ...passing, syncCostVsOtel: 0.16 }), ['enabled-sync-vs-otel']);
    assert.deepEqual(failedIds({ ...passing, asyncCostVsOtel: 0.36 }), ['enabled-async-vs-otel']);
    assert.deepEqual(failedIds({ ...passing, disabledAwait: { slowdown: 0.021, alsEnabled: false } }), ['disabled-await']);
    assert.deepEqual(failedIds({ ...passing, memoryHeapReturnBytes: 6 * 2 ** 20 }), ['memory-heap-returns']);
  });

  it('fails the identity gate when a disabled decorator returned another function', () => {
    const gates = evaluateGates({ ...passing, disabledIdentity: { pass: false, failures: ['legacy @aiCall'] } });
    const gate = gates.find((g) => g.id === 'disabled-identity')!;
    assert.equal(gate.pass, false);
    assert.match(gate.measured, /legacy @aiCall/);
  });

  it('fails the await gate when an AsyncLocalStorage was enabled, however small the slowdown', () => {
    assert.deepEqual(failedIds({ ...passing, disabledAwait: { slowdown: 0, alsEnabled: true } }), ['disabled-await']);
  });

  it('fails a gate whose case was not measured', () => {
    const gates = evaluateGates({ ...passing, syncCostVsOtel: undefined, memoryHeapReturnBytes: Number.NaN });
    assert.deepEqual(gates.filter((g) => !g.pass).map((g) => [g.id, g.measured]), [
      ['enabled-sync-vs-otel', 'not measured'],
      ['memory-heap-returns', 'not measured'],
    ]);
  });
});
