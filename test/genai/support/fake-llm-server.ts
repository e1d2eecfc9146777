import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI, Anthropic, Gemini and Ollama HTTP APIs, on 127.0.0.1 and a
 * free port. It answers with realistic JSON bodies, SSE streams and (Ollama) NDJSON streams (usage with cached and reasoning tokens,
 * tool calls, request id headers). The scenario is chosen per request with headers:
 * `x-scenario: text | tools | cut` (cut: the stream stops midway by destroying the socket),
 * `x-chunks: N` (text deltas in a stream), `x-delay-ms: N` (pause before each stream event),
 * `x-burst: 1` (the whole stream in one write, so that a benchmark measures the consumer and not
 * the pace of this server's writes).
 */
export interface FakeLlmServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: RecordedRequest[];
  /** Sockets destroyed by the `cut` scenario. */
  cuts: number;
  close(): Promise<void>;
}

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/** Text the text scenario answers with, split across stream chunks. */
export const ANSWER = 'The capital of France is Paris.';
/** The answer to a chat request that asks for JSON (`response_format` json_schema or json_object). */
export const JSON_ANSWER = '{"city":"Paris","country":"France"}';

/** Token counts every scenario reports (in each provider's own usage shape). */
export const USAGE = { input: 1200, cached: 1000, cacheWrite: 100, output: 300, reasoning: 120 };

let counter = 0;

/** Starts the server; close it in `after`. */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const state: FakeLlmServer = { url: '', requests: [], cuts: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: any = null;
      try {
        body = raw.length > 0 ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      state.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      route(state, req, res, path, body).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(error) } }));
      });
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

interface Scenario {
  kind: string;
  chunks: number;
  delayMs: number;
  burst: boolean;
}

function scenarioOf(req: IncomingMessage): Scenario {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    kind: header('x-scenario') ?? 'text',
    chunks: Number(header('x-chunks') ?? 6),
    delayMs: Number(header('x-delay-ms') ?? 0),
    burst: header('x-burst') === '1',
  };
}

async function route(state: FakeLlmServer, req: IncomingMessage, res: ServerResponse, path: string, body: any): Promise<void> {
  const scenario = scenarioOf(req);
  const id = ++counter;
  if (path.endsWith('/chat/completions')) return openAiChat(state, res, body, scenario, id);
  if (path.endsWith('/responses')) return openAiResponses(state, res, body, scenario, id);
  if (path.endsWith('/messages')) return anthropicMessages(state, res, body, scenario, id);
  if (path === '/api/chat' || path === '/api/generate') return ollama(state, res, body, scenario, path === '/api/chat');
  const gemini = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(path);
  if (gemini) return geminiGenerate(state, res, gemini[1]!, gemini[2] === 'streamGenerateContent', scenario, id);
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: `no route for ${path}` } }));
}

/** Splits the answer into `count` pieces that join back to it. */
export function pieces(text: string, count: number): string[] {
  const out: string[] = [];
  const size = Math.ceil(text.length / count);
  for (let i = 0; i < count; i++) {
    const piece = text.slice(i * size, (i + 1) * size);
    out.push(piece.length > 0 ? piece : ' ');
  }
  return out;
}

function answerOf(scenario: Scenario): string {
  // Long streams repeat a short word so that every chunk carries text.
  return scenario.chunks > 20 ? 'tok '.repeat(scenario.chunks) : ANSWER;
}

const pause = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

async function sse(state: FakeLlmServer, res: ServerResponse, headers: Record<string, string>, events: Array<{ event?: string; data: unknown }>, scenario: Scenario): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  const format = ({ event, data }: { event?: string; data: unknown }) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  await writeStream(state, res, events.map(format), scenario, 2);
}

/** Writes a stream's pieces as the scenario says: in one write (burst), each after `delayMs`, or cut halfway (not before `firstCut`). */
async function writeStream(state: FakeLlmServer, res: ServerResponse, writes: readonly string[], scenario: Scenario, firstCut: number): Promise<void> {
  if (scenario.burst) {
    res.end(writes.join(''));
    return;
  }
  const cutAt = scenario.kind === 'cut' ? Math.max(firstCut, Math.floor(writes.length / 2)) : -1;
  for (let i = 0; i < writes.length; i++) {
    if (i === cutAt) {
      state.cuts++;
      // Flush what was written, then drop the connection mid-stream.
      await pause(20);
      res.socket?.destroy();
      return;
    }
    await pause(scenario.delayMs);
    res.write(writes[i]!);
  }
  res.end();
}

