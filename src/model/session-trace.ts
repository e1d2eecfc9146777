import type { JsonValue, MarkovBlanketMessage, TraceEvent } from './events.js';

/** One timestep (turn) of a session, with the events and messages recorded inside it. */
export interface SessionTimeStep {
  schema_version: string;
  step_id: string;
  step_index: number;
  timestamp: string;
  turn_number: number | null;
  events: TraceEvent[];
  markov_blanket_messages: MarkovBlanketMessage[];
  step_metadata: Record<string, JsonValue>;
  completed_at: string | null;
}

/** A whole session: its timesteps, every event in order, and every message. */
export interface SessionTrace {
  schema_version: string;
  session_id: string;
  created_at: string;
  ended_at: string | null;
  session_time_steps: SessionTimeStep[];
  event_history: TraceEvent[];
  markov_blanket_message_history: MarkovBlanketMessage[];
  metadata: Record<string, JsonValue>;
}
