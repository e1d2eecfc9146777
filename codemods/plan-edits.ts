import { ts } from 'ts-morph';
import type { MemberDecision } from './analyse-file.js';
import type { FileContext } from './file-context.js';
import { PACKAGE_NAME } from './file-context.js';
import type { DecoratorName } from './types.js';
import { DECORATOR_NAMES } from './types.js';

/** Replace `[pos, end)` of the original text with `text`. */
export interface TextEdit {
  pos: number;
  end: number;
  text: string;
}

/** The local name the codemod gives `import agentTrace = require('agent-trace')`. */
const REQUIRE_NAME = 'agentTrace';

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.pos - b.pos || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.pos < at) continue;
    out += text.slice(at, e.pos) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

function lineStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n', pos - 1);
  return i + 1;
}

function nextLineStart(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
}

/** The position of the next token after `pos`, past whitespace and comments. */
function skipTrivia(text: string, pos: number): number {
  for (;;) {
    const ws = /^\s*/.exec(text.slice(pos, pos + 4096))![0].length;
    pos += ws;
    if (text.startsWith('//', pos)) {
      const nl = text.indexOf('\n', pos);
      pos = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', pos)) {
      const close = text.indexOf('*/', pos + 2);
      pos = close < 0 ? text.length : close + 2;
    } else if (ws === 4096) continue;
    else return pos;
  }
}

function onlyWhitespace(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

/**
 * The edits that add the decided decorators and their import to a file.
 *
 * @example
 * const edits = planAddEdits(ctx, analysis.decisions, 'esm');
 * const after = applyEdits(ctx.text, edits);
 */
export function planAddEdits(ctx: FileContext, decisions: readonly MemberDecision[], importForm: 'esm' | 'require'): TextEdit[] {
  const added = decisions.filter((d) => d.report.action === 'added');
  if (!added.length) return [];
  const { text, sf } = ctx;
  const eol = ctx.style.eol;
  const locals = new Map(ctx.ourLocalNames);
  const toImport: { name: DecoratorName; local: string }[] = [];
  let requireBinding = false;
  const needed = DECORATOR_NAMES.filter((n) => added.some((d) => d.report.decorator === n));
  for (const name of needed) {
    if (locals.has(name)) continue;
    if (importForm === 'require') {
      locals.set(name, `${REQUIRE_NAME}.${name}`);
      requireBinding = true;
      continue;
    }
    let local: string = name;
    for (let i = 2; ctx.topLevelNames.has(local); i++) local = i === 2 ? `${name}Decorator` : `${name}Decorator${i}`;
    locals.set(name, local);
    toImport.push({ name, local });
  }

  const edits: TextEdit[] = [];
  for (const d of added) {
    const decoratorText = `@${locals.get(d.report.decorator!)}(${d.optionsText ?? ''})`;
    const node = d.node;
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
    const anchor = decorators.length ? skipTrivia(text, decorators[decorators.length - 1]!.end) : node.getStart(sf);
    const lineBegin = lineStart(text, anchor);
    const before = text.slice(lineBegin, anchor);
    if (onlyWhitespace(before)) {
      const memberLine = lineStart(text, node.getStart(sf));
      const indent = /^[ \t]*/.exec(text.slice(memberLine))![0];
      edits.push({ pos: lineBegin, end: lineBegin, text: `${indent}${decoratorText}${eol}` });
    } else {
      edits.push({ pos: anchor, end: anchor, text: `${decoratorText} ` });
    }
  }

  if (requireBinding) edits.push(newImportEdit(ctx, `import ${REQUIRE_NAME} = require(${q(ctx, PACKAGE_NAME)})${ctx.style.semicolons ? ';' : ''}`));
  if (toImport.length) {
    const specs = toImport.map((s) => (s.local === s.name ? s.name : `${s.name} as ${s.local}`));
    const existing = sf.statements.find(
      (s): s is ts.ImportDeclaration =>
        ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === PACKAGE_NAME &&
        !!s.importClause && !s.importClause.isTypeOnly && !!s.importClause.namedBindings && ts.isNamedImports(s.importClause.namedBindings),
    );
    if (existing) {
      const named = existing.importClause!.namedBindings as ts.NamedImports;
      const last = named.elements[named.elements.length - 1];
      if (last) edits.push({ pos: last.end, end: last.end, text: `, ${specs.join(', ')}` });
      else edits.push({ pos: named.getStart(sf) + 1, end: named.end - 1, text: ` ${specs.join(', ')} ` });
    } else {
      edits.push(newImportEdit(ctx, `import { ${specs.join(', ')} } from ${q(ctx, PACKAGE_NAME)}${ctx.style.semicolons ? ';' : ''}`));
    }
  }
  return edits;
}

function q(ctx: FileContext, s: string): string {
  return `${ctx.style.quote}${s}${ctx.style.quote}`;
}

function newImportEdit(ctx: FileContext, line: string): TextEdit {
  const { sf, text } = ctx;
  const eol = ctx.style.eol;
  const isImport = (s: ts.Statement): boolean =>
    ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) ||
    (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => !!d.initializer && ts.isCallExpression(d.initializer) && ts.isIdentifier(d.initializer.expression) && d.initializer.expression.text === 'require'));
  let lastImport: ts.Statement | undefined;
  for (const s of sf.statements) {
    if (isImport(s)) lastImport = s;
    else if (!(ts.isImportDeclaration(s) || ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression))) {
      if (lastImport) break;
    }
  }
  if (lastImport) {
    const pos = nextLineStart(text, lastImport.end);
    if (pos === text.length && !text.endsWith('\n')) return { pos, end: pos, text: `${eol}${line}` };
    return { pos, end: pos, text: `${line}${eol}` };
  }
  let first: ts.Statement | undefined;
  let afterDirectives = 0;
  for (const s of sf.statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) afterDirectives = nextLineStart(text, s.end);
    else { first = s; break; }
  }
  if (afterDirectives) return { pos: afterDirectives, end: afterDirectives, text: `${line}${eol}` };
  const pos = first ? lineStart(text, first.getStart(sf, true)) : 0;
  return { pos, end: pos, text: `${line}${eol}${eol}` };
}

