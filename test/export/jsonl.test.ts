import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { JsonlExporter, readJsonlRecords, readJsonlSessions, SessionTracer, withRuntimeOperation, InMemoryExporter, assembleSessions } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'agent-trace-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('JsonlExporter', () => {
  it('appends events as they finish and rebuilds the same sessions from the file', async () => {
    const path = join(dir, 'round-trip.jsonl');
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path }), memory] });
    const tool = withRuntimeOperation({ name: 'tool' }, (x: number) => ({ doubled: x * 2 }));
    await tracer.session({ id: 'a', metadata: { seed: 1 } }, async () => {
      await tracer.timestep(0, () => tool(1));
      await tracer.flush();
      const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(lines.map((l) => l.record_type), ['event', 'timestep'], 'written before the session ends');
      await tracer.timestep(1, () => tool(2));
    });
    await tracer.shutdown();
    const fromFile = await readJsonlSessions(path);
    assert.deepEqual(fromFile, memory.sessions);
    assert.equal(fromFile[0]!.session_time_steps.length, 2);
    assert.deepEqual(fromFile[0]!.event_history.map((e) => e.output), [{ doubled: 2 }, { doubled: 4 }]);
  });

  it('never interleaves lines from concurrent exports', async () => {
    const path = join(dir, 'concurrent.jsonl');
    const exporter = new JsonlExporter({ path });
    const big = 'x'.repeat(100_000);
    await Promise.all(Array.from({ length: 20 }, (_, i) => exporter.export([{ record_type: 'message', session_id: `s${i}`, step_id: null, message: { big } as never }])));
    await exporter.shutdown();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    assert.equal(lines.length, 20);
    for (const line of lines) assert.equal(JSON.parse(line).message.big.length, 100_000);
  });

  it('skips a cut last line, as a crash leaves it, and rebuilds the open session', async () => {
    const path = join(dir, 'crash.jsonl');
    const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path })] });
    const tool = withRuntimeOperation({ name: 'tool' }, () => 1);
    await tracer.session('crashed', async () => {
      tool();
      await tracer.flush();
      appendFileSync(path, '{"record_type":"event","session_id":"crashed","ev');
    });
    const { records, skippedLines } = await readJsonlRecords(path);
    assert.equal(skippedLines, 1);
    assert.deepEqual(records.map((r) => r.record_type), ['event']);
    const [open] = assembleSessions(records);
    assert.equal(open!.ended_at, null);
    assert.equal(open!.metadata.incomplete, true);
    assert.equal(open!.event_history.length, 1);
    await tracer.shutdown();
  });

  it('rejects a bad path option', () => {
    assert.throws(() => new JsonlExporter({ path: '' }), /path must be a non-empty file path/);
  });
});
