import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCodemod } from '../../codemods/index.js';
import { FIXTURES_DIR, REPO_FIXTURE_DIR, REPO_ROOT, fixtureCases, fixtureFile, linkNodeModules, prepareFixture } from './support/fixture-project.js';

const PACKAGES = ['agents', 'envs', 'tools'];

/**
 * Builds agent-trace's dist/ (what `node_modules/agent-trace` resolves to) when it is not there.
 * `npm test` builds dist/ first, and other test files read it while this one runs, so an existing
 * dist/ is used as it is; AGENT_TRACE_TEST_DIST=rebuild forces a build (after editing src/ by hand).
 */
function buildAgentTrace(): void {
  const present = ['esm', 'cjs'].every((f) => existsSync(path.join(REPO_ROOT, 'dist', f, 'src', 'index.js')));
  if (present && process.env.AGENT_TRACE_TEST_DIST !== 'rebuild') return;
  const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const config of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
    try {
      execFileSync(process.execPath, [tsc, '-p', config], { cwd: REPO_ROOT, stdio: 'pipe' });
    } catch {
      // tsc emits despite errors elsewhere in the tree; the fixture's own type-check below is the judge
    }
  }
  writeFileSync(path.join(REPO_ROOT, 'dist', 'cjs', 'package.json'), '{"type":"commonjs"}\n');
}

function run(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    // Without NODE_TEST_CONTEXT: the fixture's `node --test` must report on its own, not to this runner.
    const { NODE_TEST_CONTEXT: _ignored, ...parentEnv } = process.env;
    return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...parentEnv, ...env } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Type-checks and builds each package with the repository's own TypeScript, then runs its node:test suite. */
