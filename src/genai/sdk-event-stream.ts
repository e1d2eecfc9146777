import type { StreamObserver } from '../recorder/call-spec.js';

/** The part of the SDKs' stream helpers (Anthropic MessageStream, OpenAI ChatCompletionStream and ResponseStream) we use. */
interface SdkEventStream {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  done(): Promise<void>;
  readonly ended: boolean;
  readonly errored: boolean;
  readonly aborted: boolean;
}

/**
 * The event each helper emits once per chunk of the underlying stream, with that chunk (a raw
 * Messages stream event, a chat completion chunk, a Responses stream event): told apart by the
 * method that gives its final result (and, for the first two, the snapshot getter that only the
 * streaming class has: a non-streaming tool runner has `finalChatCompletion` too).
 */
function chunkEventOf(value: Record<PropertyKey, unknown>): string | null {
  if (typeof value.on !== 'function' || typeof value.done !== 'function' || typeof value[Symbol.asyncIterator] !== 'function') return null;
  if (typeof value.finalMessage === 'function' && 'currentMessage' in value) return 'streamEvent';
  if (typeof value.finalChatCompletion === 'function' && 'currentChatCompletionSnapshot' in value) return 'chunk';
  if (typeof value.finalResponse === 'function') return 'event';
  return null;
}

/**
 * For the SDKs' own stream helpers (`anthropic.messages.stream()`, `openai.chat.completions.stream()`,
 * `openai.responses.stream()`): these read their stream themselves, whether or not anyone
 * iterates them, and most code uses their events and `final...()` promises instead. Each chunk
 * is handed to `observer()`'s `onChunk` from the helper's own event; the promise settles when the
 * helper ends: `'ok'`, `'cancelled'` when it was aborted, rejected with its error. Null for
 * anything else. Listening changes nothing the user sees: no `error` listener is added (that
 * would silence the helper's unhandled-rejection report), the error is read after the end.
 *
 * @example
 * const ended = watchSdkEventStream(anthropic.messages.stream(params), () => aggregator);
 * ended?.then((status) => record(status, aggregator.result()));
 */
export function watchSdkEventStream(value: unknown, observer: () => StreamObserver): Promise<'ok' | 'cancelled'> | null {
  if (typeof value !== 'object' || value === null) return null;
  const chunkEvent = chunkEventOf(value as Record<PropertyKey, unknown>);
  if (chunkEvent === null) return null;
  const stream = value as SdkEventStream;
  if (stream.ended) return null;
  const watcher = observer();
  return new Promise((resolve, reject) => {
    stream.on(chunkEvent, (chunk: unknown) => {
      try {
        watcher.onChunk(chunk);
      } catch {
        // The helper's own listeners must not see our failure.
      }
    });
    stream.on('end', () => {
      if (stream.aborted) resolve('cancelled');
      // The error was already reported as the helper reports it; its end promise holds it.
      else if (stream.errored) stream.done().then(() => resolve('ok'), reject);
      else resolve('ok');
    });
  });
}
