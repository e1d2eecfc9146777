import type { CallMessage, CallToolCall, JsonValue } from '../model/events.js';
import { isObject, prop, str } from './fields.js';
import type { AiOutputMessage, AiOutputPart, AiToolCall } from './response.js';

type Part = CallMessage['parts'][number];

const MAX_MESSAGES = 500;
const MAX_PARTS = 200;
const MAX_JSON_DEPTH = 8;
const MAX_ARGUMENT_CHARS = 65_536;

/**
 * Normalises the input messages of a request body (already captured as JSON) to role + parts:
 * OpenAI chat `messages`, Responses `input`/`instructions`, Anthropic `system` + `messages`,
 * Gemini `contents` + `config.systemInstruction`, AI SDK `system` + `messages`/`prompt`, and a
 * completion `prompt`. Text parts are `{ type: 'text', text }`; tool calls and results follow
 * OpenTelemetry's part types (`tool_call`, `tool_call_response`, `reasoning`, `uri`, `blob`).
 *
 * @example
 * normaliseInputMessages({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
 * // [{ role: 'user', parts: [{ type: 'text', text: 'Hi' }] }]
 */
export function normaliseInputMessages(body: unknown): CallMessage[] {
  const messages: CallMessage[] = [];
  if (!isObject(body)) return messages;
  const config = body.config;
  const system = body.system ?? body.instructions ?? prop(config, 'systemInstruction');
  if (system !== undefined && system !== null) {
    const parts = contentParts(isObject(system) && !Array.isArray(system) && Array.isArray(system.parts) ? system.parts : system);
    if (parts.length > 0) messages.push({ role: 'system', parts });
  }
  const list = body.messages ?? body.input ?? body.contents ?? body.prompt;
  if (typeof list === 'string') {
    messages.push({ role: 'user', parts: [{ type: 'text', text: list }] });
    return messages;
  }
  if (!Array.isArray(list)) return messages;
  // Gemini accepts a bare list of parts as one user turn.
  if (list.length > 0 && isObject(list[0]) && !Array.isArray(list[0]) && !('role' in list[0]) && !('type' in list[0]) && !('parts' in list[0])) {
    messages.push({ role: 'user', parts: contentParts(list) });
    return messages;
  }
  const count = Math.min(list.length, MAX_MESSAGES);
  for (let i = 0; i < count; i++) {
    const message = normaliseMessage(list[i]);
    if (message !== null) messages.push(message);
  }
  return messages;
}

function normaliseMessage(input: unknown): CallMessage | null {
  if (typeof input === 'string') return { role: 'user', parts: [{ type: 'text', text: input }] };
  const message = fromLangChain(input);
  if (!isObject(message)) return null;
  const type = str(message.type);
  // Responses API input items that are not messages.
  if (type === 'function_call' || type === 'custom_tool_call') {
    return {
      role: 'assistant',
      parts: [{ type: 'tool_call', id: str(message.call_id) ?? str(message.id), name: str(message.name) ?? 'unknown', arguments: toArguments(message.arguments ?? message.input) }],
    };
  }
  if (type === 'function_call_output' || type === 'custom_tool_call_output') {
    return { role: 'tool', parts: [{ type: 'tool_call_response', id: str(message.call_id), response: toJson(message.output) }] };
  }
  if (type === 'reasoning') {
    const summary = Array.isArray(message.summary) ? message.summary.map((entry) => str(prop(entry, 'text')) ?? '').join('\n') : '';
    return { role: 'assistant', parts: [{ type: 'reasoning', text: summary }] };
  }
  const role = normaliseRole(str(message.role) ?? 'user');
  const parts: Part[] = [];
  // Gemini Content: { role, parts }
  if (Array.isArray(message.parts)) parts.push(...contentParts(message.parts));
  else if (message.content !== undefined && message.content !== null) parts.push(...contentParts(message.content));
  // OpenAI chat: assistant tool calls and tool results.
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls.slice(0, MAX_PARTS)) {
      const fn = prop(call, 'function');
      parts.push({ type: 'tool_call', id: str(prop(call, 'id')), name: str(prop(fn, 'name')) ?? 'unknown', arguments: toArguments(prop(fn, 'arguments')) });
    }
  }
  if (role === 'tool' && typeof message.tool_call_id === 'string') {
    const response = parts.length === 1 && parts[0]!.type === 'text' ? (parts[0]!.text ?? '') : toJson(message.content);
    return { role, parts: [{ type: 'tool_call_response', id: message.tool_call_id, response }] };
  }
  const result: CallMessage = { role, parts };
  const name = str(message.name);
  if (name !== null) result.name = name;
  return result;
}

