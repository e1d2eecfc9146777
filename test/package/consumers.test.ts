// The package as users install it: required from CommonJS, imported from ESM, and disabled at load time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'agent-trace-consumer-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'agent-trace'), 'dir');
after(() => rmSync(project, { recursive: true, force: true }));

function runIn(file: string, source: string, env: Record<string, string> = {}) {
  writeFileSync(join(project, file), source);
  const child = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

const program = (load: string) => `${load}
const memory = new InMemoryExporter();
const tracer = new SessionTracer({ exporters: [memory] });
const tool = withRuntimeOperation({ name: 'tool' }, (x) => x + 1);
(async () => {
  const value = await tracer.session('s', async () => tool(1));
  await tracer.shutdown();
  console.log(JSON.stringify({ value, events: memory.sessions[0].event_history.map((e) => e.name) }));
})();`;

describe('package consumers', () => {
  it('loads with require() from a CommonJS project', () => {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'commonjs' }));
    const out = runIn('cjs.js', program("const { InMemoryExporter, SessionTracer, withRuntimeOperation } = require('agent-trace');"));
    assert.deepEqual(out, { value: 2, events: ['tool'] });
  });

  it('loads with import from an ESM project', () => {
    const out = runIn('esm.mjs', program("import { InMemoryExporter, SessionTracer, withRuntimeOperation } from 'agent-trace';"));
    assert.deepEqual(out, { value: 2, events: ['tool'] });
  });

  it('shares one context between the CommonJS and the ESM copy', () => {
    const out = runIn(
      'mixed.mjs',
      `import { createRequire } from 'node:module';
import { SessionTracer, InMemoryExporter, withSpan } from 'agent-trace';
const cjs = createRequire(import.meta.url)('agent-trace');
const memory = new InMemoryExporter();
const tracer = new SessionTracer({ exporters: [memory] });
const inner = cjs.withRuntimeOperation({ name: 'inner' }, () => 1);
const outer = withSpan('outer', () => inner());
await tracer.session('mixed', () => outer());
await tracer.shutdown();
const events = memory.sessions[0].event_history;
const o = events.find((e) => e.name === 'outer'), i = events.find((e) => e.name === 'inner');
console.log(JSON.stringify({ linked: i.parent_span_id === o.span_id }));`,
    );
    assert.deepEqual(out, { linked: true });
  });

  it('returns the original function itself and creates no AsyncLocalStorage when disabled at load time', () => {
    const out = runIn(
      'disabled.mjs',
      `import { aiCall, traceSpan, withSpan, SessionTracer, InMemoryExporter } from 'agent-trace';
let captured;
const capture = (value, context) => { captured = value; return value; };
const original = async function think(x) { return x; };
const decorate = (decorator, value, name) => decorator(value, { kind: 'method', name, static: false, private: false, metadata: {}, addInitializer() {} }) ?? value;
const method = decorate(aiCall, original, 'think');
const called = decorate(traceSpan({ kind: 'agent' }), original, 'think');
const fn = () => 1;
const tracer = new SessionTracer({ exporters: [new InMemoryExporter()] });
await tracer.session('s', async () => { await method(1); fn(); });
const runtime = globalThis[Symbol.for('agent-trace.runtime.v1')];
console.log(JSON.stringify({ method: method === original, called: called === original, withSpan: withSpan('x', fn) === fn, storage: runtime.storage === undefined }));`,
      { AGENT_TRACE_MODE: 'disabled' },
    );
    assert.deepEqual(out, { method: true, called: true, withSpan: true, storage: true });
  });
});
