import { AgentTraceError } from '../errors.js';
const COMMON = {
    name: 'string',
    systemId: 'string',
    captureInput: 'boolean',
    captureOutput: 'boolean',
    metadata: 'object',
};
/**
 * Checks decorator options when the class is defined, so that a typo fails at start-up with a
 * message naming the option, not silently at run time.
 */
export function validateOptions(decorator, options, own) {
    if (options === undefined)
        return {};
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() takes an options object, e.g. @${decorator}({ name: 'think' }).`);
    }
    const allowed = { ...COMMON, ...own };
    for (const [key, value] of Object.entries(options)) {
        const type = allowed[key];
        if (type === undefined) {
            throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() has no option "${key}"; its options are: ${Object.keys(allowed).join(', ')}.`);
        }
        if (value !== undefined && (typeof value !== type || value === null)) {
            throw new AgentTraceError('E_CONFIG', `agent-trace: @${decorator}() option "${key}" must be a ${type}, got ${value === null ? 'null' : typeof value}.`);
        }
    }
    return options;
}
//# sourceMappingURL=options.js.map