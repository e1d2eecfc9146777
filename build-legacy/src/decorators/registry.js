const KEY = Symbol.for('agent-trace.instrumentation');
const LEGACY_KEY = Symbol.for('agent-trace.instrumentation.legacy');
// Stage-3 decorators only see `context.metadata` when Symbol.metadata exists (not yet on Node 20);
// TypeScript and esbuild read it when a decorated class is defined.
Symbol.metadata ??= Symbol.for('Symbol.metadata');
/** Records an entry in a Stage-3 decorator's `context.metadata`. */
export function recordInMetadata(metadata, entry) {
    if (metadata === undefined || metadata === null)
        return;
    const bag = metadata;
    if (!Object.prototype.hasOwnProperty.call(bag, KEY))
        bag[KEY] = [];
    bag[KEY].push(entry);
}
/** Records an entry for a legacy decorator, on the class itself (`target` is the prototype or the constructor). */
export function recordOnClass(target, entry) {
    const ctor = (typeof target === 'function' ? target : target.constructor);
    if (!Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY)) {
        Object.defineProperty(ctor, LEGACY_KEY, { value: [], configurable: true });
    }
    ctor[LEGACY_KEY].push(entry);
}
/**
 * Lists what a class (or the class of an instance) has instrumented, including inherited
 * members; a member overridden in a subclass is listed once, as the subclass declares it.
 *
 * @example
 * getInstrumentation(Agent); // [{ member: 'think', kind: 'cais', placement: 'method', ... }]
 */
export function getInstrumentation(classOrInstance) {
    let ctor = typeof classOrInstance === 'function' ? classOrInstance : classOrInstance?.constructor;
    const seen = new Set();
    const entries = [];
    const metadataKey = Symbol.metadata;
    while (typeof ctor === 'function' && ctor !== Function.prototype) {
        const own = [];
        const legacy = Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY) ? ctor[LEGACY_KEY] : undefined;
        if (legacy)
            own.push(...legacy);
        const metadata = metadataKey !== undefined && Object.prototype.hasOwnProperty.call(ctor, metadataKey) ? ctor[metadataKey] : undefined;
        if (metadata && Object.prototype.hasOwnProperty.call(metadata, KEY))
            own.push(...metadata[KEY]);
        for (const entry of own) {
            const id = `${entry.static ? 'static ' : ''}${entry.member}`;
            if (seen.has(id))
                continue;
            seen.add(id);
            entries.push(entry);
        }
        ctor = Object.getPrototypeOf(ctor);
    }
    return entries;
}
//# sourceMappingURL=registry.js.map