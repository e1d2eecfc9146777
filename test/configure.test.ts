import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AgentTraceError, configFromEnv, configure, DEFAULT_CONFIG, getConfig } from '../src/index.js';

describe('configuration', () => {
  it('reads every variable, and the synth-ai names as aliases', () => {
    const config = configFromEnv({
      AGENT_TRACE_MODE: 'dual',
      AGENT_TRACE_EXPORTERS: 'console, jsonl,duckdb',
      AGENT_TRACE_DIR: '/tmp/t',
      SYNTH_MASK_PII: 'false',
      SYNTH_MAX_PAYLOAD_BYTES: '2048',
      AGENT_TRACE_SAMPLE_RATE: '0.25',
      AGENT_TRACE_CAPTURE_CONTENT: 'no',
    });
    assert.deepEqual(config, { ...DEFAULT_CONFIG, mode: 'dual', exporters: ['console', 'jsonl', 'duckdb'], dir: '/tmp/t', maskPii: false, maxPayloadBytes: 2048, sampleRate: 0.25, captureContent: false });
    assert.equal(configFromEnv({ SYNTH_TRACING_MODE: 'disabled' }).mode, 'disabled');
    assert.equal(configFromEnv({ TRACING_ENABLED: 'false' }).mode, 'disabled');
    assert.equal(configFromEnv({ AGENT_TRACE_MODE: 'otel', SYNTH_TRACING_MODE: 'disabled' }).mode, 'otel', 'our name wins over the alias');
  });

  it('names the variable and the allowed values when a value is bad', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ AGENT_TRACE_MODE: 'verbose' }, /AGENT_TRACE_MODE is "verbose"; allowed: events, otel, dual, disabled/],
      [{ AGENT_TRACE_EXPORTERS: 'jsonl,kafka' }, /AGENT_TRACE_EXPORTERS .*allowed: a list of console, jsonl, duckdb, otlp, http, none/],
      [{ AGENT_TRACE_SAMPLE_RATE: '2' }, /AGENT_TRACE_SAMPLE_RATE is 2; allowed: a number from 0 to 1/],
      [{ AGENT_TRACE_SAMPLE_RATE: 'half' }, /AGENT_TRACE_SAMPLE_RATE="half" is not a number/],
      [{ SYNTH_MASK_PII: 'maybe' }, /SYNTH_MASK_PII="maybe" is not a boolean/],
      [{ AGENT_TRACE_MAX_PAYLOAD_BYTES: '10' }, /AGENT_TRACE_MAX_PAYLOAD_BYTES is 10; allowed: a whole number of bytes, at least 64/],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => configFromEnv(env), (e) => e instanceof AgentTraceError && e.code === 'E_CONFIG' && message.test(e.message), JSON.stringify(env));
    }
  });

  it('fails at start-up, naming the variable, when the environment holds a bad value', () => {
    const index = fileURLToPath(new URL('../src/index.js', import.meta.url));
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(index)})`], { env: { ...process.env, AGENT_TRACE_MODE: 'loud' }, encoding: 'utf8' });
    assert.notEqual(child.status, 0);
    assert.match(child.stderr, /agent-trace: AGENT_TRACE_MODE is "loud"/);
  });

  it('lets code override the environment and rejects unknown or bad options', () => {
    const before = getConfig();
    try {
      assert.equal(configure({ maxPayloadBytes: 4096 }).maxPayloadBytes, 4096);
      assert.throws(() => configure({ sampleRate: 1.5 }), /configure\(\{ sampleRate \}\) is 1.5/);
      assert.throws(() => configure({ colour: true } as never), /no option "colour"/);
      assert.throws(() => configure(null as never), /takes an options object/);
    } finally {
      configure(before);
    }
  });
});
