/**
 * The trace data model: synth-ai's v3 tracing schema as TypeScript types.
 * Field names are snake_case because they are the wire format.
 */

/** Version written into every serialised object, so readers can tell formats apart. */
export const SCHEMA_VERSION = '3.0';

/** What produced an event: a model call, an environment step, a tool/runtime operation, or an orchestration span. */
export type EventType = 'cais' | 'environment' | 'runtime' | 'span';

/** `cancelled` marks a stream or generator that the consumer stopped early, or one never consumed before its session ended. */
export type EventStatus = 'ok' | 'error' | 'cancelled';

/** The `kind` option of `@traceSpan`, after OpenInference's span kinds. */
export type SpanKind = 'agent' | 'chain' | 'tool' | 'retrieval' | 'embedding' | 'workflow' | 'other';

/** A JSON value after capture: what exporters receive. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** When an event happened: `event_time` in unix seconds, `message_time` the turn number of its timestep. */
export interface TimeRecord {
  event_time: number;
  message_time: number | null;
}

/** An error as recorded: the thrown value's class name, message and stack. */
export interface EventError {
  type: string;
  message: string;
  stack: string | null;
}

/** Fields shared by every event. */
export interface BaseEvent {
  schema_version: string;
  event_type: EventType;
  event_id: string;
  name: string;
  system_instance_id: string;
  time_record: TimeRecord;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  status: EventStatus;
  error: EventError | null;
  input: JsonValue | undefined;
  output: JsonValue | undefined;
  metadata: Record<string, JsonValue>;
}

/** Token usage of one model call; `null` where the provider did not say. */
export interface TokenUsage {
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  cached_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  reasoning_tokens?: number | null;
}

/** One message in a call record, normalised to a role and its parts. */
export interface CallMessage {
  role: string;
  parts: Array<{ type: string; text?: string; [key: string]: JsonValue | undefined }>;
  name?: string;
}

/** A tool call requested by the model. */
export interface CallToolCall {
  id: string | null;
  name: string;
  arguments: string | null;
}

/** Streaming facts of a call that returned a stream. */
export interface StreamSummary {
  chunk_count: number;
  time_to_first_chunk_ms: number | null;
  completed: boolean;
}

/** What one LLM request and its response said (synth-ai's LLMCallRecord). */
export interface CallRecord {
  call_id: string;
  api_type: string | null;
  provider: string | null;
  model_name: string | null;
  started_at: string;
  completed_at: string | null;
  latency_ms: number | null;
  request_params: Record<string, JsonValue>;
  input_messages: CallMessage[];
  output_messages: CallMessage[];
  output_text: string | null;
  tool_calls: CallToolCall[];
  usage: TokenUsage | null;
  cost_usd: number | null;
  finish_reason: string | null;
  provider_request_id: string | null;
  stream: StreamSummary | null;
  metadata: Record<string, JsonValue>;
}

/** An LLM or model call (Compound AI System event). */
export interface CaisEvent extends BaseEvent {
  event_type: 'cais';
  model_name: string | null;
  provider: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  cost_usd: number | null;
  latency_ms: number;
  system_state_before: JsonValue | undefined;
  system_state_after: JsonValue | undefined;
  call_records: CallRecord[];
}

/** An environment step or reset. */
export interface EnvironmentEvent extends BaseEvent {
  event_type: 'environment';
  reward: number | null;
  terminated: boolean | null;
  truncated: boolean | null;
  system_state_before: JsonValue | undefined;
  system_state_after: JsonValue | undefined;
}

/** A tool call, I/O or other runtime operation. */
export interface RuntimeEvent extends BaseEvent {
  event_type: 'runtime';
  actions: JsonValue[];
}

/** An orchestration span (episode, agent turn, pipeline). */
export interface SpanEvent extends BaseEvent {
  event_type: 'span';
  span_kind: SpanKind;
}

/** Any event of the trace. */
export type TraceEvent = CaisEvent | EnvironmentEvent | RuntimeEvent | SpanEvent;

/** A message between systems: an action sent to an environment, an observation sent back. */
export interface MarkovBlanketMessage {
  schema_version: string;
  message_id: string;
  content: { text?: string; json_payload?: JsonValue };
  message_type: string;
  time_record: TimeRecord;
  metadata: { from_system_instance_id?: string; to_system_instance_id?: string; [key: string]: JsonValue | undefined };
}
