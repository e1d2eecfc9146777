import { toCaisFields, withoutContent, type SentRequest } from '../genai/call-record.js';
import { readSdkRequest } from '../genai/sdk-request.js';
import { watchSdkEventStream } from '../genai/sdk-event-stream.js';
import { getConfig } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import { prop, str } from '../genai/fields.js';
import type { JsonValue } from '../model/events.js';
import { readAiRequest, type AiRequest } from '../genai/request.js';
import { readAiResponse, readDeferredAiResponse, type AiResponse } from '../genai/response.js';
import { createStreamAggregator, type StreamAggregator } from '../genai/streams.js';
import { createToolRoundsAggregator } from '../genai/tool-rounds.js';
import { toEpochMs, now } from '../model/clock.js';
import type { ActiveCall } from '../recorder/active-call.js';
import type { CallBehaviour } from '../recorder/call-spec.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction, type UniversalDecorator } from './decorate.js';
import { validateOptions, type CommonOptions } from './options.js';
import { makeSpec } from './spec.js';

/** What a custom `extract` returns: any CAIS fields it knows, overriding what was read automatically. */
export interface AiCallExtract {
  model_name?: string | null;
  provider?: string | null;
  input_tokens?: number | null;
  output_tokens?: number | null;
  total_tokens?: number | null;
  cost_usd?: number | null;
  [field: string]: unknown;
}

/** Options of `@aiCall`. */
export interface AiCallOptions extends CommonOptions {
  /** The model, when the arguments do not say it. */
  model?: string;
  /** The provider (`openai`, `anthropic`, ...), when it cannot be told from the model or the client. */
  provider?: string;
  /** Reads model, tokens or cost from a response shape the toolkit does not know. */
  extract?: (args: unknown[], result: unknown) => AiCallExtract | null | undefined;
  /** Record the model's state before and after, as `system_state_before` / `system_state_after`. */
  stateBefore?: (self: any) => unknown;
  stateAfter?: (self: any) => unknown;
}

interface AiDetail {
  request: AiRequest | null;
  response: AiResponse | null;
  /** A stream's aggregate, read when the event is built (a stream never consumed says 0 chunks). */
  stream: StreamAggregator | null;
  /** What the SDK really sent, when the method built the request itself. */
  sent: SentRequest | null;
  /** The response comes from a deferred result (AI SDK `streamText`), not from the value returned. */
  deferred: boolean;
  args: unknown[] | undefined;
  custom: AiCallExtract | null;
  /** Results and response ids already counted by descendant `@aiCall`s. */
  counted: Set<unknown> | undefined;
  /** Whether the call records may hold the prompt and the answer (decided when the call starts). */
  keepInput: boolean;
  keepOutput: boolean;
}

const detailOf = (call: ActiveCall) => call.detail as unknown as AiDetail;
const epochNow = () => toEpochMs(now());

function nearestAiAncestor(call: ActiveCall): ActiveCall | null {
  for (let parent = call.parent; parent !== null; parent = parent.parent) {
    if (parent.spec.kind === 'cais') return parent;
  }
  return null;
}

/**
 * A wrapper returning what an inner @aiCall returned (a response, a stream, an AI SDK result)
 * must not count the same usage twice: each call's result is noted with its nearest @aiCall
 * ancestor, which records no usage of its own when it returns that same object. Runs for every
 * object a call settles with, before it is followed as a stream or read.
 */
function countOnce(call: ActiveCall, result: unknown): void {
  if (typeof result !== 'object' || result === null) return;
  if (detailOf(call).counted?.has(result)) call.usageInChild = true;
  const ancestor = nearestAiAncestor(call);
  if (ancestor !== null) (detailOf(ancestor).counted ??= new Set()).add(result);
}

const reportedNoResponse = new WeakSet<object>();

/**
 * Once per decorated function: it returned something that is no model response (the answer's
 * text, say) and no @aiCall ran inside it, so its tokens and cost cannot be recorded.
 */
function reportNoResponse(call: ActiveCall, result: unknown): void {
  if (reportedNoResponse.has(call.spec)) return;
  reportedNoResponse.add(call.spec);
  const returned = result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result === 'object' ? 'an object of no known response shape' : `a ${typeof result}`;
  reportDiagnostic(
    'no-model-response',
    `@aiCall "${call.spec.name}" returned ${returned}, not the model's response: its model, tokens and cost are not recorded. Return the SDK's response or stream, put @aiCall on the function that calls the SDK, or read them with the extract option.`,
  );
}

