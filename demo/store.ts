// Where the demo writes: the default store, the embedded DuckDB file of `agent-trace/duckdb`
// (`$AGENT_TRACE_DIR/traces.duckdb`), and how it reads a session back from it.
import { DuckDBExporter, TraceStore, defaultStorePath } from '../src/export/duckdb.js';
import type { SessionTrace, TraceExporter } from '../src/index.js';

export function demoExporters(): { exporters: TraceExporter[]; where: string } {
  const path = defaultStorePath();
  return { exporters: [new DuckDBExporter({ path })], where: path };
}

export async function loadDemoSession(sessionId: string): Promise<SessionTrace | null> {
  const store = await TraceStore.open(defaultStorePath(), { readOnly: true });
  try {
    return await store.loadSession(sessionId);
  } finally {
    await store.close();
  }
}
