import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import type { EventRecord, MessageRecord, SessionRecord, TimestepRecord, TraceRecord } from '../../src/export/records.js';
import type { CaisEvent, RuntimeEvent } from '../../src/model/events.js';
import { redactRecords } from '../../src/redaction/redact-records.js';
import { Redactor } from '../../src/redaction/redactor.js';

const KEY = 'sk-proj-Zx81Kd0qLmN4pR7sT2vW9yB3cE5fH6jA';
const base = {
  schema_version: '3.0', event_id: 'ev-1', name: 'Agent.think', system_instance_id: 'planner',
  time_record: { event_time: 1715524390.5, message_time: 3 }, trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16),
  parent_span_id: null, started_at: '2024-05-12T14:33:10.000Z', ended_at: '2024-05-12T14:33:11.000Z', duration_ms: 1000,
};

function caisRecord(): EventRecord {
  const event: CaisEvent = {
    ...base, event_type: 'cais', status: 'error',
    error: { type: 'APIError', message: `401 for key ${KEY}`, stack: `APIError: 401 for key ${KEY}\n    at call (agent.ts:1:1)` },
    input: { messages: [{ role: 'user', content: 'reach me at bob@example.com' }], apiKey: 'plain-secret-value' },
    output: { text: `here is ${KEY}` },
    metadata: { user_email: 'bob@example.com', tags: ['a'] },
    model_name: 'gpt-4o-mini', provider: 'openai', input_tokens: 12, output_tokens: 4, total_tokens: 16, cost_usd: 0.0001, latency_ms: 800,
    system_state_before: { memory: `remember ${KEY}` }, system_state_after: { memory: 'card 4111 1111 1111 1111' },
    call_records: [{
      call_id: 'call-1', api_type: 'chat.completions', provider: 'openai', model_name: 'gpt-4o-mini',
      started_at: base.started_at, completed_at: base.ended_at, latency_ms: 800,
      request_params: { temperature: 0.2, api_key: 'abc' },
      input_messages: [{ role: 'user', parts: [{ type: 'text', text: 'SSN 123-45-6789' }] }],
      output_messages: [{ role: 'assistant', parts: [{ type: 'text', text: `token ${KEY}` }] }],
      output_text: `streamed: ${KEY}`,
      tool_calls: [{ id: 'tc-1', name: 'lookup', arguments: `{"password":"hunter22","q":"weather"}` }],
      usage: { input_tokens: 12, output_tokens: 4, total_tokens: 16, cached_input_tokens: 0 }, cost_usd: 0.0001,
      finish_reason: 'stop', provider_request_id: 'req_123', stream: { chunk_count: 7, time_to_first_chunk_ms: 120, completed: true },
      metadata: { note: 'call +1 (415) 555-2671' },
    }],
  };
  return { record_type: 'event', session_id: 's-1', step_id: 't-1', event };
}

function runtimeRecord(): EventRecord {
  const event: RuntimeEvent = {
    ...base, event_type: 'runtime', status: 'ok', error: null,
    input: [`lookup ${KEY}`], output: 'ok from 10.1.2.3', metadata: {}, actions: [{ cmd: `export OPENAI_API_KEY=${KEY}` }],
  };
  return { record_type: 'event', session_id: 's-1', step_id: null, event };
}

function messageRecord(): MessageRecord {
  return {
    record_type: 'message', session_id: 's-1', step_id: 't-1',
    message: {
      schema_version: '3.0', message_id: 'm-1', message_type: 'observation', time_record: { event_time: 1, message_time: 1 },
      content: { text: `obs: ${KEY}`, json_payload: { email: 'amy@example.org' } },
      metadata: { from_system_instance_id: 'env', to_system_instance_id: 'agent', extra: 'iban DE89 3704 0044 0532 0130 00' },
    },
  };
}

function timestepRecord(): TimestepRecord {
  return {
    record_type: 'timestep', session_id: 's-1',
    timestep: { schema_version: '3.0', step_id: 't-1', step_index: 0, timestamp: base.started_at, turn_number: 1, events: [], markov_blanket_messages: [], step_metadata: { seed: 42, token: 'tok' }, completed_at: base.ended_at },
  };
}

function sessionRecord(): SessionRecord {
  return {
    record_type: 'session',
    session: { schema_version: '3.0', session_id: 's-1', created_at: base.started_at, ended_at: base.ended_at, session_time_steps: [], event_history: [runtimeRecord().event], markov_blanket_message_history: [], metadata: { owner: 'bob@example.com', env: 'grid' } },
  };
}

