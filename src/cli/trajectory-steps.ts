import type { EnvironmentEvent, JsonValue, TraceEvent } from '../model/events.js';
import type { SessionTrace } from '../model/session-trace.js';

/** One row of `agent-trace export --format trajectories`: what the agent saw, did, and got back. */
export interface TrajectoryStep {
  session_id: string;
  /** The timestep the row comes from (null when the session had no timesteps). */
  step_id: string | null;
  /** Position of the row in its session's trajectory, from 0. */
  step_index: number;
  turn_number: number | null;
  /** What the agent saw before acting: the previous step's (or the reset's) observation. */
  observation: JsonValue | null;
  /** The argument(s) of the environment's step call; a list when one timestep stepped several times. */
  action: JsonValue | null;
  /** The step's reward (summed over the timestep's environment steps); null when none was recorded. */
  reward: number | null;
  terminated: boolean;
  truncated: boolean;
  /** The observation the environment returned. */
  next_observation: JsonValue | null;
  info: JsonValue | null;
  /** The environment events (or messages) the row was derived from. */
  source_ids: string[];
}

interface Outcome {
  observation: JsonValue | null;
  reward: number | null;
  terminated: boolean | null;
  truncated: boolean | null;
  info: JsonValue | null;
}

const isObject = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

function actionOf(event: EnvironmentEvent): JsonValue | null {
  const input = event.input;
  if (input === undefined) return null;
  if (Array.isArray(input)) return input.length === 0 ? null : input.length === 1 ? input[0] : input;
  return input;
}

/** Reads `{ observation, reward, terminated, truncated, info }`, a Gymnasium tuple, or a bare observation. */
function outcomeOf(event: EnvironmentEvent): Outcome {
  const output = event.output;
  let outcome: Outcome = { observation: output ?? null, reward: null, terminated: null, truncated: null, info: null };
  if (isObject(output) && ('observation' in output || 'obs' in output)) {
    outcome = {
      observation: output.observation ?? output.obs ?? null,
      reward: typeof output.reward === 'number' ? output.reward : null,
      terminated: typeof output.terminated === 'boolean' ? output.terminated : typeof output.done === 'boolean' ? output.done : null,
      truncated: typeof output.truncated === 'boolean' ? output.truncated : null,
      info: output.info ?? null,
    };
  } else if (Array.isArray(output) && output.length >= 4 && typeof output[1] === 'number') {
    outcome = {
      observation: output[0],
      reward: output[1],
      terminated: typeof output[2] === 'boolean' ? output[2] : null,
      truncated: output.length >= 5 && typeof output[3] === 'boolean' ? output[3] : null,
      info: (output.length >= 5 ? output[4] : output[3]) ?? null,
    };
  }
  return {
    ...outcome,
    reward: event.reward ?? outcome.reward,
    terminated: event.terminated ?? outcome.terminated,
    truncated: event.truncated ?? outcome.truncated,
  };
}

const isReset = (event: TraceEvent) => /(^|[._:])reset$/i.test(event.name);

function messageValue(content: { text?: string; json_payload?: JsonValue }): JsonValue | null {
  return content.json_payload !== undefined ? content.json_payload : (content.text ?? null);
}

/**
 * Derives a session's RL trajectory: per timestep, the environment steps' action (their input),
 * observation, reward, terminated and truncated (their output and reward fields); `reset` calls only
 * set the first observation. A session without environment events falls back to its `action` and
 * `observation` messages.
 *
 * @example
 * for (const row of trajectorySteps(session)) out.write(JSON.stringify(row) + '\n');
 */
export function trajectorySteps(session: SessionTrace): TrajectoryStep[] {
  const inSteps = new Set<string>();
  for (const step of session.session_time_steps) for (const event of step.events) inSteps.add(event.event_id);
  const groups: Array<{ step_id: string | null; turn: number | null; events: TraceEvent[]; messages: SessionTrace['markov_blanket_message_history'] }> = [];
  const loose = session.event_history.filter((e) => !inSteps.has(e.event_id) && e.event_type === 'environment');
  // Environment calls outside any timestep are steps of their own, placed by start time.
  for (const event of loose) groups.push({ step_id: null, turn: event.time_record?.message_time ?? null, events: [event], messages: [] });
  for (const step of session.session_time_steps) {
    groups.push({ step_id: step.step_id, turn: step.turn_number, events: step.events, messages: step.markov_blanket_messages });
  }
  const startOf = (g: (typeof groups)[number]) => g.events[0]?.started_at ?? '';
  if (loose.length > 0) groups.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));

  const anyEnvironment = session.event_history.some((e) => e.event_type === 'environment');
  const rows: TrajectoryStep[] = [];
  let last: JsonValue | null = null;
  for (const group of groups) {
    if (!anyEnvironment) {
      const action = group.messages.find((m) => m.message_type === 'action');
      const observations = group.messages.filter((m) => m.message_type === 'observation');
      if (action === undefined) {
        if (observations.length > 0) last = messageValue(observations[observations.length - 1].content);
        continue;
      }
      const next = observations.length > 0 ? messageValue(observations[observations.length - 1].content) : null;
      rows.push({
        session_id: session.session_id, step_id: group.step_id, step_index: rows.length, turn_number: group.turn,
        observation: last, action: messageValue(action.content), reward: null, terminated: false, truncated: false,
        next_observation: next, info: null, source_ids: [action.message_id, ...observations.map((m) => m.message_id)],
      });
      last = next;
      continue;
    }
    const environment = group.events.filter((e): e is EnvironmentEvent => e.event_type === 'environment');
    const steps: EnvironmentEvent[] = [];
    for (const event of environment) {
      if (isReset(event)) last = outcomeOf(event).observation;
      else steps.push(event);
    }
    if (steps.length === 0) continue;
    const outcomes = steps.map(outcomeOf);
    const rewards = outcomes.map((o) => o.reward).filter((r): r is number => typeof r === 'number');
    const final = outcomes[outcomes.length - 1];
    rows.push({
      session_id: session.session_id,
      step_id: group.step_id,
      step_index: rows.length,
      turn_number: group.turn,
      observation: last,
      action: steps.length === 1 ? actionOf(steps[0]) : steps.map(actionOf),
      reward: rewards.length === 0 ? null : rewards.reduce((a, b) => a + b, 0),
      terminated: outcomes.some((o) => o.terminated === true),
      truncated: outcomes.some((o) => o.truncated === true),
      next_observation: final.observation,
      info: final.info,
      source_ids: steps.map((s) => s.event_id),
    });
    last = final.observation;
  }
  return rows;
}
