import { types } from 'node:util';
import type { Scope } from '../context/scope.js';
import { currentScope, storage } from '../context/storage.js';
import { ActiveCall } from '../recorder/active-call.js';
import type { CallSpec, StreamObserver } from '../recorder/call-spec.js';
import { reportDiagnostic } from '../diagnostics.js';
import { runtime } from '../runtime.js';
import { implicitSessionFor } from '../session-tracer.js';

const SPEC = Symbol.for('agent-trace.spec');
const ORIGINAL = Symbol.for('agent-trace.original');

/** A function made by `instrument`: it carries its spec and the function it wraps. */
export interface InstrumentedFunction {
  readonly [SPEC]: CallSpec;
  readonly [ORIGINAL]: Function;
}

/** The spec of a function made by `instrument`, or undefined for any other function. */
export function specOf(fn: unknown): CallSpec | undefined {
  return typeof fn === 'function' ? (fn as Partial<InstrumentedFunction>)[SPEC] : undefined;
}

const apply = Reflect.apply;

/**
 * Wraps `fn` so that each call is recorded by `spec`, keeping its behaviour exactly: same
 * `this`, arguments, return value or thrown error, sync stays sync, promises settle the same,
 * generators stay lazy. A function already instrumented is returned as it is (recorded once).
 */
export function instrument<F extends Function>(fn: F, spec: CallSpec): F {
  if (specOf(fn) !== undefined) return fn;
  const name = typeof fn.name === 'string' ? fn.name : '';
  // Method shorthand: like a class method, the wrapper has no [[Construct]] and no own prototype.
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      if (!runtime.enabled) return apply(fn, this, args);
      return invoke(spec, fn, this, args);
    },
  }[name]!;
  Object.defineProperty(wrapped, 'length', { value: fn.length, configurable: true });
  Object.defineProperty(wrapped, 'name', { value: name, configurable: true });
  Object.defineProperty(wrapped, SPEC, { value: spec });
  Object.defineProperty(wrapped, ORIGINAL, { value: fn });
  return wrapped as unknown as F;
}

