import { AgentTraceError } from './errors.js';
import { installSpanBridgeFromMode } from './otel/install.js';
import { runtime } from './runtime.js';

/** How events leave the process: our own exporters, OpenTelemetry spans, both, or not at all. */
export type TraceMode = 'events' | 'otel' | 'dual' | 'disabled';

/** Exporter names accepted by `AGENT_TRACE_EXPORTERS` and `configure({ exporters })`. */
export type ExporterName = 'console' | 'jsonl' | 'duckdb' | 'otlp' | 'http' | 'none';

/** Process-wide settings; every field has a default and an environment variable (DESIGN section 6). */
export interface AgentTraceConfig {
  /** `AGENT_TRACE_MODE`: `events` (default), `otel`, `dual`, `disabled`. */
  mode: TraceMode;
  /** `AGENT_TRACE_EXPORTERS`: exporters a `SessionTracer` gets when none are given. Default `['jsonl']`. */
  exporters: ExporterName[];
  /** `AGENT_TRACE_DIR`: where file and DuckDB exporters write. Default `./traces`. */
  dir: string;
  /** `AGENT_TRACE_MASK_PII`: run value detectors (emails, cards, keys...) on captured strings. Default true. */
  maskPii: boolean;
  /** `AGENT_TRACE_MAX_PAYLOAD_BYTES`: captured inputs and outputs are cut at this many UTF-8 bytes. Default 10240. */
  maxPayloadBytes: number;
  /** `AGENT_TRACE_SAMPLE_RATE`: fraction of sessions recorded, decided once per session. Default 1. */
  sampleRate: number;
  /** `AGENT_TRACE_CAPTURE_CONTENT`: record inputs and outputs at all. Default true. */
  captureContent: boolean;
  /** Switch recording on or off at run time; off costs one flag check per call. Default true. */
  enabled: boolean;
}

const MODES: readonly TraceMode[] = ['events', 'otel', 'dual', 'disabled'];
const EXPORTERS: readonly ExporterName[] = ['console', 'jsonl', 'duckdb', 'otlp', 'http', 'none'];

/** The defaults, before environment variables and code. */
export const DEFAULT_CONFIG: Readonly<AgentTraceConfig> = Object.freeze({
  mode: 'events',
  exporters: ['jsonl'] as ExporterName[],
  dir: './traces',
  maskPii: true,
  maxPayloadBytes: 10240,
  sampleRate: 1,
  captureContent: true,
  enabled: true,
});

function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new AgentTraceError('E_CONFIG', `agent-trace: ${name}=${JSON.stringify(raw)} is not a boolean; use true or false.`);
}

function parseNumber(name: string, raw: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new AgentTraceError('E_CONFIG', `agent-trace: ${name}=${JSON.stringify(raw)} is not a number.`);
  }
  return value;
}

function validate(config: AgentTraceConfig, source: (field: keyof AgentTraceConfig) => string): AgentTraceConfig {
  const fail = (field: keyof AgentTraceConfig, allowed: string): never => {
    throw new AgentTraceError(
      'E_CONFIG',
      `agent-trace: ${source(field)} is ${JSON.stringify(config[field])}; allowed: ${allowed}.`,
    );
  };
  if (!MODES.includes(config.mode)) fail('mode', MODES.join(', '));
  if (!Array.isArray(config.exporters) || config.exporters.some((name) => !EXPORTERS.includes(name))) {
    fail('exporters', `a list of ${EXPORTERS.join(', ')}`);
  }
  if (typeof config.dir !== 'string' || config.dir.length === 0) fail('dir', 'a non-empty directory path');
  if (typeof config.maskPii !== 'boolean') fail('maskPii', 'true or false');
  if (!Number.isInteger(config.maxPayloadBytes) || config.maxPayloadBytes < 64) {
    fail('maxPayloadBytes', 'a whole number of bytes, at least 64');
  }
  if (typeof config.sampleRate !== 'number' || !(config.sampleRate >= 0 && config.sampleRate <= 1)) {
    fail('sampleRate', 'a number from 0 to 1');
  }
  if (typeof config.captureContent !== 'boolean') fail('captureContent', 'true or false');
  if (typeof config.enabled !== 'boolean') fail('enabled', 'true or false');
  return config;
}

