/**
 * The built-in price list: USD per million tokens, one entry per model id without its date
 * suffix (dated ids that are priced differently have their own entry). Data only; the lookup
 * rules are in pricing.ts. Each entry names where its numbers are published (`source`), the
 * copy they were taken from when that was not the provider's page (`via`), and when this table
 * was checked against them (`checked`).
 *
 * Not modelled: batch and flex discounts, priority tiers, time-of-day prices (DeepSeek), Gemini
 * cache storage per hour, Anthropic 1-hour cache writes (5-minute write price used), tool fees.
 */

/** Prices that apply above a prompt-size threshold: the whole request is billed at them. */
export interface LongContextPrice {
  above_input_tokens: number;
  input: number;
  cached_input?: number;
  cache_write?: number;
  output: number;
}

/** Price of one model in USD per million tokens. */
export interface ModelPrice {
  input: number;
  /** Cache reads; when absent, cached tokens are billed as input. */
  cached_input?: number;
  /** Cache writes (Anthropic 5-minute, OpenAI 5.6+); when absent, billed as input. */
  cache_write?: number;
  output: number;
  /** Reasoning tokens, only where priced apart from output; when absent they are output. */
  reasoning?: number;
  long_context?: LongContextPrice;
  source: string;
  via?: string;
  checked: string;
  note?: string;
}

/** A versioned price list. */
export interface PricingTable {
  version: string;
  currency: 'USD';
  unit: 'per_million_tokens';
  models: Readonly<Record<string, ModelPrice>>;
}

const OPENAI = 'https://developers.openai.com/api/docs/pricing';
const COPILOT = 'https://github.com/github/docs/blob/main/data/tables/copilot/models-and-pricing.yml';
const ANTHROPIC = 'https://platform.claude.com/docs/en/about-claude/pricing';
const ANTHROPIC_55 = 'https://docs.rs/synaps/0.10.2/synaps_cli/pricing/index.html';
const GOOGLE = 'https://ai.google.dev/gemini-api/docs/pricing';
const GOOGLE_VIA = 'https://www.morphllm.com/gemini-api-pricing';
const MISTRAL = 'https://mistral.ai/pricing';
const MISTRAL_VIA = 'https://aipromptshub.co/calc/mistral-large-2-cost';
const DEEPSEEK = 'https://api-docs.deepseek.com/quick_start/pricing';
const CHECKED = '2026-11-22';

function openai(input: number, cached: number | undefined, output: number, extra: Partial<ModelPrice> = {}): ModelPrice {
  return { input, ...(cached === undefined ? {} : { cached_input: cached }), output, source: OPENAI, checked: CHECKED, ...extra };
}

function claude(input: number, cacheRead: number, cacheWrite: number, output: number, extra: Partial<ModelPrice> = {}): ModelPrice {
  return { input, cached_input: cacheRead, cache_write: cacheWrite, output, source: ANTHROPIC, checked: CHECKED, ...extra };
}

function gemini(input: number, cached: number | undefined, output: number, extra: Partial<ModelPrice> = {}): ModelPrice {
  return { input, ...(cached === undefined ? {} : { cached_input: cached }), output, source: GOOGLE, via: GOOGLE_VIA, checked: CHECKED, ...extra };
}

function mistral(input: number, output: number, extra: Partial<ModelPrice> = {}): ModelPrice {
  return { input, output, source: MISTRAL, via: MISTRAL_VIA, checked: CHECKED, ...extra };
}

const sonnetLong: LongContextPrice = { above_input_tokens: 200_000, input: 6, cached_input: 0.6, cache_write: 7.5, output: 22.5 };
const gemini25ProLong: LongContextPrice = { above_input_tokens: 200_000, input: 2.5, cached_input: 0.25, output: 15 };
const gemini3ProLong: LongContextPrice = { above_input_tokens: 200_000, input: 4, cached_input: 0.4, output: 18 };

/**
 * The built-in pricing table. Bump `version` (date-based) whenever a price changes.
 *
 * @example
 * PRICING_TABLE.models['gpt-4o-mini'].input; // 0.15
 */
