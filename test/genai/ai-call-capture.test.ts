import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { generateObject, generateText, stepCountIs, streamObject, streamText, tool } from 'ai';
import { z } from 'zod';
import { createOpenAI } from '@ai-sdk/openai';
import { aiCall, configure, withAiCall } from '../../src/index.js';
import { ANSWER, JSON_ANSWER, USAGE, startFakeLlmServer, type FakeLlmServer } from './support/fake-llm-server.js';
import { traced } from './support/traced-session.js';

/** A function recorded as one @aiCall named `run`. */
const withAiCallFor = <R>(fn: () => R) => withAiCall({ name: 'run' }, fn);

const chatCost = ((USAGE.input - USAGE.cached) * 0.15 + USAGE.cached * 0.075 + USAGE.output * 0.6) / 1e6;

describe('ai-call-capture', () => {
  let server: FakeLlmServer;
  let client: OpenAI;
  let claude: Anthropic;

  class Agent {
    constructor(readonly llm: OpenAI) {}

    @aiCall({ name: 'complete' })
    complete(body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming) {
      return this.llm.chat.completions.create(body);
    }

    @aiCall({ name: 'think' })
    think(question: string, headers: Record<string, string> = {}) {
      return this.llm.chat.completions.create({ model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user', content: question }] }, { headers });
    }

    @aiCall({ name: 'stream' })
    stream(question: string, headers: Record<string, string> = {}) {
      return this.llm.chat.completions.create(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], stream: true, stream_options: { include_usage: true } },
        { headers },
      );
    }

    @aiCall({ name: 'outer' })
    async outer(question: string) {
      return this.think(question);
    }

    @aiCall({ name: 'streamWithResponse' })
    streamWithResponse(question: string) {
      return this.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], stream: true, stream_options: { include_usage: true } }).withResponse();
    }

    @aiCall({ name: 'relayChunks' })
    async *relayChunks(question: string) {
      const stream = await this.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }], stream: true, stream_options: { include_usage: true } });
      for await (const chunk of stream) yield chunk;
    }

    @aiCall({ name: 'outerStream' })
    async outerStream(question: string) {
      return this.stream(question);
    }

    @aiCall({ name: 'fanOut' })
    fanOut(questions: string[]) {
      return Promise.all(questions.map((question) => this.think(question)));
    }

    @aiCall({ name: 'fanOutRaw' })
    fanOutRaw(questions: string[]) {
      return Promise.all(questions.map((question) => this.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] })));
    }
  }

  before(async () => {
    server = await startFakeLlmServer();
    client = new OpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1`, maxRetries: 0 });
    claude = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  after(() => server.close());

  it('records model, provider, tokens, cost, finish reason and request id of a decorated OpenAI call', async () => {
    const agent = new Agent(client);
    const { result, events } = await traced(() => agent.complete({ model: 'gpt-4o-mini', temperature: 0, messages: [{ role: 'user', content: 'Capital of France?' }] }));
    assert.equal(result.choices[0]?.message.content, ANSWER);
    assert.equal(events.length, 1);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event.provider, 'openai');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.output_tokens, USAGE.output);
    assert.equal(event.total_tokens, USAGE.input + USAGE.output);
    assert.equal(event.cost_usd, chatCost);
    const record = event.call_records[0]!;
    assert.equal(record.finish_reason, 'stop');
    assert.match(record.provider_request_id ?? '', /^req_chat_/);
    assert.equal(record.usage?.cached_input_tokens, USAGE.cached);
    assert.equal(record.usage?.reasoning_tokens, USAGE.reasoning);
    assert.deepEqual(record.input_messages, [{ role: 'user', parts: [{ type: 'text', text: 'Capital of France?' }] }]);
    assert.equal(record.request_params.temperature, 0);
  });

  it(
    'records the request a method builds itself (model, params, messages from the SDK call)',
    async () => {
      const agent = new Agent(client);
      const { events } = await traced(() => agent.think('Capital of France?'));
      const record = events[0]!.call_records[0]!;
      assert.equal(record.request_params.model, 'gpt-4o-mini');
      assert.equal(record.request_params.temperature, 0);
      assert.deepEqual(record.input_messages, [{ role: 'user', parts: [{ type: 'text', text: 'Capital of France?' }] }]);
    },
  );

  it('keeps .withResponse() working on what a decorated method returns', async () => {
    const agent = new Agent(client);
    const { result, events } = await traced(async () => agent.think('Hi').withResponse());
    assert.match(result.request_id ?? '', /^req_chat_/);
    assert.equal(result.data.choices[0]?.message.content, ANSWER);
    assert.equal(result.response.status, 200);
    assert.equal(events[0]?.input_tokens, USAGE.input);
  });

  it('records tool calls with their arguments', async () => {
    const agent = new Agent(client);
    const { events } = await traced(() => agent.think('Weather?', { 'x-scenario': 'tools' }));
    const record = events[0]!.call_records[0]!;
    assert.equal(record.finish_reason, 'tool_calls');
    assert.deepEqual(record.tool_calls, [
      { id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_time_2', name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ]);
  });

  it('keeps prompts, answers and tool arguments out of the call records when content is not captured, and the rest in', async () => {
    const agent = new Agent(client);
    configure({ captureContent: false });
    try {
      const { events } = await traced(async () => {
        await agent.think('my secret question', { 'x-scenario': 'tools' });
        for await (const chunk of await agent.stream('another secret')) void chunk;
      });
      const [built, streamed] = events.map((event) => event.call_records[0]!);
      for (const record of [built!, streamed!]) {
        assert.deepEqual(record.input_messages, []);
        assert.deepEqual(record.output_messages, []);
        assert.equal(record.output_text, null);
        assert.equal(record.request_params.model, 'gpt-4o-mini');
        assert.equal(record.usage?.input_tokens, USAGE.input);
        assert.ok(record.cost_usd !== null && record.cost_usd > 0);
      }
      assert.deepEqual(built!.tool_calls, [
        { id: 'call_weather_1', name: 'get_weather', arguments: null },
        { id: 'call_time_2', name: 'get_time', arguments: null },
      ]);
      assert.equal(built!.finish_reason, 'tool_calls');
      assert.equal(streamed!.stream?.chunk_count, 9);
      assert.doesNotMatch(JSON.stringify(events), /secret|Paris/);
    } finally {
      configure({ captureContent: true });
    }
  });

  it('leaves the prompt out with captureInput: false and the answer out with captureOutput: false', async () => {
    class Quiet {
      constructor(readonly llm: OpenAI) {}

      @aiCall({ captureInput: false })
      ask(question: string) {
        return this.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
      }

      @aiCall({ captureOutput: false })
      tell(question: string) {
        return this.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
      }
    }
    const quiet = new Quiet(client);
    const { events } = await traced(async () => {
      await quiet.ask('Capital?');
      await quiet.tell('Capital?');
    });
    const [asked, told] = events.map((event) => event.call_records[0]!);
    assert.deepEqual(asked!.input_messages, []);
    assert.equal(asked!.output_text, ANSWER);
    assert.deepEqual(told!.input_messages, [{ role: 'user', parts: [{ type: 'text', text: 'Capital?' }] }]);
    assert.equal(told!.output_text, null);
  });

  it('observes a stream as it is consumed: chunks, text, usage, time to first chunk', async () => {
    const agent = new Agent(client);
    let text = '';
    const { events } = await traced(async () => {
      const stream = await agent.stream('Capital?');
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    });
    assert.equal(text, ANSWER);
    const event = events[0]!;
    assert.equal(event.status, 'ok');
    assert.equal(event.input_tokens, USAGE.input);
    assert.equal(event.cost_usd, chatCost);
    const record = event.call_records[0]!;
    assert.equal(record.output_text, ANSWER);
    assert.equal(record.stream?.chunk_count, 9);
    assert.equal(record.stream?.completed, true);
    const ttfc = record.stream?.time_to_first_chunk_ms;
    assert.ok(typeof ttfc === 'number' && ttfc >= 0 && ttfc <= event.duration_ms, `time to first chunk ${ttfc} within ${event.duration_ms}`);
  });

  it('keeps tee() and toReadableStream() of an observed OpenAI stream working, and records what they read', async () => {
    const agent = new Agent(client);
    const { events } = await traced(async () => {
      const [left, right] = (await agent.stream('Capital?')).tee();
      const read = async (stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) => {
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      };
      assert.deepEqual(await Promise.all([read(left), read(right)]), [ANSWER, ANSWER]);

      const readable = (await agent.stream('Capital?')).toReadableStream();
      const reader = readable.getReader();
      let raw = '';
      const decoder = new TextDecoder();
      for (let next = await reader.read(); !next.done; next = await reader.read()) raw += decoder.decode(next.value as Uint8Array, { stream: true });
      const joined = raw
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as OpenAI.Chat.Completions.ChatCompletionChunk).choices[0]?.delta.content ?? '')
        .join('');
      assert.equal(joined, ANSWER);
    });
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.equal(event.status, 'ok');
      assert.equal(event.input_tokens, USAGE.input);
      assert.equal(event.call_records[0]!.output_text, ANSWER);
      assert.equal(event.call_records[0]!.stream?.chunk_count, 9);
    }
  });

  it('observes the stream of a returned .withResponse(), as the consumer reads its data', async () => {
    const agent = new Agent(client);
    let text = '';
    const { events } = await traced(async () => {
      const { data, request_id } = await agent.streamWithResponse('Capital?');
      assert.match(request_id ?? '', /^req_chat_/);
      for await (const chunk of data) text += chunk.choices[0]?.delta.content ?? '';
    });
    assert.equal(text, ANSWER);
    assert.equal(events[0]!.status, 'ok');
    assert.equal(events[0]!.input_tokens, USAGE.input);
    assert.equal(events[0]!.call_records[0]!.output_text, ANSWER);
    assert.equal(events[0]!.call_records[0]!.stream?.chunk_count, 9);
  });

  it('reads the chunks an async generator method yields as a stream, and a break as cancelled', async () => {
    const agent = new Agent(client);
    let text = '';
    const { events } = await traced(async () => {
      for await (const chunk of agent.relayChunks('Capital?')) text += chunk.choices[0]?.delta.content ?? '';
      for await (const chunk of agent.relayChunks('Capital?')) {
        void chunk;
        break;
      }
    });
    assert.equal(text, ANSWER);
    const [full, broken] = events;
    assert.equal(full!.status, 'ok');
    assert.equal(full!.input_tokens, USAGE.input);
    assert.equal(full!.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(full!.call_records[0]!.output_text, ANSWER);
    assert.equal(full!.call_records[0]!.stream?.chunk_count, 9);
    assert.equal(broken!.status, 'cancelled');
    assert.equal(broken!.call_records[0]!.stream?.chunk_count, 1);
  });

  it('records a Responses API stream that ends in response.failed as an error, with the provider\'s code and message', async () => {
    const failed = { id: 'resp_f1', object: 'response', status: 'failed', model: 'gpt-4.1-2025-04-14', output: [], error: { code: 'server_error', message: 'The model produced invalid content.' }, usage: null };
    const events = [
      { type: 'response.created', sequence_number: 0, response: { ...failed, status: 'in_progress', error: null } },
      { type: 'response.failed', sequence_number: 1, response: failed },
    ];
    // An async iterable as the SDK's Stream is one, and an async generator: the two ways a stream is observed.
    const asIterable = () => ({ async *[Symbol.asyncIterator]() { yield* events; } });
    async function* asGenerator() {
      yield* events;
    }
    for (const produce of [asIterable, asGenerator]) {
      const ask = withAiCall({ name: 'ask' }, (_request: { model: string; input: string; stream: true }) => produce());
      const { events: recorded } = await traced(async () => {
        for await (const event of ask({ model: 'gpt-4.1', input: 'Hi', stream: true })) void event;
      });
      assert.equal(recorded[0]!.status, 'error', produce.name);
      assert.equal(recorded[0]!.error?.type, 'server_error');
      assert.equal(recorded[0]!.error?.message, 'The model produced invalid content.');
      assert.equal(recorded[0]!.model_name, 'gpt-4.1-2025-04-14');
    }
  });

  it('completes a stream aborted through its controller as cancelled', async () => {
    const agent = new Agent(client);
    const { events } = await traced(async () => {
      const stream = await agent.stream('Capital?');
      let pulled = 0;
      for await (const chunk of stream) {
        void chunk;
        if (++pulled === 2) stream.controller.abort();
      }
    });
    assert.equal(events[0]!.status, 'cancelled');
    assert.ok((events[0]!.call_records[0]!.stream?.chunk_count ?? 0) >= 2);
  });

  it('completes an early-broken stream as cancelled with what was pulled', async () => {
    const agent = new Agent(client);
    const { events } = await traced(async () => {
      let pulled = 0;
      for await (const chunk of await agent.stream('Capital?')) {
        void chunk;
        if (++pulled === 3) break;
      }
    });
    const event = events[0]!;
    assert.equal(event.status, 'cancelled');
    assert.equal(event.call_records[0]!.stream?.chunk_count, 3);
    assert.equal(event.call_records[0]!.stream?.completed, false);
  });

  it('records a stream that errors midway as an error with its partial aggregate', async () => {
    const agent = new Agent(client);
    const { events } = await traced(async () => {
      await assert.rejects(async () => {
        for await (const chunk of await agent.stream('Capital?', { 'x-scenario': 'cut' })) void chunk;
      });
    });
    const event = events[0]!;
    assert.equal(event.status, 'error');
    assert.ok((event.call_records[0]!.stream?.chunk_count ?? 0) > 0);
    assert.equal(event.call_records[0]!.stream?.completed, false);
    assert.ok(ANSWER.startsWith(event.call_records[0]!.output_text ?? 'x'));
  });

  it('completes a stream never consumed as cancelled when the session ends', async () => {
    const agent = new Agent(client);
    let stream: Awaited<ReturnType<Agent['stream']>> | undefined;
    const { events } = await traced(async () => {
      stream = await agent.stream('Capital?');
    });
    stream?.controller.abort();
    assert.equal(events.length, 1);
    assert.equal(events[0]!.status, 'cancelled');
    assert.equal(events[0]!.call_records[0]!.stream?.chunk_count ?? 0, 0);
  });

  it('counts once an @aiCall that passes the stream of an inner @aiCall through', async () => {
    const agent = new Agent(client);
    let text = '';
    const { events } = await traced(async () => {
      for await (const chunk of await agent.outerStream('Capital?')) text += chunk.choices[0]?.delta.content ?? '';
    });
    assert.equal(text, ANSWER);
    const inner = events.find((e) => e.name === 'stream')!;
    const outer = events.find((e) => e.name === 'outerStream')!;
    assert.equal(inner.input_tokens, USAGE.input);
    assert.equal(inner.call_records[0]!.output_text, ANSWER);
    assert.equal(outer.input_tokens, null);
    assert.equal(outer.cost_usd, null);
    assert.deepEqual(outer.call_records, []);
  });

  it('counts an @aiCall inside an @aiCall once', async () => {
    const agent = new Agent(client);
    const { events } = await traced(() => agent.outer('Capital?'));
    assert.equal(events.length, 2);
    const inputTotal = events.reduce((sum, e) => sum + (e.input_tokens ?? 0), 0);
    const costTotal = events.reduce((sum, e) => sum + (e.cost_usd ?? 0), 0);
    assert.equal(inputTotal, USAGE.input);
    assert.equal(costTotal, chatCost);
    const inner = events.find((e) => e.name === 'think')!;
    const outer = events.find((e) => e.name === 'outer')!;
    assert.equal(inner.input_tokens, USAGE.input);
    assert.equal(outer.input_tokens, null);
    assert.equal(inner.parent_span_id, outer.span_id);
  });

  it('adds up the answers a method returns together, and counts those of inner @aiCalls once', async () => {
    const agent = new Agent(client);
    const raw = await traced(() => agent.fanOutRaw(['Capital?', 'Weather?']));
    assert.equal(raw.events.length, 1);
    assert.equal(raw.events[0]!.input_tokens, 2 * USAGE.input);
    assert.equal(raw.events[0]!.cost_usd, 2 * chatCost);
    const nested = await traced(() => agent.fanOut(['Capital?', 'Weather?']));
    const total = nested.events.reduce((sum, e) => sum + (e.input_tokens ?? 0), 0);
    assert.equal(nested.events.length, 3);
    assert.equal(total, 2 * USAGE.input);
    assert.equal(nested.events.find((e) => e.name === 'fanOut')!.input_tokens, null);
  });

  it('records a decorated Anthropic call and stream', async () => {
    class Claude {
      constructor(readonly client: Anthropic) {}
      @aiCall()
      ask(stream: boolean) {
        return this.client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Weather?' }], stream } as Anthropic.MessageCreateParamsNonStreaming);
      }
    }
    const agent = new Claude(claude);
    const { events } = await traced(async () => {
      await agent.ask(false);
      const stream = (await agent.ask(true)) as unknown as AsyncIterable<unknown>;
      for await (const event of stream) void event;
    });
    assert.equal(events.length, 2);
    const expectedCost = ((USAGE.input - USAGE.cached - USAGE.cacheWrite) * 1 + USAGE.cached * 0.1 + USAGE.cacheWrite * 1.25 + USAGE.output * 5) / 1e6;
    for (const event of events) {
      assert.equal(event.provider, 'anthropic');
      assert.equal(event.model_name, 'claude-haiku-4-5-20251001');
      assert.equal(event.input_tokens, USAGE.input);
      assert.equal(event.output_tokens, USAGE.output);
      assert.equal(event.cost_usd, expectedCost);
      assert.equal(event.call_records[0]!.finish_reason, 'end_turn');
      assert.match(event.call_records[0]!.provider_request_id ?? event.call_records[0]!.metadata.response_id as string, /^(req_ant_|msg_)/);
    }
    assert.equal(events[1]!.call_records[0]!.stream?.completed, true);
  });

  it('records a decorated AI SDK generateText call and a Gemini call', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const google = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
    class Multi {
      @aiCall()
      viaAiSdk() {
        return generateText({ model: provider.chat('gpt-4o-mini'), prompt: 'Capital?' });
      }
      @aiCall()
      viaGemini() {
        return google.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Capital?' });
      }
    }
    const multi = new Multi();
    const { events } = await traced(async () => {
      await multi.viaAiSdk();
      await multi.viaGemini();
    });
    const [aiSdk, gemini] = events;
    assert.equal(aiSdk?.provider, 'openai');
    assert.equal(aiSdk?.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(aiSdk?.input_tokens, USAGE.input);
    assert.equal(aiSdk?.cost_usd, chatCost);
    assert.equal(gemini?.provider, 'gcp.gemini');
    assert.equal(gemini?.output_tokens, USAGE.output);
    assert.equal(gemini?.cost_usd, ((USAGE.input - USAGE.cached) * 0.3 + USAGE.cached * 0.03 + USAGE.output * 2.5) / 1e6);
  });

  it('records the tool calls of every step of an AI SDK multi-step run', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const tools = {
      get_weather: tool({ description: 'Weather', inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => `sunny in ${city}` }),
      get_time: tool({ description: 'Time', inputSchema: z.object({ tz: z.string() }), execute: async ({ tz }) => `noon in ${tz}` }),
    };
    const run = withAiCallFor(() => generateText({ model: provider.chat('gpt-4o-mini'), prompt: 'Weather and time?', tools, stopWhen: stepCountIs(2), headers: { 'x-scenario': 'tools' } }));
    const { result, events } = await traced(run);
    assert.equal(result.steps.length, 2);
    assert.deepEqual(result.toolCalls, [], 'the last step answers in text');
    const record = events[0]!.call_records[0]!;
    assert.deepEqual(
      record.tool_calls.map((call) => call.name),
      ['get_weather', 'get_time'],
    );
    assert.equal(record.tool_calls[0]!.arguments, '{"city":"Paris"}');
    assert.equal(record.output_text, result.text);
    assert.equal(events[0]!.input_tokens, 2 * USAGE.input);
  });

  it(
    'observes a Gemini stream (an async iterable resolved by the SDK call)',
    async () => {
      const google = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
      class Gem {
        @aiCall()
        stream() {
          return google.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Capital?' });
        }
      }
      const gem = new Gem();
      let text = '';
      const { events } = await traced(async () => {
        for await (const chunk of await gem.stream()) text += chunk.text ?? '';
      });
      assert.equal(text, ANSWER);
      assert.equal(events[0]?.output_tokens, USAGE.output);
      assert.equal(events[0]?.call_records[0]?.stream?.completed, true);
    },
  );

  it(
    'completes an AI SDK streamText call when its consumer has read the stream',
    async () => {
      const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
      class Streamer {
        @aiCall()
        run() {
          return streamText({ model: provider.chat('gpt-4o-mini'), prompt: 'Capital?' });
        }
      }
      const streamer = new Streamer();
      let text = '';
      const { events } = await traced(async () => {
        for await (const piece of streamer.run().textStream) text += piece;
      });
      assert.equal(text, ANSWER);
      assert.equal(events[0]?.input_tokens, USAGE.input);
      assert.equal(events[0]?.call_records[0]?.output_text, ANSWER);
    },
  );

  it('records an AI SDK generateObject call with the object as its output text', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const schema = z.object({ city: z.string(), country: z.string() });
    class Extractor {
      @aiCall()
      extract() {
        return generateObject({ model: provider.chat('gpt-4o-mini'), schema, prompt: 'Capital of France as JSON.' });
      }
    }
    const { events } = await traced(async () => {
      const { object } = await new Extractor().extract();
      assert.deepEqual(object, JSON.parse(JSON_ANSWER));
    });
    const [event] = events;
    assert.equal(event?.provider, 'openai');
    assert.equal(event?.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event?.input_tokens, USAGE.input);
    assert.equal(event?.output_tokens, USAGE.output);
    assert.equal(event?.cost_usd, chatCost);
    assert.equal(event?.call_records[0]?.finish_reason, 'stop');
    assert.equal(event?.call_records[0]?.output_text, JSON_ANSWER);
  });

  it('completes an AI SDK streamObject call when its consumer has read the partial objects', async () => {
    const provider = createOpenAI({ apiKey: 'test-key', baseURL: `${server.url}/v1` });
    const schema = z.object({ city: z.string(), country: z.string() });
    class Extractor {
      @aiCall()
      extract() {
        return streamObject({ model: provider.chat('gpt-4o-mini'), schema, prompt: 'Capital of France as JSON.' });
      }
    }
    let last: unknown;
    const { events } = await traced(async () => {
      for await (const partial of new Extractor().extract().partialObjectStream) last = partial;
    });
    assert.deepEqual(last, JSON.parse(JSON_ANSWER));
    const [event] = events;
    assert.equal(event?.status, 'ok');
    assert.equal(event?.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event?.input_tokens, USAGE.input);
    assert.equal(event?.output_tokens, USAGE.output);
    assert.equal(event?.call_records[0]?.output_text, JSON_ANSWER);
  });

  it('says once when a decorated method returns the answer\'s text instead of the response, and not for a wrapper of decorated calls', async () => {
    class Texts {
      constructor(readonly agent: Agent) {}

      @aiCall()
      async answer(question: string) {
        const completion = await this.agent.llm.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
        return completion.choices[0]?.message.content ?? '';
      }

      @aiCall()
      async relay(question: string) {
        const completion = await this.agent.think(question);
        return completion.choices[0]?.message.content ?? '';
      }
    }
    const texts = new Texts(new Agent(client));
    const { events, diagnostics } = await traced(async () => {
      await texts.answer('Capital?');
      await texts.answer('Capital?');
      await texts.relay('Capital?');
    });
    const said = diagnostics.filter((d) => d.code === 'no-model-response');
    assert.equal(said.length, 1);
    assert.match(said[0]!.message, /@aiCall "answer" returned a string, not the model's response/);
    assert.equal(events.find((e) => e.name === 'think')?.input_tokens, USAGE.input);
  });

  it('records a null cost and one diagnostic for an unknown model', async () => {
    class Local {
      readonly client = client;
      @aiCall()
      ask() {
        return this.client.chat.completions.create({ model: 'house-llm-unpriced', messages: [{ role: 'user', content: 'Hi' }] });
      }
    }
    const local = new Local();
    const { events, diagnostics } = await traced(async () => {
      await local.ask();
      await local.ask();
    });
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.equal(event.cost_usd, null);
      assert.equal(event.input_tokens, USAGE.input);
      assert.equal(event.provider, 'local');
    }
    assert.equal(diagnostics.filter((d) => d.code === 'unknown-model-price' && d.message.includes('house-llm-unpriced')).length, 1);
  });
});
