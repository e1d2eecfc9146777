import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { readAiRequest } from '../../src/genai/request.js';
import { readAiResponse } from '../../src/genai/response.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('response', () => {
  let server: FakeLlmServer;
  let openai: OpenAI;
  let anthropic: Anthropic;

  before(async () => {
    server = await startFakeLlmServer();
    openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  after(() => server.close());

  it('reads model, usage, finish reason, text and request id from an OpenAI chat completion', async () => {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Capital of France?' }], temperature: 0.2 };
    const result = await openai.chat.completions.create(body);
    const response = readAiResponse(result, readAiRequest([body], null, {}));
    assert.equal(response.api, 'openai.chat');
    assert.equal(response.model, 'gpt-4o-mini-2024-07-18');
    assert.match(response.request_id ?? '', /^req_chat_\d+$/);
    assert.match(response.response_id ?? '', /^chatcmpl-\d+$/);
    assert.equal(response.output_text, ANSWER);
    assert.deepEqual(response.finish_reasons, ['stop']);
    assert.deepEqual(response.usage, {
      input_tokens: USAGE.input,
      output_tokens: USAGE.output,
      total_tokens: USAGE.input + USAGE.output,
      cached_input_tokens: USAGE.cached,
      cache_creation_input_tokens: null,
      reasoning_tokens: USAGE.reasoning,
    });
    assert.equal(response.extra.system_fingerprint, 'fp_fake');
  });

  it('reads the same facts from plain JSON of a chat completion, except the non-enumerable request id', async () => {
    const result = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    const fromSdk = readAiResponse(result, null);
    const fromJson = readAiResponse(plain(result), null);
    assert.equal(fromJson.request_id, null);
    assert.deepEqual({ ...fromJson, request_id: fromSdk.request_id }, fromSdk);
  });

  it('reads tool calls with their arguments when the model calls tools', async () => {
    const result = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather?' }] }, { headers: { 'x-scenario': 'tools' } });
    const response = readAiResponse(result, null);
    assert.deepEqual(response.finish_reasons, ['tool_calls']);
    assert.deepEqual(response.tool_calls, [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_2', name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ]);
    assert.equal(response.output_text, null);
  });

  it('reads the request id and body from .withResponse()', async () => {
    const { data, request_id } = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }).withResponse();
    const wrapped = readAiResponse({ data, response: {}, request_id }, null);
    assert.equal(wrapped.request_id, request_id);
    assert.equal(wrapped.output_text, ANSWER);
  });

  it('reads an OpenAI Responses API response with reasoning summary, usage and tool calls', async () => {
    const body = { model: 'o4-mini', input: 'Capital of France?', reasoning: { effort: 'low' as const } };
    const result = await openai.responses.create(body);
    const response = readAiResponse(result, readAiRequest([body], null, {}));
    assert.equal(response.api, 'openai.responses');
    assert.equal(response.model, 'o4-mini-2025-04-16');
    assert.match(response.request_id ?? '', /^req_resp_\d+$/);
    assert.equal(response.output_text, ANSWER);
    assert.equal(response.reasoning_text, 'The user asks for a capital.');
    assert.deepEqual(response.finish_reasons, ['stop']);
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.equal(response.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(response.usage?.reasoning_tokens, USAGE.reasoning);

    const tools = readAiResponse(await openai.responses.create(body, { headers: { 'x-scenario': 'tools' } }), null);
    assert.deepEqual(tools.tool_calls, [{ id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    assert.deepEqual(tools.finish_reasons, ['tool_calls']);
    assert.deepEqual(readAiResponse(plain(result), null).usage, response.usage);
  });

  it('reads an Anthropic message: input tokens include cache reads and writes, tool input stays an object', async () => {
    const result = await anthropic.messages.create(
      { model: 'claude-haiku-4-5', max_tokens: 512, messages: [{ role: 'user', content: 'Weather in Paris?' }] },
      { headers: { 'x-scenario': 'tools' } },
    );
    const response = readAiResponse(result, null);
    assert.equal(response.api, 'anthropic.messages');
    assert.equal(response.model, 'claude-haiku-4-5-20251001');
    assert.match(response.request_id ?? '', /^req_ant_\d+$/);
    assert.deepEqual(response.usage, {
      input_tokens: USAGE.input,
      output_tokens: USAGE.output,
      total_tokens: USAGE.input + USAGE.output,
      cached_input_tokens: USAGE.cached,
      cache_creation_input_tokens: USAGE.cacheWrite,
      reasoning_tokens: null,
    });
    assert.deepEqual(response.finish_reasons, ['tool_use']);
    assert.deepEqual(response.tool_calls, [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } }]);
    assert.equal(response.output_text, 'Let me check.');
    assert.equal(response.reasoning_text, 'Paris is the capital.');
    assert.deepEqual(readAiResponse(plain(result), null).usage, response.usage);
  });

  it('reads a Gemini generateContent response: output includes thinking tokens', async () => {
    const google = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
    const result = await google.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Capital of France?' });
    const response = readAiResponse(result, null);
    assert.equal(response.api, 'gemini');
    assert.equal(response.model, 'gemini-2.5-flash');
    assert.match(response.response_id ?? '', /^gem_\d+$/);
    assert.equal(response.output_text, ANSWER);
    assert.deepEqual(response.finish_reasons, ['STOP']);
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.equal(response.usage?.output_tokens, USAGE.output);
    assert.equal(response.usage?.reasoning_tokens, USAGE.reasoning);
    assert.equal(response.usage?.cached_input_tokens, USAGE.cached);
    assert.deepEqual(readAiResponse(plain(result), null).usage, response.usage);
  });

  it('reads a Vercel AI SDK generateText result', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const args = { model: provider.chat('gpt-4o-mini'), prompt: 'Capital of France?', temperature: 0.3 };
    const result = await generateText(args);
    const request = readAiRequest([args], null, {});
    assert.equal(request?.model, 'gpt-4o-mini');
    assert.equal(request?.provider, 'openai.chat');
    const response = readAiResponse(result, request);
    assert.equal(response.api, 'ai-sdk');
    assert.equal(response.model, 'gpt-4o-mini-2024-07-18');
    assert.equal(response.output_text, ANSWER);
    assert.deepEqual(response.finish_reasons, ['stop']);
    assert.equal(response.usage?.input_tokens, USAGE.input);
    assert.equal(response.usage?.output_tokens, USAGE.output);
    assert.equal(response.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(response.usage?.reasoning_tokens, USAGE.reasoning);
  });

  it('records what it can of unknown shapes and never throws', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, has: () => { throw new Error('boom'); } });
    for (const value of [undefined, null, 42, 'plain text', [], { foo: 1 }, hostile, { usage: 'nonsense', model: 7 }]) {
      assert.doesNotThrow(() => readAiResponse(value, null));
    }
    assert.equal(readAiResponse('plain text', null).output_text, 'plain text');
    const partial = readAiResponse({ model: 'my-model', usage: { prompt_tokens: 3, completion_tokens: 4 }, text: 'hi' }, null);
    assert.equal(partial.model, 'my-model');
    assert.equal(partial.usage?.total_tokens, 7);
    assert.equal(partial.output_text, 'hi');
  });
});
