import type { MarkovBlanketMessage, TraceEvent } from '../model/events.js';
import type { SessionTimeStep, SessionTrace } from '../model/session-trace.js';

/**
 * What exporters receive, in the order things finished: each event as soon as it ends,
 * each timestep and session when it ends. Records are plain JSON, already captured,
 * truncated and masked. A session's record arrives after all of its events that
 * finished before it; events that finish later (a fire-and-forget call) still follow.
 */
export type TraceRecord = EventRecord | MessageRecord | TimestepRecord | SessionRecord;

/** A finished event; `step_id` is the timestep it was recorded in, or null. */
export interface EventRecord {
  record_type: 'event';
  session_id: string;
  step_id: string | null;
  event: TraceEvent;
}

/** A message between systems. */
export interface MessageRecord {
  record_type: 'message';
  session_id: string;
  step_id: string | null;
  message: MarkovBlanketMessage;
}

/** A finished timestep, without its events (they came as event records). */
export interface TimestepRecord {
  record_type: 'timestep';
  session_id: string;
  timestep: SessionTimeStep;
}

/** A finished session, without its events and timesteps (they came as their own records). */
export interface SessionRecord {
  record_type: 'session';
  session: SessionTrace;
}
