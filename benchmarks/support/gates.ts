/** The limits the suite enforces: ratios measured in the same run, never absolute times. */
export const LIMITS = Object.freeze({
  /** Wall time of the reference agent loop, traced vs undecorated. */
  agentLoopOverhead: 0.05,
  /** Enabled sync per-call cost as a fraction of OpenTelemetry's span cost. */
  syncCostVsOtel: 0.15,
  /** Enabled async per-call cost as a fraction of OpenTelemetry's span cost. */
  asyncCostVsOtel: 0.35,
  /** Slowdown of promise-heavy code when agent-trace is imported with tracing disabled at load time. */
  disabledAwaitSlowdown: 0.02,
  /**
   * The agent loop in sessions that sampling leaves out, minus the same loop with tracing switched
   * off at run time, both vs undecorated: at most the noise of a paired median (1 percentage point).
   */
  sampledOutVsOff: 0.01,
  /** Heap growth left after 1,000,000 events were recorded and exported, after GC. */
  memoryHeapReturnBytes: 5 * 2 ** 20,
});

/** What the gates read; a missing value (the case failed or was skipped) fails its gate. */
export interface GateInput {
  agentLoopOverhead?: number;
  sampledOutVsOff?: number;
  syncCostVsOtel?: number;
  asyncCostVsOtel?: number;
  disabledIdentity?: { pass: boolean; failures: string[] };
  disabledAwait?: { slowdown: number; alsEnabled: boolean };
  memoryHeapReturnBytes?: number;
}

/** One gate's verdict. */
export interface GateResult {
  id: string;
  description: string;
  measured: string;
  limit: string;
  pass: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const ratio = (v: number) => `${v.toFixed(3)}x`;
const mb = (v: number) => `${(v / 2 ** 20).toFixed(2)} MB`;

function numeric(id: string, description: string, value: number | undefined, limit: number, format: (v: number) => string): GateResult {
  if (value === undefined || !Number.isFinite(value)) return { id, description, measured: 'not measured', limit: `<= ${format(limit)}`, pass: false };
  return { id, description, measured: format(value), limit: `<= ${format(limit)}`, pass: value <= limit };
}

/** Evaluates every gate; the suite exits non-zero naming each gate whose `pass` is false. */
export function evaluateGates(input: GateInput): GateResult[] {
  const gates: GateResult[] = [
    numeric('agent-loop-overhead', 'reference agent loop (a): traced wall time vs undecorated', input.agentLoopOverhead, LIMITS.agentLoopOverhead, pct),
    numeric('sampled-out-vs-off', 'agent loop (a) in sampled-out sessions vs switched off at run time (overhead difference)', input.sampledOutVsOff, LIMITS.sampledOutVsOff, pct),
    numeric('enabled-sync-vs-otel', 'enabled sync per-call cost / OpenTelemetry span cost (same run)', input.syncCostVsOtel, LIMITS.syncCostVsOtel, ratio),
    numeric('enabled-async-vs-otel', 'enabled async per-call cost / OpenTelemetry span cost (same run)', input.asyncCostVsOtel, LIMITS.asyncCostVsOtel, ratio),
  ];
  const identity = input.disabledIdentity;
  gates.push({
    id: 'disabled-identity',
    description: 'disabled at load time: every decorator returns the original function (===)',
    measured: identity === undefined ? 'not measured' : identity.pass ? 'all identical' : `not identical: ${identity.failures.join('; ')}`,
    limit: '===',
    pass: identity?.pass === true,
  });
  const awaitCheck = input.disabledAwait;
  const awaitGate = numeric('disabled-await', 'disabled at load time: promise-heavy code slowdown (no AsyncLocalStorage enabled)', awaitCheck?.slowdown, LIMITS.disabledAwaitSlowdown, pct);
  if (awaitCheck?.alsEnabled) {
    awaitGate.pass = false;
    awaitGate.measured += ', an AsyncLocalStorage was enabled';
  }
  gates.push(awaitGate);
  gates.push(numeric('memory-heap-returns', 'heap after 1,000,000 events recorded and exported, vs start (after GC)', input.memoryHeapReturnBytes, LIMITS.memoryHeapReturnBytes, mb));
  return gates;
}
