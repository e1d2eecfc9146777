import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ollama, type ChatRequest } from 'ollama';
import { aiCall } from '../../src/index.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';
import { traced } from './support/traced-session.js';

describe('ollama', () => {
  let server: FakeLlmServer;

  class Agent {
    constructor(readonly ollama: Ollama) {}

    @aiCall({ name: 'chat' })
    chat(request: ChatRequest & { stream?: false }) {
      return this.ollama.chat(request);
    }

    @aiCall({ name: 'stream' })
    stream(request: ChatRequest) {
      return this.ollama.chat({ ...request, stream: true });
    }

    @aiCall({ name: 'generate' })
    generate(prompt: string) {
      return this.ollama.generate({ model: 'llama3.2', prompt });
    }
  }

  const client = (headers: Record<string, string> = {}) => new Ollama({ host: server.url, headers });
  const question = { model: 'llama3.2', messages: [{ role: 'user', content: 'Capital of France?' }], options: { temperature: 0.2, num_predict: 64 } };

  before(async () => {
    server = await startFakeLlmServer();
  });
  after(() => server.close());

  it('records model, provider, tokens, finish reason, text and request options of a chat', async () => {
    const agent = new Agent(client());
    const { result, events } = await traced(() => agent.chat(question));
    assert.equal(result.message.content, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'llama3.2');
    assert.equal(event.provider, 'ollama');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    assert.equal(event.total_tokens, USAGE.input + USAGE.output);
    const record = event.call_records[0]!;
    assert.equal(record.api_type, 'ollama.chat');
    assert.equal(record.finish_reason, 'stop');
    assert.equal(record.output_text, ANSWER);
    assert.deepEqual(record.request_params, { model: 'llama3.2', temperature: 0.2, max_tokens: 64 });
    assert.deepEqual(record.input_messages, [{ role: 'user', parts: [{ type: 'text', text: 'Capital of France?' }] }]);
  });

  it('records the tool calls of a chat', async () => {
    const agent = new Agent(client({ 'x-scenario': 'tools' }));
    const { events } = await traced(() => agent.chat(question));
    assert.deepEqual(events[0]!.call_records[0]!.tool_calls, [{ id: null, name: 'get_weather', arguments: '{"city":"Paris"}' }]);
  });

  it('observes a chat stream: chunks, text, usage from the last line, time to first chunk', async () => {
    const agent = new Agent(client());
    const { result, events } = await traced(async () => {
      let text = '';
      for await (const part of await agent.stream(question)) text += part.message.content;
      return text;
    });
    assert.equal(result, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.provider, 'ollama');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    const record = event.call_records[0]!;
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.stream?.completed, true);
    assert.ok((record.stream?.chunk_count ?? 0) > 1);
    assert.ok(record.stream?.time_to_first_chunk_ms !== null);
  });

  it('records an early-broken stream as cancelled and a cut one as an error', async () => {
    const { events } = await traced(async () => {
      for await (const part of await new Agent(client()).stream(question)) {
        void part;
        break;
      }
      await assert.rejects(async () => {
        for await (const part of await new Agent(client({ 'x-scenario': 'cut' })).stream(question)) void part;
      });
    });
    assert.deepEqual(events.map((e) => e.status), ['cancelled', 'error']);
    assert.equal(events[0]!.call_records[0]!.stream?.chunk_count, 1);
  });

  it('records a generate call', async () => {
    const agent = new Agent(client());
    const { result, events } = await traced(() => agent.generate('Capital?'));
    assert.equal(result.response, ANSWER);
    const record = events[0]!.call_records[0]!;
    assert.equal(record.api_type, 'ollama.generate');
    assert.equal(record.output_text, ANSWER);
    assert.equal(events[0]!.output_tokens, USAGE.output);
  });
});