function checkAndTest(dir: string): void {
  const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const p of PACKAGES) {
    run(dir, [tsc, '-p', `packages/${p}/tsconfig.json`]);
    const out = run(dir, ['--test', `packages/${p}/dist/test/`], { AGENT_TRACE_EXPORTERS: 'none', AGENT_TRACE_DIR: path.join(dir, 'traces') });
    assert.match(out, /# fail 0/, `tests of ${p} failed:\n${out}`);
    assert.doesNotMatch(out, /# pass 0\b/);
  }
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=codemod@test', '-c', 'user.name=codemod', ...args], { cwd: dir, encoding: 'utf8' });
}

function lines(file: string): string {
  return readFileSync(path.join(REPO_FIXTURE_DIR, file), 'utf8');
}

let built = false;
function buildOnce(): void {
  if (!built) buildAgentTrace();
  built = true;
}

describe('runCodemod on a multi-package agent repository', () => {
  let dir = '';

  before(() => {
    buildOnce();
    dir = mkdtempSync(path.join(tmpdir(), 'agent-trace-repo-'));
    cpSync(REPO_FIXTURE_DIR, dir, { recursive: true });
    rmSync(path.join(dir, 'expected-report.txt'));
    rmSync(path.join(dir, 'expected-skipped-files.txt'));
    linkNodeModules(dir, true);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'fixture');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks and passes its own tests before the codemod', () => {
    checkAndTest(dir);
  });

  it('adds the expected decorators in every package and verifies the edit', async () => {
    const result = await runCodemod({ dir, write: true, verify: true });
    assert.deepEqual(result.verify?.newErrors, [], JSON.stringify(result.verify?.newErrors, null, 2));
    assert.deepEqual(result.refusals, []);
    assert.equal(result.written, true);
    const report = result.members.map((m) => `${m.file} ${m.className}.${m.member} ${m.action}${m.decorator ? ` @${m.decorator}` : ''} ${m.rule}\n`).join('');
    assert.equal(report, lines('expected-report.txt'));
    assert.equal(result.skippedFiles.map((f) => `${f.file}: ${f.reason}\n`).join(''), lines('expected-skipped-files.txt'));
    assert.deepEqual(result.verify?.newErrors, []);
    assert.equal(result.verify?.typescriptSource, 'project');
    assert.deepEqual(result.projects.map((p) => `${p.tsconfig} ${p.decorators}`), [
      'packages/agents/tsconfig.json stage3', 'packages/envs/tsconfig.json stage3', 'packages/tools/tsconfig.json legacy', 'tsconfig.json stage3',
    ]);
    const changed = git(dir, 'status', '--porcelain').split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    assert.deepEqual(changed, [
      'packages/agents/src/policies.ts', 'packages/agents/src/research-agent.ts', 'packages/envs/src/bandit.ts',
      'packages/envs/src/grid-world.ts', 'packages/tools/src/calculator.ts', 'packages/tools/src/file-tools.ts', 'packages/tools/src/shell-agent.ts',
    ]);
    const gridWorld = readFileSync(path.join(dir, 'packages/envs/src/grid-world.ts'), 'utf8');
    assert.match(gridWorld, /^import { environmentStep } from "agent-trace"\n/m, 'import in the file\'s style: double quotes, no semicolon');
    assert.match(gridWorld, /\n\t@environmentStep\(\)\n\tstep\(action: number\)/, 'decorator at the tab indentation');
  });

  it('type-checks and passes its own tests after the codemod, with the real agent-trace', () => {
    checkAndTest(dir);
  });

  it('leaves the built classes instrumented as the report says, in the ESM, CommonJS and legacy packages', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { getInstrumentation } from 'agent-trace';
      const require = createRequire(${JSON.stringify(path.join(dir, 'noop.js'))});
      const modules = [
        await import(${JSON.stringify(pathToFileURL(path.join(dir, 'packages/agents/dist/src/index.js')).href)}),
        require('./packages/envs/dist/src/index.js'),
        await import(${JSON.stringify(pathToFileURL(path.join(dir, 'packages/tools/dist/src/index.js')).href)}),
      ];
      const out = {};
      for (const mod of modules) for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== 'function') continue;
        const entries = getInstrumentation(value).map((e) => e.member + ':' + e.kind).sort();
        if (entries.length) out[name] = entries;
      }
      process.stdout.write(JSON.stringify(out));`;
    const out = JSON.parse(run(dir, ['--input-type=module', '-e', script])) as Record<string, string[]>;
    assert.deepEqual(out, {
      ResearchAgent: ['decide:cais', 'fetchSource:runtime', 'run:span'],
      LlmPolicy: ['act:cais'],
      GridWorld: ['reset:environment', 'step:environment'],
      TwoArmedBandit: ['reset:environment', 'step:environment'],
      FileTools: ['readNote:runtime', 'writeNote:runtime'],
      Calculator: ['add:runtime'],
      ShellAgent: ['execute:runtime', 'run:span'],
    });
  });

  it('changes nothing on a second run', async () => {
    const result = await runCodemod({ dir, allowDirty: true, write: true });
    assert.equal(result.counts.added, 0);
    assert.equal(result.counts.present, 13);
    assert.equal(result.diff, '');
  });

  it('refuses to write into the now dirty work tree without allow-dirty', async () => {
    rmSync(path.join(dir, 'packages/agents/src/policies.ts'));
    git(dir, 'checkout', '--', 'packages/agents/src/policies.ts');
    const result = await runCodemod({ dir, write: true });
    assert.equal(result.written, false);
    assert.match(result.refusals.join('\n'), /uncommitted changes .*--allow-dirty/);
    assert.equal(result.counts.added, 1);
  });

  it('takes out exactly what it added with remove', async () => {
    const result = await runCodemod({ dir, write: true, remove: true, allowDirty: true });
    assert.equal(result.counts.removed, 12);
    assert.equal(git(dir, 'status', '--porcelain'), '');
  });
});

describe('codemod fixture outputs', () => {
  // Each fixture's output.ts compiles against the real agent-trace, in the fixture's decorator mode and module system.
  it('type-check with the real agent-trace under stage-3, legacy and CommonJS settings', () => {
    buildOnce();
    const groups = new Map<string, string[]>();
    for (const name of fixtureCases()) {
      if (name === 'ai-call-providers') continue; // imports @langchain/openai, which is not installed here
      const key = existsSync(path.join(FIXTURES_DIR, name, 'tsconfig.json')) ? name : 'default';
      groups.set(key, [...(groups.get(key) ?? []), name]);
    }
    assert.deepEqual([...groups.keys()].sort(), ['commonjs', 'default', 'legacy-decorators']);
    for (const [group, names] of groups) {
      const fx = prepareFixture(names[0]!);
      try {
        symlinkSync(REPO_ROOT.replace(/\/$/, ''), path.join(fx.dir, 'node_modules', 'agent-trace'), 'dir');
        writeFileSync(path.join(fx.dir, 'package.json'), JSON.stringify({ type: group === 'commonjs' ? 'commonjs' : 'module' }));
        rmSync(fx.file);
        for (const name of names) writeFileSync(path.join(fx.dir, 'src', `${name}.ts`), fixtureFile(name, 'output.ts')!);
        run(fx.dir, [path.join(fx.dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit']);
      } finally {
        fx.cleanup();
      }
    }
  });
});
