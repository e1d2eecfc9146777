import { ts } from 'ts-morph';
import type { ResolvedConfig } from './codemod-config.js';
import type { FileContext } from './file-context.js';
import { nameText } from './file-context.js';
import { matchesNameGlob } from './glob.js';
import type { ClassScope, MemberFacts } from './member-facts.js';
import { collectMemberFacts, createClassScope, typeNames } from './member-facts.js';
import { toolDefinition } from './tool-definitions.js';
import type { DecoratorName, MemberKind, MemberReport } from './types.js';

/** What the codemod decided for one member, with the node to edit. */
export interface MemberDecision {
  report: MemberReport;
  node: ts.ClassElement;
  /** The decorator call text to insert (for action 'added'), e.g. `aiCall()` or `aiCall({ systemId: 'x' })` minus the local name. */
  optionsText?: string;
  /** Our decorator already on the member. */
  existing?: ts.Decorator;
}

/** A member that got no decorator although a same-named member of a sibling class got one. */
interface SiblingCandidate {
  report: MemberReport;
  heritage: string[];
}

/**
 * Everything found in one file.
 *
 * @example
 * const analysis = analyseFile(ctx, config, 'src/agent.ts');
 * analysis.decisions.filter((d) => d.report.action === 'added');
 */
export interface FileAnalysis {
  decisions: MemberDecision[];
  /** Reports for members that are not edited (object-literal methods and the like). */
  extraReports: MemberReport[];
  siblingCandidates: SiblingCandidate[];
  /** Members that get (or have) one of our decorators, for the report on same-named members of sibling classes. */
  targets: { heritage: string[]; member: string; className: string; decorator: DecoratorName }[];
}

interface Member {
  node: ts.ClassElement;
  name: string;
  kind: MemberKind;
  internal: boolean;
  privateName: boolean;
  body: ts.Node | undefined;
  structural?: { rule: string; reason: string };
  facts: MemberFacts;
  otherDecorators: string[];
  /** Our decorator on the member; `module` when it is imported from somewhere else than 'agent-trace'. */
  ours?: { name: DecoratorName; node: ts.Decorator; module?: string };
  decision?: Decision;
  overloadOf?: boolean;
}

interface Decision {
  decorator: DecoratorName | 'none';
  rule: string;
  reason: string;
  options?: string;
}

const EMPTY_FACTS: MemberFacts = { modelCalls: [], io: [], helperCalls: new Set(), calls: [] };
const TOOL_DECORATOR = /^(tool|Tool|\w*Tool|action|Action|mcpTool|McpTool|function_tool|aiFunction|AIFunction)$/;
const AGENT_NAME = /^(?!.*UserAgent)(?:.*Agents?|Agent[A-Z_].*|.*(?:Orchestrator|Planner|Coordinator|Supervisor|Assistant))$/;
// What keeps, builds or describes agents is none (`AgentConfigRepository`, `AgentRegistry`), nor is an HTTP agent.
const NOT_AGENT_NAME = /(?:Repository|Repo|Config|Configuration|Loader|Store|Registry|Factory|Builder|Schema|Dto|DTO|Options|Settings|Props|Error|Exception|Mock|Stub)$|(?:Http|Https|Proxy|KeepAlive|Socks)Agent$/;
const HTTP_MODULE = /^(?:node:)?https?$|^undici$|^(?:https?-proxy|socks-proxy|proxy)-agent$|^agentkeepalive$/;
// A base type of tools (`BaseTool`, `StructuredTool`, `ToolInterface`, `BaseToolkit`), not `TooltipBase` or `ToolRegistry`.
const TOOL_TYPE_NAME = /Tool(?:s|kit|box)?(?:Base|Interface|Impl)?$/;
// An agent's own tool dispatcher: `executeTool(block)`, `runTools`, `handleToolCall`, `callFunction`.
const TOOL_DISPATCH_NAME = /^_?(?:execute|run|call|invoke|handle|dispatch|perform)(?:Tool|ToolCall|Function|FunctionCall|Action)s?$/;
// A `ToolSet`/`ToolRegistry` holds tools (add, get, pick): its methods are no tool calls.
const TOOL_CLASS_NAME = /(Tool|Tools|Toolkit|Toolbox)$/;
const ENV_NAME = /(Env|Environment)$/;
const NOT_TOOL_METHODS = new Set(['toString', 'toJSON', 'valueOf', 'schema', 'getSchema', 'describe', 'description', 'getDescription', 'getDeclaration', 'validateParams', 'validateToolParams', 'shouldConfirmExecute', 'toolLocations']);

