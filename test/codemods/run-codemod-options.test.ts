import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCodemod } from '../../codemods/index.js';
import { fixtureFile, prepareFixture } from './support/fixture-project.js';
import { reportLines } from './support/report-lines.js';

describe('runCodemod options', () => {
  it('prefers type information: a look-alike messages.create is only flagged without it', async () => {
    const fx = prepareFixture('ai-call-providers');
    try {
      const typed = await runCodemod({ dir: fx.dir });
      assert.ok(!typed.members.some((m) => m.className === 'MessageStore'));
      assert.match(typed.members.find((m) => m.member === 'claude')!.reason, /\(type-checked\)$/);
      const untyped = await runCodemod({ dir: fx.dir, typeInfo: false });
      assert.equal(untyped.members.find((m) => m.className === 'MessageStore')?.decorator, 'aiCall');
    } finally {
      fx.cleanup();
    }
  });

  it('takes config rules from configObject, innermost placement included', async () => {
    const fx = prepareFixture('ai-call-openai');
    try {
      const result = await runCodemod({ dir: fx.dir, configObject: { aiCallPlacement: 'innermost', rules: [{ class: 'RandomPolicy', method: 'act', decorator: 'traceSpan', options: { name: 'random' } }] } });
      const lines = reportLines(result.members);
      assert.match(lines, /^LlmPolicy\.rank added @aiCall ai-call\/model-call$/m);
      assert.doesNotMatch(lines, /LlmPolicy\.choose/);
      assert.match(lines, /^RandomPolicy\.act added @traceSpan config#0$/m);
      assert.match(result.diff, /\n\+  @traceSpan\(\{ name: 'random' \}\)\n/);
    } finally {
      fx.cleanup();
    }
  });

  it('keeps CRLF line endings', async () => {
    const fx = prepareFixture('tabs', fixtureFile('tabs', 'input.ts')!.replace(/\n/g, '\r\n'));
    try {
      await runCodemod({ dir: fx.dir, write: true });
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('tabs', 'output.ts')!.replace(/\n/g, '\r\n'));
    } finally {
      fx.cleanup();
    }
  });

  it('adds to an import of agent-trace written across lines, and takes out exactly that', async () => {
    const source = `import OpenAI from 'openai';\nimport {\n  SessionTracer,\n} from 'agent-trace';\n\nexport const tracer: typeof SessionTracer | undefined = undefined;\n\nexport class ChatAgent {\n  private client = new OpenAI();\n\n  async ask(prompt: string) {\n    return this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: prompt }] });\n  }\n}\n`;
    const fx = prepareFixture('tabs', source);
    try {
      await runCodemod({ dir: fx.dir, write: true });
      assert.match(readFileSync(fx.file, 'utf8'), /import \{\n  SessionTracer, aiCall,\n\} from 'agent-trace';/);
      await runCodemod({ dir: fx.dir, write: true, remove: true });
      assert.equal(readFileSync(fx.file, 'utf8'), source);
    } finally {
      fx.cleanup();
    }
  });

  it('writes diff paths relative to the git top level, so git apply works from there', async () => {
    const fx = prepareFixture('tabs');
    try {
      const sub = path.join(fx.dir, 'packages', 'bot');
      mkdirSync(sub, { recursive: true });
      renameSync(path.join(fx.dir, 'src'), path.join(sub, 'src'));
      renameSync(path.join(fx.dir, 'tsconfig.json'), path.join(sub, 'tsconfig.json'));
      writeFileSync(path.join(fx.dir, '.gitignore'), 'node_modules/\n');
      execFileSync('git', ['init', '-q'], { cwd: fx.dir });
      const result = await runCodemod({ dir: sub });
      assert.match(result.diff, /^diff --git a\/packages\/bot\/src\/input\.ts b\/packages\/bot\/src\/input\.ts$/m);
      assert.deepEqual(result.members.map((m) => m.file), ['src/input.ts', 'src/input.ts']);
      writeFileSync(path.join(fx.dir, 'p.diff'), result.diff);
      execFileSync('git', ['apply', 'p.diff'], { cwd: fx.dir });
      assert.equal(readFileSync(path.join(sub, 'src', 'input.ts'), 'utf8'), fixtureFile('tabs', 'output.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('counts our decorators imported through a local re-export as present and never removes them', async () => {
    const source = `import OpenAI from 'openai';\nimport { aiCall } from './tracing.js';\n\nexport class Agent {\n  private client = new OpenAI({ apiKey: 'x' });\n\n  @aiCall({ systemId: 'a' })\n  async think(q: string) {\n    return this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  }\n\n  @aiCall()\n  async reflect(q: string) {\n    return this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  }\n}\n`;
    const fx = prepareFixture('tabs', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(result.diff, '');
      assert.deepEqual(result.members.map((m) => `${m.member} ${m.action}`), ['think present', 'reflect present']);
      assert.match(result.members[1]!.reason, /imported from '\.\/tracing\.js', taken to be agent-trace's/);
      const removal = await runCodemod({ dir: fx.dir, remove: true });
      assert.equal(removal.diff, '');
      assert.equal(removal.counts.removed, 0);
    } finally {
      fx.cleanup();
    }
  });

  it('reports tools made by a library from a function as skipped, with the wrapper to use, and no other call', async () => {
    const source = [
      `import { tool } from '@openai/agents';`,
      `import { createTool } from '@mastra/core/tools';`,
      `import { FunctionTool } from 'llamaindex';`,
      `import { tool as ownTool } from './own-tools.js';`,
      `import { tool as lcTool } from 'langchain';`,
      `export const getWeather = tool({ name: 'get_weather', description: 'w', parameters: {}, execute: async () => 'sunny' });`,
      `export const forecast = createTool({ id: 'forecast', description: 'f', execute: async () => 'rain' });`,
      `export const sum = FunctionTool.from((input: { a: number; b: number }) => input.a + input.b, { name: 'sum', description: 's' });`,
      `export const mine = ownTool({ execute: async () => 'x' });`,
      `export const described = tool({ name: 'no_function', description: 'has no execute' });`,
      `export const createActTool = (page: { act(a: string): Promise<void> }) => lcTool(async (a: string) => page.act(a), { description: 'a' });`,
      `export function createGotoTool() {`,
      `  return createTool({ description: 'g', execute: async () => 'went' });`,
      `}`,
      ``,
    ].join('\n');
    const fx = prepareFixture('tabs', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(result.diff, '');
      assert.equal(
        reportLines(result.members),
        'get_weather.execute skipped @runtimeOperation skip/tool-function\n' +
          'forecast.execute skipped @runtimeOperation skip/tool-function\n' +
          'sum.function skipped @runtimeOperation skip/tool-function\n' +
          'createActTool.function skipped @runtimeOperation skip/tool-function\n' +
          'createGotoTool.execute skipped @runtimeOperation skip/tool-function\n',
      );
      assert.match(result.members[0]!.reason, /tool\(\) of @openai\/agents: .*withRuntimeOperation\(\{ name: 'get_weather' \}, \.\.\.\)/);
      assert.equal(result.members[2]!.line, 8);
    } finally {
      fx.cleanup();
    }
  });

  it('skips function fields under legacy decorators where fields are defined on each instance, which no legacy decorator reaches', async () => {
    const source = `import OpenAI from 'openai';\nexport class Chat {\n  constructor(private readonly client: OpenAI) {}\n  ask = async (q: string) => this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  async tell(q: string) {\n    return this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  }\n}\n`;
    const fx = prepareFixture('legacy-decorators', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(reportLines(result.members), 'Chat.ask skipped @aiCall skip/legacy-defined-field\nChat.tell added @aiCall ai-call/model-call\n');
      assert.match(result.members[0]!.reason, /useDefineForClassFields: false/);
      const tsconfig = path.join(fx.dir, 'tsconfig.json');
      const config = JSON.parse(readFileSync(tsconfig, 'utf8'));
      config.compilerOptions.useDefineForClassFields = false;
      writeFileSync(tsconfig, JSON.stringify(config));
      const assigned = await runCodemod({ dir: fx.dir });
      assert.equal(reportLines(assigned.members), 'Chat.ask added @aiCall ai-call/model-call\nChat.tell added @aiCall ai-call/model-call\n');
    } finally {
      fx.cleanup();
    }
  });

  it('adds nothing to a script file, whose declarations an import would hide from the other files', async () => {
    const script = `import OpenAI = require('openai');\n`;
    const body = `class GlobalAgent {\n  private client = new OpenAI.OpenAI({ apiKey: 'x' });\n  async ask(q: string) {\n    return this.client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  }\n}\n`;
    const fx = prepareFixture('commonjs', `declare namespace OpenAI { class OpenAI { constructor(o: object); chat: any } }\n${body}`);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(result.diff, '');
      assert.equal(reportLines(result.members), 'GlobalAgent.ask skipped @aiCall skip/script-file\n');
      assert.match(result.members[0]!.reason, /make it a module first/);
      writeFileSync(fx.file, script + body);
      const moduleResult = await runCodemod({ dir: fx.dir });
      assert.equal(reportLines(moduleResult.members), 'GlobalAgent.ask added @aiCall ai-call/model-call\n');
    } finally {
      fx.cleanup();
    }
  });

  it('leaves alone classes that only look like agents, tools or environments by name', async () => {
    const source = [
      `import { promises as fs } from 'node:fs';`,
      `import https from 'node:https';`,
      `abstract class TooltipBase { abstract show(): void }`,
      `export class HelpTooltip extends TooltipBase {`,
      `  show(): void {}`,
      `  async loadText(path: string) { return fs.readFile(path, 'utf8'); }`,
      `}`,
      `interface ToolRegistryLike { register(name: string): void }`,
      `export class InMemoryRegistry implements ToolRegistryLike {`,
      `  register(name: string): void { void name; }`,
      `}`,
      `export class AgentConfigRepository {`,
      `  async save(id: string) { await fs.writeFile(id, '{}'); }`,
      `  async run(sql: string) { return sql; }`,
      `}`,
      `export class KeepAliveAgent extends https.Agent {`,
      `  async call(url: string) { return fs.readFile(url); }`,
      `}`,
      `export class OnboardingWizard {`,
      `  step(): void {}`,
      `  reset(): void {}`,
      `}`,
      `export class Simulation {`,
      `  step(action: number) { return action; }`,
      `  reset() { return 0; }`,
      `}`,
      `export class SearchTool extends TooltipBase {`,
      `  show(): void {}`,
      `}`,
      ``,
    ].join('\n');
    const fx = prepareFixture('tabs', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(
        reportLines(result.members.filter((m) => m.action === 'added')),
        'Simulation.step added @environmentStep environment-step/env-class\n' +
          'Simulation.reset added @environmentStep environment-step/env-class\n' +
          'SearchTool.show added @runtimeOperation runtime-operation/tool-class\n',
      );
    } finally {
      fx.cleanup();
    }
  });

  it('reports a method with a computed name that calls a model as skipped, not silently', async () => {
    const source = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: 'x' });\nconst ask = Symbol('ask');\nexport class Agent {\n  [ask](q: string) {\n    return client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  }\n}\n`;
    const fx = prepareFixture('tabs', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(result.diff, '');
      assert.equal(reportLines(result.members), 'Agent.[ask] skipped @aiCall skip/computed-name\n');
    } finally {
      fx.cleanup();
    }
  });

  it('reports object-literal methods that call a model as skipped', async () => {
    const source = `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: 'x' });\nexport const handlers = {\n  async ask(q: string) {\n    return client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n  },\n};\n`;
    const fx = prepareFixture('tabs', source);
    try {
      const result = await runCodemod({ dir: fx.dir });
      assert.equal(result.diff, '');
      assert.equal(reportLines(result.members), 'handlers.ask skipped @aiCall skip/object-literal\n');
      assert.match(result.members[0]!.reason, /withAiCall/);
    } finally {
      fx.cleanup();
    }
  });
});
