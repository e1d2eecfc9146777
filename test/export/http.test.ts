import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HttpExporter, type HttpExporterEvent, type HttpExporterOptions } from '../../src/export/http.js';
import { AgentTraceError } from '../../src/errors.js';
import { onDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import type { TraceRecord } from '../../src/export/records.js';
import { RecordBuilder, episodeRecords } from './support/trace-records.js';
import { TraceService, deadEndpoint, type Received } from './support/trace-service.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let service: TraceService;
let events: HttpExporterEvent[];
let diagnostics: Diagnostic[];
let stopDiagnostics: () => void;
const exporters: HttpExporter[] = [];

beforeEach(async () => {
  service = await TraceService.start();
  events = [];
  diagnostics = [];
  stopDiagnostics = onDiagnostic((d) => diagnostics.push(d));
});
afterEach(async () => {
  for (const exporter of exporters.splice(0)) await exporter.shutdown();
  stopDiagnostics();
  await service.close();
});

/** An exporter with short, deterministic delays (jitter fixed at half the window). */
function exporter(options: Partial<HttpExporterOptions> = {}): HttpExporter {
  const created = new HttpExporter({
    endpoint: service.url,
    apiKey: 'secret-key',
    initialBackoffMs: 8,
    maxBackoffMs: 64,
    breakerCooldownMs: 20,
    exportTimeoutMs: 2000,
    shutdownTimeoutMs: 2000,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...options,
  });
  exporters.push(created);
  return created;
}

const spansOf = (r: Received) => (r.body as { spans: Array<Record<string, unknown>> }).spans;
const kinds = (types: HttpExporterEvent['type'][]) => events.filter((e) => types.includes(e.type)).map((e) => ('status' in e ? `${e.type}:${e.status}` : 'state' in e ? `${e.type}:${e.state}` : e.type));

describe('HttpExporter', () => {
  it('posts events to /api/spans and finished sessions to /api/traces with the API key', async () => {
    const { records } = episodeRecords();
    const http = exporter();
    assert.equal(http.export(records), undefined);
    await http.forceFlush();

    const spans = service.received.filter((r) => r.path === '/api/spans');
    const traces = service.received.filter((r) => r.path === '/api/traces');
    assert.equal(spans.flatMap(spansOf).length, 9);
    assert.equal(traces.length, 1);
    for (const request of service.received) {
      assert.equal(request.method, 'POST');
      assert.equal(request.headers.authorization, 'Bearer secret-key');
      assert.equal(request.headers['content-type'], 'application/json');
    }
    const first = spansOf(spans[0])[0];
    assert.equal(first.session_id, 'ep-1');
    assert.equal(first.step_id, null);
    assert.equal(first.event_type, 'span');
    const trace = (traces[0].body as { schema_version: string; traces: Array<{ session_id: string; session_time_steps: Array<{ step_id: string; markov_blanket_messages: unknown[] }>; markov_blanket_message_history: unknown[]; metadata: unknown }> }).traces[0];
    assert.equal((traces[0].body as { schema_version: string }).schema_version, '3.0');
    assert.equal(trace.session_id, 'ep-1');
    assert.deepStrictEqual(trace.session_time_steps.map((s) => [s.step_id, s.markov_blanket_messages.length]), [['step-0', 1], ['step-1', 1]]);
    assert.equal(trace.markov_blanket_message_history.length, 2);
    assert.deepStrictEqual(trace.metadata, { env: 'gridworld', seed: 7 });
    assert.deepStrictEqual(http.stats, { sent: 10, dropped: 0, queued: 0, inFlight: 0, retries: 0, failedRequests: 0, breaker: 'closed' });
  });

  it('sends the bare key in a custom header and splits batches at maxBatchSize', async () => {
    const b = new RecordBuilder('batching');
    for (let i = 0; i < 9; i++) b.runtime(null, { start: i, duration: 1 });
    const http = exporter({ apiKeyHeader: 'X-Api-Key', maxBatchSize: 4, headers: { 'x-team': 'rl' } });
    http.export(b.records);
    await http.forceFlush();
    assert.deepStrictEqual(service.received.map((r) => spansOf(r).length), [4, 4, 1]);
    assert.equal(service.received[0].headers['x-api-key'], 'secret-key');
    assert.equal(service.received[0].headers['x-team'], 'rl');
    assert.equal(service.received[0].headers.authorization, undefined);
  });

  it('retries 500 and 503 with exponential backoff and full jitter, then delivers the same body', async () => {
    service.script({ status: 500 }, { status: 503 }, { status: 500 });
    const http = exporter();
    http.export(episodeRecords().records.slice(0, 3));
    await http.forceFlush();
    assert.equal(service.received.length, 4);
    assert.deepStrictEqual(new Set(service.received.map((r) => JSON.stringify(r.body))).size, 1);
    // random() = 0.5: half of min(64, 8 * 2^attempt) -> 4, 8, 16.
    assert.deepStrictEqual(events.filter((e) => e.type === 'retry').map((e) => (e as { delayMs: number }).delayMs), [4, 8, 16]);
    assert.deepStrictEqual(http.stats, { sent: 3, dropped: 0, queued: 0, inFlight: 0, retries: 3, failedRequests: 3, breaker: 'closed' });
  });

  it('waits as long as Retry-After says on 429, in seconds or as an HTTP date', async () => {
    service.script(
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 429, headers: { 'retry-after': new Date(Date.now() - 5000).toUTCString() } },
    );
    const http = exporter({ maxRetryAfterMs: 30 });
    http.export(episodeRecords().records.slice(0, 1));
    await http.forceFlush();
    const retries = events.filter((e): e is Extract<HttpExporterEvent, { type: 'retry' }> => e.type === 'retry');
    // "1" second is capped at maxRetryAfterMs (30); a date in the past means at once; jitter (4) is not used.
    assert.deepStrictEqual(retries.map((r) => [r.retryAfterMs, r.delayMs]), [[30, 30], [0, 0]]);
    assert.equal(http.stats.sent, 1);
  });

  it('aborts a request that hangs after exportTimeoutMs and retries it', async () => {
    service.script('hang');
    const http = exporter({ exportTimeoutMs: 50 });
    http.export(episodeRecords().records.slice(0, 2));
    await http.forceFlush();
    assert.deepStrictEqual(kinds(['request-failed', 'response']), ['request-failed', 'response:200']);
    assert.equal((events.find((e) => e.type === 'request-failed') as { reason: string }).reason, 'timeout');
    assert.equal(http.stats.sent, 2);
    assert.equal(service.received.length, 2);
  });

  it('retries when the connection is reset', async () => {
    service.script('reset', 'reset');
    const http = exporter();
    http.export(episodeRecords().records.slice(0, 2));
    await http.forceFlush();
    const failed = events.filter((e) => e.type === 'request-failed') as Array<{ reason: string }>;
    assert.deepStrictEqual(failed.map((f) => f.reason), ['connection', 'connection']);
    assert.equal(http.stats.sent, 2);
  });

  it('opens the breaker after 5 consecutive failures, sends one probe after the cool-down, and closes on success', async () => {
    // Six failures: five that open the breaker, one failed probe; the second probe succeeds.
    service.behave = (index) => (index < 6 ? { status: 500 } : { status: 200 });
    const http = exporter({ maxRetries: 20 });
    http.export(episodeRecords().records.slice(0, 1));
    await http.forceFlush();
    assert.deepStrictEqual(kinds(['response', 'breaker']), [
      'response:500', 'response:500', 'response:500', 'response:500', 'response:500',
      'breaker:open',
      'breaker:half-open', 'response:500', 'breaker:open',
      'breaker:half-open', 'response:200', 'breaker:closed',
    ]);
    // No request leaves while the breaker is open.
    let state = 'closed';
    for (const event of events) {
      if (event.type === 'breaker') state = event.state;
      if (event.type === 'request') assert.notEqual(state, 'open');
    }
    assert.ok(diagnostics.some((d) => d.code === 'http-breaker-open'));
    assert.equal(http.stats.sent, 1);
  });

  it('gives up on a batch after maxRetries and counts it as dropped', async () => {
    service.behave = () => ({ status: 503 });
    const http = exporter({ maxRetries: 2, breakerThreshold: 100 });
    http.export(episodeRecords().records.slice(0, 3));
    await http.forceFlush();
    assert.equal(service.received.length, 3);
    assert.deepStrictEqual(http.stats, { sent: 0, dropped: 3, queued: 0, inFlight: 0, retries: 2, failedRequests: 3, breaker: 'closed' });
    assert.ok(events.some((e) => e.type === 'dropped' && e.reason === 'retries-exhausted' && e.items === 3));
  });

  it('does not retry a 4xx rejection and reports it', async () => {
    service.script({ status: 401, body: '{"error":"bad key"}' });
    const http = exporter();
    http.export(episodeRecords().records.slice(0, 2));
    await http.forceFlush();
    assert.equal(service.received.length, 1);
    assert.equal(http.stats.dropped, 2);
    const reported = diagnostics.find((d) => d.code === 'http-export-rejected');
    assert.match(reported?.message ?? '', /HTTP 401.*bad key/);
  });

  it('keeps memory bounded and counts drops for 1,000,000 records against a dead endpoint', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const http = exporter({ endpoint: await deadEndpoint(), maxQueueSize: 1000, initialBackoffMs: 1, maxBackoffMs: 4, breakerCooldownMs: 5, maxRetries: 3, shutdownTimeoutMs: 20, onEvent: undefined });
      const b = new RecordBuilder('flood');
      const template = b.runtime(null, { start: 0, duration: 1 });
      gc();
      const before = process.memoryUsage().heapUsed;
      const total = 1_000_000;
      for (let sent = 0; sent < total; sent += 1000) {
        const batch: TraceRecord[] = new Array(1000);
        for (let i = 0; i < 1000; i++) batch[i] = { record_type: 'event', session_id: 'flood', step_id: null, event: { ...template, event_id: `e${sent + i}` } };
        http.export(batch);
        if (sent % 20_000 === 0) await new Promise((r) => setImmediate(r));
      }
      gc();
      const growth = process.memoryUsage().heapUsed - before;
      const stats = http.stats;
      assert.equal(stats.sent, 0);
      assert.ok(stats.queued <= 1000);
      assert.equal(stats.dropped + stats.queued + stats.inFlight, total);
      assert.ok(stats.dropped >= total - 2000, `dropped ${stats.dropped}`);
      assert.ok(growth < 32 * 1024 * 1024, `heap grew by ${growth} bytes`);
      if (process.env.AGENT_TRACE_TEST_VERBOSE) console.log({ growth, ...stats });
      assert.ok(diagnostics.some((d) => d.code === 'http-export-dropped'));
      await http.shutdown();
      assert.equal(http.stats.sent + http.stats.dropped, total);
      assert.equal(http.stats.queued, 0);
      await new Promise((r) => setImmediate(r));
      assert.deepStrictEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('never throws into the caller, even for a record it cannot serialise', () => {
    const http = exporter();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const bad = { record_type: 'event', session_id: 's', step_id: null, event: { event_id: 'x', input: circular } } as unknown as TraceRecord;
    assert.doesNotThrow(() => http.export([bad, ...episodeRecords().records.slice(0, 1)]));
    assert.ok(diagnostics.some((d) => d.code === 'http-export-failed'));
    assert.equal(http.stats.dropped, 1);
    assert.equal(http.stats.queued + http.stats.inFlight + http.stats.sent, 1);
  });

  it('delivers what is queued on shutdown, sending open sessions as incomplete traces', async () => {
    const b = new RecordBuilder('still-open');
    b.runtime('s0', { start: 1, duration: 1 });
    b.timestep('s0', { index: 0, start: 0, end: 5 });
    const http = exporter();
    http.export(b.records);
    await http.shutdown();
    const traces = service.received.filter((r) => r.path === '/api/traces');
    assert.equal(traces.length, 1);
    const trace = (traces[0].body as { traces: Array<{ session_id: string; metadata: unknown; session_time_steps: unknown[] }> }).traces[0];
    assert.equal(trace.session_id, 'still-open');
    assert.deepStrictEqual(trace.metadata, { incomplete: true });
    assert.equal(trace.session_time_steps.length, 1);
    http.export(b.records);
    assert.equal(http.stats.dropped, 2);
  });

  it('stops waiting for a hanging request at the shutdown deadline and aborts it', async () => {
    service.behave = () => 'hang';
    const http = exporter({ exportTimeoutMs: 60_000, shutdownTimeoutMs: 30 });
    http.export(episodeRecords().records.slice(0, 4));
    while (service.received.length === 0) await new Promise((r) => setTimeout(r, 5));
    await http.shutdown();
    assert.deepStrictEqual(http.stats, { sent: 0, dropped: 4, queued: 0, inFlight: 0, retries: 0, failedRequests: 0, breaker: 'closed' });
    while (service.abortedHangs === 0) await new Promise((r) => setTimeout(r, 5));
    assert.equal(service.abortedHangs, 1);
  });

  it('rejects bad options with an AgentTraceError that says what to use', () => {
    const bad = (options: unknown, pattern: RegExp) =>
      assert.throws(() => new HttpExporter(options as HttpExporterOptions), (e) => e instanceof AgentTraceError && e.code === 'E_CONFIG' && pattern.test(e.message));
    bad(undefined, /options object/);
    bad({ endpoint: 'not a url' }, /not a URL/);
    bad({ endpoint: 'ftp://x' }, /http:\/\/ or https:\/\//);
    bad({ endpoint: 'http://x', maxRetries: -1 }, /maxRetries/);
    bad({ endpoint: 'http://x', maxBatchSize: 1.5 }, /whole number/);
    bad({ endpoint: 'http://x', apiKeyHeader: 'bad header' }, /header name/);
    bad({ endpoint: 'http://x', apiKey: 'a\nb' }, /apiKey/);
    bad({ endpoint: 'http://x', exportTimeoutMs: 0 }, /exportTimeoutMs/);
    assert.throws(() => HttpExporter.fromEnv({}), /AGENT_TRACE_HTTP_ENDPOINT/);
    assert.throws(() => HttpExporter.fromEnv({ AGENT_TRACE_HTTP_ENDPOINT: 'nope' }), /AGENT_TRACE_HTTP_ENDPOINT/);
    assert.ok(HttpExporter.fromEnv({ AGENT_TRACE_HTTP_ENDPOINT: 'https://x.example', AGENT_TRACE_HTTP_API_KEY: 'k' }) instanceof HttpExporter);
  });
});
