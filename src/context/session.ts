import { now } from '../model/clock.js';
import { newTraceId } from '../model/ids.js';
import type { ActiveCall } from '../recorder/active-call.js';
import type { PendingItem } from '../recorder/pending.js';
import { OpenTimestep } from './timestep.js';

/** Where an open session sends what finishes: implemented by `SessionTracer`. */
export interface TraceSink {
  enqueue(item: PendingItem): void;
  sessionEnded(session: OpenSession): void;
}

/**
 * A session being recorded. It holds only its header, counters and the calls still open
 * (streams, generators): events leave as they finish, so a long session stays small.
 */
export class OpenSession {
  readonly pendingKind = 'session' as const;
  readonly startMs = now();
  endMs = 0;
  error: unknown = undefined;
  private nextStepIndex = 0;
  private traceIdValue: string | undefined;
  private openCalls: Set<ActiveCall> | undefined;
  /** Calls and records dropped because a queue was full, reported in the session's metadata. */
  dropped = 0;

  constructor(
    readonly id: string,
    readonly sink: TraceSink,
    readonly recording: boolean,
    readonly implicit: boolean,
    readonly metadata: unknown,
    /** Set when this process continues a session opened elsewhere (`runWithContext`): its record is the owner's to write. */
    readonly continued?: { traceId: string; parentSpanId: string | null },
  ) {
    this.traceIdValue = continued?.traceId;
  }

  get traceId(): string {
    return (this.traceIdValue ??= newTraceId());
  }

  get ended(): boolean {
    return this.endMs !== 0;
  }

  /** Opens the next timestep of this session. */
  openTimestep(turnNumber: number | null, metadata: unknown, id: string | undefined): OpenTimestep {
    const index = this.nextStepIndex++;
    return new OpenTimestep(this, index, turnNumber ?? index, metadata, id);
  }

  /** The local view of a timestep owned elsewhere: events join it, its record is not written here. */
  continuedTimestep(id: string, turnNumber: number | null): OpenTimestep {
    const step = new OpenTimestep(this, -1, turnNumber, undefined, id);
    step.endMs = -1;
    return step;
  }

  /** Remembers a call that outlives its return (a stream, a generator) so the session can close it. */
  track(call: ActiveCall): void {
    (this.openCalls ??= new Set()).add(call);
  }

  untrack(call: ActiveCall): void {
    this.openCalls?.delete(call);
  }

  /** Ends the session once: open streams and generators are completed as `cancelled` first. */
  end(error?: unknown): void {
    if (this.endMs !== 0) return;
    if (this.openCalls !== undefined) {
      for (const call of [...this.openCalls]) call.cancel();
      this.openCalls = undefined;
    }
    this.endMs = now();
    this.error = error;
    this.sink.sessionEnded(this);
  }
}
