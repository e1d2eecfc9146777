// Names the pattern behind each failure (leak, partial, wrong kind, false positive) from the
// text around it, so that failures are read by cause rather than by template.
// node patterns.mjs  -> failures-by-pattern.md
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const docs = new Map(readFileSync(here + 'corpus.jsonl', 'utf8').trim().split('\n').map((l) => { const d = JSON.parse(l); return [d.id, d]; }));
const fails = readFileSync(here + 'failures.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));

// where the failing value sits in its document (first occurrence matching the context)
function locate(f) {
  const d = docs.get(f.id); const left = f.context.split('⟦')[0].replace(/⏎/g, '\n');
  let i = d.text.indexOf(left + f.value); if (i !== -1) i += left.length; else i = d.text.indexOf(f.value);
  return { text: d.text, start: i, end: i + f.value.length };
}
// start of the digit run the detectors would read (the run regex: [\d ().-] before the value)
function runGlued(text, start) {
  let s = start; while (s > 0 && /[\d ().-]/.test(text[s - 1])) s--;
  while (s < start && !/[\d(+]/.test(text[s])) s++;
  return s < start && /[A-Za-z0-9_]/.test(text[s - 1] ?? '') ? text.slice(Math.max(0, s - 12), start) : null;
}
const RULES = [
  // ------------------------------------------------ leaks / partial / wrong kind
  ['unformatted number under a camelCase key ("phoneNumber": "02075400644", mobilePhone, MobilePhone)', (f) => f.type === 'leak' && f.kind === 'PHONE' && /bare digits under key/.test(f.note ?? '')],
  ['beyond: bare digits in a CSV column, msisdn/wa_id E.164 without +, ASR transcript', (f) => f.type === 'leak' && f.kind === 'PHONE' && /bare digits|without \+|ASR/.test(f.note ?? '')],
  ['beyond: compact SSN without an "SSN" word right before', (f) => f.type === 'leak' && f.kind === 'SSN' && f.scope === 'beyond'],
  ['beyond: password as a CLI flag/positional (mysql -p, docker login -p, redis-cli -a, sshpass -p) or command output', (f) => f.type === 'leak' && f.kind === 'SECRET' && /mysql|docker|redis|sshpass|command output/.test(f.note ?? '')],
  ['beyond: k8s env name/value pair', (f) => f.type === 'leak' && /name\/value/.test(f.note ?? '')],
  ['beyond: XML element / SQL PASSWORD literal', (f) => f.type === 'leak' && /XML|SQL PASSWORD/.test(f.note ?? '')],
  ['beyond: base64 PEM in kubeconfig client-key-data', (f) => f.type === 'leak' && f.kind === 'PRIVATE_KEY'],
  ['beyond: Mailgun key under MAILGUN_KEY', (f) => /Mailgun/.test(f.note ?? '')],
  ['beyond: value written with \\uXXXX escapes (Python json.dumps)', (f) => /\\u escapes/.test(f.note ?? '')],
  ['value inside parentheses "(10.0.1.5)", "(0033 9 …)" (the run keeps its "(")', (f, L) => f.type === 'leak' && L.text[L.start - 1] === '('],
  ['value after "/" glued to a word ("…internal/10.0.1.5")', (f, L) => f.type === 'leak' && L.text[L.start - 1] === '/' && /\w/.test(L.text[L.start - 2] ?? '')],
  ['digit run glued to a preceding token ending in a digit ("…c2f5 10.0.1.5", "eks-94a91a7 10.29.36.111")', (f, L) => f.type === 'leak' && runGlued(L.text, L.start) !== null],
  ['phone glued to letters ("TEL03-…", "TEL.03-…", "TEL+81 …")', (f, L) => f.type === 'leak' && f.kind === 'PHONE' && /[A-Za-z]\.?$/.test(L.text.slice(0, L.start))],
  ['URL-encoded "+" (%2B) before an E.164 number', (f) => f.kind === 'PHONE' && /URL-encoded/.test(f.note ?? '')],
  ['national number after other digit groups in an aligned table (midRun: only NANP taken)', (f, L) => f.type === 'leak' && f.kind === 'PHONE' && /\d {2,}$/.test(L.text.slice(0, L.start))],
  ['Brazilian mobile with the 9 spaced off: "(11) 9 1234-5678"', (f) => f.kind === 'PHONE' && f.meta?.how === 'nine-space'],
  ['Italian mobile grouped 3-7: "347 7418009"', (f) => f.kind === 'PHONE' && f.meta?.how === 'mob-compact'],
  ['German slash number with a 6-digit subscriber: "0221/141745"', (f) => f.kind === 'PHONE' && /^slash/.test(f.meta?.how ?? '')],
  ['Japanese "03(1234)5678"', (f) => f.kind === 'PHONE' && f.meta?.how === 'paren-mid'],
  ['ID word in the 4 words before vetoes a formatted phone across a sentence/turn ("…on the account?\\nUser: Yes: (403) …")', (f, L) => f.type === 'leak' && f.kind === 'PHONE' && /\b(account|order|id|ref|ticket|case|code|number)\b[^\n]*\n?[^\n]{0,30}$/i.test(L.text.slice(Math.max(0, L.start - 70), L.start))],
  ['password containing "&" or ";" cut at the character', (f) => f.type === 'partial' && f.kind === 'SECRET'],
  ['unencoded "@" inside a URL password', (f) => f.type === 'partial' && f.kind === 'URL_CREDENTIALS'],
  ['wrong kind: phone digits read as a card', (f) => f.type === 'wrong-kind' && f.kind === 'PHONE'],
  // ------------------------------------------------ false positives
  ['FP: prose after a secret word ("Token: expired", "Password: must be…", "credentials: missing")', (f) => f.type === 'fp' && f.kind === 'SECRET' && /^[A-Za-z][a-z]+$/.test(f.value) && !/-/.test(f.value)],
  ['FP: PWD/OLDPWD environment variable (a path)', (f) => f.type === 'fp' && f.kind === 'SECRET' && /^\//.test(f.value)],
  ['FP: kubectl describe "<set to the key … in secret …>"', (f) => f.type === 'fp' && f.kind === 'SECRET' && f.value.startsWith('<set')],
  ['FP: name of a k8s Secret or of a key in it (auth-secret annotation, existingSecret, adminPasswordKey, secret "x" not found)', (f, L) => f.type === 'fp' && f.kind === 'SECRET' && /(auth-secret|existingSecret|PasswordKey|secret ")/.test(L.text.slice(Math.max(0, L.start - 40), L.end + 2))],
  ['FP: card assembled from space-separated numeric columns (VPC flow log ports/protocol/packets)', (f) => f.type === 'fp' && f.kind === 'CARD' && /^\d+( \d+){3,}$/.test(f.value)],
  ['FP: file name with "@" and a TLD-like extension (db-dump@2024-05-25.zip)', (f) => f.type === 'fp' && f.kind === 'EMAIL'],
  ['FP: SEPA creditor identifier passing mod-97 by chance', (f) => f.type === 'fp' && f.kind === 'IBAN'],
  ['FP: an already masked value ("gho_****…")', (f) => f.type === 'fp' && /\*{6,}/.test(f.value)],
  ['FP: placeholder after Bearer ("YOUR_ACCESS_TOKEN", "YOUR_API_KEY_HERE")', (f) => f.type === 'fp' && f.kind === 'BEARER_TOKEN'],
  ['FP: 4-part version under a camel/snake-case key or __version__ ("app_version": "3.14.2.0")', (f, L) => f.type === 'fp' && f.kind === 'IP' && (/version\W*$/i.test(L.text.slice(Math.max(0, L.start - 20), L.start)) || /__version__/.test(L.text.slice(Math.max(0, L.start - 20), L.start)))],
  ['FP: other dotted quad (not a version context)', (f) => f.type === 'fp' && f.kind === 'IP'],
  ['FP: e-ticket number read as a "00…"/national phone', (f, L) => f.type === 'fp' && f.kind === 'PHONE' && /(ETKT|eTicket|Tkt|TKNE|ticket|FA PAX)/i.test(L.text.slice(Math.max(0, L.start - 25), L.start))],
  ['FP: status codes and byte count in an ALB log ("302 302 1119")', (f) => f.type === 'fp' && f.kind === 'PHONE' && /^\d{3} \d{3} \d{3,4}$/.test(f.value)],
  ['FP: account number after a "CALLER:" speaker label', (f, L) => f.type === 'fp' && f.kind === 'PHONE' && /CALLER:/.test(L.text.slice(Math.max(0, L.start - 30), L.start))],
  ['FP: date followed by an hour ("08.11.2025 15:00")', (f) => f.type === 'fp' && f.kind === 'PHONE' && /^\d\d[./]\d\d[./]\d{4} \d\d$/.test(f.value)],
  ['FP: postal code (Brazilian CEP 0xxxx-xxx, Japanese 〒0xx-xxxx)', (f, L) => f.type === 'fp' && f.kind === 'PHONE' && /(CEP|〒)\s?$/.test(L.text.slice(Math.max(0, L.start - 5), L.start))],
  ['FP: product code after a non-English id word (Art.-Nr., réf., cód., art.nr.) or ASIN/Item', (f, L) => f.type === 'fp' && f.kind === 'PHONE' && /(Art\.-Nr\.|réf\.|cód\.|art\.nr\.|ASIN|Item|SKU|Model|cod\.)\s*$/.test(L.text.slice(Math.max(0, L.start - 12), L.start))],
  ['FP: zero-padded ERP/order number read as a "00" international number', (f) => f.type === 'fp' && f.kind === 'PHONE' && /^00\d+$/.test(f.value)],
  ['FP: Brazilian CNPJ/CPF parts', (f, L) => f.type === 'fp' && f.kind === 'PHONE' && /(CNPJ|CPF)\s?$/.test(L.text.slice(Math.max(0, L.start - 6), L.start))],
  ['FP: EAN/GTIN/barcode (13 digits, 4x Visa or 5x/6x Maestro, Luhn by chance)', (f, L) => f.type === 'fp' && f.kind === 'CARD' && /^\d{13}$/.test(f.value) && /(EAN|GTIN|barcode|\/ )\W*$/i.test(L.text.slice(Math.max(0, L.start - 14), L.start))],
  ['FP: Amazon order number 3-7-7 (302-305 Diners, 503 Maestro)', (f) => f.type === 'fp' && f.kind === 'CARD' && /^\d{3}-\d{7}-\d{7}$/.test(f.value)],
  ['FP: 13-18 digit numeric id ("id": 6875774098783, .NET ticks)', (f) => f.type === 'fp' && f.kind === 'CARD' && /^\d{13,19}$/.test(f.value)],
  ['FP: other phone-shaped number', (f) => f.type === 'fp' && f.kind === 'PHONE'],
  ['FP: other', (f) => f.type === 'fp'],
  ['other', () => true],
];
const groups = new Map();
for (const f of fails) {
  const L = locate(f);
  const [name] = RULES.find(([, test]) => test(f, L));
  f.pattern = name;
  if (!groups.has(name)) groups.set(name, []);
  groups.get(name).push(f);
}
let md = `# pii-eval3 failures by pattern (${fails.length})\n\nEach pattern: count, kinds, and up to 8 examples (⟦…⟧ marks the gold span for leaks, the prediction for FPs).\n\n`;
for (const [name, fs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  const kinds = {}; for (const f of fs) kinds[`${f.type} ${f.kind}`] = (kinds[`${f.type} ${f.kind}`] ?? 0) + 1;
  md += `## ${name} — ${fs.length}${fs.some((f) => f.type !== 'fp') ? ` (claimed shapes: ${fs.filter((f) => f.type !== 'fp' && f.scope === 'claimed').length})` : ''}\n\n${Object.entries(kinds).map(([k, n]) => `${k}: ${n}`).join(', ')}\n\n`;
  const seen = new Set();
  for (const f of fs) { if (seen.size >= 8) break; if (seen.has(f.family + f.value.slice(0, 6))) continue; seen.add(f.family + f.value.slice(0, 6)); md += `- \`${f.id}\` (${f.family}) \`${f.context.replace(/`/g, "'")}\`${f.predicted ? ' → predicted ' + JSON.stringify(f.predicted) : ''}\n`; }
  md += '\n';
}
writeFileSync(here + 'failures-by-pattern.md', md);
writeFileSync(here + 'failures.jsonl', fails.map((f) => JSON.stringify(f)).join('\n') + '\n');
console.log([...groups].sort((a, b) => b[1].length - a[1].length).map(([n, fs]) => `${String(fs.length).padStart(5)} ${String(fs.filter((f) => f.type !== 'fp' && f.scope === 'claimed').length).padStart(4)}  ${n}`).join('\n'));
