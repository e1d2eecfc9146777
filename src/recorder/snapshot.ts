import { types } from 'node:util';
import { isRedacted } from '../redaction/redacted.js';

const MAX_DEPTH = 16;
const MAX_ARRAY_ITEMS = 200;
const MAX_OBJECT_KEYS = 200;

interface Budget {
  left: number;
}

/**
 * A bounded copy of `value` as it is now, as plain JSON-safe data: what the recorder keeps of
 * arguments, results and state so that later mutation by the caller does not change the trace.
 * It stops copying once about `maxBytes` are taken and marks what it left out; strings are kept
 * by reference (they are immutable) and cut to the byte limit on the batch side. It never throws:
 * circular references, BigInt, Map/Set, typed arrays, Errors, class instances, throwing getters
 * and proxies all come out as data.
 */
export function snapshot(value: unknown, maxBytes: number): unknown {
  try {
    return copy(value, 0, [], { left: maxBytes });
  } catch (error) {
    return `[Unserializable: ${describeError(error)}]`;
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown';
  }
}

function copy(value: unknown, depth: number, ancestors: object[], budget: Budget): unknown {
  switch (typeof value) {
    case 'string':
      budget.left -= value.length + 2;
      return value;
    case 'number':
      budget.left -= 8;
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      budget.left -= 5;
      return value;
    case 'undefined':
      return undefined;
    case 'bigint':
      budget.left -= 8;
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${(value as { name?: string }).name || 'anonymous'}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (isRedacted(object)) return '[REDACTED]';
  if (depth >= MAX_DEPTH) return '[MaxDepth]';
  if (ancestors.includes(object)) return '[Circular]';
  if (budget.left <= 0) return '[Truncated]';
  budget.left -= 2;

  if (Array.isArray(object)) return copyArray(object, depth, ancestors, budget);
  // Most of what agents pass around is plain data: skip the class checks for it.
  const proto = Object.getPrototypeOf(object) as unknown;
  if ((proto === Object.prototype || proto === null) && typeof (object as { toJSON?: unknown }).toJSON !== 'function') {
    return clonePlain(object, depth, ancestors, budget) ?? copyObject(object, depth, ancestors, budget);
  }
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof Error) return copyError(object, depth, ancestors, budget);
  if (types.isPromise(object)) return '[Promise]';
  if (ArrayBuffer.isView(object)) return { $type: object.constructor?.name ?? 'TypedArray', byteLength: object.byteLength };
  if (types.isAnyArrayBuffer(object)) return { $type: 'ArrayBuffer', byteLength: (object as ArrayBuffer).byteLength };
  if (object instanceof Map) {
    ancestors.push(object);
    const entries: unknown[] = [];
    for (const [key, item] of object) {
      if (entries.length >= MAX_ARRAY_ITEMS || budget.left <= 0) {
        entries.push(`[+${object.size - entries.length} more]`);
        break;
      }
      entries.push([copy(key, depth + 1, ancestors, budget), copy(item, depth + 1, ancestors, budget)]);
    }
    ancestors.pop();
    return { $type: 'Map', entries };
  }
  if (object instanceof Set) {
    ancestors.push(object);
    const values = copyArray(Array.from(object), depth, ancestors, budget);
    ancestors.pop();
    return { $type: 'Set', values };
  }
  if (object instanceof RegExp) return object.toString();
  if (types.isWeakMap(object) || types.isWeakSet(object)) return `[${object.constructor.name}]`;
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    let json: unknown;
    try {
      json = toJSON.call(object);
    } catch (error) {
      return `[Thrown by toJSON: ${describeError(error)}]`;
    }
    if (json !== object) return copy(json, depth + 1, ancestors, budget);
  }
  return copyObject(object, depth, ancestors, budget);
}

