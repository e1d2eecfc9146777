import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { AgentTraceError } from '../src/errors.js';
import type { FileAnalysis } from './analyse-file.js';
import { analyseFile } from './analyse-file.js';
import { loadCodemodConfig } from './codemod-config.js';
import { createFileContext } from './file-context.js';
import { gitTopLevel, uncommittedChanges } from './git-state.js';
import { globToRegExp, matchesAnyGlob } from './glob.js';
import type { LoadedTsconfig } from './load-program.js';
import { loadTsconfig, needsTypeInfo, parseSourceFile, readSource } from './load-program.js';
import { applyEdits, planAddEdits, planRemoveEdits } from './plan-edits.js';
import { discoverProject, fileSkipReason } from './project-discovery.js';
import { installedTypeScriptVersion, majorVersion } from './project-typescript.js';
import type { CodemodOptions, CodemodResult, FileChange, MemberReport, ProjectReport, SkippedFile, VerifyReport } from './types.js';
import { DECORATOR_NAMES } from './types.js';
import { unifiedDiff } from './unified-diff.js';
import { verifyChanges } from './verify.js';

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Finds the members to instrument in every tsconfig program under `options.dir` and computes (or,
 * with `write`, applies) the edits that add the agent-trace decorators; with `remove`, the edits that
 * take them out again.
 *
 * @example
 * import { runCodemod } from 'agent-trace/codemod';
 * const result = await runCodemod({ dir: '.', verify: true });
 * process.stdout.write(result.diff);
 * console.error(result.summary);
 */
