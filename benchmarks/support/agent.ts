import { aiCall, environmentStep, runtimeOperation, traceSpan } from '../../src/index.js';
import { CHAT_COMPLETION } from './core-subjects.js';
import { asyncWork, burn } from './cpu-work.js';

/** How much work the reference agent does: calibrated once per process. */
export interface AgentWork {
  /** `burn` iterations of one environment step. */
  envIterations: number;
  /** `burn` iterations of one tool call. */
  toolIterations: number;
  /** Asynchronous wait of one model call, ms. */
  modelMs: number;
}

export const work: AgentWork = { envIterations: 1, toolIterations: 1, modelMs: 1 };

function stepResult(action: number, turn: number) {
  return { observation: { position: [turn % 7, action], goal: [6, 6] }, reward: action === 0 ? 1 : 0, terminated: false, truncated: false, info: { turn } };
}

function searchResult(query: string) {
  return { query, hits: [{ id: 'doc-1', score: 0.92 }, { id: 'doc-2', score: 0.71 }] };
}

/** A grid-world environment whose step costs `work.envIterations` of CPU. */
export class TracedEnv {
  turn = 0;

  @environmentStep()
  step(action: number) {
    burn(work.envIterations);
    return stepResult(action, this.turn++);
  }
}

/** The agent: a model call (async wait), a tool call (CPU), a step, under a span per turn. */
export class TracedAgent {
  @aiCall({ systemId: 'planner' })
  async think(_observation: unknown) {
    await asyncWork(work.modelMs);
    return CHAT_COMPLETION;
  }

  @runtimeOperation()
  async search(query: string) {
    burn(work.toolIterations);
    return searchResult(query);
  }

  @traceSpan({ kind: 'agent' })
  async act(env: TracedEnv, observation: unknown) {
    const reply = await this.think(observation);
    const found = await this.search(reply.choices[0]!.message.content);
    return env.step(found.hits.length - 2);
  }
}

/** `TracedEnv` without decorators. */
export class PlainEnv {
  turn = 0;

  step(action: number) {
    burn(work.envIterations);
    return stepResult(action, this.turn++);
  }
}

/** `TracedAgent` without decorators. */
export class PlainAgent {
  async think(_observation: unknown) {
    await asyncWork(work.modelMs);
    return CHAT_COMPLETION;
  }

  async search(query: string) {
    burn(work.toolIterations);
    return searchResult(query);
  }

  async act(env: PlainEnv, observation: unknown) {
    const reply = await this.think(observation);
    const found = await this.search(reply.choices[0]!.message.content);
    return env.step(found.hits.length - 2);
  }
}

/** An environment step of a given CPU cost, decorated, for tight loops. */
export class TracedTightEnv {
  constructor(readonly iterations: number) {}

  @environmentStep()
  step(action: number) {
    burn(this.iterations);
    return { observation: action, reward: 1, terminated: false, truncated: false, info: {} };
  }
}

/** `TracedTightEnv` without decorators. */
export class PlainTightEnv {
  constructor(readonly iterations: number) {}

  step(action: number) {
    burn(this.iterations);
    return { observation: action, reward: 1, terminated: false, truncated: false, info: {} };
  }
}
