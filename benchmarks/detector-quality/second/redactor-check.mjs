// Runs 200 corpus strings nested in JSON objects through new Redactor().redact(obj) and checks that
// no raw gold value survives in JSON.stringify of the result. Run: node redactor-check.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { Redactor } from '../../../build/src/redaction/redactor.js';
import { findEntities } from '../../../build/src/redaction/detectors.js';

const corpus = readFileSync(new URL('./corpus.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const withGold = corpus.filter((c) => c.spans.some((s) => s.kind !== 'IGNORE'));
// Deterministic stratified pick: round-robin over categories.
const byCat = {};
for (const c of withGold) (byCat[c.category] ??= []).push(c);
const cats = Object.keys(byCat);
const picked = [];
for (let round = 0; picked.length < 200; round++) for (const k of cats) { const c = byCat[k][round * 7 % byCat[k].length + 0]; if (c && !picked.includes(c) && picked.length < 200) picked.push(c); else if (picked.length < 200) { const alt = byCat[k].find((x) => !picked.includes(x)); if (alt) picked.push(alt); } }
const shapes = [
  (t) => ({ session: { id: 's1', steps: [{ type: 'tool_result', name: 'shell', output: t }] } }),
  (t) => ({ messages: [{ role: 'user', content: [{ type: 'text', text: t }] }], model: 'gpt-4o' }),
  (t) => ({ span: { name: 'http.request', attributes: { 'http.request.body': t, 'http.status_code': 200 } } }),
  (t) => ({ llm: { input: { prompt: `Summarize:\n${t}` }, output: { completion: 'ok' } } }),
];
const redactor = new Redactor();
const leaks = [], fragments = [];
let checked = 0, parsedDocs = 0;
const esc = (v) => JSON.stringify(v).slice(1, -1);
picked.forEach((item, i) => {
  const objs = [shapes[i % shapes.length](item.text)];
  let parsed = null;
  try { parsed = JSON.parse(item.text); } catch {}
  if (parsed && typeof parsed === 'object') { objs.push({ tool_result: parsed }); parsedDocs++; }
  objs.forEach((obj, j) => {
    const out = JSON.stringify(redactor.redact(obj));
    for (const g of item.spans) {
      if (g.kind === 'IGNORE' || g.value.length < 5) continue;
      checked++;
      const needle = j === 0 ? esc(g.value) : g.value; // parsed docs: gold is already JSON-escaped text
      const detectorLeak = !findEntities(item.text).some((p) => p.start < g.end && g.start < p.end);
      if (out.includes(needle)) leaks.push({ id: item.id, mode: j === 0 ? 'nested-string' : 'parsed-json', kind: g.kind, sub: g.sub ?? '', value: g.value.slice(0, 90), detectorAlsoMissed: detectorLeak });
      else {
        // A fragment of 8+ word characters of the value left behind (partial masks).
        const words = needle.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [];
        const frag = words.find((w) => out.includes(w) && !/^[a-z]+$/.test(w));
        if (frag) fragments.push({ id: item.id, mode: j === 0 ? 'nested-string' : 'parsed-json', kind: g.kind, sub: g.sub ?? '', value: g.value.slice(0, 90), fragment: frag });
      }
    }
  });
});
const summarize = (arr) => { const m = {}; for (const l of arr) { const k = l.kind === 'WANTED' ? `WANTED/${l.sub}` : l.kind; m[k] = (m[k] ?? 0) + 1; } return m; };
const scoredLeaks = leaks.filter((l) => l.kind !== 'WANTED');
console.log(`${picked.length} strings (+${parsedDocs} parsed-JSON variants), ${checked} gold values checked`);
console.log('raw values surviving, scored kinds:', scoredLeaks.length, summarize(scoredLeaks));
console.log('  of which the detector also missed in the bare string:', scoredLeaks.filter((l) => l.detectorAlsoMissed).length);
console.log('  surviving in parsed-JSON mode only (key masking could have caught):', scoredLeaks.filter((l) => l.mode === 'parsed-json').length);
console.log('raw values surviving, SECRET-WANTED:', leaks.length - scoredLeaks.length, summarize(leaks.filter((l) => l.kind === 'WANTED')));
console.log('8+-char fragments of masked values surviving:', fragments.length, summarize(fragments));
const diff = scoredLeaks.filter((l) => !l.detectorAlsoMissed);
if (diff.length) console.log('Redactor leaked values the detector finds in the bare string:', diff);
writeFileSync(new URL('./redactor-leaks.json', import.meta.url), JSON.stringify({ leaks, fragments }, null, 1));
