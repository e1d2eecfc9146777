import { types } from 'node:util';
import { currentScope, storage } from '../context/storage.js';
import { ActiveCall } from '../recorder/active-call.js';
import { reportDiagnostic } from '../diagnostics.js';
import { runtime } from '../runtime.js';
import { implicitSessionFor } from '../session-tracer.js';
const SPEC = Symbol.for('agent-trace.spec');
const ORIGINAL = Symbol.for('agent-trace.original');
/** The spec of a function made by `instrument`, or undefined for any other function. */
export function specOf(fn) {
    return typeof fn === 'function' ? fn[SPEC] : undefined;
}
const apply = Reflect.apply;
/**
 * Wraps `fn` so that each call is recorded by `spec`, keeping its behaviour exactly: same
 * `this`, arguments, return value or thrown error, sync stays sync, promises settle the same,
 * generators stay lazy. A function already instrumented is returned as it is (recorded once).
 */
export function instrument(fn, spec) {
    if (specOf(fn) !== undefined)
        return fn;
    const name = typeof fn.name === 'string' ? fn.name : '';
    // Method shorthand: like a class method, the wrapper has no [[Construct]] and no own prototype.
    const wrapped = {
        [name](...args) {
            if (!runtime.enabled)
                return apply(fn, this, args);
            return invoke(spec, fn, this, args);
        },
    }[name];
    Object.defineProperty(wrapped, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(wrapped, 'name', { value: name, configurable: true });
    Object.defineProperty(wrapped, SPEC, { value: spec });
    Object.defineProperty(wrapped, ORIGINAL, { value: fn });
    return wrapped;
}
function invoke(spec, fn, thisArg, args) {
    const scope = currentScope();
    if (scope === undefined)
        return invokeRoot(spec, fn, thisArg, args);
    const session = scope.session;
    if (!session.recording || session.ended)
        return apply(fn, thisArg, args);
    const parent = scope.span;
    if (parent !== null && parent.thisArg === thisArg && parent.spec.name === spec.name && parent.spec.kind === spec.kind) {
        return apply(fn, thisArg, args);
    }
    const call = new ActiveCall(spec, session, scope.step, parent, thisArg);
    if (spec.autoTimestep && scope.step === null) {
        call.step = session.openTimestep(null, undefined, undefined);
        call.ownsStep = true;
    }
    return run(call, fn, thisArg, args);
}
function invokeRoot(spec, fn, thisArg, args) {
    const session = implicitSessionFor(spec.name);
    if (session === undefined)
        return apply(fn, thisArg, args);
    if (!session.recording) {
        const scope = { session, step: null, span: null };
        try {
            return storage().run(scope, apply, fn, thisArg, args);
        }
        finally {
            session.end();
        }
    }
    const call = new ActiveCall(spec, session, null, null, thisArg);
    call.endsSession = true;
    if (spec.autoTimestep) {
        call.step = session.openTimestep(null, undefined, undefined);
        call.ownsStep = true;
    }
    return run(call, fn, thisArg, args);
}
/** Runs `method` with `args` inside the call's scope (and its OpenTelemetry context when bridged). */
function enter(call, method, thisArg, args) {
    const bridge = runtime.bridge;
    if (bridge === undefined || call.otelContext === undefined)
        return storage().run(call, apply, method, thisArg, args);
    return bridge.run(call.otelContext, () => storage().run(call, apply, method, thisArg, args));
}
function run(call, fn, thisArg, args) {
    call.begin(args);
    const bridge = runtime.bridge;
    if (bridge !== undefined)
        call.guard('span bridge', () => (call.otelContext = bridge.start(call)));
    let result;
    try {
        result = enter(call, fn, thisArg, args);
    }
    catch (error) {
        call.complete('error', error);
        throw error;
    }
    return observe(call, result);
}
/** Follows what the user's function returned until the call is really over. */
function observe(call, result) {
    if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
        call.complete('ok', undefined, result);
        return result;
    }
    try {
        if (types.isPromise(result))
            return observePromise(call, result);
        if (types.isGeneratorObject(result))
            return observeGenerator(call, result);
        if (typeof result.then === 'function')
            return observeThenable(call, result);
        if (call.spec.behaviour.observeStream !== undefined && typeof result[Symbol.asyncIterator] === 'function') {
            return observeAsyncIterable(call, result);
        }
    }
    catch (error) {
        reportDiagnostic('observe-failed', `could not follow the result of "${call.spec.name}"; recorded as returned.`, error);
    }
    call.complete('ok', undefined, result);
    return result;
}
function settled(call, value) {
    if (call.spec.behaviour.observeStream !== undefined && value !== null && typeof value === 'object' && !types.isGeneratorObject(value)) {
        try {
            if (typeof value[Symbol.asyncIterator] === 'function') {
                return observeAsyncIterable(call, value);
            }
        }
        catch (error) {
            reportDiagnostic('observe-failed', `could not observe the stream of "${call.spec.name}".`, error);
        }
    }
    call.complete('ok', undefined, value);
    return value;
}
function observePromise(call, promise) {
    if (Object.getPrototypeOf(promise) === Promise.prototype) {
        // A native promise: the caller gets a new one that settles the same way, so an ignored
        // rejection is still reported as unhandled and a handled one is not.
        return Promise.prototype.then.call(promise, (value) => settled(call, value), (error) => {
            call.complete('error', error);
            throw error;
        });
    }
    return observeThenable(call, promise);
}
/**
 * A promise subclass (an SDK's APIPromise) or another thenable: the caller gets the very same
 * object, so its own methods keep working.
 */
