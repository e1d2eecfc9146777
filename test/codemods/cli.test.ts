import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { codemodCommand } from '../../codemods/index.js';
import { fixtureFile, prepareFixture } from './support/fixture-project.js';

function capture(): { io: { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean } }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } },
    out: () => out,
    err: () => err,
  };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=codemod@test', '-c', 'user.name=codemod', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('codemodCommand', () => {
  it('prints the help with --help and exits 0', async () => {
    const c = capture();
    assert.equal(await codemodCommand(['--help'], { ...c.io, cwd: '/' }), 0);
    assert.match(c.out(), /Usage: agent-trace codemod \[dir\]/);
    assert.match(c.out(), /--allow-dirty/);
  });

  it('exits 2 with a message when an option is unknown', async () => {
    const c = capture();
    assert.equal(await codemodCommand(['--frobnicate'], { ...c.io, cwd: '/' }), 2);
    assert.match(c.err(), /^agent-trace: .*frobnicate/);
  });

  it('exits 2 when the directory holds no tsconfig', async () => {
    const fx = prepareFixture('trace-span');
    try {
      const empty = path.join(fx.dir, 'empty');
      mkdirSync(empty);
      const c = capture();
      assert.equal(await codemodCommand([empty], { ...c.io, cwd: '/' }), 2);
      assert.match(c.err(), /agent-trace: no tsconfig\.json under .*empty/);
    } finally {
      fx.cleanup();
    }
  });

  it('prints the diff and a summary line on a dry run and changes nothing', async () => {
    const fx = prepareFixture('trace-span');
    try {
      const c = capture();
      assert.equal(await codemodCommand([], { ...c.io, cwd: fx.dir }), 0);
      assert.match(c.out(), /^diff --git a\/src\/input\.ts b\/src\/input\.ts\n/);
      assert.match(c.out(), /\n\+  @traceSpan\(\)\n/);
      assert.match(c.err(), /agent-trace codemod: would add 5 decorators \(1 @aiCall, 4 @traceSpan\) to 1 of 1 files; 0 already present, 0 skipped\. Dry run: nothing written \(use --write\)\./);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('trace-span', 'input.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('exits 1 with --check while decorators are missing, and 0 once they are in', async () => {
    const fx = prepareFixture('runtime-operation');
    try {
      const c = capture();
      assert.equal(await codemodCommand(['.', '--check'], { ...c.io, cwd: fx.dir }), 1);
      assert.match(c.out(), /src\/input\.ts:\d+ SearchTools\.search: needs @runtimeOperation \(runtime-operation\/tool-class/);
      assert.equal(await codemodCommand(['.', '--write'], { ...capture().io, cwd: fx.dir }), 0);
      const after = capture();
      assert.equal(await codemodCommand(['.', '--check'], { ...after.io, cwd: fx.dir }), 0);
      assert.equal(after.out(), '');
    } finally {
      fx.cleanup();
    }
  });

  it('writes a JSON report with every member, its action, rule and reason', async () => {
    const fx = prepareFixture('abstract');
    try {
      assert.equal(await codemodCommand(['--report', 'report.json', '--quiet'], { ...capture().io, cwd: fx.dir }), 0);
      const report = JSON.parse(readFileSync(path.join(fx.dir, 'report.json'), 'utf8')) as { members: Record<string, unknown>[]; counts: Record<string, number> };
      assert.deepEqual(report.counts, { files: 1, filesChanged: 1, added: 2, present: 0, skipped: 2, removed: 0 });
      assert.deepEqual(report.members[0], {
        file: 'src/input.ts', line: 2, className: 'BaseEnvironment', member: 'step', kind: 'method', action: 'skipped',
        decorator: 'environmentStep', rule: 'skip/abstract',
        reason: 'abstract method: no body to wrap; the implementations in subclasses are decorated instead (would get @environmentStep: step() of an environment (environment class BaseEnvironment))',
      });
    } finally {
      fx.cleanup();
    }
  });

  it('honours --include and --exclude globs', async () => {
    const fx = prepareFixture('trace-span');
    try {
      mkdirSync(path.join(fx.dir, 'src', 'legacy'));
      writeFileSync(path.join(fx.dir, 'src', 'legacy', 'old.ts'), fixtureFile('environment-step', 'input.ts')!);
      const excluded = capture();
      await codemodCommand(['--exclude', 'src/legacy/**', '--report', '-'], { ...excluded.io, cwd: fx.dir });
      const report = JSON.parse(excluded.out()) as { members: { file: string }[]; skippedFiles: { file: string; reason: string }[] };
      assert.ok(report.members.every((m) => m.file === 'src/input.ts'));
      assert.deepEqual(report.skippedFiles, [{ file: 'src/legacy/old.ts', reason: 'matched by --exclude' }]);
      const included = capture();
      await codemodCommand(['--include', 'src/legacy/*.ts', '--report', '-'], { ...included.io, cwd: fx.dir });
      const only = JSON.parse(included.out()) as { members: { file: string }[] };
      assert.ok(only.members.length > 0);
      assert.ok(only.members.every((m) => m.file === 'src/legacy/old.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('refuses --write in a git work tree with uncommitted changes unless --allow-dirty', async () => {
    const fx = prepareFixture('tabs');
    try {
      writeFileSync(path.join(fx.dir, '.gitignore'), 'node_modules/\n');
      git(fx.dir, 'init', '-q');
      git(fx.dir, 'add', '-A');
      git(fx.dir, 'commit', '-qm', 'init');
      writeFileSync(path.join(fx.dir, 'tsconfig.json'), readFileSync(path.join(fx.dir, 'tsconfig.json'), 'utf8') + '\n');
      const refused = capture();
      assert.equal(await codemodCommand(['--write'], { ...refused.io, cwd: fx.dir }), 1);
      assert.match(refused.err(), /uncommitted changes \(tsconfig\.json \(M\)\).*--allow-dirty/);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('tabs', 'input.ts'));
      assert.equal(await codemodCommand(['--write', '--allow-dirty'], { ...capture().io, cwd: fx.dir }), 0);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('tabs', 'output.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('reports a project on TypeScript older than 5.0 and leaves it unchanged unless --force', async () => {
    const fx = prepareFixture('trace-span');
    try {
      const ts = path.join(fx.dir, 'node_modules', 'typescript');
      execFileSync('rm', [ts]);
      mkdirSync(path.join(ts, 'lib'), { recursive: true });
      writeFileSync(path.join(ts, 'package.json'), JSON.stringify({ name: 'typescript', version: '4.9.5', main: 'lib/typescript.js' }));
      writeFileSync(path.join(ts, 'lib', 'typescript.js'), 'module.exports = {};\n');
      const c = capture();
      assert.equal(await codemodCommand(['--write'], { ...c.io, cwd: fx.dir }), 1);
      assert.match(c.err(), /tsconfig\.json compiles with TypeScript 4\.9\.5; agent-trace's decorators need TypeScript 5\.0 or newer\. Its 1 files are left unchanged: upgrade TypeScript, or pass --force/);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('trace-span', 'input.ts'));
      assert.equal(await codemodCommand(['--write', '--force'], { ...capture().io, cwd: fx.dir }), 0);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('trace-span', 'output.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('reports new type errors with file and line under --verify and writes nothing', async () => {
    // agent-trace is not installed in this project, so the added import cannot resolve.
    const fx = prepareFixture('single-quotes-no-semicolons');
    try {
      const c = capture();
      assert.equal(await codemodCommand(['--verify', '--write'], { ...c.io, cwd: fx.dir }), 1);
      assert.match(c.err(), /^src\/input\.ts:3:\d+ - error TS2307: Cannot find module 'agent-trace'/m);
      assert.match(c.err(), /verify \(TypeScript 5\.9\.\d+\): 1 new error/);
      assert.match(c.err(), /nothing was written/);
      assert.equal(readFileSync(fx.file, 'utf8'), fixtureFile('single-quotes-no-semicolons', 'input.ts'));
    } finally {
      fx.cleanup();
    }
  });

  it('verifies with ts-morph\'s bundled TypeScript when the project has none, and says so', async () => {
    const fx = prepareFixture('single-quotes-no-semicolons');
    try {
      execFileSync('rm', [path.join(fx.dir, 'node_modules', 'typescript')]);
      const c = capture();
      assert.equal(await codemodCommand(['--verify'], { ...c.io, cwd: fx.dir }), 1);
      assert.match(c.err(), /verify \(TypeScript \d+\.\d+\.\d+, bundled with ts-morph: the project has none\): 1 new error/);
    } finally {
      fx.cleanup();
    }
  });

  it('shows progress on a large repository', async () => {
    const fx = prepareFixture('trace-span');
    try {
      for (let i = 0; i < 210; i++) writeFileSync(path.join(fx.dir, 'src', `util${i}.ts`), `export class Util${i} {\n  twice(n: number) {\n    return n * 2;\n  }\n}\n`);
      const c = capture();
      assert.equal(await codemodCommand(['--check'], { ...c.io, cwd: fx.dir }), 1);
      assert.match(c.err(), /agent-trace codemod: analysing tsconfig\.json 211\/211 files\n/);
    } finally {
      fx.cleanup();
    }
  });

  it('exits 2 on a config with an unknown rule key', async () => {
    const fx = prepareFixture('trace-span');
    try {
      writeFileSync(path.join(fx.dir, 'bad.json'), JSON.stringify({ rules: [{ klass: 'A', decorator: 'aiCall' }] }));
      const c = capture();
      assert.equal(await codemodCommand(['--config', 'bad.json'], { ...c.io, cwd: fx.dir }), 2);
      assert.match(c.err(), /^agent-trace: .*bad\.json: rules\[0\] has unknown key "klass"/);
    } finally {
      fx.cleanup();
    }
  });
});
