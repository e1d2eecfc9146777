// Generates the pii-eval3 corpus: node gen.mjs [seed] [out.jsonl]
// Every positive label is validated here (validate.mjs) and the run fails on an invalid one.
import { writeFileSync } from 'node:fs';
import { seed, pick, ri, cat, join, B, T, chance } from './lib.mjs';
import * as A from './templates-a.mjs';
import * as Bt from './templates-b.mjs';
import { validateSpan } from './validate.mjs';

const SEED = Number(process.argv[2] ?? 3);
const OUT = process.argv[3] ?? new URL('./corpus.jsonl', import.meta.url).pathname;
seed(SEED);

const FAMILIES = [
  [A.support, 220], [A.voiceTranscript, 80], [A.crmCsv, 120], [A.crmTable, 90], [A.crmJson, 130], [A.order, 230], [A.orderJson, 110],
  [A.bank, 150], [A.paymentNotification, 120], [A.hr, 150], [A.medical, 130], [A.travel, 150],
  [Bt.stackTrace, 110], [Bt.accessLog, 140], [Bt.k8s, 110], [Bt.sql, 110], [Bt.config, 200], [Bt.cli, 160], [Bt.codeReview, 110],
  [Bt.toolCall, 260], [Bt.httpDump, 60], [Bt.negatives, 330],
];
const docs = [];
for (const [fn, n] of FAMILIES) for (let i = 0; i < n; i++) docs.push(fn());
// Long agent transcripts (several documents in one string): the detectors' long-text path.
for (let i = 0; i < 70; i++) {
  const xs = []; for (let k = 0; k < ri(4, 9); k++) xs.push(pick(FAMILIES)[0]());
  docs.push({ family: 'bundle', loc: 'mixed', doc: join(xs.map((x) => x.doc), pick(['\n\n---\n\n', '\n', '\n\n[tool result]\n'])) });
}

const lines = [];
let bad = 0;
docs.forEach((d, i) => {
  const { text, spans } = d.doc.render();
  for (const s of spans) {
    const v = text.slice(s.start, s.end);
    if (s.kind === 'IGNORE') continue;
    if (/\\u[0-9a-f]{4}/.test(v)) { s.scope = 'beyond'; s.note = (s.note ? s.note + '; ' : '') + 'value written with \\u escapes (Python ensure_ascii)'; }
    const why = validateSpan(s.kind, v, s.meta ?? {});
    if (why !== true) { bad++; console.error(`invalid ${s.kind} in doc ${i} (${d.family}): ${JSON.stringify(v)} ${why}`); }
  }
  lines.push(JSON.stringify({ id: `e3-${String(i).padStart(5, '0')}`, family: d.family, loc: d.loc, text, spans }));
});
if (bad) { console.error(`${bad} invalid labels`); process.exit(1); }
writeFileSync(OUT, lines.join('\n') + '\n');
const nSpans = lines.reduce((a, l) => a + JSON.parse(l).spans.filter((s) => s.kind !== 'IGNORE').length, 0);
console.log(`wrote ${lines.length} documents, ${nSpans} labelled spans to ${OUT}`);
