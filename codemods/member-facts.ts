import { ts } from 'ts-morph';
import type { FileContext } from './file-context.js';
import { nameText } from './file-context.js';
import {
  LANGCHAIN_MODEL_METHODS,
  LANGCHAIN_CHAIN_TYPE,
  LANGCHAIN_MODEL_TYPE,
  MODEL_CALL_LAST_NAMES,
  MODEL_CALL_PATHS,
  MODEL_FUNCTIONS,
  isLlmEndpoint,
  providerOfDeclarationFile,
  providerOfModule,
} from './llm-apis.js';

/** One call inside a member, as config rules with `calls` see it. */
export interface CallSite {
  node: ts.CallExpression;
  /** Property names of the callee, root first (`this.gateway.complete` -> ['this', 'gateway', 'complete']). */
  chain: string[];
  /** Module the callee's root identifier is imported from. */
  rootModule?: string;
}

/**
 * What a member's body does that the rules care about.
 *
 * @example
 * const facts = collectMemberFacts(method.body, ctx, scope);
 * facts.modelCalls; // ['openai chat.completions.create (type-checked)']
 */
export interface MemberFacts {
  modelCalls: string[];
  io: string[];
  /** Names of this class's own members called through `this` (or the class name, for statics). */
  helperCalls: Set<string>;
  calls: CallSite[];
}

/** The class around a member, so that `this.x` can be followed to what `x` holds. */
export interface ClassScope {
  name: string;
  members: Map<string, ts.ClassElement[]>;
  /** `this.f = expr` assignments in the constructor. */
  ctorAssignments: Map<string, ts.Expression>;
  ctorParams: Map<string, ts.ParameterDeclaration>;
}

const IO_MODULES: Record<string, 'command' | 'file' | 'http'> = {
  child_process: 'command', 'node:child_process': 'command', execa: 'command', zx: 'command',
  fs: 'file', 'node:fs': 'file', 'fs/promises': 'file', 'node:fs/promises': 'file', 'fs-extra': 'file',
  http: 'http', https: 'http', 'node:http': 'http', 'node:https': 'http', axios: 'http', got: 'http',
  undici: 'http', 'node-fetch': 'http', ky: 'http',
};
const IO_WORDS = { command: 'runs a command', file: 'touches files', http: 'calls HTTP' } as const;
const SKIP_FS_NAMES = new Set(['constants', 'existsSync']);
const OPENAI_LIKE_RESOURCES = /^(Completions|Responses|Messages|Models|Embeddings|Chat|Chats|GenerativeModel|ChatSession|Images|Transcriptions|Speech|Moderations)$/;

/** Builds the {@link ClassScope} of a class. */
export function createClassScope(cls: ts.ClassLikeDeclaration, name: string): ClassScope {
  const members = new Map<string, ts.ClassElement[]>();
  const ctorAssignments = new Map<string, ts.Expression>();
  const ctorParams = new Map<string, ts.ParameterDeclaration>();
  for (const m of cls.members) {
    const n = nameText(m.name);
    if (n !== undefined) {
      const list = members.get(n);
      if (list) list.push(m);
      else members.set(n, [m]);
    }
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) if (ts.isIdentifier(p.name)) ctorParams.set(p.name.text, p);
      if (m.body) {
        for (const st of m.body.statements) {
          if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
          const { left, operatorToken, right } = st.expression;
          if (operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
            ctorAssignments.set(left.name.text, right);
          }
        }
      }
    }
  }
  return { name, members, ctorAssignments, ctorParams };
}

/** Walks a member body (nested callbacks included, nested classes not) and collects its facts. */
export function collectMemberFacts(body: ts.Node, ctx: FileContext, scope: ClassScope | undefined): MemberFacts {
  const facts: MemberFacts = { modelCalls: [], io: [], helperCalls: new Set(), calls: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) return;
    if (ts.isCallExpression(node)) inspectCall(node, ctx, scope, facts);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return facts;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr) || ts.isAsExpression(expr) || ts.isAwaitExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

