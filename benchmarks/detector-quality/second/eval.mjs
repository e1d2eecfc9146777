// Scores findEntities on corpus.jsonl. Writes results.json, failures.jsonl, failures.md. Run: node eval.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { findEntities } from '../../../build/src/redaction/detectors.js';

const KINDS = ['EMAIL', 'PHONE', 'SSN', 'CARD', 'IBAN', 'IP', 'OPENAI_KEY', 'ANTHROPIC_KEY', 'AWS_ACCESS_KEY', 'GITHUB_TOKEN', 'SLACK_TOKEN', 'STRIPE_KEY', 'GOOGLE_API_KEY', 'JWT', 'BEARER_TOKEN', 'BASIC_AUTH', 'PRIVATE_KEY', 'URL_CREDENTIALS', 'SECRET'];
const CORPUS = process.argv[2] ?? new URL('./corpus.jsonl', import.meta.url);
const WRITE = process.argv[2] === undefined;
const corpus = readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const scored = (g) => KINDS.includes(g.kind) && !(g.kind === 'PHONE' && g.scope === 'out');
const stat = () => ({ gold: 0, recalled: 0, leaked: 0, partial: 0, crossKind: 0, pred: 0, tp: 0, fp: 0 });
const perKind = Object.fromEntries([...KINDS, 'PHONE*'].map((k) => [k, stat()]));
const wanted = {}; // sub -> {n, masked, full, kinds}
const secretSubs = {}; // SECRET gold with a type (sub) -> masked counts
const bySub = {}; // kind|sub -> {n, recalled, leaked}
const failures = [];
let nPred = 0;
const ctx = (text, s, e) => (text.slice(Math.max(0, s - 50), s) + '⟦' + text.slice(s, e) + '⟧' + text.slice(e, e + 40)).replace(/\n/g, '⏎');
const t0 = performance.now();
for (const item of corpus) {
  const preds = findEntities(item.text);
  nPred += preds.length;
  const { text, spans } = item;
  for (const g of spans) {
    if (g.kind === 'IGNORE') continue;
    const over = preds.filter((p) => overlaps(p, g));
    const covered = new Set();
    for (const p of over) for (let i = Math.max(p.start, g.start); i < Math.min(p.end, g.end); i++) covered.add(i);
    let uncovered = 0;
    for (let i = g.start; i < g.end; i++) if (!covered.has(i) && /[A-Za-z0-9\uff10-\uff19]/.test(text[i])) uncovered++;
    const masked = over.length > 0;
    const full = masked && uncovered === 0;
    const rec = { id: item.id, category: item.category, kind: g.kind, sub: g.sub ?? '', value: g.value, context: ctx(text, g.start, g.end), predicted: over.map((p) => `${p.kind}:${JSON.stringify(text.slice(p.start, p.end)).slice(0, 80)}`) };
    if (g.kind === 'WANTED') {
      const w = (wanted[g.sub] ??= { n: 0, masked: 0, full: 0, kinds: {} });
      w.n++; if (masked) w.masked++; if (full) w.full++;
      for (const p of over) w.kinds[p.kind] = (w.kinds[p.kind] ?? 0) + 1;
      if (!full) failures.push({ type: masked ? 'WANTED_PARTIAL' : 'WANTED_LEAK', ...rec });
      continue;
    }
    const key = scored(g) ? g.kind : 'PHONE*';
    const s = perKind[key];
    s.gold++;
    const same = over.some((p) => p.kind === g.kind);
    if (same) s.recalled++;
    else if (masked) s.crossKind++;
    if (!masked) s.leaked++;
    else if (!full) s.partial++;
    const b = (bySub[`${key}|${g.sub ?? ''}`] ??= { n: 0, recalled: 0, leaked: 0, partial: 0 });
    b.n++; if (same) b.recalled++; if (!masked) b.leaked++; else if (!full) b.partial++;
    if (g.kind === 'SECRET' && g.sub) { const w = (secretSubs[g.sub] ??= { n: 0, masked: 0, full: 0 }); w.n++; if (masked) w.masked++; if (full) w.full++; }
    if (!masked) failures.push({ type: key === 'PHONE*' ? 'OUT_OF_SCOPE_LEAK' : 'LEAK', ...rec });
    else if (!full) failures.push({ type: 'PARTIAL', ...rec });
    else if (!same) failures.push({ type: 'CROSS_KIND', ...rec });
  }
  for (const p of preds) {
    const s = (perKind[p.kind] ??= { gold: 0, recalled: 0, leaked: 0, partial: 0, crossKind: 0, pred: 0, tp: 0, fp: 0 });
    s.pred++;
    const over = spans.filter((g) => overlaps(p, g));
    const rec = { id: item.id, category: item.category, kind: p.kind, detector: p.detector, value: text.slice(p.start, p.end), context: ctx(text, p.start, p.end), gold: over.map((g) => `${g.kind}${g.sub ? '/' + g.sub : ''}`) };
    if (over.some((g) => g.kind === p.kind && scored(g))) { s.tp++; continue; }
    if (over.some((g) => scored(g))) { s.fp++; failures.push({ type: 'FP_CROSS_KIND', ...rec }); continue; }
    if (over.length > 0) { failures.push({ type: 'UNSCORED_PRED', ...rec }); continue; }
    s.fp++;
    failures.push({ type: 'FP', ...rec });
  }
}
const ms = performance.now() - t0;
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const rows = [];
let tot = stat();
for (const [k, s] of Object.entries(perKind)) {
  if (k !== 'PHONE*') for (const f of Object.keys(tot)) tot[f] += s[f];
  rows.push({ kind: k, gold: s.gold, P: f3(s.tp / (s.tp + s.fp)), R: f3(s.recalled / s.gold), leak: f3(s.leaked / s.gold), partial: s.partial, crossKind: s.crossKind, pred: s.pred, fp: s.fp });
}
rows.push({ kind: 'ALL (scored)', gold: tot.gold, P: f3(tot.tp / (tot.tp + tot.fp)), R: f3(tot.recalled / tot.gold), leak: f3(tot.leaked / tot.gold), partial: tot.partial, crossKind: tot.crossKind, pred: tot.pred, fp: tot.fp });
console.log(`${corpus.length} strings, ${corpus.reduce((a, c) => a + c.spans.length, 0)} gold spans, ${nPred} predictions, ${ms.toFixed(0)} ms`);
console.log('| kind | gold | P | R | leak | partial | masked-as-other | pred | FP |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.kind} | ${r.gold} | ${r.P} | ${r.R} | ${r.leak} | ${r.partial} | ${r.crossKind} | ${r.pred} | ${r.fp} |`);
console.log('\nSECRET-WANTED (no kind of their own, outside sensitive-named assignments):');
console.log('| type | n | masked (any kind) | fully masked | masked as |');
console.log('|---|---:|---:|---:|---|');
for (const [k, w] of Object.entries(wanted).sort((a, b) => a[1].masked / a[1].n - b[1].masked / b[1].n)) console.log(`| ${k} | ${w.n} | ${w.masked} | ${w.full} | ${Object.entries(w.kinds).map(([a, b]) => `${a}×${b}`).join(', ')} |`);
console.log('\nSame token types inside sensitive-named assignments (gold SECRET, by type):');
console.log(Object.entries(secretSubs).map(([k, w]) => `${k} ${w.masked}/${w.n}${w.full < w.masked ? ` (full ${w.full})` : ''}`).join('; '));
const weakSubs = Object.entries(bySub).filter(([, b]) => b.leaked + b.partial > 0 || b.recalled < b.n).map(([k, b]) => `${k}: n=${b.n} recalled=${b.recalled} leaked=${b.leaked} partial=${b.partial}`);
console.log('\nSub-types with misses:\n' + weakSubs.join('\n'));
const counts = {};
for (const f of failures) counts[f.type] = (counts[f.type] ?? 0) + 1;
console.log('\nfailure records:', counts);
if (WRITE) writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ rows, wanted, secretSubs, bySub, counts }, null, 1));
if (WRITE) writeFileSync(new URL('./failures.jsonl', import.meta.url), failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
const md = ['# Failures (generated by eval.mjs)', ''];
for (const type of ['LEAK', 'PARTIAL', 'CROSS_KIND', 'OUT_OF_SCOPE_LEAK', 'WANTED_LEAK', 'WANTED_PARTIAL', 'FP', 'FP_CROSS_KIND', 'UNSCORED_PRED']) {
  const fs = failures.filter((f) => f.type === type);
  md.push(`## ${type} (${fs.length})`, '');
  for (const f of fs) md.push(`- [${f.id}] ${f.kind}${f.sub ? '/' + f.sub : ''}${f.detector ? ' (' + f.detector + ')' : ''} ${f.gold ? 'gold=' + f.gold.join(',') : 'pred=' + f.predicted.join(' ')} :: \`${f.context.replace(/`/g, "'")}\``);
  md.push('');
}
if (WRITE) writeFileSync(new URL('./failures.md', import.meta.url), md.join('\n'));
