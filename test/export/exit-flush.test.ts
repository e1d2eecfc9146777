import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TraceStore } from '../../src/export/duckdb.js';
import { readJsonlRecords } from '../../src/index.js';

const child = fileURLToPath(new URL('./support/exit-child.js', import.meta.url));

async function runChild(how: string) {
  const dir = mkdtempSync(join(tmpdir(), `agent-trace-exit-${how}-`));
  try {
    const result = spawnSync(process.execPath, [child, how, dir], { encoding: 'utf8', timeout: 60_000 });
    const { records } = await readJsonlRecords(join(dir, 'traces.jsonl'));
    const store = await TraceStore.open(join(dir, 'traces.duckdb'), { readOnly: true });
    try {
      const rows = (await store.query("SELECT count(*) AS n FROM events WHERE session_id = 'exiting'")) as Array<{ n: number | bigint }>;
      return { result, jsonlEvents: records.filter((r) => r.record_type === 'event').length, duckdbEvents: Number(rows[0]!.n) };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('exit flush', () => {
  it('writes what was recorded when the process ends normally without shutdown()', async () => {
    const { result, jsonlEvents, duckdbEvents } = await runChild('normal');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(jsonlEvents, 25);
    assert.equal(duckdbEvents, 25);
  });

  it('writes what was recorded on SIGTERM, then ends by the signal as it would have', async () => {
    const { result, jsonlEvents, duckdbEvents } = await runChild('sigterm');
    assert.equal(result.signal, 'SIGTERM', result.stderr);
    assert.equal(jsonlEvents, 25);
    assert.equal(duckdbEvents, 25);
  });

  it('writes what was recorded on an uncaught error, then prints it and exits with code 1', async () => {
    const { result, jsonlEvents, duckdbEvents } = await runChild('uncaught');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Error: agent crashed/);
    assert.equal(jsonlEvents, 25);
    assert.equal(duckdbEvents, 25);
  });
});