// LangChain.js message types and classes, as roles.
const LANGCHAIN_ROLES: Readonly<Record<string, string>> = {
  human: 'user', ai: 'assistant', system: 'system', tool: 'tool', developer: 'system',
  HumanMessage: 'user', AIMessage: 'assistant', AIMessageChunk: 'assistant', SystemMessage: 'system', ToolMessage: 'tool',
};

/**
 * A LangChain.js message as a role-bearing message: `['human', 'Hi']`, a serialised message
 * (`{ lc: 1, type: 'constructor', id: [..., 'HumanMessage'], kwargs }`, what a snapshot of one
 * holds) or a plain `{ type: 'human', content }`; anything else is returned as it is.
 */
function fromLangChain(message: unknown): unknown {
  if (Array.isArray(message) && message.length === 2) {
    const role = langChainRole(message[0]);
    return role === undefined ? message : { role, content: message[1] };
  }
  if (!isObject(message) || message.role !== undefined) return message;
  if (message.lc === 1 && message.type === 'constructor' && Array.isArray(message.id) && isObject(message.kwargs)) {
    const role = langChainRole(message.id[message.id.length - 1]);
    return role === undefined ? message : { ...message.kwargs, role, tool_calls: langChainToolCalls(message.kwargs.tool_calls) };
  }
  const role = langChainRole(message.type);
  return role === undefined ? message : { ...message, role, tool_calls: langChainToolCalls(message.tool_calls) };
}

function langChainRole(name: unknown): string | undefined {
  return typeof name === 'string' && Object.hasOwn(LANGCHAIN_ROLES, name) ? LANGCHAIN_ROLES[name] : undefined;
}

// LangChain's `{ id, name, args }` tool calls in OpenAI's `{ id, function: { name, arguments } }` shape.
function langChainToolCalls(calls: unknown): unknown {
  if (!Array.isArray(calls)) return undefined;
  return calls.map((call) => ({ id: prop(call, 'id'), function: { name: prop(call, 'name'), arguments: prop(call, 'args') } }));
}

function normaliseRole(role: string): string {
  if (role === 'model') return 'assistant';
  if (role === 'developer') return 'system';
  if (role === 'function') return 'tool';
  return role;
}

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return isObject(content) ? [contentPart(content)] : [];
  const parts: Part[] = [];
  const count = Math.min(content.length, MAX_PARTS);
  for (let i = 0; i < count; i++) {
    const item = content[i];
    if (typeof item === 'string') parts.push({ type: 'text', text: item });
    else if (isObject(item)) parts.push(contentPart(item));
  }
  return parts;
}

function contentPart(part: Record<string, unknown>): Part {
  const type = str(part.type);
  const text = str(part.text);
  if (type === null) {
    // Gemini Part: { text } | { functionCall } | { functionResponse } | { inlineData } | { fileData }
    if (text !== null) return part.thought === true ? { type: 'reasoning', text } : { type: 'text', text };
    if (isObject(part.functionCall)) {
      return { type: 'tool_call', id: str(part.functionCall.id), name: str(part.functionCall.name) ?? 'unknown', arguments: toJson(part.functionCall.args) };
    }
    if (isObject(part.functionResponse)) {
      return { type: 'tool_call_response', id: str(part.functionResponse.id), name: str(part.functionResponse.name) ?? 'unknown', response: toJson(part.functionResponse.response) };
    }
    if (isObject(part.inlineData)) return { type: 'blob', modality: modalityOf(str(part.inlineData.mimeType)), mime_type: str(part.inlineData.mimeType) };
    if (isObject(part.fileData)) return { type: 'uri', modality: modalityOf(str(part.fileData.mimeType)), uri: str(part.fileData.fileUri), mime_type: str(part.fileData.mimeType) };
    return { type: 'unknown' };
  }
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: text ?? '' };
    case 'refusal':
      return { type: 'refusal', text: str(part.refusal) ?? text ?? '' };
    case 'thinking':
      return { type: 'reasoning', text: str(part.thinking) ?? '' };
    case 'reasoning':
      return { type: 'reasoning', text: text ?? '' };
    case 'redacted_thinking':
      return { type: 'reasoning', text: '' };
    case 'tool_use':
      return { type: 'tool_call', id: str(part.id), name: str(part.name) ?? 'unknown', arguments: toJson(part.input) };
    case 'tool-call':
      return { type: 'tool_call', id: str(part.toolCallId), name: str(part.toolName) ?? 'unknown', arguments: toJson(part.input ?? part.args) };
    case 'tool_result':
      return { type: 'tool_call_response', id: str(part.tool_use_id), response: toolResultContent(part.content) };
    case 'tool-result':
      return { type: 'tool_call_response', id: str(part.toolCallId), response: toJson(part.output ?? part.result) };
    case 'image_url': {
      const url = str(prop(part.image_url, 'url')) ?? str(part.image_url);
      return url !== null && url.startsWith('data:') ? { type: 'blob', modality: 'image', mime_type: url.slice(5, url.indexOf(';') > 0 ? url.indexOf(';') : 5) } : { type: 'uri', modality: 'image', uri: url };
    }
    case 'input_image': {
      const url = str(part.image_url);
      if (url !== null && !url.startsWith('data:')) return { type: 'uri', modality: 'image', uri: url };
      return str(part.file_id) !== null ? { type: 'file', modality: 'image', file_id: str(part.file_id) } : { type: 'blob', modality: 'image', mime_type: null };
    }
    case 'image':
    case 'document': {
      const source = part.source;
      const sourceType = str(prop(source, 'type'));
      const modality = type === 'image' ? 'image' : 'document';
      if (sourceType === 'url') return { type: 'uri', modality, uri: str(prop(source, 'url')) };
      if (sourceType === 'file') return { type: 'file', modality, file_id: str(prop(source, 'file_id')) };
      return { type: 'blob', modality, mime_type: str(prop(source, 'media_type')) ?? str(part.mediaType) };
    }
    case 'file':
    case 'input_file':
      return { type: 'file', modality: 'document', file_id: str(part.file_id) ?? str(prop(part.file, 'file_id')), mime_type: str(part.mediaType) };
    case 'input_audio':
      return { type: 'blob', modality: 'audio', mime_type: str(prop(part.input_audio, 'format')) };
    default:
      return text !== null ? { type, text } : { type };
  }
}

