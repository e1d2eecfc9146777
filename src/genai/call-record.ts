import type { CaisEvent, CallRecord, JsonValue } from '../model/events.js';
import { epochToIso } from '../model/clock.js';
import { newId } from '../model/ids.js';
import { isObject } from './fields.js';
import { normaliseInputMessages, toCallMessages, toCallToolCalls, toJson } from './messages.js';
import { computeCost, findModelPrice, pricingTableVersion } from './pricing.js';
import { detectProvider } from './provider.js';
import { readAiRequest, type AiRequest } from './request.js';
import type { AiResponse } from './response.js';

/** The `cais` event fields that come from the LLM call itself. */
export type CaisFields = Pick<CaisEvent, 'model_name' | 'provider' | 'input_tokens' | 'output_tokens' | 'total_tokens' | 'cost_usd' | 'call_records'>;

const REQUEST_KEYS = ['model', 'messages', 'contents', 'prompt', 'input'];

/** What the SDK really sent (see readSdkRequest), with `body` already snapshotted as JSON. */
export interface SentRequest {
  body: JsonValue | undefined;
  url: string | null;
  requestId: string | null;
}

/**
 * Builds the `cais` event fields (model, provider, tokens, cost, one call record) from what the
 * hot path read at the start and end of a call. Batch side: normalises messages from the
 * captured arguments, prices the call, names the provider. Never throws. `sent` (optional, from
 * readSdkRequest) fills in what the arguments lack when the method built the request itself:
 * model, parameters, messages, the URL (for the provider) and the request id of streams.
 *
 * @example
 * const fields = toCaisFields(request, response, { startedAt, endedAt }, capturedArgs);
 * fields.cost_usd; // e.g. 0.000123, or null for an unknown model
 */
export function toCaisFields(
  request: AiRequest | null,
  response: AiResponse | null,
  timing: { startedAt: number; endedAt: number },
  inputArgs: JsonValue | undefined,
  sent?: SentRequest | null,
): CaisFields {
  try {
    if (sent) {
      const merged = mergeSent(request, response, inputArgs, sent);
      return build(merged.request, merged.response, timing, merged.inputArgs);
    }
    return build(request, response, timing, inputArgs);
  } catch {
    return { model_name: response?.model ?? request?.model ?? null, provider: null, input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, call_records: [] };
  }
}

function build(
  request: AiRequest | null,
  response: AiResponse | null,
  timing: { startedAt: number; endedAt: number },
  inputArgs: JsonValue | undefined,
): CaisFields {
  const model = response?.model ?? request?.model ?? null;
  const provider =
    detectProvider({
      explicit: request?.provider ?? response?.provider ?? null,
      clientKind: request?.client?.kind ?? null,
      baseUrl: request?.client?.baseUrl ?? null,
      model: request?.model ?? response?.model ?? null,
    }) ?? providerOfApi(response?.api ?? null);
  const usage = response?.usage ?? null;

  // Price by the answering model (dated, most specific), else by the requested one.
  let priceModel: string | null = null;
  for (const candidate of [response?.model ?? null, request?.model ?? null]) {
    if (candidate !== null && findModelPrice(candidate) !== null) {
      priceModel = candidate;
      break;
    }
  }
  const cost = computeCost(priceModel ?? model, usage);

  // A LangChain chat model takes the conversation itself (a string or a list of messages).
  const body = findBody(inputArgs) ?? (response?.api === 'langchain' ? conversationOf(inputArgs) : undefined);
  const requestParams: Record<string, JsonValue> = {};
  if (request !== null) {
    if (request.model !== null) requestParams.model = request.model;
    for (const [key, value] of Object.entries(request.params)) {
      if (value !== undefined) requestParams[key] = toJson(value);
    }
  }

  const metadata: Record<string, JsonValue> = {};
  if (response?.response_id) metadata.response_id = response.response_id;
  if (request?.model && response?.model && request.model !== response.model) {
    metadata.request_model = request.model;
    metadata.response_model = response.model;
  }
  if (response && response.finish_reasons.length > 1) metadata.finish_reasons = response.finish_reasons;
  if (cost !== null) {
    metadata.pricing_version = pricingTableVersion();
    const match = findModelPrice(priceModel ?? model ?? '');
    if (match !== null) metadata.price_model = match.origin === 'registered' ? `registered:${match.model}` : match.model;
  }
  if (request?.message_count !== null && request?.message_count !== undefined) metadata.input_message_count = request.message_count;
  if (request?.client?.baseUrl) metadata.base_url = request.client.baseUrl;
  if (response?.deferred) metadata.deferred = true;
  if (response?.reasoning_text) metadata.reasoning_chars = response.reasoning_text.length;
  if (response) for (const [key, value] of Object.entries(response.extra)) metadata[key] = value;

  const record: CallRecord = {
    call_id: newId('call'),
    api_type: response?.api ?? apiOfRequest(request),
    provider,
    model_name: model,
    started_at: epochToIso(timing.startedAt),
    completed_at: Number.isFinite(timing.endedAt) ? epochToIso(timing.endedAt) : null,
    latency_ms: Number.isFinite(timing.endedAt) ? Math.max(0, timing.endedAt - timing.startedAt) : null,
    request_params: requestParams,
    input_messages: normaliseInputMessages(body),
    output_messages: response ? toCallMessages(response.output_messages) : [],
    output_text: response?.output_text ?? null,
    tool_calls: response ? toCallToolCalls(response.tool_calls) : [],
    usage,
    cost_usd: cost,
    finish_reason: response?.finish_reasons[0] ?? null,
    provider_request_id: response?.request_id ?? null,
    stream: response?.stream ?? null,
    metadata,
  };

  return {
    model_name: model,
    provider,
    input_tokens: usage?.input_tokens ?? null,
    output_tokens: usage?.output_tokens ?? null,
    total_tokens: usage?.total_tokens ?? null,
    cost_usd: cost,
    call_records: [record],
  };
}

