import { isObject, obj, str } from './fields.js';
import type { AiOutputPart, AiResponse, AiToolCall } from './response.js';
import { readUsage } from './usage.js';

/**
 * The AI message of a LangChain.js chat model call (`model.invoke()` returns an AIMessage,
 * `model.stream()` yields AIMessageChunks), as the object, its plain form (`type: 'ai'`) or its
 * serialised form (`{ lc: 1, type: 'constructor', id: [..., 'AIMessage'], kwargs }`); null for
 * anything else.
 *
 * @example
 * langChainMessageOf(await new ChatOpenAI({ model: 'gpt-4o-mini' }).invoke('Hi'))?.usage_metadata;
 */
export function langChainMessageOf(value: Record<string, unknown>): Record<string, unknown> | null {
  if (value.lc === 1 && value.type === 'constructor' && Array.isArray(value.id) && isObject(value.kwargs)) {
    const name = value.id[value.id.length - 1];
    return typeof name === 'string' && name.startsWith('AIMessage') ? value.kwargs : null;
  }
  if (!('content' in value) || !(isObject(value.response_metadata) || isObject(value.usage_metadata))) return null;
  return value.type === 'ai' || Array.isArray(value.lc_namespace) ? value : null;
}

/** Reads model, provider, usage, finish reason, text, reasoning and tool calls of a LangChain AI message into `response`. */
export function readLangChainMessage(response: AiResponse, message: Record<string, unknown>): void {
  response.api = 'langchain';
  const meta = obj(message.response_metadata);
  response.model = modelOf(meta) ?? response.model;
  response.provider = str(meta?.model_provider) ?? response.provider;
  response.response_id = str(message.id) ?? str(meta?.id) ?? response.response_id;
  response.usage = readUsage(message.usage_metadata) ?? readUsage(meta?.usage) ?? response.usage;
  const finish = finishOf(meta);
  if (finish !== null) response.finish_reasons.push(finish);
  const parts: AiOutputPart[] = [];
  const { text, reasoning } = contentText(message.content);
  if (reasoning !== null) {
    parts.push({ type: 'reasoning', text: reasoning });
    response.reasoning_text = reasoning;
  }
  if (text !== null) parts.push({ type: 'text', text });
  response.output_text = text;
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      const toolCall: AiToolCall = { id: str(obj(call)?.id), name: str(obj(call)?.name) ?? 'unknown', arguments: obj(call)?.args ?? null };
      response.tool_calls.push(toolCall);
      parts.push({ type: 'tool_call', id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
    }
  }
  response.output_messages.push({ role: 'assistant', parts, finish_reason: finish });
}

/** The model id in a LangChain message's `response_metadata` (OpenAI: `model_name`, Anthropic: `model`). */
export function modelOf(meta: Record<string, unknown> | undefined): string | null {
  return str(meta?.model_name) ?? str(meta?.model) ?? str(meta?.modelName);
}

/** The finish reason in a LangChain message's `response_metadata` (OpenAI `finish_reason`, Anthropic `stop_reason`, Gemini `finishReason`). */
export function finishOf(meta: Record<string, unknown> | undefined): string | null {
  return str(meta?.finish_reason) ?? str(meta?.stop_reason) ?? str(meta?.finishReason);
}

/** The text and the reasoning of a LangChain message's content: a string, or a list of text / thinking / reasoning blocks. */
export function contentText(content: unknown): { text: string | null; reasoning: string | null } {
  if (typeof content === 'string') return { text: content.length > 0 ? content : null, reasoning: null };
  let text: string | null = null;
  let reasoning: string | null = null;
  if (Array.isArray(content)) {
    for (const block of content) {
      if (typeof block === 'string') {
        text = (text ?? '') + block;
        continue;
      }
      const type = str(obj(block)?.type);
      if (type === 'text' || type === 'text_delta') {
        const piece = str(obj(block)?.text);
        if (piece !== null) text = (text ?? '') + piece;
      } else if (type === 'thinking' || type === 'reasoning') {
        const piece = str(obj(block)?.thinking) ?? str(obj(block)?.reasoning);
        if (piece !== null) reasoning = (reasoning ?? '') + piece;
      }
    }
  }
  return { text, reasoning };
}