/** Property names from the root of a callee; the root is 'this', an identifier, '()' for a call result, or '?'. */
function calleeChain(callee: ts.Expression): { chain: string[]; root: ts.Expression } {
  const names: string[] = [];
  let expr = unwrap(callee);
  for (;;) {
    if (ts.isPropertyAccessExpression(expr)) {
      names.unshift(expr.name.text);
      expr = unwrap(expr.expression);
    } else if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
      names.unshift(expr.argumentExpression.text);
      expr = unwrap(expr.expression);
    } else break;
  }
  let rootName = '?';
  if (expr.kind === ts.SyntaxKind.ThisKeyword) rootName = 'this';
  else if (ts.isIdentifier(expr)) rootName = expr.text;
  else if (ts.isCallExpression(expr)) rootName = '()';
  names.unshift(rootName);
  return { chain: names, root: expr };
}

function inspectCall(call: ts.CallExpression, ctx: FileContext, scope: ClassScope | undefined, facts: MemberFacts): void {
  const { chain, root } = calleeChain(call.expression);
  const rootModule = ts.isIdentifier(root) ? ctx.imports.get(root.text)?.module : undefined;
  facts.calls.push({ node: call, chain, ...(rootModule ? { rootModule } : {}) });
  const last = chain[chain.length - 1]!;

  // this.helper(...) / this.#helper(...) / ClassName.helper(...)
  if (chain.length === 2 && (chain[0] === 'this' || (scope && chain[0] === scope.name)) && scope?.members.has(last)) {
    facts.helperCalls.add(last);
    for (const arg of call.arguments) {
      const text = urlText(arg, ctx, scope);
      if (text !== undefined && isLlmEndpoint(text)) {
        facts.modelCalls.push(`calls ${last}() with the model endpoint ${JSON.stringify(text)}`);
        break;
      }
    }
    return;
  }

  if ((chain.length === 1 && last === 'fetch' && !ctx.imports.has('fetch')) || (chain.length === 2 && last === 'fetch' && chain[0] === 'globalThis')) {
    const arg = call.arguments[0];
    const text = arg ? urlText(arg, ctx, scope) : undefined;
    if (text !== undefined && isLlmEndpoint(text)) facts.modelCalls.push(`fetch to the model endpoint ${JSON.stringify(text)}`);
    else facts.io.push('calls HTTP (fetch)');
    return;
  }

  // A call of an imported function or of a member of an imported namespace.
  if (rootModule !== undefined) {
    const binding = ctx.imports.get((root as ts.Identifier).text)!;
    const provider = providerOfModule(rootModule);
    const fnName = chain.length === 1 ? binding.imported : last;
    if (provider && MODEL_FUNCTIONS[provider]?.includes(fnName)) {
      const typed = ctx.checker ? typedVerdict(call, chain, ctx) : 'unknown';
      if (typed !== 'no') facts.modelCalls.push(`${provider} ${fnName}()${typed === 'unknown' ? '' : ' (type-checked)'}`);
      return;
    }
    const io = IO_MODULES[rootModule];
    if (io && !(io === 'file' && SKIP_FS_NAMES.has(fnName))) {
      if (io !== 'command' || /^(exec|execSync|execFile|execFileSync|spawn|spawnSync|fork|execa|execaSync|\$)$/.test(fnName)) {
        facts.io.push(`${IO_WORDS[io]} (${rootModule} ${fnName})`);
        return;
      }
    }
  }

  if (!MODEL_CALL_LAST_NAMES.has(last)) return;
  const typed = ctx.checker ? typedVerdict(call, chain, ctx) : 'unknown';
  if (typed === 'no') return;
  if (typed !== 'unknown') {
    facts.modelCalls.push(`${typed} ${chain.slice(1).join('.')} (type-checked)`);
    return;
  }
  const syntactic = syntacticVerdict(call, chain, ctx, scope);
  if (syntactic) facts.modelCalls.push(`${syntactic} ${chain.slice(1).join('.')}`);
}

function pathMatches(chain: string[], provider?: string): { provider: string; unambiguous: boolean } | undefined {
  for (const p of MODEL_CALL_PATHS) {
    if (provider && p.provider !== provider) continue;
    if (p.path.length > chain.length - 1) continue;
    let ok = true;
    for (let i = 1; i <= p.path.length; i++) {
      if (chain[chain.length - i] !== p.path[p.path.length - i]) { ok = false; break; }
    }
    if (ok) return p;
  }
  return undefined;
}

