import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { configure, onDiagnostic, type Diagnostic } from '../../src/index.js';
import { captureContentFromEnv, installSpanBridgeFromMode, setSpanBridge } from '../../src/otel/install.js';
import { runtime } from '../../src/runtime.js';
import { memoryTracer } from '../support/tracing.js';
import { Planner } from './support/agents.js';

describe('installSpanBridgeFromMode', () => {
  const spans = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });

  before(() => provider.register());

  after(async () => {
    setSpanBridge(undefined);
    configure({ mode: 'events' });
    await provider.shutdown();
    api.trace.disable();
    api.context.disable();
  });

  it('installs no bridge in events mode', () => {
    configure({ mode: 'events' });
    installSpanBridgeFromMode();
    assert.equal(runtime.bridge, undefined);
  });

  it("installs a bridge from the project's @opentelemetry/api in dual mode, whose spans reach the registered provider", async () => {
    configure({ mode: 'dual' });
    installSpanBridgeFromMode();
    assert.ok(runtime.bridge);
    const { memory, tracer } = memoryTracer();
    try {
      await tracer.session('mode-dual', () => new Planner().act('Where now?'));
      await tracer.flush();
    } finally {
      await tracer.shutdown();
    }
    // The bridge was built from the CommonJS copy of the API; the provider was registered through the ESM one.
    const names = spans.getFinishedSpans().map((s) => s.name).sort();
    assert.deepEqual(names, ['chat gpt-4o-mini', 'execute_tool search', 'invoke_agent planner']);
    assert.equal(memory.events.length, 3);
  });

  it('takes the bridge out when the mode returns to events and puts the same one back for otel', () => {
    configure({ mode: 'dual' });
    installSpanBridgeFromMode();
    const bridge = runtime.bridge;
    assert.ok(bridge);
    configure({ mode: 'events' });
    installSpanBridgeFromMode();
    assert.equal(runtime.bridge, undefined);
    configure({ mode: 'otel' });
    installSpanBridgeFromMode();
    assert.equal(runtime.bridge, bridge);
    configure({ mode: 'events' });
    installSpanBridgeFromMode();
  });

  it('reports one diagnostic that says to install @opentelemetry/api when it cannot be loaded', () => {
    setSpanBridge(undefined);
    const empty = mkdtempSync(join(tmpdir(), 'agent-trace-no-otel-'));
    const cwd = process.cwd();
    const main = process.argv[1];
    const diagnostics: Diagnostic[] = [];
    const stop = onDiagnostic((d) => diagnostics.push(d));
    try {
      process.chdir(empty);
      process.argv[1] = join(empty, 'main.js');
      configure({ mode: 'otel' });
      installSpanBridgeFromMode();
      installSpanBridgeFromMode();
      assert.equal(runtime.bridge, undefined);
    } finally {
      stop();
      process.chdir(cwd);
      process.argv[1] = main!;
      configure({ mode: 'events' });
      rmSync(empty, { recursive: true, force: true });
    }
    const missing = diagnostics.filter((d) => d.code === 'otel-api-missing');
    assert.equal(missing.length, 1);
    assert.match(missing[0]!.message, /npm install @opentelemetry\/api/);
  });

  it('reads the GenAI content opt-in from OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT', () => {
    assert.equal(captureContentFromEnv({}), false);
    assert.equal(captureContentFromEnv({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'true' }), true);
    assert.equal(captureContentFromEnv({ OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: 'false' }), false);
  });
});
