import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { now } from '../../src/model/clock.js';
import { readAiRequest } from '../../src/genai/request.js';
import { readAiResponse, readDeferredAiResponse } from '../../src/genai/response.js';
import { MAX_AGGREGATED_CHARS, createStreamAggregator, type StreamAggregator } from '../../src/genai/streams.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';

/** Consumes an async iterable the way the core's observer does: one onChunk per pulled chunk. */
async function consume(stream: AsyncIterable<unknown>, aggregator: StreamAggregator, stopAfter = Infinity): Promise<number> {
  let pulled = 0;
  for await (const chunk of stream) {
    aggregator.onChunk(chunk, now());
    if (++pulled >= stopAfter) break;
  }
  return pulled;
}

describe('streams', () => {
  let server: FakeLlmServer;
  let openai: OpenAI;
  let anthropic: Anthropic;

  before(async () => {
    server = await startFakeLlmServer();
    openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  after(() => server.close());

  it('aggregates a fully consumed OpenAI chat stream: text, usage from the final chunk, finish reason, time to first chunk', async () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Capital?' }], stream: true as const, stream_options: { include_usage: true } };
    const startedAt = now();
    const stream = await openai.chat.completions.create(body, { headers: { 'x-chunks': '6' } });
    const aggregator = createStreamAggregator(readAiRequest([body], null, {}), startedAt);
    const pulled = await consume(stream, aggregator);
    const endedAt = now();
    const response = aggregator.result();
    assert.equal(response.api, 'openai.chat');
    assert.equal(response.model, 'gpt-4o-mini-2024-07-18');
    assert.equal(response.output_text, ANSWER);
    assert.deepEqual(response.finish_reasons, ['stop']);
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.equal(response.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(response.usage?.reasoning_tokens, USAGE.reasoning);
    assert.equal(response.stream?.chunk_count, pulled);
    assert.equal(pulled, 9); // role chunk, 6 text chunks, finish chunk, usage chunk
    assert.equal(response.stream?.completed, true);
    const ttfc = response.stream?.time_to_first_chunk_ms;
    assert.ok(typeof ttfc === 'number' && ttfc >= 0 && ttfc <= endedAt - startedAt);
  });

  it('merges streamed tool call deltas by index', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather?' }], stream: true }, { headers: { 'x-scenario': 'tools' } });
    const aggregator = createStreamAggregator(null, now());
    await consume(stream, aggregator);
    const response = aggregator.result();
    assert.deepEqual(response.tool_calls, [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_2', name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ]);
    assert.deepEqual(response.finish_reasons, ['tool_calls']);
    assert.equal(response.usage, null); // no include_usage: the stream has no usage chunk
  });

  it('marks an early break as not completed and keeps what was pulled', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true }, { headers: { 'x-chunks': '6' } });
    const aggregator = createStreamAggregator(null, now());
    const pulled = await consume(stream, aggregator, 3);
    const response = aggregator.result();
    assert.equal(pulled, 3);
    assert.equal(response.stream?.chunk_count, 3);
    assert.equal(response.stream?.completed, false);
    assert.ok(ANSWER.startsWith(response.output_text ?? 'x'));
    assert.notEqual(response.output_text, ANSWER);
    assert.equal(stream.controller.signal.aborted, true); // the SDK aborted the request: nothing more was pulled
  });

  it('keeps the partial aggregate of a stream whose connection is cut midway', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true }, { headers: { 'x-chunks': '6', 'x-scenario': 'cut' } });
    const aggregator = createStreamAggregator(null, now());
    await assert.rejects(consume(stream, aggregator));
    const response = aggregator.result();
    assert.ok((response.stream?.chunk_count ?? 0) > 0);
    assert.equal(response.stream?.completed, false);
    assert.ok(ANSWER.startsWith(response.output_text ?? 'x'));
    assert.equal(response.usage, null);
  });

  it('reports a never consumed stream with no chunks and no time to first chunk', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const response = createStreamAggregator(readAiRequest([{ model: 'gpt-4o-mini' }], null, {}), now()).result({ completed: false });
    assert.deepEqual(response.stream, { chunk_count: 0, time_to_first_chunk_ms: null, completed: false });
    assert.equal(response.model, 'gpt-4o-mini');
    stream.controller.abort();
  });

  it('gives the same aggregate for both branches of tee()', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const [left, right] = stream.tee();
    const a = createStreamAggregator(null, now());
    const b = createStreamAggregator(null, now());
    await Promise.all([consume(left, a), consume(right, b)]);
    assert.equal(a.result().output_text, ANSWER);
    assert.equal(b.result().output_text, ANSWER);
  });

  it('aggregates an OpenAI Responses API stream from its events, usage from response.completed', async () => {
    const text = createStreamAggregator(null, now());
    await consume(await openai.responses.create({ model: 'o4-mini', input: 'Capital?', stream: true }), text);
    const response = text.result();
    assert.equal(response.api, 'openai.responses');
    assert.equal(response.model, 'o4-mini-2025-04-16');
    assert.equal(response.output_text, ANSWER);
    assert.equal(response.usage?.reasoning_tokens, USAGE.reasoning);
    assert.equal(response.stream?.completed, true);

    const tools = createStreamAggregator(null, now());
    await consume(await openai.responses.create({ model: 'o4-mini', input: 'Weather?', stream: true }, { headers: { 'x-scenario': 'tools' } }), tools);
    assert.deepEqual(tools.result().tool_calls, [{ id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
  });

  it('aggregates an Anthropic stream: input usage from message_start, output usage from message_delta, tool input JSON', async () => {
    const aggregator = createStreamAggregator(null, now());
    const stream = await anthropic.messages.create(
      { model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Weather?' }], stream: true },
      { headers: { 'x-scenario': 'tools' } },
    );
    await consume(stream, aggregator);
    const response = aggregator.result();
    assert.equal(response.api, 'anthropic.messages');
    assert.equal(response.model, 'claude-haiku-4-5-20251001');
    assert.equal(response.output_text, 'Let me check.');
    assert.equal(response.reasoning_text, 'Paris is the capital.');
    assert.deepEqual(response.finish_reasons, ['tool_use']);
    assert.deepEqual(response.tool_calls, [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city": "Paris"}' }]);
    assert.deepEqual(response.usage, {
      input_tokens: USAGE.input,
      output_tokens: USAGE.output,
      total_tokens: USAGE.input + USAGE.output,
      cached_input_tokens: USAGE.cached,
      cache_creation_input_tokens: USAGE.cacheWrite,
      reasoning_tokens: null,
    });
    assert.equal(response.stream?.completed, true);
  });

  it('keeps an OpenAI refusal streamed in pieces as a refusal part, as a response does', () => {
    const aggregator = createStreamAggregator(null, 0);
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o', choices: [{ index: 0, delta, finish_reason: finish }] });
    for (const c of [chunk({ role: 'assistant', content: null, refusal: '' }), chunk({ refusal: "I'm sorry, " }), chunk({ refusal: "I can't help with that." }), chunk({}, 'stop')]) aggregator.onChunk(c, 1);
    const response = aggregator.result();
    assert.deepEqual(response.output_messages[0]?.parts, [{ type: 'refusal', text: "I'm sorry, I can't help with that." }]);
    assert.equal(response.output_text, null);
  });

  it('leaves Anthropic server tools out of the tool calls, and keeps the empty input of a tool without parameters', () => {
    const aggregator = createStreamAggregator(null, 0);
    const events = [
      { type: 'message_start', message: { id: 'msg_1', model: 'claude-sonnet-4-5', usage: { input_tokens: 10, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":"weather Paris"}' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_02', name: 'list_alerts', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 30 } },
      { type: 'message_stop' },
    ];
    for (const event of events) aggregator.onChunk(event, 1);
    assert.deepEqual(aggregator.result().tool_calls, [{ id: 'toolu_02', name: 'list_alerts', arguments: {} }]);
  });

  it('aggregates the events of the Anthropic messages.stream() helper', async () => {
    const aggregator = createStreamAggregator(null, now());
    const stream = anthropic.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Capital?' }] });
    await consume(stream, aggregator);
    assert.equal(aggregator.result().output_text, ANSWER);
    assert.equal(aggregator.result().usage?.output_tokens, USAGE.output);
  });

  it('aggregates a Gemini generateContentStream without reading the chunks\' warning getters', async () => {
    const google = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
    const aggregator = createStreamAggregator(null, now());
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await consume(await google.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Capital?' }), aggregator);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, [], 'reading a chunk\'s `data` getter makes the SDK warn');
    const response = aggregator.result();
    assert.equal(response.api, 'gemini');
    assert.equal(response.output_text, ANSWER);
    assert.equal(response.usage?.output_tokens, USAGE.output);
    assert.deepEqual(response.finish_reasons, ['STOP']);
  });

  it('aggregates AI SDK fullStream parts and textStream strings', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const full = createStreamAggregator(null, now());
    await consume(streamText({ model: provider.chat('gpt-4o-mini'), prompt: 'Capital?' }).fullStream, full);
    const response = full.result();
    assert.equal(response.api, 'ai-sdk');
    assert.equal(response.output_text, ANSWER);
    assert.equal(response.model, 'gpt-4o-mini-2024-07-18');
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.deepEqual(response.finish_reasons, ['stop']);

    const text = createStreamAggregator(null, now());
    await consume(streamText({ model: provider.chat('gpt-4o-mini'), prompt: 'Capital?' }).textStream, text);
    assert.equal(text.result().output_text, ANSWER);
  });

  it('reads an AI SDK streamText result only once its consumer has read the stream', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const args = { model: provider.chat('gpt-4o-mini'), prompt: 'Capital?' };
    const result = streamText(args);
    const request = readAiRequest([args], null, {});
    assert.equal(readAiResponse(result, request).deferred, true);
    const later = readDeferredAiResponse(result, request);
    assert.ok(later);
    let settled = false;
    void later.then(() => (settled = true));
    await sleep(100);
    assert.equal(settled, false, 'reading the result must not make the SDK drain the stream');
    let text = '';
    for await (const piece of result.textStream) text += piece;
    assert.equal(text, ANSWER);
    const response = await later;
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.equal(response.output_text, ANSWER);
    assert.equal(response.model, 'gpt-4o-mini-2024-07-18');
  });

  it('keeps at most MAX_AGGREGATED_CHARS of text and counts the rest', () => {
    const aggregator = createStreamAggregator(null, 0);
    const piece = 'x'.repeat(1000);
    const chunks = MAX_AGGREGATED_CHARS / 1000 + 50;
    for (let i = 0; i < chunks; i++) aggregator.onChunk(piece, i);
    const response = aggregator.result();
    assert.equal(response.output_text?.length, MAX_AGGREGATED_CHARS);
    assert.equal(response.extra.stream_chars_not_kept, String(50 * 1000));
    assert.equal(response.stream?.chunk_count, chunks);
  });

  it('assembles the text of a long stream in order and exactly, also when read between chunks', () => {
    const aggregator = createStreamAggregator(null, 0);
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      const piece = `t${i} `;
      aggregator.onChunk({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] }, i);
      expected += piece;
      if (i % 97 === 0 || i === 127 || i === 128) assert.equal(aggregator.result().output_text, expected, `after chunk ${i}`);
    }
    assert.equal(aggregator.result().output_text, expected);
    assert.equal(aggregator.result().output_messages[0]?.parts[0]?.type, 'text');
  });

  it('counts but otherwise ignores malformed chunks, and never throws', () => {
    const aggregator = createStreamAggregator(null, 10);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    for (const chunk of [null, undefined, 3, new Uint8Array(4), { type: 42 }, { choices: 'no' }, { type: 'content_block_delta' }, hostile]) {
      assert.doesNotThrow(() => aggregator.onChunk(chunk, 15));
    }
    const response = aggregator.result();
    assert.equal(response.stream?.chunk_count, 8);
    assert.equal(response.stream?.time_to_first_chunk_ms, 5);
  });
});