export const PRICING_TABLE: PricingTable = {
  version: '2026-11-22.1',
  currency: 'USD',
  unit: 'per_million_tokens',
  models: {
    // OpenAI. Reasoning tokens are billed as output tokens.
    'gpt-5.6-sol': openai(5, 0.5, 30, { cache_write: 6.25, via: COPILOT, long_context: { above_input_tokens: 272_000, input: 10, cached_input: 1, cache_write: 12.5, output: 45 } }),
    'gpt-5.6-terra': openai(2, 0.2, 12, { cache_write: 2.5, via: COPILOT, long_context: { above_input_tokens: 272_000, input: 4, cached_input: 0.4, cache_write: 5, output: 18 } }),
    'gpt-5.6-luna': openai(0.2, 0.02, 1.2, { cache_write: 0.25, via: COPILOT, long_context: { above_input_tokens: 200_000, input: 0.4, cached_input: 0.04, cache_write: 0.5, output: 1.8 } }),
    'gpt-5.5': openai(5, 0.5, 30, { via: COPILOT, long_context: { above_input_tokens: 272_000, input: 10, cached_input: 1, output: 45 } }),
    'gpt-5.4': openai(2.5, 0.25, 15, { via: COPILOT, long_context: { above_input_tokens: 272_000, input: 5, cached_input: 0.5, output: 22.5 } }),
    'gpt-5.4-mini': openai(0.75, 0.075, 4.5, { via: COPILOT }),
    'gpt-5.4-nano': openai(0.2, 0.02, 1.25, { via: COPILOT }),
    'gpt-5.3-codex': openai(1.75, 0.175, 14, { via: COPILOT }),
    'gpt-5.2': openai(1.75, 0.175, 14, { via: COPILOT }),
    'gpt-5.2-codex': openai(1.75, 0.175, 14, { via: COPILOT }),
    'gpt-5.1': openai(1.25, 0.125, 10),
    'gpt-5.1-codex': openai(1.25, 0.125, 10),
    'gpt-5': openai(1.25, 0.125, 10),
    'gpt-5-chat': openai(1.25, 0.125, 10),
    'gpt-5-mini': openai(0.25, 0.025, 2, { via: COPILOT }),
    'gpt-5-nano': openai(0.05, 0.005, 0.4),
    'gpt-4.1': openai(2, 0.5, 8, { via: COPILOT }),
    'gpt-4.1-mini': openai(0.4, 0.1, 1.6),
    'gpt-4.1-nano': openai(0.1, 0.025, 0.4),
    'gpt-4o': openai(2.5, 1.25, 10),
    'gpt-4o-2024-05-13': openai(5, undefined, 15),
    'gpt-4o-mini': openai(0.15, 0.075, 0.6),
    'chatgpt-4o': openai(5, undefined, 15),
    'o1': openai(15, 7.5, 60),
    'o1-pro': openai(150, undefined, 600),
    'o1-mini': openai(1.1, 0.55, 4.4),
    'o3': openai(2, 0.5, 8),
    'o3-pro': openai(20, undefined, 80),
    'o3-mini': openai(1.1, 0.55, 4.4),
    'o4-mini': openai(1.1, 0.275, 4.4),
    'codex-mini': openai(1.5, 0.375, 6),
    'gpt-4-turbo': openai(10, undefined, 30),
    'gpt-4': openai(30, undefined, 60),
    'gpt-3.5-turbo': openai(0.5, undefined, 1.5),

    // Anthropic. cache_write is the 5-minute cache write; thinking tokens are output tokens.
    'claude-fable-5-1': claude(10, 0.25, 12.5, 50),
    'claude-mythos-5-1': claude(10, 0.25, 12.5, 50),
    'claude-fable-5': claude(10, 1, 12.5, 50),
    'claude-mythos-5': claude(10, 1, 12.5, 50),
    'claude-opus-5-5': claude(4, 0.2, 5, 20, { via: ANTHROPIC_55 }),
    'claude-sonnet-5-5': claude(2, 0.1, 2.5, 10, { via: ANTHROPIC_55, note: 'cache read lowered from 0.20 to 0.10 on 2026-10-07' }),
    'claude-haiku-5-5': claude(0.1, 0.01, 0.125, 0.5, {
      via: ANTHROPIC_55,
      long_context: { above_input_tokens: 100_000, input: 0.5, cached_input: 0.05, cache_write: 0.625, output: 2.5 },
      note: 'long-context cache prices derived from the 0.1x read and 1.25x write multipliers',
    }),
    'claude-opus-5': claude(5, 0.5, 6.25, 25),
    'claude-sonnet-5': claude(2, 0.2, 2.5, 10),
    'claude-opus-4-8': claude(5, 0.5, 6.25, 25),
    'claude-opus-4-7': claude(5, 0.5, 6.25, 25),
    'claude-opus-4-6': claude(5, 0.5, 6.25, 25),
    'claude-opus-4-5': claude(5, 0.5, 6.25, 25),
    'claude-opus-4-1': claude(15, 1.5, 18.75, 75),
    'claude-opus-4': claude(15, 1.5, 18.75, 75),
    'claude-opus-4-0': claude(15, 1.5, 18.75, 75),
    'claude-sonnet-4-6': claude(3, 0.3, 3.75, 15),
    'claude-sonnet-4-5': claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    'claude-sonnet-4': claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    'claude-sonnet-4-0': claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    'claude-3-7-sonnet': claude(3, 0.3, 3.75, 15),
    'claude-3-5-sonnet': claude(3, 0.3, 3.75, 15),
    'claude-haiku-4-5': claude(1, 0.1, 1.25, 5),
    'claude-3-5-haiku': claude(0.8, 0.08, 1, 4),
    'claude-3-opus': claude(15, 1.5, 18.75, 75),
    'claude-3-haiku': claude(0.25, 0.03, 0.3, 1.25),

    // Google Gemini. Thinking tokens are billed as output; cache storage per hour is not modelled.
    'gemini-3.5-flash': gemini(1.5, 0.15, 9, { via: COPILOT }),
    'gemini-3.1-pro': gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    'gemini-3.1-pro-preview': gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    'gemini-3.1-flash-lite': gemini(0.25, undefined, 1.5),
    'gemini-3-pro': gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    'gemini-3-pro-preview': gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    'gemini-3-flash': gemini(0.5, 0.05, 3),
    'gemini-3-flash-preview': gemini(0.5, 0.05, 3),
    'gemini-2.5-pro': gemini(1.25, 0.125, 10, { long_context: gemini25ProLong }),
    'gemini-2.5-flash': gemini(0.3, 0.03, 2.5),
    'gemini-2.5-flash-lite': gemini(0.1, 0.01, 0.4),
    'gemini-2.0-flash': gemini(0.1, 0.025, 0.4),
    'gemini-2.0-flash-lite': gemini(0.075, undefined, 0.3),

    // Mistral. No published cache discount; reasoning tokens are output tokens.
    'mistral-large': mistral(0.5, 1.5, { note: 'Mistral Large 3 (mistral-large-latest)' }),
    'mistral-large-2411': mistral(2, 6, { note: 'Mistral Large 2' }),
    'mistral-large-2407': mistral(2, 6, { note: 'Mistral Large 2' }),
    'mistral-medium': mistral(0.4, 2),
    'mistral-small': mistral(0.1, 0.3),
    'codestral': mistral(0.3, 0.9),
    'devstral-medium': mistral(0.4, 2),
    'devstral-small': mistral(0.1, 0.3),
    'magistral-medium': mistral(2, 5),
    'magistral-small': mistral(0.5, 1.5),
    'ministral-8b': mistral(0.1, 0.1),
    'ministral-3b': mistral(0.04, 0.04),
    'mistral-nemo': mistral(0.15, 0.15),
    'open-mistral-nemo': mistral(0.15, 0.15),
    'pixtral-large': mistral(2, 6),

    // DeepSeek: cache-hit input is `cached_input`; off-peak/peak pricing of newer models is not modelled.
    'deepseek-chat': { input: 0.28, cached_input: 0.028, output: 0.42, source: DEEPSEEK, checked: CHECKED, note: 'DeepSeek-V3.2 prices' },
    'deepseek-reasoner': { input: 0.28, cached_input: 0.028, output: 0.42, source: DEEPSEEK, checked: CHECKED, note: 'DeepSeek-V3.2 prices; chain-of-thought billed as output' },
  },
};
