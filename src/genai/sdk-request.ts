import { isObject, prop, str } from './fields.js';

/** The request an SDK call actually sent, as its APIPromise knows it. */
export interface SdkRequestInfo {
  /** The request body object as given to the SDK (live reference: snapshot it before keeping it). */
  body: unknown;
  /** The full URL requested (`http://127.0.0.1:8080/v1/chat/completions`), or null. */
  url: string | null;
  /** `x-request-id` (OpenAI) or `request-id` (Anthropic) header, or null. */
  requestId: string | null;
}

/**
 * For a method that builds its request inside (`think(question)` calling
 * `client.chat.completions.create({...})`), the arguments hold no model or messages. When the
 * method returns the SDK's APIPromise (OpenAI, Anthropic and other Stainless SDKs), this returns
 * a promise of what was really sent: body, URL and request id (streams have no other source of
 * it). It settles when the response headers arrive, never rejects, pulls nothing, and is null
 * for any other value. Call it on the value as returned, before it is awaited.
 *
 * @example
 * const sent = readSdkRequest(returned);
 * sent?.then((info) => { if (info) detail.sdk = { ...info, body: snapshot(info.body, max) }; });
 */
export function readSdkRequest(returned: unknown): Promise<SdkRequestInfo | null> | null {
  try {
    if (!isObject(returned) || typeof returned.withResponse !== 'function') return null;
    const props = returned.responsePromise;
    if (!(props instanceof Promise)) return null;
    return props.then(
      (value: unknown) => {
        try {
          const options = prop(value, 'options');
          const response = prop(value, 'response');
          const headers = prop(response, 'headers');
          const get = prop(headers, 'get');
          const header = (name: string): string | null => (typeof get === 'function' ? str((get as (n: string) => unknown).call(headers, name)) : null);
          return {
            body: prop(options, 'body'),
            url: str(prop(response, 'url')),
            requestId: header('x-request-id') ?? header('request-id'),
          };
        } catch {
          return null;
        }
      },
      () => null,
    );
  } catch {
    return null;
  }
}
