import type { StreamSummary, TokenUsage } from '../model/events.js';
import { isObject, obj, prop, str } from './fields.js';
import { langChainMessageOf, readLangChainMessage } from './langchain.js';
import { isOllamaResponse, readOllamaResponse } from './ollama.js';
import type { AiRequest } from './request.js';
import { addUsage, readUsage } from './usage.js';

/** A tool call the model asked for; `arguments` is the provider's own value (a JSON string or an object). */
export interface AiToolCall {
  id: string | null;
  name: string;
  arguments: unknown;
}

/** One part of an output message: `text`, `reasoning`, `tool_call`, or a provider-specific type. */
export interface AiOutputPart {
  type: string;
  text?: string;
  id?: string | null;
  name?: string;
  arguments?: unknown;
}

/** One output message (a choice, a candidate, or the single Anthropic/Responses message). */
export interface AiOutputMessage {
  role: string;
  parts: AiOutputPart[];
  finish_reason: string | null;
}

/** What the end of an LLM call said, read cheaply from its result or from its stream. */
export interface AiResponse {
  /** `openai.chat`, `openai.responses`, `openai.completion`, `anthropic.messages`, `gemini`, `ai-sdk`, or null. */
  api: string | null;
  /** The model that answered (`gpt-4o-mini-2024-07-18`), or null. */
  model: string | null;
  /** The provider's id of this response (`chatcmpl-...`, `msg_...`, `resp_...`). */
  response_id: string | null;
  /** The HTTP request id (`x-request-id` / `request-id` header, SDK `_request_id`). */
  request_id: string | null;
  /** Provider named by the result itself (AI SDK `response` metadata), or null. */
  provider: string | null;
  usage: TokenUsage | null;
  finish_reasons: string[];
  /** The text of the first output message. */
  output_text: string | null;
  reasoning_text: string | null;
  output_messages: AiOutputMessage[];
  tool_calls: AiToolCall[];
  stream: StreamSummary | null;
  /** True for results whose fields arrive later (AI SDK `streamText`): see readDeferredAiResponse. */
  deferred: boolean;
  /** Small provider extras: `system_fingerprint`, `service_tier`. */
  extra: Record<string, string>;
}

/** An AiResponse with nothing known yet. */
export function emptyAiResponse(): AiResponse {
  return {
    api: null,
    model: null,
    response_id: null,
    request_id: null,
    provider: null,
    usage: null,
    finish_reasons: [],
    output_text: null,
    reasoning_text: null,
    output_messages: [],
    tool_calls: [],
    stream: null,
    deferred: false,
    extra: {},
  };
}

/**
 * Reads model, usage, finish reasons, output and tool calls from what an LLM call returned:
 * OpenAI Chat Completions and Responses, Anthropic Messages, Google Gemini, Vercel AI SDK,
 * LangChain.js AI messages, Ollama,
 * as SDK objects or as plain JSON of the same shape. Hot path: never throws, never copies
 * deeply; strings and tool arguments are kept by reference.
 *
 * @example
 * const response = readAiResponse(await client.chat.completions.create(body), request);
 * response.usage?.input_tokens;
 */
export function readAiResponse(result: unknown, request: AiRequest | null): AiResponse {
  const response = emptyAiResponse();
  try {
    readInto(response, result, request);
  } catch {
    // An exotic result (a throwing getter, a revoked proxy) keeps whatever was read before it.
  }
  return response;
}

