import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Environment variables that change agent-trace's behaviour: removed from every child unless set on purpose. */
const TRACE_VARIABLES = /^(AGENT_TRACE_|SYNTH_|OTEL_)|^TRACING_ENABLED$/;

/** Options of one benchmark child process. */
export interface ChildOptions {
  /** Extra environment for the child (merged over a copy of ours without AGENT_TRACE_* and friends). */
  env?: Record<string, string>;
  /** Arguments after the script path. */
  args?: string[];
  /** Node flags, e.g. `--expose-gc`. */
  nodeFlags?: string[];
  /** Kill the child after this long. Default 5 minutes. */
  timeoutMs?: number;
  /** Forward the child's stderr (progress lines) to ours. Default true. */
  forwardStderr?: boolean;
}

/** A failed child: the message says which script, how it ended and the end of its stderr. */
export class ChildFailed extends Error {}

let tempDir: string | undefined;

/**
 * Runs `node [flags] script [args]` in a fresh process and returns the JSON value the script
 * passed to `emitResult`. Each case that needs a clean process (load-time configuration, no
 * AsyncLocalStorage, heap measurements) runs this way.
 */
export function runChild<T>(script: string, options: ChildOptions = {}): Promise<T> {
  tempDir ??= mkdtempSync(join(tmpdir(), 'agent-trace-bench-'));
  const resultFile = join(tempDir, `result-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !TRACE_VARIABLES.test(key)) env[key] = value;
  Object.assign(env, options.env ?? {}, { BENCH_RESULT_FILE: resultFile });
  const timeoutMs = options.timeoutMs ?? 300_000;
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), script, ...(options.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.forwardStderr !== false) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let text: string | undefined;
      try {
        text = readFileSync(resultFile, 'utf8');
        rmSync(resultFile, { force: true });
      } catch {
        text = undefined;
      }
      if (code === 0 && text !== undefined) {
        try {
          resolve(JSON.parse(text) as T);
          return;
        } catch (error) {
          reject(new ChildFailed(`${script}: result is not JSON (${String(error)})`));
          return;
        }
      }
      const how = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` (timeout ${timeoutMs} ms?)` : ''}` : `exit code ${code}`;
      const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
      reject(new ChildFailed(`${script} ${(options.args ?? []).join(' ')}: ${how}${text === undefined ? ', no result' : ''}\n${tail}`));
    });
  });
}

/** Removes the temporary directory of result files. */
export function cleanupChildren(): void {
  if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

/** In a child: hands `value` (plain JSON) back to `runChild`; printed when run by hand. */
export function emitResult(value: unknown): void {
  const file = process.env.BENCH_RESULT_FILE;
  const text = JSON.stringify(value, null, 2);
  if (file) writeFileSync(file, text);
  else process.stdout.write(`${text}\n`);
}

/** True when the module at `fileUrl` (its `import.meta.url`) is the process's entry script. */
export function isEntry(fileUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && fileUrl === pathToFileURL(entry).href;
}

/** A progress line on stderr (stdout stays clean). */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
