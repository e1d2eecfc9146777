import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, { AzureOpenAI } from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { createOpenAI } from '@ai-sdk/openai';
import { readAiRequest } from '../../src/genai/request.js';

describe('request', () => {
  it('reads model and parameters from an OpenAI chat request', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    const request = readAiRequest(
      [{ model: 'gpt-4o-mini', messages, temperature: 0.2, max_completion_tokens: 256, top_p: 0.9, stop: ['\n'], seed: 7, n: 2, tools: [{}, {}], tool_choice: 'auto', response_format: { type: 'json_schema' }, reasoning_effort: 'low', stream: true, frequency_penalty: 0.1, presence_penalty: 0.2 }],
      null,
      {},
    );
    assert.equal(request?.model, 'gpt-4o-mini');
    assert.equal(request?.api, 'chat');
    assert.equal(request?.messages, messages); // by reference, not copied
    assert.equal(request?.message_count, 2);
    assert.deepEqual(request?.params, {
      temperature: 0.2,
      max_tokens: 256,
      top_p: 0.9,
      stop: ['\n'],
      seed: 7,
      n: 2,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      tools_count: 2,
      tool_choice: 'auto',
      response_format: 'json_schema',
      reasoning_effort: 'low',
      stream: true,
    });
  });

  it('reads Anthropic, Responses, Gemini and AI SDK request shapes', () => {
    const anthropic = readAiRequest([{ model: 'claude-haiku-4-5', max_tokens: 100, system: 'Be brief.', messages: [], thinking: { type: 'enabled', budget_tokens: 2048 }, stop_sequences: ['END'] }], null, {});
    assert.deepEqual(anthropic?.params, { max_tokens: 100, stop: ['END'], thinking_budget: 2048 });
    assert.equal(anthropic?.system, 'Be brief.');

    const responses = readAiRequest([{ model: 'o4-mini', input: 'Hi', instructions: 'Be brief.', max_output_tokens: 50, reasoning: { effort: 'high' }, text: { format: { type: 'json_object' } }, previous_response_id: 'resp_1' }], null, {});
    assert.equal(responses?.api, 'responses');
    assert.deepEqual(responses?.params, { max_tokens: 50, response_format: 'json_object', reasoning_effort: 'high', previous_response_id: 'resp_1' });

    const gemini = readAiRequest([{ model: 'gemini-2.5-flash', contents: 'Hi', config: { temperature: 0.5, maxOutputTokens: 64, topK: 40, responseMimeType: 'application/json', thinkingConfig: { thinkingBudget: 512 }, systemInstruction: 'Be brief.' } }], null, {});
    assert.equal(gemini?.api, 'gemini');
    assert.deepEqual(gemini?.params, { temperature: 0.5, max_tokens: 64, top_k: 40, response_format: 'application/json', thinking_budget: 512 });

    const provider = createOpenAI({ apiKey: 'k', baseURL: 'http://127.0.0.1:1/v1' });
    const aiSdk = readAiRequest([{ model: provider('gpt-4o'), prompt: 'Hi', maxOutputTokens: 10, tools: { search: {}, fetch: {} } }], null, {});
    assert.equal(aiSdk?.api, 'ai-sdk');
    assert.equal(aiSdk?.model, 'gpt-4o');
    assert.equal(aiSdk?.provider, 'openai.responses');
    assert.deepEqual(aiSdk?.params, { max_tokens: 10, tools_count: 2 });
  });

  it('names the vendor behind an AI SDK model by the base URL of its OpenAI-compatible provider', () => {
    const openRouter = createOpenAI({ apiKey: 'k', baseURL: 'https://openrouter.ai/api/v1' });
    const request = readAiRequest([{ model: openRouter.chat('anthropic/claude-3.5-haiku'), prompt: 'Hi' }], null, {});
    assert.equal(request?.provider, 'openrouter');
    assert.equal(request?.client?.baseUrl, 'https://openrouter.ai/api/v1');
    const local = readAiRequest([{ model: createOpenAI({ apiKey: 'k', baseURL: 'http://127.0.0.1:8080/v1' }).chat('gpt-4o-mini'), prompt: 'Hi' }], null, {});
    assert.equal(local?.provider, 'openai.chat', 'an unknown host leaves the SDK\'s own provider id');
  });

  it('finds the request object among several arguments and prefers the options', () => {
    const request = readAiRequest(['trace-id', { model: 'gpt-4o', messages: [] }], null, { model: 'gpt-4.1', provider: 'azure' });
    assert.equal(request?.model, 'gpt-4.1');
    assert.equal(request?.provider, 'azure');
  });

  it('returns null when nothing tells of a model call, and a hint-only request when options do', () => {
    assert.equal(readAiRequest(['just a prompt'], {}, {}), null);
    const hinted = readAiRequest(['just a prompt'], {}, { model: 'gpt-4o-mini' });
    assert.equal(hinted?.model, 'gpt-4o-mini');
    assert.deepEqual(hinted?.params, {});
  });

  it('finds the SDK client on this or on one of its fields, with its base URL', () => {
    const openai = new OpenAI({ apiKey: 'k', baseURL: 'https://openrouter.ai/api/v1' });
    const agent = { name: 'agent', llm: openai };
    assert.deepEqual(readAiRequest([{ model: 'openai/gpt-4o' }], agent, {})?.client, { kind: 'openai', baseUrl: 'https://openrouter.ai/api/v1' });
    const azure = new AzureOpenAI({ apiKey: 'k', endpoint: 'https://acme.openai.azure.com', apiVersion: '2024-10-21' });
    assert.equal(readAiRequest([{ model: 'gpt-4o' }], { client: azure }, {})?.client?.kind, 'azure-openai');
    const anthropic = new Anthropic({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/' });
    assert.deepEqual(readAiRequest([{ model: 'claude-haiku-4-5' }], anthropic, {})?.client, { kind: 'anthropic', baseUrl: 'http://127.0.0.1:9/' });
    const google = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: 'http://127.0.0.1:9' } });
    assert.deepEqual(readAiRequest([{ model: 'gemini-2.5-flash', contents: 'x' }], { google }, {})?.client, { kind: 'google-genai', baseUrl: 'http://127.0.0.1:9' });
  });

  it('never throws, whatever the arguments and this', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    assert.doesNotThrow(() => readAiRequest([hostile, null, 3], hostile, {}));
    assert.doesNotThrow(() => readAiRequest([{ model: hostile, messages: hostile, config: hostile }], { field: hostile }, {}));
  });
});
