import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import type { RunnableToolFunctionWithoutParse } from 'openai/lib/RunnableFunction';
import Anthropic from '@anthropic-ai/sdk';
import { aiCall } from '../../src/index.js';
import { ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';
import { traced } from './support/traced-session.js';

const HAIKU = { model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user' as const, content: 'Capital?' }] };
const MINI = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Capital?' }], stream_options: { include_usage: true } };

describe('sdk-stream-helpers', () => {
  let server: FakeLlmServer;
  let openai: OpenAI;
  let claude: Anthropic;

  class Agent {
    @aiCall({ name: 'claude' })
    claude(headers: Record<string, string> = {}) {
      return claude.messages.stream(HAIKU, { headers });
    }

    @aiCall({ name: 'claude-async' })
    async claudeLater() {
      return claude.messages.stream(HAIKU);
    }

    @aiCall({ name: 'chat' })
    chat() {
      return openai.chat.completions.stream(MINI);
    }

    @aiCall({ name: 'run-tools' })
    runTools(stream: boolean) {
      const tools: RunnableToolFunctionWithoutParse[] = [
        { type: 'function' as const, function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } }, function: (args: string) => `Sunny in ${JSON.parse(args).city}` } },
        { type: 'function' as const, function: { name: 'get_time', description: 'Time in a zone', parameters: { type: 'object', properties: { tz: { type: 'string' } } }, function: () => '09:00' } },
      ];
      const headers = { headers: { 'x-scenario': 'tools' } };
      return stream ? openai.chat.completions.runTools({ ...MINI, tools, stream: true }, headers) : openai.chat.completions.runTools({ model: MINI.model, messages: MINI.messages, tools }, headers);
    }

    @aiCall({ name: 'responses' })
    respond() {
      return openai.responses.stream({ model: 'o4-mini', input: 'Capital?' });
    }
  }

  before(async () => {
    server = await startFakeLlmServer();
    openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1`, maxRetries: 0 });
    claude = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  after(() => server.close());

  it("records an Anthropic messages.stream() consumed through its own events and finalMessage()", async () => {
    const agent = new Agent();
    const { result, events } = await traced(async () => {
      const stream = agent.claude();
      let text = '';
      stream.on('text', (piece) => (text += piece));
      const message = await stream.finalMessage();
      return { text, message };
    });
    assert.equal(result.text, ANSWER);
    assert.equal(result.message.usage.output_tokens, USAGE.output);
    assert.equal(events.length, 1);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'claude-haiku-4-5-20251001');
    assert.equal(event.provider, 'anthropic');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    assert.ok(event.cost_usd !== null && event.cost_usd > 0);
    const record = event.call_records[0]!;
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.finish_reason, 'end_turn');
    assert.equal(record.stream?.completed, true);
    assert.ok((record.stream?.chunk_count ?? 0) > 0);
    assert.ok(record.stream?.time_to_first_chunk_ms !== null && record.stream!.time_to_first_chunk_ms! >= 0);
    assert.match(record.provider_request_id ?? '', /^req_ant_/, 'the helper\'s own request_id');
  });

  it('counts each event once when the helper is iterated with for await, and the iteration is unchanged', async () => {
    const agent = new Agent();
    const { result, events } = await traced(async () => {
      const types: string[] = [];
      for await (const event of agent.claude()) types.push(event.type);
      return types;
    });
    assert.equal(result[0], 'message_start');
    assert.equal(result.at(-1), 'message_stop');
    const record = events[0]!.call_records[0]!;
    assert.equal(events[0]!.status, 'ok');
    assert.equal(record.stream?.chunk_count, result.length);
    assert.equal(record.output_text, ANSWER);
  });

  it('records a helper returned by an async method', async () => {
    const agent = new Agent();
    const { result, events } = await traced(async () => (await agent.claudeLater()).finalText());
    assert.equal(result, ANSWER);
    assert.equal(events[0]!.status, 'ok');
    assert.equal(events[0]!.output_tokens, USAGE.output);
  });

  it('completes a helper nobody reads when the SDK has read it, not as cancelled', async () => {
    const agent = new Agent();
    let stream: ReturnType<Agent['claude']> | undefined;
    const { events } = await traced(async () => {
      stream = agent.claude();
      await stream.done();
    });
    assert.ok(stream?.ended);
    assert.equal(events[0]!.status, 'ok');
    assert.equal(events[0]!.call_records[0]!.output_text, ANSWER);
  });

  it('records an OpenAI chat.completions.stream() consumed through finalChatCompletion()', async () => {
    const agent = new Agent();
    const { result, events } = await traced(async () => {
      const stream = agent.chat();
      let content = '';
      stream.on('content', (delta) => (content += delta));
      const completion = await stream.finalChatCompletion();
      return { content, completion };
    });
    assert.equal(result.content, ANSWER);
    assert.equal(result.completion.usage?.total_tokens, USAGE.input + USAGE.output);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event.provider, 'openai');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.call_records[0]!.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(event.call_records[0]!.finish_reason, 'stop');
    assert.equal(event.call_records[0]!.output_text, ANSWER);
  });

  it('records a tool runner as one call: the tokens of every round, every tool call, the final answer', async () => {
    for (const stream of [false, true]) {
      const agent = new Agent();
      const { result, events } = await traced(async () => {
        const runner = agent.runTools(stream);
        return { content: await runner.finalContent(), usage: await runner.totalUsage(), rounds: runner.allChatCompletions().length };
      });
      assert.equal(result.content, ANSWER, `stream=${stream}`);
      assert.equal(result.rounds, 2);
      const event = events[0]!;
      assert.equal(event.status, 'ok');
      assert.equal(event.input_tokens, result.usage.prompt_tokens, `stream=${stream}: input tokens of both rounds`);
      assert.equal(event.output_tokens, 2 * USAGE.output);
      const record = event.call_records[0]!;
      assert.equal(record.output_text, ANSWER);
      assert.equal(record.finish_reason, 'stop');
      assert.deepEqual(record.tool_calls.map((call) => call.name), ['get_weather', 'get_time']);
    }
  });

  it('records an OpenAI responses.stream() consumed through finalResponse()', async () => {
    const agent = new Agent();
    const { result, events } = await traced(async () => agent.respond().finalResponse());
    assert.equal(result.output_text, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.call_records[0]!.api_type, 'openai.responses');
    assert.equal(event.output_tokens, USAGE.output);
    assert.equal(event.call_records[0]!.usage?.reasoning_tokens, USAGE.reasoning);
    assert.equal(event.call_records[0]!.output_text, ANSWER);
  });

  it('records a helper whose stream is cut as an error, and the user still sees the error where they would', async () => {
    const agent = new Agent();
    const seen: unknown[] = [];
    const { events } = await traced(async () => {
      const stream = agent.claude({ 'x-scenario': 'cut' });
      stream.on('error', (error) => seen.push(error));
      await assert.rejects(stream.finalMessage());
    });
    assert.equal(seen.length, 1, "the user's error listener fired once");
    const event = events[0]!;
    assert.equal(event.status, 'error');
    assert.ok(event.error?.message);
    assert.equal(event.call_records[0]!.stream?.completed, false);
  });

  it('records an aborted helper as cancelled', async () => {
    const agent = new Agent();
    const { events } = await traced(async () => {
      const stream = agent.claude({ 'x-delay-ms': '20' });
      stream.on('text', () => stream.abort());
      await assert.rejects(stream.done());
    });
    assert.equal(events[0]!.status, 'cancelled');
    assert.ok((events[0]!.call_records[0]!.stream?.chunk_count ?? 0) > 0);
  });

  it('leaves an unhandled helper error unhandled, as it is without the decorator', () => {
    const script = fileURLToPath(new URL('./support/unhandled-helper-error.js', import.meta.url));
    for (const decorated of ['0', '1']) {
      const run = spawnSync(process.execPath, [script, decorated], { encoding: 'utf8', timeout: 30_000 });
      assert.notEqual(run.status, 0, `decorated=${decorated}: the process must fail on the unhandled rejection`);
      assert.match(run.stderr, /terminated|Connection error|premature|aborted|ECONNRESET|socket/i, `decorated=${decorated}: ${run.stderr.slice(0, 400)}`);
    }
  });
});
