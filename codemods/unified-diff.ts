/**
 * A unified diff of one file, in the form `git apply` accepts (`diff --git` header, `a/` and `b/` paths,
 * three lines of context, `\ No newline at end of file` where needed). Empty when the texts are equal.
 *
 * @example
 * process.stdout.write(unifiedDiff('src/agent.ts', before, after));
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  // A last line without a newline differs from the same text with one.
  const key = (side: { lines: string[]; finalEol: boolean }): string[] =>
    side.finalEol ? side.lines : side.lines.map((l, i) => (i === side.lines.length - 1 ? `${l}\0` : l));
  const ops = diffLines(key(a), key(b));
  let out = `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n`;

  // Group the edit script into hunks with `context` lines around each change.
  type Op = { kind: ' ' | '-' | '+'; ai: number; bi: number };
  const changes = ops.map((op, i) => ({ op, i })).filter(({ op }) => op.kind !== ' ');
  let h = 0;
  while (h < changes.length) {
    const start = Math.max(0, changes[h]!.i - context);
    let end = Math.min(ops.length, changes[h]!.i + context + 1);
    let k = h + 1;
    while (k < changes.length && changes[k]!.i - context <= end) {
      end = Math.min(ops.length, changes[k]!.i + context + 1);
      k++;
    }
    const hunk: Op[] = ops.slice(start, end);
    const first = hunk[0]!;
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aCount ? first.ai + 1 : first.ai;
    const bStart = bCount ? first.bi + 1 : first.bi;
    out += `@@ -${aStart}${aCount === 1 ? '' : `,${aCount}`} +${bStart}${bCount === 1 ? '' : `,${bCount}`} @@\n`;
    for (const o of hunk) {
      const line = o.kind === '+' ? b.lines[o.bi]! : a.lines[o.ai]!;
      out += `${o.kind}${line}\n`;
      const missingEol = o.kind === '+' ? o.bi === b.lines.length - 1 && !b.finalEol : o.ai === a.lines.length - 1 && !a.finalEol;
      if (missingEol) out += '\\ No newline at end of file\n';
    }
    h = k;
  }
  return out;
}

function splitLines(text: string): { lines: string[]; finalEol: boolean } {
  if (text === '') return { lines: [], finalEol: true };
  const finalEol = text.endsWith('\n');
  const lines = (finalEol ? text.slice(0, -1) : text).split('\n');
  return { lines, finalEol };
}

/** Myers' O(ND) line diff; returns the edit script as keep/delete/insert operations with line indices. */
function diffLines(a: string[], b: string[]): { kind: ' ' | '-' | '+'; ai: number; bi: number }[] {
  // Trim the common prefix and suffix: edits are small and local, so this leaves little for Myers.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) { x++; y++; }
      v[max + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  const middle: { kind: ' ' | '-' | '+'; ai: number; bi: number }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; middle.push({ kind: ' ', ai: pre + x, bi: pre + y }); }
    if (x === prevX) { y--; middle.push({ kind: '+', ai: pre + x, bi: pre + y }); }
    else { x--; middle.push({ kind: '-', ai: pre + x, bi: pre + y }); }
  }
  while (x > 0 && y > 0) { x--; y--; middle.push({ kind: ' ', ai: pre + x, bi: pre + y }); }
  middle.reverse();
  const ops: { kind: ' ' | '-' | '+'; ai: number; bi: number }[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', ai: i, bi: i });
  ops.push(...middle);
  for (let i = 0; i < suf; i++) ops.push({ kind: ' ', ai: a.length - suf + i, bi: b.length - suf + i });
  return ops;
}
