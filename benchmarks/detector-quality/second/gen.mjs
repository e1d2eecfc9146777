// Generates corpus.jsonl: labelled strings mimicking LLM-agent traces. Run: node gen.mjs [seed]
import { writeFileSync } from 'node:fs';
import { setSeed, luhn, ibanValidRef, phoneValid, normPhoneText } from './lib.mjs';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import * as D1 from './gen-docs1.mjs';
import * as D2 from './gen-docs2.mjs';
import { NEGATIVES } from './gen-docs3.mjs';
import * as D4 from './gen-docs4.mjs';

const seed = Number(process.argv[2] ?? 20240512);
setSeed(seed);
const PLAN = [
  ['http_request', D1.httpRequest, 120], ['http_response', D1.httpResponse, 80], ['curl', D1.curlCmd, 130], ['env_file', D1.envFile, 120],
  ['yaml_k8s_compose', D1.composeYaml, 80], ['terraform', D1.terraform, 60], ['gha_log', D1.ghaLog, 90], ['stack_trace', D1.stackTrace, 110],
  ['sql', D1.sqlDoc, 80], ['csv', D1.csvDoc, 60], ['html', D2.htmlDoc, 80], ['markdown', D2.markdownDoc, 60], ['json_tool', D2.jsonTool, 160],
  ['base64', D2.base64Doc, 50], ['multilingual', D2.multilingual, 220], ['ocr', D2.ocrDoc, 90], ['chat', D2.chatDoc, 260], ['unicode', D2.unicodeDoc, 180],
  ['cloud_config', D2.cloudDoc, 170], ['wanted_bare', D2.wantedBare, 130], ['us_hr_ssn', D1.usHr, 70], ['basic_auth', D1.basicAuthLog, 50], ['phone_hard', D4.phoneHard, 110], ['email_hard', D4.emailHard, 90], ['card_hard', D4.cardHard, 70],
  ...Object.entries(NEGATIVES).map(([k, f]) => [`neg_${k}`, f, { hashes: 60, ids: 120, numbers: 180, config: 60, placeholders: 110, emailish: 50, b64neg: 30, prose: 40 }[k]]),
];
const seen = new Set();
const out = [];
const problems = [];
for (const [category, gen, n] of PLAN) {
  let made = 0, tries = 0;
  while (made < n && tries < n * 5) {
    tries++;
    const d = gen();
    if (seen.has(d.text)) continue;
    seen.add(d.text);
    const spans = d.spans.map((s) => ({ ...s, value: d.text.slice(s.start, s.end) })).sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) problems.push(`${category}: overlapping gold ${JSON.stringify(spans[i])}`);
    for (const s of spans) {
      const v = s.value;
      if (s.kind === 'PHONE') {
        const ok = s.sub === 'wa.me' ? isValidPhoneNumber('+' + v.replace(/\D/g, '')) : phoneValid(v, s.country ?? 'US') || (s.scope === 'in' && isValidPhoneNumber(normPhoneText(v).replace(/\(0\)/, ''), 'FR')) || isValidPhoneNumber(normPhoneText(v));
        if (!ok) problems.push(`invalid phone ${JSON.stringify(v)} ${s.sub}`);
      }
      if (s.kind === 'CARD' && !luhn(normPhoneText(v).replace(/\D/g, ''))) problems.push(`bad card ${v}`);
      if (s.kind === 'IBAN' && !ibanValidRef(v.replace(/\s/g, ''))) problems.push(`bad iban ${v}`);
      if (v.length === 0) problems.push(`empty span in ${category}`);
    }
    out.push({ id: `${category}-${made}`, category, text: d.text, spans });
    made++;
  }
}
writeFileSync(process.argv[3] ?? new URL('./corpus.jsonl', import.meta.url), out.map((o) => JSON.stringify(o)).join('\n') + '\n');
const spans = out.flatMap((o) => o.spans);
const byKind = {};
for (const s of spans) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
console.log(`seed ${seed}: ${out.length} strings, ${spans.length} gold spans`, byKind);
if (problems.length) { console.log('PROBLEMS', problems.length); console.log(problems.slice(0, 30).join('\n')); process.exitCode = 1; }
