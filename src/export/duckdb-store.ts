import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AsyncLock from 'async-lock';
import {
  DuckDBInstance,
  DuckDBTimestampTZValue,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { AgentTraceError } from '../errors.js';
import { reportDiagnostic } from '../diagnostics.js';
import { runtime } from '../runtime.js';
import { assembleSessions } from '../model/assemble-sessions.js';
import type { SessionTrace } from '../model/session-trace.js';
import type { TraceRecord } from './records.js';
import {
  EVENT_FIELDS,
  EVENTS_TABLE,
  MESSAGES_TABLE,
  OBJECT_FIELDS,
  SESSIONS_TABLE,
  STORE_LAYOUT_VERSION,
  STORE_TABLES,
  TIMESTEPS_TABLE,
  VIEWS_SQL,
  createStagingSql,
  createTablesSql,
  type StoreColumnType,
  type StoreTable,
} from './duckdb-schema.js';
import { decodeRow, encodeRow, type StoreCell } from './duckdb-rows.js';

/** Options of `TraceStore.open`. */
export interface TraceStoreOptions {
  /** Open for reading only (the CLI does); a read-only store cannot be written. Default false. */
  readOnly?: boolean;
  /** DuckDB worker threads for this file (first opener in the process decides). Default 2, to leave the host its cores. */
  threads?: number;
}

/** One row of the `session_summaries` view, as `TraceStore#listSessions` returns it. */
export interface SessionSummary {
  session_id: string;
  created_at: string | null;
  ended_at: string | null;
  /** False while only events of the session have arrived (it is still running, or its process died). */
  complete: boolean;
  steps: number;
  events: number;
  messages: number;
  llm_calls: number;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cost_usd: number;
  total_reward: number;
  errors: number;
  duration_ms: number | null;
  metadata: Record<string, unknown> | null;
}

/** What one `TraceStore#write` did. */
export interface WriteResult {
  /** Rows written or updated (placeholder session rows included). */
  rows: number;
  /** Records that could not be stored (malformed); each was reported as a diagnostic. */
  skipped: number;
}

interface SharedInstance {
  opening: Promise<DuckDBInstance>;
  readOnly: boolean;
  refs: number;
  nextSeq: bigint;
}

// One DuckDB instance per file and process: two instances on one file in one process would
// not see each other's lock and could corrupt it. Shared by every loaded copy of agent-trace.
const REGISTRY_KEY = Symbol.for('agent-trace.duckdb.instances.v1');
const holder = globalThis as unknown as Record<symbol, Map<string, SharedInstance> | undefined>;
const instances: Map<string, SharedInstance> = (holder[REGISTRY_KEY] ??= new Map());

/**
 * The default store file: `traces.duckdb` in `configure({ dir })` / `AGENT_TRACE_DIR` (or in `env.AGENT_TRACE_DIR`
 * when `env` is given), else in `./traces`.
 *
 * @example
 * const store = await TraceStore.open(defaultStorePath(), { readOnly: true });
 */
export function defaultStorePath(env?: NodeJS.ProcessEnv): string {
  // An explicit environment (the CLI's) wins; otherwise the configuration in force, which already read process.env.
  const dir = (env === undefined ? runtime.config?.dir || process.env.AGENT_TRACE_DIR : env.AGENT_TRACE_DIR) || './traces';
  return join(dir, 'traces.duckdb');
}

function openError(path: string, error: unknown): AgentTraceError {
  const message = error instanceof Error ? error.message : String(error);
  if (/could not set lock|conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    const program = /held in (.+?) \(PID/.exec(message)?.[1];
    const holderText = pid ? `process ${pid}${program ? ` (${program})` : ''}` : 'another process';
    const locked = new AgentTraceError(
      'E_STORE_LOCKED',
      `agent-trace: the trace store ${path} is locked by ${holderText}; DuckDB lets one process at a time open a file. ` +
        `Stop that process (or wait until it calls tracer.shutdown()), or use another file (--db, AGENT_TRACE_DIR).`,
    );
    (locked as AgentTraceError & { pid?: number; cause?: unknown }).pid = pid ? Number(pid) : undefined;
    (locked as { cause?: unknown }).cause = error;
    return locked;
  }
  const failed = new AgentTraceError('E_STORE_OPEN', `agent-trace: cannot open the trace store ${path}: ${message}`);
  (failed as { cause?: unknown }).cause = error;
  return failed;
}

function appendCell(appender: DuckDBAppender, type: StoreColumnType, cell: StoreCell): void {
  if (cell === null) return appender.appendNull();
  switch (type) {
    case 'VARCHAR':
    case 'JSON':
      return appender.appendVarchar(cell as string);
    case 'DOUBLE':
      return appender.appendDouble(cell as number);
    case 'BIGINT':
      return appender.appendBigInt(cell as bigint);
    case 'BOOLEAN':
      return appender.appendBoolean(cell as boolean);
    case 'TIMESTAMPTZ':
      return appender.appendTimestampTZ(new DuckDBTimestampTZValue(cell as bigint));
  }
}

/** Turns a DuckDB JS value into plain data: safe bigints become numbers, timestamps ISO strings. */
function plain(value: unknown, json: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (json && typeof value === 'string') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item) => plain(item, false));
  if (typeof value === 'object' && value.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = plain(item, false);
    return out;
  }
  return value;
}