describe('redactRecords', () => {
  it('masks a secret placed in an argument, a result, a state, an error message and stack, and a call record', async () => {
    const [out] = await redactRecords([caisRecord()], new Redactor());
    const json = JSON.stringify(out);
    assert.ok(!json.includes('sk-proj-'), json);
    for (const raw of ['bob@example.com', 'plain-secret-value', '4111 1111 1111 1111', '123-45-6789', 'hunter22', '555-2671']) assert.ok(!json.includes(raw), raw);
    const e = (out as EventRecord).event as CaisEvent;
    assert.equal(e.error!.message, '401 for key [OPENAI_KEY]');
    assert.ok(e.error!.stack!.startsWith('APIError: 401 for key [OPENAI_KEY]\n    at call'));
    assert.equal(e.error!.type, 'APIError');
    assert.deepEqual(e.output, { text: 'here is [OPENAI_KEY]' });
    assert.deepEqual(e.system_state_before, { memory: 'remember [OPENAI_KEY]' });
    const call = e.call_records[0]!;
    assert.equal(call.output_text, 'streamed: [OPENAI_KEY]');
    assert.equal(call.tool_calls[0]!.arguments, '{"password":"[SECRET]","q":"weather"}');
    assert.equal(call.tool_calls[0]!.name, 'lookup');
    assert.deepEqual(call.request_params, { temperature: 0.2, api_key: '[REDACTED]' });
    assert.deepEqual(call.stream, { chunk_count: 7, time_to_first_chunk_ms: 120, completed: true });
    assert.deepEqual(call.usage, { input_tokens: 12, output_tokens: 4, total_tokens: 16, cached_input_tokens: 0 });
  });

  it('keeps ids, names, timestamps and the numbers of the schema', async () => {
    const [out] = await redactRecords([caisRecord()], new Redactor());
    const e = (out as EventRecord).event as CaisEvent;
    const src = caisRecord().event as CaisEvent;
    for (const key of ['schema_version', 'event_type', 'event_id', 'name', 'system_instance_id', 'trace_id', 'span_id', 'parent_span_id', 'started_at', 'ended_at', 'duration_ms', 'status', 'model_name', 'provider', 'input_tokens', 'output_tokens', 'total_tokens', 'cost_usd', 'latency_ms'] as const) {
      assert.deepEqual(e[key], src[key], key);
    }
    assert.deepEqual(e.time_record, src.time_record);
    assert.equal((out as EventRecord).session_id, 's-1');
    assert.equal((out as EventRecord).step_id, 't-1');
  });

  it('records in metadata.redaction what was masked, as counts by kind', async () => {
    const [out] = await redactRecords([caisRecord()], new Redactor());
    const e = (out as EventRecord).event;
    assert.deepEqual(e.metadata.redaction, { EMAIL: 2, SENSITIVE_KEY: 2, OPENAI_KEY: 6, CARD: 1, SSN: 1, SECRET: 1, PHONE: 1 });
    assert.equal(e.metadata.user_email, '[EMAIL]');
  });

  it('masks runtime actions, messages, timestep and session metadata and nested events', async () => {
    const out = await redactRecords([runtimeRecord(), messageRecord(), timestepRecord(), sessionRecord()], new Redactor());
    const json = JSON.stringify(out);
    for (const raw of ['sk-proj-', 'amy@example.org', 'bob@example.com', 'DE89', '10.1.2.3']) assert.ok(!json.includes(raw), raw);
    const msg = (out[1] as MessageRecord).message;
    assert.equal(msg.content.text, 'obs: [OPENAI_KEY]');
    assert.equal(msg.metadata.from_system_instance_id, 'env');
    assert.deepEqual(msg.metadata.redaction, { OPENAI_KEY: 1, EMAIL: 1, IBAN: 1 });
    const step = (out[2] as TimestepRecord).timestep;
    assert.deepEqual(step.step_metadata, { seed: 42, token: '[REDACTED]', redaction: { SENSITIVE_KEY: 1 } });
    const session = (out[3] as SessionRecord).session;
    assert.equal(session.metadata.owner, '[EMAIL]');
    assert.equal(session.event_history[0]!.input?.toString(), 'lookup [OPENAI_KEY]');
    assert.deepEqual((out[0] as EventRecord).event.metadata.redaction, { OPENAI_KEY: 2, IP: 1 });
  });

  it('cuts a data field larger than maxPayloadBytes to that many bytes of masked JSON', async () => {
    const record = runtimeRecord();
    record.event.input = Array.from({ length: 40 }, (_, i) => `line ${i}: é日本 bob@example.com`);
    const [out] = await redactRecords([record], new Redactor({ maxPayloadBytes: 256 }));
    const input = (out as EventRecord).event.input as string;
    assert.equal(typeof input, 'string');
    assert.ok(Buffer.byteLength(input) <= 256);
    assert.match(input, /…\[TRUNCATED \d+ bytes\]$/);
    assert.ok(!input.includes('bob@'));
    assert.deepEqual((out as EventRecord).event.metadata.redaction, { EMAIL: 40, OPENAI_KEY: 1, IP: 1, TRUNCATED: 1 });
  });

  it('exports a placeholder and reports a diagnostic instead of throwing when a record cannot be masked', async () => {
    const seen: Diagnostic[] = [];
    const stop = onDiagnostic((d) => seen.push(d));
    try {
      const hostile = caisRecord();
      Object.defineProperty(hostile.event, 'input', { enumerable: true, get() { throw new Error('nope'); } });
      const weird = { record_type: 'mystery', secret: KEY } as unknown as TraceRecord;
      const out = await redactRecords([hostile, weird, runtimeRecord()], new Redactor());
      assert.equal(out.length, 3);
      const json = JSON.stringify(out);
      assert.ok(!json.includes('sk-proj-'), json);
      assert.equal(((out[0] as EventRecord).event as CaisEvent).input, '[REDACTION_FAILED]');
      assert.equal((out[0] as EventRecord).event.event_id, 'ev-1');
      assert.deepEqual((out[0] as EventRecord).event.metadata.redaction, { FAILED: 1 });
      assert.equal(seen.filter((d) => d.code === 'redaction-failed').length, 2);
      assert.equal((out[2] as EventRecord).event.output, 'ok from [IP]');
    } finally {
      stop();
    }
  });

  it('waits for an async mask hook and counts what it changed', async () => {
    const r = new Redactor({ mask: async (v) => (v === 'grid' ? 'GRID' : v) });
    const [out] = await redactRecords([sessionRecord()], r);
    const session = (out as SessionRecord).session;
    assert.equal(session.metadata.env, 'GRID');
    assert.deepEqual(session.metadata.redaction, { EMAIL: 1, MASK: 1 });
  });

  it('leaves its input records untouched', async () => {
    const records = [caisRecord(), messageRecord()];
    const before = structuredClone(records);
    await redactRecords(records, new Redactor());
    assert.deepEqual(records, before);
  });
});
