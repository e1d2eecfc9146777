import { isObject, num, obj, prop, str } from './fields.js';
import { providerOfBaseUrl } from './provider.js';

/** Which SDK client a call went through, as far as it can be told from `this` and its fields. */
export interface AiClientInfo {
  /** `openai`, `azure-openai`, `anthropic`, `anthropic-bedrock`, `anthropic-vertex`, `google-genai`, `google-vertex`, `mistral`, or null. */
  kind: string | null;
  baseUrl: string | null;
}

/** Request parameters as sent, under OpenAI-style names; absent ones are left out. */
export interface AiRequestParams {
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  top_k?: number;
  stop?: string | string[];
  seed?: number;
  n?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  tools_count?: number;
  tool_choice?: string;
  response_format?: string;
  reasoning_effort?: string;
  thinking_budget?: number;
  stream?: boolean;
  previous_response_id?: string;
}

/** What the start of an LLM call said, read cheaply from its arguments. */
export interface AiRequest {
  /** Model id as requested (`gpt-4o-mini`, `claude-sonnet-4-5`, `openai/gpt-4o`), or null. */
  model: string | null;
  /** Provider given explicitly (`@aiCall({ provider })`) or by an AI SDK model object, or null. */
  provider: string | null;
  /** Request shape: `chat` (OpenAI chat or Anthropic messages), `responses`, `gemini`, `ai-sdk`, `completion`, or null. */
  api: string | null;
  client: AiClientInfo | null;
  params: AiRequestParams;
  /** The messages array (or Responses `input`, Gemini `contents`, AI SDK `prompt`) by reference, for counting only. */
  messages: unknown;
  /** Number of input messages when `messages` is an array, else null. */
  message_count: number | null;
  /** System prompt given apart from the messages (Anthropic `system`, Responses `instructions`, Gemini `systemInstruction`). */
  system: unknown;
}

const REQUEST_KEYS = ['model', 'messages', 'contents', 'prompt', 'input'] as const;
const MAX_SCANNED_FIELDS = 24;
const clientCache = new WeakMap<object, AiClientInfo | null>();

/**
 * Reads model, provider hints and request parameters from the arguments of an LLM call.
 * Hot path: property reads only; never throws, never copies.
 *
 * @example
 * const request = readAiRequest([{ model: 'gpt-4o-mini', messages }], agent, {});
 * request?.model; // 'gpt-4o-mini'
 */
export function readAiRequest(
  args: readonly unknown[],
  thisArg: unknown,
  options: { model?: string; provider?: string },
): AiRequest | null {
  try {
    const body = findRequestBody(args);
    const client = findClient(thisArg);
    if (body === undefined) {
      if (options.model === undefined && options.provider === undefined && client === null) return null;
      return {
        model: options.model ?? null,
        provider: options.provider ?? null,
        api: null,
        client,
        params: {},
        messages: undefined,
        message_count: null,
        system: undefined,
      };
    }
    return readBody(body, client, options);
  } catch {
    return null;
  }
}

function findRequestBody(args: readonly unknown[]): Record<string, unknown> | undefined {
  const count = args.length < 4 ? args.length : 4;
  for (let i = 0; i < count; i++) {
    const arg = args[i];
    if (!isObject(arg) || Array.isArray(arg)) continue;
    for (const key of REQUEST_KEYS) {
      if (arg[key] !== undefined) return arg;
    }
  }
  return undefined;
}

