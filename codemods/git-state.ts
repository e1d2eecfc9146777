import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The top level of the git work tree that holds `dir`, or undefined outside git (or without git).
 *
 * @example
 * gitTopLevel('/repo/packages/a'); // '/repo'
 */
export function gitTopLevel(dir: string): string | undefined {
  try {
    const out = execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return path.resolve(out.trim());
  } catch {
    return undefined;
  }
}

/**
 * Uncommitted changes that make writing unsafe: every modified, added or deleted tracked file,
 * and those of `willWrite` that git does not track (their old text could not be restored).
 *
 * @example
 * uncommittedChanges('/repo', ['/repo/src/agent.ts']); // ['src/other.ts (M)']
 */
export function uncommittedChanges(topLevel: string, willWrite: readonly string[]): string[] {
  const out = execFileSync('git', ['-C', topLevel, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const targets = new Set(willWrite.map((f) => path.relative(topLevel, f).split(path.sep).join('/')));
  const dirty: string[] = [];
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    if (status[0] === 'R' || status[0] === 'C') i++;
    if (status === '!!') continue;
    if (status === '??') {
      if (targets.has(file)) dirty.push(`${file} (untracked)`);
      continue;
    }
    dirty.push(`${file} (${status.trim()})`);
  }
  return dirty;
}
