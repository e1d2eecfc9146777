var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i = decorators.length - 1, decorator5; i >= 0; i--)
    if (decorator5 = decorators[i])
      result = (kind ? decorator5(target, key, result) : decorator5(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};

// src/diagnostics.ts
import diagnosticsChannel from "node:diagnostics_channel";
function reportDiagnostic(code, message, error) {
  try {
    const diagnostic = { code, message, error };
    if (channel.hasSubscribers) channel.publish(diagnostic);
    if (process.env.AGENT_TRACE_DEBUG === "1" && printed++ < 1e3) {
      process.stderr.write(`agent-trace [${code}] ${message}${error instanceof Error ? `: ${error.stack ?? error.message}` : ""}
`);
    }
  } catch {
  }
}
function onDiagnostic(listener) {
  const handler = (message) => listener(message);
  diagnosticsChannel.subscribe(DIAGNOSTICS_CHANNEL, handler);
  return () => {
    diagnosticsChannel.unsubscribe(DIAGNOSTICS_CHANNEL, handler);
  };
}
var DIAGNOSTICS_CHANNEL, channel, printed;
var init_diagnostics = __esm({
  "src/diagnostics.ts"() {
    DIAGNOSTICS_CHANNEL = "agent-trace:diagnostics";
    channel = diagnosticsChannel.channel(DIAGNOSTICS_CHANNEL);
    printed = 0;
  }
});

// src/errors.ts
var AgentTraceError;
var init_errors = __esm({
  "src/errors.ts"() {
    AgentTraceError = class extends Error {
      constructor(code, message) {
        super(message.startsWith("agent-trace:") ? message : `agent-trace: ${message}`);
        this.name = "AgentTraceError";
        this.code = code;
      }
    };
  }
});

// src/model/clock.ts
import { performance } from "node:perf_hooks";
function toEpochMs(monotonicMs) {
  return origin + monotonicMs;
}
function toIso(monotonicMs) {
  return new Date(origin + monotonicMs).toISOString();
}
var origin, now;
var init_clock = __esm({
  "src/model/clock.ts"() {
    origin = performance.timeOrigin;
    now = performance.now.bind(performance);
  }
});

// src/runtime.ts
var KEY, holder, runtime;
var init_runtime = __esm({
  "src/runtime.ts"() {
    KEY = /* @__PURE__ */ Symbol.for("agent-trace.runtime.v1");
    holder = globalThis;
    runtime = holder[KEY] ??= {
      config: void 0,
      enabled: true,
      storage: void 0,
      tracers: [],
      defaultTracer: void 0,
      bridge: void 0
    };
  }
});

// src/configure.ts
function parseBoolean(name, raw) {
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new AgentTraceError("E_CONFIG", `agent-trace: ${name}=${JSON.stringify(raw)} is not a boolean; use true or false.`);
}
function parseNumber(name, raw) {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value)) {
    throw new AgentTraceError("E_CONFIG", `agent-trace: ${name}=${JSON.stringify(raw)} is not a number.`);
  }
  return value;
}
function validate(config, source) {
  const fail2 = (field, allowed) => {
    throw new AgentTraceError(
      "E_CONFIG",
      `agent-trace: ${source(field)} is ${JSON.stringify(config[field])}; allowed: ${allowed}.`
    );
  };
  if (!MODES.includes(config.mode)) fail2("mode", MODES.join(", "));
  if (!Array.isArray(config.exporters) || config.exporters.some((name) => !EXPORTERS.includes(name))) {
    fail2("exporters", `a list of ${EXPORTERS.join(", ")}`);
  }
  if (typeof config.dir !== "string" || config.dir.length === 0) fail2("dir", "a non-empty directory path");
  if (typeof config.maskPii !== "boolean") fail2("maskPii", "true or false");
  if (!Number.isInteger(config.maxPayloadBytes) || config.maxPayloadBytes < 64) {
    fail2("maxPayloadBytes", "a whole number of bytes, at least 64");
  }
  if (typeof config.sampleRate !== "number" || !(config.sampleRate >= 0 && config.sampleRate <= 1)) {
    fail2("sampleRate", "a number from 0 to 1");
  }
  if (typeof config.captureContent !== "boolean") fail2("captureContent", "true or false");
  if (typeof config.enabled !== "boolean") fail2("enabled", "true or false");
  return config;
}
function configFromEnv(env = process.env) {
  const config = { ...DEFAULT_CONFIG, exporters: [...DEFAULT_CONFIG.exporters] };
  const used = {};
  const read = (field, ...names) => {
    for (const name of names) {
      const value = env[name];
      if (value !== void 0 && value !== "") {
        used[field] = name;
        return value;
      }
    }
    return void 0;
  };
  const mode = read("mode", "AGENT_TRACE_MODE", "SYNTH_TRACING_MODE");
  if (mode !== void 0) config.mode = mode.trim().toLowerCase();
  const exporters = read("exporters", "AGENT_TRACE_EXPORTERS");
  if (exporters !== void 0) {
    config.exporters = exporters.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  }
  const dir = read("dir", "AGENT_TRACE_DIR");
  if (dir !== void 0) config.dir = dir;
  const maskPii = read("maskPii", "AGENT_TRACE_MASK_PII", "SYNTH_MASK_PII");
  if (maskPii !== void 0) config.maskPii = parseBoolean(used.maskPii, maskPii);
  const maxBytes = read("maxPayloadBytes", "AGENT_TRACE_MAX_PAYLOAD_BYTES", "SYNTH_MAX_PAYLOAD_BYTES");
  if (maxBytes !== void 0) config.maxPayloadBytes = parseNumber(used.maxPayloadBytes, maxBytes);
  const sampleRate = read("sampleRate", "AGENT_TRACE_SAMPLE_RATE");
  if (sampleRate !== void 0) config.sampleRate = parseNumber(used.sampleRate, sampleRate);
  const capture2 = read("captureContent", "AGENT_TRACE_CAPTURE_CONTENT");
  if (capture2 !== void 0) config.captureContent = parseBoolean(used.captureContent, capture2);
  const tracingEnabled = read("enabled", "TRACING_ENABLED");
  if (tracingEnabled !== void 0 && !parseBoolean(used.enabled, tracingEnabled)) config.mode = "disabled";
  return validate(config, (field) => `${used[field] ?? ENV_NAMES[field]}`);
}
function configure(options) {
  if (typeof options !== "object" || options === null) {
    throw new AgentTraceError("E_CONFIG", "agent-trace: configure() takes an options object, e.g. configure({ enabled: false }).");
  }
  const known = Object.keys(DEFAULT_CONFIG);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: configure() has no option "${key}"; known options: ${known.join(", ")}.`);
    }
  }
  const next = validate({ ...runtime.config, ...options }, (field) => `configure({ ${field} })`);
  runtime.config = next;
  runtime.enabled = next.enabled && next.mode !== "disabled";
  return next;
}
function getConfig() {
  return runtime.config;
}
var MODES, EXPORTERS, DEFAULT_CONFIG, ENV_NAMES;
var init_configure = __esm({
  "src/configure.ts"() {
    init_errors();
    init_runtime();
    MODES = ["events", "otel", "dual", "disabled"];
    EXPORTERS = ["console", "jsonl", "duckdb", "otlp", "http", "none"];
    DEFAULT_CONFIG = Object.freeze({
      mode: "events",
      exporters: ["jsonl"],
      dir: "./traces",
      maskPii: true,
      maxPayloadBytes: 10240,
      sampleRate: 1,
      captureContent: true,
      enabled: true
    });
    ENV_NAMES = {
      mode: "AGENT_TRACE_MODE",
      exporters: "AGENT_TRACE_EXPORTERS",
      dir: "AGENT_TRACE_DIR",
      maskPii: "AGENT_TRACE_MASK_PII",
      maxPayloadBytes: "AGENT_TRACE_MAX_PAYLOAD_BYTES",
      sampleRate: "AGENT_TRACE_SAMPLE_RATE",
      captureContent: "AGENT_TRACE_CAPTURE_CONTENT",
      enabled: "TRACING_ENABLED"
    };
    if (runtime.config === void 0) {
      runtime.config = configFromEnv();
      runtime.enabled = runtime.config.enabled && runtime.config.mode !== "disabled";
    }
  }
});

// src/model/events.ts
var SCHEMA_VERSION;
var init_events = __esm({
  "src/model/events.ts"() {
    SCHEMA_VERSION = "3.0";
  }
});

// src/model/assemble-sessions.ts
function assembleSessions(records) {
  const bySession = /* @__PURE__ */ new Map();
  const parts = (id) => {
    let found = bySession.get(id);
    if (found === void 0) bySession.set(id, found = { session: void 0, steps: /* @__PURE__ */ new Map(), events: [], messages: [] });
    return found;
  };
  for (const record of records) {
    switch (record.record_type) {
      case "session":
        parts(record.session.session_id).session = record.session;
        break;
      case "timestep":
        parts(record.session_id).steps.set(record.timestep.step_id, record.timestep);
        break;
      case "event":
        parts(record.session_id).events.push({ step_id: record.step_id, event: record.event });
        break;
      case "message":
        parts(record.session_id).messages.push({ step_id: record.step_id, message: record.message });
        break;
    }
  }
  const sessions = [];
  for (const [id, { session, steps, events, messages }] of bySession) {
    const timesteps = /* @__PURE__ */ new Map();
    for (const [stepId2, step] of steps) timesteps.set(stepId2, { ...step, events: [], markov_blanket_messages: [] });
    const stepFor = (stepId2, at) => {
      if (stepId2 === null) return void 0;
      let step = timesteps.get(stepId2);
      if (step === void 0) {
        step = { schema_version: SCHEMA_VERSION, step_id: stepId2, step_index: -1, timestamp: at, turn_number: null, events: [], markov_blanket_messages: [], step_metadata: { incomplete: true }, completed_at: null };
        timesteps.set(stepId2, step);
      }
      return step;
    };
    events.sort((a, b) => byStart(a.event, b.event));
    for (const { step_id, event } of events) stepFor(step_id, event.started_at)?.events.push(event);
    for (const { step_id, message } of messages) stepFor(step_id, new Date(message.time_record.event_time * 1e3).toISOString())?.markov_blanket_messages.push(message);
    const ordered = [...timesteps.values()].sort((a, b) => a.step_index - b.step_index || (a.timestamp < b.timestamp ? -1 : 1));
    const base = session ?? {
      schema_version: SCHEMA_VERSION,
      session_id: id,
      created_at: events[0]?.event.started_at ?? ordered[0]?.timestamp ?? (/* @__PURE__ */ new Date(0)).toISOString(),
      ended_at: null,
      session_time_steps: [],
      event_history: [],
      markov_blanket_message_history: [],
      metadata: { incomplete: true }
    };
    sessions.push({
      ...base,
      session_time_steps: ordered,
      event_history: events.map((e) => e.event),
      markov_blanket_message_history: messages.map((m) => m.message)
    });
  }
  return sessions.sort((a, b) => a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0);
}
var byStart;
var init_assemble_sessions = __esm({
  "src/model/assemble-sessions.ts"() {
    init_events();
    byStart = (a, b) => a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0;
  }
});

// src/export/duckdb-schema.ts
function createTable(table, temp) {
  const columns = table.columns.map((c) => `${c.name} ${c.type}`);
  if (!temp) columns.push(`PRIMARY KEY (${table.key.join(", ")})`);
  return `CREATE ${temp ? "TEMP TABLE" : "TABLE"} IF NOT EXISTS ${temp ? `stage_${table.name}` : table.name} (${columns.join(", ")})`;
}
function createTablesSql() {
  return [
    "CREATE TABLE IF NOT EXISTS agent_trace_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    ...STORE_TABLES.map((t) => createTable(t, false))
  ];
}
function createStagingSql() {
  return STORE_TABLES.map((t) => createTable(t, true));
}
var STORE_LAYOUT_VERSION, obj, seq, extra, sessionId, stepId, f, SESSIONS_TABLE, TIMESTEPS_TABLE, EVENTS_TABLE, MESSAGES_TABLE, STORE_TABLES, BASE_EVENT_FIELDS, EVENT_FIELDS, OBJECT_FIELDS, TOKENS, VIEWS_SQL;
var init_duckdb_schema = __esm({
  "src/export/duckdb-schema.ts"() {
    STORE_LAYOUT_VERSION = 1;
    obj = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
    seq = { name: "seq", type: "BIGINT", context: "seq" };
    extra = { name: "extra", type: "JSON", context: "extra" };
    sessionId = { name: "session_id", type: "VARCHAR", context: "session_id" };
    stepId = { name: "step_id", type: "VARCHAR", context: "step_id" };
    f = (name, type) => ({ name, type, field: name });
    SESSIONS_TABLE = {
      name: "sessions",
      key: ["session_id"],
      columns: [
        seq,
        { name: "session_id", type: "VARCHAR", field: "session_id" },
        { name: "complete", type: "BOOLEAN", context: "complete" },
        f("schema_version", "VARCHAR"),
        f("created_at", "TIMESTAMPTZ"),
        f("ended_at", "TIMESTAMPTZ"),
        f("metadata", "JSON"),
        extra
      ]
    };
    TIMESTEPS_TABLE = {
      name: "timesteps",
      key: ["session_id", "step_id"],
      columns: [
        seq,
        sessionId,
        { name: "step_id", type: "VARCHAR", field: "step_id" },
        f("schema_version", "VARCHAR"),
        f("step_index", "BIGINT"),
        f("timestamp", "TIMESTAMPTZ"),
        f("turn_number", "BIGINT"),
        f("step_metadata", "JSON"),
        f("completed_at", "TIMESTAMPTZ"),
        extra
      ]
    };
    EVENTS_TABLE = {
      name: "events",
      key: ["event_id"],
      columns: [
        seq,
        { name: "event_id", type: "VARCHAR", field: "event_id" },
        sessionId,
        stepId,
        f("schema_version", "VARCHAR"),
        f("event_type", "VARCHAR"),
        f("name", "VARCHAR"),
        f("system_instance_id", "VARCHAR"),
        f("time_record", "JSON"),
        { name: "event_time", type: "DOUBLE", derive: (e) => obj(e.time_record)?.event_time },
        { name: "message_time", type: "DOUBLE", derive: (e) => obj(e.time_record)?.message_time },
        f("trace_id", "VARCHAR"),
        f("span_id", "VARCHAR"),
        f("parent_span_id", "VARCHAR"),
        f("started_at", "TIMESTAMPTZ"),
        f("ended_at", "TIMESTAMPTZ"),
        f("duration_ms", "DOUBLE"),
        f("status", "VARCHAR"),
        f("error", "JSON"),
        { name: "error_type", type: "VARCHAR", derive: (e) => obj(e.error)?.type },
        { name: "error_message", type: "VARCHAR", derive: (e) => obj(e.error)?.message },
        f("input", "JSON"),
        f("output", "JSON"),
        f("metadata", "JSON"),
        f("model_name", "VARCHAR"),
        f("provider", "VARCHAR"),
        f("input_tokens", "BIGINT"),
        f("output_tokens", "BIGINT"),
        f("total_tokens", "BIGINT"),
        f("cost_usd", "DOUBLE"),
        f("latency_ms", "DOUBLE"),
        f("call_records", "JSON"),
        f("reward", "DOUBLE"),
        f("terminated", "BOOLEAN"),
        f("truncated", "BOOLEAN"),
        f("system_state_before", "JSON"),
        f("system_state_after", "JSON"),
        f("actions", "JSON"),
        f("span_kind", "VARCHAR"),
        extra
      ]
    };
    MESSAGES_TABLE = {
      name: "messages",
      key: ["message_id"],
      columns: [
        seq,
        { name: "message_id", type: "VARCHAR", field: "message_id" },
        sessionId,
        stepId,
        f("schema_version", "VARCHAR"),
        f("message_type", "VARCHAR"),
        f("content", "JSON"),
        { name: "content_text", type: "VARCHAR", derive: (m) => obj(m.content)?.text },
        f("time_record", "JSON"),
        { name: "event_time", type: "DOUBLE", derive: (m) => obj(m.time_record)?.event_time },
        { name: "message_time", type: "DOUBLE", derive: (m) => obj(m.time_record)?.message_time },
        f("metadata", "JSON"),
        { name: "from_system_instance_id", type: "VARCHAR", derive: (m) => obj(m.metadata)?.from_system_instance_id },
        { name: "to_system_instance_id", type: "VARCHAR", derive: (m) => obj(m.metadata)?.to_system_instance_id },
        extra
      ]
    };
    STORE_TABLES = [SESSIONS_TABLE, TIMESTEPS_TABLE, EVENTS_TABLE, MESSAGES_TABLE];
    BASE_EVENT_FIELDS = [
      "schema_version",
      "event_type",
      "event_id",
      "name",
      "system_instance_id",
      "time_record",
      "trace_id",
      "span_id",
      "parent_span_id",
      "started_at",
      "ended_at",
      "duration_ms",
      "status",
      "error",
      "input",
      "output",
      "metadata"
    ];
    EVENT_FIELDS = {
      cais: [...BASE_EVENT_FIELDS, "model_name", "provider", "input_tokens", "output_tokens", "total_tokens", "cost_usd", "latency_ms", "system_state_before", "system_state_after", "call_records"],
      environment: [...BASE_EVENT_FIELDS, "reward", "terminated", "truncated", "system_state_before", "system_state_after"],
      runtime: [...BASE_EVENT_FIELDS, "actions"],
      span: [...BASE_EVENT_FIELDS, "span_kind"],
      other: BASE_EVENT_FIELDS
    };
    OBJECT_FIELDS = {
      sessions: ["schema_version", "session_id", "created_at", "ended_at", "metadata"],
      timesteps: ["schema_version", "step_id", "step_index", "timestamp", "turn_number", "step_metadata", "completed_at"],
      messages: ["schema_version", "message_id", "content", "message_type", "time_record", "metadata"]
    };
    TOKENS = "coalesce(total_tokens, coalesce(input_tokens, 0) + coalesce(output_tokens, 0))";
    VIEWS_SQL = [
      `CREATE OR REPLACE VIEW model_usage AS
   SELECT coalesce(provider, 'unknown') AS provider,
          coalesce(model_name, 'unknown') AS model_name,
          count(*) AS calls,
          count(*) FILTER (WHERE status = 'error') AS errors,
          CAST(coalesce(sum(input_tokens), 0) AS BIGINT) AS input_tokens,
          CAST(coalesce(sum(output_tokens), 0) AS BIGINT) AS output_tokens,
          CAST(coalesce(sum(${TOKENS}), 0) AS BIGINT) AS total_tokens,
          coalesce(sum(cost_usd), 0) AS cost_usd,
          count(*) FILTER (WHERE cost_usd IS NULL) AS calls_without_cost,
          avg(latency_ms) AS avg_latency_ms
   FROM events WHERE event_type = 'cais'
   GROUP BY ALL`,
      `CREATE OR REPLACE VIEW session_summaries AS
   WITH ev AS (
     SELECT session_id,
            count(*) AS events,
            count(*) FILTER (WHERE event_type = 'cais') AS llm_calls,
            CAST(coalesce(sum(input_tokens) FILTER (WHERE event_type = 'cais'), 0) AS BIGINT) AS input_tokens,
            CAST(coalesce(sum(output_tokens) FILTER (WHERE event_type = 'cais'), 0) AS BIGINT) AS output_tokens,
            CAST(coalesce(sum(${TOKENS}) FILTER (WHERE event_type = 'cais'), 0) AS BIGINT) AS total_tokens,
            coalesce(sum(cost_usd) FILTER (WHERE event_type = 'cais'), 0) AS cost_usd,
            coalesce(sum(reward) FILTER (WHERE event_type = 'environment'), 0) AS total_reward,
            count(*) FILTER (WHERE status = 'error') AS errors,
            min(started_at) AS first_event_at,
            max(ended_at) AS last_event_at
     FROM events GROUP BY session_id),
   st AS (
     SELECT session_id, count(DISTINCT step_id) AS steps FROM (
       SELECT session_id, step_id FROM timesteps
       UNION ALL SELECT session_id, step_id FROM events WHERE step_id IS NOT NULL
       UNION ALL SELECT session_id, step_id FROM messages WHERE step_id IS NOT NULL)
     GROUP BY session_id),
   mc AS (SELECT session_id, count(*) AS messages FROM messages GROUP BY session_id)
   SELECT s.session_id, s.created_at, s.ended_at, s.complete,
          coalesce(st.steps, 0) AS steps,
          coalesce(ev.events, 0) AS events,
          coalesce(mc.messages, 0) AS messages,
          coalesce(ev.llm_calls, 0) AS llm_calls,
          coalesce(ev.input_tokens, 0) AS input_tokens,
          coalesce(ev.output_tokens, 0) AS output_tokens,
          coalesce(ev.total_tokens, 0) AS total_tokens,
          coalesce(ev.cost_usd, 0) AS cost_usd,
          coalesce(ev.total_reward, 0) AS total_reward,
          coalesce(ev.errors, 0) AS errors,
          (epoch_us(coalesce(s.ended_at, ev.last_event_at)) - epoch_us(s.created_at)) / 1000.0 AS duration_ms,
          s.metadata
   FROM sessions s
   LEFT JOIN ev USING (session_id)
   LEFT JOIN st USING (session_id)
   LEFT JOIN mc USING (session_id)`,
      `CREATE OR REPLACE VIEW errors AS
   SELECT session_id, step_id, event_id, event_type, name, system_instance_id, started_at, duration_ms,
          error_type, error_message, json_extract_string(error, '$.stack') AS error_stack,
          model_name, provider, parent_span_id
   FROM events WHERE status = 'error'`,
      `CREATE OR REPLACE VIEW latency_percentiles AS
   SELECT event_type, name,
          count(*) AS calls,
          quantile_cont(duration_ms, 0.5) AS p50_ms,
          quantile_cont(duration_ms, 0.9) AS p90_ms,
          quantile_cont(duration_ms, 0.99) AS p99_ms,
          avg(duration_ms) AS mean_ms,
          max(duration_ms) AS max_ms
   FROM events
   GROUP BY event_type, name`
    ];
  }
});

// src/export/duckdb-rows.ts
function toCell(type, value) {
  if (value === null || value === void 0) return NULL_CELL;
  switch (type) {
    case "VARCHAR":
      return typeof value === "string" ? { cell: value, exact: true } : { cell: null, exact: false };
    case "DOUBLE":
      return typeof value === "number" ? { cell: value, exact: true } : { cell: null, exact: false };
    case "BOOLEAN":
      return typeof value === "boolean" ? { cell: value, exact: true } : { cell: null, exact: false };
    case "BIGINT":
      return Number.isSafeInteger(value) ? { cell: BigInt(value), exact: true } : { cell: null, exact: false };
    case "TIMESTAMPTZ": {
      if (typeof value !== "string") return { cell: null, exact: false };
      const ms2 = Date.parse(value);
      if (Number.isNaN(ms2)) return { cell: null, exact: false };
      return { cell: BigInt(ms2) * 1000n, exact: new Date(ms2).toISOString() === value };
    }
    case "JSON":
      return { cell: JSON.stringify(value), exact: true };
  }
}
function fromCell(type, value) {
  if (value === null || value === void 0) return null;
  switch (type) {
    case "BIGINT":
      return Number(value);
    case "TIMESTAMPTZ":
      return new Date(Number(value.micros / 1000n)).toISOString();
    case "JSON":
      return JSON.parse(value);
    default:
      return value;
  }
}
function contextCell(column, context) {
  switch (column.context) {
    case "seq":
      return context.seq;
    case "session_id":
      return context.session_id;
    case "step_id":
      return context.step_id;
    case "complete":
      return context.complete ?? true;
    default:
      return null;
  }
}
function encodeRow(table, source, expected, context, skip = []) {
  const extra2 = {};
  const fields = {};
  const mapped = new Set(skip);
  const row = new Array(table.columns.length);
  let extraIndex = -1;
  for (let i = 0; i < table.columns.length; i++) {
    const column = table.columns[i];
    if (column.context !== void 0) {
      if (column.context === "extra") extraIndex = i;
      row[i] = contextCell(column, context);
    } else if (column.derive !== void 0) {
      row[i] = toCell(column.type, column.derive(source)).cell;
    } else if (column.field !== void 0) {
      const field = column.field;
      mapped.add(field);
      if (!Object.prototype.hasOwnProperty.call(source, field)) {
        row[i] = null;
        if (expected.includes(field)) (extra2.absent ??= []).push(field);
        continue;
      }
      const value = source[field];
      if (value === void 0) {
        row[i] = null;
        (extra2.undef ??= []).push(field);
        continue;
      }
      const converted = toCell(column.type, value);
      row[i] = converted.cell;
      if (!converted.exact || !expected.includes(field)) fields[field] = value;
    }
  }
  for (const key of Object.keys(source)) {
    if (mapped.has(key)) continue;
    const value = source[key];
    if (value === void 0) (extra2.undef ??= []).push(key);
    else fields[key] = value;
  }
  for (const _ in fields) {
    extra2.fields = fields;
    break;
  }
  if (extraIndex >= 0) row[extraIndex] = extra2.fields || extra2.absent || extra2.undef ? JSON.stringify(extra2) : null;
  return row;
}
function decodeRow(table, row, expected) {
  const target = {};
  let extra2 = null;
  for (const column of table.columns) {
    if (column.context === "extra") {
      const raw = row[column.name];
      if (typeof raw === "string") extra2 = JSON.parse(raw);
    } else if (column.field !== void 0) {
      const value = row[column.name];
      if (expected.includes(column.field) || value !== null && value !== void 0) {
        target[column.field] = fromCell(column.type, value);
      }
    }
  }
  if (extra2 !== null) {
    for (const key of extra2.absent ?? []) delete target[key];
    for (const key of extra2.undef ?? []) target[key] = void 0;
    if (extra2.fields) Object.assign(target, extra2.fields);
  }
  return target;
}
var NULL_CELL;
var init_duckdb_rows = __esm({
  "src/export/duckdb-rows.ts"() {
    NULL_CELL = { cell: null, exact: true };
  }
});

// src/export/duckdb-store.ts
import { existsSync, mkdirSync } from "node:fs";
import { dirname as dirname2, join as join2, resolve } from "node:path";
import AsyncLock2 from "async-lock";
import {
  DuckDBInstance,
  DuckDBTimestampTZValue
} from "@duckdb/node-api";
function defaultStorePath(env) {
  const dir = (env === void 0 ? runtime.config?.dir || process.env.AGENT_TRACE_DIR : env.AGENT_TRACE_DIR) || "./traces";
  return join2(dir, "traces.duckdb");
}
function openError(path, error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/could not set lock|conflicting lock/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    const program = /held in (.+?) \(PID/.exec(message)?.[1];
    const holderText = pid ? `process ${pid}${program ? ` (${program})` : ""}` : "another process";
    const locked = new AgentTraceError(
      "E_STORE_LOCKED",
      `agent-trace: the trace store ${path} is locked by ${holderText}; DuckDB lets one process at a time open a file. Stop that process (or wait until it calls tracer.shutdown()), or use another file (--db, AGENT_TRACE_DIR).`
    );
    locked.pid = pid ? Number(pid) : void 0;
    locked.cause = error;
    return locked;
  }
  const failed = new AgentTraceError("E_STORE_OPEN", `agent-trace: cannot open the trace store ${path}: ${message}`);
  failed.cause = error;
  return failed;
}
function appendCell(appender, type, cell) {
  if (cell === null) return appender.appendNull();
  switch (type) {
    case "VARCHAR":
    case "JSON":
      return appender.appendVarchar(cell);
    case "DOUBLE":
      return appender.appendDouble(cell);
    case "BIGINT":
      return appender.appendBigInt(cell);
    case "BOOLEAN":
      return appender.appendBoolean(cell);
    case "TIMESTAMPTZ":
      return appender.appendTimestampTZ(new DuckDBTimestampTZValue(cell));
  }
}
function plain2(value, json2) {
  if (value === null || value === void 0) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (json2 && typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((item) => plain2(item, false));
  if (typeof value === "object" && value.constructor === Object) {
    const out = {};
    for (const [key, item] of Object.entries(value)) out[key] = plain2(item, false);
    return out;
  }
  return value;
}
async function releaseShared(path, shared) {
  shared.refs--;
  if (shared.refs > 0) return;
  if (instances.get(path) === shared) instances.delete(path);
  try {
    const instance = await shared.opening;
    instance.closeSync();
  } catch {
  }
}
function mergeSql(table, replace, rows) {
  if (table.name === "sessions") {
    let complete = 0;
    for (const row of rows.values()) if (row[COMPLETE_COLUMN] === true) complete++;
    const sql = [];
    if (complete < rows.size) {
      sql.push(`INSERT INTO sessions SELECT * FROM stage_sessions WHERE NOT complete
         ON CONFLICT (session_id) DO UPDATE SET created_at = least(sessions.created_at, excluded.created_at)
         WHERE NOT sessions.complete`);
    }
    if (complete > 0) sql.push("INSERT OR REPLACE INTO sessions SELECT * FROM stage_sessions WHERE complete");
    return sql;
  }
  return [`INSERT ${replace ? "OR REPLACE " : ""}INTO ${table.name} SELECT * FROM stage_${table.name}`];
}
function requireId(value, what) {
  if (typeof value !== "string" || value.length === 0) throw new Error(`${what} is missing`);
  return value;
}
function asList(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];
}
var REGISTRY_KEY, holder2, instances, YIELD_EVERY, yieldToLoop, TraceStore, COMPLETE_COLUMN;
var init_duckdb_store = __esm({
  "src/export/duckdb-store.ts"() {
    init_errors();
    init_diagnostics();
    init_runtime();
    init_assemble_sessions();
    init_duckdb_schema();
    init_duckdb_rows();
    REGISTRY_KEY = /* @__PURE__ */ Symbol.for("agent-trace.duckdb.instances.v1");
    holder2 = globalThis;
    instances = holder2[REGISTRY_KEY] ??= /* @__PURE__ */ new Map();
    YIELD_EVERY = 128;
    yieldToLoop = () => new Promise((resolve2) => setImmediate(resolve2));
    TraceStore = class _TraceStore {
      constructor(path, readOnly, connection, shared) {
        this.lock = new AsyncLock2();
        this.appenders = /* @__PURE__ */ new Map();
        this.staged = false;
        this.closed = false;
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
      static async open(path = defaultStorePath(), options = {}) {
        if (typeof path !== "string" || path.length === 0) {
          throw new AgentTraceError("E_CONFIG", 'agent-trace: TraceStore.open(path) needs a file path, e.g. "traces/traces.duckdb".');
        }
        const readOnly = options.readOnly === true;
        const threads = options.threads ?? 2;
        if (!Number.isInteger(threads) || threads < 1) {
          throw new AgentTraceError("E_CONFIG", `agent-trace: TraceStore.open threads is ${String(threads)}; use a whole number >= 1.`);
        }
        const memory = path === ":memory:";
        const absolute = memory ? path : resolve(path);
        if (!memory) {
          if (readOnly && !existsSync(absolute)) {
            throw new AgentTraceError(
              "E_STORE_NOT_FOUND",
              `agent-trace: there is no trace store at ${absolute}; record traces with the DuckDB exporter (AGENT_TRACE_EXPORTERS=duckdb) or name the file with --db.`
            );
          }
          if (!readOnly) mkdirSync(dirname2(absolute), { recursive: true });
        }
        let shared = memory ? void 0 : instances.get(absolute);
        if (shared !== void 0 && shared.readOnly && !readOnly) {
          throw new AgentTraceError(
            "E_USAGE",
            `agent-trace: ${absolute} is open read-only in this process; close that TraceStore before writing to the file.`
          );
        }
        if (shared === void 0) {
          const config = { threads: String(threads) };
          if (readOnly) config.access_mode = "READ_ONLY";
          const created = { opening: DuckDBInstance.create(absolute, config), readOnly, refs: 0, nextSeq: -1n };
          shared = created;
          if (!memory) instances.set(absolute, created);
          created.opening.catch(() => {
            if (instances.get(absolute) === created) instances.delete(absolute);
          });
        }
        shared.refs++;
        let connection;
        try {
          const instance = await shared.opening;
          connection = await instance.connect();
          const store = new _TraceStore(absolute, readOnly, connection, shared);
          if (!shared.readOnly) await store.prepareSchema();
          return store;
        } catch (error) {
          connection?.closeSync();
          await releaseShared(absolute, shared);
          throw error instanceof AgentTraceError ? error : openError(absolute, error);
        }
      }
      async prepareSchema() {
        const version = await this.connection.runAndReadAll(`SELECT value FROM duckdb_tables() t, agent_trace_meta m WHERE t.table_name = 'agent_trace_meta' AND m.key = 'layout_version'`).then((r) => r.getRowObjectsJS()[0]?.value).catch(() => void 0);
        if (version !== void 0 && Number(version) > STORE_LAYOUT_VERSION) {
          throw new AgentTraceError(
            "E_STORE_VERSION",
            `agent-trace: ${this.path} was written by a newer agent-trace (layout ${version}, this one reads ${STORE_LAYOUT_VERSION}); upgrade agent-trace.`
          );
        }
        if (version === void 0) {
          await this.connection.run("BEGIN TRANSACTION");
          for (const sql of createTablesSql()) await this.connection.run(sql);
          for (const sql of VIEWS_SQL) await this.connection.run(sql);
          await this.connection.run(`INSERT OR REPLACE INTO agent_trace_meta VALUES ('layout_version', '${STORE_LAYOUT_VERSION}')`);
          await this.connection.run("COMMIT");
        }
        if (this.shared.nextSeq < 0n) {
          const union = STORE_TABLES.map((t) => `SELECT max(seq) AS m FROM ${t.name}`).join(" UNION ALL ");
          const max = (await this.connection.runAndReadAll(`SELECT coalesce(max(m), 0) AS m FROM (${union})`)).getRowObjectsJS()[0]?.m;
          this.shared.nextSeq = BigInt(max ?? 0) + 1n;
        }
      }
      assertOpen() {
        if (this.closed) throw new AgentTraceError("E_USAGE", "agent-trace: this TraceStore is closed; open it again with TraceStore.open().");
      }
      /**
       * Writes records in one transaction: all of them are committed, or (on error) none. Records that
       * arrive twice replace the earlier copy; an event of an unknown session creates a placeholder
       * session row that its session record completes.
       */
      async write(records) {
        this.assertOpen();
        if (this.readOnly) throw new AgentTraceError("E_USAGE", `agent-trace: ${this.path} was opened read-only; open it without { readOnly: true } to write.`);
        return this.lock.acquire("db", async () => {
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
            if (!/constraint|duplicate key/i.test(String(error?.message))) throw error;
            await this.transaction(staged, true);
          }
          return { rows, skipped };
        });
      }
      async transaction(staged, replace) {
        await this.connection.run("BEGIN TRANSACTION");
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
          await this.connection.run("COMMIT");
        } catch (error) {
          for (const appender of this.appenders.values()) {
            try {
              appender.clear();
              appender.closeSync();
            } catch {
            }
          }
          this.appenders.clear();
          await this.connection.run("ROLLBACK").catch(() => void 0);
          throw error;
        }
      }
      async appender(table) {
        let appender = this.appenders.get(table.name);
        if (appender === void 0) {
          appender = await this.connection.createAppender(`stage_${table.name}`, "main", "temp");
          this.appenders.set(table.name, appender);
        }
        return appender;
      }
      async stage(records) {
        const sessions = { table: SESSIONS_TABLE, rows: /* @__PURE__ */ new Map() };
        const timesteps = { table: TIMESTEPS_TABLE, rows: /* @__PURE__ */ new Map() };
        const events = { table: EVENTS_TABLE, rows: /* @__PURE__ */ new Map() };
        const messages = { table: MESSAGES_TABLE, rows: /* @__PURE__ */ new Map() };
        const placeholders = /* @__PURE__ */ new Map();
        let skipped = 0;
        const nextSeq = () => this.shared.nextSeq++;
        const seen = (sessionId2, at) => {
          const createdAt = typeof at === "string" ? at : null;
          const known = placeholders.get(sessionId2);
          if (known === void 0) placeholders.set(sessionId2, { seq: nextSeq(), createdAt });
          else if (createdAt !== null && (known.createdAt === null || Date.parse(createdAt) < Date.parse(known.createdAt))) known.createdAt = createdAt;
        };
        const addEvent = (sessionId2, stepId2, event) => {
          const expected = EVENT_FIELDS[event.event_type] ?? EVENT_FIELDS.other;
          events.rows.set(String(event.event_id), encodeRow(EVENTS_TABLE, event, expected, { seq: nextSeq(), session_id: sessionId2, step_id: stepId2 }));
          seen(sessionId2, event.started_at);
        };
        const addMessage = (sessionId2, stepId2, message) => {
          messages.rows.set(String(message.message_id), encodeRow(MESSAGES_TABLE, message, OBJECT_FIELDS.messages, { seq: nextSeq(), session_id: sessionId2, step_id: stepId2 }));
          seen(sessionId2, null);
        };
        const addTimestep = (sessionId2, step) => {
          const row = encodeRow(TIMESTEPS_TABLE, step, OBJECT_FIELDS.timesteps, { seq: nextSeq(), session_id: sessionId2, step_id: null }, ["events", "markov_blanket_messages"]);
          timesteps.rows.set(`${sessionId2}\0${String(step.step_id)}`, row);
          seen(sessionId2, step.timestamp);
          for (const event of asList(step.events)) addEvent(sessionId2, String(step.step_id), event);
          for (const message of asList(step.markov_blanket_messages)) addMessage(sessionId2, String(step.step_id), message);
        };
        for (let index = 0; index < records.length; index++) {
          const record = records[index];
          if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
          try {
            switch (record?.record_type) {
              case "event":
                requireId(record.event?.event_id, "event.event_id");
                addEvent(requireId(record.session_id, "session_id"), record.step_id ?? null, record.event);
                break;
              case "message":
                requireId(record.message?.message_id, "message.message_id");
                addMessage(requireId(record.session_id, "session_id"), record.step_id ?? null, record.message);
                break;
              case "timestep":
                requireId(record.timestep?.step_id, "timestep.step_id");
                addTimestep(requireId(record.session_id, "session_id"), record.timestep);
                break;
              case "session": {
                const session = record.session;
                const sessionId2 = requireId(session?.session_id, "session.session_id");
                const stepOf = /* @__PURE__ */ new Map();
                for (const step of asList(session.session_time_steps)) {
                  addTimestep(sessionId2, step);
                  for (const event of asList(step.events)) stepOf.set(String(event.event_id), String(step.step_id));
                }
                for (const event of asList(session.event_history)) {
                  if (!stepOf.has(String(event.event_id))) addEvent(sessionId2, null, event);
                }
                const inSteps = new Set(asList(session.session_time_steps).flatMap((s) => asList(s.markov_blanket_messages).map((m) => String(m.message_id))));
                for (const message of asList(session.markov_blanket_message_history)) {
                  if (!inSteps.has(String(message.message_id))) addMessage(sessionId2, null, message);
                }
                const row = encodeRow(SESSIONS_TABLE, session, OBJECT_FIELDS.sessions, { seq: nextSeq(), session_id: sessionId2, step_id: null, complete: true }, [
                  "session_time_steps",
                  "event_history",
                  "markov_blanket_message_history"
                ]);
                sessions.rows.set(sessionId2, row);
                break;
              }
              default:
                throw new Error(`unknown record_type ${JSON.stringify(record?.record_type)}`);
            }
          } catch (error) {
            skipped++;
            reportDiagnostic("duckdb-record-skipped", `agent-trace: the DuckDB store skipped a malformed record: ${error instanceof Error ? error.message : String(error)}`, error);
          }
        }
        for (const [sessionId2, { seq: seq2, createdAt }] of placeholders) {
          if (sessions.rows.has(sessionId2)) continue;
          const placeholder2 = { session_id: sessionId2, created_at: createdAt, ended_at: null, metadata: {} };
          sessions.rows.set(sessionId2, encodeRow(SESSIONS_TABLE, placeholder2, [], { seq: seq2, session_id: sessionId2, step_id: null, complete: false }));
        }
        return { staged: [sessions, timesteps, events, messages], skipped };
      }
      /**
       * The records stored for one session (or all), in the order they were written: what
       * `loadSession` assembles, and what a JSONL export of records holds.
       */
      async loadRecords(sessionId2) {
        this.assertOpen();
        return this.lock.acquire("db", async () => {
          const withSeq = [];
          const read = async (table) => {
            const where = sessionId2 === void 0 ? "" : " WHERE session_id = $1";
            const reader = await this.connection.runAndReadAll(`SELECT * FROM ${table.name}${where}`, sessionId2 === void 0 ? void 0 : [sessionId2]);
            return reader.getRowObjects();
          };
          for (const row of await read(SESSIONS_TABLE)) {
            if (row.complete !== true) continue;
            const session = decodeRow(SESSIONS_TABLE, row, OBJECT_FIELDS.sessions);
            Object.assign(session, { session_time_steps: [], event_history: [], markov_blanket_message_history: [] });
            withSeq.push({ seq: row.seq, record: { record_type: "session", session } });
          }
          for (const row of await read(TIMESTEPS_TABLE)) {
            const timestep = decodeRow(TIMESTEPS_TABLE, row, OBJECT_FIELDS.timesteps);
            Object.assign(timestep, { events: [], markov_blanket_messages: [] });
            withSeq.push({ seq: row.seq, record: { record_type: "timestep", session_id: row.session_id, timestep } });
          }
          for (const row of await read(EVENTS_TABLE)) {
            const expected = EVENT_FIELDS[row.event_type] ?? EVENT_FIELDS.other;
            const event = decodeRow(EVENTS_TABLE, row, expected);
            withSeq.push({ seq: row.seq, record: { record_type: "event", session_id: row.session_id, step_id: row.step_id ?? null, event } });
          }
          for (const row of await read(MESSAGES_TABLE)) {
            const message = decodeRow(MESSAGES_TABLE, row, OBJECT_FIELDS.messages);
            withSeq.push({ seq: row.seq, record: { record_type: "message", session_id: row.session_id, step_id: row.step_id ?? null, message } });
          }
          withSeq.sort((a, b) => a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0);
          return withSeq.map((entry) => entry.record);
        });
      }
      /**
       * The session as a `SessionTrace`, equal to the one assembled from the records that were written;
       * null when the store has nothing of it. A session still running (no session record yet) comes back
       * with what has arrived so far.
       */
      async loadSession(sessionId2) {
        if (typeof sessionId2 !== "string" || sessionId2.length === 0) {
          throw new AgentTraceError("E_USAGE", "agent-trace: loadSession(id) needs a session id; listSessions() shows them.");
        }
        const records = await this.loadRecords(sessionId2);
        if (records.length === 0) return null;
        return assembleSessions(records).find((s) => s.session_id === sessionId2) ?? null;
      }
      /** The most recent sessions first (by start), with their totals from the `session_summaries` view. */
      async listSessions(options = {}) {
        const limit = options.limit ?? 20;
        const offset = options.offset ?? 0;
        if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
          throw new AgentTraceError("E_USAGE", `agent-trace: listSessions({ limit, offset }) takes whole numbers >= 0; got limit ${String(limit)}, offset ${String(offset)}.`);
        }
        const rows = await this.query(`SELECT * FROM session_summaries ORDER BY created_at DESC NULLS LAST, session_id LIMIT ${limit} OFFSET ${offset}`);
        return rows;
      }
      /**
       * Runs SQL (with `?` or `$1` parameters) and returns rows as plain objects: safe integers as numbers,
       * timestamps as ISO strings, JSON columns parsed.
       */
      async query(sql, params) {
        this.assertOpen();
        if (typeof sql !== "string" || sql.trim() === "") throw new AgentTraceError("E_USAGE", "agent-trace: query(sql) needs an SQL string.");
        return this.lock.acquire("db", async () => {
          const values = params === void 0 ? void 0 : Array.isArray(params) ? [...params] : { ...params };
          const reader = await this.connection.runAndReadAll(sql, values);
          const names = reader.deduplicatedColumnNames();
          const json2 = names.map((_, i) => {
            try {
              return reader.columnLogicalType(i).alias === "JSON";
            } catch {
              return false;
            }
          });
          const columns = reader.getColumnsJS();
          const rows = [];
          for (let r = 0; r < reader.currentRowCount; r++) {
            const row = {};
            for (let c = 0; c < names.length; c++) row[names[c]] = plain2(columns[c][r], json2[c]);
            rows.push(row);
          }
          return rows;
        });
      }
      /** Runs SQL for its effect (e.g. `COPY ... TO 'x.parquet'`), serialised with the store's other work. */
      async execute(sql, params) {
        this.assertOpen();
        await this.lock.acquire("db", async () => {
          await this.connection.run(sql, params === void 0 ? void 0 : [...params]);
        });
      }
      /** Waits for running work, then closes the connection (and the file, once no store of this process uses it). */
      async close() {
        if (this.closed) return;
        await this.lock.acquire("db", async () => {
          if (this.closed) return;
          this.closed = true;
          for (const appender of this.appenders.values()) {
            try {
              appender.closeSync();
            } catch {
            }
          }
          this.appenders.clear();
          this.connection.closeSync();
          await releaseShared(this.path, this.shared);
        });
      }
    };
    COMPLETE_COLUMN = SESSIONS_TABLE.columns.findIndex((c) => c.context === "complete");
  }
});

// src/export/duckdb.ts
var duckdb_exports = {};
__export(duckdb_exports, {
  DuckDBExporter: () => DuckDBExporter,
  TraceStore: () => TraceStore,
  defaultStorePath: () => defaultStorePath
});
import AsyncLock3 from "async-lock";
var DuckDBExporter;
var init_duckdb = __esm({
  "src/export/duckdb.ts"() {
    init_errors();
    init_diagnostics();
    init_duckdb_store();
    init_duckdb_store();
    DuckDBExporter = class {
      constructor(options = {}) {
        this.name = "duckdb";
        this.lock = new AsyncLock3({ maxPending: Infinity });
        this.failedAt = 0;
        this.stopped = false;
        this.recordsWritten = 0;
        this.recordsSkipped = 0;
        if (typeof options !== "object" || options === null) {
          throw new AgentTraceError("E_CONFIG", 'agent-trace: new DuckDBExporter(options) takes an options object, e.g. { path: "traces/traces.duckdb" }.');
        }
        if (options.path !== void 0 && (typeof options.path !== "string" || options.path.length === 0)) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: DuckDBExporter path must be a non-empty file path.");
        }
        if (options.store !== void 0 && !(options.store instanceof TraceStore)) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: DuckDBExporter store must be a TraceStore from TraceStore.open().");
        }
        if (options.store?.readOnly) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: DuckDBExporter got a read-only TraceStore; open it without { readOnly: true }.");
        }
        const delay = options.reopenDelayMs ?? 5e3;
        if (typeof delay !== "number" || !(delay >= 0)) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: DuckDBExporter reopenDelayMs must be a number of milliseconds >= 0.");
        }
        this.options = { ...options, reopenDelayMs: delay };
        this.store = options.store;
        this.ownsStore = options.store === void 0;
        this.path = options.store?.path ?? options.path ?? defaultStorePath();
      }
      /** Counts since construction: records committed, and records skipped as malformed. */
      get stats() {
        return { written: this.recordsWritten, skipped: this.recordsSkipped };
      }
      /**
       * Opens the store now (it otherwise opens on the first batch), so that a locked or unwritable file
       * shows up at start-up as an `AgentTraceError` instead of as failed batches.
       */
      async open() {
        if (this.store !== void 0) return this.store;
        if (this.stopped) throw new AgentTraceError("E_USAGE", "agent-trace: this DuckDBExporter was shut down.");
        if (this.opening === void 0) {
          if (this.lastError !== void 0 && Date.now() - this.failedAt < (this.options.reopenDelayMs ?? 0)) throw this.lastError;
          const storeOptions = {};
          if (this.options.threads !== void 0) storeOptions.threads = this.options.threads;
          this.opening = TraceStore.open(this.path, storeOptions).then(
            (store) => {
              this.store = store;
              this.lastError = void 0;
              return store;
            },
            (error) => {
              this.opening = void 0;
              this.failedAt = Date.now();
              this.lastError = error;
              throw error;
            }
          );
        }
        return this.opening;
      }
      /** Writes one batch as one transaction; rejects (and commits nothing of it) when the write fails. */
      async export(records) {
        if (this.stopped) {
          reportDiagnostic("exporter-shut-down", `agent-trace: DuckDBExporter received ${records.length} records after shutdown; they were dropped.`);
          return;
        }
        if (records.length === 0) return;
        await this.lock.acquire("write", async () => {
          if (this.stopped) {
            reportDiagnostic("exporter-shut-down", `agent-trace: DuckDBExporter received ${records.length} records during shutdown; they were dropped.`);
            return;
          }
          const store = await this.open();
          const result = await store.write(records);
          this.recordsSkipped += result.skipped;
          this.recordsWritten += records.length - result.skipped;
        });
      }
      /** Resolves once every batch handed to `export` so far is committed (or failed). */
      async forceFlush() {
        await this.lock.acquire("write", () => void 0);
      }
      /** Waits for running writes, then closes the file (unless the store was passed in). */
      async shutdown() {
        if (this.stopped) return;
        await this.lock.acquire("write", async () => {
          this.stopped = true;
          const store = this.store ?? await this.opening?.catch(() => void 0);
          this.store = void 0;
          if (store !== void 0 && this.ownsStore) await store.close();
        });
      }
    };
  }
});

// src/genai/semconv.ts
function toGenAiSpan(event, options) {
  const attributes = {};
  const records = Array.isArray(event.call_records) ? event.call_records : [];
  const first = records[0];
  const last = records[records.length - 1];
  const params = first?.request_params ?? {};
  const api2 = first?.api_type ?? null;
  const operation = api2 === "gemini" ? "generate_content" : api2 === "openai.completion" ? "text_completion" : "chat";
  attributes["gen_ai.operation.name"] = operation;
  const provider = event.provider ?? first?.provider ?? null;
  if (provider) attributes["gen_ai.provider.name"] = provider;
  const requestModel = stringOf(params.model) ?? event.model_name ?? null;
  if (requestModel) attributes["gen_ai.request.model"] = requestModel;
  setNumber(attributes, "gen_ai.request.temperature", params.temperature);
  setInt(attributes, "gen_ai.request.max_tokens", params.max_tokens);
  setNumber(attributes, "gen_ai.request.top_p", params.top_p);
  setNumber(attributes, "gen_ai.request.top_k", params.top_k);
  setInt(attributes, "gen_ai.request.seed", params.seed);
  setNumber(attributes, "gen_ai.request.frequency_penalty", params.frequency_penalty);
  setNumber(attributes, "gen_ai.request.presence_penalty", params.presence_penalty);
  if (typeof params.n === "number" && params.n !== 1) attributes["gen_ai.request.choice.count"] = params.n;
  const stop = params.stop;
  if (typeof stop === "string") attributes["gen_ai.request.stop_sequences"] = [stop];
  else if (Array.isArray(stop)) attributes["gen_ai.request.stop_sequences"] = stop.filter((s) => typeof s === "string");
  const streamed = params.stream === true || first?.stream !== null && first?.stream !== void 0;
  if (streamed) attributes["gen_ai.request.stream"] = true;
  const effort = stringOf(params.reasoning_effort);
  if (effort) attributes["gen_ai.request.reasoning.level"] = effort;
  const format = stringOf(params.response_format);
  if (format) attributes["gen_ai.output.type"] = format.includes("json") ? "json" : format === "text" || format === "text/plain" ? "text" : format;
  const previous = stringOf(params.previous_response_id);
  if (previous) attributes["gen_ai.request.previous_response.id"] = previous;
  const responseModel = stringOf(last?.metadata?.response_model) ?? last?.model_name ?? null;
  if (responseModel) attributes["gen_ai.response.model"] = responseModel;
  const responseId = stringOf(last?.metadata?.response_id);
  if (responseId) attributes["gen_ai.response.id"] = responseId;
  const reasons = finishReasons(records);
  if (reasons.length > 0) attributes["gen_ai.response.finish_reasons"] = reasons;
  const ttfc = first?.stream?.time_to_first_chunk_ms;
  if (typeof ttfc === "number") attributes["gen_ai.response.time_to_first_chunk"] = ttfc / 1e3;
  setInt(attributes, "gen_ai.usage.input_tokens", event.input_tokens);
  setInt(attributes, "gen_ai.usage.output_tokens", event.output_tokens);
  let cacheRead = null;
  let cacheWrite = null;
  let reasoning = null;
  for (const record of records) {
    cacheRead = add(cacheRead, record.usage?.cached_input_tokens);
    cacheWrite = add(cacheWrite, record.usage?.cache_creation_input_tokens);
    reasoning = add(reasoning, record.usage?.reasoning_tokens);
  }
  if (cacheRead !== null) attributes["gen_ai.usage.cache_read.input_tokens"] = cacheRead;
  if (cacheWrite !== null) {
    attributes["gen_ai.usage.cache_creation.input_tokens"] = cacheWrite;
    attributes["gen_ai.usage.cache_write.input_tokens"] = cacheWrite;
  }
  if (reasoning !== null) attributes["gen_ai.usage.reasoning.output_tokens"] = reasoning;
  const server = serverOf(stringOf(first?.metadata?.base_url));
  if (server !== null) {
    attributes["server.address"] = server.address;
    if (server.port !== null) attributes["server.port"] = server.port;
  }
  if (event.status === "error") attributes["error.type"] = event.error?.type || "_OTHER";
  if (options.captureContent && first !== void 0) {
    let input = first.input_messages ?? [];
    if (api2 !== null && SEPARATE_SYSTEM.has(api2) && input[0]?.role === "system") {
      attributes["gen_ai.system_instructions"] = JSON.stringify(input[0].parts.map(otelPart));
      input = input.slice(1);
    }
    if (input.length > 0) attributes["gen_ai.input.messages"] = JSON.stringify(input.map((message) => otelMessage(message, false)));
    const output = last?.output_messages ?? [];
    if (output.length > 0) attributes["gen_ai.output.messages"] = JSON.stringify(output.map((message) => otelMessage(message, true)));
  }
  return { name: requestModel ? `${operation} ${requestModel}` : operation, kind: "client", attributes };
}
function otelMessage(message, output) {
  const result = { role: message.role, parts: message.parts.map(otelPart) };
  if (message.name) result.name = message.name;
  if (output) result.finish_reason = stringOf(message.finish_reason) ?? "stop";
  return result;
}
function otelPart(part) {
  const result = {};
  for (const [key, value] of Object.entries(part)) {
    if (value === void 0) continue;
    result[key === "text" ? "content" : key] = value;
  }
  return result;
}
function finishReasons(records) {
  const reasons = [];
  for (const record of records) {
    const all = record.metadata?.finish_reasons;
    if (Array.isArray(all)) {
      for (const reason of all) if (typeof reason === "string") reasons.push(reason);
    } else if (record.finish_reason) reasons.push(record.finish_reason);
  }
  return reasons;
}
function serverOf(baseUrl) {
  if (baseUrl === null) return null;
  try {
    const url = new URL(baseUrl);
    const port = url.port === "" ? url.protocol === "https:" ? 443 : url.protocol === "http:" ? 80 : null : Number(url.port);
    return { address: url.hostname, port };
  } catch {
    return null;
  }
}
function stringOf(value) {
  return typeof value === "string" && value.length > 0 ? value : null;
}
function setNumber(attributes, key, value) {
  if (typeof value === "number" && Number.isFinite(value)) attributes[key] = value;
}
function setInt(attributes, key, value) {
  if (typeof value === "number" && Number.isFinite(value)) attributes[key] = Math.round(value);
}
function add(total, value) {
  return typeof value === "number" ? (total ?? 0) + value : total;
}
var SEPARATE_SYSTEM;
var init_semconv = __esm({
  "src/genai/semconv.ts"() {
    SEPARATE_SYSTEM = /* @__PURE__ */ new Set(["anthropic.messages", "openai.responses", "gemini"]);
  }
});

// src/otel/bridge.ts
function createSpanBridge(api2, options = {}) {
  const tracer = (options.tracerProvider ?? api2.trace).getTracer(options.tracerName ?? "agent-trace", options.tracerVersion);
  const captureContent = options.captureContent === true;
  const CLIENT = api2.SpanKind.CLIENT;
  const INTERNAL = api2.SpanKind.INTERNAL;
  const ERROR = api2.SpanStatusCode.ERROR;
  return {
    start(call) {
      let parent = api2.context.active();
      if (api2.trace.getSpan(parent) === void 0 && call.parent !== null && call.parent.otelContext !== void 0) {
        parent = call.parent.otelContext;
      }
      const spec = call.spec;
      const attributes = { "agent_trace.event_type": spec.kind, "agent_trace.session.id": call.session.id, "gen_ai.conversation.id": call.session.id };
      let name;
      let kind = INTERNAL;
      switch (spec.kind) {
        case "cais": {
          const request = call.detail?.request;
          const model = typeof request?.model === "string" && request.model !== "" ? request.model : void 0;
          const operation = request?.api === "gemini" ? "generate_content" : request?.api === "completion" ? "text_completion" : "chat";
          name = model === void 0 ? operation : `${operation} ${model}`;
          kind = CLIENT;
          attributes["gen_ai.operation.name"] = operation;
          if (model !== void 0) attributes["gen_ai.request.model"] = model;
          break;
        }
        case "runtime":
          name = `execute_tool ${spec.name}`;
          attributes["gen_ai.operation.name"] = "execute_tool";
          attributes["gen_ai.tool.name"] = spec.name;
          break;
        case "environment":
          name = `env.step ${spec.name}`;
          break;
        default: {
          const spanKind = spec.options.kind;
          if (spanKind === "agent") {
            name = `invoke_agent ${spec.name}`;
            attributes["gen_ai.operation.name"] = "invoke_agent";
            attributes["gen_ai.agent.name"] = spec.name;
          } else if (spanKind === "tool") {
            name = `execute_tool ${spec.name}`;
            attributes["gen_ai.operation.name"] = "execute_tool";
            attributes["gen_ai.tool.name"] = spec.name;
          } else {
            name = spec.name;
          }
        }
      }
      const span = tracer.startSpan(name, { kind, attributes, startTime: toEpochMs(call.startMs) }, parent);
      const spanId = span.spanContext().spanId;
      if (api2.trace.isSpanContextValid(span.spanContext()) && spanId !== api2.trace.getSpanContext(parent)?.spanId) call.adoptSpanId(spanId);
      return api2.trace.setSpan(parent, span);
    },
    run(context, thunk) {
      return api2.context.with(context, thunk);
    },
    finish(call, event) {
      const span = api2.trace.getSpan(call.otelContext);
      if (span === void 0) return;
      const endTime = call.endMs !== 0 ? toEpochMs(call.endMs) : void 0;
      try {
        if (event === null) {
          span.setAttribute("agent_trace.dropped", true);
          span.setAttribute("agent_trace.status", call.status);
          if (call.status === "error") span.setStatus({ code: ERROR });
          return;
        }
        describe2(span, call, event, captureContent, ERROR, endTime);
      } finally {
        span.end(endTime);
      }
    }
  };
}
function describe2(span, call, event, captureContent, ERROR, endTime) {
  const attributes = {
    "agent_trace.status": event.status,
    "agent_trace.trace_id": event.trace_id,
    "agent_trace.system_instance_id": event.system_instance_id
  };
  if (call.step !== null) attributes["agent_trace.step.id"] = call.step.id;
  if (typeof event.time_record?.message_time === "number") attributes["agent_trace.turn"] = event.time_record.message_time;
  for (const [key, value] of Object.entries(event.metadata ?? {})) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") attributes[`agent_trace.metadata.${key}`] = value;
  }
  switch (event.event_type) {
    case "cais":
      describeCais(span, event, attributes, captureContent);
      break;
    case "environment":
      describeEnvironment(event, attributes, captureContent);
      break;
    case "runtime":
      describeRuntime(event, attributes, captureContent);
      break;
    case "span":
      describeSpan(event, attributes, captureContent);
      break;
  }
  if (event.status === "error" && event.error !== null) {
    attributes["error.type"] ??= event.error.type || "_OTHER";
    span.recordException({ name: event.error.type, message: event.error.message, stack: event.error.stack ?? void 0 }, endTime);
    span.setStatus({ code: ERROR, message: event.error.message });
  }
  span.setAttributes(attributes);
}
function describeCais(span, event, attributes, captureContent) {
  const genAi = toGenAiSpan(event, { captureContent });
  span.updateName(genAi.name);
  Object.assign(attributes, genAi.attributes);
  if (typeof event.cost_usd === "number") attributes["agent_trace.usage.cost_usd"] = event.cost_usd;
  if (event.call_records.length > 1) attributes["agent_trace.call_count"] = event.call_records.length;
}
function describeEnvironment(event, attributes, captureContent) {
  if (typeof event.reward === "number") attributes["agent_trace.env.reward"] = event.reward;
  if (typeof event.terminated === "boolean") attributes["agent_trace.env.terminated"] = event.terminated;
  if (typeof event.truncated === "boolean") attributes["agent_trace.env.truncated"] = event.truncated;
  const before2 = json(event.system_state_before);
  const after2 = json(event.system_state_after);
  if (before2 !== void 0) attributes["agent_trace.env.state_before.size"] = before2.length;
  if (after2 !== void 0) attributes["agent_trace.env.state_after.size"] = after2.length;
  if (captureContent) {
    if (before2 !== void 0) attributes["agent_trace.env.state_before"] = before2;
    if (after2 !== void 0) attributes["agent_trace.env.state_after"] = after2;
    setJson(attributes, "agent_trace.input", event.input);
    setJson(attributes, "agent_trace.output", event.output);
  }
}
function describeRuntime(event, attributes, captureContent) {
  attributes["gen_ai.operation.name"] = "execute_tool";
  attributes["gen_ai.tool.name"] = event.name;
  if (Array.isArray(event.actions) && event.actions.length > 0) attributes["agent_trace.runtime.action_count"] = event.actions.length;
  if (captureContent) {
    setJson(attributes, "gen_ai.tool.call.arguments", event.input);
    setJson(attributes, "gen_ai.tool.call.result", event.output);
  }
}
function describeSpan(event, attributes, captureContent) {
  attributes["agent_trace.span.kind"] = event.span_kind;
  if (event.span_kind === "agent") {
    attributes["gen_ai.operation.name"] = "invoke_agent";
    attributes["gen_ai.agent.name"] = event.name;
  } else if (event.span_kind === "tool") {
    attributes["gen_ai.operation.name"] = "execute_tool";
    attributes["gen_ai.tool.name"] = event.name;
  }
  if (captureContent) {
    setJson(attributes, "agent_trace.input", event.input);
    setJson(attributes, "agent_trace.output", event.output);
  }
}
function json(value) {
  if (value === void 0) return void 0;
  try {
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return void 0;
  }
}
function setJson(attributes, key, value) {
  const text = json(value);
  if (text !== void 0) attributes[key] = text;
}
var init_bridge = __esm({
  "src/otel/bridge.ts"() {
    init_semconv();
    init_clock();
  }
});

// src/otel/otlp-provider.ts
function requestedProtocol(env = process.env) {
  const raw = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL;
  return raw === void 0 || raw.trim() === "" ? void 0 : raw.trim().toLowerCase();
}
function exporterCandidates(protocol) {
  const preferred = protocol === void 0 ? void 0 : EXPORTERS2[protocol];
  const json2 = EXPORTERS2["http/json"];
  if (preferred === void 0 || preferred === json2) return protocol === void 0 ? [json2, EXPORTERS2["http/protobuf"]] : [json2];
  return [preferred, json2];
}
async function loadOtlpModules(load) {
  const protocol = requestedProtocol();
  const sdk = await load(SDK);
  let exporter;
  const failures = [];
  for (const candidate of exporterCandidates(protocol)) {
    try {
      exporter = (await load(candidate.id))[candidate.name];
      if (exporter !== void 0) {
        reportFallback(protocol, candidate.id, failures[0]);
        break;
      }
    } catch (error) {
      failures.push(error);
    }
  }
  if (exporter === void 0) throw missingExporter(protocol, failures[0]);
  let resources;
  try {
    resources = await load(RESOURCES);
  } catch {
    resources = void 0;
  }
  return { sdk, exporter, resources };
}
function reportFallback(protocol, used, failure) {
  if (protocol === void 0 || EXPORTERS2[protocol]?.id === used) return;
  const wanted = EXPORTERS2[protocol]?.id;
  reportDiagnostic(
    "otlp-protocol-fallback",
    wanted === void 0 ? `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not one of http/json, http/protobuf, grpc; spans are sent as OTLP/HTTP JSON.` : `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} needs ${wanted}, which is not installed (npm install ${wanted}); spans are sent as OTLP/HTTP JSON instead.`,
    failure
  );
}
function missingExporter(protocol, cause) {
  const id = (protocol !== void 0 ? EXPORTERS2[protocol]?.id : void 0) ?? EXPORTERS2["http/json"].id;
  return new Error(`agent-trace: OTLP export needs ${SDK} and ${id}; install them (npm install ${SDK} ${id}).`, { cause });
}
function buildOtlpProvider(modules, options = {}) {
  const { sdk, exporter: Exporter, resources } = modules;
  const exporterConfig = {};
  if (options.url !== void 0) exporterConfig.url = options.url;
  if (options.headers !== void 0) exporterConfig.headers = options.headers;
  const exporter = new Exporter(exporterConfig);
  const config = { spanProcessors: [new sdk.BatchSpanProcessor(exporter, options.batch)] };
  if (resources !== void 0) {
    config.resource = resources.defaultResource().merge(resources.detectResources({ detectors: [resources.envDetector] }));
  } else if (process.env.OTEL_SERVICE_NAME || process.env.OTEL_RESOURCE_ATTRIBUTES) {
    reportDiagnostic("otel-resources-missing", `${RESOURCES} could not be loaded, so OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are not applied; install it.`);
  }
  const provider = new sdk.NodeTracerProvider(config);
  if (options.register !== false) provider.register();
  return provider;
}
var SDK, RESOURCES, EXPORTERS2;
var init_otlp_provider = __esm({
  "src/otel/otlp-provider.ts"() {
    init_diagnostics();
    SDK = "@opentelemetry/sdk-trace-node";
    RESOURCES = "@opentelemetry/resources";
    EXPORTERS2 = {
      "http/json": { id: "@opentelemetry/exporter-trace-otlp-http", name: "OTLPTraceExporter" },
      "http/protobuf": { id: "@opentelemetry/exporter-trace-otlp-proto", name: "OTLPTraceExporter" },
      grpc: { id: "@opentelemetry/exporter-trace-otlp-grpc", name: "OTLPTraceExporter" }
    };
  }
});

// src/otel/install.ts
function captureContentFromEnv(env = process.env) {
  const raw = env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?.trim().toLowerCase();
  return raw === "true" || raw === "1";
}
function setSpanBridge(bridge) {
  runtime.bridge = bridge;
  state.parked = void 0;
}
function installSharedBridge(shared) {
  setSpanBridge(shared.bridge);
  if (runtime.config.mode === "events") configure({ mode: "dual" });
}
function acquireSharedOtlp(create) {
  const shared = state.shared ??= create();
  shared.users++;
  return shared;
}
function sharedOtlpExporter(shared) {
  let released = false;
  return {
    name: "otlp",
    export() {
    },
    forceFlush: () => shared.provider.forceFlush(),
    async shutdown() {
      if (released) return;
      released = true;
      if (--shared.users > 0) return shared.provider.forceFlush();
      if (state.shared === shared) state.shared = void 0;
      if (runtime.bridge === shared.bridge) setSpanBridge(void 0);
      await shared.provider.shutdown();
    }
  };
}
var KEY2, holder3, state;
var init_install = __esm({
  "src/otel/install.ts"() {
    init_configure();
    init_diagnostics();
    init_runtime();
    init_bridge();
    init_otlp_provider();
    KEY2 = /* @__PURE__ */ Symbol.for("agent-trace.otel.v1");
    holder3 = globalThis;
    state = holder3[KEY2] ??= { parked: void 0, missingReported: false, shared: void 0 };
  }
});

// src/export/otel.ts
var otel_exports = {};
__export(otel_exports, {
  createOtlpExporterFromEnv: () => createOtlpExporterFromEnv,
  disableOpenTelemetry: () => disableOpenTelemetry,
  enableOpenTelemetry: () => enableOpenTelemetry,
  setupOtlpFromEnv: () => setupOtlpFromEnv
});
import * as api from "@opentelemetry/api";
function enableOpenTelemetry(options = {}) {
  setSpanBridge(
    createSpanBridge(api, {
      captureContent: options.captureContent ?? captureContentFromEnv(),
      tracerName: options.tracerName,
      tracerProvider: options.tracerProvider
    })
  );
  if (getConfig().mode === "events") configure({ mode: "dual" });
}
async function disableOpenTelemetry() {
  await Promise.all(runtime.tracers.map((tracer) => tracer.flush?.()));
  setSpanBridge(void 0);
  const mode = getConfig().mode;
  if (mode === "dual" || mode === "otel") configure({ mode: "events" });
}
async function setupOtlpFromEnv(options = {}) {
  const provider = buildOtlpProvider(await loadOtlpModules(importModule), options);
  enableOpenTelemetry({ captureContent: options.captureContent, tracerName: options.tracerName, tracerProvider: provider });
  return provider;
}
async function createOtlpExporterFromEnv() {
  const modules = await loadOtlpModules(importModule);
  const shared = acquireSharedOtlp(() => {
    const provider = buildOtlpProvider(modules);
    return { provider, bridge: createSpanBridge(api, { captureContent: captureContentFromEnv(), tracerProvider: provider }), users: 0 };
  });
  installSharedBridge(shared);
  return sharedOtlpExporter(shared);
}
var importModule;
var init_otel = __esm({
  "src/export/otel.ts"() {
    init_configure();
    init_bridge();
    init_install();
    init_otlp_provider();
    init_runtime();
    importModule = (id) => import(id);
  }
});

// src/export/http-circuit-breaker.ts
var CircuitBreaker;
var init_http_circuit_breaker = __esm({
  "src/export/http-circuit-breaker.ts"() {
    CircuitBreaker = class {
      constructor(options) {
        this.options = options;
        this.stateValue = "closed";
        this.failures = 0;
        this.openedAt = 0;
      }
      /** The current state. */
      get state() {
        return this.stateValue;
      }
      /** Consecutive failures so far. */
      get consecutiveFailures() {
        return this.failures;
      }
      now() {
        return (this.options.now ?? Date.now)();
      }
      set(state2) {
        if (state2 === this.stateValue) return;
        this.stateValue = state2;
        this.options.onChange?.(state2);
      }
      /** How long to wait before the next request may go (0: now). */
      waitMs() {
        if (this.stateValue !== "open") return 0;
        return Math.max(0, this.openedAt + this.options.cooldownMs - this.now());
      }
      /** Call right before a request: after the cool-down the breaker turns half-open and this request is the probe. */
      beforeRequest() {
        if (this.stateValue === "open" && this.waitMs() === 0) this.set("half-open");
      }
      /** The request succeeded (or the server answered it on purpose): close the breaker. */
      success() {
        this.failures = 0;
        this.set("closed");
      }
      /** The request failed in a way that suggests the service is down or overloaded. */
      failure() {
        this.failures++;
        if (this.stateValue === "half-open" || this.failures >= this.options.threshold) {
          this.openedAt = this.now();
          this.set("open");
        }
      }
    };
  }
});

// src/export/http-retry.ts
function backoffDelay(attempt, options) {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 52));
  const random = options.random ?? Math.random;
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, nowMs = Date.now()) {
  if (value === null || value === void 0) return void 0;
  const text = value.trim();
  if (text === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, at - nowMs);
}
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500 && status <= 599;
}
var init_http_retry = __esm({
  "src/export/http-retry.ts"() {
  }
});

// src/export/http.ts
var http_exports = {};
__export(http_exports, {
  HttpExporter: () => HttpExporter
});
function positive(name, value, fallback, min = 1) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter ${name} is ${String(value)}; use a number >= ${min}.`);
  }
  return value;
}
function wholeNumber(name, value, fallback, min) {
  const n = positive(name, value, fallback, min);
  if (!Number.isInteger(n)) throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter ${name} is ${String(value)}; use a whole number >= ${min}.`);
  return n;
}
function describe3(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? `${cause.code ?? cause.name}: ${cause.message}` : "";
  return detail ? `${error.message} (${detail})` : error.message;
}
var HEADER_NAME, HttpExporter;
var init_http = __esm({
  "src/export/http.ts"() {
    init_errors();
    init_diagnostics();
    init_assemble_sessions();
    init_events();
    init_http_circuit_breaker();
    init_http_retry();
    HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    HttpExporter = class _HttpExporter {
      constructor(options) {
        this.name = "http";
        this.queue = [];
        this.queueHead = 0;
        this.queueBytes = 0;
        this.pending = /* @__PURE__ */ new Map();
        this.pendingCount = 0;
        this.inFlight = 0;
        this.stopController = new AbortController();
        this.stopped = false;
        this.counts = { sent: 0, dropped: 0, retries: 0, failedRequests: 0 };
        if (typeof options !== "object" || options === null) {
          throw new AgentTraceError("E_CONFIG", 'agent-trace: new HttpExporter(options) needs an options object, e.g. { endpoint: "https://traces.example.com" }.');
        }
        let url;
        try {
          url = new URL(options.endpoint);
        } catch {
          throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter endpoint ${JSON.stringify(options.endpoint)} is not a URL; use e.g. "https://traces.example.com".`);
        }
        if (url.protocol !== "http:" && url.protocol !== "https:") {
          throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter endpoint must be an http:// or https:// URL, got ${JSON.stringify(options.endpoint)}.`);
        }
        this.endpoint = url.href.replace(/\/+$/, "");
        const headerName = options.apiKeyHeader ?? "Authorization";
        if (typeof headerName !== "string" || !HEADER_NAME.test(headerName)) {
          throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter apiKeyHeader ${JSON.stringify(headerName)} is not a valid header name.`);
        }
        if (options.apiKey !== void 0 && (typeof options.apiKey !== "string" || options.apiKey === "" || /[\r\n]/.test(options.apiKey))) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: HttpExporter apiKey must be a non-empty string on one line.");
        }
        this.headers = { "content-type": "application/json", "user-agent": "agent-trace" };
        for (const [name, value] of Object.entries(options.headers ?? {})) {
          if (!HEADER_NAME.test(name) || typeof value !== "string" || /[\r\n]/.test(value)) {
            throw new AgentTraceError("E_CONFIG", `agent-trace: HttpExporter header ${JSON.stringify(name)} is not a valid header (name token, one-line string value).`);
          }
          this.headers[name.toLowerCase()] = value;
        }
        if (options.apiKey !== void 0) {
          this.headers[headerName.toLowerCase()] = headerName.toLowerCase() === "authorization" ? `Bearer ${options.apiKey}` : options.apiKey;
        }
        if (options.random !== void 0 && typeof options.random !== "function") throw new AgentTraceError("E_CONFIG", "agent-trace: HttpExporter random must be a function returning [0, 1).");
        if (options.onEvent !== void 0 && typeof options.onEvent !== "function") throw new AgentTraceError("E_CONFIG", "agent-trace: HttpExporter onEvent must be a function.");
        this.o = {
          maxBatchSize: wholeNumber("maxBatchSize", options.maxBatchSize, 512, 1),
          maxQueueSize: wholeNumber("maxQueueSize", options.maxQueueSize, 4096, 1),
          maxQueueBytes: wholeNumber("maxQueueBytes", options.maxQueueBytes, 16 * 1024 * 1024, 1024),
          maxPendingSessionRecords: wholeNumber("maxPendingSessionRecords", options.maxPendingSessionRecords, 1e4, 0),
          exportTimeoutMs: positive("exportTimeoutMs", options.exportTimeoutMs, 1e4),
          maxRetries: wholeNumber("maxRetries", options.maxRetries, 5, 0),
          initialBackoffMs: positive("initialBackoffMs", options.initialBackoffMs, 500, 0),
          maxBackoffMs: positive("maxBackoffMs", options.maxBackoffMs, 3e4, 0),
          maxRetryAfterMs: positive("maxRetryAfterMs", options.maxRetryAfterMs, 6e4, 0),
          breakerThreshold: wholeNumber("breakerThreshold", options.breakerThreshold, 5, 1),
          breakerCooldownMs: positive("breakerCooldownMs", options.breakerCooldownMs, 3e4, 0),
          shutdownTimeoutMs: positive("shutdownTimeoutMs", options.shutdownTimeoutMs, 5e3, 0),
          random: options.random ?? Math.random
        };
        this.onEvent = options.onEvent;
        this.breaker = new CircuitBreaker({
          threshold: this.o.breakerThreshold,
          cooldownMs: this.o.breakerCooldownMs,
          onChange: (state2) => {
            this.emit({ type: "breaker", state: state2 });
            if (state2 === "open") reportDiagnostic("http-breaker-open", `agent-trace: the trace service at ${this.endpoint} failed ${this.breaker.consecutiveFailures} times in a row; pausing requests for ${this.o.breakerCooldownMs} ms.`);
          }
        });
      }
      /**
       * Builds the exporter from `AGENT_TRACE_HTTP_ENDPOINT` (required), `AGENT_TRACE_HTTP_API_KEY` and
       * `AGENT_TRACE_HTTP_API_KEY_HEADER`; a missing or bad value is an `AgentTraceError` naming the variable.
       *
       * @example
       * // AGENT_TRACE_EXPORTERS=http AGENT_TRACE_HTTP_ENDPOINT=https://traces.example.com node agent.js
       * const exporter = HttpExporter.fromEnv();
       */
      static fromEnv(env = process.env) {
        const endpoint = env.AGENT_TRACE_HTTP_ENDPOINT;
        if (!endpoint) {
          throw new AgentTraceError("E_CONFIG", "agent-trace: AGENT_TRACE_EXPORTERS includes http but AGENT_TRACE_HTTP_ENDPOINT is not set; set it to the trace service URL.");
        }
        const options = { endpoint };
        if (env.AGENT_TRACE_HTTP_API_KEY) options.apiKey = env.AGENT_TRACE_HTTP_API_KEY;
        if (env.AGENT_TRACE_HTTP_API_KEY_HEADER) options.apiKeyHeader = env.AGENT_TRACE_HTTP_API_KEY_HEADER;
        try {
          return new _HttpExporter(options);
        } catch (error) {
          if (error instanceof AgentTraceError) {
            throw new AgentTraceError("E_CONFIG", `${error.message} (from AGENT_TRACE_HTTP_ENDPOINT / AGENT_TRACE_HTTP_API_KEY / AGENT_TRACE_HTTP_API_KEY_HEADER)`);
          }
          throw error;
        }
      }
      /** The counters so far. */
      get stats() {
        return { ...this.counts, queued: this.queue.length - this.queueHead, inFlight: this.inFlight, breaker: this.breaker.state };
      }
      emit(event) {
        if (this.onEvent === void 0) return;
        try {
          this.onEvent(event);
        } catch (error) {
          reportDiagnostic("http-observer-threw", "agent-trace: an HttpExporter onEvent callback threw; the exporter goes on.", error);
        }
      }
      /** Queues the records and returns at once; sending happens in the background. Never throws. */
      export(records) {
        try {
          if (this.stopped) {
            this.drop(records.length, "shutdown");
            return;
          }
          for (const record of records) {
            try {
              this.accept(record);
            } catch (error) {
              this.drop(1, "unserializable");
              reportDiagnostic("http-export-failed", "agent-trace: HttpExporter could not serialise a record; it was dropped.", error);
            }
          }
          this.kick();
        } catch (error) {
          reportDiagnostic("http-export-failed", "agent-trace: HttpExporter could not queue a batch.", error);
        }
      }
      accept(record) {
        switch (record.record_type) {
          case "event":
            this.enqueue("/api/spans", () => ({ session_id: record.session_id, step_id: record.step_id, ...record.event }));
            break;
          case "timestep":
          case "message": {
            if (this.pendingCount >= this.o.maxPendingSessionRecords) {
              this.drop(1, "pending-full");
              break;
            }
            let held = this.pending.get(record.session_id);
            if (held === void 0) this.pending.set(record.session_id, held = { timesteps: [], messages: [] });
            if (record.record_type === "timestep") held.timesteps.push(record);
            else held.messages.push(record);
            this.pendingCount++;
            break;
          }
          case "session":
            this.enqueueSession(record);
            break;
        }
      }
      enqueueSession(record) {
        const id = record.session.session_id;
        const held = this.pending.get(id);
        this.pending.delete(id);
        if (held !== void 0) this.pendingCount -= held.timesteps.length + held.messages.length;
        const whole = record.session.session_time_steps.length > 0 || record.session.event_history.length > 0;
        this.enqueue(
          "/api/traces",
          () => whole || held === void 0 ? record.session : assembleSessions([record, ...held.timesteps, ...held.messages])[0]
        );
      }
      enqueue(path, build2) {
        if (this.queue.length - this.queueHead >= this.o.maxQueueSize || this.queueBytes >= this.o.maxQueueBytes) {
          this.drop(1, "queue-full");
          return;
        }
        const json2 = JSON.stringify(build2());
        this.queue.push({ path, json: json2 });
        this.queueBytes += json2.length;
        if (this.droppingSince !== void 0 && this.queue.length - this.queueHead < this.o.maxQueueSize / 2) {
          reportDiagnostic("http-export-dropped", `agent-trace: HttpExporter dropped ${this.counts.dropped - this.droppingSince} records while its queue was full; the trace service at ${this.endpoint} is catching up.`);
          this.droppingSince = void 0;
        }
      }
      drop(items, reason) {
        if (items <= 0) return;
        if (this.droppingSince === void 0 && (reason === "queue-full" || reason === "pending-full")) {
          this.droppingSince = this.counts.dropped;
          reportDiagnostic("http-export-dropped", `agent-trace: HttpExporter queue is full (${this.o.maxQueueSize} items / ${this.o.maxQueueBytes} bytes); dropping records until the trace service at ${this.endpoint} catches up.`);
        }
        this.counts.dropped += items;
        this.emit({ type: "dropped", items, reason });
      }
      kick() {
        if (this.pumping !== void 0 || this.queue.length === this.queueHead) return;
        this.pumping = this.pump().finally(() => {
          this.pumping = void 0;
          if (!this.stopController.signal.aborted && this.queue.length > this.queueHead) this.kick();
        });
      }
      takeBatch() {
        const path = this.queue[this.queueHead].path;
        const batch = [];
        while (this.queueHead < this.queue.length && batch.length < this.o.maxBatchSize && this.queue[this.queueHead].path === path) {
          const item = this.queue[this.queueHead++];
          this.queueBytes -= item.json.length;
          batch.push(item);
        }
        if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
          this.queue.splice(0, this.queueHead);
          this.queueHead = 0;
        }
        return batch;
      }
      async pump() {
        try {
          while (this.queueHead < this.queue.length && !this.stopController.signal.aborted) {
            const batch = this.takeBatch();
            this.inFlight = batch.length;
            try {
              await this.sendWithRetries(batch);
            } finally {
              this.inFlight = 0;
            }
          }
        } catch (error) {
          reportDiagnostic("http-export-failed", "agent-trace: HttpExporter hit an unexpected error; the batch was dropped.", error);
        }
      }
      async sendWithRetries(batch) {
        const path = batch[0].path;
        const key = path === "/api/spans" ? "spans" : "traces";
        const body = `{"schema_version":${JSON.stringify(SCHEMA_VERSION)},"${key}":[${batch.map((item) => item.json).join(",")}]}`;
        for (let attempt = 0; ; attempt++) {
          await this.sleep(this.breaker.waitMs());
          if (this.stopController.signal.aborted) return this.drop(batch.length, "shutdown");
          this.breaker.beforeRequest();
          const outcome = await this.post(path, body, batch.length, attempt);
          if (outcome.ok) {
            this.breaker.success();
            this.counts.sent += batch.length;
            return;
          }
          if (this.stopController.signal.aborted) return this.drop(batch.length, "shutdown");
          this.counts.failedRequests++;
          if (!outcome.retryable) {
            this.breaker.success();
            reportDiagnostic("http-export-rejected", `agent-trace: the trace service rejected ${batch.length} items at ${path} with HTTP ${outcome.status}: ${outcome.message}. Check the endpoint and API key.`);
            return this.drop(batch.length, "rejected");
          }
          this.breaker.failure();
          if (attempt >= this.o.maxRetries) {
            reportDiagnostic("http-export-failed", `agent-trace: HttpExporter gave up on ${batch.length} items after ${attempt + 1} attempts: ${outcome.message}.`);
            return this.drop(batch.length, "retries-exhausted");
          }
          const retryAfterMs = outcome.retryAfterMs === void 0 ? void 0 : Math.min(outcome.retryAfterMs, this.o.maxRetryAfterMs);
          const delayMs = retryAfterMs ?? backoffDelay(attempt, { initialMs: this.o.initialBackoffMs, maxMs: this.o.maxBackoffMs, random: this.o.random });
          this.counts.retries++;
          this.emit({ type: "retry", path, attempt: attempt + 1, delayMs, retryAfterMs });
          await this.sleep(delayMs);
        }
      }
      async post(path, body, items, attempt) {
        const timeout = new AbortController();
        const timer = setTimeout(() => timeout.abort(), this.o.exportTimeoutMs);
        timer.unref?.();
        const signal = AbortSignal.any([timeout.signal, this.stopController.signal]);
        this.emit({ type: "request", path, items, attempt });
        try {
          const response = await fetch(this.endpoint + path, { method: "POST", headers: this.headers, body, signal });
          const text = await response.text().catch(() => "");
          this.emit({ type: "response", path, status: response.status, attempt });
          if (response.ok) return { ok: true };
          return {
            ok: false,
            status: response.status,
            retryable: isRetryableStatus(response.status),
            retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
            message: `HTTP ${response.status} ${text.slice(0, 200)}`.trim()
          };
        } catch (error) {
          const timedOut = timeout.signal.aborted;
          const message = timedOut ? `no response within ${this.o.exportTimeoutMs} ms` : describe3(error);
          if (!this.stopController.signal.aborted) this.emit({ type: "request-failed", path, reason: timedOut ? "timeout" : "connection", attempt, message });
          return { ok: false, retryable: true, message };
        } finally {
          clearTimeout(timer);
        }
      }
      sleep(ms2) {
        if (ms2 <= 0 || this.stopController.signal.aborted) return Promise.resolve();
        return new Promise((resolve2) => {
          const signal = this.stopController.signal;
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            resolve2();
          };
          const timer = setTimeout(done, ms2);
          timer.unref?.();
          signal.addEventListener("abort", done, { once: true });
        });
      }
      async drain(deadlineMs) {
        let timer;
        const deadline = new Promise((resolve2) => {
          timer = setTimeout(() => resolve2(false), deadlineMs);
          timer.unref?.();
        });
        try {
          while (this.pumping !== void 0) {
            const done = await Promise.race([this.pumping.then(() => true), deadline]);
            if (!done) return false;
          }
          return true;
        } finally {
          clearTimeout(timer);
        }
      }
      /** Waits (up to `shutdownTimeoutMs`) until everything queued so far was sent or given up on. */
      async forceFlush() {
        try {
          this.kick();
          await this.drain(this.o.shutdownTimeoutMs);
        } catch (error) {
          reportDiagnostic("http-export-failed", "agent-trace: HttpExporter flush failed.", error);
        }
      }
      /**
       * Sends what is queued (sessions still open go as incomplete traces), waiting at most
       * `shutdownTimeoutMs`; then aborts the request in flight and drops (and reports) the rest.
       */
      async shutdown() {
        if (this.stopped) return;
        try {
          for (const [sessionId2, held] of this.pending) {
            this.enqueue("/api/traces", () => assembleSessions([...held.timesteps, ...held.messages]).find((s) => s.session_id === sessionId2));
          }
          this.pending.clear();
          this.pendingCount = 0;
          this.stopped = true;
          this.kick();
          const drained = await this.drain(this.o.shutdownTimeoutMs);
          if (!drained) {
            this.stopController.abort();
            await this.pumping?.catch(() => void 0);
          }
          const left = this.queue.length - this.queueHead;
          this.queue.length = 0;
          this.queueHead = 0;
          this.queueBytes = 0;
          if (left > 0) this.drop(left, "shutdown");
          if (this.counts.dropped > 0) {
            reportDiagnostic("http-export-dropped", `agent-trace: HttpExporter shut down having dropped ${this.counts.dropped} items in total (sent ${this.counts.sent}).`);
          }
        } catch (error) {
          reportDiagnostic("http-export-failed", "agent-trace: HttpExporter shutdown failed.", error);
        }
      }
    };
  }
});

// test/conformance/decorators.test.ts
import assert from "node:assert/strict";
import { after, before, describe as describe4, it } from "node:test";

// src/model/ids.ts
import { randomBytes } from "node:crypto";
var prefix = randomBytes(4).toString("hex");
var counter = 0;
function newSpanId() {
  counter = counter + 1 >>> 0;
  if (counter === 0) return randomBytes(8).toString("hex");
  return prefix + counter.toString(16).padStart(8, "0");
}
function newTraceId() {
  return randomBytes(16).toString("hex");
}
function newId(kind) {
  return `${kind}_${randomBytes(8).toString("hex")}`;
}

// src/genai/fields.ts
function isObject(value) {
  return typeof value === "object" && value !== null;
}
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
  return typeof value === "string" && value.length > 0 ? value : null;
}
function prop(value, key) {
  if (!isObject(value)) return void 0;
  try {
    return value[key];
  } catch {
    return void 0;
  }
}
function firstNum(...values) {
  for (const value of values) {
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}
function sumPresent(...values) {
  let total = null;
  for (const value of values) {
    if (typeof value === "number") total = (total ?? 0) + value;
  }
  return total;
}

// src/genai/messages.ts
var MAX_MESSAGES = 500;
var MAX_PARTS = 200;
var MAX_JSON_DEPTH = 8;
var MAX_ARGUMENT_CHARS = 65536;
function normaliseInputMessages(body) {
  const messages = [];
  if (!isObject(body)) return messages;
  const config = body.config;
  const system = body.system ?? body.instructions ?? prop(config, "systemInstruction");
  if (system !== void 0 && system !== null) {
    const parts = contentParts(isObject(system) && !Array.isArray(system) && Array.isArray(system.parts) ? system.parts : system);
    if (parts.length > 0) messages.push({ role: "system", parts });
  }
  const list = body.messages ?? body.input ?? body.contents ?? body.prompt;
  if (typeof list === "string") {
    messages.push({ role: "user", parts: [{ type: "text", text: list }] });
    return messages;
  }
  if (!Array.isArray(list)) return messages;
  if (list.length > 0 && isObject(list[0]) && !("role" in list[0]) && !("type" in list[0]) && !("parts" in list[0])) {
    messages.push({ role: "user", parts: contentParts(list) });
    return messages;
  }
  const count = Math.min(list.length, MAX_MESSAGES);
  for (let i = 0; i < count; i++) {
    const message = normaliseMessage(list[i]);
    if (message !== null) messages.push(message);
  }
  return messages;
}
function normaliseMessage(message) {
  if (typeof message === "string") return { role: "user", parts: [{ type: "text", text: message }] };
  if (!isObject(message)) return null;
  const type = str(message.type);
  if (type === "function_call" || type === "custom_tool_call") {
    return {
      role: "assistant",
      parts: [{ type: "tool_call", id: str(message.call_id) ?? str(message.id), name: str(message.name) ?? "unknown", arguments: toArguments(message.arguments ?? message.input) }]
    };
  }
  if (type === "function_call_output" || type === "custom_tool_call_output") {
    return { role: "tool", parts: [{ type: "tool_call_response", id: str(message.call_id), response: toJson(message.output) }] };
  }
  if (type === "reasoning") {
    const summary = Array.isArray(message.summary) ? message.summary.map((entry) => str(prop(entry, "text")) ?? "").join("\n") : "";
    return { role: "assistant", parts: [{ type: "reasoning", text: summary }] };
  }
  const role = normaliseRole(str(message.role) ?? "user");
  const parts = [];
  if (Array.isArray(message.parts)) parts.push(...contentParts(message.parts));
  else if (message.content !== void 0 && message.content !== null) parts.push(...contentParts(message.content));
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls.slice(0, MAX_PARTS)) {
      const fn = prop(call, "function");
      parts.push({ type: "tool_call", id: str(prop(call, "id")), name: str(prop(fn, "name")) ?? "unknown", arguments: toArguments(prop(fn, "arguments")) });
    }
  }
  if (role === "tool" && typeof message.tool_call_id === "string") {
    const response = parts.length === 1 && parts[0].type === "text" ? parts[0].text ?? "" : toJson(message.content);
    return { role, parts: [{ type: "tool_call_response", id: message.tool_call_id, response }] };
  }
  const result = { role, parts };
  const name = str(message.name);
  if (name !== null) result.name = name;
  return result;
}
function normaliseRole(role) {
  if (role === "model") return "assistant";
  if (role === "developer") return "system";
  if (role === "function") return "tool";
  return role;
}
function contentParts(content) {
  if (typeof content === "string") return [{ type: "text", text: content }];
  if (!Array.isArray(content)) return isObject(content) ? [contentPart(content)] : [];
  const parts = [];
  const count = Math.min(content.length, MAX_PARTS);
  for (let i = 0; i < count; i++) {
    const item = content[i];
    if (typeof item === "string") parts.push({ type: "text", text: item });
    else if (isObject(item)) parts.push(contentPart(item));
  }
  return parts;
}
function contentPart(part) {
  const type = str(part.type);
  const text = str(part.text);
  if (type === null) {
    if (text !== null) return part.thought === true ? { type: "reasoning", text } : { type: "text", text };
    if (isObject(part.functionCall)) {
      return { type: "tool_call", id: str(part.functionCall.id), name: str(part.functionCall.name) ?? "unknown", arguments: toJson(part.functionCall.args) };
    }
    if (isObject(part.functionResponse)) {
      return { type: "tool_call_response", id: str(part.functionResponse.id), name: str(part.functionResponse.name) ?? "unknown", response: toJson(part.functionResponse.response) };
    }
    if (isObject(part.inlineData)) return { type: "blob", modality: modalityOf(str(part.inlineData.mimeType)), mime_type: str(part.inlineData.mimeType) };
    if (isObject(part.fileData)) return { type: "uri", modality: modalityOf(str(part.fileData.mimeType)), uri: str(part.fileData.fileUri), mime_type: str(part.fileData.mimeType) };
    return { type: "unknown" };
  }
  switch (type) {
    case "text":
    case "input_text":
    case "output_text":
      return { type: "text", text: text ?? "" };
    case "refusal":
      return { type: "refusal", text: str(part.refusal) ?? text ?? "" };
    case "thinking":
      return { type: "reasoning", text: str(part.thinking) ?? "" };
    case "reasoning":
      return { type: "reasoning", text: text ?? "" };
    case "redacted_thinking":
      return { type: "reasoning", text: "" };
    case "tool_use":
      return { type: "tool_call", id: str(part.id), name: str(part.name) ?? "unknown", arguments: toJson(part.input) };
    case "tool-call":
      return { type: "tool_call", id: str(part.toolCallId), name: str(part.toolName) ?? "unknown", arguments: toJson(part.input ?? part.args) };
    case "tool_result":
      return { type: "tool_call_response", id: str(part.tool_use_id), response: toolResultContent(part.content) };
    case "tool-result":
      return { type: "tool_call_response", id: str(part.toolCallId), response: toJson(part.output ?? part.result) };
    case "image_url": {
      const url = str(prop(part.image_url, "url")) ?? str(part.image_url);
      return url !== null && url.startsWith("data:") ? { type: "blob", modality: "image", mime_type: url.slice(5, url.indexOf(";") > 0 ? url.indexOf(";") : 5) } : { type: "uri", modality: "image", uri: url };
    }
    case "input_image": {
      const url = str(part.image_url);
      if (url !== null && !url.startsWith("data:")) return { type: "uri", modality: "image", uri: url };
      return str(part.file_id) !== null ? { type: "file", modality: "image", file_id: str(part.file_id) } : { type: "blob", modality: "image", mime_type: null };
    }
    case "image":
    case "document": {
      const source = part.source;
      const sourceType = str(prop(source, "type"));
      const modality = type === "image" ? "image" : "document";
      if (sourceType === "url") return { type: "uri", modality, uri: str(prop(source, "url")) };
      if (sourceType === "file") return { type: "file", modality, file_id: str(prop(source, "file_id")) };
      return { type: "blob", modality, mime_type: str(prop(source, "media_type")) ?? str(part.mediaType) };
    }
    case "file":
    case "input_file":
      return { type: "file", modality: "document", file_id: str(part.file_id) ?? str(prop(part.file, "file_id")), mime_type: str(part.mediaType) };
    case "input_audio":
      return { type: "blob", modality: "audio", mime_type: str(prop(part.input_audio, "format")) };
    default:
      return text !== null ? { type, text } : { type };
  }
}
function toolResultContent(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const texts = content.map((item) => str(prop(item, "text"))).filter((t) => t !== null);
    if (texts.length === content.length) return texts.join("");
  }
  return toJson(content);
}
function modalityOf(mimeType) {
  if (mimeType === null) return "document";
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}
function toCallMessages(outputs) {
  return outputs.map((message) => {
    const parts = message.parts.map(outputPart);
    const result = { role: message.role, parts };
    if (message.finish_reason !== null) result.finish_reason = message.finish_reason;
    return result;
  });
}
function outputPart(part) {
  if (part.type === "tool_call") return { type: "tool_call", id: part.id ?? null, name: part.name ?? "unknown", arguments: toJson(parseArguments(part.arguments)) };
  const result = { type: part.type };
  if (part.text !== void 0) result.text = part.text;
  if (part.id !== void 0) result.id = part.id;
  if (part.name !== void 0) result.name = part.name;
  return result;
}
function toCallToolCalls(calls) {
  return calls.map((call) => ({ id: call.id, name: call.name, arguments: argumentString(call.arguments) }));
}
function argumentString(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "string") return value.length > MAX_ARGUMENT_CHARS ? value.slice(0, MAX_ARGUMENT_CHARS) : value;
  try {
    const json2 = JSON.stringify(toJson(value));
    return json2.length > MAX_ARGUMENT_CHARS ? json2.slice(0, MAX_ARGUMENT_CHARS) : json2;
  } catch {
    return null;
  }
}
function parseArguments(value) {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}
function toArguments(value) {
  return toJson(parseArguments(value));
}
function toJson(value, depth = 0, seen = /* @__PURE__ */ new Set()) {
  if (value === null || value === void 0) return null;
  switch (typeof value) {
    case "string":
      return value.length > MAX_ARGUMENT_CHARS ? value.slice(0, MAX_ARGUMENT_CHARS) : value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return null;
  }
  const object = value;
  if (depth >= MAX_JSON_DEPTH) return "[MaxDepth]";
  if (seen.has(object)) return "[Circular]";
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.slice(0, MAX_PARTS).map((item) => toJson(item, depth + 1, seen));
    if (object instanceof Date) return object.toISOString();
    const result = {};
    let count = 0;
    for (const key of Object.keys(object)) {
      if (count++ >= MAX_PARTS) break;
      result[key] = toJson(object[key], depth + 1, seen);
    }
    return result;
  } catch {
    return null;
  } finally {
    seen.delete(object);
  }
}

// src/genai/pricing.ts
init_diagnostics();
init_errors();

// src/genai/pricing-table.ts
var OPENAI = "https://developers.openai.com/api/docs/pricing";
var COPILOT = "https://github.com/github/docs/blob/main/data/tables/copilot/models-and-pricing.yml";
var ANTHROPIC = "https://platform.claude.com/docs/en/about-claude/pricing";
var ANTHROPIC_55 = "https://docs.rs/synaps/0.10.2/synaps_cli/pricing/index.html";
var GOOGLE = "https://ai.google.dev/gemini-api/docs/pricing";
var GOOGLE_VIA = "https://www.morphllm.com/gemini-api-pricing";
var MISTRAL = "https://mistral.ai/pricing";
var MISTRAL_VIA = "https://aipromptshub.co/calc/mistral-large-2-cost";
var DEEPSEEK = "https://api-docs.deepseek.com/quick_start/pricing";
var CHECKED = "2026-11-22";
function openai(input, cached, output, extra2 = {}) {
  return { input, ...cached === void 0 ? {} : { cached_input: cached }, output, source: OPENAI, checked: CHECKED, ...extra2 };
}
function claude(input, cacheRead, cacheWrite, output, extra2 = {}) {
  return { input, cached_input: cacheRead, cache_write: cacheWrite, output, source: ANTHROPIC, checked: CHECKED, ...extra2 };
}
function gemini(input, cached, output, extra2 = {}) {
  return { input, ...cached === void 0 ? {} : { cached_input: cached }, output, source: GOOGLE, via: GOOGLE_VIA, checked: CHECKED, ...extra2 };
}
function mistral(input, output, extra2 = {}) {
  return { input, output, source: MISTRAL, via: MISTRAL_VIA, checked: CHECKED, ...extra2 };
}
var sonnetLong = { above_input_tokens: 2e5, input: 6, cached_input: 0.6, cache_write: 7.5, output: 22.5 };
var gemini25ProLong = { above_input_tokens: 2e5, input: 2.5, cached_input: 0.25, output: 15 };
var gemini3ProLong = { above_input_tokens: 2e5, input: 4, cached_input: 0.4, output: 18 };
var PRICING_TABLE = {
  version: "2026-11-22.1",
  currency: "USD",
  unit: "per_million_tokens",
  models: {
    // OpenAI. Reasoning tokens are billed as output tokens.
    "gpt-5.6-sol": openai(5, 0.5, 30, { cache_write: 6.25, via: COPILOT, long_context: { above_input_tokens: 272e3, input: 10, cached_input: 1, cache_write: 12.5, output: 45 } }),
    "gpt-5.6-terra": openai(2, 0.2, 12, { cache_write: 2.5, via: COPILOT, long_context: { above_input_tokens: 272e3, input: 4, cached_input: 0.4, cache_write: 5, output: 18 } }),
    "gpt-5.6-luna": openai(0.2, 0.02, 1.2, { cache_write: 0.25, via: COPILOT, long_context: { above_input_tokens: 2e5, input: 0.4, cached_input: 0.04, cache_write: 0.5, output: 1.8 } }),
    "gpt-5.5": openai(5, 0.5, 30, { via: COPILOT, long_context: { above_input_tokens: 272e3, input: 10, cached_input: 1, output: 45 } }),
    "gpt-5.4": openai(2.5, 0.25, 15, { via: COPILOT, long_context: { above_input_tokens: 272e3, input: 5, cached_input: 0.5, output: 22.5 } }),
    "gpt-5.4-mini": openai(0.75, 0.075, 4.5, { via: COPILOT }),
    "gpt-5.4-nano": openai(0.2, 0.02, 1.25, { via: COPILOT }),
    "gpt-5.3-codex": openai(1.75, 0.175, 14, { via: COPILOT }),
    "gpt-5.2": openai(1.75, 0.175, 14, { via: COPILOT }),
    "gpt-5.2-codex": openai(1.75, 0.175, 14, { via: COPILOT }),
    "gpt-5.1": openai(1.25, 0.125, 10),
    "gpt-5.1-codex": openai(1.25, 0.125, 10),
    "gpt-5": openai(1.25, 0.125, 10),
    "gpt-5-chat": openai(1.25, 0.125, 10),
    "gpt-5-mini": openai(0.25, 0.025, 2, { via: COPILOT }),
    "gpt-5-nano": openai(0.05, 5e-3, 0.4),
    "gpt-4.1": openai(2, 0.5, 8, { via: COPILOT }),
    "gpt-4.1-mini": openai(0.4, 0.1, 1.6),
    "gpt-4.1-nano": openai(0.1, 0.025, 0.4),
    "gpt-4o": openai(2.5, 1.25, 10),
    "gpt-4o-2024-05-13": openai(5, void 0, 15),
    "gpt-4o-mini": openai(0.15, 0.075, 0.6),
    "chatgpt-4o": openai(5, void 0, 15),
    "o1": openai(15, 7.5, 60),
    "o1-pro": openai(150, void 0, 600),
    "o1-mini": openai(1.1, 0.55, 4.4),
    "o3": openai(2, 0.5, 8),
    "o3-pro": openai(20, void 0, 80),
    "o3-mini": openai(1.1, 0.55, 4.4),
    "o4-mini": openai(1.1, 0.275, 4.4),
    "codex-mini": openai(1.5, 0.375, 6),
    "gpt-4-turbo": openai(10, void 0, 30),
    "gpt-4": openai(30, void 0, 60),
    "gpt-3.5-turbo": openai(0.5, void 0, 1.5),
    // Anthropic. cache_write is the 5-minute cache write; thinking tokens are output tokens.
    "claude-fable-5-1": claude(10, 0.25, 12.5, 50),
    "claude-mythos-5-1": claude(10, 0.25, 12.5, 50),
    "claude-fable-5": claude(10, 1, 12.5, 50),
    "claude-mythos-5": claude(10, 1, 12.5, 50),
    "claude-opus-5-5": claude(4, 0.2, 5, 20, { via: ANTHROPIC_55 }),
    "claude-sonnet-5-5": claude(2, 0.1, 2.5, 10, { via: ANTHROPIC_55, note: "cache read lowered from 0.20 to 0.10 on 2026-10-07" }),
    "claude-haiku-5-5": claude(0.1, 0.01, 0.125, 0.5, {
      via: ANTHROPIC_55,
      long_context: { above_input_tokens: 1e5, input: 0.5, cached_input: 0.05, cache_write: 0.625, output: 2.5 },
      note: "long-context cache prices derived from the 0.1x read and 1.25x write multipliers"
    }),
    "claude-opus-5": claude(5, 0.5, 6.25, 25),
    "claude-sonnet-5": claude(2, 0.2, 2.5, 10),
    "claude-opus-4-8": claude(5, 0.5, 6.25, 25),
    "claude-opus-4-7": claude(5, 0.5, 6.25, 25),
    "claude-opus-4-6": claude(5, 0.5, 6.25, 25),
    "claude-opus-4-5": claude(5, 0.5, 6.25, 25),
    "claude-opus-4-1": claude(15, 1.5, 18.75, 75),
    "claude-opus-4": claude(15, 1.5, 18.75, 75),
    "claude-opus-4-0": claude(15, 1.5, 18.75, 75),
    "claude-sonnet-4-6": claude(3, 0.3, 3.75, 15),
    "claude-sonnet-4-5": claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    "claude-sonnet-4": claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    "claude-sonnet-4-0": claude(3, 0.3, 3.75, 15, { long_context: sonnetLong }),
    "claude-3-7-sonnet": claude(3, 0.3, 3.75, 15),
    "claude-3-5-sonnet": claude(3, 0.3, 3.75, 15),
    "claude-haiku-4-5": claude(1, 0.1, 1.25, 5),
    "claude-3-5-haiku": claude(0.8, 0.08, 1, 4),
    "claude-3-opus": claude(15, 1.5, 18.75, 75),
    "claude-3-haiku": claude(0.25, 0.03, 0.3, 1.25),
    // Google Gemini. Thinking tokens are billed as output; cache storage per hour is not modelled.
    "gemini-3.5-flash": gemini(1.5, 0.15, 9, { via: COPILOT }),
    "gemini-3.1-pro": gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    "gemini-3.1-pro-preview": gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    "gemini-3.1-flash-lite": gemini(0.25, void 0, 1.5),
    "gemini-3-pro": gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    "gemini-3-pro-preview": gemini(2, 0.2, 12, { long_context: gemini3ProLong }),
    "gemini-3-flash": gemini(0.5, 0.05, 3),
    "gemini-3-flash-preview": gemini(0.5, 0.05, 3),
    "gemini-2.5-pro": gemini(1.25, 0.125, 10, { long_context: gemini25ProLong }),
    "gemini-2.5-flash": gemini(0.3, 0.03, 2.5),
    "gemini-2.5-flash-lite": gemini(0.1, 0.01, 0.4),
    "gemini-2.0-flash": gemini(0.1, 0.025, 0.4),
    "gemini-2.0-flash-lite": gemini(0.075, void 0, 0.3),
    // Mistral. No published cache discount; reasoning tokens are output tokens.
    "mistral-large": mistral(0.5, 1.5, { note: "Mistral Large 3 (mistral-large-latest)" }),
    "mistral-large-2411": mistral(2, 6, { note: "Mistral Large 2" }),
    "mistral-large-2407": mistral(2, 6, { note: "Mistral Large 2" }),
    "mistral-medium": mistral(0.4, 2),
    "mistral-small": mistral(0.1, 0.3),
    "codestral": mistral(0.3, 0.9),
    "devstral-medium": mistral(0.4, 2),
    "devstral-small": mistral(0.1, 0.3),
    "magistral-medium": mistral(2, 5),
    "magistral-small": mistral(0.5, 1.5),
    "ministral-8b": mistral(0.1, 0.1),
    "ministral-3b": mistral(0.04, 0.04),
    "mistral-nemo": mistral(0.15, 0.15),
    "open-mistral-nemo": mistral(0.15, 0.15),
    "pixtral-large": mistral(2, 6),
    // DeepSeek: cache-hit input is `cached_input`; off-peak/peak pricing of newer models is not modelled.
    "deepseek-chat": { input: 0.28, cached_input: 0.028, output: 0.42, source: DEEPSEEK, checked: CHECKED, note: "DeepSeek-V3.2 prices" },
    "deepseek-reasoner": { input: 0.28, cached_input: 0.028, output: 0.42, source: DEEPSEEK, checked: CHECKED, note: "DeepSeek-V3.2 prices; chain-of-thought billed as output" }
  }
};

// src/genai/pricing.ts
var registered = /* @__PURE__ */ new Map();
var reportedUnknown = /* @__PURE__ */ new Set();
var MAX_REPORTED = 1e3;
function candidateModelIds(modelId) {
  const ids = [];
  const add2 = (id2) => {
    if (id2.length > 0 && !ids.includes(id2)) ids.push(id2);
  };
  let id = modelId.trim().toLowerCase();
  add2(id);
  const slash = id.lastIndexOf("/");
  if (slash >= 0) {
    id = id.slice(slash + 1);
    add2(id);
  }
  const bedrock = id.indexOf("anthropic.");
  if (bedrock >= 0) {
    id = id.slice(bedrock + "anthropic.".length);
    add2(id);
  }
  for (let i = 0; i < 4; i++) {
    const stripped = stripSuffix(id);
    if (stripped === id) break;
    id = stripped;
    add2(id);
  }
  return ids;
}
var SUFFIXES = [
  /@\d{8}$/,
  // Vertex AI: claude-3-5-sonnet-v2@20241022
  /-v\d+(:\d+)?$/,
  // Bedrock and Vertex versions: -v2:0, -v1
  /-\d{4}-\d{2}-\d{2}$/,
  // OpenAI snapshots: -2024-07-18
  /-\d{8}$/,
  // Anthropic snapshots: -20241022
  /-preview-\d{2}-\d{2}$/,
  // Gemini previews: -preview-05-20
  /-\d{2}-\d{2}$/,
  // -05-20
  /-\d{4}$/,
  // OpenAI -0613, Mistral -2411
  /-\d{3}$/,
  // Gemini -001
  /-latest$/,
  /-preview$/
];
function stripSuffix(id) {
  for (const suffix of SUFFIXES) {
    const stripped = id.replace(suffix, "");
    if (stripped !== id && stripped.length > 0) return stripped;
  }
  return id;
}
function findModelPrice(modelId) {
  for (const id of candidateModelIds(modelId)) {
    const own = registered.get(id);
    if (own !== void 0) return { model: id, price: own, origin: "registered" };
    const builtIn = Object.prototype.hasOwnProperty.call(PRICING_TABLE.models, id) ? PRICING_TABLE.models[id] : void 0;
    if (builtIn !== void 0) return { model: id, price: builtIn, origin: "table" };
  }
  return null;
}
function costFromPrice(price, usage) {
  const input = usage.input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const cached = Math.min(usage.cached_input_tokens ?? 0, input);
  const written = Math.min(usage.cache_creation_input_tokens ?? 0, input - cached);
  const reasoning = Math.min(usage.reasoning_tokens ?? 0, output);
  const long = price.long_context;
  const tier = long !== void 0 && input > long.above_input_tokens ? long : price;
  const inputPrice = tier.input;
  const cachedPrice = tier.cached_input ?? inputPrice;
  const writePrice = tier.cache_write ?? inputPrice;
  const outputPrice = tier.output;
  const reasoningPrice = price.reasoning ?? outputPrice;
  const micros = (input - cached - written) * inputPrice + cached * cachedPrice + written * writePrice + (output - reasoning) * outputPrice + reasoning * reasoningPrice;
  return Math.round(micros * 1e6) / 1e12;
}
function computeCost(modelId, usage) {
  if (usage === null || usage.input_tokens === null && usage.output_tokens === null) return null;
  if (modelId === null || modelId === "") return null;
  const match = findModelPrice(modelId);
  if (match === null) {
    const key = modelId.trim().toLowerCase();
    if (!reportedUnknown.has(key) && reportedUnknown.size < MAX_REPORTED) {
      reportedUnknown.add(key);
      reportDiagnostic(
        "unknown-model-price",
        `agent-trace: no price for model "${modelId}"; cost_usd is null. Register one with registerModelPrice("${modelId}", { input, output }) (USD per million tokens).`
      );
    }
    return null;
  }
  return costFromPrice(match.price, usage);
}
function pricingTableVersion() {
  return PRICING_TABLE.version;
}

// src/genai/provider.ts
var ALIASES = {
  google: "gcp.gemini",
  gemini: "gcp.gemini",
  "google-genai": "gcp.gemini",
  "google.generative-ai": "gcp.gemini",
  vertex: "gcp.vertex_ai",
  vertexai: "gcp.vertex_ai",
  "google-vertex": "gcp.vertex_ai",
  "google.vertex": "gcp.vertex_ai",
  azure: "azure.ai.openai",
  "azure-openai": "azure.ai.openai",
  bedrock: "aws.bedrock",
  "amazon-bedrock": "aws.bedrock",
  "anthropic-bedrock": "aws.bedrock",
  "anthropic-vertex": "gcp.vertex_ai",
  mistral: "mistral_ai",
  mistralai: "mistral_ai",
  xai: "x_ai",
  grok: "x_ai",
  "together.ai": "together_ai",
  togetherai: "together_ai",
  "meta-llama": "meta"
};
var HOSTS = [
  ["api.openai.com", "openai"],
  [".openai.azure.com", "azure.ai.openai"],
  [".cognitiveservices.azure.com", "azure.ai.openai"],
  [".services.ai.azure.com", "azure.ai.inference"],
  ["models.inference.ai.azure.com", "azure.ai.inference"],
  ["models.github.ai", "azure.ai.inference"],
  ["openrouter.ai", "openrouter"],
  ["api.anthropic.com", "anthropic"],
  ["generativelanguage.googleapis.com", "gcp.gemini"],
  ["aiplatform.googleapis.com", "gcp.vertex_ai"],
  [".amazonaws.com", "aws.bedrock"],
  ["api.mistral.ai", "mistral_ai"],
  ["api.deepseek.com", "deepseek"],
  ["api.groq.com", "groq"],
  ["api.x.ai", "x_ai"],
  ["api.perplexity.ai", "perplexity"],
  ["api.cohere.com", "cohere"],
  ["api.cohere.ai", "cohere"],
  ["api.together.xyz", "together_ai"],
  ["api.fireworks.ai", "fireworks_ai"]
];
var KNOWN = /* @__PURE__ */ new Set([
  "openai",
  "anthropic",
  "azure.ai.openai",
  "azure.ai.inference",
  "gcp.gemini",
  "gcp.vertex_ai",
  "gcp.gen_ai",
  "aws.bedrock",
  "mistral_ai",
  "deepseek",
  "x_ai",
  "groq",
  "perplexity",
  "cohere",
  "ibm.watsonx.ai",
  "openrouter",
  "ollama",
  "lmstudio",
  "local",
  "together_ai",
  "fireworks_ai"
]);
var MODEL_PREFIXES = [
  ["gpt-", "openai"],
  ["chatgpt-", "openai"],
  ["o1", "openai"],
  ["o3", "openai"],
  ["o4", "openai"],
  ["codex-", "openai"],
  ["text-embedding-", "openai"],
  ["claude-", "anthropic"],
  ["gemini-", "gcp.gemini"],
  ["gemma-", "gcp.gemini"],
  ["mistral-", "mistral_ai"],
  ["open-mistral", "mistral_ai"],
  ["open-mixtral", "mistral_ai"],
  ["codestral", "mistral_ai"],
  ["devstral", "mistral_ai"],
  ["magistral", "mistral_ai"],
  ["ministral", "mistral_ai"],
  ["pixtral", "mistral_ai"],
  ["deepseek-", "deepseek"],
  ["grok-", "x_ai"],
  ["command-", "cohere"],
  ["sonar", "perplexity"]
];
var CLIENT_KINDS = {
  openai: "openai",
  "azure-openai": "azure.ai.openai",
  anthropic: "anthropic",
  "anthropic-bedrock": "aws.bedrock",
  "anthropic-vertex": "gcp.vertex_ai",
  "google-genai": "gcp.gemini",
  "google-vertex": "gcp.vertex_ai",
  mistral: "mistral_ai"
};
function detectProvider(evidence) {
  if (evidence.explicit) return normaliseProviderName(evidence.explicit);
  const host = hostOf(evidence.baseUrl ?? null);
  if (host !== null) {
    for (const [domain, provider] of HOSTS) {
      if (domain.startsWith(".") ? host.name.endsWith(domain) : host.name === domain || host.name.endsWith(`.${domain}`)) return provider;
    }
  }
  if (evidence.sdkProvider) return normaliseProviderName(evidence.sdkProvider);
  const byModel = providerOfModel(evidence.model ?? null);
  if (host !== null && isLocalHost(host.name)) {
    if (byModel !== null) return byModel;
    if (host.port === "11434") return "ollama";
    if (host.port === "1234") return "lmstudio";
    return "local";
  }
  if (host !== null && byModel !== null) return byModel;
  if (evidence.clientKind && CLIENT_KINDS[evidence.clientKind]) return CLIENT_KINDS[evidence.clientKind];
  return byModel;
}
function normaliseProviderName(name) {
  const lower = name.trim().toLowerCase();
  if (KNOWN.has(lower)) return lower;
  if (ALIASES[lower]) return ALIASES[lower];
  if (lower.startsWith("google.vertex")) return "gcp.vertex_ai";
  if (lower.startsWith("google.") || lower.startsWith("google-")) return "gcp.gemini";
  if (lower.startsWith("azure")) return "azure.ai.openai";
  const head = lower.split(".")[0];
  return ALIASES[head] ?? CLIENT_KINDS[head] ?? head;
}
function providerOfModel(model) {
  if (model === null) return null;
  let id = model.toLowerCase();
  const slash = id.indexOf("/");
  if (slash > 0) {
    const vendor = id.slice(0, slash);
    if (vendor === "models") id = id.slice(slash + 1);
    else return normaliseProviderName(vendor);
  }
  for (const [prefix2, provider] of MODEL_PREFIXES) {
    if (id.startsWith(prefix2)) {
      if (prefix2.length === 2 && id.length > 2 && id[2] !== "-") continue;
      return provider;
    }
  }
  return null;
}
function hostOf(baseUrl) {
  if (baseUrl === null) return null;
  try {
    const url = new URL(baseUrl);
    return { name: url.hostname.toLowerCase(), port: url.port };
  } catch {
    return null;
  }
}
function isLocalHost(name) {
  return name === "localhost" || name === "127.0.0.1" || name === "0.0.0.0" || name === "[::1]" || name === "host.docker.internal" || name.endsWith(".local") || name.startsWith("192.168.") || name.startsWith("10.");
}

// src/genai/request.ts
var REQUEST_KEYS = ["model", "messages", "contents", "prompt", "input"];
var MAX_SCANNED_FIELDS = 24;
var clientCache = /* @__PURE__ */ new WeakMap();
function readAiRequest(args, thisArg, options) {
  try {
    const body = findRequestBody(args);
    const client = findClient(thisArg);
    if (body === void 0) {
      if (options.model === void 0 && options.provider === void 0 && client === null) return null;
      return {
        model: options.model ?? null,
        provider: options.provider ?? null,
        api: null,
        client,
        params: {},
        messages: void 0,
        message_count: null,
        system: void 0
      };
    }
    return readBody(body, client, options);
  } catch {
    return null;
  }
}
function findRequestBody(args) {
  const count = args.length < 4 ? args.length : 4;
  for (let i = 0; i < count; i++) {
    const arg = args[i];
    if (!isObject(arg) || Array.isArray(arg)) continue;
    for (const key of REQUEST_KEYS) {
      if (arg[key] !== void 0) return arg;
    }
  }
  return void 0;
}
function readBody(body, client, options) {
  const rawModel = body.model;
  let model = str(rawModel);
  let provider = options.provider ?? null;
  let api2 = null;
  if (model === null && isObject(rawModel)) {
    model = str(prop(rawModel, "modelId"));
    const sdkProvider = str(prop(rawModel, "provider"));
    if (provider === null && sdkProvider !== null) provider = sdkProvider;
    api2 = "ai-sdk";
  }
  if (options.model !== void 0) model = options.model;
  const config = body.config;
  const params = {};
  const temperature = num(body.temperature) ?? num(prop(config, "temperature"));
  if (temperature !== null) params.temperature = temperature;
  const maxTokens = num(body.max_tokens) ?? num(body.max_completion_tokens) ?? num(body.max_output_tokens) ?? num(body.maxOutputTokens) ?? num(body.maxTokens) ?? num(prop(config, "maxOutputTokens"));
  if (maxTokens !== null) params.max_tokens = maxTokens;
  const topP = num(body.top_p) ?? num(body.topP) ?? num(prop(config, "topP"));
  if (topP !== null) params.top_p = topP;
  const topK = num(body.top_k) ?? num(body.topK) ?? num(prop(config, "topK"));
  if (topK !== null) params.top_k = topK;
  const stop = body.stop ?? body.stop_sequences ?? body.stopSequences ?? prop(config, "stopSequences");
  if (typeof stop === "string" || Array.isArray(stop)) params.stop = stop;
  const seed = num(body.seed) ?? num(prop(config, "seed"));
  if (seed !== null) params.seed = seed;
  const n = num(body.n) ?? num(prop(config, "candidateCount"));
  if (n !== null) params.n = n;
  const frequency = num(body.frequency_penalty) ?? num(body.frequencyPenalty) ?? num(prop(config, "frequencyPenalty"));
  if (frequency !== null) params.frequency_penalty = frequency;
  const presence = num(body.presence_penalty) ?? num(body.presencePenalty) ?? num(prop(config, "presencePenalty"));
  if (presence !== null) params.presence_penalty = presence;
  const tools = body.tools ?? prop(config, "tools");
  if (Array.isArray(tools)) params.tools_count = tools.length;
  else if (isObject(tools)) params.tools_count = Object.keys(tools).length;
  const toolChoice = body.tool_choice ?? body.toolChoice;
  if (typeof toolChoice === "string") params.tool_choice = toolChoice;
  else if (isObject(toolChoice) && typeof toolChoice.type === "string") params.tool_choice = toolChoice.type;
  const responseFormat = str(prop(body.response_format, "type")) ?? str(prop(prop(body.text, "format"), "type")) ?? str(prop(config, "responseMimeType")) ?? str(prop(body.output, "type"));
  if (responseFormat !== null) params.response_format = responseFormat;
  const effort = str(body.reasoning_effort) ?? str(prop(body.reasoning, "effort")) ?? str(prop(body.output_config, "effort")) ?? str(prop(prop(config, "thinkingConfig"), "thinkingLevel")) ?? str(prop(prop(body.providerOptions, "openai"), "reasoningEffort"));
  if (effort !== null) params.reasoning_effort = effort;
  const budget = num(prop(body.thinking, "budget_tokens")) ?? num(prop(prop(config, "thinkingConfig"), "thinkingBudget"));
  if (budget !== null) params.thinking_budget = budget;
  if (body.stream === true) params.stream = true;
  const previous = str(body.previous_response_id);
  if (previous !== null) params.previous_response_id = previous;
  let messages = body.messages;
  if (api2 === null) {
    if (messages !== void 0) api2 = "chat";
    else if (body.contents !== void 0) {
      api2 = "gemini";
      messages = body.contents;
    } else if (body.input !== void 0) {
      api2 = "responses";
      messages = body.input;
    } else if (body.prompt !== void 0) {
      api2 = "completion";
      messages = body.prompt;
    }
  } else if (messages === void 0) {
    messages = body.prompt;
  }
  const system = body.system ?? body.instructions ?? prop(config, "systemInstruction");
  return {
    model,
    provider,
    api: api2,
    client,
    params,
    messages,
    message_count: Array.isArray(messages) ? messages.length : messages === void 0 ? null : 1,
    system
  };
}
function findClient(thisArg) {
  if (!isObject(thisArg)) return null;
  const cached = clientCache.get(thisArg);
  if (cached !== void 0) return cached;
  let found = classifyClient(thisArg);
  if (found === null) {
    let scanned = 0;
    for (const key in thisArg) {
      if (scanned++ >= MAX_SCANNED_FIELDS) break;
      if (!Object.prototype.hasOwnProperty.call(thisArg, key)) continue;
      const field = prop(thisArg, key);
      if (isObject(field)) {
        found = classifyClient(field);
        if (found !== null) break;
      }
    }
  }
  clientCache.set(thisArg, found);
  return found;
}
function classifyClient(candidate) {
  const baseUrl = str(prop(candidate, "baseURL"));
  const name = str(prop(prop(candidate, "constructor"), "name"));
  if (typeof prop(candidate, "vertexai") === "boolean" && isObject(prop(candidate, "models"))) {
    const httpOptions = prop(candidate, "httpOptions");
    return {
      kind: prop(candidate, "vertexai") === true ? "google-vertex" : "google-genai",
      baseUrl: str(prop(httpOptions, "baseUrl"))
    };
  }
  if (baseUrl === null) return null;
  if (isObject(prop(candidate, "chat")) && isObject(prop(candidate, "responses"))) {
    const azure = name === "AzureOpenAI" || prop(candidate, "deploymentName") !== void 0 || typeof prop(candidate, "apiVersion") === "string";
    return { kind: azure ? "azure-openai" : "openai", baseUrl };
  }
  if (isObject(prop(candidate, "messages"))) {
    if (name === "AnthropicBedrock") return { kind: "anthropic-bedrock", baseUrl };
    if (name === "AnthropicVertex") return { kind: "anthropic-vertex", baseUrl };
    return { kind: "anthropic", baseUrl };
  }
  if (isObject(prop(candidate, "chat"))) return { kind: name === "Mistral" ? "mistral" : "openai", baseUrl };
  return null;
}

// src/genai/call-record.ts
var REQUEST_KEYS2 = ["model", "messages", "contents", "prompt", "input"];
function toCaisFields(request, response, timing, inputArgs, sent) {
  try {
    if (sent) {
      const merged = mergeSent(request, response, inputArgs, sent);
      return build(merged.request, merged.response, timing, merged.inputArgs);
    }
    return build(request, response, timing, inputArgs);
  } catch {
    return { model_name: response?.model ?? request?.model ?? null, provider: null, input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, call_records: [] };
  }
}
function build(request, response, timing, inputArgs) {
  const model = response?.model ?? request?.model ?? null;
  const provider = detectProvider({
    explicit: request?.provider ?? response?.provider ?? null,
    clientKind: request?.client?.kind ?? null,
    baseUrl: request?.client?.baseUrl ?? null,
    model: request?.model ?? response?.model ?? null
  }) ?? providerOfApi(response?.api ?? null);
  const usage = response?.usage ?? null;
  let priceModel = null;
  for (const candidate of [response?.model ?? null, request?.model ?? null]) {
    if (candidate !== null && findModelPrice(candidate) !== null) {
      priceModel = candidate;
      break;
    }
  }
  const cost = computeCost(priceModel ?? model, usage);
  const body = findBody(inputArgs);
  const requestParams = {};
  if (request !== null) {
    if (request.model !== null) requestParams.model = request.model;
    for (const [key, value] of Object.entries(request.params)) {
      if (value !== void 0) requestParams[key] = toJson(value);
    }
  }
  const metadata = {};
  if (response?.response_id) metadata.response_id = response.response_id;
  if (request?.model && response?.model && request.model !== response.model) {
    metadata.request_model = request.model;
    metadata.response_model = response.model;
  }
  if (response && response.finish_reasons.length > 1) metadata.finish_reasons = response.finish_reasons;
  if (cost !== null) {
    metadata.pricing_version = pricingTableVersion();
    const match = findModelPrice(priceModel ?? model ?? "");
    if (match !== null) metadata.price_model = match.origin === "registered" ? `registered:${match.model}` : match.model;
  }
  if (request?.message_count !== null && request?.message_count !== void 0) metadata.input_message_count = request.message_count;
  if (request?.client?.baseUrl) metadata.base_url = request.client.baseUrl;
  if (response?.deferred) metadata.deferred = true;
  if (response?.reasoning_text) metadata.reasoning_chars = response.reasoning_text.length;
  if (response) for (const [key, value] of Object.entries(response.extra)) metadata[key] = value;
  const record = {
    call_id: newId("call"),
    api_type: response?.api ?? apiOfRequest(request),
    provider,
    model_name: model,
    started_at: new Date(timing.startedAt).toISOString(),
    completed_at: Number.isFinite(timing.endedAt) ? new Date(timing.endedAt).toISOString() : null,
    latency_ms: Number.isFinite(timing.endedAt) ? Math.max(0, timing.endedAt - timing.startedAt) : null,
    request_params: requestParams,
    input_messages: normaliseInputMessages(body),
    output_messages: response ? toCallMessages(response.output_messages) : [],
    output_text: response?.output_text ?? null,
    tool_calls: response ? toCallToolCalls(response.tool_calls) : [],
    usage,
    cost_usd: cost,
    finish_reason: response?.finish_reasons[0] ?? null,
    provider_request_id: response?.request_id ?? null,
    stream: response?.stream ?? null,
    metadata
  };
  return {
    model_name: model,
    provider,
    input_tokens: usage?.input_tokens ?? null,
    output_tokens: usage?.output_tokens ?? null,
    total_tokens: usage?.total_tokens ?? null,
    cost_usd: cost,
    call_records: [record]
  };
}
function mergeSent(request, response, inputArgs, sent) {
  const argsBody = findBody(inputArgs);
  const body = isObject(sent.body) && !Array.isArray(sent.body) ? sent.body : void 0;
  let merged = request;
  if (body !== void 0 && (request === null || request.api === null)) {
    const fromBody = readAiRequest([body], null, {
      ...request?.model ? { model: request.model } : {},
      ...request?.provider ? { provider: request.provider } : {}
    });
    if (fromBody !== null) merged = { ...fromBody, client: request?.client ?? null };
  }
  const url = sent.url;
  if (merged !== null && url !== null) {
    merged = { ...merged, client: { kind: merged.client?.kind ?? null, baseUrl: baseOf(url) } };
  }
  let mergedResponse = response;
  if (response !== null && response.request_id === null && sent.requestId !== null) {
    mergedResponse = { ...response, request_id: sent.requestId };
  }
  return { request: merged, response: mergedResponse, inputArgs: argsBody === void 0 && body !== void 0 ? [body] : inputArgs };
}
function baseOf(url) {
  for (const suffix of ["/chat/completions", "/completions", "/responses", "/messages", "/embeddings"]) {
    const at = url.indexOf(suffix);
    if (at > 0) return url.slice(0, at);
  }
  const models = url.indexOf("/models/");
  return models > 0 ? url.slice(0, models) : url;
}
function findBody(inputArgs) {
  if (Array.isArray(inputArgs)) {
    for (const arg of inputArgs.slice(0, 4)) {
      if (isObject(arg) && !Array.isArray(arg) && REQUEST_KEYS2.some((key) => key in arg)) return arg;
    }
    return void 0;
  }
  return isObject(inputArgs) ? inputArgs : void 0;
}
function apiOfRequest(request) {
  if (request === null || request.api === null) return null;
  if (request.api === "chat") return request.client?.kind?.startsWith("anthropic") ? "anthropic.messages" : "openai.chat";
  if (request.api === "responses") return "openai.responses";
  if (request.api === "completion") return "openai.completion";
  return request.api;
}
function providerOfApi(api2) {
  if (api2 === null) return null;
  if (api2.startsWith("openai.")) return "openai";
  if (api2.startsWith("anthropic.")) return "anthropic";
  if (api2 === "gemini") return "gcp.gemini";
  return null;
}

// src/genai/usage.ts
function readUsage(usage) {
  if (!isObject(usage)) return null;
  if (usage.prompt_tokens !== void 0 || usage.completion_tokens !== void 0) {
    const input = num(usage.prompt_tokens);
    const output = num(usage.completion_tokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.total_tokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(prop(usage.prompt_tokens_details, "cached_tokens"), usage.prompt_cache_hit_tokens),
      cache_creation_input_tokens: firstNum(prop(usage.prompt_tokens_details, "cache_write_tokens"), prop(usage.prompt_tokens_details, "cache_creation_tokens")),
      reasoning_tokens: num(prop(usage.completion_tokens_details, "reasoning_tokens"))
    };
  }
  if (usage.cache_read_input_tokens !== void 0 || usage.cache_creation_input_tokens !== void 0) {
    const uncached = num(usage.input_tokens);
    const read = num(usage.cache_read_input_tokens);
    const write = num(usage.cache_creation_input_tokens);
    const input = sumPresent(uncached, read, write);
    const output = num(usage.output_tokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: sumPresent(input, output),
      cached_input_tokens: read,
      cache_creation_input_tokens: write,
      reasoning_tokens: null
    };
  }
  if (usage.input_tokens !== void 0 || usage.output_tokens !== void 0) {
    const input = num(usage.input_tokens);
    const output = num(usage.output_tokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.total_tokens) ?? sumPresent(input, output),
      cached_input_tokens: num(prop(usage.input_tokens_details, "cached_tokens")),
      cache_creation_input_tokens: null,
      reasoning_tokens: num(prop(usage.output_tokens_details, "reasoning_tokens"))
    };
  }
  if (usage.promptTokenCount !== void 0 || usage.candidatesTokenCount !== void 0 || usage.totalTokenCount !== void 0) {
    const input = sumPresent(num(usage.promptTokenCount), num(usage.toolUsePromptTokenCount));
    const thoughts = num(usage.thoughtsTokenCount);
    const output = sumPresent(num(usage.candidatesTokenCount), thoughts);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.totalTokenCount) ?? sumPresent(input, output),
      cached_input_tokens: num(usage.cachedContentTokenCount),
      cache_creation_input_tokens: null,
      reasoning_tokens: thoughts
    };
  }
  if (usage.inputTokens !== void 0 || usage.outputTokens !== void 0 || usage.totalTokens !== void 0) {
    const input = num(usage.inputTokens);
    const output = num(usage.outputTokens);
    return {
      input_tokens: input,
      output_tokens: output,
      total_tokens: num(usage.totalTokens) ?? sumPresent(input, output),
      cached_input_tokens: firstNum(prop(usage.inputTokenDetails, "cacheReadTokens"), usage.cachedInputTokens),
      cache_creation_input_tokens: num(prop(usage.inputTokenDetails, "cacheWriteTokens")),
      reasoning_tokens: firstNum(prop(usage.outputTokenDetails, "reasoningTokens"), usage.reasoningTokens)
    };
  }
  return null;
}
function mergeUsage(base, next) {
  if (base === null) return next;
  if (next === null) return base;
  const merged = {
    input_tokens: next.input_tokens ?? base.input_tokens,
    output_tokens: next.output_tokens ?? base.output_tokens,
    total_tokens: null,
    cached_input_tokens: next.cached_input_tokens ?? base.cached_input_tokens ?? null,
    cache_creation_input_tokens: next.cache_creation_input_tokens ?? base.cache_creation_input_tokens ?? null,
    reasoning_tokens: next.reasoning_tokens ?? base.reasoning_tokens ?? null
  };
  if (base.input_tokens !== null && merged.input_tokens !== null && merged.input_tokens < base.input_tokens) {
    merged.input_tokens = base.input_tokens;
  }
  merged.total_tokens = sumPresent(merged.input_tokens, merged.output_tokens) ?? next.total_tokens ?? base.total_tokens;
  return merged;
}

// src/genai/response.ts
function emptyAiResponse() {
  return {
    api: null,
    model: null,
    response_id: null,
    request_id: null,
    provider: null,
    usage: null,
    finish_reasons: [],
    output_text: null,
    reasoning_text: null,
    output_messages: [],
    tool_calls: [],
    stream: null,
    deferred: false,
    extra: {}
  };
}
function readAiResponse(result, request) {
  const response = emptyAiResponse();
  try {
    readInto(response, result, request);
  } catch {
  }
  return response;
}
function readInto(response, result, request) {
  if (typeof result === "string") {
    response.output_text = result;
    response.output_messages.push({ role: "assistant", parts: [{ type: "text", text: result }], finish_reason: null });
    return;
  }
  if (!isObject(result)) return;
  if (isAiSdkStreamResult(result)) {
    response.api = "ai-sdk";
    response.deferred = true;
    response.model = request?.model ?? null;
    return;
  }
  let body = result;
  if ("request_id" in result && "response" in result && isObject(result.data)) {
    response.request_id = str(result.request_id);
    body = result.data;
  }
  response.request_id ??= str(prop(body, "_request_id"));
  response.model = str(body.model) ?? str(body.modelVersion);
  response.response_id = str(body.id) ?? str(body.responseId);
  const usage = readUsage(body.usage ?? body.usageMetadata);
  if (usage !== null) response.usage = usage;
  if (Array.isArray(body.choices)) {
    readOpenAiChoices(response, body);
    return;
  }
  if (body.object === "response" || Array.isArray(body.output) && body.usage !== void 0) {
    readResponsesApi(response, body);
    return;
  }
  if (body.type === "message" && Array.isArray(body.content)) {
    readAnthropicMessage(response, body);
    return;
  }
  if (Array.isArray(body.candidates)) {
    readGemini(response, body);
    return;
  }
  if (isAiSdkGenerateResult(body)) {
    readAiSdkResult(response, body);
    return;
  }
  const own = (key) => Object.prototype.hasOwnProperty.call(body, key) ? body[key] : void 0;
  const text = str(own("output_text")) ?? str(own("text")) ?? str(own("content")) ?? str(own("completion"));
  if (text !== null) {
    response.output_text = text;
    response.output_messages.push({ role: "assistant", parts: [{ type: "text", text }], finish_reason: null });
  }
  const finish = str(body.finish_reason) ?? str(body.finishReason) ?? str(body.stop_reason);
  if (finish !== null) response.finish_reasons.push(finish);
}
function readOpenAiChoices(response, body) {
  response.api = body.object === "text_completion" ? "openai.completion" : "openai.chat";
  const fingerprint = str(body.system_fingerprint);
  if (fingerprint !== null) response.extra.system_fingerprint = fingerprint;
  const tier = str(body.service_tier);
  if (tier !== null) response.extra.service_tier = tier;
  const choices = body.choices;
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    const finish = str(prop(choice, "finish_reason"));
    if (finish !== null) response.finish_reasons.push(finish);
    const message = prop(choice, "message");
    const parts = [];
    const reasoning = str(prop(message, "reasoning_content")) ?? str(prop(message, "reasoning"));
    if (reasoning !== null) {
      parts.push({ type: "reasoning", text: reasoning });
      if (i === 0) response.reasoning_text = reasoning;
    }
    const content = message === void 0 ? prop(choice, "text") : prop(message, "content");
    const text = typeof content === "string" ? content : Array.isArray(content) ? joinTextParts(content) : null;
    if (text !== null && text.length > 0) {
      parts.push({ type: "text", text });
      if (i === 0) response.output_text = text;
    }
    const refusal = str(prop(message, "refusal"));
    if (refusal !== null) parts.push({ type: "refusal", text: refusal });
    const toolCalls = prop(message, "tool_calls");
    if (Array.isArray(toolCalls)) {
      for (const call of toolCalls) {
        const fn = prop(call, "function") ?? prop(call, "custom");
        const toolCall = {
          id: str(prop(call, "id")),
          name: str(prop(fn, "name")) ?? "unknown",
          arguments: prop(fn, "arguments") ?? prop(fn, "input") ?? null
        };
        parts.push({ type: "tool_call", id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
        if (i === 0) response.tool_calls.push(toolCall);
      }
    }
    response.output_messages.push({ role: str(prop(message, "role")) ?? "assistant", parts, finish_reason: finish });
  }
}
function readResponsesApi(response, body) {
  response.api = "openai.responses";
  const tier = str(body.service_tier);
  if (tier !== null) response.extra.service_tier = tier;
  const parts = [];
  let text = null;
  let reasoning = null;
  const output = Array.isArray(body.output) ? body.output : [];
  for (const item of output) {
    const type = str(prop(item, "type"));
    if (type === "message") {
      const content = prop(item, "content");
      if (Array.isArray(content)) {
        for (const block of content) {
          const blockType = str(prop(block, "type"));
          const blockText = str(prop(block, "text")) ?? str(prop(block, "refusal"));
          if (blockText === null) continue;
          parts.push({ type: blockType === "refusal" ? "refusal" : "text", text: blockText });
          if (blockType !== "refusal") text = text === null ? blockText : text + blockText;
        }
      }
    } else if (type === "function_call" || type === "custom_tool_call") {
      const call = {
        id: str(prop(item, "call_id")) ?? str(prop(item, "id")),
        name: str(prop(item, "name")) ?? "unknown",
        arguments: prop(item, "arguments") ?? prop(item, "input") ?? null
      };
      response.tool_calls.push(call);
      parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.arguments });
    } else if (type === "reasoning") {
      const summary = prop(item, "summary");
      if (Array.isArray(summary)) {
        for (const entry of summary) {
          const entryText = str(prop(entry, "text"));
          if (entryText !== null) reasoning = reasoning === null ? entryText : `${reasoning}
${entryText}`;
        }
      }
    } else if (type !== null && type.endsWith("_call")) {
      parts.push({ type: "server_tool_call", id: str(prop(item, "id")), name: type.slice(0, -5) });
    }
  }
  if (reasoning !== null) {
    parts.unshift({ type: "reasoning", text: reasoning });
    response.reasoning_text = reasoning;
  }
  response.output_text = text ?? str(body.output_text);
  const status = str(body.status);
  const finish = status === "completed" || status === null ? response.tool_calls.length > 0 ? "tool_calls" : "stop" : str(prop(body.incomplete_details, "reason")) ?? status;
  response.finish_reasons.push(finish);
  response.output_messages.push({ role: "assistant", parts, finish_reason: finish });
}
function readAnthropicMessage(response, body) {
  response.api = "anthropic.messages";
  const parts = [];
  let text = null;
  for (const block of body.content) {
    const type = str(prop(block, "type"));
    if (type === "text") {
      const blockText = str(prop(block, "text"));
      if (blockText === null) continue;
      parts.push({ type: "text", text: blockText });
      text = text === null ? blockText : text + blockText;
    } else if (type === "tool_use") {
      const call = { id: str(prop(block, "id")), name: str(prop(block, "name")) ?? "unknown", arguments: prop(block, "input") ?? null };
      response.tool_calls.push(call);
      parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.arguments });
    } else if (type === "thinking") {
      const thinking = str(prop(block, "thinking"));
      if (thinking !== null) {
        parts.push({ type: "reasoning", text: thinking });
        response.reasoning_text = response.reasoning_text === null ? thinking : response.reasoning_text + thinking;
      }
    } else if (type === "server_tool_use") {
      parts.push({ type: "server_tool_call", id: str(prop(block, "id")), name: str(prop(block, "name")) ?? "unknown" });
    } else if (type !== null) {
      parts.push({ type });
    }
  }
  response.output_text = text;
  const finish = str(body.stop_reason);
  if (finish !== null) response.finish_reasons.push(finish);
  response.output_messages.push({ role: str(body.role) ?? "assistant", parts, finish_reason: finish });
}
function readGemini(response, body) {
  response.api = "gemini";
  const candidates = body.candidates;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    const finish = str(prop(candidate, "finishReason"));
    if (finish !== null) response.finish_reasons.push(finish);
    const content = prop(candidate, "content");
    const parts = [];
    let text = null;
    const rawParts = prop(content, "parts");
    if (Array.isArray(rawParts)) {
      for (const part of rawParts) {
        const partText = str(prop(part, "text"));
        const call = prop(part, "functionCall");
        if (partText !== null && prop(part, "thought") === true) {
          parts.push({ type: "reasoning", text: partText });
          if (i === 0) response.reasoning_text = response.reasoning_text === null ? partText : response.reasoning_text + partText;
        } else if (partText !== null) {
          parts.push({ type: "text", text: partText });
          text = text === null ? partText : text + partText;
        } else if (isObject(call)) {
          const toolCall = { id: str(call.id), name: str(call.name) ?? "unknown", arguments: call.args ?? null };
          parts.push({ type: "tool_call", id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
          if (i === 0) response.tool_calls.push(toolCall);
        }
      }
    }
    if (i === 0) response.output_text = text;
    response.output_messages.push({ role: roleOfGemini(str(prop(content, "role"))), parts, finish_reason: finish });
  }
}
function readAiSdkResult(response, body) {
  response.api = "ai-sdk";
  const meta = body.response;
  response.model = str(prop(meta, "modelId")) ?? response.model;
  response.response_id = str(prop(meta, "id")) ?? response.response_id;
  const headers = prop(meta, "headers");
  response.request_id = str(prop(headers, "x-request-id")) ?? str(prop(headers, "request-id")) ?? response.request_id;
  response.usage = readUsage(body.totalUsage ?? body.usage) ?? response.usage;
  const finish = str(body.finishReason);
  if (finish !== null) response.finish_reasons.push(finish);
  const parts = [];
  const reasoning = str(body.reasoningText);
  if (reasoning !== null) {
    parts.push({ type: "reasoning", text: reasoning });
    response.reasoning_text = reasoning;
  }
  const text = str(body.text);
  if (text !== null) parts.push({ type: "text", text });
  response.output_text = text;
  const toolCalls = body.toolCalls;
  if (Array.isArray(toolCalls)) {
    for (const call of toolCalls) {
      const toolCall = {
        id: str(prop(call, "toolCallId")),
        name: str(prop(call, "toolName")) ?? "unknown",
        arguments: prop(call, "input") ?? prop(call, "args") ?? null
      };
      response.tool_calls.push(toolCall);
      parts.push({ type: "tool_call", id: toolCall.id, name: toolCall.name, arguments: toolCall.arguments });
    }
  }
  response.output_messages.push({ role: "assistant", parts, finish_reason: finish });
}
function isAiSdkStreamResult(body) {
  return "fullStream" in body && "textStream" in body && "consumeStream" in body;
}
function isAiSdkGenerateResult(body) {
  return "finishReason" in body && ("totalUsage" in body || "steps" in body) && "response" in body;
}
function roleOfGemini(role) {
  return role === null || role === "model" ? "assistant" : role;
}
function joinTextParts(parts) {
  let text = null;
  for (const part of parts) {
    const partText = typeof part === "string" ? part : str(prop(part, "text"));
    if (partText !== null) text = text === null ? partText : text + partText;
  }
  return text;
}

// src/genai/streams.ts
var MAX_AGGREGATED_CHARS = 2e5;
var TextBuffer = class {
  constructor() {
    this.text = null;
    this.chars = 0;
    this.dropped = 0;
  }
  add(text) {
    if (this.chars >= MAX_AGGREGATED_CHARS) {
      this.dropped += text.length;
      return;
    }
    this.text = this.text === null ? text : this.text + text;
    this.chars += text.length;
  }
  value() {
    return this.text;
  }
};
var Aggregator = class {
  constructor(request, startedAtMs) {
    this.request = request;
    this.startedAtMs = startedAtMs;
    this.chunks = 0;
    this.firstAt = null;
    this.api = null;
    this.model = null;
    this.responseId = null;
    this.usage = null;
    this.terminal = false;
    this.texts = [];
    this.reasoning = new TextBuffer();
    this.tools = /* @__PURE__ */ new Map();
    this.finishes = [];
    this.final = null;
    this.completedOverride = void 0;
    this.version = 0;
    this.view = null;
    this.built = null;
    this.builtVersion = -1;
  }
  onChunk(chunk, nowMs) {
    this.chunks++;
    this.version++;
    if (this.firstAt === null) this.firstAt = nowMs;
    try {
      if (typeof chunk === "string") {
        this.text(0).add(chunk);
        return;
      }
      if (!isObject(chunk)) return;
      const type = chunk.type;
      if (typeof type === "string") this.typed(type, chunk);
      else if (Array.isArray(chunk.choices)) this.openAiChunk(chunk);
      else if (Array.isArray(chunk.candidates) || chunk.usageMetadata !== void 0) this.geminiChunk(chunk);
    } catch {
    }
  }
  result(outcome) {
    if (outcome?.completed !== void 0 && outcome.completed !== this.completedOverride) {
      this.completedOverride = outcome.completed;
      this.version++;
    }
    return this.view ??= this.makeView();
  }
  makeView() {
    const current = () => {
      if (this.built === null || this.builtVersion !== this.version) {
        this.built = this.build();
        this.builtVersion = this.version;
      }
      return this.built;
    };
    return {
      get api() {
        return current().api;
      },
      get model() {
        return current().model;
      },
      get response_id() {
        return current().response_id;
      },
      get request_id() {
        return current().request_id;
      },
      get provider() {
        return current().provider;
      },
      get usage() {
        return current().usage;
      },
      get finish_reasons() {
        return current().finish_reasons;
      },
      get output_text() {
        return current().output_text;
      },
      get reasoning_text() {
        return current().reasoning_text;
      },
      get output_messages() {
        return current().output_messages;
      },
      get tool_calls() {
        return current().tool_calls;
      },
      get stream() {
        return current().stream;
      },
      get deferred() {
        return current().deferred;
      },
      get extra() {
        return current().extra;
      }
    };
  }
  build() {
    const final = this.final;
    const response = final === null ? emptyAiResponse() : { ...final, extra: { ...final.extra } };
    try {
      response.api ??= this.api;
      response.model = this.model ?? response.model ?? this.request?.model ?? null;
      response.response_id ??= this.responseId;
      response.usage = this.usage ?? response.usage;
      const toolCalls = this.toolCalls();
      if (final === null || response.tool_calls.length === 0) response.tool_calls = toolCalls;
      const reasoning = this.reasoning.value();
      if (final === null || response.output_messages.length === 0) {
        response.output_messages = [];
        response.finish_reasons = [];
        const outputs = Math.max(this.texts.length, this.finishes.length, toolCalls.length > 0 || reasoning !== null ? 1 : 0);
        for (let i = 0; i < outputs; i++) {
          const parts = [];
          if (i === 0 && reasoning !== null) parts.push({ type: "reasoning", text: reasoning });
          const text = this.texts[i]?.value() ?? null;
          if (text !== null) parts.push({ type: "text", text });
          if (i === 0) for (const call of toolCalls) parts.push({ type: "tool_call", id: call.id, name: call.name, arguments: call.arguments });
          const finish = this.finishes[i] ?? null;
          if (finish !== null) response.finish_reasons.push(finish);
          response.output_messages.push({ role: "assistant", parts, finish_reason: finish });
        }
        response.output_text = this.texts[0]?.value() ?? null;
        response.reasoning_text = reasoning;
      }
      const dropped = (this.texts[0]?.dropped ?? 0) + this.reasoning.dropped;
      if (dropped > 0) response.extra.stream_chars_not_kept = String(dropped);
    } catch {
    }
    response.stream = {
      chunk_count: this.chunks,
      time_to_first_chunk_ms: this.firstAt === null ? null : Math.max(0, this.firstAt - this.startedAtMs),
      completed: this.completedOverride ?? this.terminal
    };
    return response;
  }
  text(index) {
    if (index === 0 && this.texts.length > 0) return this.texts[0];
    let buffer = this.texts[index];
    if (buffer === void 0) {
      for (let i = this.texts.length; i <= index; i++) this.texts.push(new TextBuffer());
      buffer = this.texts[index];
    }
    return buffer;
  }
  tool(key) {
    let state2 = this.tools.get(key);
    if (state2 === void 0) {
      state2 = { id: null, name: null, args: "", final: void 0 };
      this.tools.set(key, state2);
    }
    return state2;
  }
  setFinish(index, reason) {
    while (this.finishes.length <= index) this.finishes.push(null);
    this.finishes[index] = reason;
    this.terminal = true;
  }
  toolCalls() {
    const calls = [];
    for (const state2 of this.tools.values()) {
      calls.push({
        id: state2.id,
        name: state2.name ?? "unknown",
        arguments: state2.final !== void 0 ? state2.final : state2.args.length > 0 ? state2.args : null
      });
    }
    return calls;
  }
  // The hottest path (one call per chunk of the most common stream): direct property reads, no
  // helper calls; onChunk's try/catch covers a throwing getter.
  openAiChunk(chunk) {
    if (this.api === null) this.api = "openai.chat";
    if (this.model === null) this.model = str(chunk.model);
    if (this.responseId === null) this.responseId = str(chunk.id);
    const usage = chunk.usage;
    if (typeof usage === "object" && usage !== null) this.usage = mergeUsage(this.usage, readUsage(usage));
    const choices = chunk.choices;
    for (let c = 0; c < choices.length; c++) {
      const choice = choices[c];
      if (typeof choice !== "object" || choice === null) continue;
      const index = typeof choice.index === "number" ? choice.index : 0;
      const delta = choice.delta;
      if (typeof delta === "object" && delta !== null) {
        const content = delta.content;
        if (typeof content === "string" && content.length > 0) this.text(index).add(content);
        if (index === 0) {
          const reasoning = delta.reasoning_content ?? delta.reasoning;
          if (typeof reasoning === "string" && reasoning.length > 0) this.reasoning.add(reasoning);
          const toolCalls = delta.tool_calls;
          if (Array.isArray(toolCalls)) this.openAiToolDeltas(toolCalls);
        }
      } else {
        const text = choice.text;
        if (typeof text === "string" && text.length > 0) this.text(index).add(text);
      }
      const finish = choice.finish_reason;
      if (typeof finish === "string" && finish.length > 0) this.setFinish(index, finish);
    }
  }
  openAiToolDeltas(toolCalls) {
    for (const call of toolCalls) {
      const state2 = this.tool(num(prop(call, "index")) ?? 0);
      state2.id ??= str(prop(call, "id"));
      const fn = prop(call, "function");
      state2.name ??= str(prop(fn, "name"));
      const piece = prop(fn, "arguments");
      if (typeof piece === "string") state2.args += piece;
    }
  }
  geminiChunk(chunk) {
    this.api ??= "gemini";
    this.model ??= str(chunk.modelVersion);
    this.responseId ??= str(chunk.responseId);
    const usage = readUsage(chunk.usageMetadata);
    if (usage !== null) this.usage = usage;
    const candidates = chunk.candidates;
    if (!Array.isArray(candidates)) return;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i];
      const index = num(prop(candidate, "index")) ?? i;
      const parts = prop(prop(candidate, "content"), "parts");
      if (Array.isArray(parts)) {
        for (const part of parts) {
          const text = str(prop(part, "text"));
          const call = prop(part, "functionCall");
          if (text !== null) {
            if (prop(part, "thought") === true) {
              if (index === 0) this.reasoning.add(text);
            } else this.text(index).add(text);
          } else if (index === 0 && isObject(call)) {
            const state2 = this.tool(this.tools.size);
            state2.id = str(call.id);
            state2.name = str(call.name);
            state2.final = call.args ?? null;
          }
        }
      }
      const finish = str(prop(candidate, "finishReason"));
      if (finish !== null) this.setFinish(index, finish);
    }
  }
  typed(type, chunk) {
    switch (type) {
      // Anthropic Messages stream events (also what `client.messages.stream()` yields).
      case "message_start": {
        this.api ??= "anthropic.messages";
        const message = chunk.message;
        this.model ??= str(prop(message, "model"));
        this.responseId ??= str(prop(message, "id"));
        this.usage = mergeUsage(this.usage, readUsage(prop(message, "usage")));
        return;
      }
      case "content_block_start": {
        const block = chunk.content_block;
        const blockType = str(prop(block, "type"));
        if (blockType === "tool_use") {
          const state2 = this.tool(num(chunk.index) ?? this.tools.size);
          state2.id = str(prop(block, "id"));
          state2.name = str(prop(block, "name"));
        } else if (blockType === "text") {
          const text = str(prop(block, "text"));
          if (text !== null) this.text(0).add(text);
        }
        return;
      }
      case "content_block_delta": {
        const delta = chunk.delta;
        const deltaType = str(prop(delta, "type"));
        if (deltaType === "text_delta") {
          const text = prop(delta, "text");
          if (typeof text === "string") this.text(0).add(text);
        } else if (deltaType === "input_json_delta") {
          const piece = prop(delta, "partial_json");
          if (typeof piece === "string") this.tool(num(chunk.index) ?? 0).args += piece;
        } else if (deltaType === "thinking_delta") {
          const thinking = prop(delta, "thinking");
          if (typeof thinking === "string") this.reasoning.add(thinking);
        }
        return;
      }
      case "message_delta": {
        this.api ??= "anthropic.messages";
        const reason = str(prop(chunk.delta, "stop_reason"));
        if (reason !== null) this.setFinish(0, reason);
        this.usage = mergeUsage(this.usage, readUsage(chunk.usage));
        return;
      }
      case "message_stop":
        this.terminal = true;
        return;
      // Vercel AI SDK stream parts (fullStream).
      case "text-delta": {
        const text = chunk.text ?? chunk.textDelta ?? chunk.delta;
        if (typeof text === "string") this.text(0).add(text);
        this.api ??= "ai-sdk";
        return;
      }
      case "reasoning-delta": {
        const text = chunk.text ?? chunk.delta;
        if (typeof text === "string") this.reasoning.add(text);
        return;
      }
      case "tool-input-start": {
        const state2 = this.tool(str(chunk.id) ?? this.tools.size);
        state2.id = str(chunk.id);
        state2.name = str(chunk.toolName);
        return;
      }
      case "tool-input-delta": {
        const piece = chunk.delta;
        if (typeof piece === "string") this.tool(str(chunk.id) ?? 0).args += piece;
        return;
      }
      case "tool-call": {
        const state2 = this.tool(str(chunk.toolCallId) ?? this.tools.size);
        state2.id = str(chunk.toolCallId);
        state2.name = str(chunk.toolName);
        state2.final = chunk.input ?? chunk.args ?? null;
        return;
      }
      case "finish-step": {
        this.api ??= "ai-sdk";
        const meta = chunk.response;
        this.model = str(prop(meta, "modelId")) ?? this.model;
        this.responseId = str(prop(meta, "id")) ?? this.responseId;
        return;
      }
      case "finish": {
        this.api ??= "ai-sdk";
        const usage = readUsage(chunk.totalUsage ?? chunk.usage);
        if (usage !== null) this.usage = usage;
        const reason = str(chunk.finishReason);
        if (reason !== null) this.setFinish(0, reason);
        this.terminal = true;
        return;
      }
      // OpenAI Responses API stream events.
      case "response.created":
      case "response.in_progress": {
        this.api = "openai.responses";
        const response = chunk.response;
        this.model ??= str(prop(response, "model"));
        this.responseId ??= str(prop(response, "id"));
        return;
      }
      case "response.output_text.delta": {
        const delta = chunk.delta;
        if (typeof delta === "string") this.text(0).add(delta);
        return;
      }
      case "response.reasoning_summary_text.delta":
      case "response.reasoning_text.delta": {
        const delta = chunk.delta;
        if (typeof delta === "string") this.reasoning.add(delta);
        return;
      }
      case "response.output_item.added": {
        const item = chunk.item;
        if (prop(item, "type") === "function_call" || prop(item, "type") === "custom_tool_call") {
          const state2 = this.tool(num(chunk.output_index) ?? this.tools.size);
          state2.id = str(prop(item, "call_id")) ?? str(prop(item, "id"));
          state2.name = str(prop(item, "name"));
          const args = prop(item, "arguments");
          if (typeof args === "string") state2.args = args;
        }
        return;
      }
      case "response.function_call_arguments.delta":
      case "response.custom_tool_call_input.delta": {
        const delta = chunk.delta;
        if (typeof delta === "string") this.tool(num(chunk.output_index) ?? 0).args += delta;
        return;
      }
      case "response.function_call_arguments.done": {
        const args = chunk.arguments;
        if (typeof args === "string") {
          const state2 = this.tool(num(chunk.output_index) ?? 0);
          state2.args = args;
        }
        return;
      }
      case "response.completed":
      case "response.incomplete":
      case "response.failed": {
        const full = readAiResponse(chunk.response, this.request);
        this.final = full;
        this.api = "openai.responses";
        this.model = full.model ?? this.model;
        this.usage = full.usage ?? this.usage;
        this.terminal = true;
        return;
      }
      default:
        if (type.startsWith("response.")) this.api ??= "openai.responses";
    }
  }
};
function createStreamAggregator(request, startedAtMs) {
  return new Aggregator(request, startedAtMs);
}

// src/decorators/ai-call.ts
init_clock();

// src/recorder/snapshot.ts
import { types } from "node:util";

// src/redaction/redacted.ts
var REDACTED_BRAND = /* @__PURE__ */ Symbol.for("agent-trace.redacted");
function isRedacted(value) {
  return typeof value === "object" && value !== null && value[REDACTED_BRAND] === true;
}

// src/recorder/snapshot.ts
var MAX_DEPTH = 16;
var MAX_ARRAY_ITEMS = 200;
var MAX_OBJECT_KEYS = 200;
function snapshot(value, maxBytes) {
  try {
    return copy(value, 0, [], { left: maxBytes });
  } catch (error) {
    return `[Unserializable: ${describeError(error)}]`;
  }
}
function describeError(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unknown";
  }
}
function copy(value, depth, ancestors, budget) {
  switch (typeof value) {
    case "string":
      budget.left -= value.length + 2;
      return value;
    case "number":
      budget.left -= 8;
      return Number.isFinite(value) ? value : String(value);
    case "boolean":
      budget.left -= 5;
      return value;
    case "undefined":
      return void 0;
    case "bigint":
      budget.left -= 8;
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[Function ${value.name || "anonymous"}]`;
  }
  if (value === null) return null;
  const object = value;
  if (isRedacted(object)) return "[REDACTED]";
  if (depth >= MAX_DEPTH) return "[MaxDepth]";
  if (ancestors.includes(object)) return "[Circular]";
  if (budget.left <= 0) return "[Truncated]";
  budget.left -= 2;
  if (Array.isArray(object)) return copyArray(object, depth, ancestors, budget);
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof Error) return copyError(object, depth, ancestors, budget);
  if (types.isPromise(object)) return "[Promise]";
  if (ArrayBuffer.isView(object)) return { $type: object.constructor?.name ?? "TypedArray", byteLength: object.byteLength };
  if (types.isAnyArrayBuffer(object)) return { $type: "ArrayBuffer", byteLength: object.byteLength };
  if (object instanceof Map) {
    ancestors.push(object);
    const entries = [];
    for (const [key, item] of object) {
      if (entries.length >= MAX_ARRAY_ITEMS || budget.left <= 0) {
        entries.push(`[+${object.size - entries.length} more]`);
        break;
      }
      entries.push([copy(key, depth + 1, ancestors, budget), copy(item, depth + 1, ancestors, budget)]);
    }
    ancestors.pop();
    return { $type: "Map", entries };
  }
  if (object instanceof Set) {
    ancestors.push(object);
    const values = copyArray(Array.from(object), depth, ancestors, budget);
    ancestors.pop();
    return { $type: "Set", values };
  }
  if (object instanceof RegExp) return object.toString();
  if (types.isWeakMap(object) || types.isWeakSet(object)) return `[${object.constructor.name}]`;
  const toJSON = object.toJSON;
  if (typeof toJSON === "function") {
    let json2;
    try {
      json2 = toJSON.call(object);
    } catch (error) {
      return `[Thrown by toJSON: ${describeError(error)}]`;
    }
    if (json2 !== object) return copy(json2, depth + 1, ancestors, budget);
  }
  return copyObject(object, depth, ancestors, budget);
}
function copyArray(array, depth, ancestors, budget) {
  ancestors.push(array);
  const length = array.length;
  const out = [];
  for (let i = 0; i < length; i++) {
    if (i >= MAX_ARRAY_ITEMS || budget.left <= 0) {
      out.push(`[+${length - i} more items]`);
      break;
    }
    let item;
    try {
      item = array[i];
    } catch (error) {
      item = `[Thrown: ${describeError(error)}]`;
    }
    const copied = copy(item, depth + 1, ancestors, budget);
    out.push(copied === void 0 ? null : copied);
  }
  ancestors.pop();
  return out;
}
function copyError(error, depth, ancestors, budget) {
  const out = { type: safeName(error), message: String(error.message) };
  if (typeof error.stack === "string") out.stack = error.stack;
  ancestors.push(error);
  const cause = error.cause;
  if (cause !== void 0) out.cause = copy(cause, depth + 1, ancestors, budget);
  for (const key of Object.keys(error)) {
    if (key in out) continue;
    out[key] = readProperty(error, key, depth, ancestors, budget);
  }
  ancestors.pop();
  return out;
}
function safeName(error) {
  try {
    return error.name || error.constructor?.name || "Error";
  } catch {
    return "Error";
  }
}
function copyObject(object, depth, ancestors, budget) {
  const keys = Object.keys(object);
  const out = {};
  ancestors.push(object);
  let taken = 0;
  for (const key of keys) {
    if (taken >= MAX_OBJECT_KEYS || budget.left <= 0) {
      out.$truncated = `${keys.length - taken} more keys`;
      break;
    }
    budget.left -= key.length + 3;
    const copied = readProperty(object, key, depth, ancestors, budget);
    if (copied !== void 0) out[key] = copied;
    taken++;
  }
  ancestors.pop();
  return out;
}
function readProperty(object, key, depth, ancestors, budget) {
  let item;
  try {
    item = object[key];
  } catch (error) {
    return `[Thrown: ${describeError(error)}]`;
  }
  return copy(item, depth + 1, ancestors, budget);
}

// src/decorators/decorate.ts
init_configure();
init_errors();

// src/decorators/instrument.ts
import { types as types2 } from "node:util";

// src/context/storage.ts
init_runtime();
import { AsyncLocalStorage } from "node:async_hooks";
function storage() {
  return runtime.storage ??= new AsyncLocalStorage();
}
function currentScope() {
  const als = runtime.storage;
  return als === void 0 ? void 0 : als.getStore();
}

// src/recorder/active-call.ts
init_configure();
init_diagnostics();
init_clock();
var ActiveCall = class {
  constructor(spec, session, step, parent, thisArg) {
    this.spec = spec;
    this.session = session;
    this.step = step;
    this.parent = parent;
    this.thisArg = thisArg;
    this.pendingKind = "call";
    this.endMs = 0;
    this.status = "ok";
    this.error = void 0;
    this.input = void 0;
    this.output = void 0;
    this.stateBefore = void 0;
    this.stateAfter = void 0;
    /** Facts of the event's kind (reward, actions, the model request and response...). */
    this.detail = void 0;
    this.stream = void 0;
    /** A descendant `@aiCall` recorded the model usage; this one must not count it again. */
    this.usageInChild = false;
    /** The OpenTelemetry context the callee runs in, when the span bridge is on. */
    this.otelContext = void 0;
    this.ownsStep = false;
    this.endsSession = false;
    this.span = this;
    this.startMs = now();
  }
  get spanId() {
    return this.spanIdValue ??= newSpanId();
  }
  /** Uses another system's span id (the OpenTelemetry span's) as this event's, so both can be joined. */
  adoptSpanId(spanId) {
    this.spanIdValue ??= spanId;
  }
  get ended() {
    return this.endMs !== 0;
  }
  /** Takes the bounded copy of the arguments and runs the kind's start hook. */
  begin(args) {
    const config = getConfig();
    if (this.spec.captureInput && config.captureContent) this.input = snapshot(args, config.maxPayloadBytes);
    const start = this.spec.behaviour.start;
    if (start !== void 0) this.guard("start", () => start(this, this.thisArg, args));
  }
  /** Completes the call once: records the result or error and hands the call to its tracer. */
  complete(status, error, result) {
    if (this.endMs !== 0) return;
    this.endMs = now();
    this.status = status;
    this.error = error;
    const behaviour5 = this.spec.behaviour;
    if (status === "ok" && this.stream === void 0) {
      const config = getConfig();
      if (this.spec.captureOutput && config.captureContent) this.output = snapshot(result, config.maxPayloadBytes);
      if (behaviour5.end !== void 0) this.guard("end", () => behaviour5.end(this, this.thisArg, result));
    }
    if (behaviour5.finally !== void 0) this.guard("finally", () => behaviour5.finally(this, this.thisArg));
    this.session.untrack(this);
    if (this.session.recording) this.session.sink.enqueue(this);
    if (this.ownsStep) this.step?.end();
    if (this.endsSession) this.session.end(status === "error" ? error : void 0);
  }
  /** Completes a stream or generator that its consumer abandoned. */
  cancel() {
    this.complete("cancelled", void 0);
  }
  /** Runs a toolkit hook; a throw becomes a diagnostic and never reaches the user. */
  guard(hook, fn) {
    try {
      fn();
    } catch (error) {
      reportDiagnostic("hook-threw", `${this.spec.kind} "${this.spec.name}": the ${hook} hook threw; the call goes on unrecorded in that part.`, error);
    }
  }
};

// src/decorators/instrument.ts
init_diagnostics();
init_runtime();

// src/session-tracer.ts
init_configure();

// src/context/session.ts
init_clock();

// src/context/timestep.ts
init_clock();
var OpenTimestep = class {
  constructor(session, index, turnNumber, metadata, id) {
    this.session = session;
    this.index = index;
    this.turnNumber = turnNumber;
    this.metadata = metadata;
    this.pendingKind = "timestep";
    this.startMs = now();
    this.endMs = 0;
    this.id = id ?? newId("step");
  }
  /** Ends the timestep once and hands it to the session's tracer. */
  end() {
    if (this.endMs !== 0) return;
    this.endMs = now();
    if (this.session.recording) this.session.sink.enqueue(this);
  }
};

// src/context/session.ts
var OpenSession = class {
  constructor(id, sink, recording, implicit, metadata, continued) {
    this.id = id;
    this.sink = sink;
    this.recording = recording;
    this.implicit = implicit;
    this.metadata = metadata;
    this.continued = continued;
    this.pendingKind = "session";
    this.startMs = now();
    this.endMs = 0;
    this.error = void 0;
    this.nextStepIndex = 0;
    /** Calls and records dropped because a queue was full, reported in the session's metadata. */
    this.dropped = 0;
    this.traceIdValue = continued?.traceId;
  }
  get traceId() {
    return this.traceIdValue ??= newTraceId();
  }
  get ended() {
    return this.endMs !== 0;
  }
  /** Opens the next timestep of this session. */
  openTimestep(turnNumber, metadata, id) {
    const index = this.nextStepIndex++;
    return new OpenTimestep(this, index, turnNumber ?? index, metadata, id);
  }
  /** The local view of a timestep owned elsewhere: events join it, its record is not written here. */
  continuedTimestep(id, turnNumber) {
    const step = new OpenTimestep(this, -1, turnNumber, void 0, id);
    step.endMs = -1;
    return step;
  }
  /** Remembers a call that outlives its return (a stream, a generator) so the session can close it. */
  track(call) {
    (this.openCalls ??= /* @__PURE__ */ new Set()).add(call);
  }
  untrack(call) {
    this.openCalls?.delete(call);
  }
  /** Ends the session once: open streams and generators are completed as `cancelled` first. */
  end(error) {
    if (this.endMs !== 0) return;
    if (this.openCalls !== void 0) {
      for (const call of [...this.openCalls]) call.cancel();
      this.openCalls = void 0;
    }
    this.endMs = now();
    this.error = error;
    this.sink.sessionEnded(this);
  }
};

// src/session-tracer.ts
init_diagnostics();
init_errors();

// src/export/default-exporters.ts
init_diagnostics();

// src/export/console.ts
init_assemble_sessions();

// src/export/session-tree.ts
function sessionTotals(session) {
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = null;
  let reward = 0;
  let errors = 0;
  for (const event of session.event_history) {
    if (event.status === "error") errors++;
    if (event.event_type === "cais") {
      inputTokens += event.input_tokens ?? 0;
      outputTokens += event.output_tokens ?? 0;
      if (event.cost_usd !== null && event.cost_usd !== void 0) cost = (cost ?? 0) + event.cost_usd;
    } else if (event.event_type === "environment" && typeof event.reward === "number") {
      reward += event.reward;
    }
  }
  const durationMs = session.ended_at === null ? null : Date.parse(session.ended_at) - Date.parse(session.created_at);
  return { steps: session.session_time_steps.length, events: session.event_history.length, inputTokens, outputTokens, costUsd: cost, reward, errors, durationMs };
}
var ms = (value) => value >= 1e3 ? `${(value / 1e3).toFixed(2)} s` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`;
var usd = (value) => `$${value < 0.01 ? value.toFixed(6) : value.toFixed(4)}`;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function describe(event, paint) {
  const parts = [`${paint.kind(event.event_type)} ${paint.bold(event.name)}`];
  switch (event.event_type) {
    case "cais": {
      if (event.model_name) parts.push(event.model_name);
      if (event.input_tokens !== null || event.output_tokens !== null) parts.push(`${event.input_tokens ?? "?"}\u2192${event.output_tokens ?? "?"} tokens`);
      if (event.cost_usd !== null && event.cost_usd !== void 0) parts.push(usd(event.cost_usd));
      const stream = event.call_records?.[0]?.stream;
      if (stream) parts.push(`${plural(stream.chunk_count, "chunk")}${stream.time_to_first_chunk_ms !== null ? `, first after ${ms(stream.time_to_first_chunk_ms)}` : ""}`);
      break;
    }
    case "environment":
      if (event.reward !== null) parts.push(`reward ${event.reward}`);
      if (event.terminated) parts.push("terminated");
      if (event.truncated) parts.push("truncated");
      break;
    case "runtime":
      if (event.actions?.length) parts.push(plural(event.actions.length, "action"));
      break;
    case "span":
      if (event.span_kind && event.span_kind !== "other") parts.push(`[${event.span_kind}]`);
      break;
  }
  parts.push(ms(event.duration_ms));
  if (event.status === "error") parts.push(paint.error(`\u2717 ${event.error?.type ?? "Error"}: ${event.error?.message ?? ""}`));
  if (event.status === "cancelled") parts.push(paint.error("cancelled"));
  return parts.join(" \xB7 ");
}
var plain = { bold: (t) => t, kind: (t) => t, error: (t) => t, dim: (t) => t };
var ansi = {
  bold: (t) => `\x1B[1m${t}\x1B[22m`,
  kind: (t) => `\x1B[36m${t}\x1B[39m`,
  error: (t) => `\x1B[31m${t}\x1B[39m`,
  dim: (t) => `\x1B[2m${t}\x1B[22m`
};
function renderEvents(events, prefix2, lines, paint) {
  const ids = new Set(events.map((e) => e.span_id));
  const children = /* @__PURE__ */ new Map();
  for (const event of events) {
    const parent = event.parent_span_id !== null && ids.has(event.parent_span_id) ? event.parent_span_id : null;
    let list = children.get(parent);
    if (list === void 0) children.set(parent, list = []);
    list.push(event);
  }
  const walk = (parent, indent) => {
    const list = children.get(parent) ?? [];
    list.forEach((event, i) => {
      const last = i === list.length - 1;
      lines.push(`${indent}${last ? "\u2514\u2500 " : "\u251C\u2500 "}${describe(event, paint)}`);
      walk(event.span_id, indent + (last ? "   " : "\u2502  "));
    });
  };
  walk(null, prefix2);
}
function formatSessionTree(session, options = {}) {
  const paint = options.color ? ansi : plain;
  const totals = sessionTotals(session);
  const header = [
    `session ${paint.bold(session.session_id)}`,
    plural(totals.steps, "step"),
    plural(totals.events, "event"),
    totals.durationMs === null ? "still open" : ms(totals.durationMs)
  ];
  if (totals.inputTokens || totals.outputTokens) header.push(`${totals.inputTokens}\u2192${totals.outputTokens} tokens`);
  if (totals.costUsd !== null) header.push(usd(totals.costUsd));
  if (session.event_history.some((e) => e.event_type === "environment")) header.push(`reward ${Math.round(totals.reward * 1e6) / 1e6}`);
  if (totals.errors) header.push(paint.error(plural(totals.errors, "error")));
  const lines = [header.join(" \xB7 ")];
  const inSteps = /* @__PURE__ */ new Set();
  const groups = [];
  for (const step of session.session_time_steps) {
    for (const event of step.events) inSteps.add(event.event_id);
    const duration = step.completed_at === null ? "open" : ms(Date.parse(step.completed_at) - Date.parse(step.timestamp));
    groups.push({ title: `step ${step.step_index}${step.turn_number !== null && step.turn_number !== step.step_index ? ` \xB7 turn ${step.turn_number}` : ""} \xB7 ${plural(step.events.length, "event")} \xB7 ${duration}`, events: step.events });
  }
  const outside = session.event_history.filter((e) => !inSteps.has(e.event_id));
  if (outside.length > 0) groups.push({ title: paint.dim("outside timesteps"), events: outside });
  groups.forEach((group, i) => {
    const last = i === groups.length - 1;
    lines.push(`${last ? "\u2514\u2500 " : "\u251C\u2500 "}${group.title}`);
    renderEvents(group.events, last ? "   " : "\u2502  ", lines, paint);
  });
  return lines.join("\n");
}

// src/export/console.ts
var ConsoleExporter = class {
  constructor(options = {}) {
    this.name = "console";
    this.buffered = /* @__PURE__ */ new Map();
    this.stream = options.stream ?? process.stdout;
    this.color = options.color ?? Boolean(this.stream.isTTY);
    this.maxEvents = options.maxEventsPerSession ?? 1e4;
  }
  export(records) {
    for (const record of records) {
      const id = record.record_type === "session" ? record.session.session_id : record.session_id;
      let entry = this.buffered.get(id);
      if (entry === void 0) this.buffered.set(id, entry = { records: [], events: 0, omitted: 0 });
      if (record.record_type === "event" && entry.events >= this.maxEvents) {
        entry.omitted++;
        continue;
      }
      if (record.record_type === "event") entry.events++;
      entry.records.push(record);
      if (record.record_type === "session") {
        this.buffered.delete(id);
        for (const session of assembleSessions(entry.records)) {
          const omitted = entry.omitted > 0 ? `
   (${entry.omitted} more events not shown)` : "";
          this.stream.write(`${formatSessionTree(session, { color: this.color })}${omitted}
`);
        }
      }
    }
  }
};

// src/export/jsonl.ts
import AsyncLock from "async-lock";
import { mkdir, open } from "node:fs/promises";
import { dirname, join } from "node:path";
init_configure();
init_errors();
init_assemble_sessions();
var JsonlExporter = class {
  constructor(options = {}) {
    this.name = "jsonl";
    this.lock = new AsyncLock();
    if (options.path !== void 0 && (typeof options.path !== "string" || options.path.length === 0)) {
      throw new AgentTraceError("E_CONFIG", "agent-trace: JsonlExporter option path must be a non-empty file path.");
    }
    this.path = options.path ?? join(getConfig().dir, "traces.jsonl");
  }
  export(records) {
    if (records.length === 0) return Promise.resolve();
    let text = "";
    for (const record of records) text += JSON.stringify(record) + "\n";
    return this.lock.acquire("write", async () => {
      const handle = await this.open();
      await handle.write(text);
    });
  }
  forceFlush() {
    return this.lock.acquire("write", async () => {
      if (this.handle !== void 0) await (await this.handle).datasync();
    });
  }
  shutdown() {
    return this.lock.acquire("write", async () => {
      if (this.handle === void 0) return;
      const handle = await this.handle;
      this.handle = void 0;
      await handle.close();
    });
  }
  open() {
    if (this.handle === void 0) {
      this.handle = mkdir(dirname(this.path), { recursive: true }).then(() => open(this.path, "a"));
      this.handle.catch(() => {
        this.handle = void 0;
      });
    }
    return this.handle;
  }
};

// src/export/default-exporters.ts
var LazyExporter = class {
  constructor(name, load) {
    this.name = name;
    this.load = load;
  }
  async export(records) {
    const exporter = await this.get();
    await exporter?.export(records);
  }
  async forceFlush() {
    if (this.loaded !== void 0) await (await this.loaded)?.forceFlush?.();
  }
  async shutdown() {
    if (this.loaded !== void 0) await (await this.loaded)?.shutdown?.();
  }
  get() {
    return this.loaded ??= this.load().catch((error) => {
      reportDiagnostic("exporter-unavailable", `the ${this.name} exporter could not be loaded; its records are dropped.`, error);
      return void 0;
    });
  }
};
var FACTORIES = {
  console: () => new ConsoleExporter(),
  jsonl: () => new JsonlExporter(),
  duckdb: () => new LazyExporter("duckdb", async () => new (await Promise.resolve().then(() => (init_duckdb(), duckdb_exports))).DuckDBExporter()),
  otlp: () => new LazyExporter("otlp", async () => (await Promise.resolve().then(() => (init_otel(), otel_exports))).createOtlpExporterFromEnv()),
  http: () => new LazyExporter("http", async () => (await Promise.resolve().then(() => (init_http(), http_exports))).HttpExporter.fromEnv())
};
function defaultExporters(config) {
  return config.exporters.filter((name) => name !== "none").map((name) => FACTORIES[name]());
}

// src/export/export-pipeline.ts
init_configure();
init_diagnostics();
init_runtime();

// src/recorder/to-records.ts
init_clock();
init_events();
var round = (ms2) => Math.round(ms2 * 1e3) / 1e3;
function toRecords(items, maxPayloadBytes) {
  const records = [];
  for (const item of items) {
    switch (item.pendingKind) {
      case "call":
        records.push({ record_type: "event", session_id: item.session.id, step_id: item.step?.id ?? null, event: callToEvent(item) });
        break;
      case "event":
        records.push({ record_type: "event", session_id: item.session.id, step_id: item.step?.id ?? null, event: manualEvent(item, maxPayloadBytes) });
        break;
      case "message":
        records.push(messageRecord(item, maxPayloadBytes));
        break;
      case "timestep":
        records.push({ record_type: "timestep", session_id: item.session.id, timestep: timestepRecord(item) });
        break;
      case "session":
        records.push({ record_type: "session", session: sessionRecord(item) });
        break;
    }
  }
  return records;
}
function toEventError(error) {
  if (error instanceof Error) {
    return { type: error.name || error.constructor?.name || "Error", message: String(error.message), stack: typeof error.stack === "string" ? error.stack : null };
  }
  if (typeof error === "object" && error !== null) {
    const shaped = error;
    return { type: typeof shaped.name === "string" ? shaped.name : "Object", message: typeof shaped.message === "string" ? shaped.message : JSON.stringify(snapshot(error, 1024)), stack: null };
  }
  return { type: typeof error, message: String(error), stack: null };
}
function systemIdOf(call) {
  if (call.spec.systemId !== void 0) return call.spec.systemId;
  const self = call.thisArg;
  if (typeof self === "function" && typeof self.name === "string" && self.name) return self.name;
  if (typeof self === "object" && self !== null) {
    const name = self.constructor?.name;
    if (typeof name === "string" && name && name !== "Object") return name;
  }
  return call.spec.name;
}
function callToEvent(call) {
  const metadata = {};
  if (call.spec.metadata !== void 0) Object.assign(metadata, call.spec.metadata);
  const event = {
    schema_version: SCHEMA_VERSION,
    event_type: call.spec.kind,
    event_id: call.spanId,
    name: call.spec.name,
    system_instance_id: systemIdOf(call),
    time_record: { event_time: toEpochMs(call.startMs) / 1e3, message_time: call.step?.turnNumber ?? null },
    trace_id: call.session.traceId,
    span_id: call.spanId,
    parent_span_id: call.parent?.spanId ?? call.session.continued?.parentSpanId ?? null,
    started_at: toIso(call.startMs),
    ended_at: toIso(call.endMs),
    duration_ms: round(call.endMs - call.startMs),
    status: call.status,
    error: call.status === "error" ? toEventError(call.error) : null,
    input: call.input,
    output: call.output,
    metadata,
    ...call.spec.behaviour.fields(call)
  };
  return event;
}
var EVENT_DEFAULTS = {
  cais: { model_name: null, provider: null, input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, latency_ms: 0, system_state_before: void 0, system_state_after: void 0, call_records: [] },
  environment: { reward: null, terminated: null, truncated: null, system_state_before: void 0, system_state_after: void 0 },
  runtime: { actions: [] },
  span: { span_kind: "other" }
};
function manualEvent(item, maxPayloadBytes) {
  const fields = snapshot(item.fields, maxPayloadBytes * 4);
  const type = String(fields.event_type);
  const spanId = typeof fields.span_id === "string" ? fields.span_id : newId("event").slice(6, 22);
  return {
    ...EVENT_DEFAULTS[type],
    schema_version: SCHEMA_VERSION,
    event_id: spanId,
    system_instance_id: "manual",
    time_record: { event_time: toEpochMs(item.atMs) / 1e3, message_time: item.step?.turnNumber ?? null },
    trace_id: item.session.traceId,
    span_id: spanId,
    parent_span_id: item.parent?.spanId ?? item.session.continued?.parentSpanId ?? null,
    started_at: toIso(item.atMs),
    ended_at: toIso(item.atMs),
    duration_ms: 0,
    status: "ok",
    error: null,
    input: void 0,
    output: void 0,
    metadata: {},
    ...fields
  };
}
function messageRecord(item, maxPayloadBytes) {
  const fields = snapshot(item.fields, maxPayloadBytes);
  return {
    record_type: "message",
    session_id: item.session.id,
    step_id: item.step?.id ?? null,
    message: {
      schema_version: SCHEMA_VERSION,
      message_id: newId("msg"),
      content: fields.content,
      message_type: String(fields.message_type),
      time_record: { event_time: toEpochMs(item.atMs) / 1e3, message_time: item.step?.turnNumber ?? null },
      metadata: fields.metadata ?? {}
    }
  };
}
function timestepRecord(step) {
  return {
    schema_version: SCHEMA_VERSION,
    step_id: step.id,
    step_index: step.index,
    timestamp: toIso(step.startMs),
    turn_number: step.turnNumber,
    events: [],
    markov_blanket_messages: [],
    step_metadata: step.metadata ?? {},
    completed_at: step.endMs === 0 ? null : toIso(step.endMs)
  };
}
function sessionRecord(session) {
  const metadata = { ...session.metadata ?? {} };
  if (session.implicit) metadata.implicit = true;
  if (session.dropped > 0) metadata.dropped_events = session.dropped;
  if (session.error !== void 0) metadata.error = toEventError(session.error);
  return {
    schema_version: SCHEMA_VERSION,
    session_id: session.id,
    created_at: toIso(session.startMs),
    ended_at: session.endMs === 0 ? null : toIso(session.endMs),
    session_time_steps: [],
    event_history: [],
    markov_blanket_message_history: [],
    metadata
  };
}

// src/redaction/redact-records.ts
init_diagnostics();

// src/redaction/truncate.ts
function truncateUtf8(text, maxBytes, originalBytes) {
  if (text.length * 3 <= maxBytes) return text;
  const total = Buffer.byteLength(text, "utf8");
  if (total <= maxBytes) return text;
  const marker = truncationMarker(Math.max(total, originalBytes ?? 0));
  const budget = Math.max(0, maxBytes - Buffer.byteLength(marker, "utf8"));
  return text.slice(0, utf8PrefixLength(text, budget)) + marker;
}
function truncationMarker(originalBytes) {
  return `\u2026[TRUNCATED ${originalBytes} bytes]`;
}
function utf8PrefixLength(text, budget) {
  let bytes = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let size;
    let units = 1;
    if (c < 128) size = 1;
    else if (c < 2048) size = 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < n && (text.charCodeAt(i + 1) & 64512) === 56320) {
      size = 4;
      units = 2;
    } else size = 3;
    if (bytes + size > budget) break;
    bytes += size;
    i += units;
  }
  return i;
}

// src/redaction/redact-records.ts
var FAILED = "[REDACTION_FAILED]";
var EVENT_KEEP = /* @__PURE__ */ new Set([
  "schema_version",
  "event_type",
  "event_id",
  "name",
  "system_instance_id",
  "time_record",
  "trace_id",
  "span_id",
  "parent_span_id",
  "started_at",
  "ended_at",
  "duration_ms",
  "status",
  "model_name",
  "provider",
  "input_tokens",
  "output_tokens",
  "total_tokens",
  "cost_usd",
  "latency_ms",
  "reward",
  "terminated",
  "truncated",
  "span_kind"
]);
var CALL_KEEP = /* @__PURE__ */ new Set([
  "call_id",
  "api_type",
  "provider",
  "model_name",
  "started_at",
  "completed_at",
  "latency_ms",
  "usage",
  "cost_usd",
  "finish_reason",
  "provider_request_id",
  "stream"
]);
var TOOL_CALL_KEEP = /* @__PURE__ */ new Set(["id", "name"]);
var MESSAGE_KEEP = /* @__PURE__ */ new Set(["schema_version", "message_id", "message_type", "time_record"]);
var MESSAGE_META_KEEP = /* @__PURE__ */ new Set(["from_system_instance_id", "to_system_instance_id"]);
var TIMESTEP_KEEP = /* @__PURE__ */ new Set(["schema_version", "step_id", "step_index", "timestamp", "turn_number", "completed_at"]);
var SESSION_KEEP = /* @__PURE__ */ new Set(["schema_version", "session_id", "created_at", "ended_at"]);
var RECORD_KEEP = /* @__PURE__ */ new Set(["record_type", "session_id", "step_id"]);
async function redactRecords(records, redactor) {
  const out = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    try {
      const masker = new RecordMasker(redactor);
      const masked = masker.record(record);
      if (masker.needsSettle()) await masker.settle();
      out[i] = masked;
    } catch (error) {
      reportDiagnostic("redaction-failed", "agent-trace: a trace record could not be masked; a placeholder was exported instead.", error);
      out[i] = placeholder(record);
    }
  }
  return out;
}
var RecordMasker = class {
  constructor(redactor, async = true) {
    this.redactor = redactor;
    this.async = async;
    this.sessions = [];
    this.fixups = [];
  }
  needsSettle() {
    return this.redactor.maskHook !== void 0 && this.sessions.length > 0;
  }
  async settle() {
    await Promise.all(this.sessions.map((s) => s.settle()));
    for (const fix of this.fixups) fix();
  }
  record(record) {
    if (record === null || typeof record !== "object") throw new TypeError("a trace record must be an object");
    const out = this.keep(record, RECORD_KEEP, null);
    switch (record.record_type) {
      case "event":
        out.event = this.event(record.event);
        break;
      case "message":
        out.message = this.message(record.message);
        break;
      case "timestep":
        out.timestep = this.timestep(record.timestep);
        break;
      case "session":
        out.session = this.session(record.session);
        break;
      default:
        throw new TypeError(`unknown record_type ${JSON.stringify(record.record_type)}`);
    }
    for (const key of Object.keys(record)) {
      if (!(key in out) && key !== "event" && key !== "message" && key !== "timestep" && key !== "session") {
        out[key] = this.newSession().redact(record[key]);
      }
    }
    return out;
  }
  event(event) {
    const session = this.newSession();
    const out = {};
    for (const key of Object.keys(event)) {
      const value = event[key];
      if (EVENT_KEEP.has(key) && isPrimitive(value)) out[key] = value;
      else if (key === "error") out.error = value === null || value === void 0 ? value : this.error(value, session);
      else if (key === "call_records") out.call_records = Array.isArray(value) ? value.map((c) => this.callRecord(c, session)) : this.field(value, session);
      else if (key !== "metadata") out[key] = this.field(value, session);
    }
    out.metadata = this.metadata(event.metadata, session);
    return out;
  }
  error(error, session) {
    if (typeof error !== "object") return { type: "Error", message: this.field(error, session), stack: null };
    const out = {};
    for (const key of Object.keys(error)) {
      const value = error[key];
      out[key] = key === "type" && typeof value === "string" ? value : this.field(value, session);
    }
    return out;
  }
  callRecord(call, session) {
    if (call === null || typeof call !== "object") return this.field(call, session);
    const out = {};
    for (const key of Object.keys(call)) {
      const value = call[key];
      if (CALL_KEEP.has(key) && (isPrimitive(value) || isNumericObject(value))) out[key] = copyNumeric(value);
      else if (key === "tool_calls" && Array.isArray(value)) out.tool_calls = value.map((t) => this.toolCall(t, session));
      else out[key] = this.field(value, session);
    }
    return out;
  }
  toolCall(call, session) {
    if (call === null || typeof call !== "object") return this.field(call, session);
    const out = {};
    for (const key of Object.keys(call)) {
      const value = call[key];
      out[key] = TOOL_CALL_KEEP.has(key) && isPrimitive(value) ? value : this.field(value, session);
    }
    return out;
  }
  message(message) {
    const session = this.newSession();
    const out = {};
    for (const key of Object.keys(message)) {
      const value = message[key];
      if (MESSAGE_KEEP.has(key) && (isPrimitive(value) || isNumericObject(value))) out[key] = copyNumeric(value);
      else if (key !== "metadata") out[key] = this.field(value, session);
    }
    const meta = message.metadata;
    const kept = {};
    let rest;
    if (meta !== null && typeof meta === "object" && !Array.isArray(meta)) {
      for (const key of Object.keys(meta)) {
        const value = meta[key];
        if (MESSAGE_META_KEEP.has(key) && isPrimitive(value)) kept[key] = value;
        else (rest ??= {})[key] = value;
      }
    }
    const maskedRest = rest === void 0 ? meta === void 0 || meta === null || typeof meta === "object" ? {} : { value: meta } : rest;
    out.metadata = Object.assign(kept, this.metadata(maskedRest, session));
    return out;
  }
  timestep(step) {
    const session = this.newSession();
    const out = {};
    for (const key of Object.keys(step)) {
      const value = step[key];
      if (TIMESTEP_KEEP.has(key) && isPrimitive(value)) out[key] = value;
      else if (key === "events" && Array.isArray(value)) out.events = value.map((e) => this.event(e));
      else if (key === "markov_blanket_messages" && Array.isArray(value)) out.markov_blanket_messages = value.map((m) => this.message(m));
      else if (key !== "step_metadata") out[key] = this.field(value, session);
    }
    out.step_metadata = this.metadata(step.step_metadata, session);
    return out;
  }
  session(trace) {
    const session = this.newSession();
    const out = {};
    for (const key of Object.keys(trace)) {
      const value = trace[key];
      if (SESSION_KEEP.has(key) && isPrimitive(value)) out[key] = value;
      else if (key === "session_time_steps" && Array.isArray(value)) out.session_time_steps = value.map((s) => this.timestep(s));
      else if (key === "event_history" && Array.isArray(value)) out.event_history = value.map((e) => this.event(e));
      else if (key === "markov_blanket_message_history" && Array.isArray(value)) out.markov_blanket_message_history = value.map((m) => this.message(m));
      else if (key !== "metadata") out[key] = this.field(value, session);
    }
    out.metadata = this.metadata(trace.metadata, session);
    return out;
  }
  // Masks metadata and adds `redaction` with the counts of the whole part, once they are final.
  metadata(meta, session) {
    const masked = meta === void 0 || meta === null ? {} : this.field(meta, session);
    const out = masked !== null && typeof masked === "object" && !Array.isArray(masked) ? masked : { value: masked };
    delete out.redaction;
    const apply2 = () => {
      const counts = withoutZeros(session.counts);
      if (counts !== null) out.redaction = counts;
      else delete out.redaction;
    };
    apply2();
    if (this.redactor.maskHook !== void 0 && this.async) this.fixups.push(apply2);
    return out;
  }
  // One data field: masked, then cut to the byte limit as a whole.
  field(value, session) {
    const masked = session.redact(value);
    const max = this.redactor.maxPayloadBytes;
    if (masked === null || typeof masked !== "object" || session.approxChars * 3 <= max) return masked;
    const json2 = JSON.stringify(masked);
    if (json2 === void 0) return masked;
    const bytes = Buffer.byteLength(json2, "utf8");
    if (bytes <= max) return masked;
    session.counts.TRUNCATED = (session.counts.TRUNCATED ?? 0) + 1;
    return truncateUtf8(json2, max, bytes);
  }
  keep(source, keys, session) {
    const out = {};
    for (const key of keys) {
      if (!(key in source)) continue;
      const value = source[key];
      out[key] = isPrimitive(value) ? value : (session ?? this.newSession()).redact(value);
    }
    return out;
  }
  newSession() {
    const session = this.redactor.startSession(this.async);
    this.sessions.push(session);
    return session;
  }
};
function isPrimitive(value) {
  return value === null || value === void 0 || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
function isNumericObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  for (const v of Object.values(value)) {
    if (!(v === null || typeof v === "number" || typeof v === "boolean")) return false;
  }
  return true;
}
function copyNumeric(value) {
  return value !== null && typeof value === "object" ? { ...value } : value;
}
function withoutZeros(counts) {
  let out = null;
  for (const [k, v] of Object.entries(counts)) if (v) (out ??= {})[k] = v;
  return out;
}
function placeholder(record) {
  const r = record !== null && typeof record === "object" ? record : {};
  const str2 = (v) => typeof v === "string" ? v : null;
  const redaction = { FAILED: 1 };
  try {
    switch (r.record_type) {
      case "event": {
        const e = r.event ?? {};
        const event = {};
        for (const key of EVENT_KEEP) if (key in e && isPrimitive(e[key])) event[key] = e[key];
        Object.assign(event, { input: FAILED, output: FAILED, error: null, metadata: { redaction } });
        return { record_type: "event", session_id: str2(r.session_id) ?? "", step_id: str2(r.step_id), event };
      }
      case "message": {
        const m = r.message ?? {};
        const message = {};
        for (const key of MESSAGE_KEEP) if (key in m && isPrimitive(m[key])) message[key] = m[key];
        Object.assign(message, { content: { text: FAILED }, metadata: { redaction } });
        return { record_type: "message", session_id: str2(r.session_id) ?? "", step_id: str2(r.step_id), message };
      }
      case "timestep": {
        const t = r.timestep ?? {};
        const timestep = { events: [], markov_blanket_messages: [] };
        for (const key of TIMESTEP_KEEP) if (key in t && isPrimitive(t[key])) timestep[key] = t[key];
        timestep.step_metadata = { redaction };
        return { record_type: "timestep", session_id: str2(r.session_id) ?? "", timestep };
      }
      default: {
        const s = r.session ?? {};
        const session = { session_time_steps: [], event_history: [], markov_blanket_message_history: [] };
        for (const key of SESSION_KEEP) if (key in s && isPrimitive(s[key])) session[key] = s[key];
        session.metadata = { redaction };
        return { record_type: "session", session };
      }
    }
  } catch {
    return { record_type: "session", session: { schema_version: "3.0", session_id: "", created_at: "", ended_at: null, session_time_steps: [], event_history: [], markov_blanket_message_history: [], metadata: { redaction } } };
  }
}

// src/export/batch-processor.ts
init_diagnostics();
var BatchProcessor = class {
  constructor(exporter, options) {
    this.exporter = exporter;
    this.options = options;
    this.queue = [];
    this.waiting = 0;
    this.closed = false;
    /** Records dropped because the queue was full or the exporter was shut down. */
    this.dropped = 0;
    /** Batches that failed or timed out. */
    this.failedBatches = 0;
  }
  /** Queues records for export; never blocks and never throws. */
  add(records) {
    if (this.closed) {
      this.dropped += records.length;
      return;
    }
    let dropped = 0;
    for (const record of records) {
      if (this.queue.length >= this.options.maxQueueSize && (record.record_type === "event" || record.record_type === "message")) dropped++;
      else this.queue.push(record);
    }
    if (dropped > 0) {
      this.dropped += dropped;
      reportDiagnostic("queue-full", `exporter ${this.label()}: queue full (${this.options.maxQueueSize}); ${dropped} records dropped.`);
    }
    this.kick();
  }
  /** Exports everything queued so far, then asks the exporter to flush its own buffers. */
  async forceFlush() {
    this.waiting++;
    this.timer?.ref();
    try {
      while (this.inFlight !== void 0 || this.queue.length > 0) {
        this.kick();
        await this.inFlight;
      }
      await this.call("forceFlush");
    } finally {
      this.waiting--;
    }
  }
  /** Records waiting for their export. */
  get queued() {
    return this.queue.length;
  }
  /** Flushes once and shuts the exporter down; later records are dropped. */
  async shutdown() {
    if (this.closed) return;
    await this.forceFlush();
    this.closed = true;
    this.waiting++;
    try {
      await this.call("shutdown");
    } finally {
      this.waiting--;
    }
  }
  kick() {
    if (this.inFlight !== void 0 || this.queue.length === 0) return;
    this.inFlight = this.loop().finally(() => {
      this.inFlight = void 0;
    });
  }
  async loop() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxExportBatchSize);
      try {
        await this.withTimeout(() => this.exporter.export(batch), "export");
      } catch (error) {
        this.failedBatches++;
        reportDiagnostic("exporter-failed", `exporter ${this.label()}: a batch of ${batch.length} records failed.`, error);
      }
    }
  }
  async call(method) {
    const fn = this.exporter[method];
    if (typeof fn !== "function") return;
    try {
      await this.withTimeout(() => fn.call(this.exporter), method);
    } catch (error) {
      reportDiagnostic("exporter-failed", `exporter ${this.label()}: ${method} failed.`, error);
    }
  }
  withTimeout(fn, what) {
    return new Promise((resolve2, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${this.options.exportTimeoutMillis} ms`)), this.options.exportTimeoutMillis);
      if (this.waiting === 0) timer.unref();
      this.timer = timer;
      const done = () => {
        clearTimeout(timer);
        if (this.timer === timer) this.timer = void 0;
      };
      Promise.resolve().then(fn).then(
        () => {
          done();
          resolve2();
        },
        (error) => {
          done();
          reject(error);
        }
      );
    });
  }
  label() {
    return this.exporter.name ?? this.exporter.constructor?.name ?? "exporter";
  }
};

// src/export/export-pipeline.ts
var DEFAULT_PIPELINE_OPTIONS = Object.freeze({
  maxQueueSize: 8192,
  maxExportBatchSize: 512,
  exportTimeoutMillis: 3e4,
  scheduledDelayMillis: 500
});
var ExportPipeline = class {
  constructor(exporters, redactor, options, maxPayloadBytes) {
    this.redactor = redactor;
    this.options = options;
    this.maxPayloadBytes = maxPayloadBytes;
    this.pending = [];
    this.chain = Promise.resolve();
    /** Events and messages dropped because too many waited for their batch. */
    this.dropped = 0;
    this.processors = exporters.map((exporter) => new BatchProcessor(exporter, options));
  }
  /** Queues what finished. Sessions and timesteps are never dropped; events are, past the queue limit. */
  enqueue(item) {
    if (this.pending.length >= this.options.maxQueueSize && (item.pendingKind === "call" || item.pendingKind === "event" || item.pendingKind === "message")) {
      if (item.pendingKind === "call" && item.otelContext !== void 0) runtime.bridge?.finish(item, null);
      this.dropped++;
      item.session.dropped++;
      if (this.dropped === 1 || this.dropped % 1e4 === 0) {
        reportDiagnostic("queue-full", `${this.dropped} events dropped: more than ${this.options.maxQueueSize} waited for export. Raise maxQueueSize or export faster.`);
      }
      return;
    }
    this.pending.push(item);
    if (this.pending.length >= this.options.maxExportBatchSize) {
      this.immediate ??= setImmediate(() => {
        this.immediate = void 0;
        void this.drain();
      });
      this.immediate.unref();
    } else if (this.timer === void 0) {
      this.timer = setTimeout(() => {
        this.timer = void 0;
        void this.drain();
      }, this.options.scheduledDelayMillis);
      this.timer.unref();
    }
  }
  /** True while something waits to be turned into records or exported. */
  get hasPending() {
    return this.pending.length > 0 || this.processors.some((processor) => processor.queued > 0);
  }
  /** Turns everything pending into records and hands them to the processors; batches stay in order. */
  drain() {
    this.chain = this.chain.then(() => this.drainOnce());
    return this.chain;
  }
  /** Drains, then waits until every exporter has written everything. */
  async flush() {
    await this.drain();
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }
  /** Flushes once and shuts every exporter down. */
  async shutdown() {
    await this.drain();
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
    if (this.timer !== void 0) clearTimeout(this.timer);
    if (this.immediate !== void 0) clearImmediate(this.immediate);
  }
  async drainOnce() {
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    let records;
    try {
      records = await redactRecords(toRecords(items, this.maxPayloadBytes()), this.redactor);
    } catch (error) {
      reportDiagnostic("serialize-failed", `a batch of ${items.length} items could not be serialised or masked and was dropped.`, error);
      this.dropped += items.length;
      return;
    }
    const bridge = runtime.bridge;
    if (bridge !== void 0 && records.length === items.length) {
      items.forEach((item, i) => {
        const record = records[i];
        if (item.pendingKind !== "call" || item.otelContext === void 0 || record.record_type !== "event") return;
        try {
          bridge.finish(item, record.event);
        } catch (error) {
          reportDiagnostic("span-bridge-failed", `could not end the OpenTelemetry span of "${item.spec.name}".`, error);
        }
      });
    }
    if (getConfig().mode === "otel") return;
    for (const processor of this.processors) processor.add(records);
  }
};

// src/session-tracer.ts
init_clock();

// src/redaction/redactor.ts
init_diagnostics();
init_errors();
import { createHmac } from "node:crypto";

// src/redaction/entity-kinds.ts
var DETECTOR_NAMES = [
  "privateKey",
  "anthropicKey",
  "openaiKey",
  "awsAccessKey",
  "githubToken",
  "slackToken",
  "stripeKey",
  "googleApiKey",
  "jwt",
  "urlCredentials",
  "bearerToken",
  "basicAuth",
  "iban",
  "card",
  "ssn",
  "email",
  "phone",
  "ip",
  "credentialAssignment"
];
var DETECTOR_KINDS = Object.freeze({
  privateKey: "PRIVATE_KEY",
  anthropicKey: "ANTHROPIC_KEY",
  openaiKey: "OPENAI_KEY",
  awsAccessKey: "AWS_ACCESS_KEY",
  githubToken: "GITHUB_TOKEN",
  slackToken: "SLACK_TOKEN",
  stripeKey: "STRIPE_KEY",
  googleApiKey: "GOOGLE_API_KEY",
  jwt: "JWT",
  urlCredentials: "URL_CREDENTIALS",
  bearerToken: "BEARER_TOKEN",
  basicAuth: "BASIC_AUTH",
  credentialAssignment: "SECRET",
  iban: "IBAN",
  card: "CARD",
  ssn: "SSN",
  email: "EMAIL",
  phone: "PHONE",
  ip: "IP"
});

// src/redaction/phone.ts
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
var DEFAULT_PHONE_COUNTRIES = Object.freeze(["US", "CA", "GB", "DE", "FR", "NL", "AU", "IN", "IT", "JP", "BR"]);
var NANP = /* @__PURE__ */ new Set(["US", "CA"]);
var PHONE_WORDS = /* @__PURE__ */ new Set(["phone", "telephone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "sms", "text", "contact", "ph", "dial", "reach", "landline", "hotline", "mob"]);
var ID_WORDS = /* @__PURE__ */ new Set([
  "id",
  "order",
  "invoice",
  "inv",
  "ref",
  "reference",
  "sku",
  "isbn",
  "serial",
  "tracking",
  "version",
  "ver",
  "v",
  "build",
  "release",
  "acct",
  "account",
  "batch",
  "lot",
  "ticket",
  "case",
  "po",
  "part",
  "item",
  "model",
  "seed",
  "zip",
  "port",
  "code",
  "pin",
  "count",
  "step",
  "page",
  "ts",
  "timestamp",
  "uid",
  "pid",
  "txn",
  "transaction"
]);
var NUMBER_WORDS = /* @__PURE__ */ new Set(["no", "nr", "num", "number", "id", "#"]);
var DATE_SHAPE = /^(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})$/;
var TIME_SHAPE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}/;
var PhoneValidator = class {
  constructor(countries = DEFAULT_PHONE_COUNTRIES) {
    this.cache = /* @__PURE__ */ new Map();
    this.nanp = countries.some((c) => NANP.has(c));
    this.trunkCountries = countries.filter((c) => !NANP.has(c));
  }
  /** True when `candidate` (digits, separators, an optional `+`) is a phone number, given the text just before it. */
  isPhone(candidate, before2) {
    const digits = candidate.replace(/\D+/g, "");
    const n = digits.length;
    if (n < 7 || n > 15) return false;
    const plus = candidate.charCodeAt(0) === 43;
    const formatted = /[ .()-]/.test(candidate);
    if (DATE_SHAPE.test(candidate) || TIME_SHAPE.test(candidate)) return false;
    if (!plus && /\+\d{1,3}[\s(]*$/.test(before2)) return false;
    if (!plus) {
      const context = phoneContext(before2);
      if (context === "id") return false;
      if (!formatted && context !== "phone") return false;
    }
    if (formatted && !groupsLookLikePhone(candidate, plus)) return false;
    const key = candidate;
    const cached = this.cache.get(key);
    if (cached !== void 0) return cached;
    const result = this.validate(candidate, digits, plus);
    if (this.cache.size > 2e3) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
  validate(candidate, digits, plus) {
    if (plus) return valid(candidate, void 0);
    if (digits.startsWith("00")) return valid(`+${digits.slice(2)}`, void 0);
    if (digits.charCodeAt(0) === 48) {
      for (const country of this.trunkCountries) if (valid(candidate, country)) return true;
      return false;
    }
    if (!this.nanp || !nanpGrouping(candidate)) return false;
    const national = digits.length === 11 && digits.charCodeAt(0) === 49 ? digits.slice(1) : digits;
    if (national.length !== 10) return false;
    return valid(candidate, "US") || valid(candidate, "CA");
  }
};
function lastWords(before2, n) {
  const words = [];
  const tokens = before2.toLowerCase().split(/([^a-z0-9#]+)/);
  for (let i = tokens.length - 1; i >= 0 && words.length < n; i--) {
    const token = tokens[i];
    if (token === "" || /^[^a-z0-9#]+$/.test(token)) continue;
    if (token.endsWith("#")) words.push("#");
    const word = token.replace(/#/g, "");
    if (word !== "") words.push(word);
  }
  return words;
}
function phoneContext(before2) {
  if (/#\s*$/.test(before2)) return "id";
  for (const word of lastWords(before2, 4)) {
    if (PHONE_WORDS.has(word)) return "phone";
    if (ID_WORDS.has(word) || word === "#") return "id";
    if (!NUMBER_WORDS.has(word) && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57) return null;
  }
  return null;
}
function nanpGrouping(candidate) {
  const groups = candidate.split(/[^0-9]+/).filter((g) => g.length > 0).map((g) => g.length);
  if (groups.length === 1) return groups[0] === 10 || groups[0] === 11;
  const body = groups.length === 4 && groups[0] === 1 ? groups.slice(1) : groups;
  return body.length === 3 && body[0] === 3 && body[1] === 3 && body[2] === 4;
}
function valid(text, country) {
  try {
    const parsed = country === void 0 ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, country);
    return parsed !== void 0 && parsed.isValid();
  } catch {
    return false;
  }
}
function groupsLookLikePhone(candidate, plus) {
  const groups = candidate.split(/[ .()-]+/).filter((g) => g.length > 0);
  if (groups.length > 7) return false;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i].replace("+", "");
    if (g.length >= 2) continue;
    if (i === 0 && (plus || g === "1")) continue;
    if (i === 1 && plus) continue;
    return false;
  }
  return true;
}

// src/redaction/sensitive-keys.ts
var DEFAULT_SENSITIVE_KEYS = Object.freeze([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "clientsecret",
  "apikey",
  "xapikey",
  "apitoken",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "authtoken",
  "sessiontoken",
  "token",
  "bearertoken",
  "authorization",
  "proxyauthorization",
  "auth",
  "cookie",
  "cookies",
  "setcookie",
  "privatekey",
  "secretkey",
  "secretaccesskey",
  "awssecretaccesskey",
  "accesskey",
  "signingkey",
  "encryptionkey",
  "credentials",
  "credential",
  "sessionid",
  "sessid",
  "csrftoken",
  "xsrftoken",
  "xcsrftoken",
  "ssn",
  "creditcard",
  "cardnumber",
  "cvv",
  "cvc",
  "otp",
  "totp",
  "mfacode",
  "pinCode",
  "connectionstring",
  "dsn"
].map(normalizeKeyName));
var SENSITIVE_SUFFIXES = Object.freeze(["password", "passwd", "secret", "apikey", "accesskey", "privatekey", "secretkey", "token", "cookie", "authorization"]);
var NOT_SENSITIVE = /* @__PURE__ */ new Set(["eostoken", "bostoken", "padtoken", "unktoken", "septoken", "clstoken", "masktoken", "stoptoken", "maxtoken", "mintoken", "lasttoken", "firsttoken", "nexttokenid"]);
function normalizeKeyName(key) {
  let out = "";
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) out += key[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += key[i];
    else if (c > 127) out += key[i].toLowerCase();
  }
  return out;
}
function isSensitiveKeyName(normalized, extra2) {
  if (normalized.length === 0) return false;
  if (DEFAULT_SET.has(normalized) || extra2.has(normalized)) return true;
  if (NOT_SENSITIVE.has(normalized)) return false;
  for (const suffix of SENSITIVE_SUFFIXES) {
    if (normalized.length > suffix.length && normalized.endsWith(suffix)) return true;
  }
  return normalized.startsWith("password") || normalized.startsWith("passwd");
}
var DEFAULT_SET = new Set(DEFAULT_SENSITIVE_KEYS);

// src/redaction/validators.ts
import { isIPv4, isIPv6 } from "node:net";

// src/redaction/tlds.ts
var TLD_LIST = "aaa|aarp|abb|abbott|abbvie|abc|able|abogado|abudhabi|ac|academy|accenture|accountant|accountants|aco|actor|ad|ads|adult|ae|aeg|aero|aetna|af|afl|africa|ag|agakhan|agency|ai|aig|airbus|airforce|airtel|akdn|al|alibaba|alipay|allfinanz|allstate|ally|alsace|alstom|am|amazon|americanexpress|americanfamily|amex|amfam|amica|amsterdam|analytics|android|anquan|anz|ao|aol|apartments|app|apple|aq|aquarelle|ar|arab|aramco|archi|army|arpa|art|arte|as|asda|asia|associates|at|athleta|attorney|au|auction|audi|audible|audio|auspost|author|auto|autos|aw|aws|ax|axa|az|azure|ba|baby|baidu|banamex|band|bank|bar|barcelona|barclaycard|barclays|barefoot|bargains|baseball|basketball|bauhaus|bayern|bb|bbc|bbt|bbva|bcg|bcn|bd|be|beats|beauty|beer|berlin|best|bestbuy|bet|bf|bg|bh|bharti|bi|bible|bid|bike|bing|bingo|bio|biz|bj|black|blackfriday|blockbuster|blog|bloomberg|blue|bm|bms|bmw|bn|bnpparibas|bo|boats|boehringer|bofa|bom|bond|boo|book|booking|bosch|bostik|boston|bot|boutique|box|br|bradesco|bridgestone|broadway|broker|brother|brussels|bs|bt|build|builders|business|buy|buzz|bv|bw|by|bz|bzh|ca|cab|cafe|cal|call|calvinklein|cam|camera|camp|canon|capetown|capital|capitalone|car|caravan|cards|care|career|careers|cars|casa|case|cash|casino|cat|catering|catholic|cba|cbn|cbre|cc|cd|center|ceo|cern|cf|cfa|cfd|cg|ch|chanel|channel|charity|chase|chat|cheap|chintai|christmas|chrome|church|ci|cipriani|circle|cisco|citadel|citi|citic|city|ck|cl|claims|cleaning|click|clinic|clinique|clothing|cloud|club|clubmed|cm|cn|co|coach|codes|coffee|college|cologne|com|commbank|community|company|compare|computer|comsec|condos|construction|consulting|contact|contractors|cooking|cool|coop|corsica|country|coupon|coupons|courses|cpa|cr|credit|creditcard|creditunion|cricket|crown|crs|cruise|cruises|cu|cuisinella|cv|cw|cx|cy|cymru|cyou|cz|dad|dance|data|date|dating|datsun|day|dclk|dds|de|deal|dealer|deals|degree|delivery|dell|deloitte|delta|democrat|dental|dentist|desi|design|dev|dhl|diamonds|diet|digital|direct|directory|discount|discover|dish|diy|dj|dk|dm|dnp|do|docs|doctor|dog|domains|dot|download|drive|dtv|dubai|dupont|durban|dvag|dvr|dz|earth|eat|ec|eco|edeka|edu|education|ee|eg|email|emerck|energy|engineer|engineering|enterprises|epson|equipment|er|ericsson|erni|es|esq|estate|et|eu|eurovision|eus|events|exchange|expert|exposed|express|extraspace|fage|fail|fairwinds|faith|family|fan|fans|farm|farmers|fashion|fast|fedex|feedback|ferrari|ferrero|fi|fidelity|fido|film|final|finance|financial|fire|firestone|firmdale|fish|fishing|fit|fitness|fj|fk|flickr|flights|flir|florist|flowers|fly|fm|fo|foo|food|football|ford|forex|forsale|forum|foundation|fox|fr|free|fresenius|frl|frogans|frontier|ftr|fujitsu|fun|fund|furniture|futbol|fyi|ga|gal|gallery|gallo|gallup|game|games|gap|garden|gay|gb|gbiz|gd|gdn|ge|gea|gent|genting|george|gf|gg|ggee|gh|gi|gift|gifts|gives|giving|gl|glass|gle|global|globo|gm|gmail|gmbh|gmo|gmx|gn|godaddy|gold|goldpoint|golf|goodyear|goog|google|gop|got|gov|gp|gq|gr|grainger|graphics|gratis|green|gripe|grocery|group|gs|gt|gu|gucci|guge|guide|guitars|guru|gw|gy|hair|hamburg|hangout|haus|hbo|hdfc|hdfcbank|health|healthcare|help|helsinki|here|hermes|hiphop|hisamitsu|hitachi|hiv|hk|hkt|hm|hn|hockey|holdings|holiday|homedepot|homegoods|homes|homesense|honda|horse|hospital|host|hosting|hot|hotels|hotmail|house|how|hr|hsbc|ht|hu|hughes|hyatt|hyundai|ibm|icbc|ice|icu|id|ie|ieee|ifm|ikano|il|im|imamat|imdb|immo|immobilien|in|inc|industries|infiniti|info|ing|ink|institute|insurance|insure|int|international|intuit|investments|io|ipiranga|iq|ir|irish|is|ismaili|ist|istanbul|it|itau|itv|jaguar|java|jcb|je|jeep|jetzt|jewelry|jio|jll|jm|jmp|jnj|jo|jobs|joburg|jot|joy|jp|jpmorgan|jprs|juegos|juniper|kaufen|kddi|ke|kerryhotels|kerryproperties|kfh|kg|kh|ki|kia|kids|kim|kindle|kitchen|kiwi|km|kn|koeln|komatsu|kosher|kp|kpmg|kpn|kr|krd|kred|kuokgroup|kw|ky|kyoto|kz|la|lacaixa|lamborghini|lamer|land|landrover|lanxess|lasalle|lat|latino|latrobe|law|lawyer|lb|lc|lds|lease|leclerc|lefrak|legal|lego|lexus|lgbt|li|lidl|life|lifeinsurance|lifestyle|lighting|like|lilly|limited|limo|lincoln|link|live|living|lk|llc|llp|loan|loans|locker|locus|lol|london|lotte|lotto|love|lpl|lplfinancial|lr|ls|lt|ltd|ltda|lu|lundbeck|luxe|luxury|lv|ly|ma|madrid|maif|maison|makeup|man|management|mango|map|market|marketing|markets|marriott|marshalls|mattel|mba|mc|mckinsey|md|me|med|media|meet|melbourne|meme|memorial|men|menu|merck|merckmsd|mg|mh|miami|microsoft|mil|mini|mint|mit|mitsubishi|mk|ml|mlb|mls|mm|mma|mn|mo|mobi|mobile|moda|moe|moi|mom|monash|money|monster|mormon|mortgage|moscow|moto|motorcycles|mov|movie|mp|mq|mr|ms|msd|mt|mtn|mtr|mu|museum|music|mv|mw|mx|my|mz|na|nab|nagoya|name|navy|nba|nc|ne|nec|net|netbank|netflix|network|neustar|new|news|next|nextdirect|nexus|nf|nfl|ng|ngo|nhk|ni|nico|nike|nikon|ninja|nissan|nissay|nl|no|nokia|norton|now|nowruz|nowtv|np|nr|nra|nrw|ntt|nu|nyc|nz|obi|observer|office|okinawa|olayan|olayangroup|ollo|om|omega|one|ong|onl|online|ooo|open|oracle|orange|org|organic|origins|osaka|otsuka|ott|ovh|pa|page|panasonic|paris|pars|partners|parts|party|pay|pccw|pe|pet|pf|pfizer|pg|ph|pharmacy|phd|philips|phone|photo|photography|photos|physio|pics|pictet|pictures|pid|pin|ping|pink|pioneer|pizza|pk|pl|place|play|playstation|plumbing|plus|pm|pn|pnc|pohl|poker|politie|porn|post|pr|praxi|press|prime|pro|prod|productions|prof|progressive|promo|properties|property|protection|pru|prudential|ps|pt|pub|pw|pwc|py|qa|qpon|quebec|quest|racing|radio|re|read|realestate|realtor|realty|recipes|red|redumbrella|rehab|reise|reisen|reit|reliance|ren|rent|rentals|repair|report|republican|rest|restaurant|review|reviews|rexroth|rich|richardli|ricoh|ril|rio|rip|ro|rocks|rodeo|rogers|room|rs|rsvp|ru|rugby|ruhr|run|rw|rwe|ryukyu|sa|saarland|safe|safety|sakura|sale|salon|samsclub|samsung|sandvik|sandvikcoromant|sanofi|sap|sarl|sas|save|saxo|sb|sbi|sbs|sc|scb|schaeffler|schmidt|scholarships|school|schule|schwarz|science|scot|sd|se|search|seat|secure|security|seek|select|sener|services|seven|sew|sex|sexy|sfr|sg|sh|shangrila|sharp|shell|shia|shiksha|shoes|shop|shopping|shouji|show|si|silk|sina|singles|site|sj|sk|ski|skin|sky|skype|sl|sling|sm|smart|smile|sn|sncf|so|soccer|social|softbank|software|sohu|solar|solutions|song|sony|soy|spa|space|sport|spot|sr|srl|ss|st|stada|staples|star|statebank|statefarm|stc|stcgroup|stockholm|storage|store|stream|studio|study|style|su|sucks|supplies|supply|support|surf|surgery|suzuki|sv|swatch|swiss|sx|sy|sydney|systems|sz|tab|taipei|talk|taobao|target|tatamotors|tatar|tattoo|tax|taxi|tc|tci|td|tdk|team|tech|technology|tel|temasek|tennis|teva|tf|tg|th|thd|theater|theatre|tiaa|tickets|tienda|tips|tires|tirol|tj|tjmaxx|tjx|tk|tkmaxx|tl|tm|tmall|tn|to|today|tokyo|tools|top|toray|toshiba|total|tours|town|toyota|toys|tr|trade|trading|training|travel|travelers|travelersinsurance|trust|trv|tt|tube|tui|tunes|tushu|tv|tvs|tw|tz|ua|ubank|ubs|ug|uk|unicom|university|uno|uol|ups|us|uy|uz|va|vacations|vana|vanguard|vc|ve|vegas|ventures|verisign|versicherung|vet|vg|vi|viajes|video|vig|viking|villas|vin|vip|virgin|visa|vision|viva|vivo|vlaanderen|vn|vodka|volvo|vote|voting|voto|voyage|vu|wales|walmart|walter|wang|wanggou|watch|watches|weather|weatherchannel|webcam|weber|website|wed|wedding|weibo|weir|wf|whoswho|wien|wiki|williamhill|win|windows|wine|winners|wme|woodside|work|works|world|wow|ws|wtc|wtf|xbox|xerox|xihuan|xin|xxx|xyz|yachts|yahoo|yamaxun|yandex|ye|yodobashi|yoga|yokohama|you|youtube|yt|yun|za|zappos|zara|zero|zip|zm|zone|zuerich|zw|xn--11b4c3d|xn--1ck2e1b|xn--1qqw23a|xn--2scrj9c|xn--30rr7y|xn--3bst00m|xn--3ds443g|xn--3e0b707e|xn--3hcrj9c|xn--3pxu8k|xn--42c2d9a|xn--45br5cyl|xn--45brj9c|xn--45q11c|xn--4dbrk0ce|xn--4gbrim|xn--54b7fta0cc|xn--55qw42g|xn--55qx5d|xn--5su34j936bgsg|xn--5tzm5g|xn--6frz82g|xn--6qq986b3xl|xn--80adxhks|xn--80ao21a|xn--80aqecdr1a|xn--80asehdb|xn--80aswg|xn--8y0a063a|xn--90a3ac|xn--90ae|xn--90ais|xn--9dbq2a|xn--9et52u|xn--9krt00a|xn--b4w605ferd|xn--bck1b9a5dre4c|xn--c1avg|xn--c2br7g|xn--cck2b3b|xn--cckwcxetd|xn--cg4bki|xn--clchc0ea0b2g2a9gcd|xn--czr694b|xn--czrs0t|xn--czru2d|xn--d1acj3b|xn--d1alf|xn--e1a4c|xn--eckvdtc9d|xn--efvy88h|xn--fct429k|xn--fhbei|xn--fiq228c5hs|xn--fiq64b|xn--fiqs8s|xn--fiqz9s|xn--fjq720a|xn--flw351e|xn--fpcrj9c3d|xn--fzc2c9e2c|xn--fzys8d69uvgm|xn--g2xx48c|xn--gckr3f0f|xn--gecrj9c|xn--gk3at1e|xn--h2breg3eve|xn--h2brj9c|xn--h2brj9c8c|xn--hxt814e|xn--i1b6b1a6a2e|xn--imr513n|xn--io0a7i|xn--j1aef|xn--j1amh|xn--j6w193g|xn--jlq480n2rg|xn--jvr189m|xn--kcrx77d1x4a|xn--kprw13d|xn--kpry57d|xn--kput3i|xn--l1acc|xn--lgbbat1ad8j|xn--mgb9awbf|xn--mgba3a3ejt|xn--mgba3a4f16a|xn--mgba7c0bbn0a|xn--mgbaam7a8h|xn--mgbab2bd|xn--mgbah1a3hjkrd|xn--mgbai9azgqp6j|xn--mgbayh7gpa|xn--mgbbh1a|xn--mgbbh1a71e|xn--mgbc0a9azcg|xn--mgbca7dzdo|xn--mgbcpq6gpa1a|xn--mgberp4a5d4ar|xn--mgbgu82a|xn--mgbi4ecexp|xn--mgbpl2fh|xn--mgbt3dhd|xn--mgbtx2b|xn--mgbx4cd0ab|xn--mix891f|xn--mk1bu44c|xn--mxtq1m|xn--ngbc5azd|xn--ngbe9e0a|xn--ngbrx|xn--node|xn--nqv7f|xn--nqv7fs00ema|xn--nyqy26a|xn--o3cw4h|xn--ogbpf8fl|xn--otu796d|xn--p1acf|xn--p1ai|xn--pgbs0dh|xn--pssy2u|xn--q7ce6a|xn--q9jyb4c|xn--qcka1pmc|xn--qxa6a|xn--qxam|xn--rhqv96g|xn--rovu88b|xn--rvc1e0am3e|xn--s9brj9c|xn--ses554g|xn--t60b56a|xn--tckwe|xn--tiq49xqyj|xn--unup4y|xn--vermgensberater-ctb|xn--vermgensberatung-pwb|xn--vhquv|xn--vuq861b|xn--w4r85el8fhu5dnra|xn--w4rs40l|xn--wgbh1c|xn--wgbl6a|xn--xhq521b|xn--xkc2al3hye2a|xn--xkc2dl3a5ee0h|xn--y9a3aq|xn--yfro4i67o|xn--ygbi2ammx|xn--zfr164b";
var TOP_LEVEL_DOMAINS = new Set(TLD_LIST.split("|"));

// src/redaction/validators.ts
function luhnValid(digits) {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
function cardPrefixValid(digits) {
  const n = digits.length;
  if (n < 13 || n > 19) return false;
  const d1 = digits.charCodeAt(0) - 48;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (d1 === 4) return n === 13 || n === 16 || n === 19;
  if (p2 >= 51 && p2 <= 55) return n === 16;
  if (p4 >= 2221 && p4 <= 2720) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p3 >= 644 && p3 <= 649 || p2 === 65) return n >= 16;
  if (p6 >= 622126 && p6 <= 622925) return n >= 16;
  if (p2 === 62 || p2 === 81) return n >= 16;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16;
  if (p2 === 36 || p3 >= 300 && p3 <= 305 || p2 === 38 || p2 === 39) return n >= 14;
  if (p2 === 50 || p2 >= 56 && p2 <= 69) return n >= 13;
  if (p4 >= 2200 && p4 <= 2204) return n >= 16;
  return false;
}
var IBAN_LENGTHS = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30
};
function ibanLength(country) {
  return IBAN_LENGTHS[country];
}
function ibanValid(iban) {
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected === void 0 || iban.length !== expected) return false;
  let remainder = 0;
  for (let i = 0; i < iban.length; i++) {
    const c = iban.charCodeAt((i + 4) % iban.length);
    if (c >= 48 && c <= 57) {
      remainder = (remainder * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      remainder = (remainder * 100 + (c - 55)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}
function ssnValid(area, group, serial) {
  if (area.length !== 3 || group.length !== 2 || serial.length !== 4) return false;
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== "00" && serial !== "0000";
}
function emailDomainValid(domain) {
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (label.charCodeAt(0) === 45 || label.charCodeAt(label.length - 1) === 45) return false;
  }
  return TOP_LEVEL_DOMAINS.has(labels[labels.length - 1].toLowerCase());
}
function ipv4Valid(text) {
  return isIPv4(text);
}
function ipv6Valid(text) {
  return isIPv6(text);
}
function jwtHeaderValid(header) {
  try {
    const decoded = Buffer.from(header, "base64url").toString("utf8");
    if (decoded.charCodeAt(0) !== 123) return false;
    const parsed = JSON.parse(decoded);
    return typeof parsed === "object" && parsed !== null && ("alg" in parsed || "typ" in parsed || "enc" in parsed);
  } catch {
    return false;
  }
}

// src/redaction/detectors.ts
var PRIORITY = Object.fromEntries(DETECTOR_NAMES.map((n, i) => [n, i]));
var EMPTY = [];
var SECRET_LITERALS = [
  ["k-", -1],
  ["k_", -1],
  ["whsec_", 0],
  ["AKIA", 0],
  ["ASIA", 0],
  ["ABIA", 0],
  ["ACCA", 0],
  ["AGPA", 0],
  ["AIDA", 0],
  ["AIPA", 0],
  ["ANPA", 0],
  ["ANVA", 0],
  ["AROA", 0],
  ["APKA", 0],
  ["AIza", 0],
  ["gh", 0],
  ["github_pat_", 0],
  ["xox", 0],
  ["xapp-", 0],
  ["/services/", -15],
  ["yJ", -1],
  ["-----BEGIN", 0],
  ["Bearer", 0],
  ["bearer", 0],
  ["BEARER", 0],
  ["Basic", 0],
  ["basic", 0],
  ["BASIC", 0]
];
var ANTHROPIC2 = /sk-ant-[a-z0-9]{2,12}-[A-Za-z0-9_-]{20,}/y;
var OPENAI2 = /sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,}/y;
var STRIPE = /(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/=]{20,}/y;
var AWS = /A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|ROA|PKA)[A-Z2-7]{16}(?![A-Za-z0-9])/y;
var GOOGLE2 = /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y;
var GITHUB = /gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255}/y;
var SLACK = /xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/y;
var JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/y;
var PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----/y;
var BEARER = /(?:[Bb]earer|BEARER)[ \t]+([A-Za-z0-9\-._~+/]{12,}=*)/y;
var BASIC = /(?:[Bb]asic|BASIC)[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/y;
var DIGIT_RUN = /\+?\(?\d[\d ().-]{5,}\d/g;
var IBAN_START = /[A-Z]{2}\d{2}/g;
var IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
var SSN_SHAPE = /^(\d{3})([- ])(\d{2})\2(\d{4})$/;
var CARD_SHAPE = /^\d[\d -]*\d$/;
var VERSION_CONTEXT = /\b(?:v|ver|version|build|release|firmware|kernel)[\s.:#-]*$/i;
var SSN_CONTEXT = /(?:ssn|social security(?: number| no\.?)?|soc\.? sec\.?)[\s#:=-]*(?:is\s|no\.?\s?|number\s)?$/i;
var ID_CONTEXT = /(?:#|\b(?:id|order|invoice|ref|reference|tracking|serial|sku|account|acct|ticket|transaction|txn)\b[\s.:#-]*(?:no\.?|number|id)?[\s.:#-]*)$/i;
var NON_SECRET_VALUES = /* @__PURE__ */ new Set(["null", "none", "nil", "undefined", "true", "false", "required", "optional", "string", "redacted", "[redacted]"]);
var TextScanner = class {
  constructor(options = {}) {
    this.keyCache = /* @__PURE__ */ new Map();
    const on = {};
    for (const name of DETECTOR_NAMES) on[name] = options.detectors?.[name] ?? true;
    this.on = on;
    this.anySecret = on.privateKey || on.anthropicKey || on.openaiKey || on.awsAccessKey || on.githubToken || on.slackToken || on.stripeKey || on.googleApiKey || on.jwt || on.bearerToken || on.basicAuth;
    this.anyDigit = on.card || on.ssn || on.phone || on.ip;
    this.phone = new PhoneValidator(options.phoneCountries ?? DEFAULT_PHONE_COUNTRIES);
    this.extraKeys = options.sensitiveKeys ?? /* @__PURE__ */ new Set();
    const endings = /* @__PURE__ */ new Set();
    for (const name of [...DEFAULT_SENSITIVE_KEYS, ...SENSITIVE_SUFFIXES, ...this.extraKeys]) {
      const padded = name.padStart(3, "\0");
      endings.add(trigram(padded.charCodeAt(padded.length - 3), padded.charCodeAt(padded.length - 2), padded.charCodeAt(padded.length - 1)));
    }
    this.keyEndings = endings;
  }
  /** Every entity in `text`, sorted by position, overlaps merged (the higher-priority kind wins). */
  find(text) {
    if (text.length < 6) return EMPTY;
    const out = [];
    const on = this.on;
    if (this.anySecret) this.scanSecrets(text, out);
    if ((on.email || on.urlCredentials) && text.indexOf("@") !== -1) this.scanAt(text, out);
    if ((on.ip || on.credentialAssignment) && text.indexOf(":") !== -1) this.scanColons(text, out);
    if (on.credentialAssignment && text.indexOf("=") !== -1) this.scanEquals(text, out);
    if (this.anyDigit) this.scanDigits(text, out);
    if (on.iban) this.scanIban(text, out);
    return out.length > 1 ? resolveOverlaps(out) : out;
  }
  push(out, detector, start, end) {
    out.push({ kind: DETECTOR_KINDS[detector], detector, start, end });
  }
  scanSecrets(text, out) {
    for (const [literal, offset] of SECRET_LITERALS) {
      let p = text.indexOf(literal);
      while (p !== -1) {
        const end = this.secretAt(text, p + offset, out);
        p = text.indexOf(literal, end > p ? end : p + 1);
      }
    }
  }
  // Checks the secret that may start at `i`; returns where it ends, or -1.
  secretAt(text, i, out) {
    const on = this.on;
    const c = text.charCodeAt(i);
    let end = -1;
    let start = i;
    let detector = null;
    if (c === 45) {
      if (on.privateKey) [end, detector] = [pemEnd(text, i), "privateKey"];
    } else if (i < 0 || !wordBoundaryBefore(text, i)) {
      return -1;
    } else if (c === 115 && text.charCodeAt(i + 2) === 45) {
      if (text.startsWith("sk-ant-", i)) {
        if (on.anthropicKey) [end, detector] = [stickyEnd(ANTHROPIC2, text, i), "anthropicKey"];
      } else if (on.openaiKey) {
        [end, detector] = [stickyEnd(OPENAI2, text, i), "openaiKey"];
      }
    } else if (c === 115 || c === 114 || c === 112 || c === 119) {
      if (on.stripeKey) [end, detector] = [stickyEnd(STRIPE, text, i), "stripeKey"];
    } else if (c === 65) {
      if (text.charCodeAt(i + 1) === 73 && text.charCodeAt(i + 2) === 122) {
        if (on.googleApiKey) [end, detector] = [stickyEnd(GOOGLE2, text, i), "googleApiKey"];
      } else if (on.awsAccessKey) {
        [end, detector] = [stickyEnd(AWS, text, i), "awsAccessKey"];
      }
    } else if (c === 103) {
      if (on.githubToken) [end, detector] = [stickyEnd(GITHUB, text, i), "githubToken"];
    } else if (c === 120 || c === 104) {
      if (on.slackToken) [end, detector] = [stickyEnd(SLACK, text, i), "slackToken"];
    } else if (c === 101) {
      if (on.jwt) {
        end = stickyEnd(JWT, text, i);
        if (end !== -1 && !jwtHeaderValid(text.slice(i, text.indexOf(".", i)))) end = -1;
        detector = "jwt";
      }
    } else if (c === 66 || c === 98) {
      const second = text.charCodeAt(i + 1);
      const re = second === 97 || second === 65 ? on.basicAuth ? BASIC : null : on.bearerToken ? BEARER : null;
      if (re !== null) {
        re.lastIndex = i;
        const b = re.exec(text);
        if (b !== null && (re === BASIC ? basicCredentialsValid(b[1]) : bearerTokenValid(b[1]))) {
          start = i + b[0].length - b[1].length;
          end = i + b[0].length;
          while (end > start && text.charCodeAt(end - 1) === 46) end--;
          detector = re === BASIC ? "basicAuth" : "bearerToken";
        }
      }
    }
    if (detector === null || end <= start) return -1;
    this.push(out, detector, start, end);
    return end;
  }
  scanAt(text, out) {
    const len = text.length;
    let at = text.indexOf("@");
    while (at !== -1) {
      let s = at;
      while (s > 0 && !isUserinfoStop(text.charCodeAt(s - 1))) s--;
      if (s >= 3 && text.charCodeAt(s - 1) === 47 && text.charCodeAt(s - 2) === 47 && text.charCodeAt(s - 3) === 58) {
        const colon = text.indexOf(":", s);
        if (this.on.urlCredentials && colon !== -1 && colon < at - 1 && colon > s) this.push(out, "urlCredentials", s, at);
        at = text.indexOf("@", at + 1);
        continue;
      }
      if (this.on.email) {
        let l = at;
        while (l > 0 && isLocalChar(text.charCodeAt(l - 1))) l--;
        while (l < at && text.charCodeAt(l) === 46) l++;
        let r = at + 1;
        while (r < len && isDomainChar(text.charCodeAt(r))) r++;
        while (r > at + 1 && (text.charCodeAt(r - 1) === 46 || text.charCodeAt(r - 1) === 45)) r--;
        if (l < at && r > at + 3 && text.charCodeAt(at - 1) !== 46 && !isWordChar(text.charCodeAt(r))) {
          const domain = text.slice(at + 1, r);
          if (text.slice(l, at).indexOf("..") === -1 && emailDomainValid(domain)) this.push(out, "email", l, r);
        }
      }
      at = text.indexOf("@", at + 1);
    }
  }
  scanColons(text, out) {
    let p = text.indexOf(":");
    while (p !== -1) {
      let next = p + 1;
      const before2 = text.charCodeAt(p - 1);
      const after2 = text.charCodeAt(p + 1);
      if (this.on.ip && (isHex(before2) || before2 === 58 || isHex(after2) || after2 === 58)) {
        const end = this.ipv6At(text, p, out);
        if (end !== -1) next = end;
      }
      if (next === p + 1 && this.on.credentialAssignment && after2 !== 58 && before2 !== 58) {
        const end = this.assignmentAt(text, p, out);
        if (end !== -1) next = end;
      }
      p = text.indexOf(":", next);
    }
  }
  scanEquals(text, out) {
    let p = text.indexOf("=");
    while (p !== -1) {
      let next = p + 1;
      const after2 = text.charCodeAt(p + 1);
      if (after2 !== 61 && text.charCodeAt(p - 1) !== 61) {
        const end = this.assignmentAt(text, p, out);
        if (end !== -1) next = end;
      }
      p = text.indexOf("=", next);
    }
  }
  ipv6At(text, p, out) {
    let s = p;
    while (s > 0 && isIpv6Char(text.charCodeAt(s - 1))) s--;
    let e = p + 1;
    const len = text.length;
    while (e < len && isIpv6Char(text.charCodeAt(e))) e++;
    while (e > p + 1 && text.charCodeAt(e - 1) === 46) e--;
    if (text.charCodeAt(e) === 37) {
      let z = e + 1;
      while (z < len && isAlnum(text.charCodeAt(z))) z++;
      if (z > e + 1) e = z;
    }
    if (isWordChar(text.charCodeAt(s - 1)) || isWordChar(text.charCodeAt(e))) return -1;
    const candidate = text.slice(s, e);
    let colons = 0;
    let digit = false;
    for (let i = 0; i < candidate.length; i++) {
      const c = candidate.charCodeAt(i);
      if (c === 58) colons++;
      else if (c >= 48 && c <= 57) digit = true;
    }
    if (colons < 2 || !digit || !ipv6Valid(candidate)) return -1;
    this.push(out, "ip", s, e);
    return e;
  }
  // `password=hunter2`, `"api_key": "..."`, `Authorization: Bearer ...` written inside a string.
  assignmentAt(text, p, out) {
    let e = p;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    const q = text.charCodeAt(e - 1);
    if (q === 34 || q === 39) e--;
    let b = e;
    while (b > 0 && e - b <= 40 && isKeyChar(text.charCodeAt(b - 1))) b--;
    if (e - b < 2 || e - b > 40) return -1;
    let c3 = 0;
    let c2 = 0;
    let c1 = 0;
    for (let k = e - 1, seen = 0; k >= b && seen < 3; k--) {
      let c = text.charCodeAt(k);
      if (!isAlnum(c)) continue;
      if (c >= 65 && c <= 90) c += 32;
      if (seen === 0) c3 = c;
      else if (seen === 1) c2 = c;
      else c1 = c;
      seen++;
    }
    if (!this.keyEndings.has(trigram(c1, c2, c3))) return -1;
    const rawKey = text.slice(b, e);
    let sensitive = this.keyCache.get(rawKey);
    if (sensitive === void 0) {
      sensitive = isSensitiveKeyName(normalizeKeyName(rawKey), this.extraKeys);
      if (this.keyCache.size > 1e3) this.keyCache.clear();
      this.keyCache.set(rawKey, sensitive);
    }
    if (!sensitive) return -1;
    const len = text.length;
    let v = p + 1;
    while (v < len && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
    const open2 = text.charCodeAt(v);
    let end;
    if (open2 === 34 || open2 === 39) {
      v++;
      end = v;
      while (end < len && text.charCodeAt(end) !== open2) end += text.charCodeAt(end) === 92 ? 2 : 1;
      if (end > len) end = len;
    } else {
      if (open2 === 123 || open2 === 91) return -1;
      end = v;
      while (end < len && !isValueStop(text.charCodeAt(end))) end++;
      const word = text.slice(v, end).toLowerCase();
      if ((word === "bearer" || word === "basic" || word === "token" || word === "digest") && text.charCodeAt(end) === 32) {
        v = end + 1;
        end = v;
        while (end < len && !isValueStop(text.charCodeAt(end))) end++;
      }
      while (end > v && isSentencePunct(text.charCodeAt(end - 1))) end--;
    }
    if (end - v < 3) return -1;
    const value = text.slice(v, end);
    if (NON_SECRET_VALUES.has(value.toLowerCase()) || /^\*+$/.test(value)) return -1;
    this.push(out, "credentialAssignment", v, end);
    return end;
  }
  scanDigits(text, out) {
    DIGIT_RUN.lastIndex = 0;
    let m;
    while ((m = DIGIT_RUN.exec(text)) !== null) {
      const run2 = m[0];
      if (run2.length < 7) continue;
      const start = m.index;
      const end = start + run2.length;
      if (gluedBefore(text, start) || gluedAfter(text, end)) continue;
      this.classifyRun(text, run2, start, out);
    }
  }
  // A run may hold several values separated by spaces ("415 555 2671 on 2024 05 12"): try windows of groups, longest first.
  classifyRun(text, run2, offset, out) {
    const starts = [0];
    const ends = [];
    for (let i2 = 1; i2 < run2.length; i2++) {
      if (run2.charCodeAt(i2) === 32 && run2.charCodeAt(i2 - 1) !== 32) ends.push(i2);
      if (run2.charCodeAt(i2) !== 32 && run2.charCodeAt(i2 - 1) === 32) starts.push(i2);
    }
    ends.push(run2.length);
    const groups = starts.length;
    let i = 0;
    while (i < groups) {
      let matched = -1;
      for (let j = Math.min(groups - 1, i + 7); j >= i; j--) {
        let ws = starts[i];
        let we = ends[j];
        while (we > ws && !isDigit(run2.charCodeAt(we - 1)) && run2.charCodeAt(we - 1) !== 41) we--;
        if (we - ws < 7) continue;
        const absStart = offset + ws;
        const detector = this.classify(text, run2.slice(ws, we), absStart);
        if (detector !== null) {
          if (run2.charCodeAt(ws) === 40 && (detector !== "phone" || run2.indexOf(")", ws) === -1 || run2.indexOf(")", ws) >= we)) ws++;
          this.push(out, detector, offset + ws, offset + we);
          matched = j;
          break;
        }
      }
      i = matched === -1 ? i + 1 : matched + 1;
    }
  }
  classify(text, value, absStart) {
    const on = this.on;
    const before2 = text.slice(Math.max(0, absStart - 40), absStart);
    if (on.ip && value.length <= 15 && IPV4_SHAPE.test(value)) {
      return ipv4Valid(value) && !VERSION_CONTEXT.test(before2) ? "ip" : null;
    }
    let digits = "";
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 48 && c <= 57) digits += value[i];
    }
    const n = digits.length;
    if (on.ssn && n === 9) {
      const s = SSN_SHAPE.exec(value);
      if (s !== null) {
        if (ssnValid(s[1], s[3], s[4])) return "ssn";
      } else if (value.length === 9 && SSN_CONTEXT.test(before2) && ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) {
        return "ssn";
      }
    }
    if (on.card && n >= 13 && n <= 19 && CARD_SHAPE.test(value) && cardPrefixValid(digits) && luhnValid(digits)) {
      if (value.length !== n || !ID_CONTEXT.test(before2)) return "card";
    }
    if (on.phone && n >= 7 && n <= 15 && this.phone.isPhone(value, before2)) return "phone";
    return null;
  }
  scanIban(text, out) {
    IBAN_START.lastIndex = 0;
    let m;
    const len = text.length;
    while ((m = IBAN_START.exec(text)) !== null) {
      const i = m.index;
      if (isAlnum(text.charCodeAt(i - 1))) continue;
      const expected = ibanLength(text.slice(i, i + 2));
      if (expected === void 0) continue;
      let compact = "";
      let p = i;
      while (p < len && compact.length < expected) {
        const c = text.charCodeAt(p);
        if (c >= 48 && c <= 57 || c >= 65 && c <= 90) {
          compact += text[p];
          p++;
        } else if (c === 32 && p > i && text.charCodeAt(p - 1) !== 32) {
          p++;
        } else {
          break;
        }
      }
      if (compact.length !== expected || isAlnum(text.charCodeAt(p))) continue;
      if (ibanValid(compact)) {
        this.push(out, "iban", i, p);
        IBAN_START.lastIndex = p;
      }
    }
  }
};
function resolveOverlaps(matches) {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [matches[0]];
  for (let i = 1; i < matches.length; i++) {
    const m = matches[i];
    const last = out[out.length - 1];
    if (m.start >= last.end) {
      out.push(m);
      continue;
    }
    const winner = PRIORITY[m.detector] < PRIORITY[last.detector] ? m : last;
    out[out.length - 1] = { kind: winner.kind, detector: winner.detector, start: last.start, end: Math.max(last.end, m.end) };
  }
  return out;
}
function trigram(a, b, c) {
  return (a & 255) << 16 | (b & 255) << 8 | c & 255;
}
function stickyEnd(re, text, i) {
  re.lastIndex = i;
  const m = re.exec(text);
  return m === null ? -1 : i + m[0].length;
}
function pemEnd(text, i) {
  PEM_BEGIN.lastIndex = i;
  const m = PEM_BEGIN.exec(text);
  if (m === null) return -1;
  const endMarker = `-----END ${m[1]}PRIVATE KEY${m[2] ?? ""}-----`;
  const e = text.indexOf(endMarker, i + m[0].length);
  return e === -1 ? text.length : e + endMarker.length;
}
function bearerTokenValid(token) {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57 || c === 45 || c === 46 || c === 95 || c === 126 || c === 43 || c === 47 || c === 61) return true;
  }
  return false;
}
function basicCredentialsValid(b64) {
  const decoded = Buffer.from(b64, "base64").toString("latin1");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isAlnum(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function isWordChar(c) {
  return isAlnum(c) || c === 95;
}
function isHex(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
}
function isIpv6Char(c) {
  return isHex(c) || c === 58 || c === 46;
}
function wordBoundaryBefore(text, i) {
  const c = text.charCodeAt(i - 1);
  return !(isWordChar(c) || c === 45);
}
function isUserinfoStop(c) {
  return c <= 32 || c === 47 || c === 64 || c === 34 || c === 39 || c === 60 || c === 62 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59 || c === 96 || c === 92;
}
function isLocalChar(c) {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
function isDomainChar(c) {
  return isAlnum(c) || c === 46 || c === 45;
}
function isKeyChar(c) {
  return isWordChar(c) || c === 45 || c === 46;
}
function isSentencePunct(c) {
  return c === 46 || c === 58;
}
function isValueStop(c) {
  return c <= 32 || c === 34 || c === 39 || c === 44 || c === 59 || c === 38 || c === 125 || c === 93 || c === 41 || c === 60 || c === 62;
}
function gluedBefore(text, start) {
  const c = text.charCodeAt(start - 1);
  if (isWordChar(c)) return true;
  if (c === 45 || c === 47 || c === 46 || c === 35) return isWordChar(text.charCodeAt(start - 2));
  return false;
}
function gluedAfter(text, end) {
  const c = text.charCodeAt(end);
  if (isWordChar(c)) return true;
  if (c === 45 || c === 95) return isWordChar(text.charCodeAt(end + 1));
  if (c === 46) return isDigit(text.charCodeAt(end + 1));
  return false;
}

// src/redaction/paths.ts
init_errors();
import pinoRedact from "@pinojs/redact";
function parseRedactPath(path) {
  const parts = [];
  let current = "";
  let inBrackets = false;
  let quote = "";
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
      else current += ch;
    } else if (inBrackets && (ch === '"' || ch === "'")) {
      quote = ch;
    } else if (!inBrackets && ch === ".") {
      if (current !== "") parts.push(current);
      current = "";
    } else if (ch === "[") {
      if (current !== "") parts.push(current);
      current = "";
      inBrackets = true;
    } else if (ch === "]" && inBrackets) {
      parts.push(current);
      current = "";
      inBrackets = false;
    } else {
      current += ch;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}
function compilePaths(paths) {
  if (paths.length === 0) return null;
  const root = { children: /* @__PURE__ */ new Map(), star: null, terminal: false };
  for (const path of paths) {
    if (typeof path !== "string" || path.length === 0) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: redaction option "paths" holds ${JSON.stringify(path)}; give non-empty strings in fast-redact syntax such as 'headers.authorization' or 'messages[*].content'.`);
    }
    try {
      pinoRedact({ paths: [path], serialize: false });
    } catch (error) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: redaction option "paths" holds an invalid path ${JSON.stringify(path)} (${error.message}); use fast-redact syntax such as 'headers.authorization', 'a["b-c"]' or 'messages[*].content'.`);
    }
    const parts = parseRedactPath(path);
    if (parts.length === 0 || parts.some((p) => p.length === 0)) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: redaction option "paths" holds an invalid path ${JSON.stringify(path)} (an empty key); use fast-redact syntax such as 'headers.authorization'.`);
    }
    let node = root;
    for (const part of parts) {
      if (part === "*") {
        node.star ??= { children: /* @__PURE__ */ new Map(), star: null, terminal: false };
        node = node.star;
      } else {
        let next = node.children.get(part);
        if (next === void 0) {
          next = { children: /* @__PURE__ */ new Map(), star: null, terminal: false };
          node.children.set(part, next);
        }
        node = next;
      }
    }
    node.terminal = true;
  }
  return root;
}

// src/redaction/redactor.ts
var REDACTED = "[REDACTED]";
var MASK_FAILED = "[MASK_FAILED]";
var DEPTH_LIMIT = "[DEPTH_LIMIT]";
var CIRCULAR = "[CIRCULAR]";
var UNREADABLE = "[UNREADABLE]";
var SCAN_MARGIN = 4096;
var KEY_PLAIN = 0;
var KEY_SENSITIVE = 1;
var Redactor = class {
  constructor(options = {}) {
    this.keyCache = /* @__PURE__ */ new Map();
    this.hashCache = /* @__PURE__ */ new Map();
    if (options === null || typeof options !== "object") fail("options", "pass an object such as { maskPii: true }");
    const o = options;
    const maskPii = o.maskPii ?? true;
    if (typeof maskPii !== "boolean") fail("maskPii", "use true or false");
    if (o.paths !== void 0 && !Array.isArray(o.paths)) fail("paths", "use an array of fast-redact paths such as ['headers.authorization']");
    if (o.sensitiveKeys !== void 0 && (!Array.isArray(o.sensitiveKeys) || o.sensitiveKeys.some((k) => typeof k !== "string" || normalizeKeyName(k) === ""))) {
      fail("sensitiveKeys", "use an array of key names such as ['sessionSecret']");
    }
    if (o.detectors !== void 0) {
      if (o.detectors === null || typeof o.detectors !== "object") fail("detectors", "use an object such as { phone: false }");
      for (const [name, on] of Object.entries(o.detectors)) {
        if (!DETECTOR_NAMES.includes(name)) fail("detectors", `"${name}" is not a detector; known: ${DETECTOR_NAMES.join(", ")}`);
        if (typeof on !== "boolean") fail("detectors", `"${name}" must be true or false`);
      }
    }
    const replacement = o.replacement ?? "token";
    if (replacement !== "token" && replacement !== "hash") fail("replacement", "use 'token' or 'hash'");
    if (replacement === "hash" && (typeof o.hashKey !== "string" || o.hashKey.length < 16)) {
      fail("hashKey", "replacement 'hash' needs a secret hashKey of at least 16 characters (keep it out of the trace and the code)");
    }
    if (o.hashKey !== void 0 && typeof o.hashKey !== "string") fail("hashKey", "use a string");
    if (o.mask !== void 0 && typeof o.mask !== "function") fail("mask", "use a function (value, path) => maskedValue");
    this.maxPayloadBytes = intOption("maxPayloadBytes", o.maxPayloadBytes, 10240, 64);
    this.maxDepth = intOption("maxDepth", o.maxDepth, 12, 1);
    this.maxArrayItems = intOption("maxArrayItems", o.maxArrayItems, 500, 1);
    this.maskTimeoutMs = intOption("maskTimeoutMs", o.maskTimeoutMs, 5e3, 1);
    if (o.phoneCountries !== void 0 && (!Array.isArray(o.phoneCountries) || o.phoneCountries.some((c) => typeof c !== "string" || !/^[A-Z]{2}$/.test(c)))) {
      fail("phoneCountries", "use ISO 3166 country codes such as ['US', 'GB']");
    }
    this.extraKeys = new Set((o.sensitiveKeys ?? []).map(normalizeKeyName));
    this.pathTree = compilePaths(o.paths ?? []);
    this.rootNodes = this.pathTree === null ? null : [this.pathTree];
    this.scanner = maskPii ? new TextScanner({ detectors: o.detectors, phoneCountries: o.phoneCountries, sensitiveKeys: this.extraKeys }) : null;
    this.hashKey = replacement === "hash" ? o.hashKey : null;
    this.maskHook = o.mask;
  }
  /**
   * A masked, JSON-safe deep copy of `value`. An async `mask` hook cannot finish here: its
   * fields become `[MASK_FAILED]` (use `redactAsync`).
   *
   * @example
   * new Redactor().redact({ password: 'hunter2' }); // { password: '[REDACTED]' }
   */
  redact(value) {
    return this.redactWithReport(value).value;
  }
  /**
   * Like `redact`, and waits for an async `mask` hook.
   *
   * @example
   * await new Redactor({ mask: async (v) => v }).redactAsync(payload);
   */
  async redactAsync(value) {
    return (await this.redactWithReportAsync(value)).value;
  }
  /**
   * `redact` plus the counts of what was masked, by kind.
   *
   * @example
   * new Redactor().redactWithReport('call +1 415 555 2671').counts; // { PHONE: 1 }
   */
  redactWithReport(value) {
    const walk = new Walk(this, false);
    const out = walk.run(value);
    return { value: out, counts: walk.counts };
  }
  /**
   * `redactAsync` plus the counts of what was masked, by kind.
   *
   * @example
   * const { value, counts } = await redactor.redactWithReportAsync(payload);
   */
  async redactWithReportAsync(value) {
    const walk = new Walk(this, true);
    const out = walk.run(value);
    if (walk.pending !== null) await walk.settle();
    return { value: out, counts: walk.counts };
  }
  /**
   * Starts a redaction whose counts span several values (the fields of one record); call
   * `settle()` before reading values that an async hook may still change.
   *
   * @example
   * const session = redactor.startSession(); const input = session.redact(event.input); await session.settle();
   */
  startSession(async = true) {
    return new Walk(this, async);
  }
  /**
   * Masks entities in one string and truncates it to `maxPayloadBytes`; no hook, no key rules.
   *
   * @example
   * new Redactor().redactText('mail bob@example.com'); // 'mail [EMAIL]'
   */
  redactText(text, counts) {
    return this.maskString(text, counts ?? {});
  }
  /** @internal */
  maskString(text, counts) {
    const max = this.maxPayloadBytes;
    let masked = text;
    if (this.scanner !== null && text.length >= 6) {
      const scanned = text.length > max + SCAN_MARGIN ? text.slice(0, max + SCAN_MARGIN) : text;
      const matches = this.scanner.find(scanned);
      masked = matches.length === 0 ? scanned : this.replaceMatches(scanned, matches, counts);
    }
    if (masked.length * 3 <= max) return masked;
    const maskedBytes = Buffer.byteLength(masked, "utf8");
    if (maskedBytes <= max) return masked;
    bump(counts, "TRUNCATED");
    return truncateUtf8(masked, max, masked === text ? maskedBytes : Buffer.byteLength(text, "utf8"));
  }
  /** @internal */
  keyInfo(key) {
    let info = this.keyCache.get(key);
    if (info === void 0) {
      info = this.computeKeyInfo(key);
      if (this.keyCache.size > 5e3) this.keyCache.clear();
      this.keyCache.set(key, info);
    }
    return info;
  }
  computeKeyInfo(key) {
    if (isSensitiveKeyName(normalizeKeyName(key), this.extraKeys)) return KEY_SENSITIVE;
    if (this.scanner === null || key.length < 6) return KEY_PLAIN;
    const matches = this.scanner.find(key);
    if (matches.length === 0) return KEY_PLAIN;
    return { key: this.replaceMatches(key, matches, {}), matches, original: key };
  }
  /** @internal */
  countKeyMatches(info, counts) {
    for (const m of info.matches) bump(counts, m.kind);
  }
  /** @internal */
  pathRoot() {
    return this.rootNodes;
  }
  replaceMatches(text, matches, counts) {
    let out = "";
    let last = 0;
    for (const m of matches) {
      out += text.slice(last, m.start) + this.token(m.kind, text.slice(m.start, m.end));
      last = m.end;
      bump(counts, m.kind);
    }
    return out + text.slice(last);
  }
  token(kind, value) {
    if (this.hashKey === null) return `[${kind}]`;
    let digest = this.hashCache.get(value);
    if (digest === void 0) {
      digest = createHmac("sha256", this.hashKey).update(value).digest("hex").slice(0, 16);
      if (this.hashCache.size > 1e3) this.hashCache.clear();
      this.hashCache.set(value, digest);
    }
    return `[${kind}:${digest}]`;
  }
};
var Walk = class {
  constructor(r, async) {
    this.r = r;
    this.async = async;
    this.counts = {};
    this.approxChars = 0;
    this.pending = null;
    this.stack = [];
    this.asyncWarned = false;
    this.hook = r.maskHook;
  }
  redact(value) {
    this.approxChars = 0;
    return this.run(value);
  }
  run(value) {
    const box = [void 0];
    this.assign(box, 0, value, 0, this.r.pathRoot(), "");
    return box[0];
  }
  // Copies `value` into container[key]; leaves then go through the user's hook.
  assign(container, key, value, depth, nodes, path) {
    const out = this.copy(value, depth, nodes, path);
    if (this.hook !== void 0 && out !== null && (typeof out === "string" || typeof out === "number" || typeof out === "boolean")) {
      container[key] = this.applyHook(container, key, out, path);
    } else {
      container[key] = out;
    }
  }
  copy(value, depth, nodes, path) {
    switch (typeof value) {
      case "string": {
        const masked = this.r.maskString(value, this.counts);
        this.approxChars += masked.length;
        return masked;
      }
      case "number":
        return value >= 1e12 && Number.isSafeInteger(value) ? this.maskNumber(value, String(value)) : value;
      case "boolean":
      case "undefined":
        return value;
      case "bigint":
        return this.maskNumber(value, value.toString());
      case "object":
        return value === null ? null : this.copyObject(value, depth, nodes, path);
      default:
        return void 0;
    }
  }
  maskNumber(value, text) {
    const masked = this.r.maskString(text, this.counts);
    return masked === text && typeof value === "number" ? value : masked;
  }
  copyObject(value, depth, nodes, path) {
    if (isRedacted(value)) {
      bump(this.counts, "REDACTED");
      return REDACTED;
    }
    if (depth >= this.r.maxDepth) {
      bump(this.counts, "DEPTH_LIMIT");
      return DEPTH_LIMIT;
    }
    const stack = this.stack;
    for (let i = 0; i < depth; i++) if (stack[i] === value) return CIRCULAR;
    stack[depth] = value;
    try {
      if (Array.isArray(value)) return this.copyArray(value, depth, nodes, path);
      return this.copyNonArray(value, depth, nodes, path);
    } catch {
      bump(this.counts, "UNREADABLE");
      return UNREADABLE;
    } finally {
      stack[depth] = void 0;
    }
  }
  copyArray(value, depth, nodes, path) {
    const n = value.length;
    const kept = n > this.r.maxArrayItems ? this.r.maxArrayItems : n;
    const out = new Array(kept);
    for (let i = 0; i < kept; i++) {
      let item;
      try {
        item = value[i];
      } catch {
        bump(this.counts, "UNREADABLE");
        out[i] = UNREADABLE;
        continue;
      }
      const childPath = this.hook === void 0 ? "" : `${path}[${i}]`;
      if (nodes === null) {
        this.assign(out, i, item, depth + 1, null, childPath);
      } else {
        this.assignMatched(out, i, String(i), item, depth + 1, nodes, childPath);
      }
      if (out[i] === void 0) out[i] = null;
    }
    if (kept < n) {
      out.push(`[TRUNCATED ${n - kept} more items, ${n} in all]`);
      bump(this.counts, "TRUNCATED");
    }
    return out;
  }
  copyNonArray(value, depth, nodes, path) {
    if (ArrayBuffer.isView(value)) {
      const name = Buffer.isBuffer(value) ? "Buffer" : value.constructor?.name ?? "TypedArray";
      return `[${name} ${value.byteLength} bytes]`;
    }
    if (value instanceof ArrayBuffer || typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer) {
      return `[${value.constructor.name} ${value.byteLength} bytes]`;
    }
    if (value instanceof Date) {
      return Number.isNaN(value.getTime()) ? null : value.toISOString();
    }
    if (value instanceof Map) return this.copyEntries(value, depth, nodes, path);
    if (value instanceof Set) return this.copyArray(Array.from(value), depth, nodes, path);
    if (value instanceof RegExp) return this.r.maskString(String(value), this.counts);
    if (value instanceof Error) return this.copyError(value, depth, nodes, path);
    const toJSON = value.toJSON;
    if (typeof toJSON === "function") {
      let json2;
      try {
        json2 = toJSON.call(value);
      } catch {
        bump(this.counts, "UNREADABLE");
        return UNREADABLE;
      }
      if (json2 === value || typeof json2 === "object" && json2 !== null && typeof json2.toJSON === "function") {
        return this.copyPlain(json2, depth, nodes, path);
      }
      return this.copy(json2, depth, nodes, path);
    }
    return this.copyPlain(value, depth, nodes, path);
  }
  copyPlain(value, depth, nodes, path) {
    const out = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) this.copyProperty(out, value, keys[i], depth, nodes, path);
    return out;
  }
  copyError(value, depth, nodes, path) {
    const out = {};
    const source = value;
    for (const key of ["name", "message", "stack", "code", "cause"]) {
      if (key in value) this.copyProperty(out, source, key, depth, nodes, path);
    }
    for (const key of Object.keys(value)) if (!(key in out)) this.copyProperty(out, source, key, depth, nodes, path);
    return out;
  }
  copyEntries(value, depth, nodes, path) {
    const out = {};
    let i = 0;
    for (const [k, v] of value) {
      if (i++ >= this.r.maxArrayItems) {
        out["[TRUNCATED]"] = `${value.size - this.r.maxArrayItems} more entries, ${value.size} in all`;
        bump(this.counts, "TRUNCATED");
        break;
      }
      const key = typeof k === "string" ? k : typeof k === "object" && k !== null ? `[${Object.prototype.toString.call(k).slice(8, -1)}]` : String(k);
      this.copyKeyed(out, key, v, depth, nodes, path);
    }
    return out;
  }
  copyProperty(out, source, key, depth, nodes, path) {
    const info = this.r.keyInfo(key);
    if (info === KEY_SENSITIVE) {
      bump(this.counts, "SENSITIVE_KEY");
      out[key] = REDACTED;
      return;
    }
    const outKey = info === KEY_PLAIN ? key : info.key;
    if (info !== KEY_PLAIN) this.r.countKeyMatches(info, this.counts);
    this.approxChars += outKey.length + 4;
    let child;
    try {
      child = source[key];
    } catch {
      bump(this.counts, "UNREADABLE");
      out[outKey] = UNREADABLE;
      return;
    }
    const childPath = this.hook === void 0 ? "" : joinPath(path, outKey);
    if (nodes === null) this.assign(out, outKey, child, depth + 1, null, childPath);
    else this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
  }
  copyKeyed(out, key, child, depth, nodes, path) {
    const info = this.r.keyInfo(key);
    if (info === KEY_SENSITIVE) {
      bump(this.counts, "SENSITIVE_KEY");
      out[key] = REDACTED;
      return;
    }
    const outKey = info === KEY_PLAIN ? key : info.key;
    if (info !== KEY_PLAIN) this.r.countKeyMatches(info, this.counts);
    const childPath = this.hook === void 0 ? "" : joinPath(path, outKey);
    if (nodes === null) this.assign(out, outKey, child, depth + 1, null, childPath);
    else this.assignMatched(out, outKey, key, child, depth + 1, nodes, childPath);
  }
  // Advances the configured paths by one key; a path that ends here masks the value whole.
  assignMatched(out, outKey, key, child, depth, nodes, path) {
    let next = null;
    let hit = false;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const exact = node.children.get(key);
      if (exact !== void 0) {
        if (exact.terminal) hit = true;
        (next ??= []).push(exact);
      }
      if (node.star !== null) {
        if (node.star.terminal) hit = true;
        (next ??= []).push(node.star);
      }
    }
    if (hit) {
      bump(this.counts, "PATH");
      out[outKey] = REDACTED;
      return;
    }
    this.assign(out, outKey, child, depth, next, path);
  }
  applyHook(container, key, value, path) {
    let result;
    try {
      result = this.hook(value, path);
    } catch (error) {
      bump(this.counts, "MASK_FAILED");
      reportDiagnostic("mask-failed", `agent-trace: the redaction mask hook threw at "${path}"; the field is recorded as [MASK_FAILED].`, error);
      return MASK_FAILED;
    }
    if (isThenable(result)) {
      if (!this.async) {
        Promise.resolve(result).catch(() => void 0);
        bump(this.counts, "MASK_FAILED");
        if (!this.asyncWarned) {
          this.asyncWarned = true;
          reportDiagnostic("mask-async-in-sync", "agent-trace: the redaction mask hook returned a promise inside redact(); use redactAsync(). The fields are recorded as [MASK_FAILED].");
        }
        return MASK_FAILED;
      }
      (this.pending ??= []).push({ container, key, original: value, promise: result });
      return MASK_FAILED;
    }
    return this.finishHook(value, result);
  }
  finishHook(original, result) {
    if (result === original) return result;
    bump(this.counts, "MASK");
    if (result === void 0 || result === null || typeof result === "number" || typeof result === "boolean") return result;
    if (typeof result === "string") return truncateUtf8(result, this.r.maxPayloadBytes);
    try {
      const json2 = JSON.stringify(result, (_k, v) => typeof v === "bigint" ? v.toString() : v);
      return json2 === void 0 ? null : JSON.parse(json2);
    } catch {
      bump(this.counts, "MASK_FAILED");
      return MASK_FAILED;
    }
  }
  async settle() {
    if (this.pending === null) return;
    const pending = this.pending;
    this.pending = null;
    const timeoutMs = this.r.maskTimeoutMs;
    await Promise.all(pending.map(async (p) => {
      let timer;
      try {
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`mask hook did not settle within ${timeoutMs} ms`)), timeoutMs);
          timer.unref?.();
        });
        const result = await Promise.race([Promise.resolve(p.promise), timeout]);
        p.container[p.key] = this.finishHook(p.original, result);
      } catch (error) {
        bump(this.counts, "MASK_FAILED");
        p.container[p.key] = MASK_FAILED;
        reportDiagnostic("mask-failed", "agent-trace: the async redaction mask hook failed; the field is recorded as [MASK_FAILED].", error);
      } finally {
        if (timer !== void 0) clearTimeout(timer);
      }
    }));
  }
};
function joinPath(parent, key) {
  if (parent === "") return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
function isThenable(value) {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof value.then === "function";
}
function bump(counts, kind, by = 1) {
  counts[kind] = (counts[kind] ?? 0) + by;
}
function fail(option, how) {
  throw new AgentTraceError("E_CONFIG", `agent-trace: invalid redaction option "${option}": ${how}.`);
}
function intOption(name, value, fallback, min) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) fail(name, `use an integer of at least ${min}`);
  return value;
}

// src/session-tracer.ts
init_runtime();
function isThenable2(value) {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function";
}
var SessionTracer = class {
  constructor(options = {}) {
    this.open = /* @__PURE__ */ new Map();
    this.closed = false;
    if (typeof options !== "object" || options === null) {
      throw new AgentTraceError("E_CONFIG", "agent-trace: new SessionTracer(options) takes an options object, e.g. { exporters: [new JsonlExporter()] }.");
    }
    const pipelineOptions = { ...DEFAULT_PIPELINE_OPTIONS };
    for (const key of Object.keys(DEFAULT_PIPELINE_OPTIONS)) {
      const value = options[key];
      if (value === void 0) continue;
      if (!Number.isInteger(value) || value <= 0) {
        throw new AgentTraceError("E_CONFIG", `agent-trace: SessionTracer option ${key} is ${JSON.stringify(value)}; use a positive whole number.`);
      }
      pipelineOptions[key] = value;
    }
    const exporters = options.exporters ?? defaultExporters(getConfig());
    if (!Array.isArray(exporters) || exporters.some((e) => typeof e !== "object" || e === null || typeof e.export !== "function")) {
      throw new AgentTraceError("E_CONFIG", "agent-trace: SessionTracer option exporters must be an array of exporters (objects with an export(records) method).");
    }
    validateSampler(options.sample);
    this.sample = options.sample;
    const redactor = new Redactor({ maskPii: getConfig().maskPii, maxPayloadBytes: getConfig().maxPayloadBytes, ...options.redaction });
    this.pipeline = new ExportPipeline(exporters, redactor, pipelineOptions, () => getConfig().maxPayloadBytes);
    runtime.tracers.push(this);
    installExitFlush();
  }
  /** Events and messages dropped so far because too many waited for export. */
  get dropped() {
    return this.pipeline.dropped + this.pipeline.processors.reduce((sum, p) => sum + p.dropped, 0);
  }
  /**
   * Runs `fn` inside a new session and returns what `fn` returns (a promise settles the same way).
   * The session ends when `fn` returns or its promise settles.
   */
  session(idOrOptions, fn) {
    if (typeof fn !== "function") throw new AgentTraceError("E_USAGE", "agent-trace: session(idOrOptions, fn) needs a function to run inside the session.");
    if (!runtime.enabled) return fn();
    const options = typeof idOrOptions === "string" ? { id: idOrOptions } : idOrOptions ?? {};
    if (typeof options !== "object") throw new AgentTraceError("E_USAGE", "agent-trace: session() takes an id string or { id, metadata }.");
    if (options.id !== void 0 && (typeof options.id !== "string" || options.id.length === 0)) {
      throw new AgentTraceError("E_USAGE", "agent-trace: a session id must be a non-empty string.");
    }
    const id = options.id ?? newId("session");
    if (this.open.has(id)) {
      throw new AgentTraceError("E_SESSION", `agent-trace: session "${id}" is already open; use a new id for each session, or omit it to get a generated one.`);
    }
    const session = this.openSession(id, false, options.metadata);
    const scope = { session, step: null, span: null };
    let result;
    try {
      result = storage().run(scope, fn);
    } catch (error) {
      session.end(error);
      throw error;
    }
    if (isThenable2(result)) {
      return Promise.resolve(result).then(
        (value) => {
          session.end();
          return value;
        },
        (error) => {
          session.end(error);
          throw error;
        }
      );
    }
    session.end();
    return result;
  }
  /**
   * Runs `fn` inside a new timestep of the current session and returns what `fn` returns.
   * Throws when called outside a session of this tracer, or inside another timestep.
   */
  timestep(options, fn) {
    if (typeof fn !== "function") throw new AgentTraceError("E_USAGE", "agent-trace: timestep(options, fn) needs a function to run inside the timestep.");
    const opts = typeof options === "number" ? { turn: options } : options ?? {};
    const scope = runtime.enabled ? currentScope() : void 0;
    if (scope === void 0) {
      if (!runtime.enabled) return fn();
      throw new AgentTraceError("E_TIMESTEP", "agent-trace: timestep() was called outside a session; call it inside tracer.session(id, () => ...).");
    }
    if (scope.session.sink !== this) {
      throw new AgentTraceError("E_TIMESTEP", `agent-trace: timestep() was called inside session "${scope.session.id}" of another SessionTracer; use that tracer's timestep().`);
    }
    if (scope.step !== null && scope.step.endMs === 0) {
      throw new AgentTraceError("E_TIMESTEP", `agent-trace: timestep() was called inside timestep ${scope.step.index}; timesteps do not nest, end the current one first.`);
    }
    if (opts.turn !== void 0 && !Number.isFinite(opts.turn)) throw new AgentTraceError("E_USAGE", "agent-trace: timestep turn must be a number.");
    const metadata = opts.metadata === void 0 ? void 0 : snapshot(opts.metadata, getConfig().maxPayloadBytes);
    const step = scope.session.openTimestep(opts.turn ?? null, metadata, opts.id);
    const inner = { session: scope.session, step, span: scope.span };
    let result;
    try {
      result = storage().run(inner, fn);
    } catch (error) {
      step.end();
      throw error;
    }
    if (isThenable2(result)) {
      return Promise.resolve(result).then(
        (value) => {
          step.end();
          return value;
        },
        (error) => {
          step.end();
          throw error;
        }
      );
    }
    step.end();
    return result;
  }
  /** Records an event by hand in the current session and timestep (or an implicit session of its own). */
  recordEvent(event) {
    if (!runtime.enabled) return;
    if (typeof event !== "object" || event === null || !["cais", "environment", "runtime", "span"].includes(event.event_type) || typeof event.name !== "string") {
      throw new AgentTraceError("E_USAGE", 'agent-trace: recordEvent() needs { event_type: "cais" | "environment" | "runtime" | "span", name: string, ... }.');
    }
    this.record((session, step, parent) => ({ pendingKind: "event", session, step, parent, atMs: now(), fields: snapshot(event, getConfig().maxPayloadBytes * 4) }), event.name);
  }
  /** Records a message between systems (an action sent, an observation received). */
  recordMessage(message) {
    if (!runtime.enabled) return;
    if (typeof message !== "object" || message === null || typeof message.message_type !== "string" || message.content === void 0) {
      throw new AgentTraceError("E_USAGE", "agent-trace: recordMessage() needs { content, message_type, from?, to?, metadata? }.");
    }
    const content = typeof message.content === "string" ? { text: message.content } : { json_payload: message.content };
    const metadata = { ...message.metadata, from_system_instance_id: message.from, to_system_instance_id: message.to };
    this.record((session, step) => ({ pendingKind: "message", session, step, atMs: now(), fields: snapshot({ content, message_type: message.message_type, metadata }, getConfig().maxPayloadBytes) }), message.message_type);
  }
  /** Exports everything recorded so far and waits until every exporter has written it. */
  async flush() {
    await this.pipeline.flush();
  }
  /** Ends open sessions, flushes, and shuts the exporters down. Later sessions are not recorded. */
  async shutdown() {
    if (this.closed) return;
    this.closed = true;
    for (const session of [...this.open.values()]) session.end();
    const index = runtime.tracers.indexOf(this);
    if (index >= 0) runtime.tracers.splice(index, 1);
    if (runtime.defaultTracer === this) runtime.defaultTracer = void 0;
    await this.pipeline.shutdown();
  }
  /** @internal */
  enqueue(item) {
    this.pipeline.enqueue(item);
  }
  /** @internal */
  sessionEnded(session) {
    if (this.open.get(session.id) === session) this.open.delete(session.id);
    if (session.recording && session.continued === void 0) this.pipeline.enqueue(session);
  }
  /** @internal Opens the session a root call outside any session records into. */
  openImplicitSession(name) {
    return this.openSession(newId("session"), true, { root: name });
  }
  /** @internal Opens the local part of a session that another thread or process owns. */
  continueSession(id, traceId, parentSpanId, recording) {
    return new OpenSession(id, this, recording && !this.closed, false, void 0, { traceId, parentSpanId });
  }
  /** @internal */
  get hasPending() {
    return this.pipeline.hasPending;
  }
  openSession(id, implicit, metadata) {
    const recording = !this.closed && this.decide(id, metadata);
    const captured = metadata === void 0 ? void 0 : snapshot(metadata, getConfig().maxPayloadBytes);
    const session = new OpenSession(id, this, recording, implicit, captured);
    if (!implicit) this.open.set(id, session);
    return session;
  }
  decide(id, metadata) {
    const sample = this.sample ?? getConfig().sampleRate;
    if (sample === "always" || sample === 1) return true;
    if (sample === "never" || sample === 0) return false;
    if (typeof sample === "number") return Math.random() < sample;
    try {
      return sample({ id, metadata }) === true;
    } catch (error) {
      reportDiagnostic("sampler-threw", `the session sampler threw for session "${id}"; the session is recorded.`, error);
      return true;
    }
  }
  record(make, name) {
    const scope = currentScope();
    if (scope !== void 0 && scope.session.sink === this && !scope.session.ended) {
      if (scope.session.recording) this.enqueue(make(scope.session, scope.step, scope.span));
      return;
    }
    const session = this.openImplicitSession(name);
    if (session.recording) this.enqueue(make(session, null, null));
    session.end();
  }
};
function validateSampler(sample) {
  if (sample === void 0 || sample === "always" || sample === "never" || typeof sample === "function") return;
  if (typeof sample === "number" && sample >= 0 && sample <= 1) return;
  throw new AgentTraceError("E_CONFIG", `agent-trace: SessionTracer option sample is ${JSON.stringify(sample)}; use a number from 0 to 1, "always", "never" or a function (session) => boolean.`);
}
function implicitSessionFor(name) {
  return implicitTracer()?.openImplicitSession(name);
}
function implicitTracer() {
  try {
    const tracers = runtime.tracers;
    if (tracers.length > 0) return tracers[tracers.length - 1];
    return runtime.defaultTracer ?? (runtime.defaultTracer = new SessionTracer());
  } catch (error) {
    reportDiagnostic("implicit-session-failed", "could not create the default tracer; calls outside sessions run unrecorded.", error);
    return void 0;
  }
}
var exitFlushInstalled = false;
function installExitFlush() {
  if (exitFlushInstalled) return;
  exitFlushInstalled = true;
  process.on("beforeExit", () => {
    const tracers = runtime.tracers;
    const busy = tracers.filter((tracer) => tracer.hasPending);
    if (busy.length > 0) void Promise.all(busy.map((tracer) => tracer.flush()));
  });
}

// src/decorators/instrument.ts
var SPEC = /* @__PURE__ */ Symbol.for("agent-trace.spec");
var ORIGINAL = /* @__PURE__ */ Symbol.for("agent-trace.original");
function specOf(fn) {
  return typeof fn === "function" ? fn[SPEC] : void 0;
}
var apply = Reflect.apply;
function instrument(fn, spec) {
  if (specOf(fn) !== void 0) return fn;
  const name = typeof fn.name === "string" ? fn.name : "";
  const wrapped = {
    [name](...args) {
      if (!runtime.enabled) return apply(fn, this, args);
      return invoke(spec, fn, this, args);
    }
  }[name];
  Object.defineProperty(wrapped, "length", { value: fn.length, configurable: true });
  Object.defineProperty(wrapped, "name", { value: name, configurable: true });
  Object.defineProperty(wrapped, SPEC, { value: spec });
  Object.defineProperty(wrapped, ORIGINAL, { value: fn });
  return wrapped;
}
function invoke(spec, fn, thisArg, args) {
  const scope = currentScope();
  if (scope === void 0) return invokeRoot(spec, fn, thisArg, args);
  const session = scope.session;
  if (!session.recording || session.ended) return apply(fn, thisArg, args);
  const parent = scope.span;
  if (parent !== null && parent.thisArg === thisArg && parent.spec.name === spec.name && parent.spec.kind === spec.kind) {
    return apply(fn, thisArg, args);
  }
  const call = new ActiveCall(spec, session, scope.step, parent, thisArg);
  if (spec.autoTimestep && scope.step === null) {
    call.step = session.openTimestep(null, void 0, void 0);
    call.ownsStep = true;
  }
  return run(call, fn, thisArg, args);
}
function invokeRoot(spec, fn, thisArg, args) {
  const session = implicitSessionFor(spec.name);
  if (session === void 0) return apply(fn, thisArg, args);
  if (!session.recording) {
    const scope = { session, step: null, span: null };
    try {
      return storage().run(scope, apply, fn, thisArg, args);
    } finally {
      session.end();
    }
  }
  const call = new ActiveCall(spec, session, null, null, thisArg);
  call.endsSession = true;
  if (spec.autoTimestep) {
    call.step = session.openTimestep(null, void 0, void 0);
    call.ownsStep = true;
  }
  return run(call, fn, thisArg, args);
}
function enter(call, method, thisArg, args) {
  const bridge = runtime.bridge;
  if (bridge === void 0 || call.otelContext === void 0) return storage().run(call, apply, method, thisArg, args);
  return bridge.run(call.otelContext, () => storage().run(call, apply, method, thisArg, args));
}
function run(call, fn, thisArg, args) {
  call.begin(args);
  const bridge = runtime.bridge;
  if (bridge !== void 0) call.guard("span bridge", () => call.otelContext = bridge.start(call));
  let result;
  try {
    result = enter(call, fn, thisArg, args);
  } catch (error) {
    call.complete("error", error);
    throw error;
  }
  return observe(call, result);
}
function observe(call, result) {
  if (result === null || typeof result !== "object" && typeof result !== "function") {
    call.complete("ok", void 0, result);
    return result;
  }
  try {
    if (types2.isPromise(result)) return observePromise(call, result);
    if (types2.isGeneratorObject(result)) return observeGenerator(call, result);
    if (typeof result.then === "function") return observeThenable(call, result);
    if (call.spec.behaviour.observeStream !== void 0 && typeof result[Symbol.asyncIterator] === "function") {
      return observeAsyncIterable(call, result);
    }
  } catch (error) {
    reportDiagnostic("observe-failed", `could not follow the result of "${call.spec.name}"; recorded as returned.`, error);
  }
  call.complete("ok", void 0, result);
  return result;
}
function settled(call, value) {
  if (call.spec.behaviour.observeStream !== void 0 && value !== null && typeof value === "object" && !types2.isGeneratorObject(value)) {
    try {
      if (typeof value[Symbol.asyncIterator] === "function") {
        return observeAsyncIterable(call, value);
      }
    } catch (error) {
      reportDiagnostic("observe-failed", `could not observe the stream of "${call.spec.name}".`, error);
    }
  }
  call.complete("ok", void 0, value);
  return value;
}
function observePromise(call, promise) {
  if (Object.getPrototypeOf(promise) === Promise.prototype) {
    return Promise.prototype.then.call(
      promise,
      (value) => settled(call, value),
      (error) => {
        call.complete("error", error);
        throw error;
      }
    );
  }
  return observeThenable(call, promise);
}
function observeThenable(call, thenable) {
  return thenable instanceof Promise ? observeEagerPromise(call, thenable) : observeLazyThenable(call, thenable);
}
var methodNames = /* @__PURE__ */ new WeakMap();
function promiseMethods(promise) {
  const proto = Object.getPrototypeOf(promise);
  let names = methodNames.get(proto);
  if (names === void 0) {
    const found = /* @__PURE__ */ new Set(["then", "catch", "finally"]);
    for (let p = proto; p !== null && p !== Promise.prototype && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (name !== "constructor" && typeof Object.getOwnPropertyDescriptor(p, name)?.value === "function") found.add(name);
      }
    }
    methodNames.set(proto, names = [...found]);
  }
  return names;
}
function observeEagerPromise(call, promise) {
  const originalThen = promise.then;
  let used = false;
  let raised;
  try {
    for (const name of promiseMethods(promise)) {
      const original = promise[name];
      Object.defineProperty(promise, name, {
        value: function(...args) {
          used = true;
          if (raised !== void 0) {
            raised.catch(() => void 0);
            raised = void 0;
          }
          return apply(original, this, args);
        },
        configurable: true,
        writable: true
      });
    }
  } catch {
    used = true;
  }
  apply(originalThen, promise, [
    (value) => settled(call, value),
    (error) => {
      call.complete("error", error);
      if (!used) raised = Promise.reject(error);
    }
  ]);
  return promise;
}
function observeLazyThenable(call, thenable) {
  const originalThen = thenable.then;
  const patched = function(onFulfilled, onRejected) {
    if (call.ended) return apply(originalThen, this, [onFulfilled, onRejected]);
    return apply(originalThen, this, [
      (value) => {
        settled(call, value);
        return typeof onFulfilled === "function" ? onFulfilled(value) : value;
      },
      (error) => {
        call.complete("error", error);
        if (typeof onRejected === "function") return onRejected(error);
        throw error;
      }
    ]);
  };
  try {
    Object.defineProperty(thenable, "then", { value: patched, configurable: true, writable: true });
  } catch {
    call.complete("ok", void 0, "[Thenable]");
    return thenable;
  }
  call.session.track(call);
  return thenable;
}
function observeGenerator(call, generator) {
  const isAsync = typeof generator[Symbol.asyncIterator] === "function";
  call.session.track(call);
  const step = (method, argument, isReturn) => {
    if (call.ended) return apply(method, generator, [argument]);
    let result;
    try {
      result = enter(call, method, generator, [argument]);
    } catch (error) {
      call.complete("error", error);
      throw error;
    }
    if (!isAsync) {
      if (result.done) call.complete(isReturn ? "cancelled" : "ok", void 0, result.value);
      return result;
    }
    return result.then(
      (item) => {
        if (item.done) call.complete(isReturn ? "cancelled" : "ok", void 0, item.value);
        return item;
      },
      (error) => {
        call.complete("error", error);
        throw error;
      }
    );
  };
  const next = generator.next;
  const ret = generator.return;
  const thr = generator.throw;
  Object.defineProperties(generator, {
    next: { value: (value) => step(next, value, false), configurable: true, writable: true },
    return: { value: (value) => step(ret, value, true), configurable: true, writable: true },
    throw: { value: (error) => step(thr, error, false), configurable: true, writable: true }
  });
  return generator;
}
function observeAsyncIterable(call, iterable) {
  const original = iterable[Symbol.asyncIterator];
  call.stream = call.spec.behaviour.observeStream(call);
  call.session.track(call);
  let first = true;
  const observed = function() {
    const iterator = apply(original, this, []);
    if (!first || call.ended) return iterator;
    first = false;
    return observeIterator(call, iterator);
  };
  try {
    Object.defineProperty(iterable, Symbol.asyncIterator, { value: observed, configurable: true, writable: true });
  } catch {
    call.stream = void 0;
    call.complete("ok", void 0, "[Stream]");
  }
  return iterable;
}
function observeIterator(call, iterator) {
  const onItem = (item) => {
    if (item.done) call.complete("ok", void 0);
    else call.guard("stream chunk", () => call.stream?.onChunk(item.value));
    return item;
  };
  const onError = (error) => {
    call.complete("error", error);
    throw error;
  };
  const wrapper = {
    next: (...args) => iterator.next(...args).then(onItem, onError),
    [Symbol.asyncIterator]() {
      return this;
    }
  };
  if (typeof iterator.return === "function") {
    wrapper.return = (value) => {
      call.complete("cancelled", void 0);
      return iterator.return(value);
    };
  } else {
    wrapper.return = async (value) => {
      call.complete("cancelled", void 0);
      return { done: true, value };
    };
  }
  if (typeof iterator.throw === "function") {
    wrapper.throw = (error) => {
      call.complete("error", error);
      return iterator.throw(error);
    };
  }
  return wrapper;
}

// src/decorators/registry.ts
var KEY3 = /* @__PURE__ */ Symbol.for("agent-trace.instrumentation");
var LEGACY_KEY = /* @__PURE__ */ Symbol.for("agent-trace.instrumentation.legacy");
Symbol.metadata ??= /* @__PURE__ */ Symbol.for("Symbol.metadata");
function recordInMetadata(metadata, entry) {
  if (metadata === void 0 || metadata === null) return;
  const bag = metadata;
  if (!Object.prototype.hasOwnProperty.call(bag, KEY3)) bag[KEY3] = [];
  bag[KEY3].push(entry);
}
function recordOnClass(target, entry) {
  const ctor = typeof target === "function" ? target : target.constructor;
  if (!Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY)) {
    Object.defineProperty(ctor, LEGACY_KEY, { value: [], configurable: true });
  }
  ctor[LEGACY_KEY].push(entry);
}
function getInstrumentation(classOrInstance) {
  let ctor = typeof classOrInstance === "function" ? classOrInstance : classOrInstance?.constructor;
  const seen = /* @__PURE__ */ new Set();
  const entries = [];
  const metadataKey = Symbol.metadata;
  while (typeof ctor === "function" && ctor !== Function.prototype) {
    const own = [];
    const legacy = Object.prototype.hasOwnProperty.call(ctor, LEGACY_KEY) ? ctor[LEGACY_KEY] : void 0;
    if (legacy) own.push(...legacy);
    const metadata = metadataKey !== void 0 && Object.prototype.hasOwnProperty.call(ctor, metadataKey) ? ctor[metadataKey] : void 0;
    if (metadata && Object.prototype.hasOwnProperty.call(metadata, KEY3)) own.push(...metadata[KEY3]);
    for (const entry of own) {
      const id = `${entry.static ? "static " : ""}${entry.member}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push(entry);
    }
    ctor = Object.getPrototypeOf(ctor);
  }
  return entries;
}

// src/decorators/decorate.ts
function createDecorator(decorator5, validate6, make) {
  return function(...args) {
    if (isDecoratorApplication(args)) {
      const options2 = validate6(void 0);
      return applyDecorator(decorator5, (member) => make(member, options2), args);
    }
    if (args.length > 1) {
      throw new AgentTraceError("E_USAGE", `agent-trace: @${decorator5} takes at most one argument (its options); for a plain function use the with* form.`);
    }
    const options = validate6(args[0]);
    const applied = (...inner) => {
      if (!isDecoratorApplication(inner)) {
        throw new AgentTraceError("E_USAGE", `agent-trace: @${decorator5}(...) must decorate a class method or field.`);
      }
      return applyDecorator(decorator5, (member) => make(member, options), inner);
    };
    return applied;
  };
}
function isDecoratorApplication(args) {
  if (args.length < 2) return false;
  const second = args[1];
  if (typeof second === "string" || typeof second === "symbol") return typeof args[0] === "object" || typeof args[0] === "function";
  return typeof second === "object" && second !== null && "kind" in second && "name" in second;
}
function memberName(name) {
  return typeof name === "symbol" ? name.description ?? "symbol" : name.startsWith("#") ? name.slice(1) : name;
}
function disabledAtLoad() {
  return getConfig().mode === "disabled";
}
function applyDecorator(decorator5, factory, args) {
  const second = args[1];
  if (typeof second === "object" && second !== null) return applyStage3(decorator5, factory, args[0], second);
  return applyLegacy(decorator5, factory, args[0], second, args[2]);
}
function entryFor(spec, member, placement, isStatic, isPrivate) {
  return { member, name: spec.name, kind: spec.kind, placement, static: isStatic, private: isPrivate, options: spec.options };
}
function applyStage3(decorator5, factory, value, context) {
  const member = typeof context.name === "symbol" ? context.name.toString() : context.name;
  if (context.kind === "class") {
    throw new AgentTraceError("E_USAGE", `agent-trace: @${decorator5} decorates methods and function-valued fields, not classes; put it on the method to trace.`);
  }
  const spec = factory(memberName(context.name));
  recordInMetadata(context.metadata, entryFor(spec, member, context.kind, context.static, context.private));
  if (disabledAtLoad()) return void 0;
  switch (context.kind) {
    case "method":
    case "getter":
    case "setter":
      return typeof value === "function" ? instrument(value, spec) : void 0;
    case "field":
      return (initial) => typeof initial === "function" ? instrument(initial, spec) : initial;
    case "accessor": {
      const target = value;
      return {
        get: target.get,
        set: target.set,
        init: (initial) => typeof initial === "function" ? instrument(initial, spec) : initial
      };
    }
  }
  return void 0;
}
function applyLegacy(decorator5, factory, target, key, descriptor) {
  const spec = factory(memberName(key));
  const isStatic = typeof target === "function";
  const member = typeof key === "symbol" ? key.toString() : key;
  if (descriptor === void 0) {
    recordOnClass(target, entryFor(spec, member, "field", isStatic, false));
    if (disabledAtLoad()) return void 0;
    defineLegacyField(target, key, spec);
    return void 0;
  }
  const placement = typeof descriptor.value === "function" ? "method" : descriptor.get ? "getter" : "setter";
  recordOnClass(target, entryFor(spec, member, placement, isStatic, false));
  if (disabledAtLoad()) return descriptor;
  if (typeof descriptor.value === "function") return { ...descriptor, value: instrument(descriptor.value, spec) };
  if (descriptor.get !== void 0 || descriptor.set !== void 0) {
    return {
      ...descriptor,
      get: descriptor.get && instrument(descriptor.get, spec),
      set: descriptor.set && instrument(descriptor.set, spec)
    };
  }
  throw new AgentTraceError("E_USAGE", `agent-trace: @${decorator5} on "${member}": the member is not a function; decorate a method or a field that holds a function.`);
}
function defineLegacyField(target, key, spec) {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: false,
    get: void 0,
    set(value) {
      Object.defineProperty(this, key, {
        value: typeof value === "function" ? instrument(value, spec) : value,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  });
}

// src/decorators/options.ts
init_errors();
var COMMON = {
  name: "string",
  systemId: "string",
  captureInput: "boolean",
  captureOutput: "boolean",
  metadata: "object"
};
function validateOptions(decorator5, options, own) {
  if (options === void 0) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new AgentTraceError("E_CONFIG", `agent-trace: @${decorator5}() takes an options object, e.g. @${decorator5}({ name: 'think' }).`);
  }
  const allowed = { ...COMMON, ...own };
  for (const [key, value] of Object.entries(options)) {
    const type = allowed[key];
    if (type === void 0) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: @${decorator5}() has no option "${key}"; its options are: ${Object.keys(allowed).join(", ")}.`);
    }
    if (value !== void 0 && (typeof value !== type || value === null)) {
      throw new AgentTraceError("E_CONFIG", `agent-trace: @${decorator5}() option "${key}" must be a ${type}, got ${value === null ? "null" : typeof value}.`);
    }
  }
  return options;
}

// src/decorators/spec.ts
function makeSpec(kind, memberName2, options, behaviour5, autoTimestep = false) {
  return Object.freeze({
    kind,
    name: options.name ?? memberName2,
    systemId: options.systemId,
    captureInput: options.captureInput ?? true,
    captureOutput: options.captureOutput ?? true,
    metadata: options.metadata,
    autoTimestep,
    behaviour: behaviour5,
    options: Object.freeze({ ...options })
  });
}

// src/decorators/ai-call.ts
var detailOf = (call) => call.detail;
function nearestAiAncestor(call) {
  for (let parent = call.parent; parent !== null; parent = parent.parent) {
    if (parent.spec.kind === "cais") return parent;
  }
  return null;
}
function behaviour(options) {
  const hints = { model: options.model, provider: options.provider };
  const { extract, stateBefore, stateAfter } = options;
  return {
    start(call, self, args) {
      const detail = { request: null, response: null, args: extract ? [...args] : void 0, custom: null, counted: void 0 };
      call.detail = detail;
      detail.request = readAiRequest(args, self, hints);
      if (stateBefore) call.guard("stateBefore", () => call.stateBefore = snapshot(stateBefore(self), 16384));
    },
    end(call, _self, result) {
      const detail = detailOf(call);
      detail.response = readAiResponse(result, detail.request);
      if (extract) call.guard("extract", () => detail.custom = extract(detail.args ?? [], result) ?? null);
      if (detail.counted !== void 0 && (detail.counted.has(result) || detail.response.response_id !== null && detail.counted.has(detail.response.response_id))) {
        call.usageInChild = true;
      }
      const ancestor = nearestAiAncestor(call);
      if (ancestor !== null) {
        const counted = detailOf(ancestor).counted ??= /* @__PURE__ */ new Set();
        if (typeof result === "object" && result !== null) counted.add(result);
        if (detail.response.response_id !== null) counted.add(detail.response.response_id);
      }
    },
    finally(call, self) {
      if (stateAfter) call.guard("stateAfter", () => call.stateAfter = snapshot(stateAfter(self), 16384));
    },
    observeStream(call) {
      const aggregator = createStreamAggregator(detailOf(call).request, toEpochMs(call.startMs));
      const detail = detailOf(call);
      return {
        onChunk(chunk) {
          aggregator.onChunk(chunk, toEpochMs(now()));
          detail.response = aggregator.result();
        }
      };
    },
    fields(call) {
      const detail = detailOf(call);
      const fields = { ...toCaisFields(detail.request, detail.response, { startedAt: toEpochMs(call.startMs), endedAt: toEpochMs(call.endMs) }, call.input) };
      if (detail.custom) Object.assign(fields, detail.custom);
      if (call.usageInChild) {
        Object.assign(fields, { input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, call_records: [] });
      }
      fields.latency_ms = Math.round((call.endMs - call.startMs) * 1e3) / 1e3;
      fields.system_state_before = call.stateBefore;
      fields.system_state_after = call.stateAfter;
      return fields;
    }
  };
}
var validate2 = (options) => validateOptions("aiCall", options, { model: "string", provider: "string", extract: "function", stateBefore: "function", stateAfter: "function" });
var aiSpec = (member, options) => makeSpec("cais", member, options, behaviour(options));
var decorator = createDecorator("aiCall", validate2, aiSpec);
function aiCall(...args) {
  return decorator(...args);
}

// src/decorators/environment-step.ts
init_configure();
var asNumber = (value) => typeof value === "number" && !Number.isNaN(value) ? value : typeof value === "bigint" ? Number(value) : null;
var asBoolean = (value) => typeof value === "boolean" ? value : null;
function readStepResult(result) {
  if (Array.isArray(result)) {
    if (result.length === 5) return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: asBoolean(result[3]) };
    if (result.length === 4) return { reward: asNumber(result[1]), terminated: asBoolean(result[2]), truncated: null };
    return { reward: null, terminated: null, truncated: null };
  }
  if (typeof result === "object" && result !== null) {
    const r = result;
    return {
      reward: asNumber(r.reward),
      terminated: asBoolean(r.terminated) ?? asBoolean(r.done),
      truncated: asBoolean(r.truncated)
    };
  }
  return { reward: null, terminated: null, truncated: null };
}
var capture = (value) => snapshot(value, getConfig().maxPayloadBytes);
function behaviour2(options) {
  const { stateBefore, stateAfter, reward, terminated, truncated } = options;
  return {
    start: stateBefore === void 0 ? void 0 : (call, self) => {
      call.stateBefore = capture(stateBefore(self));
    },
    end(call, self, result) {
      const facts = readStepResult(result);
      call.detail = facts;
      if (reward !== void 0) call.guard("reward extractor", () => facts.reward = asNumber(reward(result, self)));
      if (terminated !== void 0) call.guard("terminated extractor", () => facts.terminated = asBoolean(terminated(result, self)));
      if (truncated !== void 0) call.guard("truncated extractor", () => facts.truncated = asBoolean(truncated(result, self)));
    },
    finally: stateAfter === void 0 ? void 0 : (call, self) => {
      call.stateAfter = capture(stateAfter(self));
    },
    fields: (call) => {
      const facts = call.detail;
      return {
        reward: facts?.reward ?? null,
        terminated: facts?.terminated ?? null,
        truncated: facts?.truncated ?? null,
        system_state_before: call.stateBefore,
        system_state_after: call.stateAfter
      };
    }
  };
}
var validate3 = (options) => validateOptions("environmentStep", options, { stateBefore: "function", stateAfter: "function", reward: "function", terminated: "function", truncated: "function", timestep: "boolean" });
var environmentSpec = (member, options) => makeSpec("environment", member, options, behaviour2(options), options.timestep === true);
var decorator2 = createDecorator("environmentStep", validate3, environmentSpec);
function environmentStep(...args) {
  return decorator2(...args);
}

// src/decorators/runtime-operation.ts
init_configure();
var validate4 = (options) => validateOptions("runtimeOperation", options, { actions: "function" });
function behaviour3(options) {
  const actions = options.actions;
  return {
    start: actions === void 0 ? void 0 : (call, _self, args) => {
      call.detail = { actions: snapshot(actions([...args]), getConfig().maxPayloadBytes) };
    },
    fields: (call) => {
      const recorded = call.detail?.actions;
      return { actions: Array.isArray(recorded) ? recorded : recorded === void 0 ? [] : [recorded] };
    }
  };
}
var runtimeSpec = (member, options) => makeSpec("runtime", member, options, behaviour3(options));
var decorator3 = createDecorator("runtimeOperation", validate4, runtimeSpec);
function runtimeOperation(...args) {
  return decorator3(...args);
}

// src/decorators/trace-span.ts
init_errors();
var KINDS = ["agent", "chain", "tool", "retrieval", "embedding", "workflow", "other"];
function validate5(options) {
  const checked = validateOptions("traceSpan", typeof options === "string" ? { name: options } : options, { kind: "string" });
  if (checked.kind !== void 0 && !KINDS.includes(checked.kind)) {
    throw new AgentTraceError("E_CONFIG", `agent-trace: @traceSpan() option kind is "${checked.kind}"; use one of ${KINDS.join(", ")}.`);
  }
  return checked;
}
function behaviour4(kind) {
  return { fields: () => ({ span_kind: kind }) };
}
var spanSpec = (member, options) => makeSpec("span", member, options, behaviour4(options.kind ?? "other"));
var decorator4 = createDecorator("traceSpan", validate5, spanSpec);
function traceSpan(...args) {
  return decorator4(...args);
}

// src/index.ts
init_configure();

// src/context/propagation.ts
init_errors();
init_runtime();

// src/index.ts
init_errors();
init_diagnostics();

// src/export/in-memory.ts
init_assemble_sessions();
var InMemoryExporter = class {
  constructor() {
    this.name = "in-memory";
    /** Every record received, in order. */
    this.records = [];
  }
  export(records) {
    for (const record of records) this.records.push(record);
  }
  /** The finished sessions (those whose session record arrived), rebuilt whole. */
  get sessions() {
    const finished = new Set(this.records.flatMap((r) => r.record_type === "session" ? [r.session.session_id] : []));
    return assembleSessions(this.records).filter((session) => finished.has(session.session_id));
  }
  /** Every event received, in the order they finished. */
  get events() {
    return this.records.flatMap((r) => r.record_type === "event" ? [r.event] : []);
  }
  /** Forgets everything received. */
  reset() {
    this.records.length = 0;
  }
};

// src/index.ts
init_assemble_sessions();
init_events();

// test/conformance/decorators.test.ts
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// test/support/tracing.ts
function memoryTracer(options = {}) {
  const memory = new InMemoryExporter();
  const tracer = new SessionTracer({ exporters: [memory], scheduledDelayMillis: 5, ...options });
  return { memory, tracer };
}
async function traced(fn, sessionId2 = `s-${Math.random().toString(36).slice(2)}`) {
  const { memory, tracer } = memoryTracer();
  const diagnostics = [];
  const stop = onDiagnostic((d) => diagnostics.push(d));
  try {
    const result = await tracer.session(sessionId2, fn);
    await tracer.flush();
    const session = memory.sessions.find((s) => s.session_id === sessionId2);
    return { result, events: session?.event_history ?? [], session, memory, diagnostics };
  } finally {
    stop();
    await tracer.shutdown();
  }
}
function named(events, name) {
  return events.filter((e) => e.name === name);
}
function settle(ms2 = 0) {
  return new Promise((resolve2) => setTimeout(resolve2, ms2));
}

// test/conformance/decorators.test.ts
var variant = (() => {
  const url = import.meta.url;
  const compiler = url.includes("/build-esbuild/") ? "esbuild" : "tsc";
  const standard = url.includes("/build-legacy/") || url.includes("/build-esbuild/legacy/") ? "legacy" : "stage-3";
  return `${compiler}, ${standard} decorators`;
})();
var WithResponsePromise = class extends Promise {
  withResponse() {
    return this.then((data) => ({ data, response: "raw" }));
  }
};
var boom = new Error("boom");
var Subject = class {
  constructor() {
    this.pulls = 0;
    this.label = "subject";
    this.arrowField = async (x) => x + this.label.length;
  }
  add(a, b) {
    return a + b + (this.label === "subject" ? 0 : 1e3);
  }
  throwsSync() {
    throw boom;
  }
  async asyncValue(x) {
    await settle();
    return x * 2;
  }
  async rejects(error) {
    await settle();
    throw error;
  }
  subclassPromise(value) {
    return new WithResponsePromise((resolve2, reject) => setTimeout(() => value instanceof Error ? reject(value) : resolve2(value), 1));
  }
  countArgs(a, b, c) {
    return arguments.length + (a === void 0 && b === void 0 && c === void 0 ? 0 : 0);
  }
  self() {
    return this;
  }
  *numbers(limit) {
    for (let i = 0; i < limit; i++) {
      this.pulls++;
      yield i;
    }
  }
  *failing() {
    yield 1;
    throw boom;
  }
  async *asyncNumbers(limit) {
    for (let i = 0; i < limit; i++) {
      this.pulls++;
      await settle();
      yield i;
    }
  }
  stream(limit) {
    const owner = this;
    return {
      [Symbol.asyncIterator]() {
        let i = 0;
        return {
          async next() {
            owner.pulls++;
            return i < limit ? { value: i++, done: false } : { value: void 0, done: true };
          }
        };
      }
    };
  }
  badHooks(action) {
    return { observation: action, reward: 1, terminated: false, truncated: false, info: {} };
  }
  decoratedTwice() {
    return "once";
  }
  recurse(depth) {
    return depth === 0 ? 0 : 1 + this.recurse(depth - 1);
  }
  static staticMethod(x) {
    return x + 1;
  }
  get computed() {
    return this.label.toUpperCase();
  }
};
__decorateClass([
  runtimeOperation
], Subject.prototype, "add", 1);
__decorateClass([
  runtimeOperation()
], Subject.prototype, "throwsSync", 1);
__decorateClass([
  aiCall({ name: "asyncValue" })
], Subject.prototype, "asyncValue", 1);
__decorateClass([
  aiCall
], Subject.prototype, "rejects", 1);
__decorateClass([
  aiCall()
], Subject.prototype, "subclassPromise", 1);
__decorateClass([
  traceSpan("args")
], Subject.prototype, "countArgs", 1);
__decorateClass([
  traceSpan()
], Subject.prototype, "self", 1);
__decorateClass([
  traceSpan({ kind: "chain" })
], Subject.prototype, "numbers", 1);
__decorateClass([
  traceSpan({ kind: "chain" })
], Subject.prototype, "failing", 1);
__decorateClass([
  traceSpan()
], Subject.prototype, "asyncNumbers", 1);
__decorateClass([
  aiCall()
], Subject.prototype, "stream", 1);
__decorateClass([
  environmentStep({ reward: () => {
    throw new Error("bad extractor");
  }, stateAfter: () => {
    throw new Error("bad state hook");
  } })
], Subject.prototype, "badHooks", 1);
__decorateClass([
  traceSpan("twice"),
  traceSpan("twice-outer")
], Subject.prototype, "decoratedTwice", 1);
__decorateClass([
  traceSpan("recursive")
], Subject.prototype, "recurse", 1);
__decorateClass([
  traceSpan()
], Subject.prototype, "computed", 1);
__decorateClass([
  aiCall({ name: "arrowField" })
], Subject.prototype, "arrowField", 2);
__decorateClass([
  runtimeOperation()
], Subject, "staticMethod", 1);
async function unhandledProbe(tracing) {
  configure({ enabled: tracing === "on" });
  const unhandled = [];
  process.on("unhandledRejection", (reason) => unhandled.push(reason.message));
  const subject = new Subject();
  const { memory, tracer } = memoryTracer();
  await tracer.session("probe", async () => {
    void subject.rejects(new Error("ignored"));
    subject.rejects(new Error("handled")).catch(() => void 0);
    void subject.subclassPromise(new Error("ignored subclass"));
    subject.subclassPromise(new Error("handled subclass")).catch(() => void 0);
    await settle(30);
  });
  await settle(30);
  await tracer.shutdown();
  const subclassUnhandled = unhandled.filter((m) => m.includes("subclass"));
  const errors = tracing === "on" ? memory.events.filter((e) => e.status === "error").length : 4;
  console.log(JSON.stringify({ unhandled: unhandled.filter((m) => !m.includes("subclass")), subclassUnhandled, ...errors === 4 ? {} : { errors } }));
}
if (process.env.AGENT_TRACE_UNHANDLED_PROBE) await unhandledProbe(process.env.AGENT_TRACE_UNHANDLED_PROBE);
else for (const tracing of ["on", "off"]) {
  describe4(`decorator conformance (${variant}, tracing ${tracing})`, () => {
    before(() => configure({ enabled: tracing === "on" }));
    after(() => configure({ enabled: true }));
    const expectEvents = (events, name, count) => {
      assert.equal(named(events, name).length, tracing === "on" ? count : 0, `${name} events`);
    };
    it("keeps a sync method sync and returns the same value", async () => {
      const subject = new Subject();
      const { result, events } = await traced(() => {
        const value = subject.add(2, 3);
        assert.equal(typeof value, "number");
        return value;
      });
      assert.equal(result, 5);
      expectEvents(events, "add", 1);
    });
    it("keeps a sync throw a sync throw of the very same error object", async () => {
      const subject = new Subject();
      const { events } = await traced(() => {
        let caught;
        try {
          subject.throwsSync();
        } catch (error) {
          caught = error;
        }
        assert.equal(caught, boom);
      });
      expectEvents(events, "throwsSync", 1);
      if (tracing === "on") assert.equal(named(events, "throwsSync")[0].status, "error");
    });
    it("settles an async method with the same value", async () => {
      const subject = new Subject();
      const { result, events } = await traced(() => subject.asyncValue(21));
      assert.equal(result, 42);
      expectEvents(events, "asyncValue", 1);
    });
    it("rejects an async method with the very same error object", async () => {
      const subject = new Subject();
      const error = new TypeError("nope");
      const { events } = await traced(async () => {
        await assert.rejects(subject.rejects(error), (e) => e === error);
      });
      expectEvents(events, "rejects", 1);
      if (tracing === "on") assert.equal(named(events, "rejects")[0].error?.type, "TypeError");
    });
    it("still reports a rejection the caller ignores as unhandled, and not one it handles", () => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { encoding: "utf8", env: { ...process.env, AGENT_TRACE_UNHANDLED_PROBE: tracing } });
      assert.equal(child.status, 0, child.stderr);
      assert.deepEqual(JSON.parse(child.stdout.trim().split("\n").at(-1)), { unhandled: ["ignored"], subclassUnhandled: ["ignored subclass"] });
    });
    it("returns a promise subclass itself, so its own methods keep working", async () => {
      const subject = new Subject();
      const { result, events } = await traced(async () => {
        const promise = subject.subclassPromise("hi");
        assert.ok(promise instanceof WithResponsePromise);
        return promise.withResponse();
      });
      assert.deepEqual(result, { data: "hi", response: "raw" });
      expectEvents(events, "subclassPromise", 1);
      if (tracing === "on") assert.equal(named(events, "subclassPromise")[0].output, "hi");
    });
    it("preserves this", async () => {
      const subject = new Subject();
      await traced(() => {
        assert.equal(subject.self(), subject);
        const other = { label: "other" };
        assert.equal(Subject.prototype.add.call(other, 1, 1), 1002);
      });
    });
    it("preserves the arguments and arguments.length", async () => {
      const subject = new Subject();
      await traced(() => {
        assert.equal(subject.countArgs(), 0);
        assert.equal(subject.countArgs(void 0, void 0), 2);
        assert.equal(subject.countArgs(1, 2, 3), 3);
      });
    });
    it("preserves fn.length and name", () => {
      assert.equal(Subject.prototype.add.length, 2);
      assert.equal(Subject.prototype.add.name, "add");
      assert.equal(Subject.prototype.countArgs.length, 3);
      assert.equal(Subject.staticMethod.name, "staticMethod");
      assert.equal(new Subject().arrowField.length, 1);
    });
    it("keeps a generator lazy and ends its span when it completes", async () => {
      const subject = new Subject();
      const { events } = await traced(() => {
        const iterator = subject.numbers(3);
        assert.equal(subject.pulls, 0);
        assert.deepEqual(iterator.next(), { value: 0, done: false });
        assert.equal(subject.pulls, 1);
        assert.deepEqual([...iterator], [1, 2]);
      });
      expectEvents(events, "numbers", 1);
      if (tracing === "on") assert.equal(named(events, "numbers")[0].status, "ok");
    });
    it("ends a generator span when the consumer breaks early", async () => {
      const subject = new Subject();
      const { events } = await traced(() => {
        for (const n of subject.numbers(100)) if (n === 1) break;
        assert.equal(subject.pulls, 2);
      });
      expectEvents(events, "numbers", 1);
      if (tracing === "on") assert.equal(named(events, "numbers")[0].status, "cancelled");
    });
    it("ends a generator span when the generator throws", async () => {
      const subject = new Subject();
      const { events } = await traced(() => {
        assert.throws(() => [...subject.failing()], (e) => e === boom);
      });
      expectEvents(events, "failing", 1);
      if (tracing === "on") assert.equal(named(events, "failing")[0].status, "error");
    });
    it("keeps an async generator lazy and ends its span on completion and on break", async () => {
      const subject = new Subject();
      const { events } = await traced(async () => {
        const iterator = subject.asyncNumbers(3);
        await settle(5);
        assert.equal(subject.pulls, 0);
        const seen = [];
        for await (const n of iterator) seen.push(n);
        assert.deepEqual(seen, [0, 1, 2]);
        for await (const n of subject.asyncNumbers(100)) if (n === 0) break;
        assert.equal(subject.pulls, 4);
      });
      expectEvents(events, "asyncNumbers", 2);
      if (tracing === "on") assert.deepEqual(named(events, "asyncNumbers").map((e) => e.status), ["ok", "cancelled"]);
    });
    it("observes a returned async iterable as it is consumed and never pulls ahead", async () => {
      const subject = new Subject();
      const { events } = await traced(async () => {
        const stream = subject.stream(5);
        await settle(5);
        assert.equal(subject.pulls, 0);
        const seen = [];
        for await (const n of stream) {
          seen.push(n);
          assert.equal(subject.pulls, seen.length);
        }
        assert.deepEqual(seen, [0, 1, 2, 3, 4]);
      });
      expectEvents(events, "stream", 1);
      if (tracing === "on") assert.equal(named(events, "stream")[0].status, "ok");
    });
    it("keeps errors inside the toolkit away from user code", async () => {
      const subject = new Subject();
      const { result, events, diagnostics } = await traced(() => subject.badHooks(2));
      assert.deepEqual(result, { observation: 2, reward: 1, terminated: false, truncated: false, info: {} });
      expectEvents(events, "badHooks", 1);
      if (tracing === "on") assert.ok(diagnostics.some((d) => d.code === "hook-threw"));
    });
    it("records a method decorated twice once", async () => {
      const subject = new Subject();
      const { result, events } = await traced(() => subject.decoratedTwice());
      assert.equal(result, "once");
      assert.equal(events.length, tracing === "on" ? 1 : 0);
    });
    it("does not record a call again inside an identical span", async () => {
      const subject = new Subject();
      const { result, events } = await traced(() => subject.recurse(3));
      assert.equal(result, 3);
      expectEvents(events, "recursive", 1);
    });
    it("instruments static methods, getters and function-valued fields", async () => {
      const subject = new Subject();
      const { events } = await traced(async () => {
        assert.equal(Subject.staticMethod(1), 2);
        assert.equal(subject.computed, "SUBJECT");
        assert.equal(await subject.arrowField(1), 8);
      });
      expectEvents(events, "staticMethod", 1);
      expectEvents(events, "computed", 1);
      expectEvents(events, "arrowField", 1);
    });
    it("lists what the class instruments", () => {
      const members = getInstrumentation(Subject).map((e) => `${e.static ? "static " : ""}${e.member}:${e.kind}`).sort();
      for (const expected of ["add:runtime", "asyncValue:cais", "arrowField:cais", "badHooks:environment", "computed:span", "numbers:span", "static staticMethod:runtime"]) {
        assert.ok(members.includes(expected), `${expected} in ${members.join(", ")}`);
      }
      assert.deepEqual(getInstrumentation(new Subject()), getInstrumentation(Subject));
    });
  });
}
//# sourceMappingURL=decorators.test.js.map
