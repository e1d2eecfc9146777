import { AgentTraceError } from './errors.js';
import { runtime } from './runtime.js';
const MODES = ['events', 'otel', 'dual', 'disabled'];
const EXPORTERS = ['console', 'jsonl', 'duckdb', 'otlp', 'http', 'none'];
/** The defaults, before environment variables and code. */
export const DEFAULT_CONFIG = Object.freeze({
    mode: 'events',
    exporters: ['jsonl'],
    dir: './traces',
    maskPii: true,
    maxPayloadBytes: 10240,
    sampleRate: 1,
    captureContent: true,
    enabled: true,
});
function parseBoolean(name, raw) {
    const value = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(value))
        return true;
    if (['0', 'false', 'no', 'off'].includes(value))
        return false;
    throw new AgentTraceError('E_CONFIG', `agent-trace: ${name}=${JSON.stringify(raw)} is not a boolean; use true or false.`);
}
function parseNumber(name, raw) {
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(value)) {
        throw new AgentTraceError('E_CONFIG', `agent-trace: ${name}=${JSON.stringify(raw)} is not a number.`);
    }
    return value;
}
function validate(config, source) {
    const fail = (field, allowed) => {
        throw new AgentTraceError('E_CONFIG', `agent-trace: ${source(field)} is ${JSON.stringify(config[field])}; allowed: ${allowed}.`);
    };
    if (!MODES.includes(config.mode))
        fail('mode', MODES.join(', '));
    if (!Array.isArray(config.exporters) || config.exporters.some((name) => !EXPORTERS.includes(name))) {
        fail('exporters', `a list of ${EXPORTERS.join(', ')}`);
    }
    if (typeof config.dir !== 'string' || config.dir.length === 0)
        fail('dir', 'a non-empty directory path');
    if (typeof config.maskPii !== 'boolean')
        fail('maskPii', 'true or false');
    if (!Number.isInteger(config.maxPayloadBytes) || config.maxPayloadBytes < 64) {
        fail('maxPayloadBytes', 'a whole number of bytes, at least 64');
    }
    if (typeof config.sampleRate !== 'number' || !(config.sampleRate >= 0 && config.sampleRate <= 1)) {
        fail('sampleRate', 'a number from 0 to 1');
    }
    if (typeof config.captureContent !== 'boolean')
        fail('captureContent', 'true or false');
    if (typeof config.enabled !== 'boolean')
        fail('enabled', 'true or false');
    return config;
}
const ENV_NAMES = {
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
export function configFromEnv(env = process.env) {
    const config = { ...DEFAULT_CONFIG, exporters: [...DEFAULT_CONFIG.exporters] };
    const used = {};
    const read = (field, ...names) => {
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
    if (mode !== undefined)
        config.mode = mode.trim().toLowerCase();
    const exporters = read('exporters', 'AGENT_TRACE_EXPORTERS');
    if (exporters !== undefined) {
        config.exporters = exporters.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
    }
    const dir = read('dir', 'AGENT_TRACE_DIR');
    if (dir !== undefined)
        config.dir = dir;
    const maskPii = read('maskPii', 'AGENT_TRACE_MASK_PII', 'SYNTH_MASK_PII');
    if (maskPii !== undefined)
        config.maskPii = parseBoolean(used.maskPii, maskPii);
    const maxBytes = read('maxPayloadBytes', 'AGENT_TRACE_MAX_PAYLOAD_BYTES', 'SYNTH_MAX_PAYLOAD_BYTES');
    if (maxBytes !== undefined)
        config.maxPayloadBytes = parseNumber(used.maxPayloadBytes, maxBytes);
    const sampleRate = read('sampleRate', 'AGENT_TRACE_SAMPLE_RATE');
    if (sampleRate !== undefined)
        config.sampleRate = parseNumber(used.sampleRate, sampleRate);
    const capture = read('captureContent', 'AGENT_TRACE_CAPTURE_CONTENT');
    if (capture !== undefined)
        config.captureContent = parseBoolean(used.captureContent, capture);
    const tracingEnabled = read('enabled', 'TRACING_ENABLED');
    if (tracingEnabled !== undefined && !parseBoolean(used.enabled, tracingEnabled))
        config.mode = 'disabled';
    return validate(config, (field) => `${used[field] ?? ENV_NAMES[field]}`);
}
/**
 * Sets process-wide defaults; code overrides environment variables. Throws an
 * `AgentTraceError` naming the option when a value is not allowed.
 *
 * @example
 * configure({ exporters: ['console'], maxPayloadBytes: 4096 });
 * configure({ enabled: false }); // recording off at run time: one flag check per call
 */
export function configure(options) {
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
    return next;
}
/** The configuration in force now. */
export function getConfig() {
    return runtime.config;
}
if (runtime.config === undefined) {
    // Fails fast at start-up, naming the variable, when the environment holds a bad value.
    runtime.config = configFromEnv();
    runtime.enabled = runtime.config.enabled && runtime.config.mode !== 'disabled';
}
//# sourceMappingURL=configure.js.map