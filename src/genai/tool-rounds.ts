import type { TokenUsage } from '../model/events.js';
import type { AiRequest } from './request.js';
import { emptyAiResponse, readAiResponse, type AiResponse, type AiToolCall } from './response.js';
import type { StreamAggregator } from './streams.js';
import { addUsage } from './usage.js';

/**
 * Folds the chat completions of an OpenAI tool runner (`chat.completions.runTools()` without
 * streaming), one per round, into one AiResponse: the last round's answer, the tool calls of
 * every round, the usage of all rounds added up (so the cost covers the whole run), and the
 * number of rounds in `extra.tool_rounds`.
 *
 * @example
 * const rounds = createToolRoundsAggregator(request);
 * runner.on('chatCompletion', (completion) => rounds.onChunk(completion));
 */
export function createToolRoundsAggregator(request: AiRequest | null): StreamAggregator {
  let last: AiResponse | null = null;
  let usage: TokenUsage | null = null;
  let rounds = 0;
  const toolCalls: AiToolCall[] = [];
  return {
    onChunk(completion: unknown): void {
      rounds++;
      last = readAiResponse(completion, request);
      if (last.usage !== null) usage = addUsage(usage, last.usage);
      toolCalls.push(...last.tool_calls);
    },
    result(): AiResponse {
      const response: AiResponse = last === null ? emptyAiResponse() : { ...last, extra: { ...last.extra } };
      response.model ??= request?.model ?? null;
      response.usage = usage;
      response.tool_calls = toolCalls.slice();
      if (rounds > 0) response.extra.tool_rounds = String(rounds);
      return response;
    },
    failure(): undefined {
      return undefined;
    },
  };
}
