import { reportDiagnostic } from '../diagnostics.js';
import type { EventRecord, MessageRecord, SessionRecord, TimestepRecord, TraceRecord } from '../export/records.js';
import type { RedactionCounts } from './entity-kinds.js';
import type { RedactionSession, Redactor } from './redactor.js';
import { truncateUtf8 } from './truncate.js';

type Obj = Record<string, unknown>;

const FAILED = '[REDACTION_FAILED]';

// Fields of the schema that identify, time or measure: copied as they are when they hold a
// primitive. Everything else, including fields this list does not know yet, is masked.
const EVENT_KEEP = new Set([
  'schema_version', 'event_type', 'event_id', 'name', 'system_instance_id', 'time_record', 'trace_id', 'span_id',
  'parent_span_id', 'started_at', 'ended_at', 'duration_ms', 'status', 'model_name', 'provider', 'input_tokens',
  'output_tokens', 'total_tokens', 'cost_usd', 'latency_ms', 'reward', 'terminated', 'truncated', 'span_kind',
]);
const CALL_KEEP = new Set([
  'call_id', 'api_type', 'provider', 'model_name', 'started_at', 'completed_at', 'latency_ms', 'usage', 'cost_usd',
  'finish_reason', 'provider_request_id', 'stream',
]);
const TOOL_CALL_KEEP = new Set(['id', 'name']);
const MESSAGE_KEEP = new Set(['schema_version', 'message_id', 'message_type', 'time_record']);
const MESSAGE_META_KEEP = new Set(['from_system_instance_id', 'to_system_instance_id']);
const TIMESTEP_KEEP = new Set(['schema_version', 'step_id', 'step_index', 'timestamp', 'turn_number', 'completed_at']);
const SESSION_KEEP = new Set(['schema_version', 'session_id', 'created_at', 'ended_at']);
const RECORD_KEEP = new Set(['record_type', 'session_id', 'step_id']);

/**
 * Masks every data field of trace records before they reach an exporter: event inputs,
 * outputs, states, metadata, actions, error messages and stacks, call records (messages,
 * tool call arguments, output text), message contents, timestep and session metadata.
 * Ids, names, timestamps and the schema's numbers stay. Each field is cut to
 * `maxPayloadBytes`. Each masked event, message, timestep and session says what was masked
 * in `metadata.redaction` (counts by kind, never values). Never throws: a record that cannot
 * be masked is replaced by a placeholder and a `redaction-failed` diagnostic.
 *
 * @example
 * const safe = await redactRecords(batch, new Redactor());
 */
export function redactRecords(records: readonly TraceRecord[], redactor: Redactor): Promise<TraceRecord[]> {
  return maskRecords(records, redactor, false);
}

/** @internal `redactRecords` for records the pipeline built from its own snapshots (plain data only). */
export function redactOwnRecords(records: readonly TraceRecord[], redactor: Redactor): Promise<TraceRecord[]> {
  return maskRecords(records, redactor, true);
}

async function maskRecords(records: readonly TraceRecord[], redactor: Redactor, owned: boolean): Promise<TraceRecord[]> {
  const out: TraceRecord[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    try {
      const masker = new RecordMasker(redactor, owned);
      const masked = masker.record(record as unknown as Obj);
      if (masker.needsSettle()) await masker.settle();
      out[i] = masked as unknown as TraceRecord;
    } catch (error) {
      reportDiagnostic('redaction-failed', 'agent-trace: a trace record could not be masked; a placeholder was exported instead.', error);
      out[i] = placeholder(record);
    }
  }
  return out;
}

/** Masks one record; counts go to the part (event, message, timestep, session) they were found in. */
class RecordMasker {
  private readonly sessions: RedactionSession[] = [];
  private readonly fixups: Array<() => void> = [];

  constructor(
    private readonly redactor: Redactor,
    private readonly owned: boolean,
  ) {}

  needsSettle(): boolean {
    return this.redactor.maskHook !== undefined && this.sessions.length > 0;
  }

