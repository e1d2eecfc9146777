import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessageLike } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { aiCall } from '../../src/index.js';
import { readAiResponse } from '../../src/genai/response.js';
import { createStreamAggregator } from '../../src/genai/streams.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';
import { traced } from './support/traced-session.js';

describe('langchain', () => {
  let server: FakeLlmServer;

  const chatModel = (headers: Record<string, string> = {}) =>
    new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'test-key', maxRetries: 0, configuration: { baseURL: `${server.url}/v1`, defaultHeaders: headers } });

  class Agent {
    constructor(readonly model: ChatOpenAI) {}

    @aiCall({ name: 'ask' })
    ask(question: string) {
      return this.model.invoke(question);
    }

    @aiCall({ name: 'chat' })
    chat(messages: BaseMessageLike[]) {
      return this.model.invoke(messages);
    }

    @aiCall({ name: 'batch' })
    batch(questions: string[]) {
      return this.model.batch(questions);
    }

    @aiCall({ name: 'stream' })
    stream(question: string) {
      return this.model.stream(question);
    }

    @aiCall({ name: 'weather' })
    weather(question: string) {
      const getWeather = tool(async ({ city }) => `Sunny in ${city}`, { name: 'get_weather', description: 'Weather of a city', schema: z.object({ city: z.string() }) });
      return this.model.bindTools([getWeather]).invoke(question);
    }
  }

  before(async () => {
    server = await startFakeLlmServer();
  });
  after(() => server.close());

  it('records model, provider, tokens, cost and finish reason of a ChatOpenAI invoke()', async () => {
    const agent = new Agent(chatModel());
    const { result, events } = await traced(() => agent.ask('Capital of France?'));
    assert.equal(result.content, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event.provider, 'openai');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    assert.ok(event.cost_usd !== null && event.cost_usd > 0);
    const record = event.call_records[0]!;
    assert.equal(record.api_type, 'langchain');
    assert.equal(record.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(record.usage?.reasoning_tokens, USAGE.reasoning);
    assert.equal(record.finish_reason, 'stop');
    assert.equal(record.output_text, ANSWER);
  });

  it('records a batch() as one call with the usage of every answer added up', async () => {
    const agent = new Agent(chatModel());
    const { result, events } = await traced(() => agent.batch(['Capital of France?', 'And of Italy?', 'And of Spain?']));
    assert.equal(result.length, 3);
    const event = events[0]!;
    assert.equal(event.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event.input_tokens, 3 * USAGE.input);
    assert.equal(event.output_tokens, 3 * USAGE.output);
    assert.equal(event.call_records.length, 1);
    assert.equal(event.call_records[0]!.output_messages.length, 3);
    assert.deepEqual(event.call_records[0]!.output_messages.map((m) => m.parts[0]?.text), [ANSWER, ANSWER, ANSWER]);
  });

  it('records the conversation a chat model was given: message objects and [role, text] pairs', async () => {
    const agent = new Agent(chatModel());
    const history = [
      new SystemMessage('Be brief.'),
      new HumanMessage('Weather in Paris?'),
      new AIMessage({ content: '', tool_calls: [{ id: 'call_1', name: 'get_weather', args: { city: 'Paris' } }] }),
      new ToolMessage({ content: 'Sunny', tool_call_id: 'call_1' }),
    ];
    const { events } = await traced(async () => {
      await agent.chat(history);
      await agent.chat([['system', 'Be brief.'], ['human', 'Capital?']]);
    });
    assert.deepEqual(events[0]!.call_records[0]!.input_messages, [
      { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Weather in Paris?' }] },
      { role: 'assistant', parts: [{ type: 'text', text: '' }, { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: 'Sunny' }] },
    ]);
    assert.deepEqual(events[1]!.call_records[0]!.input_messages, [
      { role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'text', text: 'Capital?' }] },
    ]);
  });

  it('records the tool calls of a model with bound tools', async () => {
    const agent = new Agent(chatModel({ 'x-scenario': 'tools' }));
    const { result, events } = await traced(() => agent.weather('Weather in Paris?'));
    assert.equal(result.tool_calls?.[0]?.name, 'get_weather');
    const record = events[0]!.call_records[0]!;
    assert.equal(record.finish_reason, 'tool_calls');
    assert.deepEqual(record.tool_calls, [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_2', name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ]);
  });

  it('observes a ChatOpenAI stream(): chunks, text, usage and time to first chunk', async () => {
    const agent = new Agent(chatModel());
    const { result, events } = await traced(async () => {
      let text = '';
      for await (const chunk of await agent.stream('Capital?')) text += typeof chunk.content === 'string' ? chunk.content : '';
      return text;
    });
    assert.equal(result, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    const record = event.call_records[0]!;
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.stream?.completed, true);
    assert.ok((record.stream?.chunk_count ?? 0) > 1);
    assert.ok(record.stream?.time_to_first_chunk_ms !== null);
  });

  it('reads an AI message in its serialised and plain forms as it reads the object', async () => {
    const message = await chatModel().invoke('Capital?');
    const fromObject = readAiResponse(message, null);
    const serialised = JSON.parse(JSON.stringify(message)) as unknown;
    assert.equal((serialised as { lc?: number }).lc, 1);
    const plain = { type: 'ai', content: message.content, response_metadata: message.response_metadata, usage_metadata: message.usage_metadata, tool_calls: message.tool_calls, id: message.id };
    for (const form of [serialised, plain]) {
      const read = readAiResponse(form, null);
      assert.deepEqual(read.usage, fromObject.usage);
      assert.equal(read.model, 'gpt-4o-mini-2024-07-18');
      assert.equal(read.output_text, ANSWER);
      assert.deepEqual(read.finish_reasons, ['stop']);
    }
  });

  it('adds up usage that Anthropic chunks report in parts, and reads thinking and tool input deltas', () => {
    // What ChatAnthropic.stream() yields (plain form): input counts first, output counts last.
    const chunks = [
      { type: 'ai', id: 'msg_1', content: '', response_metadata: { model: 'claude-haiku-4-5-20251001', model_provider: 'anthropic' }, usage_metadata: { input_tokens: 1200, output_tokens: 0, total_tokens: 1200, input_token_details: { cache_read: 1000 } } },
      { type: 'ai', content: [{ index: 0, type: 'thinking', thinking: 'Paris.' }], response_metadata: {} },
      { type: 'ai', content: [{ index: 1, type: 'text_delta', text: 'The capital ' }], response_metadata: {} },
      { type: 'ai', content: [{ index: 1, type: 'text_delta', text: 'is Paris.' }], response_metadata: {} },
      { type: 'ai', content: '', tool_call_chunks: [{ index: 2, id: 'toolu_1', name: 'get_weather', args: '{"city":' }], response_metadata: {} },
      { type: 'ai', content: '', tool_call_chunks: [{ index: 2, args: '"Paris"}' }], response_metadata: {} },
      { type: 'ai', content: '', response_metadata: { stop_reason: 'tool_use' }, usage_metadata: { input_tokens: 0, output_tokens: 300, total_tokens: 300 } },
    ];
    const aggregator = createStreamAggregator(null, 0);
    for (const chunk of chunks) aggregator.onChunk(chunk, 5);
    const response = aggregator.result();
    assert.equal(response.api, 'langchain');
    assert.equal(response.model, 'claude-haiku-4-5-20251001');
    assert.equal(response.usage?.input_tokens, 1200);
    assert.equal(response.usage?.output_tokens, 300);
    assert.equal(response.usage?.total_tokens, 1500);
    assert.equal(response.usage?.cached_input_tokens, 1000);
    assert.equal(response.output_text, 'The capital is Paris.');
    assert.equal(response.reasoning_text, 'Paris.');
    assert.deepEqual(response.tool_calls, [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    assert.deepEqual(response.finish_reasons, ['tool_use']);
    assert.equal(response.stream?.completed, true);
  });
});
