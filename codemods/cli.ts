import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AgentTraceError } from '../src/errors.js';
import { runCodemod } from './run-codemod.js';
import type { CodemodOptions, CodemodResult, ProgressEvent } from './types.js';

/** Streams and directory the command uses; defaults to the process's. */
export interface CodemodIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
}

export const CODEMOD_HELP = `Usage: agent-trace codemod [dir] [options]

Adds @aiCall, @environmentStep, @runtimeOperation and @traceSpan to the classes of a
TypeScript project (every tsconfig.json under dir, default: the current directory).
Without --write it changes nothing and prints a unified diff that \`git apply\` accepts.

Options:
  --write           apply the edit (refused in a git work tree with uncommitted changes)
  --check           change nothing; exit 1 when something would be added (for CI)
  --remove          take out the decorators the codemod added (with --write: apply)
  --report <file>   write a JSON report: per class member added/present/skipped, why, which rule
  --include <glob>  only files matching (repeatable; relative to dir)
  --exclude <glob>  leave files matching alone (repeatable)
  --config <file>   JSON rules by class, method, base type or called API
                    (default: agent-trace.codemod.json in dir when present)
  --verify          type-check the edited project (in memory for a dry run) with the
                    project's own TypeScript and report new errors; with --write, write
                    nothing when there are any
  --allow-dirty     write even when the git work tree has uncommitted changes
  --force           edit projects on TypeScript < 5.0; write despite --verify errors
  --no-types        skip the type checker (faster, syntax only)
  --quiet           no progress, no diff; only the summary line
  -h, --help        show this help

Exit codes: 0 done, 1 --check found work or something was refused, 2 bad usage.
`;

/**
 * Runs `agent-trace codemod` with the given arguments and returns the exit code.
 *
 * @example
 * const code = await codemodCommand(['packages', '--write', '--report', 'codemod.json']);
 * process.exitCode = code;
 */
export async function codemodCommand(argv: string[], io?: Partial<CodemodIo>): Promise<number> {
  const stdout = io?.stdout ?? process.stdout;
  const stderr = io?.stderr ?? process.stderr;
  const cwd = io?.cwd ?? process.cwd();
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        remove: { type: 'boolean' },
        report: { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        config: { type: 'string' },
        verify: { type: 'boolean' },
        'allow-dirty': { type: 'boolean' },
        force: { type: 'boolean' },
        'no-types': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    stderr.write(`agent-trace: ${(error as Error).message}\n\n${CODEMOD_HELP}`);
    return 2;
  }
  if (values.help) {
    stdout.write(CODEMOD_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    stderr.write(`agent-trace: codemod takes one directory, got ${positionals.length}: ${positionals.join(' ')}\n`);
    return 2;
  }
  if (values.check && values.write) {
    stderr.write('agent-trace: --check and --write exclude each other; --check only reports.\n');
    return 2;
  }
  const quiet = values.quiet === true;
  const progress = progressPrinter(stderr, quiet);
  const options: CodemodOptions = {
    dir: path.resolve(cwd, positionals[0] ?? '.'),
    write: values.write === true,
    remove: values.remove === true,
    include: (values.include as string[] | undefined) ?? [],
    exclude: (values.exclude as string[] | undefined) ?? [],
    ...(values.config ? { config: path.resolve(cwd, values.config as string) } : {}),
    verify: values.verify === true,
    allowDirty: values['allow-dirty'] === true,
    force: values.force === true,
    typeInfo: values['no-types'] !== true,
    onProgress: progress.onProgress,
  };
  let result: CodemodResult;
  try {
    result = await runCodemod(options);
  } catch (error) {
    progress.end();
    if (error instanceof AgentTraceError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    progress.end();
  }

  if (values.report) {
    const report = JSON.stringify(reportJson(result), null, 2) + '\n';
    if (values.report === '-') stdout.write(report);
    else writeFileSync(path.resolve(cwd, values.report as string), report);
  }
  const dryRun = !result.written && !values.write;
  if (values.check) {
    if (!quiet) {
      for (const m of result.members) {
        if (m.action === 'added' || m.action === 'removed') stdout.write(`${m.file}:${m.line} ${m.className}.${m.member}: ${m.action === 'added' ? 'needs' : 'would lose'} @${m.decorator} (${m.rule}: ${m.reason})\n`);
      }
    }
  } else if (dryRun && !quiet && values.report !== '-') {
    stdout.write(result.diff);
  }
  if (result.verify) {
    for (const e of result.verify.newErrors) stderr.write(`${e.file}:${e.line}:${e.column} - error TS${e.code}: ${e.message}\n`);
  }
  for (const r of result.refusals) stderr.write(`${r}\n`);
  stderr.write(`${result.summary}\n`);
  if (result.refusals.length) return 1;
  if (result.verify?.newErrors.length) return 1;
  if (values.check && (result.counts.added > 0 || result.counts.removed > 0)) return 1;
  return 0;
}

/** The JSON written by --report. */
export function reportJson(result: CodemodResult): Record<string, unknown> {
  return {
    version: 1,
    mode: result.mode,
    root: result.root,
    summary: result.summary,
    counts: result.counts,
    projects: result.projects,
    members: result.members,
    skippedFiles: result.skippedFiles,
    ...(result.verify ? { verify: result.verify } : {}),
    refusals: result.refusals,
  };
}

function progressPrinter(stderr: CodemodIo['stderr'], quiet: boolean): { onProgress: (e: ProgressEvent) => void; end: () => void } {
  const tty = stderr.isTTY === true;
  let open = false;
  let lastDecile = -1;
  return {
    onProgress(e) {
      if (quiet || e.total < 200) return;
      const line = `agent-trace codemod: ${e.phase === 'verify' ? 'verifying' : 'analysing'} ${e.project} ${e.done}/${e.total} files`;
      if (tty) {
        stderr.write(`\r${line}\x1b[K`);
        open = true;
        return;
      }
      const decile = Math.floor((e.done / e.total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stderr.write(`${line}\n`);
      }
    },
    end() {
      if (open) stderr.write('\r\x1b[K');
      open = false;
    },
  };
}
