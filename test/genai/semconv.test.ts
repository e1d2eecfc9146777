import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SpanKind } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import type { CaisEvent, JsonValue } from '../../src/model/events.js';
import { toCaisFields } from '../../src/genai/call-record.js';
import { readAiRequest } from '../../src/genai/request.js';
import { readAiResponse } from '../../src/genai/response.js';
import { createStreamAggregator } from '../../src/genai/streams.js';
import { toGenAiSpan } from '../../src/genai/semconv.js';

const DEPRECATED = ['gen_ai.system', 'gen_ai.usage.prompt_tokens', 'gen_ai.usage.completion_tokens', 'gen_ai.prompt', 'gen_ai.completion', 'gen_ai.openai.request.seed', 'gen_ai.openai.request.response_format'];

function caisEvent(fields: ReturnType<typeof toCaisFields>, status: CaisEvent['status'] = 'ok'): CaisEvent {
  return {
    schema_version: '3.0',
    event_type: 'cais',
    event_id: 'e1',
    name: 'Agent.think',
    system_instance_id: 'agent',
    time_record: { event_time: 0, message_time: null },
    trace_id: '0'.repeat(32),
    span_id: '1'.repeat(16),
    parent_span_id: null,
    started_at: '2026-11-22T10:00:00.000Z',
    ended_at: '2026-11-22T10:00:01.000Z',
    duration_ms: 1000,
    status,
    error: status === 'error' ? { type: 'RateLimitError', message: '429', stack: null } : null,
    input: undefined,
    output: undefined,
    metadata: {},
    latency_ms: 1000,
    system_state_before: undefined,
    system_state_after: undefined,
    ...fields,
  };
}

const timing = { startedAt: 1_763_805_600_000, endedAt: 1_763_805_601_000 };

