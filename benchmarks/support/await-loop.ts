/**
 * Child process: times a promise-heavy loop. Variants (argv[2]):
 *   plain     no agent-trace at all;
 *   disabled  agent-trace imported with AGENT_TRACE_MODE=disabled, its decorated methods and a session used;
 *   als       control: no agent-trace, one AsyncLocalStorage enabled (shows the check can see the slowdown).
 */
import { performance } from 'node:perf_hooks';
import { watchAsyncLocalStorage } from './als-watch.js';
import { emitResult } from './child.js';
import { PlainSubject, promiseLoop } from './plain-subject.js';

/** One child's timings of the loop. */
export interface AwaitLoopResult {
  variant: string;
  iterations: number;
  /** Wall ms per repetition, after warm-up. */
  repsMs: number[];
  minMs: number;
  /** CPU ms (user + system, this process) per repetition: robust to other processes on a shared machine. */
  cpuMs: number[];
  minCpuMs: number;
  alsCreated: number;
  alsEnabled: number;
}

const variant = process.argv[2] ?? 'plain';
const iterations = Number(process.argv[3] ?? 60_000);
const reps = Number(process.argv[4] ?? 7);
const watch = watchAsyncLocalStorage();

let subject: { act(x: number): Promise<number> };
let wrap: (fn: () => Promise<void>) => Promise<void> = (fn) => fn();
if (variant === 'disabled') {
  if (process.env.AGENT_TRACE_MODE !== 'disabled') throw new Error('await-loop disabled: run with AGENT_TRACE_MODE=disabled');
  const { SessionTracer, InMemoryExporter, aiCall, traceSpan } = await import('../../src/index.js');
  // The very class the plain variant runs, decorated as TypeScript applies decorators: with tracing
  // disabled at load time the methods stay the same functions (the identity gate checks every form),
  // so the two variants run identical code and differ only in agent-trace being loaded and used.
  const proto = PlainSubject.prototype as unknown as Record<string, unknown>;
  for (const [key, decorator] of [['think', aiCall({ systemId: 'planner' })], ['act', traceSpan('turn')]] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
    const result = (decorator as (t: object, k: string, d: PropertyDescriptor) => PropertyDescriptor | undefined)(proto, key, descriptor);
    Object.defineProperty(proto, key, result ?? descriptor);
  }
  const tracer = new SessionTracer({ exporters: [new InMemoryExporter()] });
  subject = new PlainSubject();
  wrap = (fn) => tracer.session('await-loop', fn);
} else {
  subject = new PlainSubject();
  if (variant === 'als') {
    const { AsyncLocalStorage } = await import('node:async_hooks');
    new AsyncLocalStorage<object>().enterWith({});
  }
}

const repsMs: number[] = [];
const cpuMs: number[] = [];
await wrap(async () => {
  for (let i = 0; i < 2; i++) await promiseLoop(subject, iterations);
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await promiseLoop(subject, iterations);
    repsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
});
const result: AwaitLoopResult = { variant, iterations, repsMs, minMs: Math.min(...repsMs), cpuMs, minCpuMs: Math.min(...cpuMs), alsCreated: watch.created, alsEnabled: watch.enabled };
emitResult(result);
