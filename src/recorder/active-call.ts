import type { Scope } from '../context/scope.js';
import type { OpenSession } from '../context/session.js';
import type { OpenTimestep } from '../context/timestep.js';
import { getConfig } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import { now } from '../model/clock.js';
import type { EventStatus } from '../model/events.js';
import { newSpanId } from '../model/ids.js';
import type { SpanBridge } from '../runtime.js';
import type { CallSpec, StreamObserver } from './call-spec.js';
import { snapshot } from './snapshot.js';

/**
 * One decorated call being recorded: the "one small object" of the hot path. It is also the
 * scope its callee runs in, so children find their parent, session and timestep through it.
 */
export class ActiveCall implements Scope {
  readonly pendingKind = 'call' as const;
  readonly span: ActiveCall;
  readonly startMs: number;
  endMs = 0;
  status: EventStatus = 'ok';
  error: unknown = undefined;
  input: unknown = undefined;
  output: unknown = undefined;
  stateBefore: unknown = undefined;
  stateAfter: unknown = undefined;
  /** Facts of the event's kind (reward, actions, the model request and response...). */
  detail: Record<string, unknown> | undefined = undefined;
  stream: StreamObserver | undefined = undefined;
  /** A descendant `@aiCall` recorded the model usage; this one must not count it again. */
  usageInChild = false;
  /** The OpenTelemetry context the callee runs in, when the span bridge is on. */
  otelContext: unknown = undefined;
  /** The bridge that started this call's span: it must be the one that ends it. */
  bridge: SpanBridge | undefined = undefined;
  ownsStep = false;
  endsSession = false;
  private spanIdValue: string | undefined;

  constructor(
    readonly spec: CallSpec,
    readonly session: OpenSession,
    public step: OpenTimestep | null,
    readonly parent: ActiveCall | null,
    readonly thisArg: unknown,
  ) {
    this.span = this;
    this.startMs = now();
  }

  get spanId(): string {
    return (this.spanIdValue ??= newSpanId());
  }

  /** Uses another system's span id (the OpenTelemetry span's) as this event's, so both can be joined. */
  adoptSpanId(spanId: string): void {
    this.spanIdValue ??= spanId;
  }

  get ended(): boolean {
    return this.endMs !== 0;
  }

  /** Takes the bounded copy of the arguments and runs the kind's start hook. */
  begin(args: readonly unknown[]): void {
    const config = getConfig();
    if (this.spec.captureInput && config.captureContent) this.input = snapshot(args, config.maxPayloadBytes);
    const start = this.spec.behaviour.start;
    if (start !== undefined) this.guard('start', () => start(this, this.thisArg, args));
  }

  /** Completes the call once: records the result or error and hands the call to its tracer. */
  complete(status: EventStatus, error: unknown, result?: unknown): void {
    if (this.endMs !== 0) return;
    this.endMs = now();
    this.status = status;
    this.error = error;
    const behaviour = this.spec.behaviour;
    if (status === 'ok' && this.stream === undefined) {
      const config = getConfig();
      if (this.spec.captureOutput && config.captureContent) this.output = snapshot(result, config.maxPayloadBytes);
      if (behaviour.end !== undefined) this.guard('end', () => behaviour.end!(this, this.thisArg, result));
    }
    if (behaviour.finally !== undefined) this.guard('finally', () => behaviour.finally!(this, this.thisArg));
    this.session.untrack(this);
    if (this.session.recording) this.session.sink.enqueue(this);
    if (this.ownsStep) this.step?.end();
    if (this.endsSession) this.session.end(status === 'error' ? error : undefined);
  }

  /** Completes a stream or generator that its consumer abandoned. */
  cancel(): void {
    this.complete('cancelled', undefined);
  }

  /** Runs a toolkit hook; a throw becomes a diagnostic and never reaches the user. */
  guard(hook: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      reportDiagnostic('hook-threw', `${this.spec.kind} "${this.spec.name}": the ${hook} hook threw; the call goes on unrecorded in that part.`, error);
    }
  }
}
