import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { bindContext, exportContext, JsonlExporter, readJsonlSessions, runWithContext, SessionTracer, withRuntimeOperation, withSpan } from '../../src/index.js';
import { traced } from '../support/tracing.js';

const child = withRuntimeOperation({ name: 'child' }, (tag: string) => tag);

describe('context propagation', () => {
  it('links children to their parent across await, Promise.all, setTimeout, setImmediate and queueMicrotask', async () => {
    const parent = withSpan('parent', async () => {
      await Promise.resolve();
      child('await');
      await Promise.all([1, 2].map(async (i) => child(`all-${i}`)));
      await new Promise<void>((resolve) => setTimeout(() => (child('timeout'), resolve()), 1));
      await new Promise<void>((resolve) => setImmediate(() => (child('immediate'), resolve())));
      await new Promise<void>((resolve) => queueMicrotask(() => (child('microtask'), resolve())));
    });
    const { events } = await traced(() => parent());
    const root = events.find((e) => e.name === 'parent')!;
    const children = events.filter((e) => e.name === 'child');
    assert.deepEqual(children.map((e) => e.output).sort(), ['all-1', 'all-2', 'await', 'immediate', 'microtask', 'timeout']);
    for (const e of children) assert.equal(e.parent_span_id, root.span_id, `${e.output}`);
  });

  it('carries the context into EventEmitter listeners with bindContext', async () => {
    const emitter = new EventEmitter();
    const parent = withSpan('parent', () => {
      emitter.on('data', bindContext((tag: string) => child(tag)));
    });
    const { events } = await traced(async () => {
      parent();
      await new Promise<void>((resolve) => setTimeout(() => (emitter.emit('data', 'later'), resolve()), 1));
    });
    const root = events.find((e) => e.name === 'parent')!;
    assert.equal(events.find((e) => e.name === 'child')!.parent_span_id, root.span_id);
  });

  it('continues a session in a worker thread with exportContext and runWithContext', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-trace-worker-'));
    const path = join(dir, 'traces.jsonl');
    try {
      const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path })] });
      const delegate = withSpan('delegate', async () => {
        const context = exportContext();
        assert.equal(JSON.parse(JSON.stringify(context)).session_id, 'shared');
        const workerFile = new URL('./support/worker-task.js', import.meta.url);
        await new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { context, path } });
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
        });
      });
      await tracer.session('shared', () => tracer.timestep({ turn: 1 }, () => delegate()));
      await tracer.shutdown();
      const [session] = await readJsonlSessions(path);
      const parent = session!.event_history.find((e) => e.name === 'delegate')!;
      const remote = session!.event_history.find((e) => e.name === 'remote-tool')!;
      assert.ok(remote, 'the worker event joined the session');
      assert.equal(remote.parent_span_id, parent.span_id);
      assert.equal(remote.trace_id, parent.trace_id);
      assert.equal(session!.session_time_steps[0]!.events.length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the function as it is when given no context', () => {
    assert.equal(runWithContext(null, () => 5), 5);
    assert.throws(() => runWithContext({ nope: true } as never, () => 5), /exportContext\(\) returned/);
  });
});
