import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

/** Directories never walked: dependencies, VCS data, build output. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache', 'tmp']);
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

/**
 * The tsconfig files and TypeScript sources under a root, found by walking it.
 *
 * @example
 * const { tsconfigs, sources } = discoverProject('/repo');
 */
export interface DiscoveredProject {
  /** Absolute tsconfig paths, deepest first, so a package's own tsconfig claims its files before a root one. */
  tsconfigs: string[];
  /** Absolute paths of every .ts/.tsx/.mts/.cts file outside skipped directories. */
  sources: string[];
}

/** Walks `root` for `tsconfig.json` files (plus the ones their `references` name) and TypeScript sources. */
export function discoverProject(root: string): DiscoveredProject {
  const tsconfigs = new Set<string>();
  const sources: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full);
      } else if (e.isFile()) {
        if (e.name === 'tsconfig.json') tsconfigs.add(full);
        else if (SOURCE_FILE.test(e.name)) sources.push(full);
      }
    }
  };
  walk(root);
  const queue = [...tsconfigs];
  while (queue.length) {
    const config = queue.shift()!;
    for (const ref of readReferences(config)) {
      let target = path.resolve(path.dirname(config), ref);
      try {
        if (statSync(target).isDirectory()) target = path.join(target, 'tsconfig.json');
        statSync(target);
      } catch {
        continue;
      }
      if (!tsconfigs.has(target) && target.startsWith(root)) {
        tsconfigs.add(target);
        queue.push(target);
      }
    }
  }
  const depth = (p: string): number => p.split(path.sep).length;
  return { tsconfigs: [...tsconfigs].sort((a, b) => depth(b) - depth(a) || a.localeCompare(b)), sources: sources.sort() };
}

function readReferences(tsconfig: string): string[] {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile) as { config?: { references?: { path?: unknown }[] } };
  return (config?.references ?? []).map((r) => r.path).filter((p): p is string => typeof p === 'string');
}

const TEST_FILE = /\.(test|spec|e2e|bench)\.[cm]?tsx?$/;
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'spec', 'fixtures', '__fixtures__']);
const GENERATED_FILE = /\.(generated|gen|pb)\.[cm]?tsx?$/;
const GENERATED_DIRS = new Set(['generated', '__generated__']);
const BUILD_DIRS = new Set(['dist', 'build', 'out', 'coverage', 'node_modules']);
const GENERATED_HEADER = /^\s*(?:\/\/|\/\*+|\*)[^\n]*(?:@generated|auto-?generated|do not edit)/im;

/**
 * Why a file is left alone, or undefined when it is a source file to instrument.
 *
 * @example
 * fileSkipReason('src/agent.test.ts', '...', []); // 'test file'
 */
export function fileSkipReason(relative: string, text: string | undefined, outDirs: readonly string[], absolute: string): string | undefined {
  if (/\.d\.[cm]?ts$/.test(relative) || /\.d\.[^.]+\.ts$/.test(relative)) return 'declaration file (.d.ts)';
  if (!SOURCE_FILE.test(relative)) return 'not a TypeScript file';
  const segments = relative.split('/');
  const dirs = segments.slice(0, -1);
  if (dirs.some((d) => BUILD_DIRS.has(d)) || outDirs.some((o) => absolute.startsWith(o + path.sep))) return 'build output';
  if (TEST_FILE.test(relative) || dirs.some((d) => TEST_DIRS.has(d))) return 'test file';
  if (GENERATED_FILE.test(relative) || dirs.some((d) => GENERATED_DIRS.has(d))) return 'generated file';
  if (text !== undefined && GENERATED_HEADER.test(text.slice(0, 400))) return 'generated file (header says so)';
  return undefined;
}