// Encoding and appending a batch is synchronous work; giving the event loop a turn every so many
// records keeps the host's latency low while a large batch is written.
const YIELD_EVERY = 128;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Staged {
  table: StoreTable;
  rows: Map<string, StoreCell[]>;
}

/**
 * The embedded DuckDB trace store: tables `sessions`, `timesteps`, `events`, `messages`, and views
 * `model_usage`, `session_summaries`, `errors`, `latency_percentiles`. Each `write` is one transaction.
 *
 * @example
 * const store = await TraceStore.open('traces/traces.duckdb', { readOnly: true });
 * for (const s of await store.listSessions({ limit: 10 })) console.log(s.session_id, s.cost_usd);
 * const session = await store.loadSession('ep-1');
 * const rows = await store.query('SELECT * FROM model_usage WHERE provider = ?', ['openai']);
 * await store.close();
 */
export class TraceStore {
  /** The absolute path of the file (or `:memory:`). */
  readonly path: string;
  /** True when opened with `{ readOnly: true }`. */
  readonly readOnly: boolean;
  private readonly connection: DuckDBConnection;
  private readonly shared: SharedInstance;
  private readonly lock = new AsyncLock();
  private readonly appenders = new Map<string, DuckDBAppender>();
  private staged = false;
  private closed = false;

  private constructor(path: string, readOnly: boolean, connection: DuckDBConnection, shared: SharedInstance) {
    this.path = path;
    this.readOnly = readOnly;
    this.connection = connection;
    this.shared = shared;
  }

