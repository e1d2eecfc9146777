import { AgentTraceError } from '../errors.js';
import { createDecorator, wrapFunction } from './decorate.js';
import { validateOptions } from './options.js';
import { makeSpec } from './spec.js';
const KINDS = ['agent', 'chain', 'tool', 'retrieval', 'embedding', 'workflow', 'other'];
function validate(options) {
    const checked = validateOptions('traceSpan', typeof options === 'string' ? { name: options } : options, { kind: 'string' });
    if (checked.kind !== undefined && !KINDS.includes(checked.kind)) {
        throw new AgentTraceError('E_CONFIG', `agent-trace: @traceSpan() option kind is "${checked.kind}"; use one of ${KINDS.join(', ')}.`);
    }
    return checked;
}
function behaviour(kind) {
    return { fields: () => ({ span_kind: kind }) };
}
const spanSpec = (member, options) => makeSpec('span', member, options, behaviour(options.kind ?? 'other'));
const decorator = createDecorator('traceSpan', validate, spanSpec);
export function traceSpan(...args) {
    return decorator(...args);
}
/**
 * The function form of `@traceSpan`.
 *
 * @example
 * const runEpisode = withSpan({ name: 'episode', kind: 'workflow' }, async (env) => { ... });
 */
export function withSpan(nameOrOptions, fn) {
    const options = validate(nameOrOptions);
    return wrapFunction('withSpan', fn, spanSpec(fn.name || 'span', options));
}
//# sourceMappingURL=trace-span.js.map