import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { AgentTraceError } from '../../src/errors.js';
import type { TokenUsage } from '../../src/model/events.js';
import { candidateModelIds, computeCost, findModelPrice, registerModelPrice, unregisterModelPrice } from '../../src/genai/pricing.js';
import { PRICING_TABLE } from '../../src/genai/pricing-table.js';

const usage = (input: number, output: number, extra: Partial<TokenUsage> = {}): TokenUsage => ({
  input_tokens: input,
  output_tokens: output,
  total_tokens: input + output,
  cached_input_tokens: null,
  cache_creation_input_tokens: null,
  reasoning_tokens: null,
  ...extra,
});

const MILLION = usage(1_000_000, 1_000_000);

function collectDiagnostics(): { list: Diagnostic[]; stop: () => void } {
  const list: Diagnostic[] = [];
  const stop = onDiagnostic((d) => list.push(d));
  return { list, stop };
}

describe('pricing', () => {
  afterEach(() => unregisterModelPrice('acme-llm'));

  it('has a versioned table whose entries each cite a source and a date', () => {
    assert.match(PRICING_TABLE.version, /^\d{4}-\d{2}-\d{2}\.\d+$/);
    const providers = new Set<string>();
    for (const [id, price] of Object.entries(PRICING_TABLE.models)) {
      assert.match(price.source, /^https:\/\//, id);
      assert.match(price.checked, /^\d{4}-\d{2}-\d{2}$/, id);
      assert.ok(price.input >= 0 && price.output >= 0, id);
      providers.add(new URL(price.source).hostname);
      assert.equal(id, id.toLowerCase(), 'ids are stored lower-case');
    }
    for (const host of ['developers.openai.com', 'platform.claude.com', 'ai.google.dev', 'mistral.ai', 'api-docs.deepseek.com']) assert.ok(providers.has(host), host);
  });

  it('prices gpt-4o-mini as itself, never as gpt-4o or gpt-4', () => {
    const mini = computeCost('gpt-4o-mini', MILLION);
    assert.equal(mini, 0.15 + 0.6);
    assert.notEqual(mini, computeCost('gpt-4o', MILLION));
    assert.notEqual(mini, computeCost('gpt-4', MILLION));
    assert.equal(computeCost('gpt-4o', MILLION), 2.5 + 10);
    assert.equal(computeCost('gpt-4', MILLION), 30 + 60);
    assert.equal(findModelPrice('gpt-4o-mini-2024-07-18')?.model, 'gpt-4o-mini');
  });

  it('strips date suffixes, -latest and provider prefixes, but never matches by substring', () => {
    assert.deepEqual(candidateModelIds('openai/gpt-4o-mini-2024-07-18'), ['openai/gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18', 'gpt-4o-mini']);
    assert.equal(findModelPrice('claude-3-5-sonnet-20241022')?.model, 'claude-3-5-sonnet');
    assert.equal(findModelPrice('claude-3-5-sonnet-latest')?.model, 'claude-3-5-sonnet');
    assert.equal(findModelPrice('anthropic/claude-haiku-4-5')?.model, 'claude-haiku-4-5');
    assert.equal(findModelPrice('us.anthropic.claude-3-5-sonnet-20241022-v2:0')?.model, 'claude-3-5-sonnet');
    assert.equal(findModelPrice('models/gemini-2.5-flash')?.model, 'gemini-2.5-flash');
    assert.equal(findModelPrice('gpt-3.5-turbo-0125')?.model, 'gpt-3.5-turbo');
    assert.equal(findModelPrice('mistral-large-latest')?.model, 'mistral-large');
    assert.equal(findModelPrice('anthropic/claude-sonnet-4.5')?.model, 'claude-sonnet-4-5', "OpenRouter's dotted Claude version");
    assert.equal(findModelPrice('anthropic/claude-3.5-haiku')?.model, 'claude-3-5-haiku');
    assert.equal(findModelPrice('anthropic/claude-3.7-sonnet:thinking')?.model, 'claude-3-7-sonnet');
    assert.equal(findModelPrice('openai/gpt-4.1')?.model, 'gpt-4.1', 'dots stay where the id has them');
    assert.equal(findModelPrice('gpt-4o-2024-05-13')?.model, 'gpt-4o-2024-05-13', 'a dated id priced apart keeps its own entry');
    for (const unknown of ['gpt-4o-mini-tts', 'my-gpt-4o', 'gpt', 'claude', 'gpt-4o-minimal', 'gemini-2.5']) {
      assert.equal(findModelPrice(unknown), null, unknown);
    }
  });

  it('prices cached reads, cache writes and long context', () => {
    // OpenAI: 1000 of 1200 input tokens cached.
    assert.equal(computeCost('gpt-4o-mini', usage(1200, 300, { cached_input_tokens: 1000 })), (200 * 0.15 + 1000 * 0.075 + 300 * 0.6) / 1e6);
    // Anthropic: 100 uncached, 1000 read, 100 written.
    assert.equal(
      computeCost('claude-haiku-4-5-20251001', usage(1200, 300, { cached_input_tokens: 1000, cache_creation_input_tokens: 100 })),
      (100 * 1 + 1000 * 0.1 + 100 * 1.25 + 300 * 5) / 1e6,
    );
    // Gemini 2.5 Pro above 200K input tokens: the whole request at the long-context price.
    assert.equal(computeCost('gemini-2.5-pro', usage(300_000, 1000)), (300_000 * 2.5 + 1000 * 15) / 1e6);
    assert.equal(computeCost('gemini-2.5-pro', usage(100_000, 1000)), (100_000 * 1.25 + 1000 * 10) / 1e6);
  });

  it('bills reasoning tokens as output unless the model prices them apart', () => {
    const withReasoning = usage(1000, 500, { reasoning_tokens: 400 });
    assert.equal(computeCost('o4-mini', withReasoning), (1000 * 1.1 + 500 * 4.4) / 1e6);
    registerModelPrice('acme-llm', { input: 1, output: 2, reasoning: 10 });
    assert.equal(computeCost('acme-llm', withReasoning), (1000 * 1 + 100 * 2 + 400 * 10) / 1e6);
  });

  it('gives null and one diagnostic per unknown model id', () => {
    const diagnostics = collectDiagnostics();
    try {
      assert.equal(computeCost('mystery-model-x', MILLION), null);
      assert.equal(computeCost('mystery-model-x', MILLION), null);
      assert.equal(computeCost('mystery-model-y', MILLION), null);
      const unknown = diagnostics.list.filter((d) => d.code === 'unknown-model-price');
      assert.equal(unknown.length, 2);
      assert.match(unknown[0]!.message, /mystery-model-x.*registerModelPrice/);
    } finally {
      diagnostics.stop();
    }
    assert.equal(computeCost(null, MILLION), null);
    assert.equal(computeCost('gpt-4o', null), null);
    assert.equal(computeCost('gpt-4o', usage(0, 0)), 0);
  });

  it('lets users register prices that win over the table and follow the same lookup', () => {
    registerModelPrice('acme-llm', { input: 3, cached_input: 1, output: 6 });
    assert.equal(computeCost('acme-llm-2025-01-01', usage(1000, 1000, { cached_input_tokens: 500 })), (500 * 3 + 500 * 1 + 1000 * 6) / 1e6);
    assert.equal(findModelPrice('acme/acme-llm')?.origin, 'registered');
    assert.throws(() => registerModelPrice('acme-llm', { input: -1, output: 1 }), AgentTraceError);
    assert.throws(() => registerModelPrice('', { input: 1, output: 1 }), /agent-trace: registerModelPrice needs a model id/);
    assert.throws(() => registerModelPrice('acme-llm', { input: 1 } as never), /"output"/);
  });
});
