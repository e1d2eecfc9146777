// Scores findEntities on the corpus: node score.mjs [corpus.jsonl] [outdir]
// Per kind: precision (predicted spans of kind K overlapping a gold span of kind K, over all
// predicted spans of kind K not overlapping an IGNORE span) and recall (gold spans of kind K
// overlapped by a prediction of kind K). Leak: a gold span no prediction of any kind overlaps.
// Partial: a gold span overlapped by predictions that do not cover all of it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
// The detectors under test: the project's build by default, or a frozen copy (DETECTORS_DIR=snapshot/build/src/redaction).
const DIR = process.env.DETECTORS_DIR ? new URL(process.env.DETECTORS_DIR.replace(/\/?$/, '/'), 'file://' + process.cwd() + '/').pathname : new URL('../../../build/src/redaction/', import.meta.url).pathname;
const { findEntities } = await import(DIR + 'detectors.js');
const buildId = ['detectors.js', 'phone.js', 'validators.js', 'sensitive-keys.js'].map((f) => `${f} ${createHash('sha256').update(readFileSync(DIR + f)).digest('hex').slice(0, 12)}`).join(', ');

const here = new URL('.', import.meta.url).pathname;
const CORPUS = process.argv[2] ?? here + 'corpus.jsonl';
const OUT = process.argv[3] ?? here;
const docs = readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

const ov = (a, b) => a.start < b.end && b.start < a.end;
const stats = {};
const S = (k) => (stats[k] ??= { gold: 0, hit: 0, leak: 0, partial: 0, wrongKind: 0, pred: 0, tpPred: 0, fp: 0, predWrongKind: 0, claimedGold: 0, claimedLeak: 0 });
const failures = [];
const ctx = (text, s, e) => (text.slice(Math.max(0, s - 60), s) + '⟦' + text.slice(s, e) + '⟧' + text.slice(e, e + 40)).replace(/\n/g, '⏎');
let nDocs = 0, nChars = 0, ignoredPreds = 0;
const t0 = performance.now();
for (const d of docs) {
  nDocs++; nChars += d.text.length;
  const preds = findEntities(d.text);
  const gold = d.spans.filter((s) => s.kind !== 'IGNORE');
  const ign = d.spans.filter((s) => s.kind === 'IGNORE');
  for (const g of gold) {
    const st = S(g.kind); st.gold++;
    if (g.scope === 'claimed') st.claimedGold++;
    const over = preds.filter((p) => ov(p, g));
    const same = over.filter((p) => p.kind === g.kind);
    const base = { id: d.id, family: d.family, loc: d.loc, kind: g.kind, scope: g.scope, note: g.note, meta: g.meta, value: d.text.slice(g.start, g.end) };
    if (same.length) st.hit++;
    if (!over.length) {
      st.leak++; if (g.scope === 'claimed') st.claimedLeak++;
      failures.push({ type: 'leak', ...base, context: ctx(d.text, g.start, g.end) });
      continue;
    }
    // coverage of the gold span by the union of overlapping predictions
    let covered = 0;
    for (let i = g.start; i < g.end; i++) if (over.some((p) => p.start <= i && i < p.end)) covered++;
    if (covered < g.end - g.start) {
      st.partial++;
      failures.push({ type: 'partial', ...base, predicted: over.map((p) => ({ kind: p.kind, text: d.text.slice(p.start, p.end) })), context: ctx(d.text, g.start, g.end) });
    }
    if (!same.length) {
      st.wrongKind++;
      failures.push({ type: 'wrong-kind', ...base, predicted: over.map((p) => ({ kind: p.kind, text: d.text.slice(p.start, p.end) })), context: ctx(d.text, g.start, g.end) });
    }
  }
  for (const p of preds) {
    const g = gold.filter((x) => ov(p, x));
    if (g.some((x) => x.kind === p.kind)) { S(p.kind).pred++; S(p.kind).tpPred++; continue; }
    if (g.length === 0 && ign.some((x) => ov(p, x))) { ignoredPreds++; continue; }
    S(p.kind).pred++;
    if (g.length) { S(p.kind).predWrongKind++; continue; } // reported on the gold side as wrong-kind
    S(p.kind).fp++;
    failures.push({ type: 'fp', id: d.id, family: d.family, loc: d.loc, kind: p.kind, detector: p.detector, value: d.text.slice(p.start, p.end), context: ctx(d.text, p.start, p.end) });
  }
}
const ms = performance.now() - t0;

const KINDS = Object.keys(stats).sort();
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '—');
let tbl = '| kind | gold | recall | precision | leaks | partial | wrong kind | FP | claimed gold | claimed leaks |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
const tot = S('__total'); delete stats.__total;
for (const k of KINDS) {
  const s = stats[k];
  for (const f of Object.keys(tot)) tot[f] += s[f];
  tbl += `| ${k} | ${s.gold} | ${f3(s.hit / s.gold)} | ${f3(s.tpPred / s.pred)} | ${s.leak} | ${s.partial} | ${s.wrongKind} | ${s.fp} | ${s.claimedGold} | ${s.claimedLeak} |\n`;
}
tbl += `| **all** | ${tot.gold} | ${f3(tot.hit / tot.gold)} | ${f3(tot.tpPred / tot.pred)} | ${tot.leak} | ${tot.partial} | ${tot.wrongKind} | ${tot.fp} | ${tot.claimedGold} | ${tot.claimedLeak} |\n`;
const summary = `detectors: ${DIR} (${buildId})\ndocuments: ${nDocs}, characters: ${nChars}, gold spans: ${tot.gold} (claimed shapes ${tot.claimedGold}), predictions: ${tot.pred} (+${ignoredPreds} on IGNORE spans)\n` +
  `leak rate: ${(100 * tot.leak / tot.gold).toFixed(2)}% of all gold spans, ${(100 * tot.claimedLeak / tot.claimedGold).toFixed(2)}% of spans in claimed shapes; partial masks: ${tot.partial}; FP: ${tot.fp}\n` +
  `documents with no gold span: ${docs.filter((d) => !d.spans.some((s) => s.kind !== 'IGNORE')).length}; time ${ms.toFixed(0)} ms\n`;
writeFileSync(OUT + 'results.md', `# pii-eval3 detector scores\n\n${summary}\n${tbl}`);

// failures grouped by type, kind and a pattern key (family + how/note) for reading
failures.sort((a, b) => (a.type + a.kind + a.family).localeCompare(b.type + b.kind + b.family));
writeFileSync(OUT + 'failures.jsonl', failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
const groups = new Map();
for (const f of failures) {
  const key = `${f.type} ${f.kind} | ${f.family}${f.meta?.how ? ' | ' + f.meta.how : ''}${f.meta?.country ? ' ' + f.meta.country : ''}${f.note ? ' | ' + f.note : ''}${f.scope === 'beyond' ? ' | beyond' : ''}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(f);
}
let md = `# pii-eval3 failures (${failures.length})\n\n`;
for (const [k, fs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  md += `## ${k} — ${fs.length}\n\n`;
  for (const f of fs.slice(0, 12)) md += `- \`${f.id}\` ${f.predicted ? 'pred ' + JSON.stringify(f.predicted) + ' ' : ''}\`${f.context.replace(/`/g, "'")}\`\n`;
  md += '\n';
}
writeFileSync(OUT + 'failures.md', md);
console.log(summary + '\n' + tbl);
