import type { OpenSession } from '../context/session.js';
import type { OpenTimestep } from '../context/timestep.js';
import type { ActiveCall } from './active-call.js';

/** An event recorded by hand with `recordEvent`, captured when it was recorded. */
export interface PendingEvent {
  readonly pendingKind: 'event';
  readonly session: OpenSession;
  readonly step: OpenTimestep | null;
  readonly parent: ActiveCall | null;
  readonly atMs: number;
  readonly fields: Record<string, unknown>;
}

/** A message between systems recorded with `recordMessage`. */
export interface PendingMessage {
  readonly pendingKind: 'message';
  readonly session: OpenSession;
  readonly step: OpenTimestep | null;
  readonly atMs: number;
  readonly fields: Record<string, unknown>;
}

/** What a tracer queues until its next batch: finished calls, manual events, messages, timesteps and sessions. */
export type PendingItem = ActiveCall | OpenTimestep | OpenSession | PendingEvent | PendingMessage;