  async settle(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.settle()));
    // Counts of async hook results are known only now.
    for (const fix of this.fixups) fix();
  }

  record(record: Obj): Obj {
    if (record === null || typeof record !== 'object') throw new TypeError('a trace record must be an object');
    if (this.owned && record.record_type === 'event' && sameKeys(Object.keys(record), EVENT_RECORD_FIELDS)) {
      return { record_type: 'event', session_id: record.session_id, step_id: record.step_id, event: this.event(record.event as Obj) };
    }
    const out = this.keep(record, RECORD_KEEP, null);
    switch (record.record_type) {
      case 'event':
        out.event = this.event(record.event as Obj);
        break;
      case 'message':
        out.message = this.message(record.message as Obj);
        break;
      case 'timestep':
        out.timestep = this.timestep(record.timestep as Obj);
        break;
      case 'session':
        out.session = this.session(record.session as Obj);
        break;
      default:
        throw new TypeError(`unknown record_type ${JSON.stringify(record.record_type)}`);
    }
    for (const key of Object.keys(record)) {
      if (!(key in out) && key !== 'event' && key !== 'message' && key !== 'timestep' && key !== 'session') {
        out[key] = this.newSession().redact(record[key]);
      }
    }
    return out;
  }

  // Each part is cloned whole (one fast copy of its shape), then only its data fields are overwritten
  // with masked values: building it key by key costs a slow keyed store per field.
  private event(event: Obj): Obj {
    if (this.owned) {
      const fast = this.callEvent(event);
      if (fast !== undefined) return fast;
    }
    const session = this.newSession();
    const out: Obj = { ...event };
    for (const key of Object.keys(event)) {
      const value = event[key];
      if (EVENT_KEEP.has(key) && isPrimitive(value)) continue;
      if (key === 'error') out.error = value === null || value === undefined ? value : this.error(value as Obj, session);
      else if (key === 'call_records') out.call_records = Array.isArray(value) ? value.map((c) => this.callRecord(c as Obj, session)) : this.field(value, session);
      else if (key !== 'metadata') out[key] = this.field(value, session);
    }
    out.metadata = this.metadata(event.metadata, session);
    return out;
  }

  // An event exactly as the recorder builds it for a decorated call (same fields, same order): its
  // data fields are known by name, so no field needs looking up. Undefined for any other shape.
  private callEvent(event: Obj): Obj | undefined {
    const type = event.event_type;
    const fields = typeof type === 'string' ? CALL_EVENT_FIELDS[type] : undefined;
    if (fields === undefined || !sameKeys(Object.keys(event), fields)) return undefined;
    // An `extract` hook may have set any field of a cais event: kept fields must still hold what they should.
    if (type === 'cais' && !(CAIS_KEPT_FIELDS.every((key) => isPrimitive(event[key])) && isNumericObject(event.time_record))) return undefined;
    // Inputs, outputs, states and actions are snapshots taken for this call alone: masked in place.
    // Metadata is not: its nested values are the decorator's, shared by every call.
    const session = this.newSession();
    const out: Obj = { ...event };
    if (event.error !== null) out.error = this.error(event.error as Obj, session);
    if (event.input !== undefined) out.input = this.field(event.input, session, true);
    if (event.output !== undefined) out.output = this.field(event.output, session, true);
    if (type === 'cais' || type === 'environment') {
      if (event.system_state_before !== undefined) out.system_state_before = this.field(event.system_state_before, session, true);
      if (event.system_state_after !== undefined) out.system_state_after = this.field(event.system_state_after, session, true);
    }
    if (type === 'cais') out.call_records = (event.call_records as Obj[]).map((c) => this.callRecord(c, session));
    else if (type === 'runtime') out.actions = this.field(event.actions, session, true);
    out.metadata = this.metadata(event.metadata, session);
    return out;
  }

  private error(error: Obj, session: RedactionSession): Obj {
    if (typeof error !== 'object') return { type: 'Error', message: this.field(error, session), stack: null };
    const out: Obj = {};
    for (const key of Object.keys(error)) {
      const value = error[key];
      out[key] = key === 'type' && typeof value === 'string' ? value : this.field(value, session);
    }
    return out;
  }

  private callRecord(call: Obj, session: RedactionSession): Obj {
    if (call === null || typeof call !== 'object') return this.field(call, session) as Obj;
    if (this.owned && sameKeys(Object.keys(call), CALL_RECORD_FIELDS)) {
      // Built by the recorder: ids, names, times and numbers are its own; the rest is data.
      const own: Obj = { ...call };
      own.request_params = this.field(call.request_params, session, true);
      own.input_messages = this.field(call.input_messages, session, true);
      own.output_messages = this.field(call.output_messages, session, true);
      own.output_text = this.field(call.output_text, session);
      own.tool_calls = (call.tool_calls as Obj[]).map((t) => this.toolCall(t, session));
      own.metadata = this.field(call.metadata, session, true);
      return own;
    }
    const out: Obj = { ...call };
    for (const key of Object.keys(call)) {
      const value = call[key];
      if (CALL_KEEP.has(key) && isPrimitive(value)) continue;
      if (CALL_KEEP.has(key) && isNumericObject(value)) out[key] = { ...(value as Obj) };
      else if (key === 'tool_calls' && Array.isArray(value)) out.tool_calls = value.map((t) => this.toolCall(t as Obj, session));
      else out[key] = this.field(value, session);
    }
    return out;
  }

  private toolCall(call: Obj, session: RedactionSession): Obj {
    if (call === null || typeof call !== 'object') return this.field(call, session) as Obj;
    const out: Obj = { ...call };
    for (const key of Object.keys(call)) {
      const value = call[key];
      if (!(TOOL_CALL_KEEP.has(key) && isPrimitive(value))) out[key] = this.field(value, session);
    }
    return out;
  }

  private message(message: Obj): Obj {
    const session = this.newSession();
    const out: Obj = {};
    for (const key of Object.keys(message)) {
      const value = message[key];
      if (MESSAGE_KEEP.has(key) && (isPrimitive(value) || isNumericObject(value))) out[key] = copyNumeric(value);
      else if (key !== 'metadata') out[key] = this.field(value, session);
    }
    const meta = message.metadata;
    const kept: Obj = {};
    let rest: Obj | undefined;
    if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
      for (const key of Object.keys(meta as Obj)) {
        const value = (meta as Obj)[key];
        if (MESSAGE_META_KEEP.has(key) && isPrimitive(value)) kept[key] = value;
        else (rest ??= {})[key] = value;
      }
    }
    const maskedRest = rest === undefined ? (meta === undefined || meta === null || typeof meta === 'object' ? {} : { value: meta }) : rest;
    out.metadata = Object.assign(kept, this.metadata(maskedRest, session));
    return out;
  }

  private timestep(step: Obj): Obj {
    const session = this.newSession();
    const out: Obj = { ...step };
    for (const key of Object.keys(step)) {
      const value = step[key];
      if (TIMESTEP_KEEP.has(key) && isPrimitive(value)) continue;
      if (key === 'events' && Array.isArray(value)) out.events = value.map((e) => this.event(e as Obj));
      else if (key === 'markov_blanket_messages' && Array.isArray(value)) out.markov_blanket_messages = value.map((m) => this.message(m as Obj));
      else if (key !== 'step_metadata') out[key] = this.field(value, session);
    }
    out.step_metadata = this.metadata(step.step_metadata, session);
    return out;
  }

  private session(trace: Obj): Obj {
    const session = this.newSession();
    const out: Obj = { ...trace };
    for (const key of Object.keys(trace)) {
      const value = trace[key];
      if (SESSION_KEEP.has(key) && isPrimitive(value)) continue;
      if (key === 'session_time_steps' && Array.isArray(value)) out.session_time_steps = value.map((s) => this.timestep(s as Obj));
      else if (key === 'event_history' && Array.isArray(value)) out.event_history = value.map((e) => this.event(e as Obj));
      else if (key === 'markov_blanket_message_history' && Array.isArray(value)) out.markov_blanket_message_history = value.map((m) => this.message(m as Obj));
      else if (key !== 'metadata') out[key] = this.field(value, session);
    }
    out.metadata = this.metadata(trace.metadata, session);
    return out;
  }

  // Masks metadata and adds `redaction` with the counts of the whole part, once they are final.
  private metadata(meta: unknown, session: RedactionSession): Obj {
    const masked = meta === undefined || meta === null ? {} : this.field(meta, session);
    const out: Obj = masked !== null && typeof masked === 'object' && !Array.isArray(masked) ? (masked as Obj) : { value: masked };
    delete out.redaction;
    const apply = () => {
      const counts = withoutZeros(session.counts);
      if (counts !== null) out.redaction = counts;
      else delete out.redaction;
    };
    apply();
    if (this.redactor.maskHook !== undefined) this.fixups.push(apply);
    return out;
  }

  // One data field: masked, then cut to the byte limit as a whole. `inPlace`: the field is the
  // recorder's own copy, made for this event alone, and may be masked where it is.
  private field(value: unknown, session: RedactionSession, inPlace = false): unknown {
    const masked = inPlace ? session.redactInPlace(value) : session.redact(value);
    const max = this.redactor.maxPayloadBytes;
    if (masked === null || typeof masked !== 'object' || session.approxChars * 3 <= max) return masked;
    const json = JSON.stringify(masked);
    if (json === undefined) return masked;
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes <= max) return masked;
    (session.counts as RedactionCounts).TRUNCATED = (session.counts.TRUNCATED ?? 0) + 1;
    return truncateUtf8(json, max, bytes);
  }

  private keep(source: Obj, keys: ReadonlySet<string>, session: RedactionSession | null): Obj {
    const out: Obj = {};
    for (const key of keys) {
      if (!(key in source)) continue;
      const value = source[key];
      out[key] = isPrimitive(value) ? value : (session ?? this.newSession()).redact(value);
    }
    return out;
  }

  private newSession(): RedactionSession {
    const session = this.owned ? this.redactor.startOwnedSession() : this.redactor.startSession();
    this.sessions.push(session);
    return session;
  }
}