/**
 * Takes the content out of call records when inputs or outputs are not to be recorded
 * (`captureContent: false`, or a decorator's `captureInput`/`captureOutput: false`): the
 * messages and output text go, tool calls keep their id and name but not their arguments;
 * model, parameters, tokens, cost, finish reason and stream facts stay. In place.
 *
 * @example
 * withoutContent(fields.call_records, { input: false, output: true }); // input_messages: []
 */
export function withoutContent(records: CallRecord[], keep: { input: boolean; output: boolean }): void {
  for (const record of records) {
    if (!keep.input) record.input_messages = [];
    if (!keep.output) {
      record.output_messages = [];
      record.output_text = null;
      record.tool_calls = record.tool_calls.map((call) => ({ id: call.id, name: call.name, arguments: null }));
      delete record.metadata.reasoning_chars;
    }
  }
}

function mergeSent(
  request: AiRequest | null,
  response: AiResponse | null,
  inputArgs: JsonValue | undefined,
  sent: SentRequest,
): { request: AiRequest | null; response: AiResponse | null; inputArgs: JsonValue | undefined } {
  const argsBody = findBody(inputArgs);
  const body = isObject(sent.body) && !Array.isArray(sent.body) ? sent.body : undefined;
  let merged = request;
  if (body !== undefined && (request === null || request.api === null)) {
    const fromBody = readAiRequest([body], null, {
      ...(request?.model ? { model: request.model } : {}),
      ...(request?.provider ? { provider: request.provider } : {}),
    });
    if (fromBody !== null) merged = { ...fromBody, client: request?.client ?? null };
  }
  const url = sent.url;
  if (merged !== null && url !== null) {
    merged = { ...merged, client: { kind: merged.client?.kind ?? null, baseUrl: baseOf(url) } };
  }
  let mergedResponse = response;
  if (response !== null && response.request_id === null && sent.requestId !== null) {
    mergedResponse = { ...response, request_id: sent.requestId };
  }
  return { request: merged, response: mergedResponse, inputArgs: argsBody === undefined && body !== undefined ? [body] : inputArgs };
}

/** `https://host:port/v1/chat/completions` -> `https://host:port/v1` (the client's base URL). */
function baseOf(url: string): string {
  for (const suffix of ['/chat/completions', '/completions', '/responses', '/messages', '/embeddings']) {
    const at = url.indexOf(suffix);
    if (at > 0) return url.slice(0, at);
  }
  const models = url.indexOf('/models/');
  return models > 0 ? url.slice(0, models) : url;
}

function findBody(inputArgs: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(inputArgs)) {
    for (const arg of inputArgs.slice(0, 4)) {
      if (isObject(arg) && !Array.isArray(arg) && REQUEST_KEYS.some((key) => key in arg)) return arg;
    }
    return undefined;
  }
  return isObject(inputArgs) ? inputArgs : undefined;
}

function conversationOf(inputArgs: JsonValue | undefined): JsonValue | undefined {
  const first = Array.isArray(inputArgs) ? inputArgs[0] : undefined;
  return typeof first === 'string' || Array.isArray(first) ? { messages: first } : undefined;
}

function apiOfRequest(request: AiRequest | null): string | null {
  if (request === null || request.api === null) return null;
  if (request.api === 'chat') return request.client?.kind?.startsWith('anthropic') ? 'anthropic.messages' : 'openai.chat';
  if (request.api === 'responses') return 'openai.responses';
  if (request.api === 'completion') return 'openai.completion';
  return request.api;
}

function providerOfApi(api: string | null): string | null {
  if (api === null) return null;
  if (api.startsWith('openai.')) return 'openai';
  if (api.startsWith('anthropic.')) return 'anthropic';
  if (api === 'gemini') return 'gcp.gemini';
  return null;
}
