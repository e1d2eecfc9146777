/** `closed`: requests flow; `open`: none until the cool-down ends; `half-open`: one probe decides. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker: it opens after `threshold` consecutive failures, lets one probe through once
 * `cooldownMs` has passed, and closes again when that probe succeeds (a failed probe re-opens it).
 *
 * @example
 * const breaker = new CircuitBreaker({ threshold: 5, cooldownMs: 30_000 });
 * if (breaker.waitMs() === 0) { breaker.beforeRequest(); ok ? breaker.success() : breaker.failure(); }
 */
export class CircuitBreaker {
  private stateValue: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;

  constructor(
    private readonly options: { threshold: number; cooldownMs: number; now?: () => number; onChange?: (state: BreakerState) => void },
  ) {}

  /** The current state. */
  get state(): BreakerState {
    return this.stateValue;
  }

  /** Consecutive failures so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private set(state: BreakerState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.options.onChange?.(state);
  }

  /** How long to wait before the next request may go (0: now). */
  waitMs(): number {
    if (this.stateValue !== 'open') return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.now());
  }

  /** Call right before a request: after the cool-down the breaker turns half-open and this request is the probe. */
  beforeRequest(): void {
    if (this.stateValue === 'open' && this.waitMs() === 0) this.set('half-open');
  }

  /** The request succeeded (or the server answered it on purpose): close the breaker. */
  success(): void {
    this.failures = 0;
    this.set('closed');
  }

  /** The request failed in a way that suggests the service is down or overloaded. */
  failure(): void {
    this.failures++;
    if (this.stateValue === 'half-open' || this.failures >= this.options.threshold) {
      this.openedAt = this.now();
      this.set('open');
    }
  }
}