// The fields of a decorated call's event, in the order the recorder writes them: common, then the kind's own.
const CALL_EVENT_COMMON = ['schema_version', 'event_type', 'event_id', 'name', 'system_instance_id', 'time_record', 'trace_id', 'span_id', 'parent_span_id', 'started_at', 'ended_at', 'duration_ms', 'status', 'error', 'input', 'output', 'metadata'];
const CALL_EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  cais: [...CALL_EVENT_COMMON, 'model_name', 'provider', 'input_tokens', 'output_tokens', 'total_tokens', 'cost_usd', 'call_records', 'latency_ms', 'system_state_before', 'system_state_after'],
  environment: [...CALL_EVENT_COMMON, 'reward', 'terminated', 'truncated', 'system_state_before', 'system_state_after'],
  runtime: [...CALL_EVENT_COMMON, 'actions'],
  span: [...CALL_EVENT_COMMON, 'span_kind'],
};

const CAIS_KEPT_FIELDS = CALL_EVENT_FIELDS.cais!.filter((key) => EVENT_KEEP.has(key) && key !== 'time_record');
const EVENT_RECORD_FIELDS = ['record_type', 'session_id', 'step_id', 'event'];
const CALL_RECORD_FIELDS = ['call_id', 'api_type', 'provider', 'model_name', 'started_at', 'completed_at', 'latency_ms', 'request_params', 'input_messages', 'output_messages', 'output_text', 'tool_calls', 'usage', 'cost_usd', 'finish_reason', 'provider_request_id', 'stream', 'metadata'];

