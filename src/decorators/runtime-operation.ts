import { getConfig } from '../configure.js';
import type { CallBehaviour } from '../recorder/call-spec.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction, type UniversalDecorator } from './decorate.js';
import { validateOptions, type CommonOptions } from './options.js';
import { makeSpec } from './spec.js';

/** Options of `@runtimeOperation`. */
export interface RuntimeOperationOptions extends CommonOptions {
  /** The actions this call performs, from its arguments (recorded as the event's `actions`). */
  actions?: (args: unknown[]) => unknown[];
}

const validate = (options: unknown) => validateOptions('runtimeOperation', options, { actions: 'function' }) as RuntimeOperationOptions;

function behaviour(options: RuntimeOperationOptions): CallBehaviour {
  const actions = options.actions;
  return {
    start:
      actions === undefined
        ? undefined
        : (call, _self, args) => {
            call.detail = { actions: snapshot(actions([...args]), getConfig().maxPayloadBytes) };
          },
    addFields(call, event) {
      const recorded = call.detail?.actions;
      event.actions = Array.isArray(recorded) ? recorded : recorded === undefined ? [] : [recorded];
    },
  };
}

const runtimeSpec = (member: string, options: RuntimeOperationOptions) => makeSpec('runtime', member, options as RuntimeOperationOptions & Record<string, unknown>, behaviour(options));

const decorator = createDecorator('runtimeOperation', validate, runtimeSpec);

/**
 * Records each call as a runtime event: tool execution, I/O, validation.
 *
 * @example
 * class Tools {
 *   @runtimeOperation({ actions: ([query]) => [{ tool: 'search', query }] })
 *   async search(query: string) { ... }
 * }
 */
export function runtimeOperation(options?: RuntimeOperationOptions): UniversalDecorator;
export function runtimeOperation(value: any, context: ClassMemberDecoratorContext): any;
export function runtimeOperation(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any;
export function runtimeOperation(...args: unknown[]): unknown {
  return decorator(...args);
}

/**
 * The function form of `@runtimeOperation`.
 *
 * @example
 * const readFileTool = withRuntimeOperation({ name: 'read_file' }, (path: string) => fs.readFileSync(path, 'utf8'));
 */
export function withRuntimeOperation<F extends Function>(options: RuntimeOperationOptions | undefined, fn: F): F {
  const checked = validate(options);
  return wrapFunction('withRuntimeOperation', fn, runtimeSpec(fn.name || 'runtime', checked));
}