/** 'no' when the checker resolves the call outside every model package, a provider id when inside one. */
function typedVerdict(call: ts.CallExpression, chain: string[], ctx: FileContext): string | 'no' | 'unknown' {
  try {
    return typedVerdictUnsafe(call, chain, ctx);
  } catch {
    // a checker failure on odd code leaves the decision to the syntax
    return 'unknown';
  }
}

function typedVerdictUnsafe(call: ts.CallExpression, chain: string[], ctx: FileContext): string | 'no' | 'unknown' {
  const checker = ctx.checker!;
  // The callee's symbol, not the resolved signature: overload resolution against an SDK's large
  // parameter types costs milliseconds per call, and which overload matches does not matter here.
  const callee = unwrap(call.expression);
  const target = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (!target) return 'unknown';
  let decl: ts.Declaration | undefined;
  try {
    let symbol = checker.getSymbolAtLocation(target);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  } catch {
    return 'unknown';
  }
  if (!decl) return 'unknown';
  const provider = providerOfDeclarationFile(decl.getSourceFile().fileName);
  if (!provider) return 'no';
  const last = chain[chain.length - 1]!;
  if (provider === 'vercel-ai') return MODEL_FUNCTIONS['vercel-ai']!.includes(last) || chain.length === 1 ? provider : 'no';
  const receiver = ts.isPropertyAccessExpression(unwrap(call.expression)) ? (unwrap(call.expression) as ts.PropertyAccessExpression).expression : undefined;
  if (provider === 'langchain') {
    if (!LANGCHAIN_MODEL_METHODS.has(last) || !receiver) return 'no';
    const names = typeNames(checker.getTypeAtLocation(receiver), checker);
    return names.some((n) => LANGCHAIN_MODEL_TYPE.test(n)) || LANGCHAIN_CHAIN_TYPE.test(names[0] ?? '') ? provider : 'no';
  }
  // The path of the package the call resolves into (OpenAI's threads.messages.create is not Anthropic's messages.create).
  if (pathMatches(chain, provider)) return provider;
  if (receiver && typeNames(checker.getTypeAtLocation(receiver), checker).some((n) => OPENAI_LIKE_RESOURCES.test(n))) return provider;
  return 'no';
}

/** The names of a type's symbol and of all its base classes and interfaces. */
export function typeNames(type: ts.Type, checker: ts.TypeChecker, depth = 0, into: string[] = []): string[] {
  if (depth > 8) return into;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol) into.push(symbol.getName());
  const target = (type as ts.TypeReference).target ?? type;
  if (target.isClassOrInterface()) {
    for (const base of checker.getBaseTypes(target as ts.InterfaceType)) typeNames(base, checker, depth + 1, into);
  }
  return into;
}

function syntacticVerdict(call: ts.CallExpression, chain: string[], ctx: FileContext, scope: ClassScope | undefined): string | undefined {
  const match = pathMatches(chain);
  if (match && (match.unambiguous || ctx.llmProviders.has(match.provider))) return match.provider;
  const last = chain[chain.length - 1]!;
  if (LANGCHAIN_MODEL_METHODS.has(last) && ctx.llmProviders.has('langchain')) {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const typeName = constructedTypeName(callee.expression, ctx, scope, 0);
    if (typeName && LANGCHAIN_MODEL_TYPE.test(typeName) && providerOfModule(ctx.imports.get(typeName)?.module ?? '') === 'langchain') {
      return 'langchain';
    }
  }
  return undefined;
}

