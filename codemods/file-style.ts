import { ts } from 'ts-morph';

/**
 * How a file writes imports and lines: quote character, semicolons, line ending.
 *
 * @example
 * detectFileStyle(sf); // { quote: "'", semicolons: false, eol: '\n' }
 */
export interface FileStyle {
  quote: "'" | '"';
  semicolons: boolean;
  eol: '\n' | '\r\n';
}

/** Reads the style of a file from its imports, or from its statements when it has none. */
export function detectFileStyle(sf: ts.SourceFile): FileStyle {
  const text = sf.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const imports = sf.statements.filter((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s));
  let quote: "'" | '"' | undefined;
  let semicolons: boolean | undefined;
  for (const imp of imports) {
    const spec = ts.isImportDeclaration(imp) ? imp.moduleSpecifier : ts.isExternalModuleReference(imp.moduleReference) ? imp.moduleReference.expression : undefined;
    if (spec && ts.isStringLiteral(spec)) quote ??= text[spec.getStart(sf)] === '"' ? '"' : "'";
  }
  if (imports.length) semicolons = text[imports[imports.length - 1]!.end - 1] === ';';
  if (quote === undefined || semicolons === undefined) {
    let single = 0;
    let double = 0;
    let withSemi = 0;
    let withoutSemi = 0;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node)) {
        if (text[node.getStart(sf)] === '"') double++;
        else single++;
      }
      if (ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node)) {
        if (text[node.end - 1] === ';') withSemi++;
        else withoutSemi++;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    quote ??= double > single ? '"' : "'";
    semicolons ??= withoutSemi > withSemi ? false : true;
  }
  return { quote, semicolons, eol };
}