function invoke(spec: CallSpec, fn: Function, thisArg: unknown, args: unknown[]): unknown {
  const scope = currentScope();
  if (scope === undefined) return invokeRoot(spec, fn, thisArg, args);
  const session = scope.session;
  if (!session.recording || session.ended) return apply(fn, thisArg, args);
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

function invokeRoot(spec: CallSpec, fn: Function, thisArg: unknown, args: unknown[]): unknown {
  const session = implicitSessionFor(spec.name);
  if (session === undefined) return apply(fn, thisArg, args);
  if (!session.recording) {
    const scope: Scope = { session, step: null, span: null };
    try {
      return storage().run(scope, apply, fn, thisArg, args);
    } finally {
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
function enter(call: ActiveCall, method: Function, thisArg: unknown, args: unknown[]): unknown {
  const bridge = call.bridge;
  if (bridge === undefined || call.otelContext === undefined) return storage().run(call, apply, method, thisArg, args);
  return bridge.run(call.otelContext, () => storage().run(call, apply, method, thisArg, args));
}

function run(call: ActiveCall, fn: Function, thisArg: unknown, args: unknown[]): unknown {
  call.begin(args);
  const bridge = runtime.bridge;
  if (bridge !== undefined) {
    call.bridge = bridge;
    call.guard('span bridge', () => (call.otelContext = bridge.start(call)));
  }
  let result: unknown;
  try {
    result = enter(call, fn, thisArg, args);
  } catch (error) {
    call.complete('error', error);
    throw error;
  }
  const returned = call.spec.behaviour.returned;
  if (returned !== undefined) call.guard('returned', () => returned(call, result));
  return observe(call, result);
}

/** Follows what the user's function returned until the call is really over. */
function observe(call: ActiveCall, result: unknown): unknown {
  if (result === null || (typeof result !== 'object' && typeof result !== 'function')) {
    call.complete('ok', undefined, result);
    return result;
  }
  try {
    if (types.isPromise(result)) return observePromise(call, result as Promise<unknown>);
    if (types.isGeneratorObject(result)) return observeGenerator(call, result as Generator & AsyncGenerator);
    if (typeof (result as { then?: unknown }).then === 'function') return observeThenable(call, result as PromiseLike<unknown>);
    if (call.spec.behaviour.observeStream !== undefined && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      return completesLater(call, result) ? result : observeAsyncIterable(call, result as AsyncIterable<unknown>);
    }
  } catch (error) {
    reportDiagnostic('observe-failed', `could not follow the result of "${call.spec.name}"; recorded as returned.`, error);
  }
  return completeWith(call, result);
}

/** Completes the call with its value, or later when the kind says the value finishes later. */
function completeWith(call: ActiveCall, value: unknown): unknown {
  if (!completesLater(call, value)) call.complete('ok', undefined, value);
  return value;
}

/** True when the kind says `value` finishes later (see CallBehaviour.deferred): the call then completes when it does. */
function completesLater(call: ActiveCall, value: unknown): boolean {
  const deferred = call.spec.behaviour.deferred;
  if (deferred === undefined) return false;
  let later: Promise<void | 'ok' | 'cancelled'> | null = null;
  call.guard('deferred', () => (later = deferred(call, value)));
  if (later === null) return false;
  call.session.track(call);
  (later as Promise<void | 'ok' | 'cancelled'>).then(
    (outcome) => call.complete(outcome === 'cancelled' ? 'cancelled' : 'ok', undefined, undefined),
    (error: unknown) => call.complete('error', error),
  );
  return true;
}

function settled(call: ActiveCall, value: unknown): unknown {
  if (call.spec.behaviour.observeStream !== undefined && value !== null && typeof value === 'object' && !types.isGeneratorObject(value)) {
    try {
      if (typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
        return completesLater(call, value) ? value : observeAsyncIterable(call, value as AsyncIterable<unknown>);
      }
      const inner = streamWithResponse(value);
      if (inner !== undefined) {
        observeAsyncIterable(call, inner);
        return value;
      }
    } catch (error) {
      reportDiagnostic('observe-failed', `could not observe the stream of "${call.spec.name}".`, error);
    }
  }
  return completeWith(call, value);
}

/** The stream of an SDK's `.withResponse()` (`{ data: stream, response, request_id }`); `in` first, as some SDK objects have side-effecting getters. */
function streamWithResponse(value: object): AsyncIterable<unknown> | undefined {
  if (!('request_id' in value && 'response' in value && 'data' in value)) return undefined;
  const data = (value as { data: unknown }).data;
  return data !== null && typeof data === 'object' && typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ? (data as AsyncIterable<unknown>) : undefined;
}

function observePromise(call: ActiveCall, promise: Promise<unknown>): unknown {
  if (Object.getPrototypeOf(promise) === Promise.prototype) {
    // A native promise: the caller gets a new one that settles the same way, so an ignored
    // rejection is still reported as unhandled and a handled one is not.
    return Promise.prototype.then.call(
      promise,
      (value) => settled(call, value),
      (error) => {
        call.complete('error', error);
        throw error;
      },
    );
  }
  return observeThenable(call, promise);
}

/**
 * A promise subclass (an SDK's APIPromise) or another thenable: the caller gets the very same
 * object, so its own methods keep working.
 */
function observeThenable(call: ActiveCall, thenable: PromiseLike<unknown>): unknown {
  return thenable instanceof Promise ? observeEagerPromise(call, thenable) : observeLazyThenable(call, thenable);
}

const methodNames = new WeakMap<object, string[]>();

/** The methods a promise subclass adds or overrides (`then`, `catch`, `finally`, `withResponse`...). */
function promiseMethods(promise: Promise<unknown>): string[] {
  const proto = Object.getPrototypeOf(promise) as object;
  let names = methodNames.get(proto);
  if (names === undefined) {
    const found = new Set(['then', 'catch', 'finally']);
    for (let p: object | null = proto; p !== null && p !== Promise.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(p, name)?.value === 'function') found.add(name);
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
function observeEagerPromise(call: ActiveCall, promise: Promise<unknown>): unknown {
  const originalThen = promise.then;
  let used = false;
  let raised: Promise<never> | undefined;
  try {
    for (const name of promiseMethods(promise)) {
      const original = (promise as unknown as Record<string, Function>)[name]!;
      Object.defineProperty(promise, name, {
        value: function (this: unknown, ...args: unknown[]) {
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
  } catch {
    used = true; // frozen: we cannot tell, so we never re-raise
  }
  apply(originalThen, promise, [
    (value: unknown) => settled(call, value),
    (error: unknown) => {
      call.complete('error', error);
      if (!used) raised = Promise.reject(error);
    },
  ]);
  return promise;
}

/** A plain thenable may be lazy (a query builder): it is observed only when the caller subscribes. */
function observeLazyThenable(call: ActiveCall, thenable: PromiseLike<unknown>): unknown {
  const originalThen = thenable.then;
  const patched = function (this: unknown, onFulfilled?: unknown, onRejected?: unknown): unknown {
    if (call.ended) return apply(originalThen, this, [onFulfilled, onRejected]);
    return apply(originalThen, this, [
      (value: unknown) => {
        settled(call, value);
        return typeof onFulfilled === 'function' ? onFulfilled(value) : value;
      },
      (error: unknown) => {
        call.complete('error', error);
        if (typeof onRejected === 'function') return onRejected(error);
        throw error;
      },
    ]);
  };
  try {
    Object.defineProperty(thenable, 'then', { value: patched, configurable: true, writable: true });
  } catch {
    call.complete('ok', undefined, '[Thenable]');
    return thenable;
  }
  call.session.track(call);
  return thenable;
}

/** Generators stay lazy: each `next`/`return`/`throw` runs the body in the call's scope, and the call ends with the iterator. */
function observeGenerator(call: ActiveCall, generator: Generator & AsyncGenerator): unknown {
  const isAsync = typeof (generator as Partial<AsyncGenerator>)[Symbol.asyncIterator] === 'function';
  call.session.track(call);
  // An async generator of an LLM call (`async *stream() { ... yield chunk }`) is a stream: its chunks are read as it yields them.
  const stream = isAsync && call.spec.behaviour.observeStream !== undefined ? (call.stream = call.spec.behaviour.observeStream(call)) : undefined;
  const step = (method: Function, argument: unknown, isReturn: boolean): unknown => {
    if (call.ended) return apply(method, generator, [argument]);
    let result: IteratorResult<unknown> | Promise<IteratorResult<unknown>>;
    try {
      result = enter(call, method, generator, [argument]) as typeof result;
    } catch (error) {
      call.complete('error', error);
      throw error;
    }
    if (!isAsync) {
      if ((result as IteratorResult<unknown>).done) call.complete(isReturn ? 'cancelled' : 'ok', undefined, (result as IteratorResult<unknown>).value);
      return result;
    }
    return (result as Promise<IteratorResult<unknown>>).then(
      (item) => {
        if (!item.done) {
          if (stream !== undefined) readChunk(call, stream, item.value);
          return item;
        }
        const failure = isReturn ? undefined : stream?.failure?.();
        if (failure !== undefined) call.complete('error', failure);
        else call.complete(isReturn ? 'cancelled' : 'ok', undefined, item.value);
        return item;
      },
      (error) => {
        call.complete('error', error);
        throw error;
      },
    );
  };
  const next = generator.next;
  const ret = generator.return;
  const thr = generator.throw;
  Object.defineProperties(generator, {
    next: { value: (value?: unknown) => step(next, value, false), configurable: true, writable: true },
    return: { value: (value?: unknown) => step(ret, value, true), configurable: true, writable: true },
    throw: { value: (error?: unknown) => step(thr, error, false), configurable: true, writable: true },
  });
  return generator;
}

/**
 * A stream (an SDK's Stream, a ReadableStream, any async iterable) is observed as the consumer
 * pulls it: the same object is returned, and only its first iteration is watched. Nothing is
 * pulled or buffered by us. The streams of the Stainless SDKs (OpenAI, Anthropic, ...) make
 * every iteration with their own `iterator()`, which `tee()` and `toReadableStream()` call
 * directly: that is the method watched there.
 */
function observeAsyncIterable(call: ActiveCall, iterable: AsyncIterable<unknown>): unknown {
  const own = Object.getOwnPropertyDescriptor(iterable, 'iterator');
  const stainless = own !== undefined && typeof own.value === 'function' && own.writable === true && wasAborted(iterable) !== null;
  const key = stainless ? 'iterator' : Symbol.asyncIterator;
  const original = (iterable as unknown as Record<PropertyKey, Function>)[key]!;
  call.stream = call.spec.behaviour.observeStream!(call);
  call.session.track(call);
  let first = true;
  const observed = function (this: AsyncIterable<unknown>, ...args: unknown[]): AsyncIterator<unknown> {
    const iterator = apply(original, this, args) as AsyncIterator<unknown>;
    if (!first || call.ended) return iterator;
    first = false;
    return observeIterator(call, iterator, iterable);
  };
  try {
    Object.defineProperty(iterable, key, { value: observed, configurable: true, writable: true, enumerable: stainless && own!.enumerable === true });
  } catch {
    call.stream = undefined;
    call.complete('ok', undefined, '[Stream]');
  }
  return iterable;
}

function readChunk(call: ActiveCall, stream: StreamObserver, chunk: unknown): void {
  try {
    stream.onChunk(chunk);
  } catch (error) {
    reportDiagnostic('hook-threw', `${call.spec.kind} "${call.spec.name}": reading a stream chunk threw; the stream goes on.`, error);
  }
}

/**
 * Whether the stream's own AbortController (`stream.controller`, as the Stainless SDKs have it)
 * was aborted: its iterator then just ends. Null when the stream has none.
 */
function wasAborted(iterable: object): boolean | null {
  try {
    const controller = (iterable as { controller?: unknown }).controller;
    return controller instanceof AbortController ? controller.signal.aborted : null;
  } catch {
    return null;
  }
}

/**
 * The consumer gets the iterator's own promise for each chunk, and we read the chunk beside it:
 * chaining a promise of ours in front would add a turn of the microtask queue per chunk, which
 * costs more than everything else the observation does.
 */
function observeIterator(call: ActiveCall, iterator: AsyncIterator<unknown>, iterable: object): AsyncIterator<unknown> {
  const stream = call.stream;
  const onItem = (item: IteratorResult<unknown>) => {
    if (item === null || typeof item !== 'object' || item.done) {
      const failure = stream?.failure?.();
      if (failure !== undefined) call.complete('error', failure);
      else call.complete(wasAborted(iterable) === true ? 'cancelled' : 'ok', undefined);
      return;
    }
    if (stream !== undefined) readChunk(call, stream, item.value);
  };
  // The consumer handles the rejection of its own promise; this only records it.
  const onError = (error: unknown) => call.complete('error', error);
  const wrapper: AsyncIterator<unknown> & AsyncIterable<unknown> = {
    next(value?: unknown) {
      const pending = arguments.length === 0 ? iterator.next() : iterator.next(value);
      // `instanceof` is cheaper than types.isPromise per chunk; a promise of another realm takes the thenable path.
      if (pending instanceof Promise) (pending as Promise<IteratorResult<unknown>>).then(onItem, onError);
      else if (pending !== null && typeof (pending as { then?: unknown }).then === 'function') Promise.resolve(pending).then(onItem, onError);
      else onItem(pending as IteratorResult<unknown>);
      return pending;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  if (typeof iterator.return === 'function') {
    wrapper.return = (value?: unknown) => {
      call.complete('cancelled', undefined);
      return iterator.return!(value);
    };
  } else {
    wrapper.return = async (value?: unknown) => {
      call.complete('cancelled', undefined);
      return { done: true, value };
    };
  }
  if (typeof iterator.throw === 'function') {
    wrapper.throw = (error?: unknown) => {
      call.complete('error', error);
      return iterator.throw!(error);
    };
  }
  return wrapper;
}
