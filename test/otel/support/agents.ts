import { aiCall, environmentStep, runtimeOperation, traceSpan } from '../../../src/index.js';

/** A chat completion as the OpenAI API returns it (plain JSON). */
export function chatCompletion(content = 'Go north.') {
  return {
    id: 'chatcmpl-otel-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
  };
}

/** The request `Planner#think` sends. */
export function chatRequest(question: string) {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are a planner.' },
      { role: 'user', content: question },
    ],
    temperature: 0.2,
    max_tokens: 50,
  };
}

export class Tools {
  @runtimeOperation()
  async search(query: string): Promise<string[]> {
    return [`result for ${query}`];
  }

  @runtimeOperation()
  explode(): never {
    throw new TypeError('tool broke');
  }
}

export class Planner {
  constructor(readonly tools = new Tools()) {}

  @aiCall({ systemId: 'planner' })
  async think(request: ReturnType<typeof chatRequest>) {
    void request;
    return chatCompletion();
  }

  @aiCall()
  async refuse(request: ReturnType<typeof chatRequest>): Promise<never> {
    void request;
    throw new RangeError('rate limited');
  }

  @traceSpan({ name: 'planner', kind: 'agent' })
  async act(question: string): Promise<string | null> {
    const reply = await this.think(chatRequest(question));
    await this.tools.search(question);
    return reply.choices[0]!.message.content;
  }

  @traceSpan('episode')
  async *stream(): AsyncGenerator<number> {
    for (let i = 0; i < 10; i++) yield i;
  }
}

export class Grid {
  position = 0;

  @environmentStep({ stateAfter: (grid: Grid) => ({ position: grid.position }) })
  step(action: number) {
    this.position += action;
    return { observation: this.position, reward: 1.5, terminated: false, truncated: true, info: {} };
  }
}