/** Analyses every class of a file and decides, per member, what the codemod does. */
export function analyseFile(ctx: FileContext, config: ResolvedConfig, file: string): FileAnalysis {
  const out: FileAnalysis = { decisions: [], extraReports: [], siblingCandidates: [], targets: [] };
  const toolObjects = new Set<ts.ObjectLiteralExpression>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) analyseClass(node, ctx, config, file, out);
    else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const tool = toolDefinition(node, ctx, file);
      if (tool !== undefined) {
        out.extraReports.push(tool.report);
        if (tool.object !== undefined) toolObjects.add(tool.object);
      }
    } else if (ts.isObjectLiteralExpression(node) && !toolObjects.has(node)) reportObjectLiteral(node, ctx, file, out);
    ts.forEachChild(node, visit);
  };
  visit(ctx.sf);
  return out;
}

/** `class KeepAlive extends https.Agent`, or an `Agent` imported from `http`, `undici`, a proxy-agent package: a connection pool, not an AI agent. */
function extendsHttpAgent(cls: ts.ClassLikeDeclaration, ctx: FileContext): boolean {
  for (const clause of cls.heritageClauses ?? []) {
    for (const t of clause.types) {
      const expr = t.expression;
      const local = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) ? expr.expression.text : undefined;
      const binding = local === undefined ? undefined : ctx.imports.get(local);
      if (binding !== undefined && HTTP_MODULE.test(binding.module)) return true;
    }
  }
  return false;
}

function takesAction(m: Member): boolean {
  const node = m.node;
  if (ts.isMethodDeclaration(node)) return node.parameters.length > 0;
  if (ts.isPropertyDeclaration(node)) return (functionInitializer(node.initializer)?.parameters.length ?? 0) > 0;
  return false;
}

function className(cls: ts.ClassLikeDeclaration): string {
  if (cls.name) return cls.name.text;
  const parent = cls.parent;
  if (ts.isClassDeclaration(cls)) return 'default';
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && nameText(parent.name)) return nameText(parent.name)!;
  if (ts.isExportAssignment(parent)) return 'default';
  return '<anonymous>';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Inside `declare` (a declare class, or a declare module / global block): nothing there runs. */
function isAmbient(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (hasModifier(n, ts.SyntaxKind.DeclareKeyword)) return true;
  return node.getSourceFile().isDeclarationFile;
}

