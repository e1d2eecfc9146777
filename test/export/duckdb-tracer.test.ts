import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionTracer, InMemoryExporter, environmentStep, runtimeOperation, traceSpan, aiCall } from '../../src/index.js';
import { DuckDBExporter, TraceStore } from '../../src/export/duckdb.js';

class GridWorld {
  position = 0;

  @environmentStep()
  reset(): { observation: number; reward: number; terminated: boolean; truncated: boolean; info: Record<string, never> } {
    this.position = 0;
    return { observation: 0, reward: 0, terminated: false, truncated: false, info: {} };
  }

  @environmentStep()
  step(action: number): { observation: number; reward: number; terminated: boolean; truncated: boolean; info: Record<string, never> } {
    this.position += action;
    return { observation: this.position, reward: action > 0 ? 1 : -1, terminated: this.position >= 3, truncated: false, info: {} };
  }
}

class Agent {
  @aiCall({ systemId: 'planner' })
  async think(observation: number): Promise<{ model: string; choices: Array<{ message: { role: string; content: string } }>; usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } }> {
    return { model: 'gpt-4o-mini', choices: [{ message: { role: 'assistant', content: observation < 3 ? '1' : '0' } }], usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 } };
  }

  @runtimeOperation()
  async lookup(query: string): Promise<string> {
    if (query === 'bad') throw new TypeError('no such thing');
    return `result for ${query}`;
  }

  @traceSpan('turn')
  async turn(env: GridWorld, observation: number): Promise<number> {
    await this.think(observation);
    await this.lookup('map').catch(() => undefined);
    return env.step(1).observation;
  }
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-trace-duckdb-e2e-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDBExporter with SessionTracer', () => {
  it('stores what a traced episode recorded, equal to what the in-memory exporter saw', async () => {
    const path = join(dir, 'e2e.duckdb');
    const memory = new InMemoryExporter();
    const tracer = new SessionTracer({ exporters: [memory, new DuckDBExporter({ path })] });
    const env = new GridWorld();
    const agent = new Agent();
    await tracer.session({ id: 'episode-1', metadata: { env: 'grid' } }, async () => {
      let observation = env.reset().observation;
      for (let turn = 0; turn < 3; turn++) {
        observation = await tracer.timestep({ turn }, () => agent.turn(env, observation));
      }
      await agent.lookup('bad').catch(() => undefined);
    });
    await tracer.shutdown();

    const store = await TraceStore.open(path, { readOnly: true });
    try {
      const loaded = await store.loadSession('episode-1');
      assert.equal(memory.sessions.length, 1);
      assert.deepStrictEqual(loaded, memory.sessions[0]);
      assert.equal(loaded?.session_time_steps.length, 3);
      const [summary] = await store.listSessions();
      assert.equal(summary.session_id, 'episode-1');
      assert.equal(summary.complete, true);
      assert.equal(summary.steps, 3);
      assert.equal(summary.events, loaded?.event_history.length);
      assert.equal(summary.total_reward, 3);
      assert.equal(summary.errors, 1);
      const rows = await store.query("SELECT count(*) AS calls FROM events WHERE event_type = 'cais'");
      assert.deepStrictEqual(rows, [{ calls: 3 }]);
    } finally {
      await store.close();
    }
  });
});
