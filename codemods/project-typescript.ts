import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ts as bundledTs } from 'ts-morph';

/**
 * The TypeScript a project compiles with: resolved from the project directory, or ts-morph's own.
 *
 * @example
 * const { ts, version, source } = loadProjectTypeScript('/repo');
 */
export interface ProjectTypeScript {
  ts: typeof bundledTs;
  version: string;
  source: 'project' | 'bundled';
}

const cache = new Map<string, ProjectTypeScript>();

/** Resolves `typescript` from `dir` (as the project's own scripts would), falling back to ts-morph's bundled one. */
export function loadProjectTypeScript(dir: string): ProjectTypeScript {
  let resolved: string | undefined;
  try {
    resolved = createRequire(path.join(dir, 'noop.js')).resolve('typescript');
  } catch {
    resolved = undefined;
  }
  if (!resolved) return { ts: bundledTs, version: bundledTs.version, source: 'bundled' };
  const hit = cache.get(resolved);
  if (hit) return hit;
  let version = 'unknown';
  try {
    const pkgDir = resolved.slice(0, resolved.lastIndexOf(`${path.sep}lib${path.sep}`));
    version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // the version stays unknown; the module itself still tells us
  }
  let result: ProjectTypeScript;
  try {
    const mod = createRequire(path.join(dir, 'noop.js'))('typescript') as typeof bundledTs;
    result = { ts: mod, version: mod.version ?? version, source: 'project' };
  } catch {
    result = { ts: bundledTs, version: bundledTs.version, source: 'bundled' };
  }
  cache.set(resolved, result);
  return result;
}

/** The major version of a TypeScript version string (0 when unknown). */
export function majorVersion(version: string): number {
  const m = /^(\d+)\./.exec(version);
  return m ? Number(m[1]) : 0;
}

/** The version of `typescript` installed for `dir`, without loading it; undefined when none is. */
export function installedTypeScriptVersion(dir: string): string | undefined {
  try {
    const pkg = createRequire(path.join(dir, 'noop.js')).resolve('typescript/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}
