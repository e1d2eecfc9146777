import assert from 'node:assert/strict';
import { InMemoryExporter, onDiagnostic, SessionTracer, type CaisEvent, type Diagnostic, type TraceEvent } from '../../../src/index.js';

/** What `traced` saw: the function's result, the session's events (all, and the cais ones) and the diagnostics. */
export interface TracedRun<R> {
  result: R;
  events: CaisEvent[];
  all: TraceEvent[];
  diagnostics: Diagnostic[];
}

/** Runs `fn` in a session of a fresh tracer with an in-memory exporter, flushes, and returns what was recorded. */
export async function traced<R>(fn: () => Promise<R>): Promise<TracedRun<R>> {
  const memory = new InMemoryExporter();
  const tracer = new SessionTracer({ exporters: [memory] });
  const diagnostics: Diagnostic[] = [];
  const stop = onDiagnostic((d) => diagnostics.push(d));
  const id = `genai-${Math.random().toString(36).slice(2)}`;
  try {
    const result = await tracer.session(id, fn);
    await tracer.flush();
    const session = memory.sessions.find((s) => s.session_id === id);
    assert.ok(session, 'the session was exported');
    const all = session.event_history;
    return { result, events: all.filter((e): e is CaisEvent => e.event_type === 'cais'), all, diagnostics };
  } finally {
    stop();
    await tracer.shutdown();
  }
}
