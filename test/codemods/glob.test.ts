import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, matchesNameGlob } from '../../codemods/glob.js';

describe('globToRegExp', () => {
  it('matches ** across directories and * within one', () => {
    const re = globToRegExp('packages/*/src/**');
    assert.ok(re.test('packages/a/src/x.ts'));
    assert.ok(re.test('packages/a/src/deep/x.ts'));
    assert.ok(!re.test('packages/a/test/x.ts'));
    assert.ok(!re.test('other/packages/a/src/x.ts'));
  });

  it('matches a pattern without a slash at any depth', () => {
    assert.ok(globToRegExp('*.gen.ts').test('src/api/client.gen.ts'));
    assert.ok(!globToRegExp('*.gen.ts').test('src/api/client.ts'));
  });

  it('expands braces and matches a directory name as everything below it', () => {
    assert.ok(globToRegExp('src/{agents,tools}/*.ts').test('src/tools/a.ts'));
    assert.ok(!globToRegExp('src/{agents,tools}/*.ts').test('src/envs/a.ts'));
    assert.ok(globToRegExp('src/legacy').test('src/legacy/old.ts'));
  });
});

describe('matchesNameGlob', () => {
  it('matches names exactly or with wildcards', () => {
    assert.ok(matchesNameGlob('Gateway', 'Gateway'));
    assert.ok(!matchesNameGlob('Gateway', 'LlmGateway'));
    assert.ok(matchesNameGlob('*Gateway', 'LlmGateway'));
    assert.ok(matchesNameGlob('run?', 'runs'));
  });
});
