import type { AsyncLocalStorage } from 'node:async_hooks';
import type { AgentTraceConfig } from './configure.js';
import type { TraceEvent } from './model/events.js';
import type { ActiveCall } from './recorder/active-call.js';

/**
 * Process-wide state, registered under a `Symbol.for` key so that two installed copies of
 * agent-trace (an ESM and a CommonJS one, or two versions) share one context and one config.
 */
export interface Runtime {
  config: AgentTraceConfig;
  /** `config.enabled` and not disabled: the one flag a decorated call checks. */
  enabled: boolean;
  /** Created on first enabled use only: an enabled AsyncLocalStorage slows every promise on Node 20. */
  storage: AsyncLocalStorage<unknown> | undefined;
  /** Live tracers, most recent last; the last one receives implicit sessions. */
  tracers: unknown[];
  /** Built from the configuration when a root call finds no tracer. */
  defaultTracer: unknown;
  /** Set in `otel` and `dual` modes: makes each recorded call an OpenTelemetry span too. */
  bridge: SpanBridge | undefined;
}

/**
 * The hook through which `agent-trace/otel` turns recorded calls into OpenTelemetry spans.
 * `start` runs on the hot path when a call starts; `finish` on the batch side, with the masked event.
 */
export interface SpanBridge {
  /** Starts the span of a call and returns the context its callee runs in. */
  start(call: ActiveCall): unknown;
  /** Runs `thunk` inside a context `start` returned. */
  run<R>(context: unknown, thunk: () => R): R;
  /** Ends the call's span with the event's attributes, or bare when the event was dropped (`null`). */
  finish(call: ActiveCall, event: TraceEvent | null): void;
}

const KEY = Symbol.for('agent-trace.runtime.v1');
const holder = globalThis as unknown as Record<symbol, Runtime | undefined>;

/** The shared runtime state; `configure.ts` fills in `config` from the environment when it loads. */
export const runtime: Runtime = (holder[KEY] ??= {
  config: undefined as unknown as AgentTraceConfig,
  enabled: true,
  storage: undefined,
  tracers: [],
  defaultTracer: undefined,
  bridge: undefined,
});
