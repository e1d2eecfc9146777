import { getConfig } from './configure.js';
import type { Scope } from './context/scope.js';
import { OpenSession, type TraceSink } from './context/session.js';
import { currentScope, storage } from './context/storage.js';
import { reportDiagnostic } from './diagnostics.js';
import { AgentTraceError } from './errors.js';
import { defaultExporters } from './export/default-exporters.js';
import { installExitFlush } from './export/exit-flush.js';
import { DEFAULT_PIPELINE_OPTIONS, ExportPipeline, type PipelineOptions } from './export/export-pipeline.js';
import type { TraceExporter } from './export/exporter.js';
import { now } from './model/clock.js';
import type { EventType, JsonValue } from './model/events.js';
import { newId } from './model/ids.js';
import type { PendingItem } from './recorder/pending.js';
import { snapshot } from './recorder/snapshot.js';
import { Redactor, type RedactorOptions } from './redaction/redactor.js';
import { runtime } from './runtime.js';

/** Per-session head sampling: a ratio from 0 to 1, `always`, `never`, or a function deciding per session. */
export type Sampler = number | 'always' | 'never' | ((session: { id: string; metadata: unknown }) => boolean);

/** Options of `new SessionTracer()`. */
export interface SessionTracerOptions extends Partial<PipelineOptions> {
  /** Where records go. Default: the exporters named by `AGENT_TRACE_EXPORTERS` / `configure({ exporters })`. */
  exporters?: TraceExporter[];
  /** Masking of everything that leaves: key paths, detectors, a mask hook. Default: detectors as `AGENT_TRACE_MASK_PII` says. */
  redaction?: RedactorOptions;
  /** Which sessions are recorded. Default `AGENT_TRACE_SAMPLE_RATE`. */
  sample?: Sampler;
}

/** Options of `SessionTracer#session`. */
export interface SessionOptions {
  /** Unique among open sessions of this tracer. Default: a generated id. */
  id?: string;
  /** Anything describing the session (environment, seed, agent version). */
  metadata?: Record<string, unknown>;
}

/** Options of `SessionTracer#timestep`. */
export interface TimestepOptions {
  /** The turn number (`message_time` of its events). Default: the step index. */
  turn?: number;
  id?: string;
  metadata?: Record<string, unknown>;
}

/** An event recorded by hand: its type and name, plus any event fields (snake_case). */
export interface ManualEventInput extends Partial<Record<string, unknown>> {
  event_type: EventType;
  name: string;
}

/** A message between systems. */
export interface MessageInput {
  /** Text, or any JSON payload. */
  content: string | JsonValue;
  /** e.g. `action`, `observation`. */
  message_type: string;
  from?: string;
  to?: string;
  metadata?: Record<string, unknown>;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs `fn` in `scope` and calls `end` once when it returns, throws, or its promise settles; the result is passed through. */
function runUntilSettled<R>(scope: Scope, fn: () => R, end: (error?: unknown) => void): R {
  let result: R;
  try {
    result = storage().run(scope, fn);
  } catch (error) {
    end(error);
    throw error;
  }
  if (!isThenable(result)) {
    end();
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      end();
      return value;
    },
    (error: unknown) => {
      end(error);
      throw error;
    },
  ) as R;
}

/**
 * Records sessions and their timesteps, and sends what decorated calls record to its exporters.
 *
 * @example
 * const memory = new InMemoryExporter();
 * const tracer = new SessionTracer({ exporters: [memory] });
 * await tracer.session({ id: 'ep-1', metadata: { env: 'gridworld' } }, async () => {
 *   for (let turn = 0; turn < 3; turn++) await tracer.timestep({ turn }, () => agent.act(env));
 * });
 * await tracer.shutdown();
 */
export class SessionTracer implements TraceSink {
  private readonly pipeline: ExportPipeline;
  private readonly open = new Map<string, OpenSession>();
  private readonly sample: Sampler | undefined;
  private closed = false;

