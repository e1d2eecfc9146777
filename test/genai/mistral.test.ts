import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Mistral } from '@mistralai/mistralai';
import { aiCall } from '../../src/index.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';
import { traced } from './support/traced-session.js';

describe('mistral', () => {
  let server: FakeLlmServer;
  const request = { model: 'mistral-small-latest', messages: [{ role: 'user' as const, content: 'Capital of France?' }], temperature: 0.3 };

  class Agent {
    constructor(readonly mistral: Mistral) {}

    @aiCall({ name: 'complete' })
    complete(headers: Record<string, string> = {}) {
      return this.mistral.chat.complete(request, { fetchOptions: { headers } });
    }

    @aiCall({ name: 'stream' })
    stream() {
      return this.mistral.chat.stream(request);
    }
  }

  before(async () => {
    server = await startFakeLlmServer();
  });
  after(() => server.close());

  const agent = () => new Agent(new Mistral({ apiKey: 'test-key', serverURL: server.url }));

  it("records tokens, cost and finish reason from the SDK's camelCase response", async () => {
    const { result, events } = await traced(() => agent().complete());
    assert.equal(result.choices[0]?.message.content, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'mistral-small-latest');
    assert.equal(event.provider, 'mistral_ai');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    assert.ok(event.cost_usd !== null && event.cost_usd > 0);
    const record = event.call_records[0]!;
    assert.equal(record.finish_reason, 'stop');
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.usage?.cached_input_tokens, USAGE.cached);
  });

  it('records tool calls in camelCase', async () => {
    const { events } = await traced(() => agent().complete({ 'x-scenario': 'tools' }));
    const record = events[0]!.call_records[0]!;
    assert.equal(record.finish_reason, 'tool_calls');
    assert.deepEqual(record.tool_calls.map((call) => call.name), ['get_weather', 'get_time']);
  });

  it('observes a stream of { data: chunk } events: text, usage, finish reason', async () => {
    const { result, events } = await traced(async () => {
      let text = '';
      for await (const event of await agent().stream()) {
        const delta = event.data.choices[0]?.delta.content;
        if (typeof delta === 'string') text += delta;
      }
      return text;
    });
    assert.equal(result, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    const record = event.call_records[0]!;
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.finish_reason, 'stop');
    assert.equal(record.stream?.completed, true);
  });
});
