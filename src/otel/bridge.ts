import { randomBytes } from 'node:crypto';
import type * as OtelApi from '@opentelemetry/api';
import type { Attributes, Context, Span, SpanKind, Tracer, TracerProvider } from '@opentelemetry/api';
import { toGenAiSpan } from '../genai/semconv.js';
import { toEpochMs } from '../model/clock.js';
import type { CaisEvent, EnvironmentEvent, JsonValue, RuntimeEvent, SpanEvent, TraceEvent } from '../model/events.js';
import type { ActiveCall } from '../recorder/active-call.js';
import type { SpanBridge } from '../runtime.js';

/** The `@opentelemetry/api` module, whichever copy the user's project has. */
export type OtelApiModule = typeof OtelApi;

/** Options of `createSpanBridge`. */
export interface SpanBridgeOptions {
  /** Instrumentation scope name of the spans. Default `agent-trace`. */
  tracerName?: string;
  /** Instrumentation scope version. */
  tracerVersion?: string;
  /**
   * Put message content on spans (`gen_ai.input.messages`, `gen_ai.output.messages`, tool
   * arguments and results), already masked. Default false, as the GenAI conventions recommend.
   */
  captureContent?: boolean;
  /** Where spans go. Default: the global tracer provider. */
  tracerProvider?: TracerProvider;
}

interface AiRequestView {
  model?: unknown;
  api?: unknown;
}

/**
 * Builds the hook that makes each recorded call an OpenTelemetry span, from the given copy of
 * `@opentelemetry/api` (it is never imported here at run time). A span starts when the call
 * starts, inside the active OpenTelemetry context, and ends on the batch side with the masked
 * event's GenAI attributes and the call's own start and end times. Sessions that sampling left
 * out never reach the bridge, so they make no spans either.
 *
 * @example
 * import * as api from '@opentelemetry/api';
 * runtime.bridge = createSpanBridge(api, { captureContent: false });
 */
export function createSpanBridge(api: OtelApiModule, options: SpanBridgeOptions = {}): SpanBridge & { unsampled(): unknown } {
  const tracer: Tracer = (options.tracerProvider ?? api.trace).getTracer(options.tracerName ?? 'agent-trace', options.tracerVersion);
  const captureContent = options.captureContent === true;
  const CLIENT: SpanKind = api.SpanKind.CLIENT;
  const INTERNAL: SpanKind = api.SpanKind.INTERNAL;
  const ERROR = api.SpanStatusCode.ERROR;

  return {
    start(call: ActiveCall): unknown {
      let parent: Context = api.context.active();
      // Without a registered context manager the active context is always the root one; our own parent still holds its span.
      if (api.trace.getSpan(parent) === undefined && call.parent !== null && call.parent.otelContext !== undefined) {
        parent = call.parent.otelContext as Context;
      }
      const spec = call.spec;
      // Only what samplers may need at start (the GenAI conventions' list); the rest is set on the batch side.
      const attributes: Attributes = {};
      let name: string;
      let kind: SpanKind = INTERNAL;
      switch (spec.kind) {
        case 'cais': {
          const request = (call.detail as { request?: AiRequestView | null } | undefined)?.request;
          const model = typeof request?.model === 'string' && request.model !== '' ? request.model : undefined;
          const operation = request?.api === 'gemini' ? 'generate_content' : request?.api === 'completion' ? 'text_completion' : 'chat';
          name = model === undefined ? operation : `${operation} ${model}`;
          kind = CLIENT;
          attributes['gen_ai.operation.name'] = operation;
          if (model !== undefined) attributes['gen_ai.request.model'] = model;
          break;
        }
        case 'runtime':
          name = `execute_tool ${spec.name}`;
          attributes['gen_ai.operation.name'] = 'execute_tool';
          attributes['gen_ai.tool.name'] = spec.name;
          break;
        case 'environment':
          name = `env.step ${spec.name}`;
          break;
        default: {
          const spanKind = spec.options.kind;
          if (spanKind === 'agent') {
            name = `invoke_agent ${spec.name}`;
            attributes['gen_ai.operation.name'] = 'invoke_agent';
            attributes['gen_ai.agent.name'] = spec.name;
          } else if (spanKind === 'tool') {
            name = `execute_tool ${spec.name}`;
            attributes['gen_ai.operation.name'] = 'execute_tool';
            attributes['gen_ai.tool.name'] = spec.name;
          } else {
            name = spec.name;
          }
        }
      }
      const span = tracer.startSpan(name, { kind, attributes, startTime: toEpochMs(call.startMs) }, parent);
      const spanId = span.spanContext().spanId;
      // A no-op tracer (no SDK registered) hands back the parent's span context or an invalid one: keep our own id then.
      if (api.trace.isSpanContextValid(span.spanContext()) && spanId !== api.trace.getSpanContext(parent)?.spanId) call.adoptSpanId(spanId);
      return api.trace.setSpan(parent, span);
    },

    /**
     * A context that carries "not sampled" (trace flags 00, in the active trace when there is one):
     * run a session that sampling left out in it, and the application's spans inside it are not
     * sampled either by a parent-based sampler (the SDK default), nor are downstream services.
     */
    unsampled(): unknown {
      const active = api.context.active();
      const parent = api.trace.getSpanContext(active);
      const traceId = parent !== undefined && api.trace.isSpanContextValid(parent) ? parent.traceId : randomBytes(16).toString('hex');
      return api.trace.setSpanContext(active, { traceId, spanId: randomBytes(8).toString('hex'), traceFlags: api.TraceFlags.NONE });
    },

    run<R>(context: unknown, thunk: () => R): R {
      return api.context.with(context as Context, thunk);
    },

    finish(call: ActiveCall, event: TraceEvent | null): void {
      const span = api.trace.getSpan(call.otelContext as Context);
      if (span === undefined) return;
      const endTime = call.endMs !== 0 ? toEpochMs(call.endMs) : undefined;
      try {
        if (event === null) {
          // Dropped before it was masked: nothing of its content may leave, only that it failed.
          span.setAttribute('agent_trace.dropped', true);
          span.setAttribute('agent_trace.status', call.status);
          if (call.status === 'error') span.setStatus({ code: ERROR });
          return;
        }
        describe(span, call, event, captureContent, ERROR, endTime);
      } finally {
        span.end(endTime);
      }
    },
  };
}