function functionInitializer(init: ts.Expression | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  while (init && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** Names of the classes and interfaces a class extends or implements; through other declarations when there is a checker. */
function heritageNames(cls: ts.ClassLikeDeclaration, checker: ts.TypeChecker | undefined): string[] {
  const names = new Set<string>();
  const seen = new Set<ts.Node>();
  const walk = (decl: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, depth: number): void => {
    if (seen.has(decl) || depth > 8) return;
    seen.add(decl);
    for (const clause of decl.heritageClauses ?? []) {
      for (const t of clause.types) {
        const expr = t.expression;
        const name = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
        if (name) names.add(name);
        if (!checker) continue;
        try {
          let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(expr) ? expr.name : expr);
          if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
          for (const d of symbol?.declarations ?? []) {
            if (ts.isClassLike(d) || ts.isInterfaceDeclaration(d)) {
              if (d.name) names.add(d.name.text);
              walk(d, depth + 1);
            }
          }
        } catch {
          // an unresolvable base keeps the names found so far
        }
      }
    }
  };
  walk(cls, 0);
  return [...names];
}

function collectMembers(cls: ts.ClassLikeDeclaration, ctx: FileContext, scope: ClassScope, isExpression: boolean, ambient: boolean): Member[] {
  const members: Member[] = [];
  for (const node of cls.members) {
    const computed = !ts.isConstructorDeclaration(node) && node.name !== undefined && ts.isComputedPropertyName(node.name) && nameText(node.name) === undefined;
    const name = ts.isConstructorDeclaration(node) ? 'constructor' : computed ? `[${(node.name as ts.ComputedPropertyName).expression.getText(ctx.sf)}]` : nameText(node.name);
    if (name === undefined) continue;
    const isStatic = hasModifier(node, ts.SyntaxKind.StaticKeyword);
    let kind: MemberKind;
    let body: ts.Node | undefined;
    let structural: Member['structural'];
    if (ts.isConstructorDeclaration(node)) {
      kind = 'constructor';
      body = node.body;
      structural = { rule: 'skip/constructor', reason: 'constructor: decorators cannot wrap a constructor' };
    } else if (ts.isMethodDeclaration(node)) {
      kind = isStatic ? 'static method' : 'method';
      body = node.body;
      if (hasModifier(node, ts.SyntaxKind.AbstractKeyword)) structural = { rule: 'skip/abstract', reason: 'abstract method: no body to wrap; the implementations in subclasses are decorated instead' };
      else if (!node.body) structural = { rule: 'skip/overload', reason: 'overload signature: the decorator goes on the implementation' };
    } else if (ts.isGetAccessorDeclaration(node)) {
      kind = 'getter';
      body = node.body;
      if (hasModifier(node, ts.SyntaxKind.AbstractKeyword) || !node.body) structural = { rule: 'skip/abstract', reason: 'abstract getter: no body to wrap' };
    } else if (ts.isSetAccessorDeclaration(node)) {
      kind = 'setter';
      body = node.body;
      structural = { rule: 'skip/setter', reason: 'setter: only getters and methods are traced' };
    } else if (ts.isPropertyDeclaration(node)) {
      const fn = functionInitializer(node.initializer);
      kind = isStatic ? 'static field' : 'field';
      if (hasModifier(node, ts.SyntaxKind.DeclareKeyword)) structural = { rule: 'skip/declare', reason: 'declare field: it has no value at run time to wrap' };
      else if (hasModifier(node, ts.SyntaxKind.AccessorKeyword)) structural = { rule: 'skip/auto-accessor', reason: 'auto-accessor: not a function' };
      else if (!fn) {
        if (!node.type || !ts.isFunctionTypeNode(node.type)) continue;
        structural = { rule: 'skip/not-a-function', reason: 'field without a function value' };
      } else if (hasModifier(node, ts.SyntaxKind.AbstractKeyword)) structural = { rule: 'skip/abstract', reason: 'abstract field: no value to wrap' };
      else if (ctx.legacy && ctx.definedFields) {
        structural = {
          rule: 'skip/legacy-defined-field',
          reason: 'function field with experimentalDecorators and useDefineForClassFields (the default from target ES2022): the field is defined on each instance, past any legacy decorator; make it a method, or set useDefineForClassFields: false',
        };
      }
      body = fn?.body;
    } else continue;
    const privateName = !!node.name && ts.isPrivateIdentifier(node.name);
    if (!structural && ambient) structural = { rule: 'skip/declare', reason: 'member of an ambient (declare) class: nothing runs' };
    if (!structural && computed) structural = { rule: 'skip/computed-name', reason: 'computed name: decorate it by hand, with a name option for its events' };
    if (!structural && ctx.legacy && privateName) {
      structural = { rule: 'skip/legacy-private', reason: '#private member in a project with experimentalDecorators: legacy decorators cannot decorate it (TS1206)' };
    }
    if (!structural && ctx.legacy && isExpression) {
      structural = { rule: 'skip/legacy-class-expression', reason: 'member of a class expression in a project with experimentalDecorators: legacy decorators are not valid there (TS1206)' };
    }
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
    let ours: Member['ours'];
    const otherDecorators: string[] = [];
    for (const d of decorators) {
      const mine = ctx.ourDecoratorOf(d);
      const lookalike = mine ? undefined : ctx.lookalikeDecoratorOf(d);
      if (mine) ours ??= { name: mine, node: d };
      else if (lookalike) ours ??= { name: lookalike.name, node: d, module: lookalike.module };
      else {
        const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
        otherDecorators.push(ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : e.getText(ctx.sf));
      }
    }
    const internal = privateName || hasModifier(node, ts.SyntaxKind.PrivateKeyword) || hasModifier(node, ts.SyntaxKind.ProtectedKeyword) || name.startsWith('_');
    members.push({
      node, name, kind, internal, privateName, body,
      ...(structural ? { structural } : {}),
      facts: body ? collectMemberFacts(body, ctx, scope) : EMPTY_FACTS,
      otherDecorators,
      ...(ours ? { ours } : {}),
    });
  }
  return members;
}

function configMatch(rule: ResolvedConfig['rules'][number], cls: string, heritage: string[], m: Member, ctx: FileContext): boolean {
  if (rule.class !== undefined && !matchesNameGlob(rule.class, cls)) return false;
  if (rule.method !== undefined && !matchesNameGlob(rule.method, m.name)) return false;
  if (rule.baseType !== undefined && !heritage.some((h) => matchesNameGlob(rule.baseType!, h))) return false;
  if (rule.calls !== undefined) {
    const patterns = Array.isArray(rule.calls) ? rule.calls : [rule.calls];
    if (!patterns.some((p) => m.facts.calls.some((c) => callMatches(p, c, ctx)))) return false;
  }
  return true;
}

function callMatches(pattern: string, call: MemberFacts['calls'][number], ctx: FileContext): boolean {
  if (pattern.startsWith('import:')) {
    const mod = pattern.slice('import:'.length);
    return call.rootModule === mod || (call.rootModule?.startsWith(`${mod}/`) ?? false);
  }
  const parts = pattern.split('.');
  const chain = call.chain;
  if (parts.length <= chain.length && parts.every((p, i) => p === chain[chain.length - parts.length + i])) return true;
  if (parts.length === 2 && chain[chain.length - 1] === parts[1] && ctx.checker) {
    const callee = call.node.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      try {
        return typeNames(ctx.checker.getTypeAtLocation(callee.expression), ctx.checker).includes(parts[0]!);
      } catch {
        return false;
      }
    }
  }
  return false;
}

