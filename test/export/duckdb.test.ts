import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { DuckDBExporter, TraceStore, defaultStorePath } from '../../src/export/duckdb.js';
import { assembleSessions } from '../../src/model/assemble-sessions.js';
import { AgentTraceError } from '../../src/errors.js';
import type { TraceRecord } from '../../src/export/records.js';
import { RecordBuilder, episodeRecords } from './support/trace-records.js';
import { batchRecords } from './support/batches.js';

const CHILD = fileURLToPath(new URL('./support/duckdb-child.js', import.meta.url));

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-trace-duckdb-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

let fileCounter = 0;
const freshPath = () => join(dir, `t${++fileCounter}.duckdb`);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function runChild(args: string[]): Promise<{ lines: string[]; code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ lines, code }));
  });
}

describe('DuckDBExporter', () => {
  it('loads back a session equal to the one assembled from the records it wrote in several batches', async () => {
    const path = freshPath();
    const { records } = episodeRecords();
    const exporter = new DuckDBExporter({ path });
    for (const batch of chunks(records, 4)) await exporter.export(batch);
    await exporter.shutdown();

    const store = await TraceStore.open(path, { readOnly: true });
    try {
      const loaded = await store.loadSession('ep-1');
      const expected = assembleSessions(records)[0];
      assert.deepStrictEqual(loaded, expected);
      assert.equal(loaded?.event_history.length, 9);
      assert.equal(loaded?.session_time_steps[1].events.length, 4);
      assert.equal(await store.loadSession('no-such-session'), null);
    } finally {
      await store.close();
    }
  });

  it('keeps one copy of each record when a batch is exported twice', async () => {
    const path = freshPath();
    const { records } = episodeRecords();
    const exporter = new DuckDBExporter({ path });
    await exporter.export(records);
    await exporter.export(records);
    const store = await exporter.open();
    const [counts] = await store.query('SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM timesteps) AS steps, (SELECT count(*) FROM sessions) AS sessions');
    assert.deepStrictEqual(counts, { events: 9, messages: 2, steps: 2, sessions: 1 });
    assert.deepStrictEqual(await store.loadSession('ep-1'), assembleSessions(records)[0]);
    await exporter.shutdown();
  });

  it('creates a session row on the first event and completes it with the session record, keeping late events', async () => {
    const path = freshPath();
    const b = new RecordBuilder('open-1');
    b.cais('s0', { start: 10, duration: 5, model: 'm', provider: 'p', input: 1, output: 2, cost: null });
    b.timestep('s0', { index: 0, start: 1, end: 20 });
    const exporter = new DuckDBExporter({ path });
    await exporter.export(b.records.splice(0));
    const store = await exporter.open();

    let [summary] = await store.listSessions();
    assert.equal(summary.session_id, 'open-1');
    assert.equal(summary.complete, false);
    assert.equal(summary.created_at, b.at(1)); // the earliest thing seen: the timestep's start
    const partial = await store.loadSession('open-1');
    assert.equal(partial?.ended_at, null);
    assert.deepStrictEqual(partial?.metadata, { incomplete: true });
    assert.equal(partial?.event_history.length, 1);

    b.session({ end: 100, metadata: { user: 'u1' } });
    await exporter.export(b.records.splice(0));
    b.runtime(null, { start: 150, duration: 10, name: 'fire-and-forget' });
    await exporter.export(b.records.splice(0));

    [summary] = await store.listSessions();
    assert.equal(summary.complete, true);
    assert.equal(summary.created_at, b.at(0));
    assert.equal(summary.events, 2);
    const full = await store.loadSession('open-1');
    assert.equal(full?.ended_at, b.at(100));
    assert.deepStrictEqual(full?.metadata, { user: 'u1' });
    assert.deepStrictEqual(full?.event_history.map((e) => e.name), ['think', 'fire-and-forget']);
    await exporter.shutdown();
  });

  it('reads back exactly what it was given when fields do not fit their columns', async () => {
    const path = freshPath();
    const b = new RecordBuilder('odd-1');
    const cais = b.cais(null, { start: 1, duration: 2, model: 'm', provider: 'p', input: 2 ** 60, output: 1.5, cost: 0 });
    (cais as unknown as Record<string, unknown>).custom_field = { kept: true };
    (cais as unknown as Record<string, unknown>).started_at = '2025-01-01T00:00:00.001+00:00';
    delete (cais as unknown as Record<string, unknown>).latency_ms;
    b.event(null, { ...b.span(null, { start: 3, duration: 1 }), event_id: 'weird', span_id: 'weird', event_type: 'future' as 'span', reward: null } as never);
    b.records.splice(1, 1);
    b.message(null, { at: 5, type: 'note', from: 'a', to: 'b' });
    b.session({ end: 10, metadata: { nested: { list: [1, 'two', null, { three: 3 }] }, empty: {} } });
    const exporter = new DuckDBExporter({ path });
    await exporter.export(b.records);
    const store = await exporter.open();
    assert.deepStrictEqual(await store.loadSession('odd-1'), assembleSessions(b.records)[0]);
    await exporter.shutdown();
  });

  it('writes a whole SessionTrace passed as a session record with its events and timesteps inside', async () => {
    const path = freshPath();
    const { records } = episodeRecords('whole-1');
    const whole = assembleSessions(records)[0];
    const exporter = new DuckDBExporter({ path });
    await exporter.export([{ record_type: 'session', session: whole }]);
    const store = await exporter.open();
    assert.deepStrictEqual(await store.loadSession('whole-1'), whole);
    await exporter.shutdown();
  });

  it('skips a malformed record, reports it, and commits the rest of the batch', async () => {
    const path = freshPath();
    const { records } = episodeRecords('skip-1');
    const exporter = new DuckDBExporter({ path });
    await exporter.export([{ record_type: 'event', session_id: 'skip-1', step_id: null, event: {} } as unknown as TraceRecord, ...records]);
    assert.deepStrictEqual(exporter.stats, { written: records.length, skipped: 1 });
    const store = await exporter.open();
    assert.deepStrictEqual(await store.loadSession('skip-1'), assembleSessions(records)[0]);
    await exporter.shutdown();
  });

  it('commits nothing of a batch whose write fails', async () => {
    const path = freshPath();
    const store = await TraceStore.open(path);
    // Messages merge last: replacing their table makes the batch fail after sessions, timesteps and events were staged.
    await store.execute('DROP TABLE messages; CREATE TABLE messages (x INTEGER)');
    await assert.rejects(store.write(episodeRecords('atomic-1').records));
    const [counts] = await store.query('SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM timesteps) AS steps');
    assert.deepStrictEqual(counts, { events: 0, sessions: 0, steps: 0 });
    // The store stays usable for the next batch (messages aside: their table is gone).
    await store.execute('DROP TABLE messages; CREATE TABLE messages AS SELECT * FROM stage_messages LIMIT 0');
    const { records } = episodeRecords('atomic-2');
    await store.write(records.filter((r) => r.record_type !== 'message'));
    assert.equal((await store.listSessions()).length, 1);
    await store.close();
  });

  it('shares one DuckDB instance with a TraceStore opened on the same file in the same process', async () => {
    const path = freshPath();
    const exporter = new DuckDBExporter({ path });
    await exporter.export(episodeRecords('shared-1').records);
    const reader = await TraceStore.open(path, { readOnly: true });
    assert.equal((await reader.listSessions()).length, 1);
    await exporter.export(episodeRecords('shared-2', '2025-02-01T00:00:00.000Z').records);
    assert.deepStrictEqual((await reader.listSessions()).map((s) => s.session_id), ['shared-2', 'shared-1']);
    await reader.close();
    await exporter.shutdown();
  });

  it('rejects bad options with an AgentTraceError', () => {
    assert.throws(() => new DuckDBExporter({ path: '' }), (e) => e instanceof AgentTraceError && e.code === 'E_CONFIG');
    assert.throws(() => new DuckDBExporter({ reopenDelayMs: -1 }), /reopenDelayMs/);
    assert.throws(() => new DuckDBExporter(null as never), /options object/);
  });

  it('writes to traces.duckdb under AGENT_TRACE_DIR by default', () => {
    assert.equal(defaultStorePath({ AGENT_TRACE_DIR: '/data/run' }), join('/data/run', 'traces.duckdb'));
    assert.equal(defaultStorePath({}), join('traces', 'traces.duckdb'));
    assert.equal(new DuckDBExporter().path, defaultStorePath());
  });

  it('drops records that arrive after shutdown', async () => {
    const path = freshPath();
    const exporter = new DuckDBExporter({ path });
    await exporter.export(episodeRecords('late-1').records);
    await exporter.shutdown();
    await exporter.export(episodeRecords('late-2').records);
    const store = await TraceStore.open(path, { readOnly: true });
    assert.deepStrictEqual((await store.listSessions()).map((s) => s.session_id), ['late-1']);
    await store.close();
  });
});

