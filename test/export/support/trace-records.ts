import type {
  CaisEvent,
  EnvironmentEvent,
  JsonValue,
  MarkovBlanketMessage,
  RuntimeEvent,
  SpanEvent,
  TraceEvent,
} from '../../../src/model/events.js';
import type { SessionTimeStep, SessionTrace } from '../../../src/model/session-trace.js';
import type { TraceRecord } from '../../../src/export/records.js';

/** Builds TraceRecords the way the tracer emits them, with fixed times so tests can hand-compute totals. */
export class RecordBuilder {
  readonly records: TraceRecord[] = [];
  private counter = 0;
  private readonly base: number;

  constructor(
    readonly sessionId: string,
    startIso = '2025-01-01T00:00:00.000Z',
  ) {
    this.base = Date.parse(startIso);
  }

  /** ISO time `ms` after the session start. */
  at(ms: number): string {
    return new Date(this.base + ms).toISOString();
  }

  private common(type: TraceEvent['event_type'], name: string, startMs: number, durationMs: number, stepTurn: number | null) {
    const id = `${this.sessionId}-e${++this.counter}`;
    return {
      schema_version: '3.0',
      event_type: type,
      event_id: id,
      name,
      system_instance_id: `${type}-system`,
      time_record: { event_time: (this.base + startMs) / 1000, message_time: stepTurn },
      trace_id: `trace-${this.sessionId}`,
      span_id: id,
      parent_span_id: null as string | null,
      started_at: this.at(startMs),
      ended_at: this.at(startMs + durationMs),
      duration_ms: durationMs,
      status: 'ok' as const,
      error: null,
      input: undefined as JsonValue | undefined,
      output: undefined as JsonValue | undefined,
      metadata: {} as Record<string, JsonValue>,
    };
  }

  event(stepId: string | null, event: TraceEvent): TraceEvent {
    this.records.push({ record_type: 'event', session_id: this.sessionId, step_id: stepId, event });
    return event;
  }

  cais(stepId: string | null, o: { start: number; duration: number; model: string; provider: string; input: number; output: number; cost: number | null; turn?: number | null; error?: string }): CaisEvent {
    const event: CaisEvent = {
      ...this.common('cais', 'think', o.start, o.duration, o.turn ?? null),
      event_type: 'cais',
      model_name: o.model,
      provider: o.provider,
      input_tokens: o.input,
      output_tokens: o.output,
      total_tokens: o.input + o.output,
      cost_usd: o.cost,
      latency_ms: o.duration,
      system_state_before: undefined,
      system_state_after: { memory: ['a', 'b'] },
      input: ['What next?', { temperature: 0.2 }],
      output: { text: 'go left', nested: { deep: [1, 2.5, null, true] } },
      call_records: [
        {
          call_id: `call-${this.counter}`,
          api_type: 'chat_completions',
          provider: o.provider,
          model_name: o.model,
          started_at: this.at(o.start),
          completed_at: this.at(o.start + o.duration),
          latency_ms: o.duration,
          request_params: { temperature: 0.2 },
          input_messages: [{ role: 'user', parts: [{ type: 'text', text: 'What next?' }] }],
          output_messages: [{ role: 'assistant', parts: [{ type: 'text', text: 'go left' }] }],
          output_text: 'go left',
          tool_calls: [],
          usage: { input_tokens: o.input, output_tokens: o.output, total_tokens: o.input + o.output, cached_input_tokens: 0 },
          cost_usd: o.cost,
          finish_reason: 'stop',
          provider_request_id: null,
          stream: null,
          metadata: {},
        },
      ],
    };
    if (o.error !== undefined) {
      event.status = 'error';
      event.error = { type: 'RateLimitError', message: o.error, stack: `RateLimitError: ${o.error}\n    at think (agent.ts:1:1)` };
      event.output = undefined;
    }
    return this.event(stepId, event) as CaisEvent;
  }

  env(stepId: string | null, o: { start: number; duration: number; action?: JsonValue; observation: JsonValue; reward: number | null; terminated?: boolean; truncated?: boolean; name?: string; turn?: number | null }): EnvironmentEvent {
    const event: EnvironmentEvent = {
      ...this.common('environment', o.name ?? 'step', o.start, o.duration, o.turn ?? null),
      event_type: 'environment',
      reward: o.reward,
      terminated: o.terminated ?? false,
      truncated: o.truncated ?? false,
      system_state_before: { position: 0 },
      system_state_after: { position: 1 },
      input: o.action === undefined ? [] : [o.action],
      output: { observation: o.observation, reward: o.reward, terminated: o.terminated ?? false, truncated: o.truncated ?? false, info: {} },
    };
    return this.event(stepId, event) as EnvironmentEvent;
  }

  runtime(stepId: string | null, o: { start: number; duration: number; name?: string; error?: string; turn?: number | null }): RuntimeEvent {
    const event: RuntimeEvent = {
      ...this.common('runtime', o.name ?? 'search', o.start, o.duration, o.turn ?? null),
      event_type: 'runtime',
      actions: [{ tool: 'search', query: 'weather' }],
      input: ['weather'],
      output: 'sunny',
      metadata: { tool: true },
    };
    if (o.error !== undefined) {
      event.status = 'error';
      event.error = { type: 'TypeError', message: o.error, stack: null };
      event.output = undefined;
    }
    return this.event(stepId, event) as RuntimeEvent;
  }