export async function runCodemod(options: CodemodOptions = {}): Promise<CodemodResult> {
  const root = path.resolve(options.dir ?? process.cwd());
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new AgentTraceError('E_USAGE', `agent-trace: ${root} is not a directory; pass the root of the project to instrument.`);
  }
  const config = loadCodemodConfig(root, options.config, options.configObject);
  const include = (options.include?.length ? options.include : config.include).map(globToRegExp);
  const exclude = [...(options.exclude ?? []), ...config.exclude].map(globToRegExp);
  const discovered = discoverProject(root);
  if (!discovered.tsconfigs.length) {
    throw new AgentTraceError('E_USAGE', `agent-trace: no tsconfig.json under ${root}; run the codemod at the root of a TypeScript project or monorepo.`);
  }
  const gitTop = gitTopLevel(root);
  const diffRoot = gitTop ?? root;
  const removeMode = options.remove === true;
  const typeInfo = options.typeInfo !== false;
  const configNeedsTypes = config.rules.some((r) => r.calls !== undefined || r.baseType !== undefined);

  const claimed = new Set<string>();
  const projects: ProjectReport[] = [];
  const skippedFiles: SkippedFile[] = [];
  const members: MemberReport[] = [];
  const changes: FileChange[] = [];
  const refusals: string[] = [];
  const analyses: FileAnalysis[] = [];
  const changedByTsconfig = new Map<string, string[]>();
  let filesAnalysed = 0;

  for (const tsconfig of discovered.tsconfigs) {
    const relConfig = toPosix(path.relative(root, tsconfig)) || 'tsconfig.json';
    options.onProgress?.({ phase: 'load', done: 0, total: 0, project: relConfig });
    const installed = installedTypeScriptVersion(path.dirname(tsconfig));
    const tsVersion = installed ?? ts.version;
    let loaded: LoadedTsconfig;
    try {
      loaded = loadTsconfig(tsconfig);
    } catch (error) {
      projects.push({ tsconfig: relConfig, files: 0, typescriptVersion: tsVersion, typescriptSource: installed ? 'project' : 'bundled', decorators: 'stage3', status: 'refused', reason: `cannot read: ${(error as Error).message}` });
      refusals.push(`agent-trace: cannot read ${relConfig} (${(error as Error).message}); fix it or exclude it.`);
      continue;
    }
    const compilerOptions = loaded.options;
    const legacy = compilerOptions.experimentalDecorators === true;
    const target = compilerOptions.target ?? ts.ScriptTarget.ES5;
    const definedFields = compilerOptions.useDefineForClassFields ?? target >= ts.ScriptTarget.ES2022;
    const outDirs = [compilerOptions.outDir, compilerOptions.declarationDir].filter((d): d is string => !!d).map((d) => path.resolve(d));
    const mine = loaded.fileNames.filter((f) => !claimed.has(f));
    const report: ProjectReport = {
      tsconfig: relConfig,
      files: mine.length,
      typescriptVersion: tsVersion,
      typescriptSource: installed ? 'project' : 'bundled',
      decorators: legacy ? 'legacy' : 'stage3',
      status: 'ok',
    };
    projects.push(report);
    if (majorVersion(tsVersion) < 5 && !options.force) {
      report.status = 'refused';
      report.reason = `TypeScript ${tsVersion} is older than 5.0, which the decorators need`;
      refusals.push(`agent-trace: ${relConfig} compiles with TypeScript ${tsVersion}; agent-trace's decorators need TypeScript 5.0 or newer. Its ${mine.length} files are left unchanged: upgrade TypeScript, or pass --force to edit them anyway.`);
      for (const f of mine) {
        claimed.add(f);
        skippedFiles.push({ file: toPosix(path.relative(root, f)), reason: `project on TypeScript ${tsVersion} (< 5.0)` });
      }
      continue;
    }

    // Read and filter first, so the program for the checker holds only the files that need it.
    const texts = new Map<string, string>();
    const declarationFiles: string[] = [];
    const typed: string[] = [];
    for (const file of mine) {
      claimed.add(file);
      const rel = toPosix(path.relative(root, file));
      if (rel.startsWith('../') || path.isAbsolute(rel)) continue;
      if (/\.d\.[cm]?ts$/.test(file)) declarationFiles.push(file);
      const pre = fileSkipReason(rel, undefined, outDirs, file) ?? (/\.[cm]?jsx?$/.test(rel) ? 'JavaScript file' : undefined);
      if (pre) {
        skippedFiles.push({ file: rel, reason: pre });
        continue;
      }
      if ((include.length && !matchesAnyGlob(rel, include)) || matchesAnyGlob(rel, exclude)) {
        skippedFiles.push({ file: rel, reason: include.length && !matchesAnyGlob(rel, include) ? 'not matched by --include' : 'matched by --exclude' });
        continue;
      }
      const text = readSource(file);
      const generated = fileSkipReason(rel, text, outDirs, file);
      if (generated) {
        skippedFiles.push({ file: rel, reason: generated });
        continue;
      }
      texts.set(file, text);
      if (typeInfo && needsTypeInfo(text, configNeedsTypes)) typed.push(file);
    }
    const program = typed.length ? loaded.createProgram([...typed, ...declarationFiles], texts) : undefined;
    const checker = program?.getTypeChecker();
    const verbatimCjs = compilerOptions.verbatimModuleSyntax === true;

    let done = 0;
    for (const [file, text] of texts) {
      done++;
      if (done % 50 === 0 || done === texts.size) options.onProgress?.({ phase: 'analyse', done, total: texts.size, project: relConfig });
      const rel = toPosix(path.relative(root, file));
      const sf = program?.getSourceFile(file) ?? parseSourceFile(file, text, compilerOptions);
      filesAnalysed++;
      const ctx = createFileContext(sf, program?.getSourceFile(file) ? checker : undefined, { legacy, definedFields });
      let analysis: FileAnalysis;
      try {
        analysis = analyseFile(ctx, config, rel);
      } catch (error) {
        // One file the analysis cannot handle must not stop the run; it is listed and left unchanged.
        skippedFiles.push({ file: rel, reason: `not analysed: ${(error as Error).message}` });
        continue;
      }
      analyses.push(analysis);
      const cjs = compilerOptions.module === ts.ModuleKind.CommonJS || sf.impliedNodeFormat === ts.ModuleKind.CommonJS || /\.cts$/.test(rel);
      let edits;
      if (removeMode) {
        const { edits: removeEdits, removed } = planRemoveEdits(ctx, analysis.decisions);
        edits = removeEdits;
        for (const d of analysis.decisions) {
          if (removed.includes(d)) members.push({ ...d.report, action: 'removed', reason: 'written by the codemod' });
          else if (d.report.action === 'present') {
            members.push({ ...d.report, reason: d.existing ? 'left alone: not written the way the codemod writes it (it has other arguments)' : `left alone: ${d.report.reason}` });
          }
        }
      } else {
        if (!isModule(sf, compilerOptions)) keepScriptGlobal(analysis);
        edits = planAddEdits(ctx, analysis.decisions, verbatimCjs && cjs ? 'require' : 'esm');
        members.push(...analysis.decisions.map((d) => d.report), ...analysis.extraReports);
      }
      if (edits.length) {
        const after = applyEdits(text, edits);
        if (after !== text) {
          changes.push({ path: file, diffPath: toPosix(path.relative(diffRoot, file)), before: text, after });
          const list = changedByTsconfig.get(tsconfig) ?? [];
          list.push(file);
          changedByTsconfig.set(tsconfig, list);
        }
      }
    }
  }

  if (!removeMode) addSiblingReports(analyses, members);
  for (const f of discovered.sources) {
    if (claimed.has(f)) continue;
    const rel = toPosix(path.relative(root, f));
    skippedFiles.push({ file: rel, reason: fileSkipReason(rel, undefined, [], f) ?? 'outside every tsconfig program' });
  }

  let verify: VerifyReport | undefined;
  if (options.verify) {
    verify = { typescript: '', typescriptSource: 'project', newErrors: [] };
    const changeMap = new Map(changes.map((c) => [c.path, c.after]));
    const entries = [...changedByTsconfig];
    entries.forEach(([tsconfig], i) => {
      const r = verifyChanges(path.dirname(tsconfig), [tsconfig], changeMap, root, () =>
        options.onProgress?.({ phase: 'verify', done: i, total: entries.length, project: toPosix(path.relative(root, tsconfig)) }),
      );
      verify!.typescript ||= r.typescript;
      if (r.typescriptSource === 'bundled') verify!.typescriptSource = 'bundled';
      verify!.newErrors.push(...r.newErrors);
    });
    if (!verify.typescript) {
      const fallback = verifyChanges(root, [], changeMap, root);
      verify.typescript = fallback.typescript;
      verify.typescriptSource = fallback.typescriptSource;
    }
  }

  const wantsWrite = options.write === true;
  let written = false;
  if (wantsWrite && changes.length) {
    let blocked = false;
    if (verify?.newErrors.length && !options.force) {
      blocked = true;
      refusals.push(`agent-trace: --verify found ${verify.newErrors.length} new type error(s) after the edit; nothing was written. Fix them (or the config), or pass --force to write anyway.`);
    }
    if (gitTop && !options.allowDirty) {
      const dirty = uncommittedChanges(gitTop, changes.map((c) => c.path));
      if (dirty.length) {
        blocked = true;
        refusals.push(`agent-trace: the git work tree at ${gitTop} has uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', ...' : ''}); commit or stash them so the codemod's edit can be reviewed and reverted on its own, or pass --allow-dirty.`);
      }
    }
    if (!blocked) {
      for (const c of changes) writeFileSync(c.path, c.after);
      written = true;
    }
  }

  members.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  skippedFiles.sort((a, b) => a.file.localeCompare(b.file));
  const counts = {
    files: filesAnalysed,
    filesChanged: changes.length,
    added: members.filter((m) => m.action === 'added').length,
    present: members.filter((m) => m.action === 'present').length,
    skipped: members.filter((m) => m.action === 'skipped').length,
    removed: members.filter((m) => m.action === 'removed').length,
  };
  const mode: CodemodResult['mode'] = removeMode ? (wantsWrite ? 'remove' : 'remove-dry-run') : wantsWrite ? 'write' : 'dry-run';
  const result: CodemodResult = {
    mode,
    root,
    diff: changes.map((c) => unifiedDiff(c.diffPath, c.before, c.after)).join(''),
    changes,
    members,
    projects,
    skippedFiles,
    ...(verify ? { verify } : {}),
    written,
    refusals,
    counts,
    summary: '',
  };
  result.summary = summarize(result);
  return result;
}

