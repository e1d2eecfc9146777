const REDACTED_BRAND = Symbol.for('agent-trace.redacted');

/** A value wrapped by `redacted()`: it is recorded as `[REDACTED]`, never as itself. */
export interface Redacted<T = unknown> {
  readonly [REDACTED_BRAND]: true;
  /** The wrapped value, for the user's own code. */
  readonly value: T;
}

/**
 * Marks a value that must never be recorded; the toolkit captures `[REDACTED]` in its place.
 * The brand is registered with `Symbol.for`, so two installed copies of agent-trace agree.
 *
 * @example
 * await agent.login(redacted(password)); // the trace shows "[REDACTED]"
 */
export function redacted<T>(value: T): Redacted<T> {
  return Object.freeze({ [REDACTED_BRAND]: true as const, value, toJSON: () => '[REDACTED]' });
}

/** True for a value made by `redacted()`. */
export function isRedacted(value: unknown): value is Redacted {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[REDACTED_BRAND] === true;
}
