/**
 * agent-trace: decorators that trace AI agents, with behaviour kept exactly and almost no cost.
 * The public surface; heavy parts live behind `agent-trace/duckdb`, `agent-trace/otel` and `agent-trace/codemod`.
 */
export { aiCall, withAiCall } from './decorators/ai-call.js';
export { environmentStep, withEnvironmentStep, readStepResult } from './decorators/environment-step.js';
export { runtimeOperation, withRuntimeOperation } from './decorators/runtime-operation.js';
export { traceSpan, withSpan } from './decorators/trace-span.js';
export { getInstrumentation } from './decorators/registry.js';
export { SessionTracer, } from './session-tracer.js';
export { configure, getConfig, configFromEnv, DEFAULT_CONFIG } from './configure.js';
export { bindContext, exportContext, runWithContext } from './context/propagation.js';
export { AgentTraceError } from './errors.js';
export { onDiagnostic, DIAGNOSTICS_CHANNEL } from './diagnostics.js';
export { InMemoryExporter } from './export/in-memory.js';
export { ConsoleExporter } from './export/console.js';
export { JsonlExporter, readJsonlSessions, readJsonlRecords } from './export/jsonl.js';
export { formatSessionTree, sessionTotals } from './export/session-tree.js';
export { assembleSessions } from './model/assemble-sessions.js';
export { redacted, isRedacted } from './redaction/redacted.js';
export { SCHEMA_VERSION } from './model/events.js';
//# sourceMappingURL=index.js.map