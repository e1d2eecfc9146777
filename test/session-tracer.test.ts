import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AgentTraceError,
  environmentStep,
  InMemoryExporter,
  runtimeOperation,
  SessionTracer,
  traceSpan,
  withAiCall,
  withRuntimeOperation,
  withSpan,
  type EnvironmentEvent,
} from '../src/index.js';
import { memoryTracer, named, settle, traced } from './support/tracing.js';

class Env {
  position = 0;

  @environmentStep({ stateBefore: (env: Env) => ({ position: env.position }), stateAfter: (env: Env) => ({ position: env.position }) })
  step(action: number) {
    this.position += action;
    return { observation: this.position, reward: action > 0 ? 1 : 0, terminated: this.position >= 3, truncated: false, info: {} };
  }

  @environmentStep()
  tupleStep(action: number) {
    return [action, 0.5, false, true, {}] as const;
  }

  @environmentStep()
  doneStep() {
    return { obs: 1, reward: -1, done: true };
  }

  @environmentStep({ timestep: true })
  autoStep() {
    return { observation: 0, reward: 0, terminated: false, truncated: false };
  }
}

class Worker {
  @traceSpan({ kind: 'agent' })
  async act(env: Env, action: number) {
    await settle();
    this.tool(action);
    return env.step(action);
  }

  @runtimeOperation({ actions: ([x]) => [{ tool: 'noop', x }] })
  tool(x: number) {
    return x;
  }
}

