import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCodemod } from '../../codemods/index.js';
import { fixtureCases, fixtureFile, prepareFixture } from './support/fixture-project.js';
import { reportLines } from './support/report-lines.js';

describe('runCodemod', () => {
  const cases = fixtureCases();

  it('has a fixture for every rule and tricky case of the issue', () => {
    for (const required of [
      'ai-call-openai', 'ai-call-providers', 'environment-step', 'runtime-operation', 'trace-span', 'config-rules',
      'tabs', 'single-quotes-no-semicolons', 'arrow-function-fields', 'static-and-private', 'getters', 'abstract',
      'overloads', 'already-decorated', 'aliased-import', 'default-export', 'class-expression', 'legacy-decorators', 'commonjs',
    ]) assert.ok(cases.includes(required), `missing fixture ${required}`);
  });

  for (const name of cases) {
    describe(name, () => {
      const input = fixtureFile(name, 'input.ts')!;
      const output = fixtureFile(name, 'output.ts');
      const expectedReport = fixtureFile(name, 'report.txt');

      it('reports report.txt and prints a diff that git apply turns into output.ts, writing nothing itself', async () => {
        const fx = prepareFixture(name);
        try {
          const result = await runCodemod({ dir: fx.dir });
          assert.equal(reportLines(result.members), expectedReport);
          assert.equal(result.written, false);
          assert.equal(readFileSync(fx.file, 'utf8'), input, 'a dry run must not touch the file');
          const patch = path.join(fx.dir, 'codemod.patch');
          writeFileSync(patch, result.diff);
          execFileSync('git', ['apply', '--whitespace=nowarn', patch], { cwd: fx.dir, stdio: 'pipe' });
          assert.equal(readFileSync(fx.file, 'utf8'), output);
        } finally {
          fx.cleanup();
        }
      });

      it('changes nothing when run a second time', async () => {
        const fx = prepareFixture(name, output);
        try {
          const result = await runCodemod({ dir: fx.dir, write: true });
          assert.equal(result.counts.added, 0);
          assert.equal(result.diff, '');
          assert.equal(readFileSync(fx.file, 'utf8'), output);
        } finally {
          fx.cleanup();
        }
      });

      it('takes out exactly what it added when run with remove', async () => {
        const fx = prepareFixture(name, output);
        try {
          const result = await runCodemod({ dir: fx.dir, write: true, remove: true });
          assert.equal(readFileSync(fx.file, 'utf8'), input);
          const added = expectedReport!.split('\n').filter((l) => / added /.test(l)).length;
          assert.equal(result.counts.removed, added);
        } finally {
          fx.cleanup();
        }
      });
    });
  }
});
