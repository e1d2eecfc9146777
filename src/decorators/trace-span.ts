import { AgentTraceError } from '../errors.js';
import type { SpanKind } from '../model/events.js';
import type { CallBehaviour } from '../recorder/call-spec.js';
import { createDecorator, wrapFunction, type UniversalDecorator } from './decorate.js';
import { validateOptions, type CommonOptions } from './options.js';
import { makeSpec } from './spec.js';

/** Options of `@traceSpan`. */
export interface TraceSpanOptions extends CommonOptions {
  /** What the span orchestrates. Default `other`. */
  kind?: SpanKind;
}

const KINDS: readonly SpanKind[] = ['agent', 'chain', 'tool', 'retrieval', 'embedding', 'workflow', 'other'];

function validate(options: unknown): TraceSpanOptions {
  const checked = validateOptions('traceSpan', typeof options === 'string' ? { name: options } : options, { kind: 'string' }) as TraceSpanOptions;
  if (checked.kind !== undefined && !KINDS.includes(checked.kind)) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: @traceSpan() option kind is "${checked.kind}"; use one of ${KINDS.join(', ')}.`);
  }
  return checked;
}

function behaviour(kind: SpanKind): CallBehaviour {
  return {
    addFields(_call, event) {
      event.span_kind = kind;
    },
  };
}

const spanSpec = (member: string, options: TraceSpanOptions) => makeSpec('span', member, options as TraceSpanOptions & Record<string, unknown>, behaviour(options.kind ?? 'other'));

const decorator = createDecorator('traceSpan', validate, spanSpec);

/**
 * Records each call as a span that parents every traced call inside it: episodes, agent turns, pipelines.
 *
 * @example
 * class Agent {
 *   @traceSpan('episode') async run(env: GridWorld) { ... }
 *   @traceSpan({ kind: 'agent' }) act(observation: string) { ... }
 * }
 */
export function traceSpan(nameOrOptions?: string | TraceSpanOptions): UniversalDecorator;
export function traceSpan(value: any, context: ClassMemberDecoratorContext): any;
export function traceSpan(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any;
export function traceSpan(...args: unknown[]): unknown {
  return decorator(...args);
}

/**
 * The function form of `@traceSpan`.
 *
 * @example
 * const runEpisode = withSpan({ name: 'episode', kind: 'workflow' }, async (env) => { ... });
 */
export function withSpan<F extends Function>(nameOrOptions: string | TraceSpanOptions | undefined, fn: F): F {
  const options = validate(nameOrOptions);
  return wrapFunction('withSpan', fn, spanSpec(fn.name || 'span', options));
}
