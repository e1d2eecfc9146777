/**
 * agent-trace: decorators that trace AI agents, with behaviour kept exactly and almost no cost.
 * The public surface; heavy parts live behind `agent-trace/duckdb`, `agent-trace/otel` and `agent-trace/codemod`.
 */
export { aiCall, withAiCall, type AiCallOptions, type AiCallExtract } from './decorators/ai-call.js';
export { environmentStep, withEnvironmentStep, readStepResult, type EnvironmentStepOptions } from './decorators/environment-step.js';
export { runtimeOperation, withRuntimeOperation, type RuntimeOperationOptions } from './decorators/runtime-operation.js';
export { traceSpan, withSpan, type TraceSpanOptions } from './decorators/trace-span.js';
export type { CommonOptions } from './decorators/options.js';
export type { UniversalDecorator } from './decorators/decorate.js';
export { getInstrumentation, type InstrumentationEntry } from './decorators/registry.js';

export {
  SessionTracer,
  type SessionTracerOptions,
  type SessionOptions,
  type TimestepOptions,
  type ManualEventInput,
  type MessageInput,
  type Sampler,
} from './session-tracer.js';
export { configure, getConfig, configFromEnv, DEFAULT_CONFIG, type AgentTraceConfig, type ConfigureOptions, type TraceMode, type ExporterName } from './configure.js';
export { bindContext, exportContext, runWithContext, type ExportedContext } from './context/propagation.js';
export { AgentTraceError } from './errors.js';
export { onDiagnostic, DIAGNOSTICS_CHANNEL, type Diagnostic } from './diagnostics.js';

export type { TraceExporter } from './export/exporter.js';
export type { TraceRecord, EventRecord, MessageRecord, TimestepRecord, SessionRecord } from './export/records.js';
export { InMemoryExporter } from './export/in-memory.js';
export { ConsoleExporter, type ConsoleExporterOptions } from './export/console.js';
export { JsonlExporter, readJsonlSessions, readJsonlRecords, type JsonlExporterOptions } from './export/jsonl.js';
export { HttpExporter, type HttpExporterOptions, type HttpExporterEvent, type HttpExporterStats } from './export/http.js';
export { formatSessionTree, sessionTotals, type TreeOptions, type SessionTotals } from './export/session-tree.js';
export { assembleSessions } from './model/assemble-sessions.js';

export { registerModelPrice, unregisterModelPrice, findModelPrice, type ModelPriceInput } from './genai/pricing.js';
export { redacted, isRedacted, type Redacted } from './redaction/redacted.js';
export { Redactor, type RedactorOptions, type RedactionReport } from './redaction/redactor.js';
export { redactRecords } from './redaction/redact-records.js';
export { DETECTOR_NAMES, type DetectorName, type EntityKind, type RedactionCounts } from './redaction/entity-kinds.js';
export { findEntities, type EntityMatch } from './redaction/detectors.js';
export { DEFAULT_SENSITIVE_KEYS } from './redaction/sensitive-keys.js';

export { SCHEMA_VERSION } from './model/events.js';
export type {
  TraceEvent,
  CaisEvent,
  EnvironmentEvent,
  RuntimeEvent,
  SpanEvent,
  BaseEvent,
  EventType,
  EventStatus,
  EventError,
  SpanKind,
  CallRecord,
  CallMessage,
  CallToolCall,
  TokenUsage,
  StreamSummary,
  TimeRecord,
  JsonValue,
  MarkovBlanketMessage,
} from './model/events.js';
export type { SessionTrace, SessionTimeStep } from './model/session-trace.js';