function behaviour(options: AiCallOptions): CallBehaviour {
  const hints = { model: options.model, provider: options.provider };
  const { extract, stateBefore, stateAfter } = options;
  return {
    start(call, self, args) {
      const captureContent = getConfig().captureContent;
      const detail: AiDetail = {
        request: null,
        response: null,
        stream: null,
        sent: null,
        deferred: false,
        args: extract ? [...args] : undefined,
        custom: null,
        counted: undefined,
        keepInput: captureContent && call.spec.captureInput,
        keepOutput: captureContent && call.spec.captureOutput,
      };
      call.detail = detail as unknown as Record<string, unknown>;
      detail.request = readAiRequest(args, self, hints);
      if (stateBefore) call.guard('stateBefore', () => (call.stateBefore = snapshot(stateBefore(self), 16384)));
    },
    returned(call, result) {
      const sent = readSdkRequest(result);
      if (sent === null) return;
      void sent.then((info) => {
        if (info !== null) detailOf(call).sent = { ...info, body: snapshot(info.body, getConfig().maxPayloadBytes) as JsonValue | undefined };
      });
    },
    deferred(call, result) {
      const detail = detailOf(call);
      countOnce(call, result);
      const ended = watchSdkEventStream(result, (kind) => (detail.stream = kind === 'chunks' ? createStreamAggregator(detail.request, toEpochMs(call.startMs), epochNow) : createToolRoundsAggregator(detail.request)));
      if (ended !== null) {
        detail.deferred = true;
        // Anthropic's MessageStream knows its request id once connected; the request itself was never seen.
        return ended.then((status) => {
          const requestId = str(prop(result, 'request_id'));
          if (requestId !== null && detail.sent === null) detail.sent = { body: undefined, url: null, requestId };
          return status;
        });
      }
      const later = readDeferredAiResponse(result, detail.request);
      if (later === null) return null;
      detail.deferred = true;
      return later.then((response) => {
        detail.response = response;
      });
    },
    end(call, _self, result) {
      const detail = detailOf(call);
      if (detail.deferred) return;
      detail.response = readAiResponse(result, detail.request);
      if (detail.response.api === null && detail.response.usage === null && detail.counted === undefined && !extract) reportNoResponse(call, result);
      // A copy: what extract returns becomes event fields, which the batch side masks in place.
      if (extract) call.guard('extract', () => (detail.custom = (snapshot(extract(detail.args ?? [], result) ?? null, getConfig().maxPayloadBytes) as AiCallExtract | null)));
      // The same answer by its id, or several inner answers gathered (see countOnce for the result itself).
      const counted = detail.counted;
      const id = detail.response.response_id;
      if (counted !== undefined && ((id !== null && counted.has(id)) || (Array.isArray(result) && result.some((item) => counted.has(item))))) {
        call.usageInChild = true;
      }
      const ancestor = nearestAiAncestor(call);
      if (ancestor !== null && id !== null) (detailOf(ancestor).counted ??= new Set()).add(id);
    },
    finally(call, self) {
      if (stateAfter) call.guard('stateAfter', () => (call.stateAfter = snapshot(stateAfter(self), 16384)));
    },
    observeStream(call) {
      const detail = detailOf(call);
      detail.stream = createStreamAggregator(detail.request, toEpochMs(call.startMs), epochNow);
      return detail.stream;
    },
    addFields(call, event) {
      const detail = detailOf(call);
      const cais = toCaisFields(detail.request, detail.stream?.result() ?? detail.response, { startedAt: toEpochMs(call.startMs), endedAt: toEpochMs(call.endMs) }, call.input as never, detail.sent);
      event.model_name = cais.model_name;
      event.provider = cais.provider;
      event.input_tokens = cais.input_tokens;
      event.output_tokens = cais.output_tokens;
      event.total_tokens = cais.total_tokens;
      event.cost_usd = cais.cost_usd;
      event.call_records = cais.call_records;
      if (!detail.keepInput || !detail.keepOutput) withoutContent(cais.call_records, { input: detail.keepInput, output: detail.keepOutput });
      if (detail.custom !== null && typeof detail.custom === 'object' && !Array.isArray(detail.custom)) Object.assign(event, detail.custom);
      if (call.usageInChild) {
        event.input_tokens = null;
        event.output_tokens = null;
        event.total_tokens = null;
        event.cost_usd = null;
        event.call_records = [];
      }
      event.latency_ms = Math.round((call.endMs - call.startMs) * 1000) / 1000;
      event.system_state_before = call.stateBefore;
      event.system_state_after = call.stateAfter;
    },
  };
}

const validate = (options: unknown) =>
  validateOptions('aiCall', options, { model: 'string', provider: 'string', extract: 'function', stateBefore: 'function', stateAfter: 'function' }) as AiCallOptions;

const aiSpec = (member: string, options: AiCallOptions) => makeSpec('cais', member, options as AiCallOptions & Record<string, unknown>, behaviour(options));

const decorator = createDecorator('aiCall', validate, aiSpec);

/**
 * Records each call as a CAIS event: model, provider, tokens, cost, latency, and the call record
 * of the request and response, read from what OpenAI, Anthropic, Gemini and the AI SDK return.
 * A returned stream is observed as the caller consumes it.
 *
 * @example
 * class Agent {
 *   @aiCall({ systemId: 'planner' })
 *   think(messages: ChatMessage[]) { return openai.chat.completions.create({ model: 'gpt-4o-mini', messages }); }
 * }
 */
export function aiCall(options?: AiCallOptions): UniversalDecorator;
export function aiCall(value: any, context: ClassMemberDecoratorContext): any;
export function aiCall(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): any;
export function aiCall(...args: unknown[]): unknown {
  return decorator(...args);
}

/**
 * The function form of `@aiCall`.
 *
 * @example
 * const complete = withAiCall({ name: 'complete' }, (prompt: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] }));
 */
export function withAiCall<F extends Function>(options: AiCallOptions | undefined, fn: F): F {
  const checked = validate(options);
  return wrapFunction('withAiCall', fn, aiSpec(fn.name || 'aiCall', checked));
}
