// Where the demo writes: the default store (DuckDB when the `agent-trace/duckdb` part is
// available, else the JSONL file), and how it reads the session back.
import { join } from 'node:path';
import { getConfig, JsonlExporter, readJsonlSessions, type SessionTrace, type TraceExporter } from '../src/index.js';

const jsonlPath = () => join(getConfig().dir, 'traces.jsonl');

export async function demoExporters(): Promise<{ exporters: TraceExporter[]; where: string }> {
  return { exporters: [new JsonlExporter({ path: jsonlPath() })], where: jsonlPath() };
}

export async function loadDemoSessions(): Promise<SessionTrace[]> {
  return readJsonlSessions(jsonlPath());
}