/** Follows `this.field`, own getters/helper methods and local variables to the class that a value is built from. */
function constructedTypeName(expr: ts.Expression, ctx: FileContext, scope: ClassScope | undefined, depth: number): string | undefined {
  if (depth > 5) return undefined;
  expr = unwrap(expr);
  if (ts.isNewExpression(expr)) return lastName(expr.expression);
  if (ts.isCallExpression(expr)) {
    const inner = unwrap(expr.expression);
    if (ts.isPropertyAccessExpression(inner) && inner.expression.kind === ts.SyntaxKind.ThisKeyword) {
      return returnedTypeName(inner.name.text, ctx, scope, depth);
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword && scope) {
    const field = expr.name.text;
    for (const m of scope.members.get(field) ?? []) {
      if (ts.isPropertyDeclaration(m)) {
        if (m.type) return typeRefName(m.type);
        if (m.initializer) return constructedTypeName(m.initializer, ctx, scope, depth + 1);
      }
      if (ts.isGetAccessorDeclaration(m)) return returnedTypeName(field, ctx, scope, depth);
    }
    const assigned = scope.ctorAssignments.get(field);
    if (assigned) return constructedTypeName(assigned, ctx, scope, depth + 1);
    const param = scope.ctorParams.get(field);
    if (param?.type) return typeRefName(param.type);
    return undefined;
  }
  if (ts.isIdentifier(expr)) {
    const decl = findLocalDeclaration(expr);
    if (decl && ts.isParameter(decl) && decl.type) return typeRefName(decl.type);
    if (decl && ts.isVariableDeclaration(decl)) {
      if (decl.type) return typeRefName(decl.type);
      if (decl.initializer) return constructedTypeName(decl.initializer, ctx, scope, depth + 1);
    }
  }
  return undefined;
}

function returnedTypeName(member: string, ctx: FileContext, scope: ClassScope | undefined, depth: number): string | undefined {
  for (const m of scope?.members.get(member) ?? []) {
    if (!(ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m)) || !m.body) continue;
    if (m.type) return typeRefName(m.type);
    let found: string | undefined;
    const visit = (node: ts.Node): void => {
      if (found || ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) found = constructedTypeName(node.expression, ctx, scope, depth + 1);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(m.body, visit);
    if (found) return found;
  }
  return undefined;
}

function typeRefName(type: ts.TypeNode): string | undefined {
  if (ts.isTypeReferenceNode(type)) return ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  if (ts.isUnionTypeNode(type)) {
    for (const t of type.types) {
      const n = typeRefName(t);
      if (n) return n;
    }
  }
  return undefined;
}

function lastName(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function findLocalDeclaration(id: ts.Identifier): ts.ParameterDeclaration | ts.VariableDeclaration | undefined {
  const name = id.text;
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      for (const p of node.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) return p;
    }
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      for (const st of node.statements) {
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d;
      }
    }
    if (ts.isClassLike(node) && !ts.isSourceFile(node.parent)) continue;
  }
  return undefined;
}

/** The literal text of a URL expression, with `*` for parts only known at run time. */
export function urlText(expr: ts.Expression, ctx: FileContext, scope: ClassScope | undefined, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  expr = unwrap(expr);
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isTemplateExpression(expr)) {
    let text = expr.head.text;
    for (const span of expr.templateSpans) text += `${urlText(span.expression, ctx, scope, depth + 1) ?? '*'}${span.literal.text}`;
    return text;
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = urlText(expr.left, ctx, scope, depth + 1);
    const r = urlText(expr.right, ctx, scope, depth + 1);
    return l === undefined && r === undefined ? undefined : `${l ?? '*'}${r ?? '*'}`;
  }
  if (ts.isNewExpression(expr) && lastName(expr.expression) === 'URL' && expr.arguments) {
    const parts = expr.arguments.map((a) => urlText(a, ctx, scope, depth + 1) ?? '*');
    return parts.reverse().join('');
  }
  if (ts.isIdentifier(expr)) {
    const decl = findLocalDeclaration(expr);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return urlText(decl.initializer, ctx, scope, depth + 1);
    if (decl && ts.isParameter(decl) && decl.initializer) return urlText(decl.initializer, ctx, scope, depth + 1);
    return undefined;
  }
  if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword && scope) {
    for (const m of scope.members.get(expr.name.text) ?? []) {
      if (ts.isPropertyDeclaration(m) && m.initializer) return urlText(m.initializer, ctx, scope, depth + 1);
    }
    const assigned = scope.ctorAssignments.get(expr.name.text);
    if (assigned) return urlText(assigned, ctx, scope, depth + 1);
    const param = scope.ctorParams.get(expr.name.text);
    if (param?.initializer) return urlText(param.initializer, ctx, scope, depth + 1);
  }
  return undefined;
}
