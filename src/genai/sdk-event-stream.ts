import type { StreamObserver } from '../recorder/call-spec.js';

/** The part of the SDKs' stream helpers (Anthropic MessageStream; OpenAI ChatCompletionStream, ResponseStream and the tool runners) we use. */
interface SdkEventStream {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  done(): Promise<void>;
  readonly ended: boolean;
  readonly errored: boolean;
  readonly aborted: boolean;
}

/** What a helper emits per step: the chunks of its stream, or (a non-streaming tool runner) each whole chat completion. */
export type SdkEventKind = 'chunks' | 'completions';

/**
 * The event each helper emits once per step, with that step: a raw Messages stream event, a chat
 * completion chunk, a Responses stream event, or a whole chat completion of a tool runner. Told
 * apart by the method that gives the final result and a member only that class has (a streaming
 * runner is a ChatCompletionStream, with the snapshot getter).
 */
function eventOf(value: Record<PropertyKey, unknown>): { name: string; kind: SdkEventKind } | null {
  if (typeof value.on !== 'function' || typeof value.done !== 'function') return null;
  const iterable = typeof value[Symbol.asyncIterator] === 'function';
  if (iterable && typeof value.finalMessage === 'function' && 'currentMessage' in value) return { name: 'streamEvent', kind: 'chunks' };
  if (iterable && typeof value.finalChatCompletion === 'function' && 'currentChatCompletionSnapshot' in value) return { name: 'chunk', kind: 'chunks' };
  if (iterable && typeof value.finalResponse === 'function') return { name: 'event', kind: 'chunks' };
  if (typeof value.finalChatCompletion === 'function' && typeof value.allChatCompletions === 'function') return { name: 'chatCompletion', kind: 'completions' };
  return null;
}

/**
 * For the SDKs' own stream helpers (`anthropic.messages.stream()`, `openai.chat.completions.stream()`,
 * `openai.responses.stream()`) and OpenAI's tool runners (`chat.completions.runTools()`): these
 * read their stream themselves, whether or not anyone iterates them, and most code uses their
 * events and `final...()` promises instead. Each step is handed to `observer(kind)`'s `onChunk`
 * from the helper's own event; the promise settles when the helper ends: `'ok'`, `'cancelled'`
 * when it was aborted, rejected with its error. Null for anything else. Listening changes
 * nothing the user sees: no `error` listener is added (that would silence the helper's
 * unhandled-rejection report); the error is read after the end.
 *
 * @example
 * const ended = watchSdkEventStream(anthropic.messages.stream(params), (kind) => aggregator);
 * ended?.then((status) => record(status, aggregator.result()));
 */
export function watchSdkEventStream(value: unknown, observer: (kind: SdkEventKind) => StreamObserver): Promise<'ok' | 'cancelled'> | null {
  if (typeof value !== 'object' || value === null) return null;
  const event = eventOf(value as Record<PropertyKey, unknown>);
  if (event === null) return null;
  const stream = value as SdkEventStream;
  if (stream.ended) return null;
  const watcher = observer(event.kind);
  return new Promise((resolve, reject) => {
    stream.on(event.name, (chunk: unknown) => {
      try {
        watcher.onChunk(chunk);
      } catch {
        // The helper's own listeners must not see our failure.
      }
    });
    stream.on('end', () => {
      const failure = watcher.failure?.();
      if (failure !== undefined) reject(failure);
      else if (stream.aborted) resolve('cancelled');
      // The error was already reported as the helper reports it; its end promise holds it.
      else if (stream.errored) stream.done().then(() => resolve('ok'), reject);
      else resolve('ok');
    });
  });
}
