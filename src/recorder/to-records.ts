import type { OpenSession } from '../context/session.js';
import type { OpenTimestep } from '../context/timestep.js';
import { toEpochMs, toIso } from '../model/clock.js';
import { SCHEMA_VERSION, type EventError, type JsonValue, type TraceEvent } from '../model/events.js';
import { newId } from '../model/ids.js';
import type { TraceRecord } from '../export/records.js';
import type { ActiveCall } from './active-call.js';
import type { PendingEvent, PendingItem, PendingMessage } from './pending.js';
import { snapshot } from './snapshot.js';

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Turns what finished into plain records (batch side: this is where events get their final shape). */
export function toRecords(items: readonly PendingItem[], maxPayloadBytes: number): TraceRecord[] {
  const records: TraceRecord[] = [];
  for (const item of items) {
    switch (item.pendingKind) {
      case 'call':
        records.push({ record_type: 'event', session_id: item.session.id, step_id: item.step?.id ?? null, event: callToEvent(item) });
        break;
      case 'event':
        records.push({ record_type: 'event', session_id: item.session.id, step_id: item.step?.id ?? null, event: manualEvent(item, maxPayloadBytes) });
        break;
      case 'message':
        records.push(messageRecord(item, maxPayloadBytes));
        break;
      case 'timestep':
        records.push({ record_type: 'timestep', session_id: item.session.id, timestep: timestepRecord(item) });
        break;
      case 'session':
        records.push({ record_type: 'session', session: sessionRecord(item) });
        break;
    }
  }
  return records;
}

/** The `error` field of an event, from whatever was thrown. */
export function toEventError(error: unknown): EventError {
  if (error instanceof Error) {
    return { type: error.name || error.constructor?.name || 'Error', message: String(error.message), stack: typeof error.stack === 'string' ? error.stack : null };
  }
  if (typeof error === 'object' && error !== null) {
    const shaped = error as { name?: unknown; message?: unknown };
    return { type: typeof shaped.name === 'string' ? shaped.name : 'Object', message: typeof shaped.message === 'string' ? shaped.message : JSON.stringify(snapshot(error, 1024)), stack: null };
  }
  return { type: typeof error, message: String(error), stack: null };
}

function systemIdOf(call: ActiveCall): string {
  if (call.spec.systemId !== undefined) return call.spec.systemId;
  const self = call.thisArg;
  if (typeof self === 'function' && typeof self.name === 'string' && self.name) return self.name;
  if (typeof self === 'object' && self !== null) {
    const name = (self as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === 'string' && name && name !== 'Object') return name;
  }
  return call.spec.name;
}

function callToEvent(call: ActiveCall): TraceEvent {
  const metadata: Record<string, JsonValue> = {};
  if (call.spec.metadata !== undefined) Object.assign(metadata, call.spec.metadata);
  const event: Record<string, unknown> = {
    schema_version: SCHEMA_VERSION,
    event_type: call.spec.kind,
    event_id: call.spanId,
    name: call.spec.name,
    system_instance_id: systemIdOf(call),
    time_record: { event_time: toEpochMs(call.startMs) / 1000, message_time: call.step?.turnNumber ?? null },
    trace_id: call.session.traceId,
    span_id: call.spanId,
    parent_span_id: call.parent?.spanId ?? call.session.continued?.parentSpanId ?? null,
    started_at: toIso(call.startMs),
    ended_at: toIso(call.endMs),
    duration_ms: round(call.endMs - call.startMs),
    status: call.status,
    error: call.status === 'error' ? toEventError(call.error) : null,
    input: call.input as JsonValue | undefined,
    output: call.output as JsonValue | undefined,
    metadata,
  };
  call.spec.behaviour.addFields(call, event);
  return event as unknown as TraceEvent;
}

const EVENT_DEFAULTS: Record<string, Record<string, unknown>> = {
  cais: { model_name: null, provider: null, input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, latency_ms: 0, system_state_before: undefined, system_state_after: undefined, call_records: [] },
  environment: { reward: null, terminated: null, truncated: null, system_state_before: undefined, system_state_after: undefined },
  runtime: { actions: [] },
  span: { span_kind: 'other' },
};

function manualEvent(item: PendingEvent, maxPayloadBytes: number): TraceEvent {
  const fields = snapshot(item.fields, maxPayloadBytes * 4) as Record<string, unknown>;
  const type = String(fields.event_type);
  const spanId = typeof fields.span_id === 'string' ? fields.span_id : newId('event').slice(6, 22);
  return {
    ...EVENT_DEFAULTS[type],
    schema_version: SCHEMA_VERSION,
    event_id: spanId,
    system_instance_id: 'manual',
    time_record: { event_time: toEpochMs(item.atMs) / 1000, message_time: item.step?.turnNumber ?? null },
    trace_id: item.session.traceId,
    span_id: spanId,
    parent_span_id: item.parent?.spanId ?? item.session.continued?.parentSpanId ?? null,
    started_at: toIso(item.atMs),
    ended_at: toIso(item.atMs),
    duration_ms: 0,
    status: 'ok',
    error: null,
    input: undefined,
    output: undefined,
    metadata: {},
    ...fields,
  } as TraceEvent;
}

function messageRecord(item: PendingMessage, maxPayloadBytes: number): TraceRecord {
  const fields = snapshot(item.fields, maxPayloadBytes) as Record<string, JsonValue>;
  return {
    record_type: 'message',
    session_id: item.session.id,
    step_id: item.step?.id ?? null,
    message: {
      schema_version: SCHEMA_VERSION,
      message_id: newId('msg'),
      content: fields.content as { text?: string; json_payload?: JsonValue },
      message_type: String(fields.message_type),
      time_record: { event_time: toEpochMs(item.atMs) / 1000, message_time: item.step?.turnNumber ?? null },
      metadata: (fields.metadata ?? {}) as Record<string, JsonValue>,
    },
  };
}

function timestepRecord(step: OpenTimestep) {
  return {
    schema_version: SCHEMA_VERSION,
    step_id: step.id,
    step_index: step.index,
    timestamp: toIso(step.startMs),
    turn_number: step.turnNumber,
    events: [],
    markov_blanket_messages: [],
    step_metadata: (step.metadata ?? {}) as Record<string, JsonValue>,
    completed_at: step.endMs === 0 ? null : toIso(step.endMs),
  };
}

function sessionRecord(session: OpenSession) {
  const metadata = { ...((session.metadata ?? {}) as Record<string, JsonValue>) };
  if (session.implicit) metadata.implicit = true;
  if (session.dropped > 0) metadata.dropped_events = session.dropped;
  if (session.error !== undefined) metadata.error = toEventError(session.error) as unknown as JsonValue;
  return {
    schema_version: SCHEMA_VERSION,
    session_id: session.id,
    created_at: toIso(session.startMs),
    ended_at: session.endMs === 0 ? null : toIso(session.endMs),
    session_time_steps: [],
    event_history: [],
    markov_blanket_message_history: [],
    metadata,
  };
}
