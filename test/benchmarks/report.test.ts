import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGates } from '../../benchmarks/support/gates.js';
import { renderMarkdown, type SuiteResults } from '../../benchmarks/support/report.js';

function results(overrides: Partial<SuiteResults> = {}): SuiteResults {
  return {
    machine: { cpuModel: 'Test CPU', cores: 2, memoryGb: 4, loadAverage1m: 0.5, node: 'v20.0.0', v8: '11', platform: 'linux', date: '2025-01-01T00:00:00.000Z' },
    suite: { seconds: 200, quick: false, loadAverageEnd: 0.7 },
    external: { codemod: { status: 'skipped', reason: 'benchmarks/codemod.bench.ts is not there' }, redaction: { status: 'ok', function: 'runRedactionBench', seconds: 1, results: [{ name: 'a|b', nsPerOp: 12.5 }] } },
    gates: evaluateGates({ agentLoopOverhead: 0.2 }),
    errors: {},
    ...overrides,
  };
}

describe('report', () => {
  it('shows the machine, and marks a failed gate', () => {
    const md = renderMarkdown(results());
    assert.match(md, /Test CPU \(2 cores, 4 GB\), Node v20\.0\.0/);
    assert.match(md, /\| agent-loop-overhead: .* \| 20\.00% \| <= 5\.00% \| \*\*FAIL\*\* \|/);
  });

  it('lists a skipped benchmark of another area with the reason, and tabulates one that ran', () => {
    const md = renderMarkdown(results());
    assert.match(md, /\*\*codemod\*\*: skipped \(benchmarks\/codemod\.bench\.ts is not there\)/);
    assert.match(md, /\| name \| nsPerOp \|\n\| --- \| --- \|\n\| a\\\|b \| 12\.50 \|/);
  });

  it('says so when the run was a quick one', () => {
    assert.match(renderMarkdown(results({ suite: { seconds: 10, quick: true, loadAverageEnd: 1 } })), /quick mode/);
  });
});
