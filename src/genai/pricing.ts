import { reportDiagnostic } from '../diagnostics.js';
import { AgentTraceError } from '../errors.js';
import type { TokenUsage } from '../model/events.js';
import { PRICING_TABLE, type LongContextPrice, type ModelPrice } from './pricing-table.js';

/** A price registered by the user: USD per million tokens; source and date are optional. */
export type ModelPriceInput = Omit<ModelPrice, 'source' | 'checked'> & { source?: string; checked?: string };

/** A price found for a model id, and the id it was found under. */
export interface PriceMatch {
  model: string;
  price: ModelPrice;
  /** `registered` for prices from registerModelPrice, `table` for the built-in table. */
  origin: 'registered' | 'table';
}

const registered = new Map<string, ModelPrice>();
const reportedUnknown = new Set<string>();
const MAX_REPORTED = 1000;

/**
 * Registers (or replaces) the price of a model, e.g. a fine-tune or a self-hosted model;
 * registered prices win over the built-in table and follow the same lookup rules.
 *
 * @example
 * registerModelPrice('ft:gpt-4o-mini:acme', { input: 0.3, cached_input: 0.15, output: 1.2 });
 */
export function registerModelPrice(modelId: string, price: ModelPriceInput): void {
  if (typeof modelId !== 'string' || modelId.trim() === '') {
    throw new AgentTraceError('E_USAGE', 'agent-trace: registerModelPrice needs a model id, e.g. registerModelPrice("my-model", { input: 1, output: 2 }).');
  }
  for (const key of ['input', 'output', 'cached_input', 'cache_write', 'reasoning'] as const) {
    const value = price?.[key];
    const required = key === 'input' || key === 'output';
    if ((required || value !== undefined) && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw new AgentTraceError(
        'E_USAGE',
        `agent-trace: registerModelPrice("${modelId}") needs "${key}" as a non-negative number of USD per million tokens, got ${String(value)}.`,
      );
    }
  }
  lookups.clear();
  registered.set(modelId.trim().toLowerCase(), {
    ...price,
    source: price.source ?? 'registerModelPrice',
    checked: price.checked ?? new Date().toISOString().slice(0, 10),
  });
  reportedUnknown.delete(modelId.trim().toLowerCase());
}

/**
 * Removes a price registered with registerModelPrice; the built-in one, if any, applies again.
 *
 * @example
 * unregisterModelPrice('ft:gpt-4o-mini:acme');
 */
export function unregisterModelPrice(modelId: string): void {
  lookups.clear();
  registered.delete(modelId.trim().toLowerCase());
}

/**
 * The ids a model id is looked up under, in order: the id itself, then without its provider
 * prefix (`openai/`, `models/`, Bedrock `anthropic.`), with OpenRouter's dotted Claude versions
 * dashed (`claude-sonnet-4.5` -> `claude-sonnet-4-5`), then without date or version suffixes
 * (`-2024-07-18`, `-20241022`, `-0613`, `-001`, `@20241022`, `-v2:0`, `-latest`, `-preview`,
 * OpenRouter's `:beta`, `:thinking`).
 * Never a shorter prefix of the name itself: `gpt-4o-mini` never becomes `gpt-4o` or `gpt-4`.
 *
 * @example
 * candidateModelIds('openai/gpt-4o-mini-2024-07-18'); // ['openai/gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18', 'gpt-4o-mini']
 */
export function candidateModelIds(modelId: string): string[] {
  const ids: string[] = [];
  const add = (id: string): void => {
    if (id.length > 0 && !ids.includes(id)) ids.push(id);
  };
  let id = modelId.trim().toLowerCase();
  add(id);
  const slash = id.lastIndexOf('/');
  if (slash >= 0) {
    id = id.slice(slash + 1);
    add(id);
  }
  const bedrock = id.indexOf('anthropic.');
  if (bedrock >= 0) {
    id = id.slice(bedrock + 'anthropic.'.length);
    add(id);
  }
  // OpenRouter writes Claude versions with dots (claude-sonnet-4.5, claude-3.5-haiku); Anthropic with dashes.
  if (id.startsWith('claude-') && /\d\.\d/.test(id)) {
    id = id.replace(/(\d)\.(\d)/g, '$1-$2');
    add(id);
  }
  for (let i = 0; i < 4; i++) {
    const stripped = stripSuffix(id);
    if (stripped === id) break;
    id = stripped;
    add(id);
  }
  return ids;
}