function json(res: ServerResponse, headers: Record<string, string>, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function chatModelOf(model: string): string {
  return model === 'gpt-4o-mini' ? 'gpt-4o-mini-2024-07-18' : model;
}

async function openAiChat(state: FakeLlmServer, res: ServerResponse, body: any, scenario: Scenario, id: number): Promise<void> {
  const model = chatModelOf(body?.model ?? 'gpt-4o-mini');
  const headers = { 'x-request-id': `req_chat_${id}` };
  const created = 1_763_000_000;
  const usage = {
    prompt_tokens: USAGE.input,
    completion_tokens: USAGE.output,
    total_tokens: USAGE.input + USAGE.output,
    prompt_tokens_details: { cached_tokens: USAGE.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: USAGE.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  // After a tool result the model answers in text, as a real one would (tool runners then end).
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const tools = scenario.kind === 'tools' && messages[messages.length - 1]?.role !== 'tool';
  const wantsJson = body?.response_format?.type === 'json_schema' || body?.response_format?.type === 'json_object';
  const answer = wantsJson ? JSON_ANSWER : ANSWER;
  if (body?.stream !== true) {
    json(res, headers, {
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: 'fp_fake',
      service_tier: 'default',
      choices: [
        {
          index: 0,
          message: tools
            ? {
                role: 'assistant',
                content: null,
                refusal: null,
                tool_calls: [
                  { id: 'call_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
                  { id: 'call_time_2', type: 'function', function: { name: 'get_time', arguments: '{"tz":"Europe/Paris"}' } },
                ],
              }
            : { role: 'assistant', content: answer, refusal: null },
          logprobs: null,
          finish_reason: tools ? 'tool_calls' : 'stop',
        },
      ],
      usage,
    });
    return;
  }
  const base = { id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake' };
  const events: Array<{ data: unknown }> = [{ data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] } }];
  if (tools) {
    events.push({ data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_weather_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }, finish_reason: null }] } });
    for (const piece of ['{"ci', 'ty":"Pa', 'ris"}']) {
      events.push({ data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }] } });
    }
    events.push({ data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 1, id: 'call_time_2', type: 'function', function: { name: 'get_time', arguments: '{"tz":' } }] }, finish_reason: null }] } });
    events.push({ data: { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 1, function: { arguments: '"Europe/Paris"}' } }] }, finish_reason: null }] } });
  } else {
    for (const piece of pieces(wantsJson ? answer : answerOf(scenario), scenario.chunks)) {
      events.push({ data: { ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] } });
    }
  }
  // Mistral's API sends the usage with the last choice chunk, unasked.
  const mistral = /^(mistral|ministral|codestral|magistral|pixtral|open-mistral|devstral)/.test(String(body?.model ?? ''));
  events.push({ data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: tools ? 'tool_calls' : 'stop' }], ...(mistral ? { usage } : {}) } });
  if (body?.stream_options?.include_usage) events.push({ data: { ...base, choices: [], usage } });
  events.push({ data: '[DONE]' });
  await sse(state, res, headers, events, scenario);
}

function responsesBody(id: number, model: string, scenario: Scenario): any {
  const tools = scenario.kind === 'tools';
  const output: any[] = [
    { id: `rs_${id}`, type: 'reasoning', summary: [{ type: 'summary_text', text: 'The user asks for a capital.' }] },
  ];
  if (tools) {
    output.push({ id: `fc_${id}`, type: 'function_call', status: 'completed', call_id: 'call_weather_1', name: 'get_weather', arguments: '{"city":"Paris"}' });
  } else {
    output.push({
      id: `msg_${id}`,
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: ANSWER, annotations: [], logprobs: [] }],
    });
  }
  return {
    id: `resp_${id}`,
    object: 'response',
    created_at: 1_763_000_000,
    status: 'completed',
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: 'low', summary: 'auto' },
    service_tier: 'default',
    store: false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: {
      input_tokens: USAGE.input,
      input_tokens_details: { cached_tokens: USAGE.cached },
      output_tokens: USAGE.output,
      output_tokens_details: { reasoning_tokens: USAGE.reasoning },
      total_tokens: USAGE.input + USAGE.output,
    },
    user: null,
    metadata: {},
  };
}

