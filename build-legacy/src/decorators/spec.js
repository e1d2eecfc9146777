/** Builds the spec of a decorated member from the decorator's options. */
export function makeSpec(kind, memberName, options, behaviour, autoTimestep = false) {
    return Object.freeze({
        kind,
        name: options.name ?? memberName,
        systemId: options.systemId,
        captureInput: options.captureInput ?? true,
        captureOutput: options.captureOutput ?? true,
        metadata: options.metadata,
        autoTimestep,
        behaviour,
        options: Object.freeze({ ...options }),
    });
}
//# sourceMappingURL=spec.js.map