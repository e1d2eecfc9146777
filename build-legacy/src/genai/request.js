import { isObject, num, prop, str } from './fields.js';
const REQUEST_KEYS = ['model', 'messages', 'contents', 'prompt', 'input'];
const MAX_SCANNED_FIELDS = 24;
const clientCache = new WeakMap();
/**
 * Reads model, provider hints and request parameters from the arguments of an LLM call.
 * Hot path: property reads only; never throws, never copies.
 *
 * @example
 * const request = readAiRequest([{ model: 'gpt-4o-mini', messages }], agent, {});
 * request?.model; // 'gpt-4o-mini'
 */
export function readAiRequest(args, thisArg, options) {
    try {
        const body = findRequestBody(args);
        const client = findClient(thisArg);
        if (body === undefined) {
            if (options.model === undefined && options.provider === undefined && client === null)
                return null;
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
    }
    catch {
        return null;
    }
}
function findRequestBody(args) {
    const count = args.length < 4 ? args.length : 4;
    for (let i = 0; i < count; i++) {
        const arg = args[i];
        if (!isObject(arg) || Array.isArray(arg))
            continue;
        for (const key of REQUEST_KEYS) {
            if (arg[key] !== undefined)
                return arg;
        }
    }
    return undefined;
}
function readBody(body, client, options) {
    const rawModel = body.model;
    let model = str(rawModel);
    let provider = options.provider ?? null;
    let api = null;
    if (model === null && isObject(rawModel)) {
        // Vercel AI SDK: `model: openai('gpt-4o')` is a LanguageModel with modelId and provider ('openai.responses').
        model = str(prop(rawModel, 'modelId'));
        const sdkProvider = str(prop(rawModel, 'provider'));
        if (provider === null && sdkProvider !== null)
            provider = sdkProvider;
        api = 'ai-sdk';
    }
    if (options.model !== undefined)
        model = options.model;
    const config = body.config; // Google GenAI keeps parameters in `config`
    const params = {};
    const temperature = num(body.temperature) ?? num(prop(config, 'temperature'));
    if (temperature !== null)
        params.temperature = temperature;
    const maxTokens = num(body.max_tokens) ??
        num(body.max_completion_tokens) ??
        num(body.max_output_tokens) ??
        num(body.maxOutputTokens) ??
        num(body.maxTokens) ??
        num(prop(config, 'maxOutputTokens'));
    if (maxTokens !== null)
        params.max_tokens = maxTokens;
    const topP = num(body.top_p) ?? num(body.topP) ?? num(prop(config, 'topP'));
    if (topP !== null)
        params.top_p = topP;
    const topK = num(body.top_k) ?? num(body.topK) ?? num(prop(config, 'topK'));
    if (topK !== null)
        params.top_k = topK;
    const stop = body.stop ?? body.stop_sequences ?? body.stopSequences ?? prop(config, 'stopSequences');
    if (typeof stop === 'string' || Array.isArray(stop))
        params.stop = stop;
    const seed = num(body.seed) ?? num(prop(config, 'seed'));
    if (seed !== null)
        params.seed = seed;
    const n = num(body.n) ?? num(prop(config, 'candidateCount'));
    if (n !== null)
        params.n = n;
    const frequency = num(body.frequency_penalty) ?? num(body.frequencyPenalty) ?? num(prop(config, 'frequencyPenalty'));
    if (frequency !== null)
        params.frequency_penalty = frequency;
    const presence = num(body.presence_penalty) ?? num(body.presencePenalty) ?? num(prop(config, 'presencePenalty'));
    if (presence !== null)
        params.presence_penalty = presence;
    const tools = body.tools ?? prop(config, 'tools');
    if (Array.isArray(tools))
        params.tools_count = tools.length;
    else if (isObject(tools))
        params.tools_count = Object.keys(tools).length;
    const toolChoice = body.tool_choice ?? body.toolChoice;
    if (typeof toolChoice === 'string')
        params.tool_choice = toolChoice;
    else if (isObject(toolChoice) && typeof toolChoice.type === 'string')
        params.tool_choice = toolChoice.type;
    const responseFormat = str(prop(body.response_format, 'type')) ??
        str(prop(prop(body.text, 'format'), 'type')) ??
        str(prop(config, 'responseMimeType')) ??
        str(prop(body.output, 'type'));
    if (responseFormat !== null)
        params.response_format = responseFormat;
    const effort = str(body.reasoning_effort) ??
        str(prop(body.reasoning, 'effort')) ??
        str(prop(body.output_config, 'effort')) ??
        str(prop(prop(config, 'thinkingConfig'), 'thinkingLevel')) ??
        str(prop(prop(body.providerOptions, 'openai'), 'reasoningEffort'));
    if (effort !== null)
        params.reasoning_effort = effort;
    const budget = num(prop(body.thinking, 'budget_tokens')) ?? num(prop(prop(config, 'thinkingConfig'), 'thinkingBudget'));
    if (budget !== null)
        params.thinking_budget = budget;
    if (body.stream === true)
        params.stream = true;
    const previous = str(body.previous_response_id);
    if (previous !== null)
        params.previous_response_id = previous;
    let messages = body.messages;
    if (api === null) {
        if (messages !== undefined)
            api = 'chat';
        else if (body.contents !== undefined) {
            api = 'gemini';
            messages = body.contents;
        }
        else if (body.input !== undefined) {
            api = 'responses';
            messages = body.input;
        }
        else if (body.prompt !== undefined) {
            api = 'completion';
            messages = body.prompt;
        }
    }
    else if (messages === undefined) {
        messages = body.prompt;
    }
    const system = body.system ?? body.instructions ?? prop(config, 'systemInstruction');
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
/** Finds the SDK client on `this` or one of its own fields; cached per object. */
function findClient(thisArg) {
    if (!isObject(thisArg))
        return null;
    const cached = clientCache.get(thisArg);
    if (cached !== undefined)
        return cached;
    let found = classifyClient(thisArg);
    if (found === null) {
        let scanned = 0;
        for (const key in thisArg) {
            if (scanned++ >= MAX_SCANNED_FIELDS)
                break;
            if (!Object.prototype.hasOwnProperty.call(thisArg, key))
                continue;
            const field = prop(thisArg, key);
            if (isObject(field)) {
                found = classifyClient(field);
                if (found !== null)
                    break;
            }
        }
    }
    clientCache.set(thisArg, found);
    return found;
}
function classifyClient(candidate) {
    const baseUrl = str(prop(candidate, 'baseURL'));
    const name = str(prop(prop(candidate, 'constructor'), 'name'));
    if (typeof prop(candidate, 'vertexai') === 'boolean' && isObject(prop(candidate, 'models'))) {
        const httpOptions = prop(candidate, 'httpOptions');
        return {
            kind: prop(candidate, 'vertexai') === true ? 'google-vertex' : 'google-genai',
            baseUrl: str(prop(httpOptions, 'baseUrl')),
        };
    }
    if (baseUrl === null)
        return null;
    if (isObject(prop(candidate, 'chat')) && isObject(prop(candidate, 'responses'))) {
        const azure = name === 'AzureOpenAI' || prop(candidate, 'deploymentName') !== undefined || typeof prop(candidate, 'apiVersion') === 'string';
        return { kind: azure ? 'azure-openai' : 'openai', baseUrl };
    }
    if (isObject(prop(candidate, 'messages'))) {
        if (name === 'AnthropicBedrock')
            return { kind: 'anthropic-bedrock', baseUrl };
        if (name === 'AnthropicVertex')
            return { kind: 'anthropic-vertex', baseUrl };
        return { kind: 'anthropic', baseUrl };
    }
    if (isObject(prop(candidate, 'chat')))
        return { kind: name === 'Mistral' ? 'mistral' : 'openai', baseUrl };
    return null;
}
//# sourceMappingURL=request.js.map