/**
 * The edits that take out what {@link planAddEdits} would have added: our decorators written exactly
 * as the codemod writes them (no arguments, or the options the config gives), each on its own line
 * or inline, and the import specifiers nothing uses any more.
 *
 * @example
 * const { edits, removed } = planRemoveEdits(ctx, analysis.decisions);
 */
export function planRemoveEdits(ctx: FileContext, decisions: readonly MemberDecision[]): { edits: TextEdit[]; removed: MemberDecision[] } {
  const { text, sf } = ctx;
  const edits: TextEdit[] = [];
  const removed: MemberDecision[] = [];
  const removedDecorators = new Set<ts.Decorator>();
  for (const d of decisions) {
    const dec = d.existing;
    if (!dec || !ts.isCallExpression(dec.expression)) continue;
    const args = dec.expression.arguments;
    const argText = args.length ? text.slice(args.pos, args.end).trim() : '';
    if (argText !== '' && argText !== d.optionsText) continue;
    const start = dec.getStart(sf);
    const ls = lineStart(text, start);
    const after = dec.end + /^[ \t]*/.exec(text.slice(dec.end))![0].length;
    const restOfLine = text.slice(dec.end, text.indexOf('\n', dec.end) < 0 ? text.length : text.indexOf('\n', dec.end));
    if (onlyWhitespace(text.slice(ls, start)) && onlyWhitespace(restOfLine.replace(/\r$/, ''))) {
      edits.push({ pos: ls, end: nextLineStart(text, dec.end), text: '' });
    } else {
      edits.push({ pos: start, end: after, text: '' });
    }
    removed.push(d);
    removedDecorators.add(dec);
  }
  if (!removed.length) return { edits, removed };

  // Identifiers still in use once the removed decorators are gone.
  const uses = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node) && removedDecorators.has(node)) return;
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isIdentifier(node)) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === PACKAGE_NAME) {
      const clause = s.importClause;
      const named = clause?.namedBindings;
      if (!clause || clause.isTypeOnly || !named || !ts.isNamedImports(named)) continue;
      const unused = named.elements.filter((el) => (DECORATOR_NAMES as readonly string[]).includes((el.propertyName ?? el.name).text) && !uses.get(el.name.text));
      if (!unused.length) continue;
      const kept = named.elements.filter((el) => !unused.includes(el));
      if (!kept.length && !clause.name) edits.push(removeStatement(ctx, s));
      else if (!kept.length) edits.push({ pos: clause.name!.end, end: named.end, text: '' });
      else edits.push(...removeSpecifiers(named.elements, unused, sf));
    } else if (ts.isImportEqualsDeclaration(s) && s.name.text === REQUIRE_NAME && !uses.get(REQUIRE_NAME)) {
      const ref = s.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) && ref.expression.text === PACKAGE_NAME) edits.push(removeStatement(ctx, s));
    }
  }
  return { edits, removed };
}

/**
 * Takes `unused` out of an import's specifiers, each with the separator before it (the add path
 * writes `, name` after the last one), so that the import is as it was, also across lines.
 */
function removeSpecifiers(elements: ts.NodeArray<ts.ImportSpecifier>, unused: readonly ts.ImportSpecifier[], sf: ts.SourceFile): TextEdit[] {
  const edits: TextEdit[] = [];
  const firstKept = elements.findIndex((el) => !unused.includes(el));
  if (firstKept > 0) edits.push({ pos: elements[0]!.getStart(sf), end: elements[firstKept]!.getStart(sf), text: '' });
  for (let i = firstKept + 1; i < elements.length; i++) {
    if (unused.includes(elements[i]!)) edits.push({ pos: elements[i - 1]!.end, end: elements[i]!.end, text: '' });
  }
  return edits;
}

function removeStatement(ctx: FileContext, s: ts.Statement): TextEdit {
  const { text, sf } = ctx;
  const start = lineStart(text, s.getStart(sf));
  let end = nextLineStart(text, s.end);
  // The blank line the codemod puts after the import it adds to a file without imports.
  const onlyImport = !sf.statements.some((o) => o !== s && (ts.isImportDeclaration(o) || ts.isImportEqualsDeclaration(o)));
  if (onlyImport && /^\r?\n/.test(text.slice(end))) end = nextLineStart(text, end);
  return { pos: start, end, text: '' };
}