function copyArray(array: readonly unknown[], depth: number, ancestors: object[], budget: Budget): unknown[] {
  ancestors.push(array);
  const length = array.length;
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    if (i >= MAX_ARRAY_ITEMS || budget.left <= 0) {
      out.push(`[+${length - i} more items]`);
      break;
    }
    let item: unknown;
    try {
      item = array[i];
    } catch (error) {
      item = `[Thrown: ${describeError(error)}]`;
    }
    const copied = copy(item, depth + 1, ancestors, budget);
    out.push(copied === undefined ? null : copied);
  }
  ancestors.pop();
  return out;
}

function copyError(error: Error, depth: number, ancestors: object[], budget: Budget): Record<string, unknown> {
  const out: Record<string, unknown> = { type: safeName(error), message: String(error.message) };
  if (typeof error.stack === 'string') out.stack = error.stack;
  ancestors.push(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) out.cause = copy(cause, depth + 1, ancestors, budget);
  for (const key of Object.keys(error)) {
    if (key in out) continue;
    out[key] = readProperty(error, key, depth, ancestors, budget);
  }
  ancestors.pop();
  return out;
}

function safeName(error: Error): string {
  try {
    return error.name || error.constructor?.name || 'Error';
  } catch {
    return 'Error';
  }
}

function copyObject(object: object, depth: number, ancestors: object[], budget: Budget): Record<string, unknown> {
  const keys = Object.keys(object);
  const out: Record<string, unknown> = {};
  ancestors.push(object);
  let taken = 0;
  for (const key of keys) {
    if (taken >= MAX_OBJECT_KEYS || budget.left <= 0) {
      out.$truncated = `${keys.length - taken} more keys`;
      break;
    }
    budget.left -= key.length + 3;
    const copied = readProperty(object, key, depth, ancestors, budget);
    if (copied !== undefined) out[key] = copied;
    taken++;
  }
  ancestors.pop();
  return out;
}

/**
 * A plain object copied by one spread (a fast clone of its shape), then only the fields holding
 * objects are replaced by their copies; adding fields one by one costs a slow keyed store each.
 * Undefined when it needs the field-by-field path: a getter that throws, too many keys, or the
 * budget running out. Symbol-keyed fields come along uncopied and unmasked: no exporter writes
 * them (JSON drops them, the stores and OpenTelemetry read named fields), so they never leave the process.
 */
function clonePlain(object: object, depth: number, ancestors: object[], budget: Budget): Record<string, unknown> | undefined {
  const keys = Object.keys(object);
  if (keys.length > MAX_OBJECT_KEYS) return undefined;
  let out: Record<string, unknown>;
  try {
    out = { ...(object as Record<string, unknown>) };
  } catch {
    return undefined;
  }
  const left = budget.left;
  ancestors.push(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = out[key];
    budget.left -= key.length + 3;
    if (typeof item === 'object' && item !== null) {
      out[key] = copy(item, depth + 1, ancestors, budget);
    } else if (typeof item === 'string') {
      budget.left -= item.length + 2;
    } else if (typeof item === 'number') {
      budget.left -= 8;
      if (!Number.isFinite(item)) out[key] = String(item);
    } else if (typeof item !== 'boolean' && item !== null) {
      // undefined, functions, symbols, BigInt: as the field-by-field copy gives them.
      const copied = copy(item, depth + 1, ancestors, budget);
      if (copied === undefined) delete out[key];
      else out[key] = copied;
    } else {
      budget.left -= 5;
    }
    if (budget.left <= 0 && i < keys.length - 1) {
      ancestors.pop();
      budget.left = left;
      return undefined;
    }
  }
  ancestors.pop();
  return out;
}

function readProperty(object: object, key: string, depth: number, ancestors: object[], budget: Budget): unknown {
  let item: unknown;
  try {
    item = (object as Record<string, unknown>)[key];
  } catch (error) {
    return `[Thrown: ${describeError(error)}]`;
  }
  return copy(item, depth + 1, ancestors, budget);
}