describe('SessionTracer', () => {
  it('puts events inside a timestep in the timestep and in the event history', async () => {
    const { memory, tracer } = memoryTracer();
    const env = new Env();
    const worker = new Worker();
    await tracer.session({ id: 'ep', metadata: { env: 'line' } }, async () => {
      for (let turn = 0; turn < 3; turn++) await tracer.timestep({ turn }, () => worker.act(env, 1));
    });
    await tracer.shutdown();
    const [session] = memory.sessions;
    assert.equal(session!.session_id, 'ep');
    assert.deepEqual(session!.metadata, { env: 'line' });
    assert.equal(session!.session_time_steps.length, 3);
    assert.deepEqual(session!.session_time_steps.map((s) => s.turn_number), [0, 1, 2]);
    for (const step of session!.session_time_steps) {
      assert.deepEqual(step.events.map((e) => e.name).sort(), ['act', 'step', 'tool']);
      const act = step.events.find((e) => e.name === 'act')!;
      for (const child of step.events.filter((e) => e !== act)) assert.equal(child.parent_span_id, act.span_id);
      assert.ok(step.events.every((e) => e.time_record.message_time === step.turn_number));
    }
    assert.equal(session!.event_history.length, 9);
    const last = named(session!.event_history, 'step').at(-1) as EnvironmentEvent;
    assert.equal(last.terminated, true);
    assert.deepEqual(last.system_state_before, { position: 2 });
    assert.deepEqual(last.system_state_after, { position: 3 });
    assert.deepEqual(named(session!.event_history, 'tool')[0]!.event_type, 'runtime');
    assert.deepEqual((named(session!.event_history, 'tool')[0] as { actions: unknown[] }).actions, [{ tool: 'noop', x: 1 }]);
  });

  it('reads the Gymnasium tuple, the old done flag and gives steps their own timestep on request', async () => {
    const env = new Env();
    const { session } = await traced(() => {
      env.tupleStep(1);
      env.doneStep();
      env.autoStep();
      env.autoStep();
    });
    const [tuple, done, ...auto] = session!.event_history as EnvironmentEvent[];
    assert.deepEqual([tuple!.reward, tuple!.terminated, tuple!.truncated], [0.5, false, true]);
    assert.deepEqual([done!.reward, done!.terminated], [-1, true]);
    assert.equal(auto.length, 2);
    assert.equal(session!.session_time_steps.length, 2);
    assert.deepEqual(session!.session_time_steps.map((s) => s.events.length), [1, 1]);
  });

  it('keeps every event in its own session when 100 sessions run concurrently', async () => {
    const { memory, tracer } = memoryTracer();
    const worker = new Worker();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        tracer.session(`c${i}`, async () => {
          const env = new Env();
          await tracer.timestep({ turn: 0 }, () => worker.act(env, i));
          await tracer.timestep({ turn: 1 }, () => worker.act(env, i));
        }),
      ),
    );
    await tracer.shutdown();
    assert.equal(memory.sessions.length, 100);
    for (const session of memory.sessions) {
      const i = Number(session.session_id.slice(1));
      assert.equal(session.event_history.length, 6);
      const traceIds = new Set(session.event_history.map((e) => e.trace_id));
      assert.equal(traceIds.size, 1);
      for (const tool of named(session.event_history, 'tool')) assert.deepEqual(tool.input, [i]);
    }
  });

  it('opens an implicit session for a decorated root call outside any session', async () => {
    const { memory, tracer } = memoryTracer();
    const worker = new Worker();
    await worker.act(new Env(), 2);
    await tracer.shutdown();
    assert.equal(memory.sessions.length, 1);
    const [session] = memory.sessions;
    assert.equal(session!.metadata.implicit, true);
    assert.deepEqual(session!.event_history.map((e) => e.name).sort(), ['act', 'step', 'tool']);
  });

  it('refuses a timestep outside a session', () => {
    const { tracer } = memoryTracer();
    assert.throws(() => tracer.timestep({ turn: 0 }, () => 1), (e) => e instanceof AgentTraceError && e.code === 'E_TIMESTEP' && /inside tracer\.session/.test(e.message));
    void tracer.shutdown();
  });

  it('refuses a session id that is already open, and a nested timestep', async () => {
    const { tracer } = memoryTracer();
    await tracer.session('dup', async () => {
      assert.throws(() => tracer.session('dup', () => 1), (e) => e instanceof AgentTraceError && e.code === 'E_SESSION' && e.message.startsWith('agent-trace:'));
      tracer.timestep(0, () => assert.throws(() => tracer.timestep(1, () => 1), /do not nest/));
    });
    await tracer.session('dup', () => 'reused after it ended');
    await tracer.shutdown();
  });

  it('returns what the session function returns, sync or async, and rethrows its errors', async () => {
    const { memory, tracer } = memoryTracer();
    assert.equal(tracer.session('sync', () => 7), 7);
    assert.equal(await tracer.session('async', async () => 8), 8);
    const failure = new Error('episode failed');
    await assert.rejects(tracer.session('fails', async () => { throw failure; }), (e) => e === failure);
    await tracer.shutdown();
    const failed = memory.sessions.find((s) => s.session_id === 'fails');
    assert.equal((failed!.metadata.error as { message: string }).message, 'episode failed');
  });

  it('records manual events and messages in the current timestep', async () => {
    const { memory, tracer } = memoryTracer();
    await tracer.session('manual', () =>
      tracer.timestep({ turn: 4 }, () => {
        tracer.recordEvent({ event_type: 'environment', name: 'external-step', reward: 2 });
        tracer.recordMessage({ content: 'move left', message_type: 'action', from: 'agent', to: 'env' });
        tracer.recordMessage({ content: { grid: [1, 2] }, message_type: 'observation', from: 'env', to: 'agent' });
      }),
    );
    await tracer.shutdown();
    const [session] = memory.sessions;
    const [step] = session!.session_time_steps;
    assert.equal(step!.events[0]!.name, 'external-step');
    assert.equal((step!.events[0] as EnvironmentEvent).reward, 2);
    assert.equal(step!.events[0]!.time_record.message_time, 4);
    assert.deepEqual(step!.markov_blanket_messages.map((m) => m.content), [{ text: 'move left' }, { json_payload: { grid: [1, 2] } }]);
    assert.equal(step!.markov_blanket_messages[0]!.metadata.from_system_instance_id, 'agent');
    assert.equal(session!.markov_blanket_message_history.length, 2);
  });

  it('exports events while their session is still running', async () => {
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [memory], scheduledDelayMillis: 1 });
    const tick = withRuntimeOperation({ name: 'tick' }, () => 1);
    await tracer.session('long', async () => {
      for (let i = 0; i < 5; i++) tick();
      await tracer.flush();
      assert.equal(memory.events.length, 5);
      assert.equal(memory.sessions.length, 0, 'the session record waits for the end');
    });
    await tracer.shutdown();
    assert.equal(memory.sessions.length, 1);
  });

  it('records the value arguments had at call time, even when the caller mutates them afterwards', async () => {
    const messages = [{ role: 'user', content: 'hi' }];
    const call = withSpan('model', (history: typeof messages) => history.length);
    const { events } = await traced(() => {
      call(messages);
      messages.push({ role: 'assistant', content: 'hello' });
    });
    assert.deepEqual(events[0]!.input, [[{ role: 'user', content: 'hi' }]]);
  });

  it('masks secrets in what it recorded without touching the caller\'s objects or the decorator\'s metadata', async () => {
    const metadata = { owner: { contact: 'ops@example.com' } };
    const send = withRuntimeOperation({ name: 'send', metadata }, (request: { body: { note: string } }) => ({ echoed: request.body.note }));
    const request = { body: { note: 'key sk-proj-3kFq9ZrT1mXw8Lp2Vn7Yb4Hc6Jd0Gs5A' } };
    const { events } = await traced(() => {
      send(request);
      send(request);
    });
    assert.equal(request.body.note, 'key sk-proj-3kFq9ZrT1mXw8Lp2Vn7Yb4Hc6Jd0Gs5A');
    assert.equal(metadata.owner.contact, 'ops@example.com');
    assert.equal(events.length, 2);
    for (const event of events) {
      assert.deepEqual(event.input, [{ body: { note: 'key [OPENAI_KEY]' } }]);
      assert.deepEqual(event.output, { echoed: 'key [OPENAI_KEY]' });
      assert.deepEqual(event.metadata.owner, { contact: '[EMAIL]' });
      assert.deepEqual(event.metadata.redaction, { OPENAI_KEY: 2, EMAIL: 1 });
    }
  });

  it('masks what an extract hook returns without touching the objects it returned', async () => {
    const note = { text: 'write to ops@example.com' };
    const call = withAiCall({ model: 'house-model', extract: () => ({ output: note, output_tokens: 2, system_instance_id: { contact: note.text } }) }, () => ({ ok: true }));
    const { events } = await traced(() => call());
    assert.equal(note.text, 'write to ops@example.com');
    assert.deepEqual(events[0]!.output, { text: 'write to [EMAIL]' });
    assert.deepEqual(events[0]!.system_instance_id, { contact: 'write to [EMAIL]' });
  });

  it('skips the copy when captureInput and captureOutput are false', async () => {
    const secret = withSpan({ name: 'secret', captureInput: false, captureOutput: false }, (x: string) => x.toUpperCase());
    const { events } = await traced(() => secret('abc'));
    assert.equal(events[0]!.input, undefined);
    assert.equal(events[0]!.output, undefined);
  });

  it('records nothing for a session sampled out, and decides once per session', async () => {
    const decided: string[] = [];
    const { memory, tracer } = memoryTracer({ sample: ({ id }) => (decided.push(id), id.startsWith('keep')) });
    const tick = withRuntimeOperation({ name: 'tick' }, () => 1);
    await tracer.session('drop-1', () => { tick(); tick(); });
    await tracer.session('keep-1', () => { tick(); tick(); });
    await tracer.shutdown();
    assert.deepEqual(decided, ['drop-1', 'keep-1']);
    assert.deepEqual(memory.sessions.map((s) => s.session_id), ['keep-1']);
    assert.equal(memory.sessions[0]!.event_history.length, 2);
  });

  it('drops events beyond the queue limit, counts them, and says so in the session metadata', async () => {
    const { memory, tracer } = memoryTracer({ maxQueueSize: 10, maxExportBatchSize: 10 });
    const tick = withRuntimeOperation({ name: 'tick' }, () => 1);
    tracer.session('flood', () => {
      for (let i = 0; i < 50; i++) tick();
    });
    await tracer.shutdown();
    assert.equal(tracer.dropped, 40);
    const [session] = memory.sessions;
    assert.equal(session!.event_history.length, 10);
    assert.equal(session!.metadata.dropped_events, 40);
  });

  it('rejects bad options with a message that names them', () => {
    assert.throws(() => new SessionTracer({ exporters: [{} as never] }), /exporters must be an array of exporters/);
    assert.throws(() => new SessionTracer({ maxQueueSize: -1 }), /maxQueueSize/);
    assert.throws(() => new SessionTracer({ sample: 3 }), /sample is 3/);
  });

  it('goes on when an exporter throws or never settles, and other exporters still get everything', async () => {
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({
      exporters: [{ name: 'throws', export: () => { throw new Error('disk full'); } }, { name: 'hangs', export: () => new Promise<void>(() => undefined) }, memory],
      exportTimeoutMillis: 50,
    });
    const tick = withRuntimeOperation({ name: 'tick' }, () => 'ok');
    const result = await tracer.session('robust', () => tick());
    assert.equal(result, 'ok');
    await tracer.shutdown();
    assert.equal(memory.sessions[0]!.event_history.length, 1);
  });
});