describe('TraceStore', () => {
  let path: string;
  let store: TraceStore;
  before(async () => {
    path = freshPath();
    const writer = await TraceStore.open(path);
    await writer.write(episodeRecords('ep-1').records);
    // A second session: one cheap call and one reward, to check that views group by session and model.
    const b = new RecordBuilder('ep-2', '2025-01-02T00:00:00.000Z');
    b.cais('x', { start: 0, duration: 10, model: 'gpt-4o-mini', provider: 'openai', input: 1, output: 1, cost: 0.5 });
    b.env('x', { start: 20, duration: 20, action: 0, observation: 0, reward: 2 });
    b.timestep('x', { index: 0, start: 0, end: 50 });
    b.session({ end: 60 });
    await writer.write(b.records);
    await writer.close();
    store = await TraceStore.open(path, { readOnly: true });
  });
  after(async () => {
    await store.close();
  });

  it('lists sessions newest first with hand-computed totals', async () => {
    const sessions = await store.listSessions();
    assert.deepStrictEqual(
      sessions.map(({ metadata: _m, created_at: _c, ended_at: _e, ...totals }) => ({ ...totals, cost_usd: Math.round(totals.cost_usd * 1e9) / 1e9 })),
      [
        { session_id: 'ep-2', complete: true, steps: 1, events: 2, messages: 0, llm_calls: 1, input_tokens: 1, output_tokens: 1, total_tokens: 2, cost_usd: 0.5, total_reward: 2, errors: 0, duration_ms: 60 },
        { session_id: 'ep-1', complete: true, steps: 2, events: 9, messages: 2, llm_calls: 3, input_tokens: 350, output_tokens: 70, total_tokens: 420, cost_usd: 0.006, total_reward: 1.25, errors: 2, duration_ms: 1000 },
      ],
    );
    assert.deepStrictEqual(sessions[1].metadata, { env: 'gridworld', seed: 7 });
    assert.equal(sessions[1].created_at, '2025-01-01T00:00:00.000Z');
    assert.equal((await store.listSessions({ limit: 1 })).length, 1);
    assert.deepStrictEqual((await store.listSessions({ limit: 5, offset: 1 })).map((s) => s.session_id), ['ep-1']);
    await assert.rejects(store.listSessions({ limit: -1 }), AgentTraceError);
  });

  it('sums model usage and cost per model and provider', async () => {
    const rows = await store.query('SELECT provider, model_name, calls, errors, input_tokens, output_tokens, total_tokens, round(cost_usd, 9) AS cost_usd, calls_without_cost FROM model_usage ORDER BY provider, model_name');
    assert.deepStrictEqual(rows, [
      { provider: 'anthropic', model_name: 'claude-3-5-haiku', calls: 1, errors: 1, input_tokens: 50, output_tokens: 10, total_tokens: 60, cost_usd: 0.003, calls_without_cost: 0 },
      { provider: 'openai', model_name: 'gpt-4o-mini', calls: 3, errors: 0, input_tokens: 301, output_tokens: 61, total_tokens: 362, cost_usd: 0.503, calls_without_cost: 0 },
    ]);
  });

  it('lists every failed event in the errors view', async () => {
    const rows = await store.query('SELECT session_id, event_type, name, error_type, error_message, error_stack IS NOT NULL AS has_stack FROM errors ORDER BY started_at');
    assert.deepStrictEqual(rows, [
      { session_id: 'ep-1', event_type: 'runtime', name: 'search', error_type: 'TypeError', error_message: 'search failed', has_stack: false },
      { session_id: 'ep-1', event_type: 'cais', name: 'think', error_type: 'RateLimitError', error_message: 'rate limited', has_stack: true },
    ]);
  });

  it('computes latency percentiles per event type and name', async () => {
    const rows = await store.query(
      "SELECT event_type, name, calls, p50_ms, round(p90_ms, 6) AS p90_ms, round(p99_ms, 6) AS p99_ms, max_ms FROM latency_percentiles WHERE event_type IN ('cais', 'environment') ORDER BY event_type, name",
    );
    // ep-1 cais durations 100, 300, 50 and ep-2 10 -> sorted 10, 50, 100, 300 (linear interpolation):
    // p50 at 1.5 -> 75; p90 at 2.7 -> 100 + 0.7 * 200 = 240; p99 at 2.97 -> 100 + 0.97 * 200 = 294.
    // environment "step" durations 10, 40, 60, 20 -> 10, 20, 40, 60: p50 30; p90 at 2.7 -> 54; p99 at 2.97 -> 59.4.
    assert.deepStrictEqual(rows, [
      { event_type: 'cais', name: 'think', calls: 4, p50_ms: 75, p90_ms: 240, p99_ms: 294, max_ms: 300 },
      { event_type: 'environment', name: 'reset', calls: 1, p50_ms: 3, p90_ms: 3, p99_ms: 3, max_ms: 3 },
      { event_type: 'environment', name: 'step', calls: 4, p50_ms: 30, p90_ms: 54, p99_ms: 59.4, max_ms: 60 },
    ]);
  });

  it('runs SQL with parameters and returns plain values', async () => {
    const rows = await store.query('SELECT event_id, started_at, input, output, input_tokens FROM events WHERE session_id = ? AND event_type = ? ORDER BY started_at LIMIT 1', ['ep-1', 'cais']);
    assert.deepStrictEqual(rows, [
      { event_id: 'ep-1-e3', started_at: '2025-01-01T00:00:00.010Z', input: ['What next?', { temperature: 0.2 }], output: { text: 'go left', nested: { deep: [1, 2.5, null, true] } }, input_tokens: 100 },
    ]);
    await assert.rejects(store.query('SELECT * FROM no_such_table'), /no_such_table/);
  });

  it('refuses to write when opened read-only', async () => {
    await assert.rejects(store.write(episodeRecords('x').records), (e) => e instanceof AgentTraceError && e.code === 'E_USAGE');
  });

  it('says there is no store when a read-only file does not exist', async () => {
    await assert.rejects(TraceStore.open(join(dir, 'missing.duckdb'), { readOnly: true }), (e) => e instanceof AgentTraceError && e.code === 'E_STORE_NOT_FOUND' && e.message.includes('missing.duckdb'));
  });
});