function isOrchestrationName(name: string, names: string[]): boolean {
  return names.some((n) => name === n || (name.startsWith(n) && /^[A-Z_]/.test(name.slice(n.length))));
}

function analyseClass(cls: ts.ClassLikeDeclaration, ctx: FileContext, config: ResolvedConfig, file: string, out: FileAnalysis): void {
  const name = className(cls);
  const isExpression = ts.isClassExpression(cls);
  const ambient = isAmbient(cls);
  const scope = createClassScope(cls, name);
  const heritage = heritageNames(cls, ctx.checker);
  const members = collectMembers(cls, ctx, scope, isExpression, ambient);
  const byName = new Map<string, Member[]>();
  for (const m of members) {
    const list = byName.get(m.name);
    if (list) list.push(m);
    else byName.set(m.name, [m]);
  }
  const on = (rule: string): boolean => !config.disabled.has(rule);

  // Which members reach a model: directly, or through the class's own non-public helpers.
  const reach = new Map<Member, string>();
  for (const m of members) if (m.facts.modelCalls.length) reach.set(m, m.facts.modelCalls[0]!);
  const via = new Map<Member, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of members) {
      // An orchestration method does more than the model call of its helper: it keeps its span, the helper its @aiCall.
      if (reach.has(m) || isOrchestrationName(m.name, config.orchestrationMethods)) continue;
      for (const h of m.facts.helperCalls) {
        const target = byName.get(h)?.find((x) => reach.has(x) && x.internal);
        if (target) {
          reach.set(m, reach.get(target)!);
          via.set(m, h);
          changed = true;
          break;
        }
      }
    }
  }

  const hasStep = byName.has('step');
  const hasReset = byName.has('reset');
  const agentByName =
    !extendsHttpAgent(cls, ctx) &&
    ((AGENT_NAME.test(name) && !NOT_AGENT_NAME.test(name)) || heritage.some((h) => (AGENT_NAME.test(h) && !NOT_AGENT_NAME.test(h)) || config.agentBaseTypes.includes(h)));
  const usesModel = reach.size > 0;
  const isAgent = agentByName || usesModel;
  const envByHeritage = heritage.some((h) => ENV_NAME.test(h) || config.environmentBaseTypes.includes(h));
  let envWhy: string | undefined;
  if (envByHeritage) envWhy = `extends/implements ${heritage.find((h) => ENV_NAME.test(h) || config.environmentBaseTypes.includes(h))}`;
  else if (ENV_NAME.test(name) && (hasStep || hasReset) && !agentByName) envWhy = `environment class ${name}`;
  // A gym-style step takes the action: a UI wizard's step() and reset() make no environment.
  else if (hasStep && hasReset && !isAgent && byName.get('step')!.some(takesAction)) envWhy = 'class with both step(action) and reset()';
  const isTool = TOOL_CLASS_NAME.test(name) || heritage.some((h) => TOOL_TYPE_NAME.test(h) || config.toolBaseTypes.includes(h));

  // Pass 1: config rules, environment steps, tool decorators, model calls.
  for (const m of members) {
    for (let i = 0; i < config.rules.length && !m.decision; i++) {
      const rule = config.rules[i]!;
      if (!configMatch(rule, name, heritage, m, ctx)) continue;
      const options = rule.options === undefined ? undefined : typeof rule.options === 'string' ? rule.options : formatOptions(rule.options, ctx);
      m.decision = {
        decorator: rule.decorator,
        rule: `config#${i}`,
        reason: rule.decorator === 'none' ? `config rule ${i} leaves it alone` : `config rule ${i}`,
        ...(options ? { options } : {}),
      };
    }
    if (m.decision) continue;
    if (envWhy && config.environmentMethods.includes(m.name) && on('environment-step/env-class')) {
      m.decision = { decorator: 'environmentStep', rule: 'environment-step/env-class', reason: `${m.name}() of an environment (${envWhy})` };
    } else if (m.otherDecorators.some((d) => TOOL_DECORATOR.test(d)) && on('runtime-operation/tool-decorator')) {
      m.decision = { decorator: 'runtimeOperation', rule: 'runtime-operation/tool-decorator', reason: `marked as a tool by @${m.otherDecorators.find((d) => TOOL_DECORATOR.test(d))}` };
    } else if (m.facts.modelCalls.length && on('ai-call/model-call')) {
      m.decision = { decorator: 'aiCall', rule: 'ai-call/model-call', reason: m.facts.modelCalls[0]! };
    } else if (via.has(m) && config.aiCallPlacement === 'outermost' && on('ai-call/via-helper')) {
      m.decision = { decorator: 'aiCall', rule: 'ai-call/via-helper', reason: `calls the model through its helper ${via.get(m)}() (${reach.get(m)})` };
    }
  }

  const notes = new Map<Member, string>();
  // Pass 2: a private helper used only by members that get @aiCall would record each call twice.
  if (config.aiCallPlacement === 'outermost') {
    for (const m of members) {
      if (!m.internal || !(reach.has(m) || m.facts.io.length)) continue;
      if (m.decision && (m.decision.rule.startsWith('config#') || m.decision.decorator === 'environmentStep')) continue;
      const callers = members.filter((c) => c !== m && c.facts.helperCalls.has(m.name));
      if (callers.length && callers.every((c) => c.decision?.decorator === 'aiCall')) {
        m.decision = {
          decorator: 'none',
          rule: 'ai-call/helper',
          reason: `helper of ${callers.map((c) => `${c.name}()`).join(', ')}, which ${callers.length === 1 ? 'gets' : 'get'} @aiCall; decorating it too would record each model call twice`,
        };
      } else if (reach.has(m)) {
        // The helper is decorated itself (another caller does not get @aiCall): its callers must not record the call again.
        for (const c of callers) {
          if (c.decision?.rule === 'ai-call/via-helper' && via.get(c) === m.name) {
            delete c.decision;
            notes.set(c, `reaches the model through ${m.name}(), which gets @aiCall itself (it is also called by a method that does not)`);
          }
        }
      }
    }
  }

  // Pass 3: tools, I/O of agents, orchestration.
  for (const m of members) {
    if (m.decision) continue;
    const callsDecided = [...m.facts.helperCalls].some((h) => byName.get(h)?.some((x) => x.decision && x.decision.decorator !== 'none'));
    // A tool's internal `_call` behind its own public `call()` would be recorded inside it.
    const behindOwnEntry = m.internal && members.some((c) => c !== m && !c.internal && c.facts.helperCalls.has(m.name));
    if (isTool && on('runtime-operation/tool-class') && !['getter', 'setter', 'constructor', 'static method', 'static field'].includes(m.kind) && (!m.internal || (/^_?(call|run|invoke|execute)$/.test(m.name) && !behindOwnEntry)) && !NOT_TOOL_METHODS.has(m.name)) {
      m.decision = { decorator: 'runtimeOperation', rule: 'runtime-operation/tool-class', reason: `method of the tool class ${name}` };
    } else if (isAgent && TOOL_DISPATCH_NAME.test(m.name) && !callsDecided && m.kind !== 'getter' && m.kind !== 'constructor' && on('runtime-operation/tool-dispatch')) {
      m.decision = { decorator: 'runtimeOperation', rule: 'runtime-operation/tool-dispatch', reason: `runs the tools of the agent ${name}` };
    } else if (isAgent && m.facts.io.length && !callsDecided && m.kind !== 'constructor' && m.kind !== 'getter' && on('runtime-operation/agent-io')) {
      m.decision = { decorator: 'runtimeOperation', rule: 'runtime-operation/agent-io', reason: `${m.facts.io[0]} in the agent ${name}` };
    } else if (isAgent && isOrchestrationName(m.name, config.orchestrationMethods) && m.kind !== 'getter' && m.kind !== 'constructor' && on('trace-span/orchestration')) {
      m.decision = { decorator: 'traceSpan', rule: 'trace-span/orchestration', reason: `orchestration method of the agent ${name}` };
    }
  }

  // Overload signatures follow their implementation.
  for (const [, list] of byName) {
    const impl = list.find((m) => !m.structural && m.decision);
    if (!impl) continue;
    for (const m of list) if (m !== impl && m.structural?.rule === 'skip/overload') m.decision = impl.decision!;
  }

  for (const m of members) {
    const line = ctx.sf.getLineAndCharacterOfPosition(m.node.getStart(ctx.sf)).line + 1;
    const base = { file, line, className: name, member: m.name, kind: m.kind };
    const d = m.decision;
    if (m.ours) {
      const differs = d && d.decorator !== 'none' && d.decorator !== m.ours.name ? `; the rules would pick @${d.decorator}, yours wins` : '';
      const from = m.ours.module ? ` (imported from '${m.ours.module}', taken to be agent-trace's)` : '';
      out.decisions.push({
        node: m.node,
        // Only what is bound to 'agent-trace' can be the codemod's own, and be removed.
        ...(m.ours.module ? {} : { existing: m.ours.node }),
        ...(d?.options && d.decorator === m.ours.name ? { optionsText: d.options } : {}),
        report: { ...base, action: 'present', decorator: m.ours.name, rule: d && d.decorator !== 'none' ? d.rule : 'existing', reason: `already decorated with @${m.ours.name}${from}${differs}` },
      });
      out.targets.push({ heritage, member: m.name, className: name, decorator: m.ours.name });
      continue;
    }
    if (!d && notes.has(m)) {
      out.decisions.push({ node: m.node, report: { ...base, action: 'skipped', rule: 'ai-call/helper-decorated', reason: notes.get(m)! } });
      continue;
    }
    if (!d) {
      if (!m.structural && m.kind !== 'constructor') out.siblingCandidates.push({ report: { ...base, action: 'skipped', rule: 'no-match/shared-interface', reason: '' }, heritage });
      continue;
    }
    if (d.decorator === 'none') {
      out.decisions.push({ node: m.node, report: { ...base, action: 'skipped', rule: d.rule, reason: d.reason } });
    } else if (m.structural) {
      out.decisions.push({ node: m.node, report: { ...base, action: 'skipped', decorator: d.decorator, rule: m.structural.rule, reason: `${m.structural.reason} (would get @${d.decorator}: ${d.reason})` } });
    } else {
      out.decisions.push({ node: m.node, ...(d.options ? { optionsText: d.options } : {}), report: { ...base, action: 'added', decorator: d.decorator, rule: d.rule, reason: d.reason } });
      out.targets.push({ heritage, member: m.name, className: name, decorator: d.decorator });
    }
  }
}