function readInto(response: AiResponse, result: unknown, request: AiRequest | null): void {
  if (typeof result === 'string') {
    response.output_text = result;
    response.output_messages.push({ role: 'assistant', parts: [{ type: 'text', text: result }], finish_reason: null });
    return;
  }
  if (!isObject(result)) return;
  if (Array.isArray(result)) {
    readBatch(response, result, request);
    return;
  }
  if (isAiSdkStreamResult(result)) {
    // Its getters (usage, text, steps) make the SDK drain the stream itself: read none of them.
    response.api = 'ai-sdk';
    response.deferred = true;
    response.model = request?.model ?? null;
    return;
  }
  let body: Record<string, unknown> = result;
  // `.withResponse()` gives { data, response, request_id }. Check `in` first: some SDK objects
  // have side-effecting getters (Gemini's `data` logs a warning).
  if ('request_id' in result && 'response' in result && isObject(result.data)) {
    response.request_id = str(result.request_id);
    body = result.data;
  }
  const langChain = langChainMessageOf(body);
  if (langChain !== null) {
    readLangChainMessage(response, langChain);
    return;
  }
  response.request_id ??= str(obj(body)?._request_id);
  response.model = str(body.model) ?? str(body.modelVersion);
  response.response_id = str(body.id) ?? str(body.responseId);
  const usage = readUsage(body.usage ?? body.usageMetadata);
  if (usage !== null) response.usage = usage;

  if (Array.isArray(body.choices)) {
    readOpenAiChoices(response, body);
    return;
  }
  if (isOllamaResponse(body)) {
    readOllamaResponse(response, body);
    return;
  }
  if (body.object === 'response' || (Array.isArray(body.output) && body.usage !== undefined)) {
    readResponsesApi(response, body);
    return;
  }
  if (body.type === 'message' && Array.isArray(body.content)) {
    readAnthropicMessage(response, body);
    return;
  }
  if (Array.isArray(body.candidates)) {
    readGemini(response, body);
    return;
  }
  if (isAiSdkGenerateResult(body)) {
    readAiSdkResult(response, body);
    return;
  }
  // Unknown shape: whatever text there is, from own properties only (SDK getters may have side effects).
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined);
  const text = str(own('output_text')) ?? str(own('text')) ?? str(own('content')) ?? str(own('completion'));
  if (text !== null) {
    response.output_text = text;
    response.output_messages.push({ role: 'assistant', parts: [{ type: 'text', text }], finish_reason: null });
  }
  const finish = str(body.finish_reason) ?? str(body.finishReason) ?? str(body.stop_reason);
  if (finish !== null) response.finish_reasons.push(finish);
}

// Most items of one batch read (a longer array is read up to here).
const MAX_BATCH = 1000;

// Several answers returned together (LangChain `batch()`, `Promise.all` of SDK calls): their
// usage added up, their output messages, tool calls and finish reasons one after another.
// Items after the first answer that are no answer are skipped.
function readBatch(response: AiResponse, items: readonly unknown[], request: AiRequest | null): void {
  let answers = 0;
  const texts: string[] = [];
  for (let i = 0; i < items.length && i < MAX_BATCH; i++) {
    const item = items[i];
    if (!isObject(item) || Array.isArray(item)) continue;
    const one = readAiResponse(item, request);
    if (one.api === null && one.usage === null && one.model === null) {
      // An array that does not start with an answer (rows, ids) is read no further: this runs as the call returns.
      if (answers === 0) return;
      continue;
    }
    answers++;
    response.api ??= one.api;
    response.model ??= one.model;
    response.provider ??= one.provider;
    response.response_id ??= one.response_id;
    response.request_id ??= one.request_id;
    if (one.usage !== null) response.usage = addUsage(response.usage, one.usage);
    response.output_messages.push(...one.output_messages);
    response.tool_calls.push(...one.tool_calls);
    response.finish_reasons.push(...one.finish_reasons);
    if (one.output_text !== null) texts.push(one.output_text);
  }
  if (answers === 0) return;
  response.output_text = texts.length === 0 ? null : texts.join('\n\n');
}

