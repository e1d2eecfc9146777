import { aiCall, environmentStep, runtimeOperation, traceSpan } from '../../src/index.js';

/** A chat-completions response as the OpenAI SDK returns it (what an `@aiCall` method typically returns). */
export const CHAT_COMPLETION = Object.freeze({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Move left.', refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 42, completion_tokens: 3, total_tokens: 45 },
});

/** A gym-style step result. */
function stepResult(action: number) {
  return { observation: [action, 1, 2, 3], reward: 1, terminated: false, truncated: false, info: {} };
}

/** The methods measured, decorated (Stage-3 decorators as tsc compiles them). */
export class Traced {
  @runtimeOperation()
  syncOp(x: number): number {
    return x + 1;
  }

  @runtimeOperation()
  async asyncOp(x: number): Promise<number> {
    return x + 1;
  }

  @runtimeOperation()
  *gen(x: number): Generator<number> {
    yield x;
    yield x + 1;
    yield x + 2;
  }

  @runtimeOperation()
  async *agen(x: number): AsyncGenerator<number> {
    yield x;
    yield x + 1;
    yield x + 2;
  }

  @environmentStep()
  step(action: number) {
    return stepResult(action);
  }

  @aiCall({ systemId: 'planner' })
  async complete(_x: number) {
    return CHAT_COMPLETION;
  }
}

/** The same methods, undecorated: the baseline. */
export class Plain {
  syncOp(x: number): number {
    return x + 1;
  }

  async asyncOp(x: number): Promise<number> {
    return x + 1;
  }

  *gen(x: number): Generator<number> {
    yield x;
    yield x + 1;
    yield x + 2;
  }

  async *agen(x: number): AsyncGenerator<number> {
    yield x;
    yield x + 1;
    yield x + 2;
  }

  step(action: number) {
    return stepResult(action);
  }

  async complete(_x: number) {
    return CHAT_COMPLETION;
  }
}

/** Three nested spans: each call's parent is found through the AsyncLocalStorage. */
export class TracedNested {
  @traceSpan({ kind: 'agent' })
  outer(x: number): number {
    return this.middle(x);
  }

  @traceSpan({ kind: 'chain' })
  middle(x: number): number {
    return this.inner(x);
  }

  @runtimeOperation()
  inner(x: number): number {
    return x + 1;
  }
}

/** The nested calls, undecorated. */
export class PlainNested {
  outer(x: number): number {
    return this.middle(x);
  }

  middle(x: number): number {
    return this.inner(x);
  }

  inner(x: number): number {
    return x + 1;
  }
}
