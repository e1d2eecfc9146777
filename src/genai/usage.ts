import type { TokenUsage } from '../model/events.js';
import { firstNum, isObject, num, obj, sumPresent } from './fields.js';

/**
 * Normalises a provider's usage object to agent-trace's TokenUsage, whatever SDK it came from.
 *
 * The normal form (the same as OpenTelemetry's `gen_ai.usage.*`): `input_tokens` counts ALL
 * input tokens, cached reads and cache writes included; `output_tokens` counts ALL output tokens,
 * reasoning included. Anthropic reports uncached input only and Gemini reports thinking apart
 * from the answer, so both are summed here. Returns null when `usage` holds no token count.
 *
 * @example
 * readUsage({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }); // { input_tokens: 10, output_tokens: 5, ... }
 */
export function readUsage(usage: unknown): TokenUsage | null {
  if (!isObject(usage)) return null;
  // OpenAI Chat Completions (and OpenAI-compatible servers: DeepSeek, OpenRouter, vLLM, Ollama).
  if (usage.prompt_tokens !== undefined || usage.completion_tokens !== undefined) {
    const input = num(usage.prompt_tokens);
    const output = num(usage.completion_tokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.total_tokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(obj(usage.prompt_tokens_details)?.cached_tokens, usage.prompt_cache_hit_tokens),
      cache_creation_input_tokens: firstNum(obj(usage.prompt_tokens_details)?.cache_write_tokens, obj(usage.prompt_tokens_details)?.cache_creation_tokens),
      reasoning_tokens: num(obj(usage.completion_tokens_details)?.reasoning_tokens),
    };
  }
  // Anthropic Messages: input_tokens excludes cache reads and writes.
  if (usage.cache_read_input_tokens !== undefined || usage.cache_creation_input_tokens !== undefined) {
    const uncached = num(usage.input_tokens);
    const read = num(usage.cache_read_input_tokens);
    const write = num(usage.cache_creation_input_tokens);
    const input = sumPresent(uncached, read, write);
    const output = num(usage.output_tokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: sumPresent(input, output),
      cached_input_tokens: read,
      cache_creation_input_tokens: write,
      reasoning_tokens: null,
    };
  }
  // OpenAI Responses API (input_tokens includes cached ones), Anthropic without caching, and
  // LangChain's usage_metadata (totals over all token types, details in `*_token_details`).
  if (usage.input_tokens !== undefined || usage.output_tokens !== undefined) {
    const input = num(usage.input_tokens);
    const output = num(usage.output_tokens);
    const langChainInput = obj(usage.input_token_details);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.total_tokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(obj(usage.input_tokens_details)?.cached_tokens, langChainInput?.cache_read),
      cache_creation_input_tokens: num(langChainInput?.cache_creation),
      reasoning_tokens: firstNum(obj(usage.output_tokens_details)?.reasoning_tokens, obj(usage.output_token_details)?.reasoning),
    };
  }
  // Google Gemini usageMetadata: thoughts are reported apart from candidates.
  if (usage.promptTokenCount !== undefined || usage.candidatesTokenCount !== undefined || usage.totalTokenCount !== undefined) {
    const input = sumPresent(num(usage.promptTokenCount), num(usage.toolUsePromptTokenCount));
    const thoughts = num(usage.thoughtsTokenCount);
    const output = sumPresent(num(usage.candidatesTokenCount), thoughts);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.totalTokenCount) ?? sumPresent(input, output),
      cached_input_tokens: num(usage.cachedContentTokenCount),
      cache_creation_input_tokens: null,
      reasoning_tokens: thoughts,
    };
  }
  // Mistral's SDK (the OpenAI wire format in camelCase; unknown fields kept in additionalProperties).
  if (usage.promptTokens !== undefined || usage.completionTokens !== undefined) {
    const input = num(usage.promptTokens);
    const output = num(usage.completionTokens);
    const extra = obj(usage.additionalProperties);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.totalTokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(obj(usage.promptTokensDetails)?.cachedTokens, obj(extra?.prompt_tokens_details)?.cached_tokens),
      cache_creation_input_tokens: null,
      reasoning_tokens: firstNum(obj(usage.completionTokensDetails)?.reasoningTokens, obj(extra?.completion_tokens_details)?.reasoning_tokens),
    };
  }
  // Ollama: the counts are fields of the answer itself.
  if (usage.prompt_eval_count !== undefined || usage.eval_count !== undefined) {
    const input = num(usage.prompt_eval_count);
    const output = num(usage.eval_count);
    return { input_tokens: input, output_tokens: output, total_tokens: sumPresent(input, output), cached_input_tokens: null, cache_creation_input_tokens: null, reasoning_tokens: null };
  }
  // Vercel AI SDK LanguageModelUsage (v5 and v6 field names).
  if (usage.inputTokens !== undefined || usage.outputTokens !== undefined || usage.totalTokens !== undefined) {
    const input = num(usage.inputTokens);
    const output = num(usage.outputTokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.totalTokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(obj(usage.inputTokenDetails)?.cacheReadTokens, usage.cachedInputTokens),
      cache_creation_input_tokens: num(obj(usage.inputTokenDetails)?.cacheWriteTokens),
      reasoning_tokens: firstNum(obj(usage.outputTokenDetails)?.reasoningTokens, usage.reasoningTokens),
    };
  }
  return null;
}

/**
 * Merges usage seen at different points of a stream: later non-null values win, so Anthropic's
 * `message_start` input counts survive its `message_delta` output counts.
 */
export function mergeUsage(base: TokenUsage | null, next: TokenUsage | null): TokenUsage | null {
  if (base === null) return next;
  if (next === null) return base;
  const merged: TokenUsage = {
    input_tokens: next.input_tokens ?? base.input_tokens,
    output_tokens: next.output_tokens ?? base.output_tokens,
    total_tokens: null,
    cached_input_tokens: next.cached_input_tokens ?? base.cached_input_tokens ?? null,
    cache_creation_input_tokens: next.cache_creation_input_tokens ?? base.cache_creation_input_tokens ?? null,
    reasoning_tokens: next.reasoning_tokens ?? base.reasoning_tokens ?? null,
  };
  // A partial delta (Anthropic message_delta without input counts) cannot lower the input total.
  if (base.input_tokens !== null && merged.input_tokens !== null && merged.input_tokens < base.input_tokens) {
    merged.input_tokens = base.input_tokens;
  }
  merged.total_tokens = sumPresent(merged.input_tokens, merged.output_tokens) ?? next.total_tokens ?? base.total_tokens;
  return merged;
}

/** Adds usage reported in parts (LangChain's AIMessageChunks each carry a share): counts that either side has are summed. */
export function addUsage(base: TokenUsage | null, next: TokenUsage): TokenUsage {
  if (base === null) return next;
  return {
    input_tokens: sumPresent(base.input_tokens, next.input_tokens),
    output_tokens: sumPresent(base.output_tokens, next.output_tokens),
    total_tokens: sumPresent(base.total_tokens, next.total_tokens),
    cached_input_tokens: sumPresent(base.cached_input_tokens ?? null, next.cached_input_tokens ?? null),
    cache_creation_input_tokens: sumPresent(base.cache_creation_input_tokens ?? null, next.cache_creation_input_tokens ?? null),
    reasoning_tokens: sumPresent(base.reasoning_tokens ?? null, next.reasoning_tokens ?? null),
  };
}