  constructor(options: SessionTracerOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: new SessionTracer(options) takes an options object, e.g. { exporters: [new JsonlExporter()] }.');
    }
    const pipelineOptions = { ...DEFAULT_PIPELINE_OPTIONS };
    for (const key of Object.keys(DEFAULT_PIPELINE_OPTIONS) as Array<keyof PipelineOptions>) {
      const value = options[key];
      if (value === undefined) continue;
      if (!Number.isInteger(value) || value <= 0) {
        throw new AgentTraceError('E_CONFIG', `agent-trace: SessionTracer option ${key} is ${JSON.stringify(value)}; use a positive whole number.`);
      }
      pipelineOptions[key] = value;
    }
    const exporters = options.exporters ?? defaultExporters(getConfig());
    if (!Array.isArray(exporters) || exporters.some((e) => typeof e !== 'object' || e === null || typeof e.export !== 'function')) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: SessionTracer option exporters must be an array of exporters (objects with an export(records) method).');
    }
    validateSampler(options.sample);
    this.sample = options.sample;
    const redactor = new Redactor({ maskPii: getConfig().maskPii, maxPayloadBytes: getConfig().maxPayloadBytes, ...options.redaction });
    this.pipeline = new ExportPipeline(exporters, redactor, pipelineOptions, () => getConfig().maxPayloadBytes);
    runtime.tracers.push(this);
    installExitFlush();
  }

  /** Events and messages dropped so far because too many waited for export. */
  get dropped(): number {
    return this.pipeline.dropped + this.pipeline.processors.reduce((sum, p) => sum + p.dropped, 0);
  }

  /**
   * Runs `fn` inside a new session and returns what `fn` returns (a promise settles the same way).
   * The session ends when `fn` returns or its promise settles.
   */
  session<R>(idOrOptions: string | SessionOptions | undefined, fn: () => R): R {
    if (typeof fn !== 'function') throw new AgentTraceError('E_USAGE', 'agent-trace: session(idOrOptions, fn) needs a function to run inside the session.');
    if (!runtime.enabled) return fn();
    const options: SessionOptions = typeof idOrOptions === 'string' ? { id: idOrOptions } : (idOrOptions ?? {});
    if (typeof options !== 'object') throw new AgentTraceError('E_USAGE', 'agent-trace: session() takes an id string or { id, metadata }.');
    if (options.id !== undefined && (typeof options.id !== 'string' || options.id.length === 0)) {
      throw new AgentTraceError('E_USAGE', 'agent-trace: a session id must be a non-empty string.');
    }
    const id = options.id ?? newId('session');
    if (this.open.has(id)) {
      throw new AgentTraceError('E_SESSION', `agent-trace: session "${id}" is already open; use a new id for each session, or omit it to get a generated one.`);
    }
    const session = this.openSession(id, false, options.metadata);
    return runUntilSettled({ session, step: null, span: null }, fn, (error) => session.end(error));
  }

  /**
   * Runs `fn` inside a new timestep of the current session and returns what `fn` returns.
   * Throws when called outside a session of this tracer, or inside another timestep.
   */
  timestep<R>(options: TimestepOptions | number | undefined, fn: () => R): R {
    if (typeof fn !== 'function') throw new AgentTraceError('E_USAGE', 'agent-trace: timestep(options, fn) needs a function to run inside the timestep.');
    const opts: TimestepOptions = typeof options === 'number' ? { turn: options } : (options ?? {});
    const scope = runtime.enabled ? currentScope() : undefined;
    if (scope === undefined) {
      if (!runtime.enabled) return fn();
      throw new AgentTraceError('E_TIMESTEP', 'agent-trace: timestep() was called outside a session; call it inside tracer.session(id, () => ...).');
    }
    if (scope.session.sink !== this) {
      throw new AgentTraceError('E_TIMESTEP', `agent-trace: timestep() was called inside session "${scope.session.id}" of another SessionTracer; use that tracer's timestep().`);
    }
    if (scope.step !== null && scope.step.endMs === 0) {
      throw new AgentTraceError('E_TIMESTEP', `agent-trace: timestep() was called inside timestep ${scope.step.index}; timesteps do not nest, end the current one first.`);
    }
    if (opts.turn !== undefined && !Number.isFinite(opts.turn)) throw new AgentTraceError('E_USAGE', 'agent-trace: timestep turn must be a number.');
    const metadata = opts.metadata === undefined ? undefined : snapshot(opts.metadata, getConfig().maxPayloadBytes);
    const step = scope.session.openTimestep(opts.turn ?? null, metadata, opts.id);
    return runUntilSettled({ session: scope.session, step, span: scope.span }, fn, () => step.end());
  }

  /** Records an event by hand in the current session and timestep (or an implicit session of its own). */
  recordEvent(event: ManualEventInput): void {
    if (!runtime.enabled) return;
    if (typeof event !== 'object' || event === null || !['cais', 'environment', 'runtime', 'span'].includes(event.event_type) || typeof event.name !== 'string') {
      throw new AgentTraceError('E_USAGE', 'agent-trace: recordEvent() needs { event_type: "cais" | "environment" | "runtime" | "span", name: string, ... }.');
    }
    this.record((session, step, parent) => ({ pendingKind: 'event', session, step, parent, atMs: now(), fields: snapshot(event, getConfig().maxPayloadBytes * 4) as Record<string, unknown> }), event.name);
  }

  /** Records a message between systems (an action sent, an observation received). */
  recordMessage(message: MessageInput): void {
    if (!runtime.enabled) return;
    if (typeof message !== 'object' || message === null || typeof message.message_type !== 'string' || message.content === undefined) {
      throw new AgentTraceError('E_USAGE', 'agent-trace: recordMessage() needs { content, message_type, from?, to?, metadata? }.');
    }
    const content = typeof message.content === 'string' ? { text: message.content } : { json_payload: message.content };
    const metadata = { ...message.metadata, from_system_instance_id: message.from, to_system_instance_id: message.to };
    this.record((session, step) => ({ pendingKind: 'message', session, step, atMs: now(), fields: snapshot({ content, message_type: message.message_type, metadata }, getConfig().maxPayloadBytes) as Record<string, unknown> }), message.message_type);
  }

  /** Exports everything recorded so far and waits until every exporter has written it. */
  async flush(): Promise<void> {
    await this.pipeline.flush();
  }

  /** Ends open sessions, flushes, and shuts the exporters down. Later sessions are not recorded. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const session of [...this.open.values()]) session.end();
    const index = runtime.tracers.indexOf(this);
    if (index >= 0) runtime.tracers.splice(index, 1);
    if (runtime.defaultTracer === this) runtime.defaultTracer = undefined;
    await this.pipeline.shutdown();
  }

  /** @internal */
  enqueue(item: PendingItem): void {
    this.pipeline.enqueue(item);
  }

  /** @internal */
  sessionEnded(session: OpenSession): void {
    if (this.open.get(session.id) === session) this.open.delete(session.id);
    if (session.recording && session.continued === undefined) this.pipeline.enqueue(session);
  }

  /** @internal Opens the session a root call outside any session records into. */
  openImplicitSession(name: string): OpenSession {
    return this.openSession(newId('session'), true, { root: name });
  }

  /** @internal Opens the local part of a session that another thread or process owns. */
  continueSession(id: string, traceId: string, parentSpanId: string | null, recording: boolean): OpenSession {
    return new OpenSession(id, this, recording && !this.closed, false, undefined, { traceId, parentSpanId });
  }

  /** @internal */
  get hasPending(): boolean {
    return this.pipeline.hasPending;
  }

  private openSession(id: string, implicit: boolean, metadata: unknown): OpenSession {
    const recording = !this.closed && this.decide(id, metadata);
    const captured = metadata === undefined ? undefined : snapshot(metadata, getConfig().maxPayloadBytes);
    const session = new OpenSession(id, this, recording, implicit, captured);
    if (!implicit) this.open.set(id, session);
    return session;
  }

  private decide(id: string, metadata: unknown): boolean {
    const sample = this.sample ?? getConfig().sampleRate;
    if (sample === 'always' || sample === 1) return true;
    if (sample === 'never' || sample === 0) return false;
    if (typeof sample === 'number') return Math.random() < sample;
    try {
      return sample({ id, metadata }) === true;
    } catch (error) {
      reportDiagnostic('sampler-threw', `the session sampler threw for session "${id}"; the session is recorded.`, error);
      return true;
    }
  }

  private record(make: (session: OpenSession, step: Scope['step'], parent: Scope['span']) => PendingItem, name: string): void {
    const scope = currentScope();
    if (scope !== undefined && scope.session.sink === this && !scope.session.ended) {
      if (scope.session.recording) this.enqueue(make(scope.session, scope.step, scope.span));
      return;
    }
    const session = this.openImplicitSession(name);
    if (session.recording) this.enqueue(make(session, null, null));
    session.end();
  }
}

