#!/usr/bin/env node
import { createWriteStream, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AgentTraceError } from '../errors.js';
import type { TraceStore } from '../export/duckdb-store.js';
import type { SessionTrace } from '../model/session-trace.js';

/** Where the CLI reads and writes; `main` uses the process's own streams when it is not given. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Directory relative paths are resolved against. Default `process.cwd()`. */
  cwd: string;
  /** Environment (for `AGENT_TRACE_DIR`). Default `process.env`. */
  env: NodeJS.ProcessEnv;
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

const HELP = `Usage: agent-trace <command> [options]

Commands:
  sessions            List recent sessions: steps, events, tokens, cost, reward, errors
  show <session>      Print one session as a readable tree
  export              Export sessions as JSONL, trace records, Parquet, or RL trajectories
  codemod [dir]       Add agent-trace decorators to a code base

Common options:
  --db <file>         The trace store (default: $AGENT_TRACE_DIR/traces.duckdb, else ./traces/traces.duckdb);
                      a .jsonl file written by the JSONL exporter works too
  -h, --help          Help for a command, e.g. agent-trace export --help

Exit codes: 0 success, 1 failure, 2 bad usage.
`;

const SESSIONS_HELP = `Usage: agent-trace sessions [--db <file>] [--limit <n>] [--json]

Lists the most recent sessions, newest first.

Options:
  --db <file>      The trace store (default: $AGENT_TRACE_DIR/traces.duckdb)
  -n, --limit <n>  How many sessions (default 20)
  --json           One JSON array instead of a table
  -h, --help       This help
`;

const SHOW_HELP = `Usage: agent-trace show <session> [--db <file>] [--json] [--color | --no-color]

Prints a session as a tree: timesteps, and the spans, model calls, tool calls and
environment steps inside them. <session> is a session id or an unambiguous prefix of one.

Options:
  --db <file>    The trace store (default: $AGENT_TRACE_DIR/traces.duckdb)
  --json         The SessionTrace as JSON instead of the tree
  --color        Colour the tree (default: when stdout is a terminal)
  --no-color     Do not colour it
  -h, --help     This help
`;

const EXPORT_HELP = `Usage: agent-trace export [--format <format>] [--out <path>] [--session <id>]... [--db <file>]

Formats:
  jsonl          One SessionTrace (synth-ai v3 schema) per line (default)
  records        One trace record per line, as the JSONL exporter writes them
  parquet        sessions.parquet, timesteps.parquet, events.parquet, messages.parquet in the --out directory
  trajectories   One line per step for training pipelines: observation, action, reward,
                 terminated, truncated, next_observation (from environment events, grouped by timestep)

Options:
  -o, --out <path>     Output file (directory for parquet); default stdout (required for parquet)
  -s, --session <id>   Only this session (repeat for several); default every session
  --db <file>          The trace store (default: $AGENT_TRACE_DIR/traces.duckdb)
  --progress           Report progress on stderr even when it is not a terminal
  --no-progress        Never report progress
  -h, --help           This help
`;

const COMMAND_HELP: Record<string, string> = { sessions: SESSIONS_HELP, show: SHOW_HELP, export: EXPORT_HELP };

const FORMATS = ['jsonl', 'records', 'parquet', 'trajectories'] as const;
type Format = (typeof FORMATS)[number];

function parse(command: string, argv: string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true } as ParseArgsConfig);
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(message, command);
  }
}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

async function loadDuckdb(): Promise<typeof import('../export/duckdb-store.js')> {
  return import('../export/duckdb-store.js');
}

/** Opens `--db` (or the default store) read-only; a `.jsonl` file is loaded into an in-memory store. */
async function openSource(values: Values, io: CliIo): Promise<TraceStore> {
  const { TraceStore, defaultStorePath } = await loadDuckdb();
  const given = values.db as string | undefined;
  if (given !== undefined && given.trim() === '') throw new UsageError('--db needs a file path.', '');
  const raw = given ?? defaultStorePath(io.env);
  const path = isAbsolute(raw) ? raw : resolve(io.cwd, raw);
  if (/\.jsonl$/i.test(path)) {
    const { readJsonlRecords } = await import('../export/jsonl.js');
    let loaded: Awaited<ReturnType<typeof readJsonlRecords>>;
    try {
      loaded = await readJsonlRecords(path);
    } catch (error) {
      throw new AgentTraceError('E_STORE_NOT_FOUND', `agent-trace: cannot read ${path}: ${(error as Error).message}`);
    }
    if (loaded.skippedLines > 0) io.stderr.write(`agent-trace: skipped ${loaded.skippedLines} unreadable lines of ${path}\n`);
    const store = await TraceStore.open(':memory:');
    for (let i = 0; i < loaded.records.length; i += 5000) await store.write(loaded.records.slice(i, i + 5000));
    return store;
  }
  return TraceStore.open(path, { readOnly: true });
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], rightAligned[i])).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

