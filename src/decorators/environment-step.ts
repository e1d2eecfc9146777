import { getConfig } from '../configure.js';
import type { ActiveCall } from '../recorder/active-call.js';
import type { CallBehaviour } from '../recorder/call-spec.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction, type UniversalDecorator } from './decorate.js';
import { validateOptions, type CommonOptions } from './options.js';
import { makeSpec } from './spec.js';

/** Options of `@environmentStep`. */
export interface EnvironmentStepOptions extends CommonOptions {
  /** The environment's state before the step, recorded as `system_state_before`. */
  stateBefore?: (self: any) => unknown;
  /** The environment's state after the step, recorded as `system_state_after`. */
  stateAfter?: (self: any) => unknown;
  /** The reward, when the result is not gym-shaped. */
  reward?: (result: any, self: any) => number | null | undefined;
  /** Whether the episode ended, when the result is not gym-shaped. */
  terminated?: (result: any, self: any) => boolean | null | undefined;
  /** Whether the episode was cut short, when the result is not gym-shaped. */
  truncated?: (result: any, self: any) => boolean | null | undefined;
  /** Give each call outside a timestep a timestep of its own. Default false. */
  timestep?: boolean;
}

interface StepFacts {
  reward: number | null;
  terminated: boolean | null;
  truncated: boolean | null;
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && !Number.isNaN(value) ? value : typeof value === 'bigint' ? Number(value) : null);
const asBoolean = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * Reads reward and flags from gym-style results: `{ observation, reward, terminated, truncated, info }`,
 * the Gymnasium tuple `[obs, reward, terminated, truncated, info]`, the old gym tuple
 * `[obs, reward, done, info]`, and `{ obs, reward, done }`.
 */
export function readStepResult(result: unknown): StepFacts {
  if (Array.isArray(result)) {
    if (result.length === 5) return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: asBoolean(result[3]) };
    if (result.length === 4) return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: null };
    return { reward: null, terminated: null, truncated: null };
  }
  if (typeof result === 'object' && result !== null) {
    const r = result as Record<string, unknown>;
    return {
      reward: asNumber(r.reward),
      terminated: asBoolean(r.terminated) ?? asBoolean(r.done),
      truncated: asBoolean(r.truncated),
    };
  }
  return { reward: null, terminated: null, truncated: null };
}

const capture = (value: unknown) => snapshot(value, getConfig().maxPayloadBytes);

function behaviour(options: EnvironmentStepOptions): CallBehaviour {
  const { stateBefore, stateAfter, reward, terminated, truncated } = options;
  return {
    start: stateBefore === undefined ? undefined : (call, self) => {
      call.stateBefore = capture(stateBefore(self));
    },
    end(call, self, result) {
      const facts = readStepResult(result);
      call.detail = facts as unknown as Record<string, unknown>;
      if (reward !== undefined) call.guard('reward extractor', () => (facts.reward = asNumber(reward(result, self))));
      if (terminated !== undefined) call.guard('terminated extractor', () => (facts.terminated = asBoolean(terminated(result, self))));
      if (truncated !== undefined) call.guard('truncated extractor', () => (facts.truncated = asBoolean(truncated(result, self))));
    },
    finally: stateAfter === undefined ? undefined : (call, self) => {
      call.stateAfter = capture(stateAfter(self));
    },
    addFields(call: ActiveCall, event: Record<string, unknown>) {
      const facts = call.detail as StepFacts | undefined;
      event.reward = facts?.reward ?? null;
      event.terminated = facts?.terminated ?? null;
      event.truncated = facts?.truncated ?? null;
      event.system_state_before = call.stateBefore;
      event.system_state_after = call.stateAfter;
    },
  };
}

const validate = (options: unknown) =>
  validateOptions('environmentStep', options, { stateBefore: 'function', stateAfter: 'function', reward: 'function', terminated: 'function', truncated: 'function', timestep: 'boolean' }) as EnvironmentStepOptions;

const environmentSpec = (member: string, options: EnvironmentStepOptions) =>
  makeSpec('environment', member, options as EnvironmentStepOptions & Record<string, unknown>, behaviour(options), options.timestep === true);

const decorator = createDecorator('environmentStep', validate, environmentSpec);

/**
 * Records each call as an environment event with reward, terminated, truncated and the state
 * before and after; gym-style results are read without configuration.
 *
 * @example
 * class GridWorld {
 *   @environmentStep({ stateAfter: (env) => env.position })
 *   step(action: number) { ...; return { observation, reward, terminated, truncated, info }; }
 * }
 */
export function environmentStep(options?: EnvironmentStepOptions): UniversalDecorator;
export function environmentStep(value: any, context: ClassMemberDecoratorContext): any;
export function environmentStep(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any;
export function environmentStep(...args: unknown[]): unknown {
  return decorator(...args);
}

/**
 * The function form of `@environmentStep`.
 *
 * @example
 * const step = withEnvironmentStep({ name: 'step' }, (action: number) => env.step(action));
 */
export function withEnvironmentStep<F extends Function>(options: EnvironmentStepOptions | undefined, fn: F): F {
  const checked = validate(options);
  return wrapFunction('withEnvironmentStep', fn, environmentSpec(fn.name || 'step', checked));
}