  /**
   * Opens (and, unless read-only, creates) the store at `path`, default `defaultStorePath()`.
   * Throws an `AgentTraceError` with code `E_STORE_LOCKED` (naming the holding process) when another
   * process has the file open, and `E_STORE_NOT_FOUND` when a read-only store does not exist.
   */
  static async open(path: string = defaultStorePath(), options: TraceStoreOptions = {}): Promise<TraceStore> {
    if (typeof path !== 'string' || path.length === 0) {
      throw new AgentTraceError('E_CONFIG', 'agent-trace: TraceStore.open(path) needs a file path, e.g. "traces/traces.duckdb".');
    }
    const readOnly = options.readOnly === true;
    const threads = options.threads ?? 2;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: TraceStore.open threads is ${String(threads)}; use a whole number >= 1.`);
    }
    const memory = path === ':memory:';
    const absolute = memory ? path : resolve(path);
    if (!memory) {
      if (readOnly && !existsSync(absolute)) {
        throw new AgentTraceError(
          'E_STORE_NOT_FOUND',
          `agent-trace: there is no trace store at ${absolute}; record traces with the DuckDB exporter (AGENT_TRACE_EXPORTERS=duckdb) or name the file with --db.`,
        );
      }
      if (!readOnly) mkdirSync(dirname(absolute), { recursive: true });
    }

    let shared = memory ? undefined : instances.get(absolute);
    if (shared !== undefined && shared.readOnly && !readOnly) {
      throw new AgentTraceError(
        'E_USAGE',
        `agent-trace: ${absolute} is open read-only in this process; close that TraceStore before writing to the file.`,
      );
    }
    if (shared === undefined) {
      const config: Record<string, string> = { threads: String(threads) };
      if (readOnly) config.access_mode = 'READ_ONLY';
      const created: SharedInstance = { opening: DuckDBInstance.create(absolute, config), readOnly, refs: 0, nextSeq: -1n };
      shared = created;
      if (!memory) instances.set(absolute, created);
      created.opening.catch(() => {
        if (instances.get(absolute) === created) instances.delete(absolute);
      });
    }
    shared.refs++;
    let connection: DuckDBConnection | undefined;
    try {
      const instance = await shared.opening;
      connection = await instance.connect();
      const store = new TraceStore(absolute, readOnly, connection, shared);
      if (!shared.readOnly) await store.prepareSchema();
      return store;
    } catch (error) {
      connection?.closeSync();
      await releaseShared(absolute, shared);
      throw error instanceof AgentTraceError ? error : openError(absolute, error);
    }
  }

  private async prepareSchema(): Promise<void> {
    const version = await this.connection
      .runAndReadAll(`SELECT value FROM duckdb_tables() t, agent_trace_meta m WHERE t.table_name = 'agent_trace_meta' AND m.key = 'layout_version'`)
      .then((r) => r.getRowObjectsJS()[0]?.value as string | undefined)
      .catch(() => undefined);
    if (version !== undefined && Number(version) > STORE_LAYOUT_VERSION) {
      throw new AgentTraceError(
        'E_STORE_VERSION',
        `agent-trace: ${this.path} was written by a newer agent-trace (layout ${version}, this one reads ${STORE_LAYOUT_VERSION}); upgrade agent-trace.`,
      );
    }
    if (version === undefined) {
      await this.connection.run('BEGIN TRANSACTION');
      for (const sql of createTablesSql()) await this.connection.run(sql);
      for (const sql of VIEWS_SQL) await this.connection.run(sql);
      await this.connection.run(`INSERT OR REPLACE INTO agent_trace_meta VALUES ('layout_version', '${STORE_LAYOUT_VERSION}')`);
      await this.connection.run('COMMIT');
    }
    if (this.shared.nextSeq < 0n) {
      const union = STORE_TABLES.map((t) => `SELECT max(seq) AS m FROM ${t.name}`).join(' UNION ALL ');
      const max = (await this.connection.runAndReadAll(`SELECT coalesce(max(m), 0) AS m FROM (${union})`)).getRowObjectsJS()[0]?.m;
      this.shared.nextSeq = BigInt((max as bigint | number | undefined) ?? 0) + 1n;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AgentTraceError('E_USAGE', 'agent-trace: this TraceStore is closed; open it again with TraceStore.open().');
  }

  /**
   * Writes records in one transaction: all of them are committed, or (on error) none. Records that
   * arrive twice replace the earlier copy; an event of an unknown session creates a placeholder
   * session row that its session record completes.
   */
  async write(records: readonly TraceRecord[]): Promise<WriteResult> {
    this.assertOpen();
    if (this.readOnly) throw new AgentTraceError('E_USAGE', `agent-trace: ${this.path} was opened read-only; open it without { readOnly: true } to write.`);
    return this.lock.acquire('db', async () => {
      this.assertOpen();
      const { staged, skipped } = await this.stage(records);
      let rows = 0;
      for (const s of staged) rows += s.rows.size;
      if (rows === 0) return { rows, skipped };
      if (!this.staged) {
        for (const sql of createStagingSql()) await this.connection.run(sql);
        this.staged = true;
      }
      try {
        await this.transaction(staged, false);
      } catch (error) {
        // Records that are already stored (a batch sent twice) fail the fast plain INSERT; replace them instead.
        if (!/constraint|duplicate key/i.test(String((error as Error)?.message))) throw error;
        await this.transaction(staged, true);
      }
      return { rows, skipped };
    });
  }

  private async transaction(staged: Staged[], replace: boolean): Promise<void> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      for (const { table, rows: tableRows } of staged) {
        if (tableRows.size === 0) continue;
        const appender = await this.appender(table);
        let appended = 0;
        for (const row of tableRows.values()) {
          for (let i = 0; i < row.length; i++) appendCell(appender, table.columns[i].type, row[i]);
          appender.endRow();
          if (++appended % YIELD_EVERY === 0) {
            appender.flushSync();
            await yieldToLoop();
          }
        }
        appender.flushSync();
        for (const sql of mergeSql(table, replace, tableRows)) await this.connection.run(sql);
        await this.connection.run(`DELETE FROM stage_${table.name}`);
      }
      await this.connection.run('COMMIT');
    } catch (error) {
      for (const appender of this.appenders.values()) {
        try {
          appender.clear();
          appender.closeSync();
        } catch {
          // The appender is discarded either way.
        }
      }
      this.appenders.clear();
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async appender(table: StoreTable): Promise<DuckDBAppender> {
    let appender = this.appenders.get(table.name);
    if (appender === undefined) {
      appender = await this.connection.createAppender(`stage_${table.name}`, 'main', 'temp');
      this.appenders.set(table.name, appender);
    }
    return appender;
  }

  private async stage(records: readonly TraceRecord[]): Promise<{ staged: Staged[]; skipped: number }> {
    const sessions: Staged = { table: SESSIONS_TABLE, rows: new Map() };
    const timesteps: Staged = { table: TIMESTEPS_TABLE, rows: new Map() };
    const events: Staged = { table: EVENTS_TABLE, rows: new Map() };
    const messages: Staged = { table: MESSAGES_TABLE, rows: new Map() };
    const placeholders = new Map<string, { seq: bigint; createdAt: string | null }>();
    let skipped = 0;
    const nextSeq = () => this.shared.nextSeq++;
    const seen = (sessionId: string, at: unknown) => {
      const createdAt = typeof at === 'string' ? at : null;
      const known = placeholders.get(sessionId);
      if (known === undefined) placeholders.set(sessionId, { seq: nextSeq(), createdAt });
      else if (createdAt !== null && (known.createdAt === null || Date.parse(createdAt) < Date.parse(known.createdAt))) known.createdAt = createdAt;
    };
    const addEvent = (sessionId: string, stepId: string | null, event: Record<string, unknown>) => {
      const expected = EVENT_FIELDS[event.event_type as string] ?? EVENT_FIELDS.other;
      events.rows.set(String(event.event_id), encodeRow(EVENTS_TABLE, event, expected, { seq: nextSeq(), session_id: sessionId, step_id: stepId }));
      seen(sessionId, event.started_at);
    };
    const addMessage = (sessionId: string, stepId: string | null, message: Record<string, unknown>) => {
      messages.rows.set(String(message.message_id), encodeRow(MESSAGES_TABLE, message, OBJECT_FIELDS.messages, { seq: nextSeq(), session_id: sessionId, step_id: stepId }));
      seen(sessionId, null);
    };
    const addTimestep = (sessionId: string, step: Record<string, unknown>) => {
      const row = encodeRow(TIMESTEPS_TABLE, step, OBJECT_FIELDS.timesteps, { seq: nextSeq(), session_id: sessionId, step_id: null }, ['events', 'markov_blanket_messages']);
      timesteps.rows.set(`${sessionId}\u0000${String(step.step_id)}`, row);
      seen(sessionId, step.timestamp);
      // A timestep that carries its events (not what the tracer sends, but a whole exported trace does).
      for (const event of asList(step.events)) addEvent(sessionId, String(step.step_id), event);
      for (const message of asList(step.markov_blanket_messages)) addMessage(sessionId, String(step.step_id), message);
    };

    for (let index = 0; index < records.length; index++) {
      const record = records[index];
      if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
      try {
        switch (record?.record_type) {
          case 'event':
            requireId(record.event?.event_id, 'event.event_id');
            addEvent(requireId(record.session_id, 'session_id'), record.step_id ?? null, record.event as unknown as Record<string, unknown>);
            break;
          case 'message':
            requireId(record.message?.message_id, 'message.message_id');
            addMessage(requireId(record.session_id, 'session_id'), record.step_id ?? null, record.message as unknown as Record<string, unknown>);
            break;
          case 'timestep':
            requireId(record.timestep?.step_id, 'timestep.step_id');
            addTimestep(requireId(record.session_id, 'session_id'), record.timestep as unknown as Record<string, unknown>);
            break;
          case 'session': {
            const session = record.session as unknown as Record<string, unknown>;
            const sessionId = requireId(session?.session_id, 'session.session_id');
            const stepOf = new Map<string, string>();
            for (const step of asList(session.session_time_steps)) {
              addTimestep(sessionId, step);
              for (const event of asList(step.events)) stepOf.set(String(event.event_id), String(step.step_id));
            }
            for (const event of asList(session.event_history)) {
              if (!stepOf.has(String(event.event_id))) addEvent(sessionId, null, event);
            }
            const inSteps = new Set(asList(session.session_time_steps).flatMap((s) => asList(s.markov_blanket_messages).map((m) => String(m.message_id))));
            for (const message of asList(session.markov_blanket_message_history)) {
              if (!inSteps.has(String(message.message_id))) addMessage(sessionId, null, message);
            }
            const row = encodeRow(SESSIONS_TABLE, session, OBJECT_FIELDS.sessions, { seq: nextSeq(), session_id: sessionId, step_id: null, complete: true }, [
              'session_time_steps',
              'event_history',
              'markov_blanket_message_history',
            ]);
            sessions.rows.set(sessionId, row);
            break;
          }
          default:
            throw new Error(`unknown record_type ${JSON.stringify((record as { record_type?: unknown })?.record_type)}`);
        }
      } catch (error) {
        skipped++;
        reportDiagnostic('duckdb-record-skipped', `agent-trace: the DuckDB store skipped a malformed record: ${error instanceof Error ? error.message : String(error)}`, error);
      }
    }
    for (const [sessionId, { seq, createdAt }] of placeholders) {
      if (sessions.rows.has(sessionId)) continue;
      const placeholder = { session_id: sessionId, created_at: createdAt, ended_at: null, metadata: {} };
      sessions.rows.set(sessionId, encodeRow(SESSIONS_TABLE, placeholder, [], { seq, session_id: sessionId, step_id: null, complete: false }));
    }
    return { staged: [sessions, timesteps, events, messages], skipped };
  }

  /**
   * The records stored for one session (or all), in the order they were written: what
   * `loadSession` assembles, and what a JSONL export of records holds.
   */
  async loadRecords(sessionId?: string): Promise<TraceRecord[]> {
    this.assertOpen();
    return this.lock.acquire('db', async () => {
      const withSeq: Array<{ seq: bigint; record: TraceRecord }> = [];
      const read = async (table: StoreTable) => {
        const where = sessionId === undefined ? '' : ' WHERE session_id = $1';
        const reader = await this.connection.runAndReadAll(`SELECT * FROM ${table.name}${where}`, sessionId === undefined ? undefined : [sessionId]);
        return reader.getRowObjects() as Record<string, unknown>[];
      };
      for (const row of await read(SESSIONS_TABLE)) {
        if (row.complete !== true) continue;
        const session = decodeRow(SESSIONS_TABLE, row, OBJECT_FIELDS.sessions);
        Object.assign(session, { session_time_steps: [], event_history: [], markov_blanket_message_history: [] });
        withSeq.push({ seq: row.seq as bigint, record: { record_type: 'session', session: session as never } });
      }
      for (const row of await read(TIMESTEPS_TABLE)) {
        const timestep = decodeRow(TIMESTEPS_TABLE, row, OBJECT_FIELDS.timesteps);
        Object.assign(timestep, { events: [], markov_blanket_messages: [] });
        withSeq.push({ seq: row.seq as bigint, record: { record_type: 'timestep', session_id: row.session_id as string, timestep: timestep as never } });
      }
      for (const row of await read(EVENTS_TABLE)) {
        const expected = EVENT_FIELDS[row.event_type as string] ?? EVENT_FIELDS.other;
        const event = decodeRow(EVENTS_TABLE, row, expected);
        withSeq.push({ seq: row.seq as bigint, record: { record_type: 'event', session_id: row.session_id as string, step_id: (row.step_id as string | null) ?? null, event: event as never } });
      }
      for (const row of await read(MESSAGES_TABLE)) {
        const message = decodeRow(MESSAGES_TABLE, row, OBJECT_FIELDS.messages);
        withSeq.push({ seq: row.seq as bigint, record: { record_type: 'message', session_id: row.session_id as string, step_id: (row.step_id as string | null) ?? null, message: message as never } });
      }
      withSeq.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
      return withSeq.map((entry) => entry.record);
    });
  }

  /**
   * The session as a `SessionTrace`, equal to the one assembled from the records that were written;
   * null when the store has nothing of it. A session still running (no session record yet) comes back
   * with what has arrived so far.
   */
  async loadSession(sessionId: string): Promise<SessionTrace | null> {
    if (typeof sessionId !== 'string' || sessionId.length === 0) {
      throw new AgentTraceError('E_USAGE', 'agent-trace: loadSession(id) needs a session id; listSessions() shows them.');
    }
    const records = await this.loadRecords(sessionId);
    if (records.length === 0) return null;
    return assembleSessions(records).find((s) => s.session_id === sessionId) ?? null;
  }

  /** The most recent sessions first (by start), with their totals from the `session_summaries` view. */
  async listSessions(options: { limit?: number; offset?: number } = {}): Promise<SessionSummary[]> {
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
      throw new AgentTraceError('E_USAGE', `agent-trace: listSessions({ limit, offset }) takes whole numbers >= 0; got limit ${String(limit)}, offset ${String(offset)}.`);
    }
    const rows = await this.query(`SELECT * FROM session_summaries ORDER BY created_at DESC NULLS LAST, session_id LIMIT ${limit} OFFSET ${offset}`);
    return rows as unknown as SessionSummary[];
  }

  /**
   * Runs SQL (with `?` or `$1` parameters) and returns rows as plain objects: safe integers as numbers,
   * timestamps as ISO strings, JSON columns parsed.
   */
  async query(sql: string, params?: readonly unknown[] | Record<string, unknown>): Promise<Record<string, unknown>[]> {
    this.assertOpen();
    if (typeof sql !== 'string' || sql.trim() === '') throw new AgentTraceError('E_USAGE', 'agent-trace: query(sql) needs an SQL string.');
    return this.lock.acquire('db', async () => {
      const values = params === undefined ? undefined : Array.isArray(params) ? [...params] : { ...params };
      const reader = await this.connection.runAndReadAll(sql, values as DuckDBValue[] | Record<string, DuckDBValue> | undefined);
      const names = reader.deduplicatedColumnNames();
      const json = names.map((_, i) => {
        try {
          return reader.columnLogicalType(i).alias === 'JSON';
        } catch {
          return false;
        }
      });
      const columns = reader.getColumnsJS();
      const rows: Record<string, unknown>[] = [];
      for (let r = 0; r < reader.currentRowCount; r++) {
        const row: Record<string, unknown> = {};
        for (let c = 0; c < names.length; c++) row[names[c]] = plain(columns[c][r], json[c]);
        rows.push(row);
      }
      return rows;
    });
  }

  /** Runs SQL for its effect (e.g. `COPY ... TO 'x.parquet'`), serialised with the store's other work. */
  async execute(sql: string, params?: readonly unknown[]): Promise<void> {
    this.assertOpen();
    await this.lock.acquire('db', async () => {
      await this.connection.run(sql, params === undefined ? undefined : ([...params] as DuckDBValue[]));
    });
  }

  /** Waits for running work, then closes the connection (and the file, once no store of this process uses it). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.lock.acquire('db', async () => {
      if (this.closed) return;
      this.closed = true;
      for (const appender of this.appenders.values()) {
        try {
          appender.closeSync();
        } catch {
          // Nothing is buffered between writes; a failing close loses nothing.
        }
      }
      this.appenders.clear();
      this.connection.closeSync();
      await releaseShared(this.path, this.shared);
    });
  }
}

async function releaseShared(path: string, shared: SharedInstance): Promise<void> {
  shared.refs--;
  if (shared.refs > 0) return;
  if (instances.get(path) === shared) instances.delete(path);
  try {
    const instance = await shared.opening;
    instance.closeSync();
  } catch {
    // It never opened: nothing to close.
  }
}

const COMPLETE_COLUMN = SESSIONS_TABLE.columns.findIndex((c) => c.context === 'complete');

function mergeSql(table: StoreTable, replace: boolean, rows: Map<string, StoreCell[]>): string[] {
  if (table.name === 'sessions') {
    let complete = 0;
    for (const row of rows.values()) if (row[COMPLETE_COLUMN] === true) complete++;
    const sql: string[] = [];
    // Placeholders never overwrite a completed session; a session record always does.
    if (complete < rows.size) {
      sql.push(`INSERT INTO sessions SELECT * FROM stage_sessions WHERE NOT complete
         ON CONFLICT (session_id) DO UPDATE SET created_at = least(sessions.created_at, excluded.created_at)
         WHERE NOT sessions.complete`);
    }
    if (complete > 0) sql.push('INSERT OR REPLACE INTO sessions SELECT * FROM stage_sessions WHERE complete');
    return sql;
  }
  // A plain INSERT is several times faster than INSERT OR REPLACE; duplicates are rare and retried with it.
  return [`INSERT ${replace ? 'OR REPLACE ' : ''}INTO ${table.name} SELECT * FROM stage_${table.name}`];
}

function requireId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${what} is missing`);
  return value;
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as Record<string, unknown>[]) : [];
}