const SUFFIXES: RegExp[] = [
  /@\d{8}$/, // Vertex AI: claude-3-5-sonnet-v2@20241022
  /-v\d+(:\d+)?$/, // Bedrock and Vertex versions: -v2:0, -v1
  /-\d{4}-\d{2}-\d{2}$/, // OpenAI snapshots: -2024-07-18
  /-\d{8}$/, // Anthropic snapshots: -20241022
  /-preview-\d{2}-\d{2}$/, // Gemini previews: -preview-05-20
  /-\d{2}-\d{2}$/, // -05-20
  /-\d{4}$/, // OpenAI -0613, Mistral -2411
  /-\d{3}$/, // Gemini -001
  /-latest$/,
  /-preview$/,
  /:(beta|thinking|extended|nitro)$/, // OpenRouter variants priced as the model
];

function stripSuffix(id: string): string {
  for (const suffix of SUFFIXES) {
    const stripped = id.replace(suffix, '');
    if (stripped !== id && stripped.length > 0) return stripped;
  }
  return id;
}

/**
 * Finds the price of a model by exact id, then by the ids of candidateModelIds; never by
 * substring. Registered prices come first at every step.
 *
 * @example
 * findModelPrice('claude-3-5-sonnet-20241022')?.model; // 'claude-3-5-sonnet'
 */
export function findModelPrice(modelId: string): PriceMatch | null {
  // Every event of a model asks again: remember the answer (cleared when prices are registered).
  let match = lookups.get(modelId);
  if (match === undefined) {
    match = lookUp(modelId);
    if (lookups.size >= 1024) lookups.clear();
    lookups.set(modelId, match);
  }
  return match;
}

const lookups = new Map<string, PriceMatch | null>();

function lookUp(modelId: string): PriceMatch | null {
  for (const id of candidateModelIds(modelId)) {
    const own = registered.get(id);
    if (own !== undefined) return { model: id, price: own, origin: 'registered' };
    const builtIn = Object.prototype.hasOwnProperty.call(PRICING_TABLE.models, id) ? PRICING_TABLE.models[id] : undefined;
    if (builtIn !== undefined) return { model: id, price: builtIn, origin: 'table' };
  }
  return null;
}

/**
 * Cost in USD of one call from its normalised usage (input_tokens including cached reads and
 * cache writes, output_tokens including reasoning): uncached input at the input price, cache
 * reads at the cached price, cache writes at the write price, output at the output price
 * (reasoning at its own price where it has one). Above a long-context threshold, the whole
 * request uses the long-context prices.
 *
 * @example
 * costFromPrice(findModelPrice('gpt-4o-mini')!.price, usage);
 */
export function costFromPrice(price: ModelPrice, usage: TokenUsage): number {
  const input = usage.input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const cached = Math.min(usage.cached_input_tokens ?? 0, input);
  const written = Math.min(usage.cache_creation_input_tokens ?? 0, input - cached);
  const reasoning = Math.min(usage.reasoning_tokens ?? 0, output);
  const long: LongContextPrice | undefined = price.long_context;
  const tier = long !== undefined && input > long.above_input_tokens ? long : price;
  const inputPrice = tier.input;
  const cachedPrice = tier.cached_input ?? inputPrice;
  const writePrice = tier.cache_write ?? inputPrice;
  const outputPrice = tier.output;
  const reasoningPrice = price.reasoning ?? outputPrice;
  const micros =
    (input - cached - written) * inputPrice +
    cached * cachedPrice +
    written * writePrice +
    (output - reasoning) * outputPrice +
    reasoning * reasoningPrice;
  return Math.round(micros * 1e6) / 1e12;
}

/**
 * Cost in USD of a call, or null when the model or the usage is unknown. An unknown model id
 * is reported once (diagnostic `unknown-model-price`), never priced by a similar name.
 *
 * @example
 * computeCost('gpt-4o-mini-2024-07-18', usage); // priced as gpt-4o-mini
 */
export function computeCost(modelId: string | null, usage: TokenUsage | null): number | null {
  if (usage === null || (usage.input_tokens === null && usage.output_tokens === null)) return null;
  if (modelId === null || modelId === '') return null;
  const match = findModelPrice(modelId);
  if (match === null) {
    const key = modelId.trim().toLowerCase();
    if (!reportedUnknown.has(key) && reportedUnknown.size < MAX_REPORTED) {
      reportedUnknown.add(key);
      reportDiagnostic(
        'unknown-model-price',
        `agent-trace: no price for model "${modelId}"; cost_usd is null. Register one with registerModelPrice("${modelId}", { input, output }) (USD per million tokens).`,
      );
    }
    return null;
  }
  return costFromPrice(match.price, usage);
}

/**
 * The version of the built-in pricing table, recorded with costs so they can be recomputed.
 *
 * @example
 * pricingTableVersion(); // '2026-11-22.1'
 */
export function pricingTableVersion(): string {
  return PRICING_TABLE.version;
}