function observeThenable(call, thenable) {
    return thenable instanceof Promise ? observeEagerPromise(call, thenable) : observeLazyThenable(call, thenable);
}
const methodNames = new WeakMap();
/** The methods a promise subclass adds or overrides (`then`, `catch`, `finally`, `withResponse`...). */
function promiseMethods(promise) {
    const proto = Object.getPrototypeOf(promise);
    let names = methodNames.get(proto);
    if (names === undefined) {
        const found = new Set(['then', 'catch', 'finally']);
        for (let p = proto; p !== null && p !== Promise.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
            for (const name of Object.getOwnPropertyNames(p)) {
                if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(p, name)?.value === 'function')
                    found.add(name);
            }
        }
        methodNames.set(proto, (names = [...found]));
    }
    return names;
}
/**
 * A promise subclass has started its work already: we subscribe through its own `then` (an
 * APIPromise resolves its data there). Any method the caller uses counts as handling it; a
 * rejection seen before any such use is re-raised, so an ignored failure is still reported as
 * unhandled, as it would be without us.
 */
function observeEagerPromise(call, promise) {
    const originalThen = promise.then;
    let used = false;
    let raised;
    try {
        for (const name of promiseMethods(promise)) {
            const original = promise[name];
            Object.defineProperty(promise, name, {
                value: function (...args) {
                    used = true;
                    if (raised !== undefined) {
                        raised.catch(() => undefined);
                        raised = undefined;
                    }
                    return apply(original, this, args);
                },
                configurable: true,
                writable: true,
            });
        }
    }
    catch {
        used = true; // frozen: we cannot tell, so we never re-raise
    }
    apply(originalThen, promise, [
        (value) => settled(call, value),
        (error) => {
            call.complete('error', error);
            if (!used)
                raised = Promise.reject(error);
        },
    ]);
    return promise;
}
/** A plain thenable may be lazy (a query builder): it is observed only when the caller subscribes. */
function observeLazyThenable(call, thenable) {
    const originalThen = thenable.then;
    const patched = function (onFulfilled, onRejected) {
        if (call.ended)
            return apply(originalThen, this, [onFulfilled, onRejected]);
        return apply(originalThen, this, [
            (value) => {
                settled(call, value);
                return typeof onFulfilled === 'function' ? onFulfilled(value) : value;
            },
            (error) => {
                call.complete('error', error);
                if (typeof onRejected === 'function')
                    return onRejected(error);
                throw error;
            },
        ]);
    };
    try {
        Object.defineProperty(thenable, 'then', { value: patched, configurable: true, writable: true });
    }
    catch {
        call.complete('ok', undefined, '[Thenable]');
        return thenable;
    }
    call.session.track(call);
    return thenable;
}
/** Generators stay lazy: each `next`/`return`/`throw` runs the body in the call's scope, and the call ends with the iterator. */
function observeGenerator(call, generator) {
    const isAsync = typeof generator[Symbol.asyncIterator] === 'function';
    call.session.track(call);
    const step = (method, argument, isReturn) => {
        if (call.ended)
            return apply(method, generator, [argument]);
        let result;
        try {
            result = enter(call, method, generator, [argument]);
        }
        catch (error) {
            call.complete('error', error);
            throw error;
        }
        if (!isAsync) {
            if (result.done)
                call.complete(isReturn ? 'cancelled' : 'ok', undefined, result.value);
            return result;
        }
        return result.then((item) => {
            if (item.done)
                call.complete(isReturn ? 'cancelled' : 'ok', undefined, item.value);
            return item;
        }, (error) => {
            call.complete('error', error);
            throw error;
        });
    };
    const next = generator.next;
    const ret = generator.return;
    const thr = generator.throw;
    Object.defineProperties(generator, {
        next: { value: (value) => step(next, value, false), configurable: true, writable: true },
        return: { value: (value) => step(ret, value, true), configurable: true, writable: true },
        throw: { value: (error) => step(thr, error, false), configurable: true, writable: true },
    });
    return generator;
}
/**
 * A stream (an SDK's Stream, a ReadableStream, any async iterable) is observed as the consumer
 * pulls it: the same object is returned, and only its first iteration is watched. Nothing is
 * pulled or buffered by us.
 */
function observeAsyncIterable(call, iterable) {
    const original = iterable[Symbol.asyncIterator];
    call.stream = call.spec.behaviour.observeStream(call);
    call.session.track(call);
    let first = true;
    const observed = function () {
        const iterator = apply(original, this, []);
        if (!first || call.ended)
            return iterator;
        first = false;
        return observeIterator(call, iterator);
    };
    try {
        Object.defineProperty(iterable, Symbol.asyncIterator, { value: observed, configurable: true, writable: true });
    }
    catch {
        call.stream = undefined;
        call.complete('ok', undefined, '[Stream]');
    }
    return iterable;
}
function observeIterator(call, iterator) {
    const onItem = (item) => {
        if (item.done)
            call.complete('ok', undefined);
        else
            call.guard('stream chunk', () => call.stream?.onChunk(item.value));
        return item;
    };
    const onError = (error) => {
        call.complete('error', error);
        throw error;
    };
    const wrapper = {
        next: (...args) => iterator.next(...args).then(onItem, onError),
        [Symbol.asyncIterator]() {
            return this;
        },
    };
    if (typeof iterator.return === 'function') {
        wrapper.return = (value) => {
            call.complete('cancelled', undefined);
            return iterator.return(value);
        };
    }
    else {
        wrapper.return = async (value) => {
            call.complete('cancelled', undefined);
            return { done: true, value };
        };
    }
    if (typeof iterator.throw === 'function') {
        wrapper.throw = (error) => {
            call.complete('error', error);
            return iterator.throw(error);
        };
    }
    return wrapper;
}
//# sourceMappingURL=instrument.js.map