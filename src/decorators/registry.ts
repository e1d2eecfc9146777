import type { EventType } from '../model/events.js';

/** One instrumented member of a class, as `getInstrumentation` reports it. */
export interface InstrumentationEntry {
  /** The member's name (`#name` for a private one). */
  member: string;
  /** The event name recorded. */
  name: string;
  /** The event type recorded. */
  kind: EventType;
  /** `method`, `getter`, `setter`, `field` or `accessor`. */
  placement: 'method' | 'getter' | 'setter' | 'field' | 'accessor';
  static: boolean;
  private: boolean;
  /** The decorator options as given. */
  options: Readonly<Record<string, unknown>>;
}

const KEY = Symbol.for('agent-trace.instrumentation');
const LEGACY_KEY = Symbol.for('agent-trace.instrumentation.legacy');

// Stage-3 decorators only see `context.metadata` when Symbol.metadata exists (not yet on Node 20);
// TypeScript and esbuild read it when a decorated class is defined.
(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');

/** Records an entry in a Stage-3 decorator's `context.metadata`. */
export function recordInMetadata(metadata: object | undefined, entry: InstrumentationEntry): void {
  if (metadata === undefined || metadata === null) return;
  const bag = metadata as Record<symbol, InstrumentationEntry[]>;
  if (!Object.prototype.hasOwnProperty.call(bag, KEY)) bag[KEY] = [];
  bag[KEY]!.push(entry);
}

/** Records an entry for a legacy decorator, on the class itself (`target` is the prototype or the constructor). */
export function recordOnClass(target: object, entry: InstrumentationEntry): void {
  const ctor = (typeof target === 'function' ? target : (target as { constructor: Function }).constructor) as unknown as Record<symbol, InstrumentationEntry[]>;
  if (!Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY)) {
    Object.defineProperty(ctor, LEGACY_KEY, { value: [], configurable: true });
  }
  ctor[LEGACY_KEY]!.push(entry);
}

/**
 * Lists what a class (or the class of an instance) has instrumented, including inherited
 * members; a member overridden in a subclass is listed once, as the subclass declares it.
 *
 * @example
 * getInstrumentation(Agent); // [{ member: 'think', kind: 'cais', placement: 'method', ... }]
 */
export function getInstrumentation(classOrInstance: unknown): InstrumentationEntry[] {
  let ctor: unknown = typeof classOrInstance === 'function' ? classOrInstance : (classOrInstance as { constructor?: unknown } | null)?.constructor;
  const seen = new Set<string>();
  const entries: InstrumentationEntry[] = [];
  const metadataKey = (Symbol as { metadata?: symbol }).metadata;
  while (typeof ctor === 'function' && ctor !== Function.prototype) {
    const own: InstrumentationEntry[] = [];
    const legacy = Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY) ? (ctor as unknown as Record<symbol, InstrumentationEntry[]>)[LEGACY_KEY] : undefined;
    if (legacy) own.push(...legacy);
    const metadata = metadataKey !== undefined && Object.prototype.hasOwnProperty.call(ctor, metadataKey) ? (ctor as unknown as Record<symbol, Record<symbol, InstrumentationEntry[]>>)[metadataKey] : undefined;
    if (metadata && Object.prototype.hasOwnProperty.call(metadata, KEY)) own.push(...metadata[KEY]!);
    for (const entry of own) {
      const id = `${entry.static ? 'static ' : ''}${entry.member}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push(entry);
    }
    ctor = Object.getPrototypeOf(ctor);
  }
  return entries;
}