  span(stepId: string | null, o: { start: number; duration: number; name?: string; turn?: number | null }): SpanEvent {
    const event: SpanEvent = { ...this.common('span', o.name ?? 'turn', o.start, o.duration, o.turn ?? null), event_type: 'span', span_kind: 'agent' };
    return this.event(stepId, event) as SpanEvent;
  }

  message(stepId: string | null, o: { at: number; type: string; text?: string; json?: JsonValue; from: string; to: string; turn?: number | null }): MarkovBlanketMessage {
    const content: MarkovBlanketMessage['content'] = {};
    if (o.text !== undefined) content.text = o.text;
    if (o.json !== undefined) content.json_payload = o.json;
    const message: MarkovBlanketMessage = {
      schema_version: '3.0',
      message_id: `${this.sessionId}-m${++this.counter}`,
      content,
      message_type: o.type,
      time_record: { event_time: (this.base + o.at) / 1000, message_time: o.turn ?? null },
      metadata: { from_system_instance_id: o.from, to_system_instance_id: o.to },
    };
    this.records.push({ record_type: 'message', session_id: this.sessionId, step_id: stepId, message });
    return message;
  }

  timestep(stepId: string, o: { index: number; start: number; end: number | null; turn?: number | null; metadata?: Record<string, JsonValue> }): SessionTimeStep {
    const timestep: SessionTimeStep = {
      schema_version: '3.0',
      step_id: stepId,
      step_index: o.index,
      timestamp: this.at(o.start),
      turn_number: o.turn ?? o.index,
      events: [],
      markov_blanket_messages: [],
      step_metadata: o.metadata ?? {},
      completed_at: o.end === null ? null : this.at(o.end),
    };
    this.records.push({ record_type: 'timestep', session_id: this.sessionId, timestep });
    return timestep;
  }

  session(o: { end: number | null; metadata?: Record<string, JsonValue> }): SessionTrace {
    const session: SessionTrace = {
      schema_version: '3.0',
      session_id: this.sessionId,
      created_at: this.at(0),
      ended_at: o.end === null ? null : this.at(o.end),
      session_time_steps: [],
      event_history: [],
      markov_blanket_message_history: [],
      metadata: o.metadata ?? {},
    };
    this.records.push({ record_type: 'session', session });
    return session;
  }
}

/**
 * A two-step episode with every kind of event and hand-checkable totals:
 * cais: gpt-4o-mini 100+20 tokens $0.001, 200+40 $0.002 (both openai), claude 50+10 $0.003 that failed;
 * rewards 1, 0.5 and -0.25 (total 1.25); errors: the claude call and one runtime call (2);
 * 2 steps, 9 events, 2 messages; session lasts 1000 ms.
 */
export function episodeRecords(sessionId = 'ep-1', startIso = '2025-01-01T00:00:00.000Z'): { records: TraceRecord[]; builder: RecordBuilder } {
  const b = new RecordBuilder(sessionId, startIso);
  b.span(null, { start: 1, duration: 990, name: 'episode' });
  b.env('step-0', { start: 5, duration: 3, name: 'reset', observation: { cell: 0 }, reward: null, turn: 0 });
  b.cais('step-0', { start: 10, duration: 100, model: 'gpt-4o-mini', provider: 'openai', input: 100, output: 20, cost: 0.001, turn: 0 });
  b.message('step-0', { at: 111, type: 'action', text: 'left', from: 'agent', to: 'env', turn: 0 });
  b.env('step-0', { start: 115, duration: 10, action: 'left', observation: { cell: 1 }, reward: 1, turn: 0 });
  b.runtime('step-0', { start: 130, duration: 20, error: 'search failed', turn: 0 });
  b.timestep('step-0', { index: 0, start: 2, end: 200, metadata: { phase: 'explore' } });
  b.cais('step-1', { start: 210, duration: 300, model: 'gpt-4o-mini', provider: 'openai', input: 200, output: 40, cost: 0.002, turn: 1 });
  b.cais('step-1', { start: 520, duration: 50, model: 'claude-3-5-haiku', provider: 'anthropic', input: 50, output: 10, cost: 0.003, turn: 1, error: 'rate limited' });
  b.message('step-1', { at: 575, type: 'observation', json: { cell: 2, done: false }, from: 'env', to: 'agent', turn: 1 });
  b.env('step-1', { start: 580, duration: 40, action: 'right', observation: { cell: 2 }, reward: 0.5, turn: 1 });
  b.env('step-1', { start: 630, duration: 60, action: 'up', observation: { cell: 3 }, reward: -0.25, terminated: true, turn: 1 });
  b.timestep('step-1', { index: 1, start: 205, end: 700 });
  b.session({ end: 1000, metadata: { env: 'gridworld', seed: 7 } });
  return { records: b.records, builder: b };
}
