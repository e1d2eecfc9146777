import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../codemods/unified-diff.js';

function applies(before: string, after: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agent-trace-diff-'));
  try {
    writeFileSync(path.join(dir, 'f.ts'), before);
    writeFileSync(path.join(dir, 'p.diff'), unifiedDiff('f.ts', before, after));
    execFileSync('git', ['apply', 'p.diff'], { cwd: dir, stdio: 'pipe' });
    return readFileSync(path.join(dir, 'f.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    assert.equal(unifiedDiff('a.ts', 'x\n', 'x\n'), '');
  });

  it('writes git headers and hunks with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nX\ne\nf\ng\nh\n';
    assert.equal(unifiedDiff('src/a.ts', before, after), 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -2,6 +2,7 @@\n b\n c\n d\n+X\n e\n f\n g\n');
  });

  it('produces patches git apply accepts: separate hunks, deletions, edits at both ends, no final newline', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    const cases: [string, string][] = [
      [lines.join('\n') + '\n', ['top', ...lines.slice(0, 20), 'middle', ...lines.slice(20), 'bottom'].join('\n') + '\n'],
      [lines.join('\n') + '\n', lines.filter((_, i) => i % 9 !== 3).join('\n') + '\n'],
      ['a\nb', 'a\nb\nc'],
      ['a\nb\n', 'a\nc'],
      ['', 'new\n'],
      ['x\r\ny\r\n', 'x\r\n@d()\r\ny\r\n'],
    ];
    for (const [before, after] of cases) assert.equal(applies(before, after), after);
  });
});
