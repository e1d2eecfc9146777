/**
 * Child process, run with AGENT_TRACE_MODE=disabled: every decorator (both standards, every
 * placement) and every function form must hand back the original function itself, and using
 * agent-trace (decorated calls, sessions, timesteps) must create or enable no AsyncLocalStorage.
 */
import { watchAsyncLocalStorage } from './als-watch.js';
import { emitResult } from './child.js';

/** What the disabled-mode child found. */
export interface DisabledCheckResult {
  mode: string | undefined;
  identity: Array<{ what: string; identical: boolean }>;
  als: { created: number; enabled: number; runtimeStorage: boolean };
  sessionRan: boolean;
}

const watch = watchAsyncLocalStorage();
const agentTrace = await import('../../src/index.js');
const { DisabledSubject, received } = await import('./disabled-subjects.js');
const { aiCall, environmentStep, runtimeOperation, traceSpan, withAiCall, withEnvironmentStep, withRuntimeOperation, withSpan, SessionTracer, InMemoryExporter } = agentTrace;

const identity: DisabledCheckResult['identity'] = [];
const same = (what: string, actual: unknown, original: unknown) => identity.push({ what, identical: typeof original === 'function' && actual === original });

const proto = DisabledSubject.prototype as unknown as Record<string, unknown>;
const subject = new DisabledSubject();
same('Stage-3 @aiCall (bare) instance method', proto.bare, received.get('bare'));
same('Stage-3 @aiCall({...}) async method', proto.think, received.get('think'));
same('Stage-3 @environmentStep() method', proto.step, received.get('step'));
same('Stage-3 @runtimeOperation() generator method', proto.gen, received.get('gen'));
same("Stage-3 @traceSpan('episode') async method", proto.act, received.get('act'));
same('Stage-3 @traceSpan static method', (DisabledSubject as unknown as Record<string, unknown>).create, received.get('create'));
same('Stage-3 @runtimeOperation #private method', DisabledSubject.secretOf(subject), received.get('#secret'));
same('Stage-3 @traceSpan getter', Object.getOwnPropertyDescriptor(DisabledSubject.prototype, 'state')?.get, received.get('state'));
same('Stage-3 @aiCall class field holding a function', subject.chat, received.get('chat'));

// Legacy decorators (experimentalDecorators), applied as TypeScript's __decorate applies them.
function legacy(what: string, decorate: (target: object, key: string, descriptor: PropertyDescriptor) => unknown) {
  const original = function legacyMethod(this: unknown, x: number) {
    return x;
  };
  const descriptor: PropertyDescriptor = { value: original, writable: true, enumerable: false, configurable: true };
  const result = decorate({}, 'legacyMethod', descriptor) as PropertyDescriptor | undefined;
  same(`legacy ${what}`, (result ?? descriptor).value, original);
}
legacy('@aiCall (bare)', (t, k, d) => (aiCall as (t: object, k: string, d: PropertyDescriptor) => unknown)(t, k, d));
legacy('@aiCall({...})', (t, k, d) => aiCall({ systemId: 'x' })(t, k, d));
legacy('@environmentStep()', (t, k, d) => environmentStep()(t, k, d));
legacy('@runtimeOperation()', (t, k, d) => runtimeOperation()(t, k, d));
legacy("@traceSpan('s')", (t, k, d) => traceSpan('s')(t, k, d));

const fn = async function plainFunction(x: number) {
  return x;
};
same('withAiCall(options, fn)', withAiCall({}, fn), fn);
same('withEnvironmentStep(options, fn)', withEnvironmentStep({}, fn), fn);
same('withRuntimeOperation(options, fn)', withRuntimeOperation({}, fn), fn);
same("withSpan('s', fn)", withSpan('s', fn), fn);

// Use it as a program would: sessions, timesteps, decorated calls, awaiting.
const tracer = new SessionTracer({ exporters: [new InMemoryExporter()] });
let sessionRan = false;
await tracer.session('disabled', async () => {
  for (let turn = 0; turn < 3; turn++) {
    await tracer.timestep({ turn }, async () => {
      await subject.act(turn);
      subject.step(turn);
      for (const _ of subject.gen(turn)) void _;
      await subject.chat('hello');
    });
  }
  sessionRan = true;
});
await tracer.flush();
await tracer.shutdown();

const runtime = (globalThis as unknown as Record<symbol, { storage?: unknown } | undefined>)[Symbol.for('agent-trace.runtime.v1')];
const result: DisabledCheckResult = {
  mode: process.env.AGENT_TRACE_MODE,
  identity,
  als: { created: watch.created, enabled: watch.enabled, runtimeStorage: runtime?.storage !== undefined },
  sessionRan,
};
emitResult(result);