function toolResultContent(content: unknown): JsonValue {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const texts = content.map((item) => str(prop(item, 'text'))).filter((t): t is string => t !== null);
    if (texts.length === content.length) return texts.join('');
  }
  return toJson(content);
}

function modalityOf(mimeType: string | null): string {
  if (mimeType === null) return 'document';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'document';
}

/** Output messages of a response, as JSON call messages with finish reasons. */
export function toCallMessages(outputs: readonly AiOutputMessage[]): CallMessage[] {
  return outputs.map((message) => {
    const parts: Part[] = message.parts.map(outputPart);
    const result: CallMessage & { finish_reason?: string } = { role: message.role, parts };
    if (message.finish_reason !== null) result.finish_reason = message.finish_reason;
    return result;
  });
}

function outputPart(part: AiOutputPart): Part {
  if (part.type === 'tool_call') return { type: 'tool_call', id: part.id ?? null, name: part.name ?? 'unknown', arguments: toJson(parseArguments(part.arguments)) };
  const result: Part = { type: part.type };
  if (part.text !== undefined) result.text = part.text;
  if (part.id !== undefined) result.id = part.id;
  if (part.name !== undefined) result.name = part.name;
  return result;
}

/** Tool calls with their arguments as a JSON string (as OpenAI sends them). */
export function toCallToolCalls(calls: readonly AiToolCall[]): CallToolCall[] {
  return calls.map((call) => ({ id: call.id, name: call.name, arguments: argumentString(call.arguments) }));
}

function argumentString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_ARGUMENT_CHARS ? value.slice(0, MAX_ARGUMENT_CHARS) : value;
  try {
    const json = JSON.stringify(toJson(value));
    return json.length > MAX_ARGUMENT_CHARS ? json.slice(0, MAX_ARGUMENT_CHARS) : json;
  } catch {
    return null;
  }
}

/** Tool arguments as an object when they are a JSON string that parses (OpenTelemetry asks for objects). */
function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

function toArguments(value: unknown): JsonValue {
  return toJson(parseArguments(value));
}

/** A bounded JSON copy of any value: depth, array length and string length are capped; cycles become '[Circular]'. */
export function toJson(value: unknown, depth = 0, seen: Set<object> = new Set()): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value.length > MAX_ARGUMENT_CHARS ? value.slice(0, MAX_ARGUMENT_CHARS) : value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return null;
  }
  const object = value as object;
  if (depth >= MAX_JSON_DEPTH) return '[MaxDepth]';
  if (seen.has(object)) return '[Circular]';
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.slice(0, MAX_PARTS).map((item) => toJson(item, depth + 1, seen));
    if (object instanceof Date) return object.toISOString();
    const result: { [key: string]: JsonValue } = {};
    let count = 0;
    for (const key of Object.keys(object)) {
      if (count++ >= MAX_PARTS) break;
      result[key] = toJson((object as Record<string, unknown>)[key], depth + 1, seen);
    }
    return result;
  } catch {
    return null;
  } finally {
    seen.delete(object);
  }
}