function anthropicEvent(): CaisEvent {
  const body = { model: 'claude-haiku-4-5', max_tokens: 512, temperature: 0.3, stop_sequences: ['END'], system: 'Be brief.', messages: [{ role: 'user', content: 'Weather in Paris?' }] };
  const request = readAiRequest([body], null, {});
  const response = readAiResponse(
    {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5-20251001',
      content: [{ type: 'text', text: 'Checking.' }, { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 100, cache_read_input_tokens: 1000, cache_creation_input_tokens: 100, output_tokens: 300 },
    },
    request,
  );
  return caisEvent(toCaisFields(request, response, timing, JSON.parse(JSON.stringify([body])) as JsonValue));
}

describe('semconv', () => {
  it('maps a cais event to current GenAI attribute names, with span name "chat {model}"', () => {
    const span = toGenAiSpan(anthropicEvent(), { captureContent: false });
    assert.equal(span.name, 'chat claude-haiku-4-5');
    assert.equal(span.kind, 'client');
    assert.deepEqual(span.attributes, {
      [ATTR_GEN_AI_OPERATION_NAME]: 'chat',
      [ATTR_GEN_AI_PROVIDER_NAME]: 'anthropic',
      [ATTR_GEN_AI_REQUEST_MODEL]: 'claude-haiku-4-5',
      [ATTR_GEN_AI_REQUEST_TEMPERATURE]: 0.3,
      [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: 512,
      [ATTR_GEN_AI_REQUEST_STOP_SEQUENCES]: ['END'],
      [ATTR_GEN_AI_RESPONSE_MODEL]: 'claude-haiku-4-5-20251001',
      [ATTR_GEN_AI_RESPONSE_ID]: 'msg_1',
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['tool_use'],
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 1200,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 300,
      [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: 1000,
      [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: 100,
      'gen_ai.usage.cache_write.input_tokens': 100,
    });
    for (const name of DEPRECATED) assert.equal(name in span.attributes, false, name);
  });

  it('adds messages only when content capture is on, in the OpenTelemetry part schema', () => {
    const off = toGenAiSpan(anthropicEvent(), { captureContent: false }).attributes;
    assert.equal(ATTR_GEN_AI_INPUT_MESSAGES in off, false);
    assert.equal(ATTR_GEN_AI_OUTPUT_MESSAGES in off, false);
    assert.equal(ATTR_GEN_AI_SYSTEM_INSTRUCTIONS in off, false);

    const on = toGenAiSpan(anthropicEvent(), { captureContent: true }).attributes;
    assert.deepEqual(JSON.parse(on[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] as string), [{ type: 'text', content: 'Be brief.' }]);
    assert.deepEqual(JSON.parse(on[ATTR_GEN_AI_INPUT_MESSAGES] as string), [{ role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] }]);
    assert.deepEqual(JSON.parse(on[ATTR_GEN_AI_OUTPUT_MESSAGES] as string), [
      {
        role: 'assistant',
        parts: [
          { type: 'text', content: 'Checking.' },
          { type: 'tool_call', id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } },
        ],
        finish_reason: 'tool_use',
      },
    ]);
    for (const name of DEPRECATED) assert.equal(name in on, false, name);
  });

  it('records streaming, reasoning tokens, time to first chunk in seconds, server address and error type', () => {
    const body = { model: 'o4-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true, reasoning_effort: 'high', seed: 3 };
    const request = readAiRequest([body], { client: { baseURL: 'https://api.openai.com/v1', chat: {}, responses: {} } }, {});
    const aggregator = createStreamAggregator(request, timing.startedAt);
    aggregator.onChunk({ id: 'chatcmpl-9', object: 'chat.completion.chunk', model: 'o4-mini-2025-04-16', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] }, timing.startedAt + 250);
    aggregator.onChunk({ id: 'chatcmpl-9', object: 'chat.completion.chunk', model: 'o4-mini-2025-04-16', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 50, completion_tokens_details: { reasoning_tokens: 40 } } }, timing.startedAt + 300);
    const event = caisEvent(toCaisFields(request, aggregator.result(), timing, JSON.parse(JSON.stringify([body])) as JsonValue), 'error');
    const attributes = toGenAiSpan(event, { captureContent: false }).attributes;
    assert.equal(attributes[ATTR_GEN_AI_PROVIDER_NAME], 'openai');
    assert.equal(attributes['gen_ai.request.stream'], true);
    assert.equal(attributes['gen_ai.request.seed'], 3);
    assert.equal(attributes['gen_ai.request.reasoning.level'], 'high');
    assert.equal(attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK], 0.25);
    assert.equal(attributes[ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS], 40);
    assert.equal(attributes['server.address'], 'api.openai.com');
    assert.equal(attributes['server.port'], 443);
    assert.equal(attributes['error.type'], 'RateLimitError');
    assert.equal(attributes[ATTR_GEN_AI_RESPONSE_ID], 'chatcmpl-9');
  });

  it('produces attributes the OpenTelemetry SDK keeps unchanged on a real span', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const { name, attributes } = toGenAiSpan(anthropicEvent(), { captureContent: true });
    provider.getTracer('test').startSpan(name, { kind: SpanKind.CLIENT, attributes }).end();
    await provider.forceFlush();
    const [span] = exporter.getFinishedSpans();
    assert.equal(span?.name, 'chat claude-haiku-4-5');
    assert.deepEqual({ ...span?.attributes }, attributes);
    await provider.shutdown();
  });

  it('uses generate_content for Gemini and the bare operation when the model is unknown', () => {
    const gemini = readAiResponse({ candidates: [{ content: { role: 'model', parts: [{ text: 'x' }] }, finishReason: 'STOP' }], modelVersion: 'gemini-2.5-flash', usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1 } }, null);
    assert.equal(toGenAiSpan(caisEvent(toCaisFields(null, gemini, timing, undefined)), { captureContent: false }).name, 'generate_content gemini-2.5-flash');
    const bare = toGenAiSpan(caisEvent(toCaisFields(null, null, timing, undefined)), { captureContent: true });
    assert.equal(bare.name, 'chat');
    assert.deepEqual(bare.attributes, { 'gen_ai.operation.name': 'chat' });
  });
});
