import { getConfig } from '../configure.js';
import { AgentTraceError } from '../errors.js';
import type { CallSpec } from '../recorder/call-spec.js';
import { instrument } from './instrument.js';
import { recordInMetadata, recordOnClass, type InstrumentationEntry } from './registry.js';

/** Builds the spec of one decorated member from its name. */
export type SpecFactory = (memberName: string) => CallSpec;

type Stage3Context = {
  kind: 'method' | 'getter' | 'setter' | 'field' | 'accessor' | 'class';
  name: string | symbol;
  static: boolean;
  private: boolean;
  metadata?: object;
};

/** A decorator that works under both standards: Stage-3 `(value, context)` and legacy `(target, key, descriptor)`. */
export interface UniversalDecorator {
  (value: any, context: ClassMemberDecoratorContext): any;
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any;
}

/**
 * Makes a decorator usable bare (`@aiCall`) or called (`@aiCall({ ... })`), under both standards.
 * Options are validated when the decorator is called, so a bad option fails when the class is defined.
 */
export function createDecorator<O>(decorator: string, validate: (options: unknown) => O, make: (memberName: string, options: O) => CallSpec) {
  return function (...args: unknown[]): unknown {
    if (isDecoratorApplication(args)) {
      const options = validate(undefined);
      return applyDecorator(decorator, (member) => make(member, options), args);
    }
    if (args.length > 1) {
      throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator} takes at most one argument (its options); for a plain function use the with* form.`);
    }
    const options = validate(args[0]);
    const applied: UniversalDecorator = (...inner: unknown[]) => {
      if (!isDecoratorApplication(inner)) {
        throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator}(...) must decorate a class method or field.`);
      }
      return applyDecorator(decorator, (member) => make(member, options), inner);
    };
    return applied;
  };
}

/** The function form of a decorator: `fn` instrumented, or `fn` itself when tracing is disabled at load time. */
export function wrapFunction<F extends Function>(decorator: string, fn: F, spec: CallSpec): F {
  if (typeof fn !== 'function') {
    throw new AgentTraceError('E_USAGE', `agent-trace: ${decorator}(options, fn) needs a function as its second argument.`);
  }
  return disabledAtLoad() ? fn : instrument(fn, spec);
}

/** True when the arguments are those of a decorator being applied (either standard), not options. */
export function isDecoratorApplication(args: readonly unknown[]): boolean {
  if (args.length < 2) return false;
  const second = args[1];
  if (typeof second === 'string' || typeof second === 'symbol') return typeof args[0] === 'object' || typeof args[0] === 'function';
  return typeof second === 'object' && second !== null && 'kind' in second && 'name' in second;
}

function memberName(name: string | symbol): string {
  return typeof name === 'symbol' ? (name.description ?? 'symbol') : name.startsWith('#') ? name.slice(1) : name;
}

/** True when `AGENT_TRACE_MODE=disabled` (or `configure({ mode: 'disabled' })`) was set before the class was defined. */
function disabledAtLoad(): boolean {
  return getConfig().mode === 'disabled';
}

/**
 * Applies a decorator under the standard its arguments reveal: Stage-3 `(value, context)` or
 * legacy `(target, key, descriptor)`. When tracing is disabled at load time the member is left
 * exactly as it is (the original function itself).
 */
export function applyDecorator(decorator: string, factory: SpecFactory, args: readonly unknown[]): unknown {
  const second = args[1];
  if (typeof second === 'object' && second !== null) return applyStage3(decorator, factory, args[0], second as Stage3Context);
  return applyLegacy(decorator, factory, args[0] as object, second as string | symbol, args[2] as PropertyDescriptor | undefined);
}

function entryFor(spec: CallSpec, member: string, placement: InstrumentationEntry['placement'], isStatic: boolean, isPrivate: boolean): InstrumentationEntry {
  return { member, name: spec.name, kind: spec.kind, placement, static: isStatic, private: isPrivate, options: spec.options };
}

function applyStage3(decorator: string, factory: SpecFactory, value: unknown, context: Stage3Context): unknown {
  const member = typeof context.name === 'symbol' ? context.name.toString() : context.name;
  if (context.kind === 'class') {
    throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator} decorates methods and function-valued fields, not classes; put it on the method to trace.`);
  }
  const spec = factory(memberName(context.name));
  recordInMetadata(context.metadata, entryFor(spec, member, context.kind, context.static, context.private));
  if (disabledAtLoad()) return undefined;
  switch (context.kind) {
    case 'method':
    case 'getter':
    case 'setter':
      return typeof value === 'function' ? instrument(value, spec) : undefined;
    case 'field':
      return (initial: unknown) => (typeof initial === 'function' ? instrument(initial, spec) : initial);
    case 'accessor': {
      const target = value as { get: () => unknown; set: (v: unknown) => void };
      return {
        get: target.get,
        set: target.set,
        init: (initial: unknown) => (typeof initial === 'function' ? instrument(initial, spec) : initial),
      };
    }
  }
  return undefined;
}

function applyLegacy(decorator: string, factory: SpecFactory, target: object, key: string | symbol, descriptor: PropertyDescriptor | undefined): unknown {
  const spec = factory(memberName(key));
  const isStatic = typeof target === 'function';
  const member = typeof key === 'symbol' ? key.toString() : key;
  if (descriptor === undefined) {
    recordOnClass(target, entryFor(spec, member, 'field', isStatic, false));
    if (disabledAtLoad()) return undefined;
    defineLegacyField(target, key, spec);
    return undefined;
  }
  const placement = typeof descriptor.value === 'function' ? 'method' : descriptor.get ? 'getter' : 'setter';
  recordOnClass(target, entryFor(spec, member, placement, isStatic, false));
  if (disabledAtLoad()) return descriptor;
  if (typeof descriptor.value === 'function') return { ...descriptor, value: instrument(descriptor.value, spec) };
  if (descriptor.get !== undefined || descriptor.set !== undefined) {
    return {
      ...descriptor,
      get: descriptor.get && instrument(descriptor.get, spec),
      set: descriptor.set && instrument(descriptor.set, spec),
    };
  }
  throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator} on "${member}": the member is not a function; decorate a method or a field that holds a function.`);
}

/**
 * A legacy decorator cannot replace a field's value. It puts a setter on the prototype that
 * catches the constructor's assignment (`useDefineForClassFields: false`, the setting of
 * experimentalDecorators projects) and defines the instrumented function as the instance's own property.
 */
function defineLegacyField(target: object, key: string | symbol, spec: CallSpec): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: false,
    get: undefined,
    set(this: object, value: unknown) {
      Object.defineProperty(this, key, {
        value: typeof value === 'function' ? instrument(value, spec) : value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    },
  });
}
