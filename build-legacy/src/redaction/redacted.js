const REDACTED_BRAND = Symbol.for('agent-trace.redacted');
/**
 * Marks a value that must never be recorded; the toolkit captures `[REDACTED]` in its place.
 * The brand is registered with `Symbol.for`, so two installed copies of agent-trace agree.
 *
 * @example
 * await agent.login(redacted(password)); // the trace shows "[REDACTED]"
 */
export function redacted(value) {
    return Object.freeze({ [REDACTED_BRAND]: true, value, toJSON: () => '[REDACTED]' });
}
/** True for a value made by `redacted()`. */
export function isRedacted(value) {
    return typeof value === 'object' && value !== null && value[REDACTED_BRAND] === true;
}
//# sourceMappingURL=redacted.js.map