function describe(span: Span, call: ActiveCall, event: TraceEvent, captureContent: boolean, ERROR: OtelApi.SpanStatusCode, endTime: number | undefined): void {
  const attributes: Attributes = {
    'agent_trace.event_type': event.event_type,
    'agent_trace.session.id': call.session.id,
    'gen_ai.conversation.id': call.session.id,
    'agent_trace.status': event.status,
    'agent_trace.trace_id': event.trace_id,
    'agent_trace.system_instance_id': event.system_instance_id,
  };
  if (call.step !== null) attributes['agent_trace.step.id'] = call.step.id;
  if (typeof event.time_record?.message_time === 'number') attributes['agent_trace.turn'] = event.time_record.message_time;
  for (const [key, value] of Object.entries(event.metadata ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[`agent_trace.metadata.${key}`] = value;
  }

  switch (event.event_type) {
    case 'cais':
      describeCais(span, event, attributes, captureContent);
      break;
    case 'environment':
      describeEnvironment(event, attributes, captureContent);
      break;
    case 'runtime':
      describeRuntime(event, attributes, captureContent);
      break;
    case 'span':
      describeSpan(event, attributes, captureContent);
      break;
  }

  if (event.status === 'error' && event.error !== null) {
    attributes['error.type'] ??= event.error.type || '_OTHER';
    span.recordException({ name: event.error.type, message: event.error.message, stack: event.error.stack ?? undefined }, endTime);
    span.setStatus({ code: ERROR, message: event.error.message });
  }
  span.setAttributes(attributes);
}

function describeCais(span: Span, event: CaisEvent, attributes: Attributes, captureContent: boolean): void {
  const genAi = toGenAiSpan(event, { captureContent });
  span.updateName(genAi.name);
  Object.assign(attributes, genAi.attributes);
  if (typeof event.cost_usd === 'number') attributes['agent_trace.usage.cost_usd'] = event.cost_usd;
  if (event.call_records.length > 1) attributes['agent_trace.call_count'] = event.call_records.length;
}

function describeEnvironment(event: EnvironmentEvent, attributes: Attributes, captureContent: boolean): void {
  if (typeof event.reward === 'number') attributes['agent_trace.env.reward'] = event.reward;
  if (typeof event.terminated === 'boolean') attributes['agent_trace.env.terminated'] = event.terminated;
  if (typeof event.truncated === 'boolean') attributes['agent_trace.env.truncated'] = event.truncated;
  const before = json(event.system_state_before);
  const after = json(event.system_state_after);
  if (before !== undefined) attributes['agent_trace.env.state_before.size'] = before.length;
  if (after !== undefined) attributes['agent_trace.env.state_after.size'] = after.length;
  if (captureContent) {
    if (before !== undefined) attributes['agent_trace.env.state_before'] = before;
    if (after !== undefined) attributes['agent_trace.env.state_after'] = after;
    setJson(attributes, 'agent_trace.input', event.input);
    setJson(attributes, 'agent_trace.output', event.output);
  }
}

function describeRuntime(event: RuntimeEvent, attributes: Attributes, captureContent: boolean): void {
  attributes['gen_ai.operation.name'] = 'execute_tool';
  attributes['gen_ai.tool.name'] = event.name;
  if (Array.isArray(event.actions) && event.actions.length > 0) attributes['agent_trace.runtime.action_count'] = event.actions.length;
  if (captureContent) {
    setJson(attributes, 'gen_ai.tool.call.arguments', event.input);
    setJson(attributes, 'gen_ai.tool.call.result', event.output);
  }
}

function describeSpan(event: SpanEvent, attributes: Attributes, captureContent: boolean): void {
  attributes['agent_trace.span.kind'] = event.span_kind;
  if (event.span_kind === 'agent') {
    attributes['gen_ai.operation.name'] = 'invoke_agent';
    attributes['gen_ai.agent.name'] = event.name;
  } else if (event.span_kind === 'tool') {
    attributes['gen_ai.operation.name'] = 'execute_tool';
    attributes['gen_ai.tool.name'] = event.name;
  }
  if (captureContent) {
    setJson(attributes, 'agent_trace.input', event.input);
    setJson(attributes, 'agent_trace.output', event.output);
  }
}

function json(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function setJson(attributes: Attributes, key: string, value: JsonValue | undefined): void {
  const text = json(value);
  if (text !== undefined) attributes[key] = text;
}
