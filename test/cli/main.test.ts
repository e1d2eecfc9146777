import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { TraceStore } from '../../src/export/duckdb.js';
import { readJsonlSessions } from '../../src/export/jsonl.js';
import { assembleSessions } from '../../src/model/assemble-sessions.js';
import type { TraceRecord } from '../../src/export/records.js';
import { RecordBuilder, episodeRecords } from '../export/support/trace-records.js';

const HOLDER = fileURLToPath(new URL('../export/support/duckdb-child.js', import.meta.url));

class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

let dir: string;
let db: string;
let ep1: TraceRecord[];
let ep2: TraceRecord[];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr, cwd: dir, env: { AGENT_TRACE_DIR: join(dir, 'default-dir') } });
  return { code, out: stdout.text, err: stderr.text };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agent-trace-cli-'));
  db = join(dir, 'traces.duckdb');
  ep1 = episodeRecords('ep-1').records;
  const b = new RecordBuilder('ep-2', '2025-01-02T00:00:00.000Z');
  b.env(null, { start: 0, duration: 5, name: 'reset', observation: 'start', reward: null });
  b.cais('t0', { start: 10, duration: 10, model: 'gpt-4o-mini', provider: 'openai', input: 5, output: 5, cost: 0.5 });
  b.env('t0', { start: 30, duration: 5, action: 3, observation: 'end', reward: 2, truncated: true });
  b.timestep('t0', { index: 0, start: 5, end: 40 });
  b.session({ end: 50 });
  ep2 = b.records;
  const store = await TraceStore.open(db);
  await store.write([...ep1, ...ep2]);
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('agent-trace CLI', () => {
  it('prints help for the tool and for every command with exit code 0', async () => {
    for (const argv of [['--help'], ['help'], ['sessions', '--help'], ['show', '-h'], ['export', '--help'], ['help', 'export']]) {
      const { code, out } = await run(...argv);
      assert.equal(code, 0, argv.join(' '));
      assert.match(out, /^Usage: agent-trace/, argv.join(' '));
    }
    assert.match((await run('export', '--help')).out, /trajectories/);
  });

  it('exits 2 with a clear message for no command, an unknown command, or an unknown option', async () => {
    const none = await run();
    assert.equal(none.code, 2);
    assert.match(none.err, /^Usage: agent-trace/);
    const unknown = await run('sesions');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /agent-trace: unknown command "sesions"; the commands are sessions, show, export, codemod\.\nRun "agent-trace --help" for usage\./);
    const option = await run('sessions', '--db', db, '--verbose');
    assert.equal(option.code, 2);
    assert.match(option.err, /agent-trace sessions: Unknown option '--verbose'/);
    assert.equal(option.out, '');
  });

  describe('sessions', () => {
    it('prints a table of recent sessions with steps, events, tokens, cost, reward and errors', async () => {
      const { code, out } = await run('sessions', '--db', db);
      assert.equal(code, 0);
      const lines = out.trimEnd().split('\n');
      assert.deepStrictEqual(lines[0].split(/\s+/), ['SESSION', 'STARTED', 'STEPS', 'EVENTS', 'TOKENS', 'COST', 'REWARD', 'ERRORS']);
      assert.deepStrictEqual(lines[1].split(/\s+/), ['ep-2', '2025-01-02', '00:00:00Z', '1', '3', '10', '$0.50', '2', '0']);
      assert.deepStrictEqual(lines[2].split(/\s+/), ['ep-1', '2025-01-01', '00:00:00Z', '2', '9', '420', '$0.0060', '1.25', '2']);
    });

    it('limits and prints JSON on request', async () => {
      const { code, out } = await run('sessions', '--db', db, '--limit', '1', '--json');
      assert.equal(code, 0);
      const parsed = JSON.parse(out) as Array<{ session_id: string; total_tokens: number }>;
      assert.deepStrictEqual(parsed.map((s) => [s.session_id, s.total_tokens]), [['ep-2', 10]]);
    });

    it('rejects a bad --limit with exit 2', async () => {
      for (const limit of ['0', 'ten', '-3', '1.5']) {
        const { code, err } = await run('sessions', '--db', db, '--limit', limit);
        assert.equal(code, 2, limit);
        assert.match(err, /--limit must be a whole number >= 1|argument/);
      }
      const missing = await run('sessions', '--db');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--db/);
    });

    it('fails with exit 1 and names the file when there is no store', async () => {
      const { code, err } = await run('sessions');
      assert.equal(code, 1);
      assert.match(err, /no trace store at .*default-dir[\\/]traces\.duckdb/);
    });

    it('reads a JSONL trace file given as --db', async () => {
      const file = join(dir, 'records.jsonl');
      writeFileSync(file, ep2.map((r) => JSON.stringify(r)).join('\n') + '\n{"cut off');
      const { code, out, err } = await run('sessions', '--db', file);
      assert.equal(code, 0);
      assert.match(out, /^ep-2 /m);
      assert.match(err, /skipped 1 unreadable lines/);
    });

    it('reports a store locked by another process with exit 1', async () => {
      const locked = join(dir, 'locked.duckdb');
      const holder = spawn(process.execPath, [HOLDER, 'hold', locked], { stdio: ['pipe', 'pipe', 'inherit'] });
      try {
        await new Promise<void>((ok) => createInterface({ input: holder.stdout! }).on('line', (l) => l === 'ready' && ok()));
        const { code, err } = await run('sessions', '--db', locked);
        assert.equal(code, 1);
        assert.match(err, new RegExp(`locked by process ${holder.pid}`));
      } finally {
        holder.stdin!.end();
        await new Promise((ok) => holder.once('close', ok));
      }
    });
  });

  describe('show', () => {
    it('prints the readable tree of a session', async () => {
      const { code, out } = await run('show', 'ep-1', '--db', db, '--no-color');
      assert.equal(code, 0);
      assert.match(out, /ep-1/);
      assert.match(out, /think/);
      assert.match(out, /gpt-4o-mini/);
      assert.match(out, /rate limited/);
      assert.doesNotMatch(out, /\x1b\[/);
      assert.match((await run('show', 'ep-1', '--db', db, '--color')).out, /\x1b\[/);
    });

    it('finds a session by a unique prefix and prints JSON equal to the stored session', async () => {
      const { code, out } = await run('show', 'ep-2'.slice(0, 4), '--db', db, '--json');
      assert.equal(code, 0);
      assert.deepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(assembleSessions(ep2)[0])));
    });

    it('says which sessions an ambiguous prefix matches (exit 2) and that an unknown one is missing (exit 1)', async () => {
      const ambiguous = await run('show', 'ep-', '--db', db);
      assert.equal(ambiguous.code, 2);
      assert.match(ambiguous.err, /"ep-" matches several sessions \(ep-1, ep-2\)/);
      const missing = await run('show', 'nope', '--db', db);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no session "nope" in .*traces\.duckdb; run agent-trace sessions/);
    });

    it('needs exactly one session id (exit 2)', async () => {
      assert.equal((await run('show', '--db', db)).code, 2);
      const two = await run('show', 'ep-1', 'ep-2', '--db', db);
      assert.equal(two.code, 2);
      assert.match(two.err, /one session at a time/);
    });
  });

  describe('export', () => {
    it('writes one SessionTrace per line to --out', async () => {
      const out = join(dir, 'out', 'sessions.jsonl');
      const { code, err } = await run('export', '--db', db, '--out', out);
      assert.equal(code, 0);
      assert.match(err, /wrote 2 lines \(2 sessions, jsonl\)/);
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.deepStrictEqual(lines, JSON.parse(JSON.stringify(assembleSessions([...ep1, ...ep2]))));
    });

    it('writes records that the JSONL reader turns back into the same sessions, for chosen sessions only', async () => {
      const out = join(dir, 'records-out.jsonl');
      const { code } = await run('export', '--db', db, '--format', 'records', '--session', 'ep-2', '-o', out);
      assert.equal(code, 0);
      assert.deepStrictEqual(await readJsonlSessions(out), JSON.parse(JSON.stringify(assembleSessions(ep2))));
    });

    it('writes JSONL to stdout without --out', async () => {
      const { code, out } = await run('export', '--db', db, '-s', 'ep-1');
      assert.equal(code, 0);
      assert.equal(JSON.parse(out).session_id, 'ep-1');
    });

    it('writes the four tables as Parquet files that DuckDB reads back', async () => {
      const out = join(dir, 'parquet');
      const { code } = await run('export', '--db', db, '--format', 'parquet', '--out', out, '--session', 'ep-1');
      assert.equal(code, 0);
      for (const table of ['sessions', 'timesteps', 'events', 'messages']) assert.ok(existsSync(join(out, `${table}.parquet`)), table);
      const store = await TraceStore.open(':memory:');
      const [row] = await store.query(
        `SELECT (SELECT count(*) FROM read_parquet('${join(out, 'events.parquet')}')) AS events,
                (SELECT sum(input_tokens) FROM read_parquet('${join(out, 'events.parquet')}')) AS tokens,
                (SELECT count(*) FROM read_parquet('${join(out, 'sessions.parquet')}')) AS sessions`,
      );
      await store.close();
      assert.deepStrictEqual(row, { events: 9, tokens: 350, sessions: 1 });
    });

    it('writes trajectories: per step observation, action, reward, terminated, truncated', async () => {
      const { code, out } = await run('export', '--db', db, '--format', 'trajectories');
      assert.equal(code, 0);
      const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
      const pick = (r: Record<string, unknown>) => [r.session_id, r.step_id, r.step_index, r.observation, r.action, r.reward, r.terminated, r.truncated, r.next_observation];
      assert.deepStrictEqual(rows.map(pick), [
        ['ep-1', 'step-0', 0, { cell: 0 }, 'left', 1, false, false, { cell: 1 }],
        ['ep-1', 'step-1', 1, { cell: 1 }, ['right', 'up'], 0.25, true, false, { cell: 3 }],
        ['ep-2', 't0', 0, 'start', 3, 2, false, true, 'end'],
      ]);
    });

    it('reports progress on stderr with --progress, and not by default when stderr is not a terminal', async () => {
      const out = join(dir, 'progress.jsonl');
      const quiet = await run('export', '--db', db, '--out', out);
      assert.doesNotMatch(quiet.err, /sessions 1\/2/);
      const loud = await run('export', '--db', db, '--out', out, '--progress');
      assert.match(loud.err, /agent-trace export: sessions 1\/2\nagent-trace export: sessions 2\/2\n/);
    });

    it('rejects bad arguments with exit 2', async () => {
      const format = await run('export', '--db', db, '--format', 'csv');
      assert.equal(format.code, 2);
      assert.match(format.err, /unknown --format "csv"; use one of jsonl, records, parquet, trajectories/);
      const parquet = await run('export', '--db', db, '--format', 'parquet');
      assert.equal(parquet.code, 2);
      assert.match(parquet.err, /give a directory with --out/);
      const positional = await run('export', 'ep-1', '--db', db);
      assert.equal(positional.code, 2);
      assert.match(positional.err, /Unexpected argument 'ep-1'/);
      const session = await run('export', '--db', db, '--session', 'nope');
      assert.equal(session.code, 1);
      assert.match(session.err, /no session "nope"/);
    });
  });

  describe('codemod', () => {
    it('dispatches to the codemod command', async () => {
      const { code, out } = await run('codemod', '--help');
      assert.equal(code, 0);
      assert.match(out, /agent-trace codemod/);
    });
  });
});