function readOpenAiChoices(response: AiResponse, body: Record<string, unknown>): void {
  response.api = body.object === 'text_completion' ? 'openai.completion' : 'openai.chat';
  const fingerprint = str(body.system_fingerprint);
  if (fingerprint !== null) response.extra.system_fingerprint = fingerprint;
  const tier = str(body.service_tier);
  if (tier !== null) response.extra.service_tier = tier;
  const choices = body.choices as unknown[];
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    // Mistral's SDK gives the same fields in camelCase (finishReason, toolCalls).
    const finish = str(obj(choice)?.finish_reason) ?? str(obj(choice)?.finishReason);
    if (finish !== null) response.finish_reasons.push(finish);
    const message = obj(choice)?.message;
    const parts: AiOutputPart[] = [];
    const reasoning = str(obj(message)?.reasoning_content) ?? str(obj(message)?.reasoning);
    if (reasoning !== null) {
      parts.push({ type: 'reasoning', text: reasoning });
      if (i === 0) response.reasoning_text = reasoning;
    }
    const content = message === undefined ? obj(choice)?.text : obj(message)?.content;
    const text = typeof content === 'string' ? content : Array.isArray(content) ? joinTextParts(content) : null;
    if (text !== null && text.length > 0) {
      parts.push({ type: 'text', text });
      if (i === 0) response.output_text = text;
    }
    const refusal = str(obj(message)?.refusal);
    if (refusal !== null) parts.push({ type: 'refusal', text: refusal });
    const toolCalls = obj(message)?.tool_calls ?? obj(message)?.toolCalls;
    if (Array.isArray(toolCalls)) {
      for (const call of toolCalls) {
        const fn = obj(call)?.function ?? obj(call)?.custom;
        const toolCall: AiToolCall = {
          id: str(obj(call)?.id),
          name: str(obj(fn)?.name) ?? 'unknown',
          arguments: obj(fn)?.arguments ?? obj(fn)?.input ?? null,
        };
        parts.push({ type: 'tool_call', id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
        if (i === 0) response.tool_calls.push(toolCall);
      }
    }
    response.output_messages.push({ role: str(obj(message)?.role) ?? 'assistant', parts, finish_reason: finish });
  }
}

function readResponsesApi(response: AiResponse, body: Record<string, unknown>): void {
  response.api = 'openai.responses';
  const tier = str(body.service_tier);
  if (tier !== null) response.extra.service_tier = tier;
  const parts: AiOutputPart[] = [];
  let text: string | null = null;
  let reasoning: string | null = null;
  const output = Array.isArray(body.output) ? body.output : [];
  for (const item of output) {
    const type = str(obj(item)?.type);
    if (type === 'message') {
      const content = obj(item)?.content;
      if (Array.isArray(content)) {
        for (const block of content) {
          const blockType = str(obj(block)?.type);
          const blockText = str(obj(block)?.text) ?? str(obj(block)?.refusal);
          if (blockText === null) continue;
          parts.push({ type: blockType === 'refusal' ? 'refusal' : 'text', text: blockText });
          if (blockType !== 'refusal') text = text === null ? blockText : text + blockText;
        }
      }
    } else if (type === 'function_call' || type === 'custom_tool_call') {
      const call: AiToolCall = {
        id: str(obj(item)?.call_id) ?? str(obj(item)?.id),
        name: str(obj(item)?.name) ?? 'unknown',
        arguments: obj(item)?.arguments ?? obj(item)?.input ?? null,
      };
      response.tool_calls.push(call);
      parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
    } else if (type === 'reasoning') {
      const summary = obj(item)?.summary;
      if (Array.isArray(summary)) {
        for (const entry of summary) {
          const entryText = str(obj(entry)?.text);
          if (entryText !== null) reasoning = reasoning === null ? entryText : `${reasoning}\n${entryText}`;
        }
      }
    } else if (type !== null && type.endsWith('_call')) {
      // Built-in tools run by OpenAI (web_search_call, file_search_call, ...).
      parts.push({ type: 'server_tool_call', id: str(obj(item)?.id), name: type.slice(0, -5) });
    }
  }
  if (reasoning !== null) {
    parts.unshift({ type: 'reasoning', text: reasoning });
    response.reasoning_text = reasoning;
  }
  response.output_text = text ?? str(body.output_text);
  const status = str(body.status);
  const finish =
    status === 'completed' || status === null
      ? response.tool_calls.length > 0
        ? 'tool_calls'
        : 'stop'
      : (str(obj(body.incomplete_details)?.reason) ?? status);
  response.finish_reasons.push(finish);
  response.output_messages.push({ role: 'assistant', parts, finish_reason: finish });
}

function readAnthropicMessage(response: AiResponse, body: Record<string, unknown>): void {
  response.api = 'anthropic.messages';
  const parts: AiOutputPart[] = [];
  let text: string | null = null;
  for (const block of body.content as unknown[]) {
    const type = str(obj(block)?.type);
    if (type === 'text') {
      const blockText = str(obj(block)?.text);
      if (blockText === null) continue;
      parts.push({ type: 'text', text: blockText });
      text = text === null ? blockText : text + blockText;
    } else if (type === 'tool_use') {
      const call: AiToolCall = { id: str(obj(block)?.id), name: str(obj(block)?.name) ?? 'unknown', arguments: obj(block)?.input ?? null };
      response.tool_calls.push(call);
      parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
    } else if (type === 'thinking') {
      const thinking = str(obj(block)?.thinking);
      if (thinking !== null) {
        parts.push({ type: 'reasoning', text: thinking });
        response.reasoning_text = response.reasoning_text === null ? thinking : response.reasoning_text + thinking;
      }
    } else if (type === 'server_tool_use') {
      parts.push({ type: 'server_tool_call', id: str(obj(block)?.id), name: str(obj(block)?.name) ?? 'unknown' });
    } else if (type !== null) {
      parts.push({ type });
    }
  }
  response.output_text = text;
  const finish = str(body.stop_reason);
  if (finish !== null) response.finish_reasons.push(finish);
  response.output_messages.push({ role: str(body.role) ?? 'assistant', parts, finish_reason: finish });
}

function readGemini(response: AiResponse, body: Record<string, unknown>): void {
  response.api = 'gemini';
  const candidates = body.candidates as unknown[];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    const finish = str(obj(candidate)?.finishReason);
    if (finish !== null) response.finish_reasons.push(finish);
    const content = obj(candidate)?.content;
    const parts: AiOutputPart[] = [];
    let text: string | null = null;
    const rawParts = obj(content)?.parts;
    if (Array.isArray(rawParts)) {
      for (const part of rawParts) {
        const partText = str(obj(part)?.text);
        const call = obj(part)?.functionCall;
        if (partText !== null && obj(part)?.thought === true) {
          parts.push({ type: 'reasoning', text: partText });
          if (i === 0) response.reasoning_text = response.reasoning_text === null ? partText : response.reasoning_text + partText;
        } else if (partText !== null) {
          parts.push({ type: 'text', text: partText });
          text = text === null ? partText : text + partText;
        } else if (isObject(call)) {
          const toolCall: AiToolCall = { id: str(call.id), name: str(call.name) ?? 'unknown', arguments: call.args ?? null };
          parts.push({ type: 'tool_call', id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
          if (i === 0) response.tool_calls.push(toolCall);
        }
      }
    }
    if (i === 0) response.output_text = text;
    response.output_messages.push({ role: roleOfGemini(str(obj(content)?.role)), parts, finish_reason: finish });
  }
}

function readAiSdkResult(response: AiResponse, body: Record<string, unknown>): void {
  response.api = 'ai-sdk';
  const meta = body.response;
  response.model = str(obj(meta)?.modelId) ?? response.model;
  response.response_id = str(obj(meta)?.id) ?? response.response_id;
  const headers = obj(meta)?.headers;
  response.request_id = str(prop(headers, 'x-request-id')) ?? str(prop(headers, 'request-id')) ?? response.request_id;
  response.usage = readUsage(body.totalUsage ?? body.usage) ?? response.usage;
  const finish = str(body.finishReason);
  if (finish !== null) response.finish_reasons.push(finish);
  const parts: AiOutputPart[] = [];
  const reasoning = str(body.reasoningText);
  if (reasoning !== null) {
    parts.push({ type: 'reasoning', text: reasoning });
    response.reasoning_text = reasoning;
  }
  // generateObject / streamObject: the model's answer is the object it wrote, as JSON text.
  const text = str(body.text) ?? ('object' in body ? jsonText(body.object) : null);
  if (text !== null) parts.push({ type: 'text', text });
  response.output_text = text;
  // The answer's own tool calls are the last step's; a multi-step run's are those of every step
  // (the tools it ran on the way), as for OpenAI's tool runners.
  for (const toolCall of aiSdkToolCalls(body.toolCalls)) parts.push({ type: 'tool_call', id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
  const steps = body.steps;
  response.tool_calls = Array.isArray(steps) && steps.length > 1 ? steps.flatMap((step) => aiSdkToolCalls(obj(step)?.toolCalls)) : aiSdkToolCalls(body.toolCalls);
  response.output_messages.push({ role: 'assistant', parts, finish_reason: finish });
}

function aiSdkToolCalls(toolCalls: unknown): AiToolCall[] {
  if (!Array.isArray(toolCalls)) return [];
  return toolCalls.map((call) => ({
    id: str(obj(call)?.toolCallId),
    name: str(obj(call)?.toolName) ?? 'unknown',
    arguments: obj(call)?.input ?? obj(call)?.args ?? null,
  }));
}

// streamText (`consumeStream`) or streamObject (`partialObjectStream`).
function isAiSdkStreamResult(body: Record<string, unknown>): boolean {
  // Reading `textStream` would tee the stream; the presence checks below read nothing.
  return 'fullStream' in body && 'textStream' in body && ('consumeStream' in body || 'partialObjectStream' in body);
}

// generateText (`totalUsage`, `steps`) or generateObject (`object`, `usage`).
function isAiSdkGenerateResult(body: Record<string, unknown>): boolean {
  return 'finishReason' in body && 'response' in body && ('totalUsage' in body || 'steps' in body || ('object' in body && 'usage' in body));
}

function jsonText(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? null);
  } catch {
    return null;
  }
}

function roleOfGemini(role: string | null): string {
  return role === null || role === 'model' ? 'assistant' : role;
}

/** Joins the text of content parts (`[{ type: 'text', text }]`); null when none has text. */
export function joinTextParts(parts: readonly unknown[]): string | null {
  let text: string | null = null;
  for (const part of parts) {
    const partText = typeof part === 'string' ? part : str(obj(part)?.text);
    if (partText !== null) text = text === null ? partText : text + partText;
  }
  return text;
}

/**
 * For results whose facts arrive when their stream is consumed (AI SDK `streamText`): a promise
 * of the AiResponse that settles when the consumer has read the stream, or null for any other
 * result. The SDK's public getters (`usage`, `totalUsage`, `steps`) start draining the stream
 * themselves, so this reads the SDK's own settled-later records (`_steps`, `_totalUsage`,
 * `_finishReason`, AI SDK 5 and 6) without pulling anything. It never rejects; if the consumer
 * never reads the stream it never settles, and the session completes the event as `cancelled`.
 *
 * @example
 * const later = readDeferredAiResponse(result, request);
 * if (later) later.then((response) => complete(response));
 */
export function readDeferredAiResponse(result: unknown, request: AiRequest | null): Promise<AiResponse> | null {
  try {
    if (!isObject(result) || !isAiSdkStreamResult(result)) return null;
    if ('partialObjectStream' in result) return deferredObjectResponse(result, request);
    const steps = settledLater(result._steps);
    const totalUsage = settledLater(result._totalUsage);
    const finishReason = settledLater(result._finishReason);
    if (steps === null || totalUsage === null) return null;
    return Promise.all([steps, totalUsage, finishReason ?? Promise.resolve(undefined)]).then(
      ([stepList, usage, finish]) => {
        const last = Array.isArray(stepList) && stepList.length > 0 ? stepList[stepList.length - 1] : undefined;
        return readAiResponse(
          {
            totalUsage: usage,
            finishReason: finish ?? obj(last)?.finishReason,
            response: obj(last)?.response ?? {},
            text: obj(last)?.text,
            toolCalls: obj(last)?.toolCalls,
            reasoningText: obj(last)?.reasoningText,
            steps: stepList,
          },
          request,
        );
      },
      () => failedAiSdkResponse(request),
    );
  } catch {
    return null;
  }
}

// streamObject settles its object, usage, finish reason and response once its stream was read.
function deferredObjectResponse(result: Record<string, unknown>, request: AiRequest | null): Promise<AiResponse> | null {
  const usage = settledLater(result._usage);
  const finishReason = settledLater(result._finishReason);
  const response = settledLater(result._response);
  if (usage === null || finishReason === null || response === null) return null;
  const object = settledLater(result._object)?.catch(() => undefined) ?? Promise.resolve(undefined);
  return Promise.all([usage, finishReason, response, object]).then(
    ([settledUsage, finish, meta, settledObject]) => readAiResponse({ usage: settledUsage, finishReason: finish, response: meta ?? {}, object: settledObject }, request),
    () => failedAiSdkResponse(request),
  );
}

function failedAiSdkResponse(request: AiRequest | null): AiResponse {
  const failed = readAiResponse(null, request);
  failed.api = 'ai-sdk';
  failed.model = request?.model ?? null;
  return failed;
}

/** The promise of an AI SDK DelayedPromise, read without side effects; null if it is not one. */
function settledLater(delayed: unknown): Promise<unknown> | null {
  if (!isObject(delayed) || typeof delayed.isPending !== 'function') return null;
  const promise = obj(delayed)?.promise;
  return promise instanceof Promise ? promise : null;
}
