// Recall by format tag (phones by format+country, IBAN upper/lower, etc.) for the current corpus.json
import { readFileSync } from 'node:fs';
import { findEntities } from '../../../build/src/redaction/detectors.js';
const samples = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url)));
const ov = (a, b) => a.start < b.end && b.start < a.end;
const t = {};
for (const s of samples) {
  const preds = findEntities(s.text);
  for (const g of s.entities) {
    if (g.kind === 'IGNORE') continue;
    let fmt = g.fmt ?? '';
    if (g.kind === 'IBAN') fmt = fmt.includes('lower') ? 'lower-case' : 'upper-case';
    else if (g.kind === 'PHONE') fmt = fmt.replace(/-(dashes|dots|libformat)$/, '');
    else if (g.kind === 'SECRET') fmt = s.tags.includes('attribute') ? 'attribute ' + fmt : 'kv';
    const k = `${g.kind} ${fmt}`;
    t[k] ??= [0, 0];
    t[k][0]++;
    if (preds.some((p) => p.kind === g.kind && ov(p, g))) t[k][1]++;
  }
}
for (const k of Object.keys(t).sort()) if (t[k][1] < t[k][0] || process.argv[2] === 'all') console.log(k.padEnd(45), `${t[k][1]}/${t[k][0]}`);