const ENV_NAMES: Record<keyof AgentTraceConfig, string> = {
  mode: 'AGENT_TRACE_MODE',
  exporters: 'AGENT_TRACE_EXPORTERS',
  dir: 'AGENT_TRACE_DIR',
  maskPii: 'AGENT_TRACE_MASK_PII',
  maxPayloadBytes: 'AGENT_TRACE_MAX_PAYLOAD_BYTES',
  sampleRate: 'AGENT_TRACE_SAMPLE_RATE',
  captureContent: 'AGENT_TRACE_CAPTURE_CONTENT',
  enabled: 'TRACING_ENABLED',
};

/**
 * Reads the configuration from environment variables (with synth-ai's names as aliases),
 * on top of the defaults. A bad value throws an `AgentTraceError` that names the variable.
 *
 * @example
 * const config = configFromEnv({ AGENT_TRACE_MODE: 'disabled' });
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AgentTraceConfig {
  const config: AgentTraceConfig = { ...DEFAULT_CONFIG, exporters: [...DEFAULT_CONFIG.exporters] };
  const used: Partial<Record<keyof AgentTraceConfig, string>> = {};
  const read = (field: keyof AgentTraceConfig, ...names: string[]): string | undefined => {
    for (const name of names) {
      const value = env[name];
      if (value !== undefined && value !== '') {
        used[field] = name;
        return value;
      }
    }
    return undefined;
  };

  const mode = read('mode', 'AGENT_TRACE_MODE', 'SYNTH_TRACING_MODE');
  if (mode !== undefined) config.mode = mode.trim().toLowerCase() as TraceMode;
  const exporters = read('exporters', 'AGENT_TRACE_EXPORTERS');
  if (exporters !== undefined) {
    config.exporters = exporters.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean) as ExporterName[];
  }
  const dir = read('dir', 'AGENT_TRACE_DIR');
  if (dir !== undefined) config.dir = dir;
  const maskPii = read('maskPii', 'AGENT_TRACE_MASK_PII', 'SYNTH_MASK_PII');
  if (maskPii !== undefined) config.maskPii = parseBoolean(used.maskPii!, maskPii);
  const maxBytes = read('maxPayloadBytes', 'AGENT_TRACE_MAX_PAYLOAD_BYTES', 'SYNTH_MAX_PAYLOAD_BYTES');
  if (maxBytes !== undefined) config.maxPayloadBytes = parseNumber(used.maxPayloadBytes!, maxBytes);
  const sampleRate = read('sampleRate', 'AGENT_TRACE_SAMPLE_RATE');
  if (sampleRate !== undefined) config.sampleRate = parseNumber(used.sampleRate!, sampleRate);
  const capture = read('captureContent', 'AGENT_TRACE_CAPTURE_CONTENT');
  if (capture !== undefined) config.captureContent = parseBoolean(used.captureContent!, capture);
  const tracingEnabled = read('enabled', 'TRACING_ENABLED');
  if (tracingEnabled !== undefined && !parseBoolean(used.enabled!, tracingEnabled)) config.mode = 'disabled';

  return validate(config, (field) => `${used[field] ?? ENV_NAMES[field]}`);
}

/** Options of `configure`: any subset of the configuration. */
export type ConfigureOptions = Partial<AgentTraceConfig>;

/**
 * Sets process-wide defaults; code overrides environment variables. Throws an
 * `AgentTraceError` naming the option when a value is not allowed.
 *
 * @example
 * configure({ exporters: ['console'], maxPayloadBytes: 4096 });
 * configure({ enabled: false }); // recording off at run time: one flag check per call
 */
export function configure(options: ConfigureOptions): AgentTraceConfig {
  if (typeof options !== 'object' || options === null) {
    throw new AgentTraceError('E_CONFIG', 'agent-trace: configure() takes an options object, e.g. configure({ enabled: false }).');
  }
  const known = Object.keys(DEFAULT_CONFIG);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new AgentTraceError('E_CONFIG', `agent-trace: configure() has no option "${key}"; known options: ${known.join(', ')}.`);
    }
  }
  const next = validate({ ...runtime.config, ...options }, (field) => `configure({ ${field} })`);
  runtime.config = next;
  runtime.enabled = next.enabled && next.mode !== 'disabled';
  installSpanBridgeFromMode();
  return next;
}

/** The configuration in force now. */
export function getConfig(): Readonly<AgentTraceConfig> {
  return runtime.config;
}

if (runtime.config === undefined) {
  // Fails fast at start-up, naming the variable, when the environment holds a bad value.
  runtime.config = configFromEnv();
  runtime.enabled = runtime.config.enabled && runtime.config.mode !== 'disabled';
}
installSpanBridgeFromMode();
