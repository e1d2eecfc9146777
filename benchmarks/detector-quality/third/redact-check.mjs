// Runs 300 corpus documents, nested in JSON objects shaped like trace records, through
// new Redactor().redact() and checks that no raw gold value survives in JSON.stringify of the
// result. Documents that are JSON text are also nested parsed (as objects), a second check.
// node redact-check.mjs   (DETECTORS_DIR=snapshot/build/src/redaction for the frozen copy)
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const DIR = process.env.DETECTORS_DIR ? new URL(process.env.DETECTORS_DIR.replace(/\/?$/, '/'), 'file://' + process.cwd() + '/').pathname : new URL('../../../build/src/redaction/', import.meta.url).pathname;
const { Redactor } = await import(DIR + 'redactor.js');
const { findEntities } = await import(DIR + 'detectors.js');
const docs = readFileSync(here + 'corpus.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const picked = docs.filter((_, i) => i % 11 === 5).slice(0, 300);

const SHAPES = [
  (s) => ({ session_id: 'sess-1', events: [{ type: 'tool_result', input: { messages: [{ role: 'tool', tool_call_id: 'call_1', content: s }] }, latency_ms: 812 }] }),
  (s) => ({ output: { text: s, finish_reason: 'stop' }, usage: { prompt_tokens: 123, completion_tokens: 45 } }),
  (s) => ({ metadata: { notes: ['first', s], tags: { env: 'prod' } } }),
  (s) => ({ choices: [{ message: { role: 'assistant', tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'f', arguments: s } }] } }] }),
  (s) => ({ step: 3, state_after: { observation: { stdout: s, exit_code: 0 } } }),
  (s) => ({ a: { b: { c: { d: { e: { f: { g: s } } } } } } }),
];
const unesc = (v) => { let s = v; for (let i = 0; i < 4 && /\\/.test(s); i++) { try { s = JSON.parse(`"${s}"`); } catch { break; } } return s; };
const redactor = new Redactor();
const report = { docs: picked.length, parsedDocs: 0, checked: 0, skipped: 0, survivedString: [], survivedParsed: [], checkedParsed: 0 };
const byKind = {};
for (const [i, d] of picked.entries()) {
  const gold = d.spans.filter((s) => s.kind !== 'IGNORE');
  const outsideCount = (v) => { let n = 0, p = -1; while ((p = d.text.indexOf(v, p + 1)) !== -1) if (!gold.some((g) => g.start <= p && p < g.end)) n++; return n; };
  const detected = findEntities(d.text);
  const res = JSON.stringify(redactor.redact(SHAPES[i % SHAPES.length](d.text)));
  for (const g of gold) {
    const v = d.text.slice(g.start, g.end);
    if (v.length < 4 || outsideCount(v) > 0) { report.skipped++; continue; }
    report.checked++;
    (byKind[g.kind] ??= { checked: 0, survived: 0 }).checked++;
    if (res.includes(JSON.stringify(v).slice(1, -1))) {
      byKind[g.kind].survived++;
      report.survivedString.push({ id: d.id, family: d.family, kind: g.kind, scope: g.scope, value: v.slice(0, 80), foundByFindEntities: detected.some((p) => p.start < g.end && g.start < p.end) });
    }
  }
  // the same document parsed, when it is JSON: the Redactor sees keys and values
  let parsed; try { parsed = JSON.parse(d.text); } catch { parsed = undefined; }
  if (parsed && typeof parsed === 'object') {
    report.parsedDocs++;
    const r2 = JSON.stringify(redactor.redact({ tool_result: parsed }));
    for (const g of gold) {
      const v = unesc(d.text.slice(g.start, g.end));
      if (v.length < 4 || outsideCount(d.text.slice(g.start, g.end)) > 0) continue;
      report.checkedParsed++;
      if (r2.includes(JSON.stringify(v).slice(1, -1))) report.survivedParsed.push({ id: d.id, family: d.family, kind: g.kind, scope: g.scope, value: v.slice(0, 80) });
    }
  }
}
const lines = [
  `documents: ${report.docs} (nested as strings in ${SHAPES.length} record shapes), of which JSON text also nested parsed: ${report.parsedDocs}`,
  `gold values checked: ${report.checked} (skipped ${report.skipped}: shorter than 4 characters or also present outside a gold span)`,
  `survived in JSON.stringify(redact(record)): ${report.survivedString.length} (${report.survivedString.filter((x) => x.foundByFindEntities).length} of them found by findEntities on the bare string)`,
  `parsed variant: ${report.checkedParsed} values checked, ${report.survivedParsed.length} survived`,
  '', '| kind | checked | survived |', '| --- | ---: | ---: |',
  ...Object.entries(byKind).sort().map(([k, s]) => `| ${k} | ${s.checked} | ${s.survived} |`),
  '', 'survivors (string nesting):', ...report.survivedString.map((x) => `- ${x.id} ${x.family} ${x.kind} ${x.scope} ${JSON.stringify(x.value)}${x.foundByFindEntities ? ' (found by findEntities!)' : ''}`),
  '', 'survivors (parsed nesting):', ...report.survivedParsed.map((x) => `- ${x.id} ${x.family} ${x.kind} ${x.scope} ${JSON.stringify(x.value)}`),
];
// Probes (not part of the corpus): structured records whose values only their keys name.
const probe = { phone: '4155552671', mobilePhone: '07438608374', tel: '02079460958', msisdn: 447700900123, wa_id: '14155552671', social_security_number: '123456789', ssn: '123456789', card_number: 4111111111111111, iban: 'DE89370400440532013000', note: 'phone 4155552671' };
lines.push('', 'probe: new Redactor().redact(' + JSON.stringify(probe) + ')', '-> ' + JSON.stringify(redactor.redact(probe)));
writeFileSync(here + 'redact-check.md', '# Redactor check\n\n' + lines.join('\n') + '\n');
console.log(lines.slice(0, 4 + 3 + Object.keys(byKind).length).join('\n'));