function addSiblingReports(analyses: readonly FileAnalysis[], members: MemberReport[]): void {
  const targets = new Map<string, { at: string; decorator: string }>();
  for (const a of analyses) {
    for (const t of a.targets) for (const h of t.heritage) targets.set(`${h}\0${t.member}`, { at: `${t.className}.${t.member}()`, decorator: t.decorator });
  }
  if (!targets.size) return;
  for (const a of analyses) {
    for (const c of a.siblingCandidates) {
      for (const h of c.heritage) {
        const sibling = targets.get(`${h}\0${c.report.member}`);
        if (!sibling) continue;
        const what = sibling.decorator === 'aiCall' ? 'makes no model call itself' : `matches no rule itself (${c.report.className} is no agent, environment or tool)`;
        members.push({ ...c.report, reason: `shares ${h}.${c.report.member}() with ${sibling.at}, which gets @${sibling.decorator}, but ${what}` });
        break;
      }
    }
  }
}

function summarize(r: CodemodResult): string {
  const byDecorator = new Map<string, number>();
  for (const m of r.members) if ((m.action === 'added' || m.action === 'removed') && m.decorator) byDecorator.set(m.decorator, (byDecorator.get(m.decorator) ?? 0) + 1);
  const detail = DECORATOR_NAMES.filter((d) => byDecorator.has(d)).map((d) => `${byDecorator.get(d)} @${d}`).join(', ');
  const c = r.counts;
  const removing = r.mode === 'remove' || r.mode === 'remove-dry-run';
  const n = removing ? c.removed : c.added;
  const applied = r.written || ((r.mode === 'write' || r.mode === 'remove') && !c.filesChanged);
  const verb = removing ? (applied ? 'removed' : 'would remove') : applied ? 'added' : 'would add';
  const prep = removing ? 'from' : 'to';
  let s = `agent-trace codemod: ${verb} ${n} decorator${n === 1 ? '' : 's'}${detail ? ` (${detail})` : ''} ${prep} ${c.filesChanged} of ${c.files} files; ${c.present} already present, ${c.skipped} skipped`;
  if (r.verify) s += `; verify (TypeScript ${r.verify.typescript}${r.verify.typescriptSource === 'bundled' ? ', bundled with ts-morph: the project has none' : ''}): ${r.verify.newErrors.length} new error${r.verify.newErrors.length === 1 ? '' : 's'}`;
  if (!r.written && (r.mode === 'dry-run' || r.mode === 'remove-dry-run') && c.filesChanged) s += '. Dry run: nothing written (use --write)';
  if (!r.written && (r.mode === 'write' || r.mode === 'remove') && c.filesChanged) s += '. Nothing written';
  return `${s}.`;
}

/** True when the file is a module; a script (no import or export) shares its declarations with every file. */
function isModule(sf: ts.SourceFile, options: ts.CompilerOptions): boolean {
  return ts.isExternalModule(sf) || /\.[mc][tj]s$/.test(sf.fileName) || options.moduleDetection === ts.ModuleDetectionKind.Force;
}

/** In a script, an import of agent-trace would make it a module and hide its declarations from the other files: nothing is added there. */
function keepScriptGlobal(analysis: FileAnalysis): void {
  for (const decision of analysis.decisions) {
    if (decision.report.action !== 'added') continue;
    decision.report = {
      ...decision.report,
      action: 'skipped',
      rule: 'skip/script-file',
      reason: `the file is a script (no import or export), so its declarations are global: importing agent-trace would make it a module and hide them from the other files; make it a module first (would get @${decision.report.decorator}: ${decision.report.reason})`,
    };
  }
}
