import { now } from '../model/clock.js';
import { newId } from '../model/ids.js';
import type { OpenSession } from './session.js';

/** A timestep being recorded; it becomes a timestep record when it ends. */
export class OpenTimestep {
  readonly pendingKind = 'timestep' as const;
  readonly id: string;
  readonly startMs = now();
  endMs = 0;

  constructor(
    readonly session: OpenSession,
    readonly index: number,
    readonly turnNumber: number | null,
    readonly metadata: unknown,
    id: string | undefined,
  ) {
    this.id = id ?? newId('step');
  }

  /** Ends the timestep once and hands it to the session's tracer. */
  end(): void {
    if (this.endMs !== 0) return;
    this.endMs = now();
    if (this.session.recording) this.session.sink.enqueue(this);
  }
}
