import path from 'node:path';
import type { ts as TsModule } from 'ts-morph';
import { loadProjectTypeScript } from './project-typescript.js';
import type { VerifyError, VerifyReport } from './types.js';

/**
 * Type-checks each tsconfig's program with the project's own TypeScript, once as the files are
 * and once with `changes` laid over them (in memory), and returns the errors only the edited
 * program has. Only changed files can gain errors from added decorators and imports, so only
 * they are checked.
 *
 * @example
 * const report = verifyChanges('/repo', ['/repo/tsconfig.json'], new Map([[file, newText]]), '/repo');
 * for (const e of report.newErrors) console.error(`${e.file}:${e.line}: ${e.message}`);
 */
export function verifyChanges(
  projectDir: string,
  tsconfigs: readonly string[],
  changes: ReadonlyMap<string, string>,
  reportRoot: string,
  onProgress?: (done: number, total: number, tsconfig: string) => void,
): VerifyReport {
  const loaded = loadProjectTypeScript(projectDir);
  const tsm = loaded.ts;
  const newErrors: VerifyError[] = [];
  const changed = new Map([...changes].map(([f, t]) => [path.resolve(f), t]));
  tsconfigs.forEach((tsconfig, index) => {
    onProgress?.(index, tsconfigs.length, tsconfig);
    const parsed = tsm.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...tsm.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!parsed) return;
    const mine = parsed.fileNames.filter((f) => changed.has(path.resolve(f)));
    if (!mine.length) return;
    const baseHost = tsm.createCompilerHost(parsed.options, true);
    const before = tsm.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: baseHost, ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}) });
    const editedHost: TsModule.CompilerHost = {
      ...baseHost,
      getSourceFile(fileName, languageVersion, onError, shouldCreate) {
        const text = changed.get(path.resolve(fileName));
        if (text !== undefined) return tsm.createSourceFile(fileName, text, languageVersion, true);
        return baseHost.getSourceFile(fileName, languageVersion, onError, shouldCreate);
      },
      readFile(fileName) {
        return changed.get(path.resolve(fileName)) ?? baseHost.readFile(fileName);
      },
    };
    const after = tsm.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      host: editedHost,
      oldProgram: before,
      ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
    });
    const counts = new Map<string, number>();
    const key = (d: TsModule.Diagnostic): string => `${d.file ? path.resolve(d.file.fileName) : ''}\0${d.code}\0${tsm.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    const diagnostics = (program: TsModule.Program, file: string): readonly TsModule.Diagnostic[] => {
      const sf = program.getSourceFile(file);
      if (!sf) return [];
      return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    };
    for (const file of mine) for (const d of diagnostics(before, file)) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    for (const file of mine) {
      for (const d of diagnostics(after, file)) {
        const k = key(d);
        const left = counts.get(k) ?? 0;
        if (left > 0) {
          counts.set(k, left - 1);
          continue;
        }
        const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        newErrors.push({
          file: d.file ? path.relative(reportRoot, d.file.fileName).split(path.sep).join('/') : path.relative(reportRoot, tsconfig),
          line: pos.line + 1,
          column: pos.character + 1,
          code: d.code,
          message: tsm.flattenDiagnosticMessageText(d.messageText, '\n'),
        });
      }
    }
  });
  onProgress?.(tsconfigs.length, tsconfigs.length, '');
  return { typescript: loaded.version, typescriptSource: loaded.source, newErrors };
}