function sameKeys(keys: readonly string[], expected: readonly string[]): boolean {
  if (keys.length !== expected.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== expected[i]) return false;
  return true;
}

function isPrimitive(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

// usage {input_tokens: 3, ...}, time_record {event_time, message_time}, stream {chunk_count, ...}: numbers, booleans, nulls only.
function isNumericObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const v of Object.values(value as Obj)) {
    if (!(v === null || typeof v === 'number' || typeof v === 'boolean')) return false;
  }
  return true;
}

function copyNumeric(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? { ...(value as Obj) } : value;
}

function withoutZeros(counts: RedactionCounts): Obj | null {
  let out: Obj | null = null;
  for (const [k, v] of Object.entries(counts)) if (v) (out ??= {})[k] = v;
  return out;
}

// What is exported when masking a record failed: its identity, no data.
function placeholder(record: unknown): TraceRecord {
  const r = (record !== null && typeof record === 'object' ? record : {}) as Obj;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const redaction = { FAILED: 1 };
  try {
    switch (r.record_type) {
      case 'event': {
        const e = (r.event ?? {}) as Obj;
        const event: Obj = {};
        for (const key of EVENT_KEEP) if (key in e && isPrimitive(e[key])) event[key] = e[key];
        Object.assign(event, { input: FAILED, output: FAILED, error: null, metadata: { redaction } });
        return { record_type: 'event', session_id: str(r.session_id) ?? '', step_id: str(r.step_id), event } as unknown as EventRecord;
      }
      case 'message': {
        const m = (r.message ?? {}) as Obj;
        const message: Obj = {};
        for (const key of MESSAGE_KEEP) if (key in m && isPrimitive(m[key])) message[key] = m[key];
        Object.assign(message, { content: { text: FAILED }, metadata: { redaction } });
        return { record_type: 'message', session_id: str(r.session_id) ?? '', step_id: str(r.step_id), message } as unknown as MessageRecord;
      }
      case 'timestep': {
        const t = (r.timestep ?? {}) as Obj;
        const timestep: Obj = { events: [], markov_blanket_messages: [] };
        for (const key of TIMESTEP_KEEP) if (key in t && isPrimitive(t[key])) timestep[key] = t[key];
        timestep.step_metadata = { redaction };
        return { record_type: 'timestep', session_id: str(r.session_id) ?? '', timestep } as unknown as TimestepRecord;
      }
      default: {
        const s = (r.session ?? {}) as Obj;
        const session: Obj = { session_time_steps: [], event_history: [], markov_blanket_message_history: [] };
        for (const key of SESSION_KEEP) if (key in s && isPrimitive(s[key])) session[key] = s[key];
        session.metadata = { redaction };
        return { record_type: 'session', session } as unknown as SessionRecord;
      }
    }
  } catch {
    return { record_type: 'session', session: { schema_version: '3.0', session_id: '', created_at: '', ended_at: null, session_time_steps: [], event_history: [], markov_blanket_message_history: [], metadata: { redaction } } } as unknown as SessionRecord;
  }
}
