import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import type { JsonValue } from '../../src/model/events.js';
import { toCaisFields } from '../../src/genai/call-record.js';
import { normaliseInputMessages } from '../../src/genai/messages.js';
import { dedupeNestedAiCall, sumUsage } from '../../src/genai/nested-calls.js';
import { readAiRequest } from '../../src/genai/request.js';
import { readAiResponse } from '../../src/genai/response.js';
import { createStreamAggregator } from '../../src/genai/streams.js';
import { readSdkRequest } from '../../src/genai/sdk-request.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';

const captured = (args: unknown[]): JsonValue => JSON.parse(JSON.stringify(args)) as JsonValue;
const timing = { startedAt: Date.parse('2026-11-22T10:00:00.000Z'), endedAt: Date.parse('2026-11-22T10:00:01.250Z') };

describe('call-record', () => {
  let server: FakeLlmServer;
  let agent: { client: OpenAI; claude: Anthropic };

  before(async () => {
    server = await startFakeLlmServer();
    agent = {
      client: new OpenAI({ apiKey: 'k', baseURL: `${server.url}/v1`, maxRetries: 0 }),
      claude: new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 }),
    };
  });
  after(() => server.close());

  it('builds the cais fields and call record of an OpenAI chat call with tool calls', async () => {
    const body = {
      model: 'gpt-4o-mini',
      temperature: 0,
      messages: [
        { role: 'system' as const, content: 'You are terse.' },
        { role: 'user' as const, content: [{ type: 'text' as const, text: 'Weather in Paris?' }, { type: 'image_url' as const, image_url: { url: 'https://example.com/a.png' } }] },
      ],
      tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: {} } }],
    };
    const request = readAiRequest([body], agent, {});
    const result = await agent.client.chat.completions.create(body, { headers: { 'x-scenario': 'tools' } });
    const fields = toCaisFields(request, readAiResponse(result, request), timing, captured([body]));

    assert.equal(fields.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(fields.provider, 'openai'); // a local server serving an OpenAI model id
    assert.equal(fields.input_tokens, USAGE.input);
    assert.equal(fields.output_tokens, USAGE.output);
    assert.equal(fields.total_tokens, USAGE.input + USAGE.output);
    assert.equal(fields.cost_usd, ((USAGE.input - USAGE.cached) * 0.15 + USAGE.cached * 0.075 + USAGE.output * 0.6) / 1e6);

    const record = fields.call_records[0]!;
    assert.equal(record.api_type, 'openai.chat');
    assert.equal(record.latency_ms, 1250);
    assert.equal(record.started_at, '2026-11-22T10:00:00.000Z');
    assert.deepEqual(record.request_params, { model: 'gpt-4o-mini', temperature: 0, tools_count: 1 });
    assert.deepEqual(record.input_messages, [
      { role: 'system', parts: [{ type: 'text', text: 'You are terse.' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Weather in Paris?' }, { type: 'uri', modality: 'image', uri: 'https://example.com/a.png' }] },
    ]);
    assert.deepEqual(record.tool_calls, [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_2', name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ]);
    assert.deepEqual(record.output_messages[0]!.parts[0], { type: 'tool_call', id: 'call_weather_1', name: 'get_weather', arguments: { city: 'Paris' } });
    assert.equal(record.finish_reason, 'tool_calls');
    assert.match(record.provider_request_id ?? '', /^req_chat_/);
    assert.equal(record.metadata.request_model, 'gpt-4o-mini');
    assert.equal(record.metadata.price_model, 'gpt-4o-mini');
    assert.equal(record.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(record.usage?.reasoning_tokens, USAGE.reasoning);
    assert.doesNotThrow(() => JSON.stringify(fields));
  });

  it('builds an Anthropic call record: provider from the client, tool arguments as a JSON string, cache write priced', async () => {
    const body = { model: 'claude-haiku-4-5', max_tokens: 256, system: 'Be brief.', messages: [{ role: 'user' as const, content: 'Weather?' }] };
    const request = readAiRequest([body], { llm: agent.claude }, {});
    const result = await agent.claude.messages.create(body, { headers: { 'x-scenario': 'tools' } });
    const fields = toCaisFields(request, readAiResponse(result, request), timing, captured([body]));
    assert.equal(fields.provider, 'anthropic');
    assert.equal(fields.model_name, 'claude-haiku-4-5-20251001');
    const expected = ((USAGE.input - USAGE.cached - USAGE.cacheWrite) * 1 + USAGE.cached * 0.1 + USAGE.cacheWrite * 1.25 + USAGE.output * 5) / 1e6;
    assert.equal(fields.cost_usd, expected);
    const record = fields.call_records[0]!;
    assert.deepEqual(record.tool_calls, [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    assert.deepEqual(record.input_messages[0], { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] });
    assert.equal(record.api_type, 'anthropic.messages');
    assert.equal(record.finish_reason, 'tool_use');
  });

  it('records the stream summary of a streamed call', async () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }], stream: true as const, stream_options: { include_usage: true } };
    const request = readAiRequest([body], agent, {});
    const aggregator = createStreamAggregator(request, timing.startedAt);
    let at = timing.startedAt + 40;
    for await (const chunk of await agent.client.chat.completions.create(body)) aggregator.onChunk(chunk, (at += 10));
    const fields = toCaisFields(request, aggregator.result(), timing, captured([body]));
    const record = fields.call_records[0]!;
    assert.deepEqual(record.stream, { chunk_count: 9, time_to_first_chunk_ms: 50, completed: true });
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.request_params.stream, true);
    assert.equal(fields.input_tokens, USAGE.input);
  });

  it('takes model, messages, URL and request id from what the SDK sent when the method built the request itself', async () => {
    // think(question) builds the body inside: the arguments say nothing of the model.
    const think = (question: string) => agent.client.chat.completions.create({ model: 'gpt-4o-mini', temperature: 0.5, messages: [{ role: 'user', content: question }], stream: true });
    const request = readAiRequest(['Capital?'], agent, {});
    assert.equal(request?.model, null);
    const returned = think('Capital?');
    const sent = readSdkRequest(returned);
    assert.ok(sent, 'an APIPromise is recognised');
    const stream = await returned;
    const aggregator = createStreamAggregator(request, timing.startedAt);
    for await (const chunk of stream) aggregator.onChunk(chunk, timing.startedAt + 5);
    const info = await sent;
    assert.ok(info);
    const fields = toCaisFields(request, aggregator.result(), timing, captured(['Capital?']), { ...info, body: JSON.parse(JSON.stringify(info.body)) as JsonValue });
    const record = fields.call_records[0]!;
    assert.equal(fields.provider, 'openai');
    assert.equal(record.request_params.model, 'gpt-4o-mini');
    assert.equal(record.request_params.temperature, 0.5);
    assert.equal(record.request_params.stream, true);
    assert.deepEqual(record.input_messages, [{ role: 'user', parts: [{ type: 'text', text: 'Capital?' }] }]);
    assert.match(record.provider_request_id ?? '', /^req_chat_/, 'a stream has its request id only from the SDK response');
    assert.equal(record.metadata.base_url, `${server.url}/v1`);
    assert.equal(readSdkRequest(Promise.resolve(1)), null);
    assert.equal(readSdkRequest({ then() {} }), null);
  });

  it('keeps request facts and a null cost when the call failed or the model is unknown', () => {
    const request = readAiRequest([{ model: 'house-model-7', messages: [{ role: 'user', content: 'x' }] }], null, {});
    const failed = toCaisFields(request, null, timing, captured([{ model: 'house-model-7', messages: [{ role: 'user', content: 'x' }] }]));
    assert.equal(failed.model_name, 'house-model-7');
    assert.equal(failed.cost_usd, null);
    assert.equal(failed.input_tokens, null);
    assert.equal(failed.call_records[0]!.input_messages.length, 1);
    const unknown = toCaisFields(request, readAiResponse({ model: 'house-model-7', usage: { prompt_tokens: 5, completion_tokens: 5 } }, request), timing, undefined);
    assert.equal(unknown.cost_usd, null);
    assert.equal(unknown.input_tokens, 5);
  });

  it('normalises Responses, Gemini and AI SDK inputs to role and parts', () => {
    assert.deepEqual(
      normaliseInputMessages({
        model: 'o4-mini',
        instructions: 'Be brief.',
        input: [
          { role: 'user', content: [{ type: 'input_text', text: 'Weather?' }] },
          { type: 'function_call', call_id: 'c1', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'function_call_output', call_id: 'c1', output: 'rainy' },
        ],
      }),
      [
        { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', parts: [{ type: 'text', text: 'Weather?' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: 'c1', name: 'get_weather', arguments: { city: 'Paris' } }] },
        { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c1', response: 'rainy' }] },
      ],
    );
    assert.deepEqual(
      normaliseInputMessages({
        model: 'gemini-2.5-flash',
        contents: [{ role: 'user', parts: [{ text: 'Hi' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }] }, { role: 'model', parts: [{ functionCall: { name: 'f', args: { a: 1 } } }] }],
        config: { systemInstruction: 'Be brief.' },
      }),
      [
        { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', parts: [{ type: 'text', text: 'Hi' }, { type: 'blob', modality: 'image', mime_type: 'image/png' }] },
        { role: 'assistant', parts: [{ type: 'tool_call', id: null, name: 'f', arguments: { a: 1 } }] },
      ],
    );
    assert.deepEqual(normaliseInputMessages({ model: {}, system: 'S', prompt: 'P' }), [
      { role: 'system', parts: [{ type: 'text', text: 'S' }] },
      { role: 'user', parts: [{ type: 'text', text: 'P' }] },
    ]);
    assert.deepEqual(normaliseInputMessages({ messages: [{ role: 'tool', tool_call_id: 'c9', content: '42' }] }), [
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'c9', response: '42' }] },
    ]);
  });

  it('counts the tokens of nested calls once', () => {
    const inner = toCaisFields(null, readAiResponse({ model: 'gpt-4o-mini', usage: { prompt_tokens: 100, completion_tokens: 10 } }, null), timing, undefined);
    const outerRaw = toCaisFields(null, readAiResponse({ model: 'gpt-4o-mini', usage: { prompt_tokens: 100, completion_tokens: 10 } }, null), timing, undefined);
    const outer = dedupeNestedAiCall(outerRaw, [inner]);
    assert.equal(outer.input_tokens, null);
    assert.equal(outer.cost_usd, null);
    assert.equal(outer.call_records[0]!.metadata.usage_counted_in_nested_calls, 1);
    assert.equal(outerRaw.input_tokens, 100, 'pure: the input is not changed');
    const totals = sumUsage([outer, inner]);
    assert.deepEqual(totals, { input_tokens: 100, output_tokens: 10, total_tokens: 110, cost_usd: inner.cost_usd!, unpriced_calls: 0 });
    assert.equal(dedupeNestedAiCall(outerRaw, [{ input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null }]), outerRaw);
  });
});