function readBody(
  body: Record<string, unknown>,
  client: AiClientInfo | null,
  options: { model?: string; provider?: string },
): AiRequest {
  const rawModel = body.model;
  let model = str(rawModel);
  let provider: string | null = options.provider ?? null;
  let api: string | null = null;
  if (model === null && isObject(rawModel)) {
    // Vercel AI SDK: `model: openai('gpt-4o')` is a LanguageModel with modelId and provider ('openai.responses').
    model = str(obj(rawModel)?.modelId);
    // Its base URL names the vendor behind an OpenAI-compatible adapter (OpenRouter, Azure).
    const baseUrl = aiSdkBaseUrl(rawModel);
    if (client === null && baseUrl !== null) client = { kind: null, baseUrl };
    const sdkProvider = providerOfBaseUrl(baseUrl) ?? str(obj(rawModel)?.provider);
    if (provider === null && sdkProvider !== null) provider = sdkProvider;
    api = 'ai-sdk';
  }
  if (options.model !== undefined) model = options.model;

  const config = obj(body.config) ?? obj(body.options); // Google GenAI keeps parameters in `config`, Ollama in `options`
  const params: AiRequestParams = {};
  const temperature = num(body.temperature) ?? num(config?.temperature);
  if (temperature !== null) params.temperature = temperature;
  const maxTokens =
    num(body.max_tokens) ??
    num(body.max_completion_tokens) ??
    num(body.max_output_tokens) ??
    num(body.maxOutputTokens) ??
    num(body.maxTokens) ??
    num(config?.maxOutputTokens) ??
    num(config?.num_predict);
  if (maxTokens !== null) params.max_tokens = maxTokens;
  const topP = num(body.top_p) ?? num(body.topP) ?? num(config?.topP) ?? num(config?.top_p);
  if (topP !== null) params.top_p = topP;
  const topK = num(body.top_k) ?? num(body.topK) ?? num(config?.topK) ?? num(config?.top_k);
  if (topK !== null) params.top_k = topK;
  const stop = body.stop ?? body.stop_sequences ?? body.stopSequences ?? config?.stopSequences ?? config?.stop;
  if (typeof stop === 'string' || Array.isArray(stop)) params.stop = stop as string | string[];
  const seed = num(body.seed) ?? num(config?.seed);
  if (seed !== null) params.seed = seed;
  const n = num(body.n) ?? num(config?.candidateCount);
  if (n !== null) params.n = n;
  const frequency = num(body.frequency_penalty) ?? num(body.frequencyPenalty) ?? num(config?.frequencyPenalty);
  if (frequency !== null) params.frequency_penalty = frequency;
  const presence = num(body.presence_penalty) ?? num(body.presencePenalty) ?? num(config?.presencePenalty);
  if (presence !== null) params.presence_penalty = presence;

  const tools = body.tools ?? config?.tools;
  if (Array.isArray(tools)) params.tools_count = tools.length;
  else if (isObject(tools)) params.tools_count = Object.keys(tools).length;
  const toolChoice = body.tool_choice ?? body.toolChoice;
  if (typeof toolChoice === 'string') params.tool_choice = toolChoice;
  else if (isObject(toolChoice) && typeof toolChoice.type === 'string') params.tool_choice = toolChoice.type;

  const responseFormat =
    str(obj(body.response_format)?.type) ??
    str(obj(obj(body.text)?.format)?.type) ??
    str(config?.responseMimeType) ??
    str(obj(body.output)?.type);
  if (responseFormat !== null) params.response_format = responseFormat;

  const effort =
    str(body.reasoning_effort) ??
    str(obj(body.reasoning)?.effort) ??
    str(obj(body.output_config)?.effort) ??
    str(obj(config?.thinkingConfig)?.thinkingLevel) ??
    str(obj(obj(body.providerOptions)?.openai)?.reasoningEffort);
  if (effort !== null) params.reasoning_effort = effort;
  const budget = num(obj(body.thinking)?.budget_tokens) ?? num(obj(config?.thinkingConfig)?.thinkingBudget);
  if (budget !== null) params.thinking_budget = budget;
  if (body.stream === true) params.stream = true;
  const previous = str(body.previous_response_id);
  if (previous !== null) params.previous_response_id = previous;

  let messages: unknown = body.messages;
  if (api === null) {
    if (messages !== undefined) api = 'chat';
    else if (body.contents !== undefined) {
      api = 'gemini';
      messages = body.contents;
    } else if (body.input !== undefined) {
      api = 'responses';
      messages = body.input;
    } else if (body.prompt !== undefined) {
      api = 'completion';
      messages = body.prompt;
    }
  } else if (messages === undefined) {
    messages = body.prompt;
  }
  const system = body.system ?? body.instructions ?? config?.systemInstruction;

  return {
    model,
    provider,
    api,
    client,
    params,
    messages,
    message_count: Array.isArray(messages) ? messages.length : messages === undefined ? null : 1,
    system,
  };
}

/** The base URL of an AI SDK model made by an OpenAI-compatible provider (`createOpenAI({ baseURL })`): its `config.url` builds request URLs. */
function aiSdkBaseUrl(model: Record<string, unknown>): string | null {
  try {
    const url = obj(model.config)?.url;
    if (typeof url !== 'function') return null;
    const built = str(url({ path: '', modelId: str(model.modelId) ?? '' }));
    return built === null ? null : built.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** Finds the SDK client on `this` or one of its own fields; cached per object. */
function findClient(thisArg: unknown): AiClientInfo | null {
  if (!isObject(thisArg)) return null;
  const cached = clientCache.get(thisArg);
  if (cached !== undefined) return cached;
  let found = classifyClient(thisArg);
  if (found === null) {
    let scanned = 0;
    for (const key in thisArg) {
      if (scanned++ >= MAX_SCANNED_FIELDS) break;
      if (!Object.prototype.hasOwnProperty.call(thisArg, key)) continue;
      const field = prop(thisArg, key);
      if (isObject(field)) {
        found = classifyClient(field);
        if (found !== null) break;
      }
    }
  }
  clientCache.set(thisArg, found);
  return found;
}

function classifyClient(candidate: Record<string, unknown>): AiClientInfo | null {
  const baseUrl = str(obj(candidate)?.baseURL);
  const name = str(obj(obj(candidate)?.constructor)?.name);
  if (typeof obj(candidate)?.vertexai === 'boolean' && isObject(obj(candidate)?.models)) {
    const httpOptions = obj(candidate)?.httpOptions;
    return {
      kind: obj(candidate)?.vertexai === true ? 'google-vertex' : 'google-genai',
      baseUrl: str(obj(httpOptions)?.baseUrl),
    };
  }
  if (baseUrl === null) return null;
  if (isObject(obj(candidate)?.chat) && isObject(obj(candidate)?.responses)) {
    const azure = name === 'AzureOpenAI' || obj(candidate)?.deploymentName !== undefined || typeof obj(candidate)?.apiVersion === 'string';
    return { kind: azure ? 'azure-openai' : 'openai', baseUrl };
  }
  if (isObject(obj(candidate)?.messages)) {
    if (name === 'AnthropicBedrock') return { kind: 'anthropic-bedrock', baseUrl };
    if (name === 'AnthropicVertex') return { kind: 'anthropic-vertex', baseUrl };
    return { kind: 'anthropic', baseUrl };
  }
  if (isObject(obj(candidate)?.chat)) return { kind: name === 'Mistral' ? 'mistral' : 'openai', baseUrl };
  return null;
}
