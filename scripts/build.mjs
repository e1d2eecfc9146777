// Builds everything the tests, the demo and the package need:
//   dist/esm, dist/cjs          the package (ESM and CommonJS), with types
//   build/                      src + tests + demo + benchmarks, tsc with Stage-3 decorators
//   build-legacy/               the decorator conformance tests, tsc with experimentalDecorators
//   build-esbuild/{stage3,legacy}  the same conformance tests compiled by esbuild
// `--quick` builds only build/ (demo and benchmarks need nothing else).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function run(label, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.error(`build: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

for (const dir of quick ? ['build'] : ['build', 'build-legacy', 'build-esbuild', 'dist']) rmSync(join(root, dir), { recursive: true, force: true });

run('tests, demo and benchmarks (tsc, Stage-3 decorators)', [tsc, '-p', 'tsconfig.json']);
if (quick) process.exit(0);
run('package, ESM (tsc)', [tsc, '-p', 'tsconfig.esm.json']);
run('package, CommonJS (tsc)', [tsc, '-p', 'tsconfig.cjs.json']);
writeFileSync(join(root, 'dist', 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
chmodSync(join(root, 'dist', 'esm', 'src', 'cli', 'main.js'), 0o755);
run('conformance tests (tsc, legacy decorators)', [tsc, '-p', 'test/conformance/tsconfig.legacy.json']);

const { build } = await import('esbuild');
for (const standard of ['stage3', 'legacy']) {
  const outdir = join(root, 'build-esbuild', standard);
  mkdirSync(outdir, { recursive: true });
  const entryPoints = ['test/conformance/decorators.test.ts'];
  if (standard === 'stage3') entryPoints.push('test/conformance/stage3-members.test.ts');
  const started = Date.now();
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: standard === 'legacy', useDefineForClassFields: standard !== 'legacy' } },
  });
  console.error(`build: conformance tests (esbuild, ${standard} decorators) (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
