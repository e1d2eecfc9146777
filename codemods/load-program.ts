import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { ts } from 'ts-morph';
import { MODEL_CALL_LAST_NAMES } from './llm-apis.js';

/**
 * One tsconfig, read with ts-morph's TypeScript: its options and root files, and a type checker
 * over only the files that need one.
 *
 * ts-morph's `Project` wraps every file it loads and parses each again for its program (measured on
 * the 1,000-file benchmark: 4.0 s to load, 5.2 s for `getProgram()`, against 0.6 s to parse the
 * files once), so the codemod uses the compiler API that ts-morph bundles directly: a file is parsed
 * once, and the program (for the checker) holds only the files whose text shows a possible model
 * call or a base type, plus what they import.
 *
 * @example
 * const loaded = loadTsconfig('/repo/tsconfig.json');
 * const program = loaded.createProgram(['/repo/src/agent.ts'], texts);
 */
export interface LoadedTsconfig {
  options: ts.CompilerOptions;
  /** Absolute root file names of the tsconfig. */
  fileNames: string[];
  createProgram(rootNames: readonly string[], texts: ReadonlyMap<string, string>): ts.Program;
}

/** Reads a tsconfig; throws with TypeScript's message when it cannot be read. */
export function loadTsconfig(tsconfig: string): LoadedTsconfig {
  let fatal: string | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      fatal = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    },
  });
  if (!parsed || fatal) throw new Error(fatal ?? `cannot parse ${tsconfig}`);
  const options = parsed.options;
  return {
    options,
    fileNames: parsed.fileNames.map((f) => path.resolve(f)),
    createProgram(rootNames, texts) {
      // The checker answers where a callee or a base type is declared; that needs the project's
      // modules and the SDKs' declarations, not the default libraries, @types packages or Node's
      // built-in modules, which would be most of the parsing.
      const programOptions: ts.CompilerOptions = { ...options, noLib: true, types: [], noEmit: true, skipLibCheck: true };
      const host = ts.createCompilerHost(programOptions, true);
      const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => host.getCanonicalFileName(f), programOptions);
      host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
        literals.map((literal) => {
          if (isBuiltin(literal.text)) return { resolvedModule: undefined };
          const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
          return ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirectedReference, mode);
        });
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        const text = texts.get(path.resolve(fileName));
        if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
        return getSourceFile(fileName, languageVersion, onError, shouldCreate);
      };
      return ts.createProgram({ rootNames, options: programOptions, host, ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}) });
    },
  };
}

/** Parses a file that needs no type checker. */
export function parseSourceFile(fileName: string, text: string, options: ts.CompilerOptions): ts.SourceFile {
  let impliedNodeFormat: ts.ResolutionMode;
  if (options.verbatimModuleSyntax) {
    impliedNodeFormat = ts.getImpliedNodeFormatForFile(fileName, undefined, ts.sys, options);
  }
  return ts.createSourceFile(fileName, text, { languageVersion: options.target ?? ts.ScriptTarget.ES2022, impliedNodeFormat }, true);
}

const CANDIDATE_CALL = new RegExp(`\\b(${[...MODEL_CALL_LAST_NAMES].join('|')})\\s*[(<]`);
const HERITAGE = /\b(extends|implements)\s+[\w$.]/;

/** True when a file's text shows something only the type checker can settle: a possible model call or a base type. */
export function needsTypeInfo(text: string, configNeedsTypes: boolean): boolean {
  return configNeedsTypes || CANDIDATE_CALL.test(text) || HERITAGE.test(text);
}

/** Reads a file as UTF-8, byte order mark included (the scanner treats it as whitespace; writing keeps it). */
export function readSource(file: string): string {
  return readFileSync(file, 'utf8');
}
