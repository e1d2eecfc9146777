/** Version of the table layout, kept in `agent_trace_meta`; a newer store is refused, not misread. */
export const STORE_LAYOUT_VERSION = 1;
const obj = (value) => typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
const seq = { name: 'seq', type: 'BIGINT', context: 'seq' };
const extra = { name: 'extra', type: 'JSON', context: 'extra' };
const sessionId = { name: 'session_id', type: 'VARCHAR', context: 'session_id' };
const stepId = { name: 'step_id', type: 'VARCHAR', context: 'step_id' };
const f = (name, type) => ({ name, type, field: name });
/** The `sessions` table: one row per session, a placeholder (`complete = false`) until its session record arrives. */
export const SESSIONS_TABLE = {
    name: 'sessions',
    key: ['session_id'],
    columns: [
        seq,
        { name: 'session_id', type: 'VARCHAR', field: 'session_id' },
        { name: 'complete', type: 'BOOLEAN', context: 'complete' },
        f('schema_version', 'VARCHAR'),
        f('created_at', 'TIMESTAMPTZ'),
        f('ended_at', 'TIMESTAMPTZ'),
        f('metadata', 'JSON'),
        extra,
    ],
};
/** The `timesteps` table: one row per finished timestep (its events are in `events`). */
export const TIMESTEPS_TABLE = {
    name: 'timesteps',
    key: ['session_id', 'step_id'],
    columns: [
        seq,
        sessionId,
        { name: 'step_id', type: 'VARCHAR', field: 'step_id' },
        f('schema_version', 'VARCHAR'),
        f('step_index', 'BIGINT'),
        f('timestamp', 'TIMESTAMPTZ'),
        f('turn_number', 'BIGINT'),
        f('step_metadata', 'JSON'),
        f('completed_at', 'TIMESTAMPTZ'),
        extra,
    ],
};
/** The `events` table: common columns, type-specific columns (NULL for other types) and JSON columns. */
export const EVENTS_TABLE = {
    name: 'events',
    key: ['event_id'],
    columns: [
        seq,
        { name: 'event_id', type: 'VARCHAR', field: 'event_id' },
        sessionId,
        stepId,
        f('schema_version', 'VARCHAR'),
        f('event_type', 'VARCHAR'),
        f('name', 'VARCHAR'),
        f('system_instance_id', 'VARCHAR'),
        f('time_record', 'JSON'),
        { name: 'event_time', type: 'DOUBLE', derive: (e) => obj(e.time_record)?.event_time },
        { name: 'message_time', type: 'DOUBLE', derive: (e) => obj(e.time_record)?.message_time },
        f('trace_id', 'VARCHAR'),
        f('span_id', 'VARCHAR'),
        f('parent_span_id', 'VARCHAR'),
        f('started_at', 'TIMESTAMPTZ'),
        f('ended_at', 'TIMESTAMPTZ'),
        f('duration_ms', 'DOUBLE'),
        f('status', 'VARCHAR'),
        f('error', 'JSON'),
        { name: 'error_type', type: 'VARCHAR', derive: (e) => obj(e.error)?.type },
        { name: 'error_message', type: 'VARCHAR', derive: (e) => obj(e.error)?.message },
        f('input', 'JSON'),
        f('output', 'JSON'),
        f('metadata', 'JSON'),
        f('model_name', 'VARCHAR'),
        f('provider', 'VARCHAR'),
        f('input_tokens', 'BIGINT'),
        f('output_tokens', 'BIGINT'),
        f('total_tokens', 'BIGINT'),
        f('cost_usd', 'DOUBLE'),
        f('latency_ms', 'DOUBLE'),
        f('call_records', 'JSON'),
        f('reward', 'DOUBLE'),
        f('terminated', 'BOOLEAN'),
        f('truncated', 'BOOLEAN'),
        f('system_state_before', 'JSON'),
        f('system_state_after', 'JSON'),
        f('actions', 'JSON'),
        f('span_kind', 'VARCHAR'),
        extra,
    ],
};
/** The `messages` table: messages between systems, with sender and receiver pulled out for SQL. */
export const MESSAGES_TABLE = {
    name: 'messages',
    key: ['message_id'],
    columns: [
        seq,
        { name: 'message_id', type: 'VARCHAR', field: 'message_id' },
        sessionId,
        stepId,
        f('schema_version', 'VARCHAR'),
        f('message_type', 'VARCHAR'),
        f('content', 'JSON'),
        { name: 'content_text', type: 'VARCHAR', derive: (m) => obj(m.content)?.text },
        f('time_record', 'JSON'),
        { name: 'event_time', type: 'DOUBLE', derive: (m) => obj(m.time_record)?.event_time },
        { name: 'message_time', type: 'DOUBLE', derive: (m) => obj(m.time_record)?.message_time },
        f('metadata', 'JSON'),
        { name: 'from_system_instance_id', type: 'VARCHAR', derive: (m) => obj(m.metadata)?.from_system_instance_id },
        { name: 'to_system_instance_id', type: 'VARCHAR', derive: (m) => obj(m.metadata)?.to_system_instance_id },
        extra,
    ],
};
/** Every table, in the order records are merged. */
export const STORE_TABLES = [SESSIONS_TABLE, TIMESTEPS_TABLE, EVENTS_TABLE, MESSAGES_TABLE];
const BASE_EVENT_FIELDS = [
    'schema_version', 'event_type', 'event_id', 'name', 'system_instance_id', 'time_record', 'trace_id', 'span_id',
    'parent_span_id', 'started_at', 'ended_at', 'duration_ms', 'status', 'error', 'input', 'output', 'metadata',
];
/** The fields an event of each type has (others are NULL in its row). */
export const EVENT_FIELDS = {
    cais: [...BASE_EVENT_FIELDS, 'model_name', 'provider', 'input_tokens', 'output_tokens', 'total_tokens', 'cost_usd', 'latency_ms', 'system_state_before', 'system_state_after', 'call_records'],
    environment: [...BASE_EVENT_FIELDS, 'reward', 'terminated', 'truncated', 'system_state_before', 'system_state_after'],
    runtime: [...BASE_EVENT_FIELDS, 'actions'],
    span: [...BASE_EVENT_FIELDS, 'span_kind'],
    other: BASE_EVENT_FIELDS,
};
/** Fields of sessions, timesteps and messages as stored (lists of events and messages travel as their own rows). */
export const OBJECT_FIELDS = {
    sessions: ['schema_version', 'session_id', 'created_at', 'ended_at', 'metadata'],
    timesteps: ['schema_version', 'step_id', 'step_index', 'timestamp', 'turn_number', 'step_metadata', 'completed_at'],
    messages: ['schema_version', 'message_id', 'content', 'message_type', 'time_record', 'metadata'],
};
function createTable(table, temp) {
    const columns = table.columns.map((c) => `${c.name} ${c.type}`);
    if (!temp)
        columns.push(`PRIMARY KEY (${table.key.join(', ')})`);
    return `CREATE ${temp ? 'TEMP TABLE' : 'TABLE'} IF NOT EXISTS ${temp ? `stage_${table.name}` : table.name} (${columns.join(', ')})`;
}
/** DDL that creates the tables (idempotent). */
export function createTablesSql() {
    return [
        'CREATE TABLE IF NOT EXISTS agent_trace_meta (key VARCHAR PRIMARY KEY, value VARCHAR)',
        ...STORE_TABLES.map((t) => createTable(t, false)),
    ];
}
/** DDL for the per-connection staging tables the Appender fills before a batch is merged. */
export function createStagingSql() {
    return STORE_TABLES.map((t) => createTable(t, true));
}
const TOKENS = 'coalesce(total_tokens, coalesce(input_tokens, 0) + coalesce(output_tokens, 0))';
/** The views: model usage and cost, session summaries, errors, latency percentiles. */
export const VIEWS_SQL = [
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
   GROUP BY event_type, name`,
];
//# sourceMappingURL=duckdb-schema.js.map