async function openAiResponses(state: FakeLlmServer, res: ServerResponse, body: any, scenario: Scenario, id: number): Promise<void> {
  const model = body?.model === 'o4-mini' ? 'o4-mini-2025-04-16' : (body?.model ?? 'o4-mini');
  const headers = { 'x-request-id': `req_resp_${id}` };
  const full = responsesBody(id, model, scenario);
  if (body?.stream !== true) {
    json(res, headers, full);
    return;
  }
  const inProgress = { ...full, status: 'in_progress', output: [], usage: null };
  const events: Array<{ event: string; data: any }> = [];
  let sequence = 0;
  const push = (type: string, data: any) => events.push({ event: type, data: { type, sequence_number: sequence++, ...data } });
  push('response.created', { response: inProgress });
  push('response.in_progress', { response: inProgress });
  // Items in order, each added before its parts, as the API sends them (the SDK's ResponseStream checks).
  const reasoning = full.output[0];
  push('response.output_item.added', { output_index: 0, item: { ...reasoning, summary: [] } });
  push('response.output_item.done', { output_index: 0, item: reasoning });
  if (scenario.kind === 'tools') {
    const item = full.output[1];
    push('response.output_item.added', { output_index: 1, item: { ...item, arguments: '' } });
    for (const piece of ['{"city"', ':"Paris"}']) push('response.function_call_arguments.delta', { output_index: 1, item_id: item.id, delta: piece });
    push('response.function_call_arguments.done', { output_index: 1, item_id: item.id, arguments: item.arguments });
    push('response.output_item.done', { output_index: 1, item });
  } else {
    const message = full.output[1];
    const text = answerOf(scenario);
    push('response.output_item.added', { output_index: 1, item: { ...message, status: 'in_progress', content: [] } });
    push('response.content_part.added', { output_index: 1, content_index: 0, item_id: message.id, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
    for (const piece of pieces(text, scenario.chunks)) {
      push('response.output_text.delta', { output_index: 1, content_index: 0, item_id: message.id, delta: piece, logprobs: [] });
    }
    push('response.output_text.done', { output_index: 1, content_index: 0, item_id: message.id, text, logprobs: [] });
    push('response.content_part.done', { output_index: 1, content_index: 0, item_id: message.id, part: { type: 'output_text', text, annotations: [], logprobs: [] } });
    push('response.output_item.done', { output_index: 1, item: message });
  }
  push('response.completed', { response: full });
  await sse(state, res, headers, events, scenario);
}

async function anthropicMessages(state: FakeLlmServer, res: ServerResponse, body: any, scenario: Scenario, id: number): Promise<void> {
  const model = body?.model ?? 'claude-haiku-4-5';
  const resolved = model === 'claude-haiku-4-5' ? 'claude-haiku-4-5-20251001' : model;
  const headers = { 'request-id': `req_ant_${id}` };
  const tools = scenario.kind === 'tools';
  const usage = {
    input_tokens: USAGE.input - USAGE.cached - USAGE.cacheWrite,
    cache_creation_input_tokens: USAGE.cacheWrite,
    cache_read_input_tokens: USAGE.cached,
    output_tokens: USAGE.output,
    service_tier: 'standard',
  };
  const content: any[] = [{ type: 'thinking', thinking: 'Paris is the capital.', signature: 'sig' }];
  if (tools) content.push({ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } });
  else content.push({ type: 'text', text: ANSWER });
  const message = { id: `msg_${id}`, type: 'message', role: 'assistant', model: resolved, content, stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null, usage };
  if (body?.stream !== true) {
    json(res, headers, message);
    return;
  }
  const events: Array<{ event: string; data: any }> = [];
  const push = (type: string, data: any) => events.push({ event: type, data: { type, ...data } });
  push('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
  push('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
  push('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Paris is the capital.' } });
  push('content_block_stop', { index: 0 });
  push('ping', {});
  push('content_block_start', { index: 1, content_block: { type: 'text', text: '' } });
  for (const piece of tools ? ['Let me ', 'check.'] : pieces(answerOf(scenario), scenario.chunks)) {
    push('content_block_delta', { index: 1, delta: { type: 'text_delta', text: piece } });
  }
  push('content_block_stop', { index: 1 });
  if (tools) {
    push('content_block_start', { index: 2, content_block: { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} } });
    for (const piece of ['{"city":', ' "Paris"}']) push('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: piece } });
    push('content_block_stop', { index: 2 });
  }
  push('message_delta', { delta: { stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: USAGE.output } });
  push('message_stop', {});
  await sse(state, res, headers, events, scenario);
}

async function geminiGenerate(state: FakeLlmServer, res: ServerResponse, model: string, stream: boolean, scenario: Scenario, id: number): Promise<void> {
  const usageMetadata = {
    promptTokenCount: USAGE.input,
    candidatesTokenCount: USAGE.output - USAGE.reasoning,
    thoughtsTokenCount: USAGE.reasoning,
    cachedContentTokenCount: USAGE.cached,
    totalTokenCount: USAGE.input + USAGE.output,
  };
  const tools = scenario.kind === 'tools';
  const parts = tools ? [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] : [{ text: ANSWER }];
  const full = {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata,
    modelVersion: model,
    responseId: `gem_${id}`,
  };
  if (!stream) {
    json(res, {}, full);
    return;
  }
  const events: Array<{ data: any }> = [];
  const texts = tools ? [] : pieces(answerOf(scenario), scenario.chunks);
  texts.forEach((piece, i) => {
    events.push({
      data: {
        candidates: [{ content: { role: 'model', parts: [{ text: piece }] }, index: 0, ...(i === texts.length - 1 ? { finishReason: 'STOP' } : {}) }],
        usageMetadata: i === texts.length - 1 ? usageMetadata : { promptTokenCount: USAGE.input, totalTokenCount: USAGE.input },
        modelVersion: model,
        responseId: `gem_${id}`,
      },
    });
  });
  if (tools) events.push({ data: full });
  await sse(state, res, {}, events, scenario);
}

/** Ollama's /api/chat and /api/generate: one JSON body, or (the default: `stream` unset) NDJSON lines, the last with the counts. */
async function ollama(state: FakeLlmServer, res: ServerResponse, body: any, scenario: Scenario, chat: boolean): Promise<void> {
  const model = body?.model ?? 'llama3.2';
  const createdAt = new Date(1_763_000_000_000).toISOString();
  const tools = scenario.kind === 'tools';
  const counts = { total_duration: 912_000_000, load_duration: 41_000_000, prompt_eval_count: USAGE.input, prompt_eval_duration: 120_000_000, eval_count: USAGE.output, eval_duration: 700_000_000 };
  const piece = (text: string) => (chat ? { message: { role: 'assistant', content: text } } : { response: text });
  const toolCalls = [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }];
  const final = {
    model,
    created_at: createdAt,
    ...(chat ? { message: { role: 'assistant', content: tools ? '' : ANSWER, ...(tools ? { tool_calls: toolCalls } : {}) } } : { response: ANSWER, context: [1, 2, 3] }),
    done: true,
    done_reason: 'stop',
    ...counts,
  };
  if (body?.stream === false) {
    json(res, {}, final);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const lines: unknown[] = [];
  if (tools && chat) lines.push({ model, created_at: createdAt, message: { role: 'assistant', content: '', tool_calls: toolCalls }, done: false });
  else for (const text of pieces(answerOf(scenario), scenario.chunks)) lines.push({ model, created_at: createdAt, ...piece(text), done: false });
  lines.push({ ...final, ...piece('') });
  await writeStream(state, res, lines.map((line) => `${JSON.stringify(line)}\n`), scenario, 1);
}
