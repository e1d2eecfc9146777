import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { configure, getConfig, traceSpan, type SessionTracer, type TraceEvent } from '../../src/index.js';
import { disableOpenTelemetry, enableOpenTelemetry } from '../../src/export/otel.js';
import { createSpanBridge } from '../../src/otel/bridge.js';
import { setSpanBridge } from '../../src/otel/install.js';
import { runtime } from '../../src/runtime.js';
import { memoryTracer } from '../support/tracing.js';
import { chatRequest, Grid, Planner, Tools } from './support/agents.js';

const spans = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const user = api.trace.getTracer('user-app');

class Episode {
  constructor(readonly tools = new Tools()) {}

  /** Our span, the application's span inside it, and our tool call inside that. */
  @traceSpan('episode')
  async run() {
    await user.startActiveSpan('db.query', async (query) => {
      try {
        await this.tools.search('inside the user span');
      } finally {
        query.end();
      }
    });
  }
}

const DEPRECATED = ['gen_ai.system', 'gen_ai.usage.prompt_tokens', 'gen_ai.usage.completion_tokens', 'gen_ai.prompt', 'gen_ai.completion'];

/** Runs `fn` in a session of a fresh in-memory tracer and returns the finished OpenTelemetry spans and our events. */
async function record(fn: (tracer: SessionTracer) => unknown, options: Parameters<typeof memoryTracer>[0] = {}) {
  const { memory, tracer } = memoryTracer(options);
  const sessionId = `s-${Math.random().toString(36).slice(2)}`;
  try {
    await tracer.session(sessionId, () => fn(tracer));
    await tracer.flush();
    await provider.forceFlush();
    return { spans: spans.getFinishedSpans(), events: memory.events, memory, sessionId };
  } finally {
    await tracer.shutdown();
  }
}

function one(list: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = list.filter((span) => span.name === name);
  assert.equal(found.length, 1, `one span named "${name}" in ${JSON.stringify(list.map((s) => s.name))}`);
  return found[0]!;
}

