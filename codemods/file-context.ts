import { ts } from 'ts-morph';
import { providerOfModule } from './llm-apis.js';
import type { FileStyle } from './file-style.js';
import { detectFileStyle } from './file-style.js';
import type { DecoratorName } from './types.js';
import { DECORATOR_NAMES } from './types.js';

/** One local name bound by an import (or a top-level `require`). */
export interface ImportBinding {
  module: string;
  /** The exported name, 'default', or '*' for a namespace / `import x = require()` / `const x = require()`. */
  imported: string;
  typeOnly: boolean;
}

/**
 * What the codemod needs to know about one source file: its imports, the providers it
 * imports, how it refers to our decorators, and the type checker when there is one.
 *
 * @example
 * const ctx = createFileContext(sourceFile, checker, { legacy: false, definedFields: true });
 * ctx.ourDecoratorOf(decorator); // 'aiCall' for `@llm()` after `import { aiCall as llm } from 'agent-trace'`
 */
export interface FileContext {
  sf: ts.SourceFile;
  text: string;
  checker: ts.TypeChecker | undefined;
  /** `experimentalDecorators`: legacy decorators. */
  legacy: boolean;
  /** Class fields are defined on each instance (`useDefineForClassFields`, the default from target ES2022). */
  definedFields: boolean;
  style: FileStyle;
  imports: Map<string, ImportBinding>;
  /** Providers whose packages the file imports. */
  llmProviders: Set<string>;
  /** Local expression for each of our decorators the file can already use (`llm`, `at.aiCall`). */
  ourLocalNames: Map<DecoratorName, string>;
  /** Namespace-style bindings of 'agent-trace' (`import * as at`, `import at = require`). */
  ourNamespaces: Set<string>;
  /** Names declared at the top level, to avoid collisions when importing. */
  topLevelNames: Set<string>;
  ourDecoratorOf(decorator: ts.Decorator): DecoratorName | undefined;
  /**
   * A decorator with one of our names imported from another module (a local re-export such as
   * `./tracing.js`, or agent-trace's own sources): counted as present so nothing is wrapped twice,
   * never removed. Returns the module.
   */
  lookalikeDecoratorOf(decorator: ts.Decorator): { name: DecoratorName; module: string } | undefined;
}

export const PACKAGE_NAME = 'agent-trace';

/** Builds the {@link FileContext} of a source file. */
export function createFileContext(sf: ts.SourceFile, checker: ts.TypeChecker | undefined, settings: { legacy: boolean; definedFields: boolean }): FileContext {
  const { legacy, definedFields } = settings;
  const imports = new Map<string, ImportBinding>();
  const topLevelNames = new Set<string>();
  const llmProviders = new Set<string>();
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const provider = providerOfModule(module);
      // A type-only import says nothing is called, but for LangChain: a field typed with the
      // imported `BaseChatModel` is the model (the syntax check still asks for that type).
      if (provider && (!clause?.isTypeOnly || provider === 'langchain')) llmProviders.add(provider);
      if (!clause) continue;
      const typeOnly = clause.isTypeOnly;
      if (clause.name) imports.set(clause.name.text, { module, imported: 'default', typeOnly });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { module, imported: '*', typeOnly });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          imports.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text, typeOnly: typeOnly || el.isTypeOnly });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      const ref = statement.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        imports.set(statement.name.text, { module: ref.expression.text, imported: '*', typeOnly: statement.isTypeOnly });
        const provider = providerOfModule(ref.expression.text);
        if (provider) llmProviders.add(provider);
      }
      topLevelNames.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const module = requiredModule(decl.initializer);
        if (module) {
          const provider = providerOfModule(module);
          if (provider) llmProviders.add(provider);
          if (ts.isIdentifier(decl.name)) imports.set(decl.name.text, { module, imported: '*', typeOnly: false });
          else if (ts.isObjectBindingPattern(decl.name)) {
            for (const el of decl.name.elements) {
              if (!ts.isIdentifier(el.name)) continue;
              const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
              imports.set(el.name.text, { module, imported: prop, typeOnly: false });
            }
          }
        }
        collectBindingNames(decl.name, topLevelNames);
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      topLevelNames.add(statement.name.text);
    }
  }
  for (const name of imports.keys()) topLevelNames.add(name);

  const ourLocalNames = new Map<DecoratorName, string>();
  const ourNamespaces = new Set<string>();
  const byLocal = new Map<string, DecoratorName>();
  const lookalikes = new Map<string, { name: DecoratorName; module: string }>();
  for (const [local, binding] of imports) {
    if (binding.typeOnly) continue;
    const ours = binding.module === PACKAGE_NAME || binding.module.startsWith(`${PACKAGE_NAME}/`);
    if (!ours) {
      if ((DECORATOR_NAMES as readonly string[]).includes(binding.imported)) lookalikes.set(local, { name: binding.imported as DecoratorName, module: binding.module });
      continue;
    }
    if (binding.imported === '*') ourNamespaces.add(local);
    else if ((DECORATOR_NAMES as readonly string[]).includes(binding.imported)) {
      const name = binding.imported as DecoratorName;
      if (!ourLocalNames.has(name)) ourLocalNames.set(name, local);
      byLocal.set(local, name);
    }
  }
  const firstNamespace = [...ourNamespaces][0];
  if (firstNamespace) {
    for (const name of DECORATOR_NAMES) if (!ourLocalNames.has(name)) ourLocalNames.set(name, `${firstNamespace}.${name}`);
  }

  return {
    sf,
    text: sf.text,
    checker,
    legacy,
    definedFields,
    style: detectFileStyle(sf),
    imports,
    llmProviders,
    ourLocalNames,
    ourNamespaces,
    topLevelNames,
    ourDecoratorOf(decorator) {
      let expr = decorator.expression;
      if (ts.isCallExpression(expr)) expr = expr.expression;
      if (ts.isIdentifier(expr)) return byLocal.get(expr.text);
      if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && ourNamespaces.has(expr.expression.text)) {
        const name = expr.name.text;
        return (DECORATOR_NAMES as readonly string[]).includes(name) ? (name as DecoratorName) : undefined;
      }
      return undefined;
    },
    lookalikeDecoratorOf(decorator) {
      let expr = decorator.expression;
      if (ts.isCallExpression(expr)) expr = expr.expression;
      return ts.isIdentifier(expr) ? lookalikes.get(expr.text) : undefined;
    },
  };
}

function requiredModule(init: ts.Expression | undefined): string | undefined {
  if (!init) return undefined;
  if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
    const arg = init.arguments[0];
    if (arg && ts.isStringLiteral(arg)) return arg.text;
  }
  return undefined;
}

function collectBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) collectBindingNames(el.name, into);
}

/** The text of a name node (identifier, #private, string literal, computed literal). */
export function nameText(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}
