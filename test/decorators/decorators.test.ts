import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AgentTraceError, aiCall, environmentStep, runtimeOperation, traceSpan, withAiCall, withEnvironmentStep, withSpan, type CaisEvent, type SpanEvent } from '../../src/index.js';
import { named, traced } from '../support/tracing.js';

const completion = (model: string) => ({
  id: `chatcmpl-${model}`,
  object: 'chat.completion',
  created: 1,
  model,
  choices: [{ index: 0, message: { role: 'assistant', content: 'right' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
});

class Planner {
  @aiCall({ systemId: 'planner' })
  async think(messages: unknown[]) {
    return completion('gpt-4o-mini-2024-07-18');
  }

  @aiCall({ name: 'wrapper' })
  async wrapper(messages: unknown[]) {
    return this.think(messages);
  }

  @aiCall({ model: 'house-model', extract: (_args, result) => ({ input_tokens: (result as { inTok: number }).inTok, output_tokens: 2 }) })
  custom() {
    return { inTok: 7 };
  }
}

describe('@aiCall', () => {
  it('reads model and tokens from an OpenAI chat completion', async () => {
    const { events } = await traced(() => new Planner().think([{ role: 'user', content: 'where to?' }]));
    const [event] = events as CaisEvent[];
    assert.equal(event!.event_type, 'cais');
    assert.equal(event!.system_instance_id, 'planner');
    assert.equal(event!.model_name, 'gpt-4o-mini-2024-07-18');
    assert.equal(event!.provider, 'openai');
    assert.deepEqual([event!.input_tokens, event!.output_tokens, event!.total_tokens], [120, 30, 150]);
    assert.ok(event!.cost_usd !== null && event!.cost_usd > 0);
    assert.equal(event!.call_records.length, 1);
    assert.equal(event!.call_records[0]!.finish_reason, 'stop');
  });

  it('counts tokens once when an @aiCall wraps another @aiCall', async () => {
    const { events } = await traced(() => new Planner().wrapper([]));
    const [outer] = named(events, 'wrapper') as CaisEvent[];
    const [inner] = named(events, 'think') as CaisEvent[];
    assert.equal(inner!.parent_span_id, outer!.span_id);
    assert.equal(inner!.input_tokens, 120);
    assert.equal(outer!.input_tokens, null);
    assert.equal(outer!.cost_usd, null);
    const total = (events as CaisEvent[]).reduce((sum, e) => sum + (e.input_tokens ?? 0), 0);
    assert.equal(total, 120);
  });

  it('takes what a custom extract returns over what it read', async () => {
    const { events } = await traced(() => new Planner().custom());
    const [event] = events as CaisEvent[];
    assert.equal(event!.model_name, 'house-model');
    assert.deepEqual([event!.input_tokens, event!.output_tokens], [7, 2]);
  });
});

describe('decorator options', () => {
  it('fail when the class is defined, naming the option', () => {
    assert.throws(() => aiCall({ modle: 'x' } as never), (e) => e instanceof AgentTraceError && /no option "modle"/.test(e.message));
    assert.throws(() => traceSpan({ kind: 'planner' as never }), /option kind is "planner"/);
    assert.throws(() => environmentStep({ reward: 1 } as never), /option "reward" must be a function/);
    assert.throws(() => runtimeOperation('name' as never), /takes an options object/);
    assert.throws(() => withSpan('x', 5 as never), /needs a function/);
  });

  it('give spans their kind and events their name', async () => {
    const run = withSpan({ name: 'episode', kind: 'workflow' }, () => withAiCall({ name: 'ask' }, () => completion('gpt-4o'))());
    const { events } = await traced(() => run());
    const [span] = named(events, 'episode') as SpanEvent[];
    assert.equal(span!.span_kind, 'workflow');
    assert.equal(named(events, 'ask')[0]!.parent_span_id, span!.span_id);
  });

  it('record a throwing reward extractor as a diagnostic and keep the rest of the event', async () => {
    const step = withEnvironmentStep({ name: 'step', terminated: () => { throw new Error('bad'); } }, () => ({ reward: 3, terminated: true }));
    const { events, diagnostics } = await traced(() => step());
    assert.equal((events[0] as { reward: number }).reward, 3);
    assert.equal((events[0] as { terminated: boolean }).terminated, true);
    assert.ok(diagnostics.some((d) => d.code === 'hook-threw'));
  });
});
