import { getConfig } from '../configure.js';
import { AgentTraceError } from '../errors.js';
import { instrument } from './instrument.js';
import { recordInMetadata, recordOnClass } from './registry.js';
/**
 * Makes a decorator usable bare (`@aiCall`) or called (`@aiCall({ ... })`), under both standards.
 * Options are validated when the decorator is called, so a bad option fails when the class is defined.
 */
export function createDecorator(decorator, validate, make) {
    return function (...args) {
        if (isDecoratorApplication(args)) {
            const options = validate(undefined);
            return applyDecorator(decorator, (member) => make(member, options), args);
        }
        if (args.length > 1) {
            throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator} takes at most one argument (its options); for a plain function use the with* form.`);
        }
        const options = validate(args[0]);
        const applied = (...inner) => {
            if (!isDecoratorApplication(inner)) {
                throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator}(...) must decorate a class method or field.`);
            }
            return applyDecorator(decorator, (member) => make(member, options), inner);
        };
        return applied;
    };
}
/** The function form of a decorator: `fn` instrumented, or `fn` itself when tracing is disabled at load time. */
export function wrapFunction(decorator, fn, spec) {
    if (typeof fn !== 'function') {
        throw new AgentTraceError('E_USAGE', `agent-trace: ${decorator}(options, fn) needs a function as its second argument.`);
    }
    return disabledAtLoad() ? fn : instrument(fn, spec);
}
/** True when the arguments are those of a decorator being applied (either standard), not options. */
export function isDecoratorApplication(args) {
    if (args.length < 2)
        return false;
    const second = args[1];
    if (typeof second === 'string' || typeof second === 'symbol')
        return typeof args[0] === 'object' || typeof args[0] === 'function';
    return typeof second === 'object' && second !== null && 'kind' in second && 'name' in second;
}
function memberName(name) {
    return typeof name === 'symbol' ? (name.description ?? 'symbol') : name.startsWith('#') ? name.slice(1) : name;
}
/** True when `AGENT_TRACE_MODE=disabled` (or `configure({ mode: 'disabled' })`) was set before the class was defined. */
function disabledAtLoad() {
    return getConfig().mode === 'disabled';
}
/**
 * Applies a decorator under the standard its arguments reveal: Stage-3 `(value, context)` or
 * legacy `(target, key, descriptor)`. When tracing is disabled at load time the member is left
 * exactly as it is (the original function itself).
 */
export function applyDecorator(decorator, factory, args) {
    const second = args[1];
    if (typeof second === 'object' && second !== null)
        return applyStage3(decorator, factory, args[0], second);
    return applyLegacy(decorator, factory, args[0], second, args[2]);
}
function entryFor(spec, member, placement, isStatic, isPrivate) {
    return { member, name: spec.name, kind: spec.kind, placement, static: isStatic, private: isPrivate, options: spec.options };
}
function applyStage3(decorator, factory, value, context) {
    const member = typeof context.name === 'symbol' ? context.name.toString() : context.name;
    if (context.kind === 'class') {
        throw new AgentTraceError('E_USAGE', `agent-trace: @${decorator} decorates methods and function-valued fields, not classes; put it on the method to trace.`);
    }
    const spec = factory(memberName(context.name));
    recordInMetadata(context.metadata, entryFor(spec, member, context.kind, context.static, context.private));
    if (disabledAtLoad())
        return undefined;
    switch (context.kind) {
        case 'method':
        case 'getter':
        case 'setter':
            return typeof value === 'function' ? instrument(value, spec) : undefined;
        case 'field':
            return (initial) => (typeof initial === 'function' ? instrument(initial, spec) : initial);
        case 'accessor': {
            const target = value;
            return {
                get: target.get,
                set: target.set,
                init: (initial) => (typeof initial === 'function' ? instrument(initial, spec) : initial),
            };
        }
    }
    return undefined;
}
function applyLegacy(decorator, factory, target, key, descriptor) {
    const spec = factory(memberName(key));
    const isStatic = typeof target === 'function';
    const member = typeof key === 'symbol' ? key.toString() : key;
    if (descriptor === undefined) {
        recordOnClass(target, entryFor(spec, member, 'field', isStatic, false));
        if (disabledAtLoad())
            return undefined;
        defineLegacyField(target, key, spec);
        return undefined;
    }
    const placement = typeof descriptor.value === 'function' ? 'method' : descriptor.get ? 'getter' : 'setter';
    recordOnClass(target, entryFor(spec, member, placement, isStatic, false));
    if (disabledAtLoad())
        return descriptor;
    if (typeof descriptor.value === 'function')
        return { ...descriptor, value: instrument(descriptor.value, spec) };
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
function defineLegacyField(target, key, spec) {
    Object.defineProperty(target, key, {
        configurable: true,
        enumerable: false,
        get: undefined,
        set(value) {
            Object.defineProperty(this, key, {
                value: typeof value === 'function' ? instrument(value, spec) : value,
                writable: true,
                enumerable: true,
                configurable: true,
            });
        },
    });
}
//# sourceMappingURL=decorate.js.map