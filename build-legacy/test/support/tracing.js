import { InMemoryExporter, SessionTracer, onDiagnostic } from '../../src/index.js';
/** A tracer writing to memory, for one test. */
export function memoryTracer(options = {}) {
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [memory], scheduledDelayMillis: 5, ...options });
    return { memory, tracer };
}
/** Runs `fn` inside a session of a fresh in-memory tracer and returns its result, its events and the diagnostics reported. */
export async function traced(fn, sessionId = `s-${Math.random().toString(36).slice(2)}`) {
    const { memory, tracer } = memoryTracer();
    const diagnostics = [];
    const stop = onDiagnostic((d) => diagnostics.push(d));
    try {
        const result = await tracer.session(sessionId, fn);
        await tracer.flush();
        const session = memory.sessions.find((s) => s.session_id === sessionId);
        return { result, events: session?.event_history ?? [], session, memory, diagnostics };
    }
    finally {
        stop();
        await tracer.shutdown();
    }
}
/** Events by name, in the order they started. */
export function named(events, name) {
    return events.filter((e) => e.name === name);
}
/** Lets timers, immediates and promise jobs run. */
export function settle(ms = 0) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
//# sourceMappingURL=tracing.js.map