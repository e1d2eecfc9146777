// Builds, then runs every compiled test file with node's test runner:
// build/ (tsc, Stage-3), build-legacy/ (tsc, legacy decorators) and build-esbuild/ (esbuild, both standards).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function testFiles(dir) {
  const found = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (entry.endsWith('.test.js')) found.push(relative(root, path));
  }
  return found;
}

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = [...testFiles(join(root, 'build', 'test')), ...testFiles(join(root, 'build-legacy', 'test')), ...testFiles(join(root, 'build-esbuild'))].filter(
  (file) => only.length === 0 || only.some((part) => file.includes(part)),
).sort();
if (files.length === 0) {
  console.error('test: no test files found');
  process.exit(1);
}
// The spec reporter for people, TAP to a file for the closing summary line (the spec reporter
// ends with the details of failures, not with its counts).
const tap = join(root, 'build', 'test-results.tap');
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AGENT_TRACE_DIR: process.env.AGENT_TRACE_DIR ?? join(root, 'build', 'traces') },
});
let counts = {};
try {
  for (const [, name, value] of readFileSync(tap, 'utf8').matchAll(/^# (pass|fail|skipped|todo|cancelled) (\d+)$/gm)) counts[name] = Number(value);
} catch {
  counts = {};
}
console.log(`summary: ${counts.pass ?? 0} passed, ${(counts.fail ?? 0) + (counts.cancelled ?? 0)} failed, ${(counts.skipped ?? 0) + (counts.todo ?? 0)} skipped`);
process.exit(result.status ?? 1);
