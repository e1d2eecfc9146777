import { getConfig } from '../configure.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction } from './decorate.js';
import { validateOptions } from './options.js';
import { makeSpec } from './spec.js';
const asNumber = (value) => (typeof value === 'number' && !Number.isNaN(value) ? value : typeof value === 'bigint' ? Number(value) : null);
const asBoolean = (value) => (typeof value === 'boolean' ? value : null);
/**
 * Reads reward and flags from gym-style results: `{ observation, reward, terminated, truncated, info }`,
 * the Gymnasium tuple `[obs, reward, terminated, truncated, info]`, the old gym tuple
 * `[obs, reward, done, info]`, and `{ obs, reward, done }`.
 */
export function readStepResult(result) {
    if (Array.isArray(result)) {
        if (result.length === 5)
            return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: asBoolean(result[3]) };
        if (result.length === 4)
            return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: null };
        return { reward: null, terminated: null, truncated: null };
    }
    if (typeof result === 'object' && result !== null) {
        const r = result;
        return {
            reward: asNumber(r.reward),
            terminated: asBoolean(r.terminated) ?? asBoolean(r.done),
            truncated: asBoolean(r.truncated),
        };
    }
    return { reward: null, terminated: null, truncated: null };
}
const capture = (value) => snapshot(value, getConfig().maxPayloadBytes);
function behaviour(options) {
    const { stateBefore, stateAfter, reward, terminated, truncated } = options;
    return {
        start: stateBefore === undefined ? undefined : (call, self) => {
            call.stateBefore = capture(stateBefore(self));
        },
        end(call, self, result) {
            const facts = readStepResult(result);
            call.detail = facts;
            if (reward !== undefined)
                call.guard('reward extractor', () => (facts.reward = asNumber(reward(result, self))));
            if (terminated !== undefined)
                call.guard('terminated extractor', () => (facts.terminated = asBoolean(terminated(result, self))));
            if (truncated !== undefined)
                call.guard('truncated extractor', () => (facts.truncated = asBoolean(truncated(result, self))));
        },
        finally: stateAfter === undefined ? undefined : (call, self) => {
            call.stateAfter = capture(stateAfter(self));
        },
        fields: (call) => {
            const facts = call.detail;
            return {
                reward: facts?.reward ?? null,
                terminated: facts?.terminated ?? null,
                truncated: facts?.truncated ?? null,
                system_state_before: call.stateBefore,
                system_state_after: call.stateAfter,
            };
        },
    };
}
const validate = (options) => validateOptions('environmentStep', options, { stateBefore: 'function', stateAfter: 'function', reward: 'function', terminated: 'function', truncated: 'function', timestep: 'boolean' });
const environmentSpec = (member, options) => makeSpec('environment', member, options, behaviour(options), options.timestep === true);
const decorator = createDecorator('environmentStep', validate, environmentSpec);
export function environmentStep(...args) {
    return decorator(...args);
}
/**
 * The function form of `@environmentStep`.
 *
 * @example
 * const step = withEnvironmentStep({ name: 'step' }, (action: number) => env.step(action));
 */
export function withEnvironmentStep(options, fn) {
    const checked = validate(options);
    return wrapFunction('withEnvironmentStep', fn, environmentSpec(fn.name || 'step', checked));
}
//# sourceMappingURL=environment-step.js.map