function event(list: readonly TraceEvent[], name: string): TraceEvent {
  const found = list.find((e) => e.name === name);
  assert.ok(found, `an event named "${name}"`);
  return found;
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const ms = (time: api.HrTime) => time[0] * 1000 + time[1] / 1e6;

describe('createSpanBridge', () => {
  before(() => {
    provider.register();
    configure({ mode: 'events' });
    enableOpenTelemetry();
  });

  after(async () => {
    await disableOpenTelemetry();
    configure({ mode: 'events' });
    await provider.shutdown();
    api.trace.disable();
    api.context.disable();
  });

  beforeEach(() => spans.reset());

  it('switches mode events to dual when enabled, and back when disabled', async () => {
    assert.equal(getConfig().mode, 'dual');
    assert.ok(runtime.bridge);
    await disableOpenTelemetry();
    assert.equal(getConfig().mode, 'events');
    assert.equal(runtime.bridge, undefined);
    enableOpenTelemetry();
    assert.equal(getConfig().mode, 'dual');
  });

  it('names spans by the GenAI conventions with CLIENT for model calls and INTERNAL otherwise', async () => {
    const planner = new Planner();
    const grid = new Grid();
    const { spans: finished } = await record(async () => {
      await planner.act('Where now?');
      grid.step(1);
    });
    assert.deepEqual(finished.map((s) => s.name).sort(), ['chat gpt-4o-mini', 'env.step step', 'execute_tool search', 'invoke_agent planner']);
    assert.equal(one(finished, 'chat gpt-4o-mini').kind, api.SpanKind.CLIENT);
    for (const name of ['invoke_agent planner', 'execute_tool search', 'env.step step']) assert.equal(one(finished, name).kind, api.SpanKind.INTERNAL);
    assert.equal(one(finished, 'chat gpt-4o-mini').instrumentationScope.name, 'agent-trace');
  });

  it('puts GenAI request, response and usage attributes on the span of an @aiCall returning a chat completion', async () => {
    const planner = new Planner();
    const { spans: finished, events, sessionId } = await record(() => planner.think(chatRequest('Where now?')));
    const attributes = one(finished, 'chat gpt-4o-mini').attributes;
    assert.equal(attributes['gen_ai.operation.name'], 'chat');
    assert.equal(attributes['gen_ai.provider.name'], 'openai');
    assert.equal(attributes['gen_ai.request.model'], 'gpt-4o-mini');
    assert.equal(attributes['gen_ai.request.temperature'], 0.2);
    assert.equal(attributes['gen_ai.request.max_tokens'], 50);
    assert.equal(attributes['gen_ai.response.model'], 'gpt-4o-mini-2024-07-18');
    assert.equal(attributes['gen_ai.response.id'], 'chatcmpl-otel-1');
    assert.deepEqual(attributes['gen_ai.response.finish_reasons'], ['stop']);
    assert.equal(attributes['gen_ai.usage.input_tokens'], 12);
    assert.equal(attributes['gen_ai.usage.output_tokens'], 3);
    assert.equal(attributes['agent_trace.event_type'], 'cais');
    assert.equal(attributes['agent_trace.status'], 'ok');
    const recorded = event(events, 'think');
    assert.equal(attributes['agent_trace.session.id'], sessionId);
    assert.equal(attributes['gen_ai.conversation.id'], sessionId);
    assert.equal(attributes['agent_trace.trace_id'], recorded.trace_id);
    assert.equal(attributes['agent_trace.system_instance_id'], 'planner');
  });

  it('carries the session id, timestep and turn number', async () => {
    const planner = new Planner();
    const { memory, tracer } = memoryTracer();
    let stepId: string | undefined;
    try {
      await tracer.session('conversation-7', () => tracer.timestep({ turn: 3 }, () => planner.think(chatRequest('Hi'))));
      await tracer.flush();
      stepId = memory.sessions.find((s) => s.session_id === 'conversation-7')?.session_time_steps[0]?.step_id;
    } finally {
      await tracer.shutdown();
    }
    const attributes = one(spans.getFinishedSpans(), 'chat gpt-4o-mini').attributes;
    assert.ok(stepId);
    assert.equal(attributes['gen_ai.conversation.id'], 'conversation-7');
    assert.equal(attributes['agent_trace.session.id'], 'conversation-7');
    assert.equal(attributes['agent_trace.turn'], 3);
    assert.equal(attributes['agent_trace.step.id'], stepId);
  });

  it('names agent spans invoke_agent and tool calls execute_tool with their GenAI attributes', async () => {
    const planner = new Planner();
    const { spans: finished } = await record(() => planner.act('Where now?'));
    const agent = one(finished, 'invoke_agent planner').attributes;
    assert.equal(agent['gen_ai.operation.name'], 'invoke_agent');
    assert.equal(agent['gen_ai.agent.name'], 'planner');
    assert.equal(agent['agent_trace.span.kind'], 'agent');
    const tool = one(finished, 'execute_tool search').attributes;
    assert.equal(tool['gen_ai.operation.name'], 'execute_tool');
    assert.equal(tool['gen_ai.tool.name'], 'search');
    assert.equal(tool['agent_trace.event_type'], 'runtime');
  });

  it('nests our spans under the parent we recorded, in one trace', async () => {
    const planner = new Planner();
    const { spans: finished } = await record(() => planner.act('Where now?'));
    const agent = one(finished, 'invoke_agent planner');
    assert.equal(parentOf(agent), undefined);
    for (const name of ['chat gpt-4o-mini', 'execute_tool search']) {
      const child = one(finished, name);
      assert.equal(parentOf(child), idOf(agent));
      assert.equal(child.spanContext().traceId, agent.spanContext().traceId);
    }
  });

  it('nests our spans inside a span of the application', async () => {
    const planner = new Planner();
    const { memory, tracer } = memoryTracer();
    try {
      await user.startActiveSpan('POST /ask', async (request) => {
        try {
          await tracer.session('inside-user-span', () => planner.act('Where now?'));
        } finally {
          request.end();
        }
      });
      await tracer.flush();
    } finally {
      await tracer.shutdown();
    }
    const finished = spans.getFinishedSpans();
    const request = one(finished, 'POST /ask');
    const agent = one(finished, 'invoke_agent planner');
    assert.equal(parentOf(agent), idOf(request));
    assert.equal(agent.spanContext().traceId, request.spanContext().traceId);
    assert.equal(parentOf(one(finished, 'chat gpt-4o-mini')), idOf(agent));
    // Our own record keeps its own parent chain: the agent call is a root of our session.
    assert.equal(memory.events.find((e) => e.name === 'planner')?.parent_span_id, null);
  });

  it('nests spans of the application inside ours, and ours inside those again', async () => {
    const { spans: nested, events } = await record(() => new Episode().run());
    const episode = one(nested, 'episode');
    const query = one(nested, 'db.query');
    const search = one(nested, 'execute_tool search');
    assert.equal(parentOf(query), idOf(episode));
    assert.equal(parentOf(search), idOf(query));
    assert.equal(new Set(nested.map((s) => s.spanContext().traceId)).size, 1);
    // In our record the tool call's parent is our episode (the application's span is not ours).
    assert.equal(event(events, 'search').parent_span_id, idOf(episode));
  });

  it('records environment steps with agent_trace.env.* attributes', async () => {
    const grid = new Grid();
    const { spans: finished } = await record(() => grid.step(2));
    const attributes = one(finished, 'env.step step').attributes;
    assert.equal(attributes['agent_trace.event_type'], 'environment');
    assert.equal(attributes['agent_trace.env.reward'], 1.5);
    assert.equal(attributes['agent_trace.env.terminated'], false);
    assert.equal(attributes['agent_trace.env.truncated'], true);
    assert.equal(attributes['agent_trace.env.state_after.size'], JSON.stringify({ position: 2 }).length);
    assert.equal(attributes['agent_trace.env.state_after'], undefined, 'state content only when captureContent');
  });

  it('records a thrown error as status ERROR with an exception event', async () => {
    const planner = new Planner();
    const { spans: finished } = await record(async () => {
      assert.throws(() => planner.tools.explode(), TypeError);
      await assert.rejects(planner.refuse(chatRequest('Hi')), RangeError);
    });
    const tool = one(finished, 'execute_tool explode');
    assert.equal(tool.status.code, api.SpanStatusCode.ERROR);
    assert.equal(tool.status.message, 'tool broke');
    assert.equal(tool.attributes['error.type'], 'TypeError');
    assert.equal(tool.attributes['agent_trace.status'], 'error');
    const exception = tool.events.find((e) => e.name === 'exception');
    assert.ok(exception, 'an exception event');
    assert.equal(exception.attributes?.['exception.type'], 'TypeError');
    assert.equal(exception.attributes?.['exception.message'], 'tool broke');
    assert.match(String(exception.attributes?.['exception.stacktrace']), /TypeError: tool broke\n\s+at /);

    const chat = one(finished, 'chat gpt-4o-mini');
    assert.equal(chat.status.code, api.SpanStatusCode.ERROR);
    assert.equal(chat.attributes['error.type'], 'RangeError');
    assert.equal(chat.events.filter((e) => e.name === 'exception').length, 1);
  });

  it('marks a stream its consumer abandoned as cancelled, with the status left unset', async () => {
    const planner = new Planner();
    const { spans: finished } = await record(async () => {
      for await (const item of planner.stream()) if (item === 2) break;
    });
    const episode = one(finished, 'episode');
    assert.equal(episode.attributes['agent_trace.status'], 'cancelled');
    assert.equal(episode.status.code, api.SpanStatusCode.UNSET);
    assert.equal(episode.events.length, 0);
  });

  it('uses the call times of the recorded event for the span', async () => {
    const grid = new Grid();
    const { spans: finished, events } = await record(() => grid.step(1));
    const span = one(finished, 'env.step step');
    const recorded = event(events, 'step');
    // ISO timestamps keep whole milliseconds; the span keeps the sub-millisecond reading they came from.
    for (const [time, iso] of [[span.startTime, recorded.started_at], [span.endTime, recorded.ended_at]] as const) {
      const late = ms(time) - Date.parse(iso);
      assert.ok(late > -0.001 && late < 1, `span time ${ms(time)} vs event time ${iso}`);
    }
    assert.ok(Math.abs(ms(span.duration) - recorded.duration_ms) < 0.01, `${ms(span.duration)} vs ${recorded.duration_ms}`);
  });

  it('never emits deprecated GenAI attribute names', async () => {
    const planner = new Planner();
    enableOpenTelemetry({ captureContent: true });
    try {
      const { spans: finished } = await record(async () => {
        await planner.act('Where now?');
        await assert.rejects(planner.refuse(chatRequest('Hi')));
      });
      assert.ok(finished.length >= 4);
      for (const span of finished) {
        for (const key of Object.keys(span.attributes)) {
          assert.ok(!DEPRECATED.includes(key), `${span.name} has deprecated ${key}`);
          assert.ok(!/^gen_ai\.(prompt|completion)\./.test(key), `${span.name} has deprecated ${key}`);
        }
      }
    } finally {
      enableOpenTelemetry();
    }
  });

  it('puts message content on spans only when captureContent is on, masked like the events', async () => {
    const planner = new Planner();
    const question = 'Mail the plan to jane.doe@example.com';
    const without = await record(() => planner.act(question));
    for (const span of without.spans) {
      for (const key of ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result', 'agent_trace.input']) {
        assert.equal(span.attributes[key], undefined, `${span.name} has ${key} without captureContent`);
      }
    }

    spans.reset();
    enableOpenTelemetry({ captureContent: true });
    try {
      const withContent = await record(() => planner.act(question));
      const chat = one(withContent.spans, 'chat gpt-4o-mini').attributes;
      const input = JSON.parse(String(chat['gen_ai.input.messages'])) as Array<{ role: string; parts: Array<{ type: string; content?: string }> }>;
      assert.deepEqual(input.map((m) => m.role), ['system', 'user']);
      assert.equal(input[1]!.parts[0]!.type, 'text');
      assert.ok(input[1]!.parts[0]!.content?.startsWith('Mail the plan to '));
      const output = JSON.parse(String(chat['gen_ai.output.messages'])) as Array<{ role: string; parts: Array<{ content?: string }>; finish_reason: string }>;
      assert.deepEqual(output, [{ role: 'assistant', parts: [{ type: 'text', content: 'Go north.' }], finish_reason: 'stop' }]);
      const tool = one(withContent.spans, 'execute_tool search').attributes;
      assert.ok(typeof tool['gen_ai.tool.call.arguments'] === 'string');
      assert.ok(typeof tool['gen_ai.tool.call.result'] === 'string');
      for (const span of withContent.spans) {
        for (const value of Object.values(span.attributes)) assert.ok(!String(value).includes('jane.doe@example.com'), `${span.name} leaks the e-mail address`);
      }
    } finally {
      enableOpenTelemetry();
    }
  });

  it('gives each event the span id of its OpenTelemetry span in dual mode', async () => {
    const planner = new Planner();
    const { spans: finished, events } = await record(() => planner.act('Where now?'));
    assert.equal(events.length, 3);
    const agent = one(finished, 'invoke_agent planner');
    assert.equal(event(events, 'planner').span_id, idOf(agent));
    assert.equal(event(events, 'think').span_id, idOf(one(finished, 'chat gpt-4o-mini')));
    assert.equal(event(events, 'think').parent_span_id, idOf(agent));
    assert.equal(event(events, 'search').span_id, idOf(one(finished, 'execute_tool search')));
  });

  it('sends nothing to our exporters in otel mode, and still makes the spans', async () => {
    const planner = new Planner();
    configure({ mode: 'otel' });
    try {
      const { spans: finished, memory } = await record(() => planner.act('Where now?'));
      assert.equal(finished.length, 3);
      assert.deepEqual(memory.records, []);
    } finally {
      configure({ mode: 'dual' });
    }
  });

  it('makes no span for a session that sampling left out', async () => {
    const planner = new Planner();
    const { memory, tracer } = memoryTracer({ sample: 'never' });
    try {
      await user.startActiveSpan('POST /ask', async (request) => {
        try {
          await tracer.session('sampled-out', () => planner.act('Where now?'));
        } finally {
          request.end();
        }
      });
      await tracer.flush();
    } finally {
      await tracer.shutdown();
    }
    assert.deepEqual(spans.getFinishedSpans().map((s) => s.name), ['POST /ask']);
    assert.deepEqual(memory.records, []);
  });

  it('still ends the span of an event dropped from a full queue, bare and marked dropped', async () => {
    const grid = new Grid();
    const { spans: finished, events } = await record(
      () => {
        grid.step(1);
        grid.step(1);
      },
      { maxQueueSize: 1, maxExportBatchSize: 1 },
    );
    assert.equal(events.length, 1);
    const steps = finished.filter((s) => s.name === 'env.step step');
    assert.equal(steps.length, 2);
    const dropped = steps.filter((s) => s.attributes['agent_trace.dropped'] === true);
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0]!.attributes['agent_trace.env.reward'], undefined);
    assert.ok(dropped[0]!.endTime[0] > 0);
  });

  it('offers a not-sampled context in which the application spans of a sampled-out session are not sampled either', async () => {
    const bridge = createSpanBridge(api);
    await user.startActiveSpan('POST /ask', async (request) => {
      try {
        bridge.run(bridge.unsampled(), () => {
          const inner = user.startSpan('db.query');
          assert.equal(inner.isRecording(), false);
          assert.equal(inner.spanContext().traceId, request.spanContext().traceId);
          assert.equal(inner.spanContext().traceFlags & api.TraceFlags.SAMPLED, 0);
          inner.end();
        });
      } finally {
        request.end();
      }
    });
    await provider.forceFlush();
    assert.deepEqual(spans.getFinishedSpans().map((s) => s.name), ['POST /ask']);
  });

  it('keeps its own span ids when no OpenTelemetry SDK is registered', async () => {
    const planner = new Planner();
    // A proxy provider without a delegate hands out the API's no-op tracer, as when no SDK is installed.
    setSpanBridge(createSpanBridge(api, { tracerProvider: new api.ProxyTracerProvider() }));
    try {
      const { spans: finished, events } = await record(() => planner.act('Where now?'));
      assert.equal(finished.length, 0);
      const ids = events.map((e) => e.span_id);
      assert.equal(new Set(ids).size, 3);
      assert.ok(!ids.includes(api.INVALID_SPANID));
      assert.equal(event(events, 'think').parent_span_id, event(events, 'planner').span_id);
    } finally {
      enableOpenTelemetry();
    }
  });
});
