// Runs the detector on corpus.json and scores it.
// A prediction is a true positive when it overlaps a gold span of the same kind; one overlapping an
// IGNORE span (arguable label) is not scored. Exact-boundary mismatches are counted separately.
// Writes results.json (metrics) and failures.md / failures.json (every failure, grouped).
import { readFileSync, writeFileSync } from 'node:fs';
import { findEntities } from '../../../build/src/redaction/detectors.js';

const samples = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8'));
const ov = (a, b) => a.start < b.end && b.start < a.end;
const stats = {};
const S = (k) => (stats[k] ??= { gold: 0, found: 0, pred: 0, predOk: 0, boundary: 0 });
const failures = []; // {type:'FN'|'FP'|'BOUNDARY', kind, sample, gold?, pred?, preds}
const ignored = [];

for (const s of samples) {
  const preds = findEntities(s.text);
  const gold = s.entities.filter((e) => e.kind !== 'IGNORE');
  const ign = s.entities.filter((e) => e.kind === 'IGNORE');
  for (const g of gold) {
    const st = S(g.kind);
    st.gold++;
    const same = preds.filter((p) => p.kind === g.kind && ov(p, g));
    if (same.length === 0) failures.push({ type: 'FN', kind: g.kind, fmt: g.fmt, s, gold: g, preds });
    else {
      st.found++;
      if (!same.some((p) => p.start === g.start && p.end === g.end)) {
        st.boundary++;
        failures.push({ type: 'BOUNDARY', kind: g.kind, fmt: g.fmt, s, gold: g, preds });
      }
    }
  }
  for (const p of preds) {
    const st = S(p.kind);
    st.pred++;
    if (gold.some((g) => g.kind === p.kind && ov(p, g))) st.predOk++;
    else if (ign.some((g) => ov(p, g))) { st.pred--; ignored.push({ s, pred: p }); }
    else {
      const other = gold.find((g) => ov(p, g));
      failures.push({ type: 'FP', kind: p.kind, fmt: other ? `overlaps gold ${other.kind}` : s.family, s, pred: p, preds, gold: other });
    }
  }
  for (const g of ign) {
    const hit = preds.filter((p) => ov(p, g));
    ignored.push({ s, ign: g, hit: hit.map((p) => p.kind) });
  }
}

const kinds = Object.keys(stats).sort();
const rows = kinds.map((k) => {
  const st = stats[k];
  const P = st.pred ? st.predOk / st.pred : NaN;
  const R = st.gold ? st.found / st.gold : NaN;
  return { kind: k, gold: st.gold, found: st.found, recall: R, pred: st.pred, predOk: st.predOk, precision: P, boundaryMismatch: st.boundary };
});
const tot = rows.reduce((a, r) => ({ gold: a.gold + r.gold, found: a.found + r.found, pred: a.pred + r.pred, predOk: a.predOk + r.predOk, boundary: a.boundary + r.boundaryMismatch }), { gold: 0, found: 0, pred: 0, predOk: 0, boundary: 0 });
const f = (x) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
let table = '| kind | gold | found | recall | pred | correct | precision | boundary mismatch |\n|---|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of rows) table += `| ${r.kind} | ${r.gold} | ${r.found} | ${f(r.recall)} | ${r.pred} | ${r.predOk} | ${f(r.precision)} | ${r.boundaryMismatch} |\n`;
table += `| **all** | ${tot.gold} | ${tot.found} | ${f(tot.found / tot.gold)} | ${tot.pred} | ${tot.predOk} | ${f(tot.predOk / tot.pred)} | ${tot.boundary} |\n`;
console.log(`${samples.length} samples, ${samples.reduce((a, s) => a + s.entities.length, 0)} labelled spans\n`);
console.log(table);

// failure listing
const show = (s, sp) => JSON.stringify(s.text.slice(sp.start, sp.end));
const ctx = (s) => JSON.stringify(s.text.length > 300 ? s.text.slice(0, 300) + '…' : s.text);
const groups = {};
for (const x of failures) (groups[`${x.kind} ${x.type} [${x.fmt}]`] ??= []).push(x);
let md = `# Failures\n\n${table}\n`;
const order = Object.keys(groups).sort();
for (const key of order) {
  const list = groups[key];
  md += `\n## ${key} — ${list.length}\n\n`;
  for (const x of list) {
    md += `- sample ${x.s.id} (${x.s.family}${x.s.tags.length ? ', ' + x.s.tags.join(',') : ''}): ${ctx(x.s)}\n`;
    if (x.gold) md += `  - gold ${x.gold.kind} [${x.gold.start},${x.gold.end}) ${show(x.s, x.gold)}\n`;
    if (x.pred) md += `  - this prediction ${x.pred.kind}/${x.pred.detector} [${x.pred.start},${x.pred.end}) ${show(x.s, x.pred)}\n`;
    md += `  - all predictions: ${x.preds.length ? x.preds.map((p) => `${p.kind}[${p.start},${p.end}) ${show(x.s, p)}`).join('; ') : '(none)'}\n`;
  }
}
md += `\n## Arguable spans (not scored)\n\n`;
for (const x of ignored) if (x.ign) md += `- sample ${x.s.id}: ${ctx(x.s)} — span ${show(x.s, x.ign)} (${x.ign.fmt}) → predicted: ${x.hit.join(', ') || 'nothing'}\n`;
writeFileSync(new URL('./failures.md', import.meta.url), md);
writeFileSync(new URL('./failures.json', import.meta.url), JSON.stringify(failures.map((x) => ({ type: x.type, kind: x.kind, fmt: x.fmt, id: x.s.id, family: x.s.family, text: x.s.text, gold: x.gold && { ...x.gold, value: x.s.text.slice(x.gold.start, x.gold.end) }, pred: x.pred && { ...x.pred, value: x.s.text.slice(x.pred.start, x.pred.end) }, preds: x.preds.map((p) => ({ ...p, value: x.s.text.slice(p.start, p.end) })) })), null, 1));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ rows, total: tot }, null, 1));
const summary = {};
for (const key of order) summary[key] = groups[key].length;
console.log(summary);