function reportObjectLiteral(obj: ts.ObjectLiteralExpression, ctx: FileContext, file: string, out: FileAnalysis): void {
  let owner = '<object>';
  const parent = obj.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && nameText(parent.name as ts.PropertyName)) owner = nameText(parent.name as ts.PropertyName)!;
  for (const prop of obj.properties) {
    let body: ts.Node | undefined;
    if (ts.isMethodDeclaration(prop)) body = prop.body;
    else if (ts.isPropertyAssignment(prop)) body = functionInitializer(prop.initializer)?.body;
    if (!body) continue;
    const facts = collectMemberFacts(body, ctx, undefined);
    if (!facts.modelCalls.length) continue;
    const line = ctx.sf.getLineAndCharacterOfPosition(prop.getStart(ctx.sf)).line + 1;
    out.extraReports.push({
      file, line, className: owner, member: nameText(prop.name) ?? '<computed>', kind: 'object-literal method', action: 'skipped', decorator: 'aiCall',
      rule: 'skip/object-literal',
      reason: `object-literal method: decorators only apply to class members; wrap it with withAiCall() instead (${facts.modelCalls[0]})`,
    });
  }
}

/** Writes a config `options` object as source text, in the file's quote style. */
export function formatOptions(value: unknown, ctx: Pick<FileContext, 'style'>): string {
  const quote = ctx.style.quote;
  const fmt = (v: unknown): string => {
    if (typeof v === 'string') return quote + v.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n') + quote;
    if (Array.isArray(v)) return `[${v.map(fmt).join(', ')}]`;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : fmt(k)}: ${fmt(x)}`);
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    return String(v);
  };
  return fmt(value);
}