describe('TraceStore across processes', () => {
  it('gives a second process a clear lock error naming the holding PID', async () => {
    const path = freshPath();
    const holder = spawn(process.execPath, [CHILD, 'hold', path], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const lines = createInterface({ input: holder.stdout! });
      await new Promise<void>((ok, fail) => {
        lines.on('line', (line) => line === 'ready' && ok());
        holder.on('exit', (code) => fail(new Error(`holder exited with ${code}`)));
      });
      const { lines: out, code } = await runChild(['open', path]);
      assert.equal(code, 0);
      const result = JSON.parse(out[0]) as { name: string; code: string; message: string; pid: number };
      assert.equal(result.name, 'AgentTraceError');
      assert.equal(result.code, 'E_STORE_LOCKED');
      assert.equal(result.pid, holder.pid);
      assert.match(result.message, /^agent-trace: the trace store .* is locked by process \d+/);
      assert.ok(result.message.includes(String(holder.pid)));

      // The same error reaches a DuckDBExporter as a rejected export, never as a crash.
      const exporter = new DuckDBExporter({ path });
      await assert.rejects(exporter.export(episodeRecords().records), (e) => e instanceof AgentTraceError && e.code === 'E_STORE_LOCKED');
      await exporter.shutdown();
    } finally {
      holder.stdin!.end();
      await new Promise((ok) => holder.once('close', ok));
    }
    const { lines: after } = await runChild(['open', path]);
    assert.deepStrictEqual(JSON.parse(after[0]), { ok: true });
  });

  it('keeps every committed batch after the writer is killed with SIGKILL', async () => {
    const path = freshPath();
    const size = 60;
    const child = spawn(process.execPath, [CHILD, 'write-batches', path, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = -1;
    await new Promise<void>((ok, fail) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^committed (\d+)$/.exec(line);
        if (m) committed = Number(m[1]);
        if (committed >= 5 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      child.on('close', (_code, signal) => (signal === 'SIGKILL' ? ok() : fail(new Error(`writer ended with ${signal}`))));
    });
    assert.ok(committed >= 5);

    const store = await TraceStore.open(path, { readOnly: true });
    try {
      for (let i = 0; i <= committed; i++) {
        assert.deepStrictEqual(await store.loadSession(`batch-${i}`), assembleSessions(batchRecords(i, size))[0], `batch ${i}`);
      }
      // A batch that was being written when the kill came is either all there or absent.
      const perSession = await store.query('SELECT session_id, count(*) AS n FROM events GROUP BY session_id');
      for (const row of perSession) assert.equal(row.n, size, String(row.session_id));
      const sessions = await store.query('SELECT count(*) AS n FROM sessions');
      assert.ok((sessions[0].n as number) >= committed + 1);
    } finally {
      await store.close();
    }
  });
});
