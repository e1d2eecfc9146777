// The demo: an agent walks a small grid world. Its "model" is a deterministic offline policy that
// answers with OpenAI-shaped chat completions (no network), including a tool call. Everything is
// traced into the default store and printed back as a tree.
import { aiCall, environmentStep, formatSessionTree, runtimeOperation, SessionTracer, traceSpan } from '../src/index.js';
import { demoExporters, loadDemoSession } from './store.js';

type Action = 'up' | 'down' | 'left' | 'right';
interface ChatMessage { role: 'system' | 'user' | 'assistant' | 'tool'; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }

class GridWorld {
  readonly size = 4;
  x = 0;
  y = 0;
  steps = 0;

  @environmentStep({ stateBefore: (env: GridWorld) => env.state(), stateAfter: (env: GridWorld) => env.state() })
  reset() {
    this.x = 0;
    this.y = 0;
    this.steps = 0;
    return { observation: this.describe(), info: {} };
  }

  @environmentStep({ stateBefore: (env: GridWorld) => env.state(), stateAfter: (env: GridWorld) => env.state() })
  step(action: Action) {
    const busy = Date.now() + 0.2;
    while (Date.now() < busy); // a little CPU, like a real simulator
    if (action === 'right') this.x = Math.min(this.size - 1, this.x + 1);
    if (action === 'left') this.x = Math.max(0, this.x - 1);
    if (action === 'down') this.y = Math.min(this.size - 1, this.y + 1);
    if (action === 'up') this.y = Math.max(0, this.y - 1);
    this.steps++;
    const atGoal = this.x === this.size - 1 && this.y === this.size - 1;
    return { observation: this.describe(), reward: atGoal ? 1 : -0.04, terminated: atGoal, truncated: this.steps >= 20, info: { steps: this.steps } };
  }

  state() {
    return { x: this.x, y: this.y, steps: this.steps };
  }

  describe() {
    return `You are at (${this.x}, ${this.y}) on a ${this.size}x${this.size} grid; the goal is at (${this.size - 1}, ${this.size - 1}).`;
  }
}

/** A deterministic stand-in for a chat model: same input, same OpenAI-shaped answer. */
class OfflinePolicy {
  private calls = 0;

  async create(request: { model: string; messages: ChatMessage[]; temperature: number }) {
    await new Promise((resolve) => setTimeout(resolve, 3));
    const last = request.messages[request.messages.length - 1]!;
    const promptTokens = request.messages.reduce((sum, m) => sum + Math.ceil((m.content ?? '').length / 4) + 4, 0);
    const id = `chatcmpl-demo-${++this.calls}`;
    if (last.role === 'user' && this.calls % 3 === 1) {
      return this.completion(id, request.model, promptTokens, 18, { role: 'assistant', content: null, tool_calls: [{ id: `call_${this.calls}`, type: 'function', function: { name: 'look_around', arguments: '{"radius":1}' } }] }, 'tool_calls');
    }
    const position = /\((\d+), (\d+)\)/.exec(request.messages.find((m) => m.role === 'user' && m.content?.includes('You are at'))?.content ?? '') ?? ['', '0', '0'];
    const move: Action = Number(position[1]) < 3 ? 'right' : 'down';
    return this.completion(id, request.model, promptTokens, 6, { role: 'assistant', content: move }, 'stop');
  }

  private completion(id: string, model: string, prompt: number, completion: number, message: object, finish: string) {
    return {
      id,
      object: 'chat.completion',
      created: 1_760_000_000 + this.calls,
      model: `${model}-2024-07-18`,
      choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
      usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } },
    };
  }
}

class Tools {
  constructor(private readonly env: GridWorld) {}

  @runtimeOperation({ actions: ([args]) => [{ tool: 'look_around', args }] })
  lookAround(args: { radius: number }) {
    const { x, y, size } = this.env;
    const free = (['up', 'down', 'left', 'right'] as const).filter((d) => (d === 'up' ? y > 0 : d === 'down' ? y < size - 1 : d === 'left' ? x > 0 : x < size - 1));
    return { radius: args.radius, free };
  }
}

class Agent {
  private readonly model = new OfflinePolicy();

  constructor(private readonly tools: Tools) {}

  @aiCall({ systemId: 'planner' })
  think(messages: ChatMessage[]) {
    return this.model.create({ model: 'gpt-4o-mini', messages, temperature: 0 });
  }

  @traceSpan({ kind: 'agent' })
  async act(observation: string): Promise<Action> {
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Reach the goal. Answer with one of: up, down, left, right.' },
      { role: 'user', content: observation },
    ];
    for (let round = 0; round < 3; round++) {
      const reply = await this.think(messages);
      const message = reply.choices[0]!.message as ChatMessage & { tool_calls?: Array<{ id: string; function: { arguments: string } }> };
      messages.push(message);
      if (!message.tool_calls) return message.content as Action;
      for (const call of message.tool_calls) {
        const result = this.tools.lookAround(JSON.parse(call.function.arguments));
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
      }
    }
    return 'right';
  }

  @traceSpan({ name: 'episode', kind: 'workflow' })
  async run(env: GridWorld, tracer: SessionTracer) {
    let { observation } = env.reset();
    for (let turn = 0; turn < 20; turn++) {
      const done = await tracer.timestep({ turn }, async () => {
        const action = await this.act(observation);
        tracer.recordMessage({ content: action, message_type: 'action', from: 'agent', to: 'gridworld' });
        const result = env.step(action);
        observation = result.observation;
        return result.terminated || result.truncated;
      });
      if (done) break;
    }
  }
}

async function main() {
  const { exporters, where } = demoExporters();
  const tracer = new SessionTracer({ exporters });
  const env = new GridWorld();
  const agent = new Agent(new Tools(env));
  const sessionId = `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await tracer.session({ id: sessionId, metadata: { env: 'gridworld-4x4', policy: 'offline-deterministic' } }, () => agent.run(env, tracer));
  await tracer.shutdown();

  const session = await loadDemoSession(sessionId);
  if (!session) throw new Error(`demo: session ${sessionId} was not found in ${where}`);
  console.log(formatSessionTree(session, { color: Boolean(process.stdout.isTTY) }));
  console.log(`\nTraced into ${where}; list sessions with \`npx agent-trace sessions\`, show this one with \`npx agent-trace show ${sessionId}\`.`);
}

await main();
