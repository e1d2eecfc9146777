import type { EventType } from '../model/events.js';
import type { ActiveCall } from './active-call.js';

/** Watches a returned stream chunk by chunk, as the consumer pulls it. */
export interface StreamObserver {
  onChunk(chunk: unknown): void;
  /** The error a stream reported in a chunk while ending normally (a Responses API `response.failed`), if any. */
  failure?(): unknown;
}

/** What one kind of event adds to the generic recording of a call. Every hook must be cheap and may throw (reported, never re-thrown). */
export interface CallBehaviour {
  /** At call start, before the user's function runs. */
  start?(call: ActiveCall, thisArg: unknown, args: readonly unknown[]): void;
  /** Right after the user's function returns, before its result is followed (an SDK's APIPromise, say). */
  returned?(call: ActiveCall, result: unknown): void;
  /**
   * A result that finishes later without being awaited or iterated (an AI SDK `streamText`
   * result, an SDK's stream helper that reads its own stream): the call completes when this
   * settles, as `cancelled` when it resolves to that. Asked before a returned stream is observed.
   */
  deferred?(call: ActiveCall, result: unknown): Promise<void | 'ok' | 'cancelled'> | null;
  /** When the call completes with a value (after a promise settles, not for streams). */
  end?(call: ActiveCall, thisArg: unknown, result: unknown): void;
  /** When the call ends in any way (ok, error, cancelled), e.g. to read state after the call. */
  finally?(call: ActiveCall, thisArg: unknown): void;
  /** Returned async iterables are observed as consumed when this is set (LLM streams). */
  observeStream?(call: ActiveCall): StreamObserver;
  /** Batch side: writes the kind's own fields onto the event being built (named stores keep it a fast object). */
  addFields(call: ActiveCall, event: Record<string, unknown>): void;
}

/** Everything a decorated function needs to record a call, fixed when it is decorated. */
export interface CallSpec {
  readonly kind: EventType;
  readonly name: string;
  readonly systemId: string | undefined;
  readonly captureInput: boolean;
  readonly captureOutput: boolean;
  readonly metadata: Record<string, unknown> | undefined;
  /** `@environmentStep({ timestep: true })`: each call outside a timestep gets one of its own. */
  readonly autoTimestep: boolean;
  readonly behaviour: CallBehaviour;
  /** The options as the user gave them, for `getInstrumentation`. */
  readonly options: Readonly<Record<string, unknown>>;
}