function validateSampler(sample: unknown): void {
  if (sample === undefined || sample === 'always' || sample === 'never' || typeof sample === 'function') return;
  if (typeof sample === 'number' && sample >= 0 && sample <= 1) return;
  throw new AgentTraceError('E_CONFIG', `agent-trace: SessionTracer option sample is ${JSON.stringify(sample)}; use a number from 0 to 1, "always", "never" or a function (session) => boolean.`);
}

/**
 * The session a decorated call outside any session records into: an implicit session of the
 * most recently created live tracer, or of a default tracer built from the configuration.
 */
export function implicitSessionFor(name: string): OpenSession | undefined {
  return implicitTracer()?.openImplicitSession(name);
}

/** The tracer that records outside explicit sessions: the most recently created live one, or a default one from the configuration. */
export function implicitTracer(): SessionTracer | undefined {
  try {
    const tracers = runtime.tracers as SessionTracer[];
    if (tracers.length > 0) return tracers[tracers.length - 1]!;
    return (runtime.defaultTracer as SessionTracer | undefined) ?? (runtime.defaultTracer = new SessionTracer());
  } catch (error) {
    reportDiagnostic('implicit-session-failed', 'could not create the default tracer; calls outside sessions run unrecorded.', error);
    return undefined;
  }
}
