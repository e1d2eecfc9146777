import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is compiled to build/test/codemods/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURES_DIR = path.join(REPO_ROOT, 'codemods', 'fixtures');
export const REPO_FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'codemods', 'fixtures', 'agent-repo');

const DEFAULT_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: ['node'] },
  include: ['src'],
};

/** Names of the fixture cases (directories with an input.ts). */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES_DIR).filter((d) => existsSync(path.join(FIXTURES_DIR, d, 'input.ts'))).sort();
}

/**
 * Links every installed package of this repository into `dir/node_modules` (so the fixture sees
 * the real openai, @anthropic-ai/sdk, typescript...), and `agent-trace` itself when `withSelf`.
 */
export function linkNodeModules(dir: string, withSelf: boolean): void {
  const target = path.join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  const source = path.join(REPO_ROOT, 'node_modules');
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('.')) continue;
    symlinkSync(path.join(source, entry), path.join(target, entry), 'dir');
  }
  if (withSelf) symlinkSync(REPO_ROOT.replace(/\/$/, ''), path.join(target, 'agent-trace'), 'dir');
}

/** A temp project holding one fixture case as src/input.ts, with its tsconfig and codemod config. */
export function prepareFixture(name: string, source?: string): { dir: string; file: string; cleanup: () => void } {
  const caseDir = path.join(FIXTURES_DIR, name);
  const dir = mkdtempSync(path.join(tmpdir(), `agent-trace-codemod-${name}-`));
  mkdirSync(path.join(dir, 'src'));
  const tsconfig = path.join(caseDir, 'tsconfig.json');
  if (existsSync(tsconfig)) cpSync(tsconfig, path.join(dir, 'tsconfig.json'));
  else writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(DEFAULT_TSCONFIG, null, 2));
  const config = path.join(caseDir, 'codemod.json');
  if (existsSync(config)) cpSync(config, path.join(dir, 'agent-trace.codemod.json'));
  const file = path.join(dir, 'src', 'input.ts');
  writeFileSync(file, source ?? readFileSync(path.join(caseDir, 'input.ts'), 'utf8'));
  linkNodeModules(dir, false);
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads a fixture file of a case ('input.ts', 'output.ts', 'report.txt'); undefined when missing. */
export function fixtureFile(name: string, file: string): string | undefined {
  const p = path.join(FIXTURES_DIR, name, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}
