import { join } from 'node:path';
import type { AwaitLoopResult } from './await-loop.js';
import { runChild } from './child.js';
import { median, round, spread, type Spread } from './stats.js';

/** The disabled-mode await check: promise-heavy code with and without agent-trace (disabled at load time). */
export interface AwaitCheckResult {
  pairs: number;
  iterations: number;
  /** Per child: the fastest of its repetitions, in CPU ms (user + system). */
  plainCpuMs: number[];
  disabledCpuMs: number[];
  /** disabled / plain - 1 per pair. */
  slowdown: Spread;
  /** Control: one AsyncLocalStorage enabled, no agent-trace; shows that the check sees what it guards. */
  alsControlSlowdown: number;
  alsEnabledInDisabledChildren: number;
  confirmed: boolean;
}

const NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

/**
 * Runs the promise-heavy loop in fresh processes, interleaved ABBA: plain (no agent-trace) and
 * disabled (agent-trace imported and used, AGENT_TRACE_MODE=disabled); a young generation of fixed
 * size in both, so that the bigger heap of the process that loaded more modules does not change
 * how often the loop's garbage is collected. Measures CPU time (robust on a shared machine).
 * When the median slowdown is over `limit`, measures as many pairs again and decides on all of them.
 */
export async function runAwaitCheck(buildDir: string, options: { pairs: number; iterations: number; reps: number; limit: number }): Promise<AwaitCheckResult> {
  const script = join(buildDir, 'support', 'await-loop.js');
  const child = (variant: string) =>
    runChild<AwaitLoopResult>(script, { args: [variant, String(options.iterations), String(options.reps)], nodeFlags: NODE_FLAGS, env: variant === 'disabled' ? { AGENT_TRACE_MODE: 'disabled' } : {}, timeoutMs: 120_000 });
  const plain: number[] = [];
  const disabled: number[] = [];
  let alsEnabled = 0;
  const runPairs = async (pairs: number) => {
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? ['plain', 'disabled'] : ['disabled', 'plain'];
      for (const variant of order) {
        const r = await child(variant);
        if (variant === 'plain') plain.push(r.minCpuMs);
        else {
          disabled.push(r.minCpuMs);
          alsEnabled += r.alsEnabled + r.alsCreated;
        }
      }
    }
  };
  await runPairs(options.pairs);
  let confirmed = false;
  const slowdowns = () => disabled.map((d, i) => d / plain[i]! - 1);
  if (median(slowdowns()) > options.limit) {
    confirmed = true;
    await runPairs(options.pairs);
  }
  const controlPlain = await child('plain');
  const control = await child('als');
  return {
    pairs: plain.length,
    iterations: options.iterations,
    plainCpuMs: plain.map((v) => round(v, 2)),
    disabledCpuMs: disabled.map((v) => round(v, 2)),
    slowdown: spread(slowdowns()),
    alsControlSlowdown: round(control.minCpuMs / controlPlain.minCpuMs - 1, 4),
    alsEnabledInDisabledChildren: alsEnabled,
    confirmed,
  };
}
