import type { CaisFields } from './call-record.js';

/** Token and cost figures of a `cais` event, as far as nesting is concerned. */
export type UsageFigures = Pick<CaisFields, 'input_tokens' | 'output_tokens' | 'total_tokens' | 'cost_usd'>;

/**
 * Makes nested `@aiCall`s count once. When an `@aiCall` method calls another `@aiCall` method
 * (a wrapper around a client wrapper), both see the same LLM response; the innermost call is
 * the one that talked to the provider, so it keeps the tokens and cost. Give this the outer
 * event's fields and the figures of the `@aiCall` events that finished inside it: if any of
 * them recorded tokens, the outer's tokens and cost become null and each of its call records
 * says `metadata.usage_counted_in_nested_calls`; otherwise the outer keeps its own (its inner
 * calls measured nothing). Pure: returns a new object.
 *
 * @example
 * const fields = dedupeNestedAiCall(toCaisFields(...), innerEvents);
 */
export function dedupeNestedAiCall(outer: CaisFields, inner: readonly UsageFigures[]): CaisFields {
  let counted = 0;
  for (const figures of inner) {
    if (figures.input_tokens !== null || figures.output_tokens !== null || figures.cost_usd !== null) counted++;
  }
  if (counted === 0) return outer;
  return {
    ...outer,
    input_tokens: null,
    output_tokens: null,
    total_tokens: null,
    cost_usd: null,
    call_records: outer.call_records.map((record) => ({
      ...record,
      usage: null,
      cost_usd: null,
      metadata: { ...record.metadata, usage_counted_in_nested_calls: counted },
    })),
  };
}

/** Totals over `cais` events: null-safe sums, and how many calls had tokens but no price. */
export interface UsageTotals {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cost_usd: number;
  unpriced_calls: number;
}

/**
 * Sums tokens and cost over events (a session's `event_history` filtered to `cais`); after
 * dedupeNestedAiCall each provider call is counted once.
 *
 * @example
 * sumUsage(session.event_history.filter((e) => e.event_type === 'cais'));
 */
export function sumUsage(events: readonly UsageFigures[]): UsageTotals {
  const totals: UsageTotals = { input_tokens: 0, output_tokens: 0, total_tokens: 0, cost_usd: 0, unpriced_calls: 0 };
  for (const event of events) {
    totals.input_tokens += event.input_tokens ?? 0;
    totals.output_tokens += event.output_tokens ?? 0;
    totals.total_tokens += event.total_tokens ?? (event.input_tokens ?? 0) + (event.output_tokens ?? 0);
    if (event.cost_usd !== null) totals.cost_usd += event.cost_usd;
    else if (event.input_tokens !== null || event.output_tokens !== null) totals.unpriced_calls++;
  }
  totals.cost_usd = Math.round(totals.cost_usd * 1e12) / 1e12;
  return totals;
}
