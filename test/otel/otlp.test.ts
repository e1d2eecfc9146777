import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '@opentelemetry/api';
import { configure, getConfig, InMemoryExporter, onDiagnostic, SessionTracer, type Diagnostic } from '../../src/index.js';
import { createOtlpExporterFromEnv, disableOpenTelemetry, setupOtlpFromEnv } from '../../src/export/otel.js';
import { createOtlpExporterNow, setSpanBridge } from '../../src/otel/install.js';
import { runtime } from '../../src/runtime.js';
import { Grid, Planner } from './support/agents.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.js';

const ENV = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_SERVICE_NAME', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_BSP_SCHEDULE_DELAY'];

function one(spans: readonly ReceivedSpan[], name: string): ReceivedSpan {
  const found = spans.filter((span) => span.name === name);
  assert.equal(found.length, 1, `one span named "${name}" in ${JSON.stringify(spans.map((s) => s.name))}`);
  return found[0]!;
}

function assertAgentTree(spans: readonly ReceivedSpan[]): void {
  const agent = one(spans, 'invoke_agent planner');
  const chat = one(spans, 'chat gpt-4o-mini');
  const tool = one(spans, 'execute_tool search');
  assert.equal(agent.parentSpanId, undefined);
  assert.equal(chat.parentSpanId, agent.spanId);
  assert.equal(tool.parentSpanId, agent.spanId);
  assert.equal(chat.traceId, agent.traceId);
  assert.equal(chat.kind, 3, 'SPAN_KIND_CLIENT');
  assert.equal(agent.kind, 1, 'SPAN_KIND_INTERNAL');
  assert.equal(chat.attributes['gen_ai.usage.input_tokens'], 12);
  assert.equal(chat.attributes['gen_ai.provider.name'], 'openai');
}

describe('OTLP export', () => {
  let receiver: OtlpReceiver;

  before(async () => {
    receiver = await startOtlpReceiver();
  });

  afterEach(async () => {
    receiver.requests.length = 0;
    for (const name of ENV) delete process.env[name];
    setSpanBridge(undefined);
    configure({ mode: 'events' });
  });

  after(async () => {
    await disableOpenTelemetry();
    await receiver.close();
    api.trace.disable();
    api.context.disable();
    api.propagation.disable();
  });

  it('setupOtlpFromEnv sends spans with names, parent links and the service name to the endpoint OTEL_* names', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = 'x-api-key=otlp-secret';
    process.env.OTEL_SERVICE_NAME = 'otlp-test-agent';
    const provider = await setupOtlpFromEnv();
    assert.equal(getConfig().mode, 'dual');
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [memory], scheduledDelayMillis: 5 });
    await tracer.session('otlp-1', () => new Planner().act('Where now?'));
    await tracer.shutdown();
    await provider.shutdown();

    assert.ok(receiver.requests.length >= 1);
    for (const request of receiver.requests) {
      assert.equal(request.path, '/v1/traces');
      assert.match(String(request.headers['content-type']), /application\/json/);
      assert.equal(request.headers['x-api-key'], 'otlp-secret');
    }
    const spans = receiver.spans();
    assertAgentTree(spans);
    assert.equal(spans[0]!.resource['service.name'], 'otlp-test-agent');
    assert.equal(spans[0]!.scope, 'agent-trace');
    // Dual mode: the events went to our exporter too, joined to the spans by span id.
    assert.equal(memory.events.find((e) => e.name === 'think')?.span_id, one(spans, 'chat gpt-4o-mini').spanId);
  });

  it('createOtlpExporterFromEnv: spans go out live and the tracer shutdown flushes them', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [await createOtlpExporterFromEnv(), memory], scheduledDelayMillis: 5 });
    assert.equal(getConfig().mode, 'dual');
    await tracer.session('otlp-2', async () => {
      await new Planner().act('Where now?');
      new Grid().step(1);
    });
    await tracer.shutdown();

    const spans = receiver.spans();
    assertAgentTree(spans);
    assert.equal(one(spans, 'env.step step').attributes['agent_trace.env.reward'], 1.5);
    assert.equal(memory.events.length, 4);
    assert.equal(runtime.bridge, undefined, 'the last user of the shared provider takes its bridge out');
  });

  it('createOtlpExporterNow: the first call already gets its span, and in otel mode our exporters get nothing', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    configure({ mode: 'otel' });
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [createOtlpExporterNow(), memory], scheduledDelayMillis: 5 });
    await tracer.session('otlp-3', () => new Planner().act('Where now?'));
    await tracer.shutdown();

    assertAgentTree(receiver.spans());
    assert.deepEqual(memory.records, []);
  });

  it('shares one provider between tracers and shuts it down with the last one', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    const first = new SessionTracer({ exporters: [createOtlpExporterNow()], scheduledDelayMillis: 5 });
    const second = new SessionTracer({ exporters: [await createOtlpExporterFromEnv()], scheduledDelayMillis: 5 });
    await first.session('otlp-4a', () => new Planner().act('first'));
    await first.shutdown();
    assert.ok(runtime.bridge, 'the second tracer still uses the bridge');
    await second.session('otlp-4b', () => new Planner().act('second'));
    await second.shutdown();
    assert.equal(runtime.bridge, undefined);
    const agents = receiver.spans().filter((s) => s.name === 'invoke_agent planner');
    assert.equal(agents.length, 2);
  });

  it('AGENT_TRACE_MODE=otel with AGENT_TRACE_EXPORTERS=otlp sends every call as a span with no code at all', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    configure({ mode: 'otel', exporters: ['otlp'] });
    try {
      const tracer = new SessionTracer({ scheduledDelayMillis: 5 });
      await tracer.session('zero-code', () => new Planner().act('Where now?'));
      await tracer.shutdown();
    } finally {
      configure({ exporters: ['jsonl'] });
    }
    assertAgentTree(receiver.spans());
  });

  it('falls back to OTLP/HTTP JSON with a diagnostic when the protobuf exporter is not installed', async () => {
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = receiver.tracesUrl;
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/protobuf';
    const diagnostics: Diagnostic[] = [];
    const stop = onDiagnostic((d) => diagnostics.push(d));
    let tracer: SessionTracer;
    try {
      tracer = new SessionTracer({ exporters: [await createOtlpExporterFromEnv()], scheduledDelayMillis: 5 });
    } finally {
      stop();
    }
    await tracer.session('otlp-5', () => new Planner().act('Where now?'));
    await tracer.shutdown();
    const fallback = diagnostics.filter((d) => d.code === 'otlp-protocol-fallback');
    assert.equal(fallback.length, 1);
    assert.match(fallback[0]!.message, /npm install @opentelemetry\/exporter-trace-otlp-proto/);
    assertAgentTree(receiver.spans());
  });
});
