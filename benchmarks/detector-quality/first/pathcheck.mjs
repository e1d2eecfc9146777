// Compares the >=512-char scan path with the short-text path: each gold span of a long sample is
// re-detected inside a short window (<512 chars) cut around it; differences point at the long path.
import { readFileSync } from 'node:fs';
import { findEntities } from '../../../build/src/redaction/detectors.js';
const samples = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url)));
const ov = (a, b) => a.start < b.end && b.start < a.end;
let n = 0, diff = [];
for (const s of samples) {
  if (s.text.length < 512) continue;
  const long = findEntities(s.text);
  for (const g of s.entities) {
    if (g.kind === 'IGNORE') continue;
    n++;
    // window: whole lines around the entity
    let a = s.text.lastIndexOf('\n', Math.max(0, g.start - 120)); a = a < 0 ? 0 : a + 1;
    let b = s.text.indexOf('\n', Math.min(s.text.length, g.end + 120)); b = b < 0 ? s.text.length : b;
    if (b - a >= 500) { a = Math.max(0, g.start - 150); b = Math.min(s.text.length, g.end + 150); }
    const short = findEntities(s.text.slice(a, b)).map((p) => ({ ...p, start: p.start + a, end: p.end + a }));
    const fl = long.filter((p) => ov(p, g)).map((p) => `${p.kind}[${p.start},${p.end})`).join(',');
    const fs = short.filter((p) => ov(p, g)).map((p) => `${p.kind}[${p.start},${p.end})`).join(',');
    if (fl !== fs) diff.push({ id: s.id, gold: g.kind, value: s.text.slice(g.start, g.end), long: fl, short: fs });
  }
}
console.log(`${n} gold spans in long samples; ${diff.length} differ between long and short scan paths`);
for (const d of diff.slice(0, 30)) console.log(JSON.stringify(d));
