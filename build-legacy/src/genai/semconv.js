/** APIs whose system prompt is a field apart from the chat history. */
const SEPARATE_SYSTEM = new Set(['anthropic.messages', 'openai.responses', 'gemini']);
/**
 * Maps a `cais` event to the current OpenTelemetry GenAI semantic conventions for an inference
 * client span: `gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.*`,
 * `gen_ai.response.*`, `gen_ai.usage.*` (input, output, cache read/creation, reasoning);
 * span name `{operation} {model}`. Message content (`gen_ai.input.messages`,
 * `gen_ai.output.messages`, `gen_ai.system_instructions`, as JSON strings) only when
 * `captureContent`. Never emits the deprecated `gen_ai.system`, `gen_ai.usage.prompt_tokens`,
 * `gen_ai.usage.completion_tokens`, `gen_ai.prompt` or `gen_ai.completion`.
 *
 * @example
 * const { name, attributes } = toGenAiSpan(event, { captureContent: false });
 * tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes });
 */
export function toGenAiSpan(event, options) {
    const attributes = {};
    const records = Array.isArray(event.call_records) ? event.call_records : [];
    const first = records[0];
    const last = records[records.length - 1];
    const params = first?.request_params ?? {};
    const api = first?.api_type ?? null;
    const operation = api === 'gemini' ? 'generate_content' : api === 'openai.completion' ? 'text_completion' : 'chat';
    attributes['gen_ai.operation.name'] = operation;
    const provider = event.provider ?? first?.provider ?? null;
    if (provider)
        attributes['gen_ai.provider.name'] = provider;
    const requestModel = stringOf(params.model) ?? event.model_name ?? null;
    if (requestModel)
        attributes['gen_ai.request.model'] = requestModel;
    setNumber(attributes, 'gen_ai.request.temperature', params.temperature);
    setInt(attributes, 'gen_ai.request.max_tokens', params.max_tokens);
    setNumber(attributes, 'gen_ai.request.top_p', params.top_p);
    setNumber(attributes, 'gen_ai.request.top_k', params.top_k);
    setInt(attributes, 'gen_ai.request.seed', params.seed);
    setNumber(attributes, 'gen_ai.request.frequency_penalty', params.frequency_penalty);
    setNumber(attributes, 'gen_ai.request.presence_penalty', params.presence_penalty);
    if (typeof params.n === 'number' && params.n !== 1)
        attributes['gen_ai.request.choice.count'] = params.n;
    const stop = params.stop;
    if (typeof stop === 'string')
        attributes['gen_ai.request.stop_sequences'] = [stop];
    else if (Array.isArray(stop))
        attributes['gen_ai.request.stop_sequences'] = stop.filter((s) => typeof s === 'string');
    const streamed = params.stream === true || first?.stream !== null && first?.stream !== undefined;
    if (streamed)
        attributes['gen_ai.request.stream'] = true;
    const effort = stringOf(params.reasoning_effort);
    if (effort)
        attributes['gen_ai.request.reasoning.level'] = effort;
    const format = stringOf(params.response_format);
    if (format)
        attributes['gen_ai.output.type'] = format.includes('json') ? 'json' : format === 'text' || format === 'text/plain' ? 'text' : format;
    const previous = stringOf(params.previous_response_id);
    if (previous)
        attributes['gen_ai.request.previous_response.id'] = previous;
    const responseModel = stringOf(last?.metadata?.response_model) ?? last?.model_name ?? null;
    if (responseModel)
        attributes['gen_ai.response.model'] = responseModel;
    const responseId = stringOf(last?.metadata?.response_id);
    if (responseId)
        attributes['gen_ai.response.id'] = responseId;
    const reasons = finishReasons(records);
    if (reasons.length > 0)
        attributes['gen_ai.response.finish_reasons'] = reasons;
    const ttfc = first?.stream?.time_to_first_chunk_ms;
    if (typeof ttfc === 'number')
        attributes['gen_ai.response.time_to_first_chunk'] = ttfc / 1000;
    setInt(attributes, 'gen_ai.usage.input_tokens', event.input_tokens);
    setInt(attributes, 'gen_ai.usage.output_tokens', event.output_tokens);
    let cacheRead = null;
    let cacheWrite = null;
    let reasoning = null;
    for (const record of records) {
        cacheRead = add(cacheRead, record.usage?.cached_input_tokens);
        cacheWrite = add(cacheWrite, record.usage?.cache_creation_input_tokens);
        reasoning = add(reasoning, record.usage?.reasoning_tokens);
    }
    if (cacheRead !== null)
        attributes['gen_ai.usage.cache_read.input_tokens'] = cacheRead;
    if (cacheWrite !== null) {
        // Named cache_creation in the semantic-conventions registry (npm 1.x) and cache_write in the newer GenAI repository.
        attributes['gen_ai.usage.cache_creation.input_tokens'] = cacheWrite;
        attributes['gen_ai.usage.cache_write.input_tokens'] = cacheWrite;
    }
    if (reasoning !== null)
        attributes['gen_ai.usage.reasoning.output_tokens'] = reasoning;
    const server = serverOf(stringOf(first?.metadata?.base_url));
    if (server !== null) {
        attributes['server.address'] = server.address;
        if (server.port !== null)
            attributes['server.port'] = server.port;
    }
    if (event.status === 'error')
        attributes['error.type'] = event.error?.type || '_OTHER';
    if (options.captureContent && first !== undefined) {
        let input = first.input_messages ?? [];
        if (api !== null && SEPARATE_SYSTEM.has(api) && input[0]?.role === 'system') {
            attributes['gen_ai.system_instructions'] = JSON.stringify(input[0].parts.map(otelPart));
            input = input.slice(1);
        }
        if (input.length > 0)
            attributes['gen_ai.input.messages'] = JSON.stringify(input.map((message) => otelMessage(message, false)));
        const output = last?.output_messages ?? [];
        if (output.length > 0)
            attributes['gen_ai.output.messages'] = JSON.stringify(output.map((message) => otelMessage(message, true)));
    }
    return { name: requestModel ? `${operation} ${requestModel}` : operation, kind: 'client', attributes };
}
function otelMessage(message, output) {
    const result = { role: message.role, parts: message.parts.map(otelPart) };
    if (message.name)
        result.name = message.name;
    if (output)
        result.finish_reason = stringOf(message.finish_reason) ?? 'stop';
    return result;
}
/** Our parts keep text under `text`; OpenTelemetry's part schema calls it `content`. */
function otelPart(part) {
    const result = {};
    for (const [key, value] of Object.entries(part)) {
        if (value === undefined)
            continue;
        result[key === 'text' ? 'content' : key] = value;
    }
    return result;
}
function finishReasons(records) {
    const reasons = [];
    for (const record of records) {
        const all = record.metadata?.finish_reasons;
        if (Array.isArray(all)) {
            for (const reason of all)
                if (typeof reason === 'string')
                    reasons.push(reason);
        }
        else if (record.finish_reason)
            reasons.push(record.finish_reason);
    }
    return reasons;
}
function serverOf(baseUrl) {
    if (baseUrl === null)
        return null;
    try {
        const url = new URL(baseUrl);
        const port = url.port === '' ? (url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : null) : Number(url.port);
        return { address: url.hostname, port };
    }
    catch {
        return null;
    }
}
function stringOf(value) {
    return typeof value === 'string' && value.length > 0 ? value : null;
}
function setNumber(attributes, key, value) {
    if (typeof value === 'number' && Number.isFinite(value))
        attributes[key] = value;
}
function setInt(attributes, key, value) {
    if (typeof value === 'number' && Number.isFinite(value))
        attributes[key] = Math.round(value);
}
function add(total, value) {
    return typeof value === 'number' ? (total ?? 0) + value : total;
}
//# sourceMappingURL=semconv.js.map