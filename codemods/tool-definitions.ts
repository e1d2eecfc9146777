import { ts } from 'ts-morph';
import type { FileContext } from './file-context.js';
import { nameText } from './file-context.js';
import type { MemberReport } from './types.js';

/** A library function (or class) that makes a tool out of a function it is given. */
interface ToolFactory {
  /** The package, as the report names it. */
  package: string;
  module: RegExp;
  /** The exported name; `Export.member` for a static factory (`FunctionTool.from`). */
  name: string;
  /** Where the tool's function is: a property of the object argument, or the first argument itself. */
  fn: { property: string } | 'first-argument';
  /** The argument holding the tool's `name` (or `id`). */
  optionsAt: number;
}

const TOOL_FACTORIES: readonly ToolFactory[] = [
  { package: 'ai', module: /^ai$/, name: 'tool', fn: { property: 'execute' }, optionsAt: 0 },
  { package: 'ai', module: /^ai$/, name: 'dynamicTool', fn: { property: 'execute' }, optionsAt: 0 },
  { package: '@openai/agents', module: /^@openai\/agents(-core)?$/, name: 'tool', fn: { property: 'execute' }, optionsAt: 0 },
  { package: '@mastra/core', module: /^@mastra\/core(\/tools)?$/, name: 'createTool', fn: { property: 'execute' }, optionsAt: 0 },
  { package: '@langchain/core', module: /^(@langchain\/core\/tools|langchain\/tools|langchain)$/, name: 'tool', fn: 'first-argument', optionsAt: 1 },
  { package: '@langchain/core', module: /^(@langchain\/core\/tools|langchain\/tools|langchain)$/, name: 'DynamicStructuredTool', fn: { property: 'func' }, optionsAt: 0 },
  { package: '@langchain/core', module: /^(@langchain\/core\/tools|langchain\/tools|langchain)$/, name: 'DynamicTool', fn: { property: 'func' }, optionsAt: 0 },
  { package: '@anthropic-ai/sdk', module: /^@anthropic-ai\/sdk\/helpers\//, name: 'betaZodTool', fn: { property: 'run' }, optionsAt: 0 },
  { package: '@anthropic-ai/sdk', module: /^@anthropic-ai\/sdk\/helpers\//, name: 'betaTool', fn: { property: 'run' }, optionsAt: 0 },
  { package: 'llamaindex', module: /^(llamaindex|@llamaindex\/core\/tools)$/, name: 'tool', fn: { property: 'execute' }, optionsAt: 0 },
  { package: 'llamaindex', module: /^(llamaindex|@llamaindex\/core\/tools)$/, name: 'FunctionTool.from', fn: 'first-argument', optionsAt: 1 },
];

/** What the report says of one tool made by a factory call, and the object literal it was given (reported here, not as a plain object). */
export interface ToolDefinition {
  report: MemberReport;
  object: ts.ObjectLiteralExpression | undefined;
}

/**
 * A tool made by a library's factory from a function (`tool({ execute })` and `dynamicTool` of the AI SDK and the
 * OpenAI Agents SDK, Mastra's `createTool`, LangChain's `tool(fn, ...)` and `DynamicStructuredTool`,
 * Anthropic's `betaZodTool`, LlamaIndex's `tool` and `FunctionTool.from`): decorators cannot reach
 * that function, so it is reported as skipped with the wrapper to use. Undefined for any other call.
 *
 * @example
 * // const weather = tool({ description: 'Weather', execute: async ({ city }) => lookup(city) });
 * toolDefinition(call, ctx, 'src/tools.ts')?.report.reason; // "... wrap its execute with withRuntimeOperation({ name: 'weather' }, ...)"
 */
export function toolDefinition(call: ts.CallExpression | ts.NewExpression, ctx: FileContext, file: string): ToolDefinition | undefined {
  const factory = factoryOf(call.expression, ctx);
  if (factory === undefined) return undefined;
  const args: readonly ts.Expression[] = call.arguments ?? [];
  const first = args[0];
  const object = first !== undefined && ts.isObjectLiteralExpression(first) ? first : undefined;
  let fnNode: ts.Node | undefined;
  let fnName: string;
  if (factory.fn === 'first-argument') {
    fnNode = first;
    fnName = 'function';
  } else {
    const property = factory.fn.property;
    fnNode = object?.properties.find((p) => nameText(p.name) === property);
    fnName = property;
  }
  if (fnNode === undefined) return undefined;
  const name = toolName(args[factory.optionsAt], call);
  const line = ctx.sf.getLineAndCharacterOfPosition(fnNode.getStart(ctx.sf)).line + 1;
  return {
    object: factory.fn === 'first-argument' ? undefined : object,
    report: {
      file,
      line,
      className: name,
      member: fnName,
      kind: 'tool function',
      action: 'skipped',
      decorator: 'runtimeOperation',
      rule: 'skip/tool-function',
      reason: `a tool made by ${ts.isNewExpression(call) ? 'new ' : ''}${factory.name}() of ${factory.package}: decorators only apply to class members; wrap ${factory.fn === 'first-argument' ? 'the function given to it' : `its ${fnName}`} with withRuntimeOperation({ name: '${name}' }, ...) to trace its calls`,
    },
  };
}

function factoryOf(callee: ts.Expression, ctx: FileContext): ToolFactory | undefined {
  let local: string;
  let member: string | undefined;
  if (ts.isIdentifier(callee)) local = callee.text;
  else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    local = callee.expression.text;
    member = callee.name.text;
  } else return undefined;
  const binding = ctx.imports.get(local);
  if (binding === undefined || binding.typeOnly) return undefined;
  // `import { tool } from 'ai'`, `import * as ai from 'ai'` then `ai.tool`, `FunctionTool.from`.
  const name = binding.imported === '*' ? member : member === undefined ? binding.imported : `${binding.imported}.${member}`;
  if (name === undefined) return undefined;
  return TOOL_FACTORIES.find((f) => f.name === name && f.module.test(binding.module));
}

/** The tool's own name (`name`, or Mastra's `id`), else the variable or property it is kept in. */
function toolName(options: ts.Expression | undefined, call: ts.Node): string {
  if (options !== undefined && ts.isObjectLiteralExpression(options)) {
    for (const key of ['name', 'id']) {
      const prop = options.properties.find((p) => nameText(p.name) === key);
      if (prop !== undefined && ts.isPropertyAssignment(prop) && ts.isStringLiteralLike(prop.initializer)) return prop.initializer.text;
    }
  }
  // The variable, property or function that holds or makes it: `const act = tool(...)`,
  // `{ act: tool(...) }`, `const createActTool = (page) => tool(...)`, `function createActTool() { return tool(...) }`.
  for (let holder: ts.Node = call.parent; !ts.isSourceFile(holder); holder = holder.parent) {
    if (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder) || ts.isFunctionDeclaration(holder) || ts.isMethodDeclaration(holder)) {
      const name = holder.name !== undefined ? nameText(holder.name as ts.PropertyName) : undefined;
      if (name !== undefined) return name;
    }
    if (ts.isBlock(holder) && !ts.isFunctionLike(holder.parent)) break;
  }
  return '<tool>';
}