const fmtTime = (iso: string | null) => (iso === null ? '-' : iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
const fmtNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));
const fmtCost = (n: number) => (n === 0 ? '$0' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

async function sessionsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse('sessions', argv, { db: { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } }, false);
  if (values.help) return help(io, 'sessions');
  const limitText = (values.limit as string | undefined) ?? '20';
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1) throw new UsageError(`--limit must be a whole number >= 1, got "${limitText}".`, 'sessions');
  const store = await openSource(values, io);
  try {
    const sessions = await store.listSessions({ limit: Number(limitText) });
    if (values.json) {
      io.stdout.write(JSON.stringify(sessions, null, 2) + '\n');
      return EXIT.ok;
    }
    if (sessions.length === 0) {
      io.stderr.write(`agent-trace: no sessions in ${store.path}\n`);
      return EXIT.ok;
    }
    const rows = sessions.map((s) => [
      s.complete ? s.session_id : `${s.session_id} (open)`,
      fmtTime(s.created_at),
      String(s.steps),
      String(s.events),
      String(s.total_tokens),
      fmtCost(s.cost_usd),
      fmtNumber(s.total_reward),
      String(s.errors),
    ]);
    io.stdout.write(table(['SESSION', 'STARTED', 'STEPS', 'EVENTS', 'TOKENS', 'COST', 'REWARD', 'ERRORS'], rows, [false, false, true, true, true, true, true, true]));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** Finds a session by id, else by unique prefix; a clear failure otherwise. */
async function findSession(store: TraceStore, id: string): Promise<SessionTrace> {
  const exact = await store.loadSession(id);
  if (exact !== null) return exact;
  const like = id.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  const matches = (await store.query("SELECT session_id FROM sessions WHERE session_id LIKE ? ESCAPE '\\' ORDER BY session_id LIMIT 6", [like])).map((r) => String(r.session_id));
  if (matches.length === 1) return (await store.loadSession(matches[0]))!;
  if (matches.length > 1) {
    throw new AgentTraceError('E_USAGE', `agent-trace: "${id}" matches several sessions (${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', ...' : ''}); give more of the id.`);
  }
  throw new AgentTraceError('E_NOT_FOUND', `agent-trace: no session "${id}" in ${store.path}; run agent-trace sessions to list them.`);
}

async function showCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('show', argv, { db: { type: 'string' }, json: { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } }, true);
  if (values.help) return help(io, 'show');
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'which session? Give its id, e.g. agent-trace show ep-1.' : `one session at a time, got ${positionals.length}: ${positionals.join(' ')}.`, 'show');
  }
  const store = await openSource(values, io);
  try {
    const session = await findSession(store, positionals[0]);
    if (values.json) {
      io.stdout.write(JSON.stringify(session, null, 2) + '\n');
    } else {
      const { formatSessionTree } = await import('../export/session-tree.js');
      const color = values['no-color'] ? false : values.color ? true : io.stdout.isTTY === true && !io.env.NO_COLOR;
      const tree = formatSessionTree(session, { color });
      io.stdout.write(tree.endsWith('\n') ? tree : tree + '\n');
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

function openOutput(out: string | undefined, io: CliIo): Output {
  if (out === undefined || out === '-') {
    return { write: async (text) => void io.stdout.write(text), close: async () => undefined };
  }
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  return {
    write: (text) =>
      new Promise((ok, fail) => {
        if (failure) return fail(failure);
        if (stream.write(text)) ok();
        else stream.once('drain', ok);
      }),
    close: () =>
      new Promise((ok, fail) => {
        if (failure) return fail(failure);
        stream.end(() => (failure ? fail(failure) : ok()));
      }),
  };
}

/** Progress on stderr: rewritten in place on a terminal, one line per tenth otherwise (only with --progress). */
function progress(io: CliIo, enabled: boolean, label: string): { tick(done: number, total: number): void; end(): void } {
  const tty = io.stderr.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  let drawn = false;
  return {
    tick(done, total) {
      if (!enabled || total === 0) return;
      if (tty) {
        const now = Date.now();
        if (done !== total && now - lastDraw < 100) return;
        lastDraw = now;
        io.stderr.write(`\r${label} ${done}/${total}`);
        drawn = true;
      } else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          io.stderr.write(`${label} ${done}/${total}\n`);
        }
      }
    },
    end() {
      if (drawn) io.stderr.write('\n');
    },
  };
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    'export',
    argv,
    { db: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, session: { type: 'string', short: 's', multiple: true }, progress: { type: 'boolean' }, 'no-progress': { type: 'boolean' } },
    false,
  );
  if (values.help) return help(io, 'export');
  const format = ((values.format as string | undefined) ?? 'jsonl') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}"; use one of ${FORMATS.join(', ')}.`, 'export');
  const outRaw = values.out as string | undefined;
  if (outRaw !== undefined && outRaw.trim() === '') throw new UsageError('--out needs a path.', 'export');
  const out = outRaw === undefined || outRaw === '-' ? outRaw : resolve(io.cwd, outRaw);
  if (format === 'parquet' && (out === undefined || out === '-')) throw new UsageError('--format parquet writes several files: give a directory with --out, e.g. --out traces/parquet.', 'export');
  const showProgress = values['no-progress'] ? false : values.progress === true || io.stderr.isTTY === true;
  const wanted = values.session as string[] | undefined;

  const store = await openSource(values, io);
  try {
    let ids: string[];
    if (wanted !== undefined) {
      ids = [];
      for (const id of wanted) ids.push((await findSession(store, id)).session_id);
    } else {
      ids = (await store.query('SELECT session_id FROM sessions ORDER BY created_at, session_id')).map((r) => String(r.session_id));
    }

    if (format === 'parquet') {
      mkdirSync(out!, { recursive: true });
      if (!statSync(out!).isDirectory()) throw new UsageError(`--out ${out} is not a directory.`, 'export');
      const filter = wanted === undefined ? '' : ` WHERE session_id IN (${ids.map(sqlString).join(', ') || 'NULL'})`;
      const bar = progress(io, showProgress, 'agent-trace export: tables');
      const tables = ['sessions', 'timesteps', 'events', 'messages'];
      for (let i = 0; i < tables.length; i++) {
        const file = join(out!, `${tables[i]}.parquet`);
        await store.execute(`COPY (SELECT * FROM ${tables[i]}${filter} ORDER BY seq) TO ${sqlString(file)} (FORMAT parquet)`);
        bar.tick(i + 1, tables.length);
      }
      bar.end();
      io.stderr.write(`agent-trace: wrote ${ids.length} sessions to ${out} (${tables.map((t) => `${t}.parquet`).join(', ')})\n`);
      return EXIT.ok;
    }

    const output = openOutput(out, io);
    const bar = progress(io, showProgress, 'agent-trace export: sessions');
    let lines = 0;
    try {
      const { trajectorySteps } = await import('./trajectory-steps.js');
      for (let i = 0; i < ids.length; i++) {
        let text = '';
        if (format === 'records') {
          for (const record of await store.loadRecords(ids[i])) {
            text += JSON.stringify(record) + '\n';
            lines++;
          }
        } else {
          const session = await store.loadSession(ids[i]);
          if (session !== null && format === 'jsonl') {
            text = JSON.stringify(session) + '\n';
            lines++;
          } else if (session !== null) {
            for (const step of trajectorySteps(session)) {
              text += JSON.stringify(step) + '\n';
              lines++;
            }
          }
        }
        if (text) await output.write(text);
        bar.tick(i + 1, ids.length);
      }
    } finally {
      bar.end();
      await output.close();
    }
    if (out !== undefined && out !== '-') io.stderr.write(`agent-trace: wrote ${lines} lines (${ids.length} sessions, ${format}) to ${out}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

async function codemodDispatch(argv: string[], io: CliIo): Promise<number> {
  // A variable specifier: the codemod is optional, and this file must build and run without it.
  const specifier = '../../codemods/cli.js';
  let codemod: { codemodCommand?: (argv: string[], io: CliIo) => Promise<number> };
  try {
    codemod = (await import(specifier)) as typeof codemod;
  } catch (error) {
    io.stderr.write(`agent-trace: the codemod is not available in this installation (${(error as Error).message.split('\n')[0]}).\n`);
    return EXIT.failure;
  }
  if (typeof codemod.codemodCommand !== 'function') {
    io.stderr.write('agent-trace: the codemod module does not export codemodCommand; reinstall agent-trace.\n');
    return EXIT.failure;
  }
  return codemod.codemodCommand(argv, io);
}

function help(io: CliIo, command?: string): number {
  io.stdout.write(command === undefined ? HELP : COMMAND_HELP[command]);
  return EXIT.ok;
}

/**
 * Runs the `agent-trace` command line with `argv` (without `node` and the script) and resolves to
 * the exit code: 0 success, 1 failure, 2 bad usage. It never calls `process.exit`.
 *
 * @example
 * const code = await main(['sessions', '--db', 'traces/traces.duckdb', '--limit', '5']);
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr, cwd: io.cwd ?? process.cwd(), env: io.env ?? process.env };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        full.stderr.write(HELP);
        return EXIT.usage;
      case '-h':
      case '--help':
      case 'help':
        return help(full, rest[0] !== undefined && rest[0] in COMMAND_HELP ? rest[0] : undefined);
      case 'sessions':
        return await sessionsCommand(rest, full);
      case 'show':
        return await showCommand(rest, full);
      case 'export':
        return await exportCommand(rest, full);
      case 'codemod':
        return await codemodDispatch(rest, full);
      default:
        throw new UsageError(`unknown command "${command}"; the commands are sessions, show, export, codemod.`, '');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const name = error.command ? `agent-trace ${error.command}` : 'agent-trace';
      full.stderr.write(`${name}: ${error.message}\nRun "${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof AgentTraceError) {
      full.stderr.write(`${error.message}\n`);
      return error.code === 'E_USAGE' ? EXIT.usage : EXIT.failure;
    }
    full.stderr.write(`agent-trace: ${(error as Error)?.message ?? String(error)}\n`);
    return EXIT.failure;
  }
}

function invokedAsBin(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  let real = script;
  try {
    real = realpathSync(script);
  } catch {
    // Not a file we can resolve: compare the name as given.
  }
  return /[\\/]cli[\\/]main\.[cm]?js$/.test(real);
}

if (invokedAsBin()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`agent-trace: ${String(error)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
