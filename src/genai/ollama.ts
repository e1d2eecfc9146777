import { isObject, obj, str } from './fields.js';
import type { AiOutputPart, AiResponse, AiToolCall } from './response.js';
import { readUsage } from './usage.js';

/**
 * True for what Ollama's `/api/chat` and `/api/generate` answer (the `ollama` client's
 * ChatResponse and GenerateResponse, and each line of their streams): `done`, `created_at`, and
 * a `message` or a `response`.
 *
 * @example
 * isOllamaResponse(await ollama.chat({ model: 'llama3.2', messages })); // true
 */
export function isOllamaResponse(body: Record<string, unknown>): boolean {
  return typeof body.done === 'boolean' && 'created_at' in body && (isObject(body.message) || typeof body.response === 'string');
}

/** Reads model, usage (`prompt_eval_count`, `eval_count`), finish reason, text, thinking and tool calls of an Ollama answer into `response`. */
export function readOllamaResponse(response: AiResponse, body: Record<string, unknown>): void {
  const message = obj(body.message);
  response.api = message !== undefined ? 'ollama.chat' : 'ollama.generate';
  response.provider = 'ollama';
  response.model = str(body.model) ?? response.model;
  response.usage = readUsage(body) ?? response.usage;
  const finish = str(body.done_reason);
  if (finish !== null) response.finish_reasons.push(finish);
  const parts: AiOutputPart[] = [];
  const thinking = str(message?.thinking) ?? str(body.thinking);
  if (thinking !== null && thinking.length > 0) {
    parts.push({ type: 'reasoning', text: thinking });
    response.reasoning_text = thinking;
  }
  const text = str(message?.content) ?? str(body.response);
  if (text !== null && text.length > 0) {
    parts.push({ type: 'text', text });
    response.output_text = text;
  }
  for (const call of ollamaToolCalls(message?.tool_calls)) {
    response.tool_calls.push(call);
    parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
  }
  response.output_messages.push({ role: str(message?.role) ?? 'assistant', parts, finish_reason: finish });
}

/** Ollama's tool calls (`{ function: { name, arguments } }`, complete in one message and without ids) as AiToolCalls. */
export function ollamaToolCalls(calls: unknown): AiToolCall[] {
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => {
    const fn = obj(obj(call)?.function);
    return { id: str(obj(call)?.id), name: str(fn?.name) ?? 'unknown', arguments: fn?.arguments ?? null };
  });
}
