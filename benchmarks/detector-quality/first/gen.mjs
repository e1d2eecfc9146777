// Independent labelled corpus for the PII / secret value detectors.
// Usage: node gen.mjs [seed]  -> writes corpus.json
// Labels are built by construction and checked with independent oracles:
//   phones: libphonenumber-js/max isValidPhoneNumber (with the country for national formats),
//   cards: own Luhn + brand prefix/length table, IBANs: own mod-97 + per-country BBAN structure,
//   SSNs: SSA never-issued ranges. Kind 'IGNORE' marks spans whose label is arguable: a prediction
//   there is neither a true nor a false positive and the span is not counted in recall.
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { writeFileSync } from 'node:fs';
import { isIP } from 'node:net';

const SEED = Number(process.argv[2] ?? 7331);

class Rng {
  constructor(seed) { this.s = seed >>> 0; }
  next() { // mulberry32
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(a, b) { return a + Math.floor(this.next() * (b - a + 1)); }
  pick(xs) { return xs[Math.floor(this.next() * xs.length)]; }
  chance(p) { return this.next() < p; }
  digits(n) { let s = ''; for (let i = 0; i < n; i++) s += String(this.int(0, 9)); return s; }
  chars(alpha, n) { let s = ''; for (let i = 0; i < n; i++) s += alpha[this.int(0, alpha.length - 1)]; return s; }
  bytes(n) { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = this.int(0, 255); return b; }
}
const r = new Rng(SEED);

const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LO = 'abcdefghijklmnopqrstuvwxyz';
const DIG = '0123456789';
const ALNUM = UP + LO + DIG;
const URLSAFE = ALNUM + '_-';
const HEX = '0123456789abcdef';
const B32 = UP + '234567';

// ---------------------------------------------------------------- sample assembly
const samples = [];
const E = (kind, text, fmt) => ({ kind, text, fmt });
const IGN = (text, fmt) => ({ kind: 'IGNORE', text, fmt });
function add(family, parts, tags = []) {
  let text = '';
  const entities = [];
  for (const p of parts.flat(Infinity)) {
    if (p === null || p === undefined) continue;
    if (typeof p === 'string') { text += p; continue; }
    entities.push({ kind: p.kind, start: text.length, end: text.length + p.text.length, fmt: p.fmt });
    text += p.text;
  }
  samples.push({ id: samples.length, family, tags, text, entities });
}

// ---------------------------------------------------------------- people / filler
const FIRST = ['jane', 'mateo', 'aisha', 'lukas', 'mei', 'oluwaseun', 'chloe', 'arjun', 'sofia', 'kenji', 'fatima', 'noah', 'ingrid', 'rahul', 'camille', 'diego', 'yuki', 'hannah', 'tomasz', 'leila', 'marcus', 'anya', 'pierre', 'zanele'];
const LAST = ['doe', 'fernandez', 'rahman', 'becker', 'chen', 'adeyemi', 'martin', 'sharma', 'costa', 'watanabe', 'alvi', 'brown', 'lindqvist', 'gupta', 'lefevre', 'ramirez', 'sato', 'schmidt', 'wisniewski', 'karimi', 'obrien', 'petrova', 'moreau', 'dlamini'];
const COMPANY = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli', 'Vandelay Imports', 'Soylent GmbH', 'Tyrell SAS'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const fullName = () => `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
const isoTs = () => `2024-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${r.digits(3)}Z`;
const uuid = () => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
const level = () => r.pick(['INFO', 'WARN', 'ERROR', 'DEBUG']);

// ---------------------------------------------------------------- EMAIL
const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'acme.io', 'mail.acme-corp.com', 'eng.startup.dev', 'shop.app', 'bbc.co.uk', 'cs.ox.ac.uk', 'firma.de', 'example.org', 'studio.design', 'team.ai', 'company.co', 'health.gov.au', 'alumni.stanford.edu', 'kanzlei.berlin', 'notion.so', 'fastmail.fm', 'agence.paris', 'hey.com', 'lab.research.tech', 'inbox.lv', 'yahoo.co.jp', 'uol.com.br', 'startup.xyz', 'ops.cloud'];
function emailAddr() {
  const f = r.pick(FIRST), l = r.pick(LAST);
  const tag = r.pick(['newsletter', 'billing', 'github', 'test', 'spam', 'q3-2024', 'shop']);
  let local = r.pick([`${f}.${l}`, `${f}+${tag}`, `${f}.${l}+${tag}`, `${f[0]}${l}`, `${f}_${l}${r.int(1, 99)}`, `${f}-${l}`, `${l}.${f}.${r.pick(['hr', 'ops', 'it'])}`, `${f}${r.int(1980, 2005)}`, `support`, `no-reply`, `${f}.${l}.${r.digits(2)}`]);
  let dom = r.pick(EMAIL_DOMAINS);
  let addr = `${local}@${dom}`;
  let fmt = 'plain';
  if (local.includes('+')) fmt = 'plus-tag';
  if (dom.split('.').length > 2) fmt += '+subdomain';
  if (r.chance(0.12)) { addr = addr.toUpperCase(); fmt += '+upper'; }
  else if (r.chance(0.1)) { addr = `${cap(f)}.${cap(l)}@${dom}`; fmt += '+mixedcase'; }
  return [addr, fmt];
}
function genEmails(n) {
  const ctx = [
    (e) => ['User: please send the invoice to ', e, ' instead of my work address.'],
    (e) => ['{"tool":"crm.lookup","result":{"id":"', uuid(), '","name":"', fullName(), '","email":"', e, '","created_at":"', isoTs(), '"}}'],
    (e) => [isoTs(), ' ', level(), ' [auth] login succeeded user=', e, ' method=password'],
    (e) => ['From: ', fullName(), ' <', e, '>\nSubject: Re: contract renewal\n\nHi, see attached.'],
    (e) => ['id,name,email,plan\n', String(r.int(100, 9999)), ',', fullName(), ',', e, ',pro'],
    (e) => ['| ', fullName(), ' | ', e, ' | Admin |'],
    (e) => ['[Email me](mailto:', e, ') if anything breaks.'],
    (e) => ['Best regards,\n', fullName(), '\nHead of Partnerships, ', r.pick(COMPANY), '\n', e],
    (e) => ['send_email(to="', e, '", subject="Your order shipped")'],
    (e) => ['ValidationError: duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(', e, ') already exists.\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)'],
    (e) => ['Assistant: I found one match - ', e, '.'],
    (e) => ['cc: ', e, '; ', emailEnt()],
    (e) => ['Co-authored-by: ', fullName(), ' <', e, '>'],
    (e) => ['Forward to (', e, ') please'],
    (e) => ['mailto:', e, '?subject=Hello'],
  ];
  for (let i = 0; i < n; i++) add('EMAIL', r.pick(ctx)(emailEnt()));
  // url-encoded emails in query strings: arguable (is 'jane%40x.com' an email?) -> labelled but tagged
  for (let i = 0; i < 6; i++) {
    const [a] = emailAddr();
    add('EMAIL', ['GET /api/v2/users?email=', E('EMAIL', a.replace('@', '%40'), 'url-encoded'), '&limit=20 200 12ms'], ['arguable']);
  }
}
function emailEnt() { const [a, f] = emailAddr(); return E('EMAIL', a, f); }

// ---------------------------------------------------------------- PHONE
// national patterns per default country ('#' random digit). Validated with libphonenumber-js/max.
const NATIONAL = {
  US: ['1-800-###-####', '(888) ###-####', '(212) ###-####', '415-###-####', '646.###.####', '312 ### ####', '1-617-###-####', '(206) ###-####', '512-###-####'],
  CA: ['(416) ###-####', '604-###-####', '514.###.####'],
  GB: ['020 7### ####', '020 8### ####', '0161 ### ####', '0113 ### ####', '07911 ######', '07845 ######', '0800 ### ####', '(020) 7### ####', '0131 ### ####', '01632 ######'],
  DE: ['030 ########', '089 #######', '040 #######', '0151 ########', '0171 #######', '(030) #######', '0221 #######', '0160 #######'],
  FR: ['01 ## ## ## ##', '04 ## ## ## ##', '06 ## ## ## ##', '07 ## ## ## ##', '01.##.##.##.##', '09 ## ## ## ##'],
  NL: ['020 ### ####', '010 ### ####', '06 ########', '06-########', '030-#######'],
  AU: ['(02) 9### ####', '(03) 9### ####', '04## ### ###', '(08) 9### ####', '02 8### ####', '1300 ### ###', '1800 ### ###'],
  IN: ['098### #####', '099### #####', '011 2### ####', '022 2### ####', '080 4### ####', '097### #####', '98### #####', '7#### #####', '9#### #####'],
  IT: ['06 #### ####', '02 #### ####', '3## ### ####', '011 ### ####', '055 ### ####'],
  JP: ['03-####-####', '06-####-####', '090-####-####', '080-####-####', '045-###-####', '070-####-####'],
  BR: ['(11) 9####-####', '(21) 9####-####', '(11) 3###-####', '(31) 3###-####', '11 9####-####'],
};
function fillPattern(p) { return p.replace(/#/g, () => String(r.int(0, 9))); }
function nationalPhone(country) {
  for (let k = 0; k < 200; k++) {
    const pat = r.pick(NATIONAL[country]);
    const t = fillPattern(pat);
    if (isValidPhoneNumber(t, country)) return t;
  }
  throw new Error('no phone for ' + country);
}
const INTL_COUNTRIES = ['ES', 'MX', 'CN', 'SG', 'ZA', 'SE', 'CH', 'KR', 'NG', 'AE', 'IE', 'PL', 'PT', 'BE', 'AT', 'AR', 'NZ', 'PH', 'TR', 'IL', 'HK', 'KE', 'DK', 'NO', 'CZ', 'EG', 'ID', 'VN', 'CO', 'CL'];
function intlFromExample(country) {
  const ex = mobileExamples[country];
  for (let k = 0; k < 200; k++) {
    const nat = ex.slice(0, ex.length - 4) + r.digits(4);
    const p = parsePhoneNumberFromString(nat, country);
    if (p && p.isValid()) return p;
  }
  return parsePhoneNumberFromString(ex, country);
}
// returns [text, country|undefined, fmt]
function phoneValue() {
  const roll = r.int(0, 99);
  if (roll < 48) { // national formats of default countries
    const c = r.pick(Object.keys(NATIONAL));
    let t = nationalPhone(c);
    let fmt = `national-${c}`;
    const v = r.int(0, 9);
    if (v === 0 && /\s/.test(t) && !t.includes('(')) { const t2 = t.replace(/ /g, '-'); if (isValidPhoneNumber(t2, c)) { t = t2; fmt += '-dashes'; } }
    else if (v === 1 && /[\s-]/.test(t) && !t.includes('(')) { const t2 = t.replace(/[ -]/g, '.'); if (isValidPhoneNumber(t2, c)) { t = t2; fmt += '-dots'; } }
    else if (v === 2) { const p = parsePhoneNumberFromString(t, c); const t2 = p.formatNational(); if (isValidPhoneNumber(t2, c)) { t = t2; fmt += '-libformat'; } }
    return [t, c, fmt];
  }
  if (roll < 78) { // international of default countries
    const c = r.pick(Object.keys(NATIONAL));
    const p = parsePhoneNumberFromString(nationalPhone(c), c);
    const v = r.int(0, 5);
    let t, fmt;
    if (v === 0) { t = p.number; fmt = 'e164'; }
    else if (v === 1) { t = p.formatInternational(); fmt = 'intl-spaces'; }
    else if (v === 2) { t = p.formatInternational().replace(/ /g, '-'); fmt = 'intl-dashes'; }
    else if (v === 3) { t = p.formatInternational().replace(/ /g, '.'); fmt = 'intl-dots'; }
    else if (v === 4 && ['GB', 'DE', 'NL', 'AU', 'FR'].includes(c)) {
      const nat = p.formatNational().replace(/[()]/g, '');
      t = `+${p.countryCallingCode} (0)${nat.replace(/^0/, '')}`; fmt = 'intl-(0)';
    } else { t = `00${p.countryCallingCode} ${p.formatInternational().split(' ').slice(1).join(' ')}`; fmt = 'intl-00'; }
    if (p.countryCallingCode === '1' && v === 4) { t = `+1 (${p.nationalNumber.slice(0, 3)}) ${p.nationalNumber.slice(3, 6)}-${p.nationalNumber.slice(6)}`; fmt = 'intl-paren'; }
    return [t, undefined, `${fmt}-${c}`];
  }
  // international numbers of other countries
  const c = r.pick(INTL_COUNTRIES);
  const p = intlFromExample(c);
  const v = r.int(0, 3);
  const t = v === 0 ? p.number : v === 1 ? p.formatInternational() : v === 2 ? p.formatInternational().replace(/ /g, '-') : `00${p.number.slice(1)}`;
  return [t, undefined, ['e164', 'intl-spaces', 'intl-dashes', 'intl-00-compact'][v] + `-${c}`];
}
function checkPhone(t, c) {
  const norm = t.startsWith('00') && c === undefined ? '+' + t.slice(2).replace(/^(\d+)/, '$1') : t;
  return c === undefined ? isValidPhoneNumber(norm) : isValidPhoneNumber(t, c);
}
function phoneEnt() {
  for (;;) {
    const [t, c, fmt] = phoneValue();
    if (checkPhone(t, c)) return E('PHONE', t, fmt);
  }
}
function genPhones(n) {
  const ctx = [
    (p) => ['Call me at ', p, ' after 5pm.'],
    (p) => ['Tel: ', p],
    (p) => ['{"name":"', fullName(), '","phone":"', p, '","verified":true}'],
    (p) => ['--\n', fullName(), '\n', r.pick(COMPANY), '\nM: ', p, '\nE: ', emailEnt()],
    (p) => ['customer_id,name,phone,city\n', String(r.int(1000, 99999)), ',', fullName(), ',', p, ',Lyon'],
    (p) => ['| Front desk | ', p, ' | 24/7 |'],
    (p) => ['You can reach our support team on ', p, ' (Mon-Fri).'],
    (p) => ['Kontakt: ', p],
    (p) => ['Téléphone : ', p],
    (p) => ['電話: ', p, ' までご連絡ください'],
    (p) => [isoTs(), ' INFO sms.send to=', p, ' status=queued provider=twilio'],
    (p) => ['Tool result: {"contacts":[{"label":"mobile","value":"', p, '"}]}'],
    (p) => ['Assistant: The clinic\'s number is ', p, '.'],
    (p) => ['WhatsApp ', p],
    (p) => ['const SUPPORT_LINE = "', p, '";'],
    (p) => ['📞 ', p, ' | 📧 ', emailEnt()],
    (p) => ['Please text ', p, ' to confirm.'],
  ];
  for (let i = 0; i < n; i++) add('PHONE', r.pick(ctx)(phoneEnt()));
  // unformatted numbers need a phone word nearby
  const unfCtx = [(p) => ['phone: ', p], (p) => ['call ', p, ' now'], (p) => ['"mobile": "', p, '"'], (p) => ['tel:', p], (p) => ['Phone number ', p]];
  for (let i = 0; i < 40; i++) {
    const [t, c, fmt] = phoneValue();
    const compact = t.replace(/[^\d+]/g, '');
    if (!t.startsWith('+') && c === undefined) { i--; continue; }
    const ok = c === undefined ? isValidPhoneNumber(compact.startsWith('00') ? '+' + compact.slice(2) : compact) : isValidPhoneNumber(compact, c);
    if (!ok) { i--; continue; }
    add('PHONE', r.pick(unfCtx)(E('PHONE', compact, fmt.replace(/-(dashes|dots|libformat)$/, '') + '-unformatted')));
  }
  // extensions: gold is the number without the extension
  for (let i = 0; i < 20; i++) {
    const c = r.pick(['US', 'GB', 'DE', 'CA']);
    const t = nationalPhone(c);
    const intl = r.chance(0.5) ? parsePhoneNumberFromString(t, c).formatInternational() : t;
    const ext = r.pick([' ext. ', ' x', ' ext ', ' Durchwahl -', ' #']) + r.digits(r.int(2, 4));
    add('PHONE', ['Office: ', E('PHONE', intl, 'with-extension'), ext, ' (reception)']);
  }
  // German slash notation (030/12345678) and spaced 4-digit groups: real but exotic
  for (let i = 0; i < 8; i++) {
    const t = nationalPhone('DE').replace(/[()]/g, '').replace(' ', '/');
    if (!isValidPhoneNumber(t, 'DE')) { i--; continue; }
    add('PHONE', ['Tel. ', E('PHONE', t, 'national-DE-slash'), ' (Zentrale)']);
  }
  // Ofcom drama range 07700 900xxx / 020 7946 0xxx: fictional numbers -> arguable
  for (let i = 0; i < 4; i++) add('PHONE', ['Call ', IGN(`07700 900${r.digits(3)}`, 'ofcom-drama'), ' for details'], ['arguable']);
}

// ---------------------------------------------------------------- CARD
function luhnCheck(body) {
  let sum = 0, dbl = true;
  for (let i = body.length - 1; i >= 0; i--) { let d = +body[i]; if (dbl) { d *= 2; if (d > 9) d -= 9; } sum += d; dbl = !dbl; }
  return String((10 - (sum % 10)) % 10);
}
function luhnOk(d) { let s = 0, dbl = false; for (let i = d.length - 1; i >= 0; i--) { let x = +d[i]; if (dbl) { x *= 2; if (x > 9) x -= 9; } s += x; dbl = !dbl; } return s % 10 === 0; }
const BRANDS = {
  visa16: () => ['4', 16], visa13: () => ['4', 13], visa19: () => ['4', 19],
  mastercard: () => [String(r.int(51, 55)), 16], mastercard2: () => [String(r.int(2221, 2720)), 16],
  amex: () => [r.pick(['34', '37']), 15], discover: () => [r.pick(['6011', '65', String(r.int(644, 649))]), 16],
  diners: () => [r.pick(['36', String(r.int(300, 305)), '38']), 14], jcb: () => [String(r.int(3528, 3589)), 16],
  unionpay: () => ['62' + r.pick(['1', '2', '4', '6', '8']), r.pick([16, 16, 17, 18, 19])],
};
function cardNumber(brand) {
  const [pre, len] = BRANDS[brand]();
  const body = pre + r.digits(len - pre.length - 1);
  return body + luhnCheck(body);
}
function groupCard(d, brand, sep) {
  let groups;
  if (brand === 'amex') groups = [4, 6, 5];
  else if (brand === 'diners') groups = [4, 6, 4];
  else { groups = []; for (let i = 0; i < d.length; i += 4) groups.push(Math.min(4, d.length - i)); }
  let out = [], i = 0;
  for (const g of groups) { out.push(d.slice(i, i + g)); i += g; }
  return out.join(sep);
}
function cardEnt() {
  const brand = r.pick(Object.keys(BRANDS));
  const d = cardNumber(brand);
  if (!luhnOk(d)) throw new Error('luhn');
  const sep = r.pick(['', ' ', ' ', '-']);
  return E('CARD', sep === '' ? d : groupCard(d, brand, sep), `${brand}-${sep === '' ? 'plain' : sep === ' ' ? 'spaces' : 'dashes'}`);
}
function genCards(n) {
  const ctx = [
    (c) => ['Card number: ', c, ' exp 08/27'],
    (c) => ['{"payment_method":{"type":"card","number":"', c, '","exp_month":', String(r.int(1, 12)), ',"exp_year":2027}}'],
    (c) => ['User: can you charge my card ', c, '? Thanks'],
    (c) => [isoTs(), ' ERROR payment declined pan=', c, ' reason=insufficient_funds'],
    (c) => ['order_id,customer,card,amount\nORD-', r.digits(6), ',', fullName(), ',', c, ',129.99'],
    (c) => ['| Corporate card | ', c, ' | expires 11/26 |'],
    (c) => ['stripe.PaymentMethod.create(type="card", card={"number": "', c, '", "exp_month": 12})'],
    (c) => ['Assistant: I saved the card ending in ', c.text.slice(-4), '. Full number on file: ', c, '.'],
    (c) => ['Please use my Amex/Visa: ', c],
    (c) => ['Traceback (most recent call last):\n  File "billing.py", line 88, in charge\n    raise CardError(f"declined: ', c, '")\nCardError: declined: ', E('CARD', c.text, c.fmt)],
  ];
  for (let i = 0; i < n; i++) add('CARD', r.pick(ctx)(cardEnt()));
  // well-known test cards
  for (const t of ['4242 4242 4242 4242', '5555 5555 5555 4444', '3782 822463 10005', '6011 1111 1111 1117', '3056 9309 0259 04', '3530 1113 3330 0000', '2223 0031 2200 3222', '6200 0000 0000 0005']) {
    add('CARD', ['test card: ', E('CARD', t, 'test-card'), ' (any CVC)']);
  }
}

// ---------------------------------------------------------------- IBAN
// BBAN structure: n digits, a upper letters, c alnum upper (SWIFT registry)
const IBAN_FMT = {
  DE: '8n10n', GB: '4a6n8n', FR: '5n5n11c2n', ES: '4n4n1n1n10n', IT: '1a5n5n12c', NL: '4a10n', BE: '3n7n2n', AT: '5n11n',
  CH: '5n12c', PL: '8n16n', PT: '4n4n11n2n', SE: '3n16n1n', NO: '4n6n1n', DK: '4n9n1n', FI: '3n11n', IE: '4a6n8n',
  LU: '3n13c', CZ: '4n6n10n', HU: '3n4n1n15n1n', RO: '4a16c', GR: '3n4n16c', BR: '8n5n10n1a1c', SA: '2n18c', TR: '5n1n16c',
  AE: '3n16n', MT: '4a5n18c', HR: '7n10n', SI: '5n8n2n', SK: '4n6n10n', LT: '5n11n', EE: '2n2n11n1n', LV: '4a13c', IS: '4n2n6n10n',
};
function bban(fmt) {
  let out = '';
  for (const [, n, t] of fmt.matchAll(/(\d+)([nac])/g)) out += r.chars(t === 'n' ? DIG : t === 'a' ? UP : UP + DIG, +n);
  return out;
}
function mod97(s) {
  let rem = 0;
  for (const ch of s) { const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); for (const d of v) rem = (rem * 10 + +d) % 97; }
  return rem;
}
function ibanCompact(country, corrupt = false) {
  const b = bban(IBAN_FMT[country]);
  let check = 98 - mod97(b + country + '00');
  if (corrupt) { const good = check; do { check = r.int(2, 98); } while (check === good); }
  const iban = country + String(check).padStart(2, '0') + b;
  const valid = mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
  if (!corrupt && !valid) throw new Error('iban');
  if (corrupt && valid) return ibanCompact(country, true);
  return iban;
}
const spaced = (s) => s.replace(/(.{4})(?=.)/g, '$1 ');
function ibanEnt() {
  const c = r.pick(Object.keys(IBAN_FMT));
  const iban = ibanCompact(c);
  const v = r.int(0, 9);
  if (v < 4) return E('IBAN', iban, `compact-${c}`);
  if (v < 8) return E('IBAN', spaced(iban), `spaced-${c}`);
  if (v === 8) return E('IBAN', spaced(iban).toLowerCase(), `spaced-lower-${c}`);
  return E('IBAN', iban.toLowerCase(), `compact-lower-${c}`);
}
function genIbans(n) {
  const ctx = [
    (i) => ['IBAN: ', i],
    (i) => ['Please wire the deposit to ', i, ' (BIC ', r.chars(UP, 6), r.chars(UP + DIG, 2), ') by Friday.'],
    (i) => ['{"beneficiary":"', fullName(), '","iban":"', i, '","amount":{"value":"1250.00","currency":"EUR"}}'],
    (i) => ['Bankverbindung: ', r.pick(COMPANY), ' · IBAN ', i, ' · USt-IdNr. DE', r.digits(9)],
    (i) => ['supplier;iban;terms\n', r.pick(COMPANY), ';', i, ';net30'],
    (i) => ['| Payout account | ', i, ' |'],
    (i) => [isoTs(), ' WARN sepa.transfer rejected creditor_iban=', i, ' code=AC01'],
    (i) => ['User: my new account is ', i, ', please update it.'],
    (i) => ['account_number = "', i, '"  # primary EUR account'],
  ];
  for (let i = 0; i < n; i++) add('IBAN', r.pick(ctx)(ibanEnt()));
}

// ---------------------------------------------------------------- SSN
function ssnValue() {
  let a; do { a = r.int(1, 899); } while (a === 666);
  return [String(a).padStart(3, '0'), String(r.int(1, 99)).padStart(2, '0'), String(r.int(1, 9999)).padStart(4, '0')];
}
function genSsns(n) {
  const ctx = [
    (s) => ['SSN: ', s],
    (s) => ['{"applicant":{"name":"', fullName(), '","ssn":"', s, '","dob":"1987-04-12"}}'],
    (s) => ['My social security number is ', s, '.'],
    (s) => ['last,first,ssn,dob\n', cap(r.pick(LAST)), ',', cap(r.pick(FIRST)), ',', s, ',03/14/1979'],
    (s) => ['| ', fullName(), ' | ', s, ' | W-2 |'],
    (s) => [isoTs(), ' DEBUG kyc.verify ssn=', s, ' result=match'],
    (s) => ['Employee SSN ', s, ' was flagged by the background check.'],
    (s) => ['Social Security No. ', s],
  ];
  for (let i = 0; i < n; i++) {
    const [a, g, sr] = ssnValue();
    const v = r.int(0, 9);
    let t, fmt;
    if (v < 7) { t = `${a}-${g}-${sr}`; fmt = 'dashed'; }
    else if (v < 9) { t = `${a} ${g} ${sr}`; fmt = 'spaced'; }
    else { t = `${a}${g}${sr}`; fmt = 'compact'; }
    const c = fmt === 'compact' ? r.pick([ctx[0], ctx[1], ctx[2], ctx[7]]) : r.pick(ctx);
    add('SSN', c(E('SSN', t, fmt)));
  }
}

// ---------------------------------------------------------------- IP
const ipv4 = () => r.pick([
  () => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  () => `192.168.${r.int(0, 255)}.${r.int(1, 254)}`,
  () => `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  () => `${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  () => `203.0.113.${r.int(1, 254)}`, () => `198.51.100.${r.int(1, 254)}`, () => '127.0.0.1', () => '8.8.8.8',
])();
const h16 = () => r.chars(HEX, r.int(1, 4)).replace(/^0+(?=.)/, '');
function ipv6() {
  const v = r.int(0, 8);
  if (v === 0) return [Array.from({ length: 8 }, () => r.chars(HEX, 4)).join(':'), 'v6-full'];
  if (v === 1) return [`2001:db8:${h16()}:${h16()}::${h16()}`, 'v6-compressed'];
  if (v === 2) return [`fe80::${h16()}:${r.chars(HEX, 2).replace(/^0/, '')}ff:fe${r.chars(HEX, 2)}:${h16()}`, 'v6-linklocal'];
  if (v === 3) return [`::ffff:${ipv4()}`, 'v6-v4mapped'];
  if (v === 4) return ['::1', 'v6-loopback'];
  if (v === 5) return [`2606:4700:${h16()}::${h16()}`, 'v6-compressed'];
  if (v === 6) return [Array.from({ length: 8 }, () => r.chars(HEX, 4)).join(':').toUpperCase(), 'v6-full-upper'];
  if (v === 7) return [`64:ff9b::${ipv4()}`, 'v6-nat64'];
  return [`2a00:1450:${h16()}:${h16()}::${r.chars(HEX, 3)}`, 'v6-compressed'];
}
function genIps(n) {
  const v4ctx = [
    (ip) => ['client_ip=', ip, ' method=GET path=/healthz status=200'],
    (ip) => ['Error: connect ECONNREFUSED ', ip, ':5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)'],
    (ip) => ['X-Forwarded-For: ', ip, ', ', E('IP', ipv4(), 'v4')],
    (ip) => ['curl http://', ip, ':8080/api/v1/status'],
    (ip) => ['{"remote_addr":"', ip, '","user_agent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)"}'],
    (ip) => ['ssh deploy@', ip, ' -p 2222'],
    (ip) => ['Allow ', ip, '/32 in the security group'],
    (ip) => ['| web-01 | ', ip, ' | running |'],
    (ip) => ['nameserver ', ip],
    (ip) => ['Assistant: The server at ', ip, ' is not responding to pings.'],
    (ip) => [isoTs(), ' WARN rate limit exceeded for ', ip, ' (429)'],
  ];
  const v6ctx = [
    (ip) => ['inet6 ', ip, ' prefixlen 64 scopeid 0x20<link>'],
    (ip) => ['GET http://[', ip, ']:8080/metrics'],
    (ip) => ['listening on [', ip, ']:443'],
    (ip) => ['{"peer":"', ip, '","rtt_ms":12.4}'],
    (ip) => ['Blocked request from ', ip, ' by WAF rule 942100'],
    (ip) => ['remote=', ip, ' port=51234'],
  ];
  for (let i = 0; i < n; i++) {
    if (r.chance(0.55)) add('IP', r.pick(v4ctx)(E('IP', ipv4(), 'v4')));
    else {
      let [ip, fmt] = ipv6();
      const ctx = r.pick(v6ctx);
      if (r.chance(0.15) && fmt === 'v6-linklocal') { ip += r.pick(['%eth0', '%en0', '%25']); fmt += '-zone'; }
      add('IP', ctx(E('IP', ip, fmt)));
    }
  }
  // the unspecified addresses are arguable
  add('IP', ['Server listening on ', IGN('0.0.0.0', 'unspecified'), ':3000'], ['arguable']);
  add('IP', ['bind [', IGN('::', 'unspecified'), ']:80'], ['arguable']);
}

// ---------------------------------------------------------------- secrets
function jwt() {
  const header = r.pick([{ alg: 'HS256', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT', kid: r.chars(ALNUM, 16) }, { typ: 'JWT', alg: 'ES256' }, { alg: 'RS256', kid: r.chars(HEX, 40) }]);
  const payload = { sub: String(r.int(1000, 999999)), name: fullName(), iat: 1715500000 + r.int(0, 999999), exp: 1716500000 + r.int(0, 999999), scope: 'read write' };
  const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b(header)}.${b(payload)}.${r.bytes(header.alg === 'HS256' ? 32 : 64).toString('base64url')}`;
}
function pem() {
  const type = r.pick(['RSA ', '', 'EC ', 'OPENSSH ', 'ENCRYPTED ']);
  const lines = [];
  for (let i = 0, n = r.int(3, 8); i < n; i++) lines.push(r.bytes(48).toString('base64'));
  lines.push(r.bytes(r.int(5, 40)).toString('base64'));
  return [`-----BEGIN ${type}PRIVATE KEY-----`, ...lines, `-----END ${type}PRIVATE KEY-----`];
}
const SECRET_GEN = {
  OPENAI_KEY: () => r.pick([
    () => 'sk-' + r.chars(ALNUM, 48),
    () => 'sk-proj-' + r.chars(URLSAFE, 74) + 'T3BlbkFJ' + r.chars(URLSAFE, 74),
    () => 'sk-svcacct-' + r.chars(URLSAFE, 74) + 'T3BlbkFJ' + r.chars(URLSAFE, 74),
    () => 'sk-admin-' + r.chars(URLSAFE, 60),
  ])(),
  ANTHROPIC_KEY: () => r.pick(['sk-ant-api03-', 'sk-ant-admin01-']) + r.chars(URLSAFE, 93) + 'AA',
  AWS_ACCESS_KEY: () => r.pick(['AKIA', 'AKIA', 'ASIA']) + r.chars(B32, 16),
  GITHUB_TOKEN: () => r.pick([
    () => r.pick(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']) + r.chars(ALNUM, 36),
    () => 'github_pat_11' + r.chars(UP + DIG, 20) + '_' + r.chars(ALNUM, 59),
  ])(),
  SLACK_TOKEN: () => r.pick([
    () => `xoxb-${r.digits(12)}-${r.digits(13)}-${r.chars(ALNUM, 24)}`,
    () => `xoxp-${r.digits(12)}-${r.digits(12)}-${r.digits(13)}-${r.chars(HEX, 32)}`,
    () => `xapp-1-A${r.chars(UP + DIG, 10)}-${r.digits(13)}-${r.chars(HEX, 64)}`,
    () => `https://hooks.slack.com/services/T${r.chars(UP + DIG, 8)}/B${r.chars(UP + DIG, 10)}/${r.chars(ALNUM, 24)}`,
  ])(),
  STRIPE_KEY: () => r.pick([
    () => r.pick(['sk_live_', 'sk_test_', 'rk_live_', 'pk_live_', 'pk_test_']) + r.chars(ALNUM, 24),
    () => r.pick(['sk_live_51', 'pk_test_51', 'rk_test_51']) + r.chars(ALNUM, 97),
    () => 'whsec_' + r.chars(ALNUM, 32),
  ])(),
  GOOGLE_API_KEY: () => 'AIza' + r.chars(URLSAFE, 35),
  JWT: jwt,
  BEARER_TOKEN: () => r.pick([
    () => 'ya29.a0' + r.chars(URLSAFE, 120),
    () => r.chars(HEX, 40),
    () => r.chars(ALNUM, 10) + r.digits(2) + r.chars(ALNUM, 20),
    () => r.bytes(32).toString('base64url'),
    () => 'pat-na1-' + uuid(),
  ])(),
};
const PASSWORDS = () => r.pick([
  () => r.pick(['hunter2', 'Winter2024!', 'Tr0ub4dor&3', 'correcthorsebatterystaple', 'P@ssw0rd123', 'letmein!', 'qwerty12345', 'Spring#2025']),
  () => r.chars(ALNUM + '!@#%^*', r.int(10, 24)),
  () => r.chars(HEX, 32),
  () => r.bytes(30).toString('base64'),
]);

function genSecrets(per) {
  const vendorCtx = [
    (k, env) => [`export ${env}=`, k],
    (k, env) => [`${env}="`, k, '"'],
    (k) => ['{"config":{"model":"gpt-4o","credentials":"', k, '"}}'],
    (k) => ['client = Client(key="', k, '")'],
    (k) => ['User: here is my key ', k, ' - why does it return 401?'],
    (k) => [isoTs(), ' DEBUG outgoing request key=', k, ' retries=0'],
    (k) => ['| prod | ', k, ' | rotated 2024-05-01 |'],
    (k) => ['Tool output:\n```\n', k, '\n```'],
    (k) => ['Error: Invalid API key provided: ', k, '\n    at APIClient.makeRequest (/app/node_modules/sdk/core.js:312:15)'],
    (k) => ['const token = process.env.TOKEN ?? \'', k, '\';'],
  ];
  const ENV = { OPENAI_KEY: 'OPENAI_API_KEY', ANTHROPIC_KEY: 'ANTHROPIC_API_KEY', AWS_ACCESS_KEY: 'AWS_ACCESS_KEY_ID', GITHUB_TOKEN: 'GITHUB_TOKEN', SLACK_TOKEN: 'SLACK_BOT_TOKEN', STRIPE_KEY: 'STRIPE_SECRET_KEY', GOOGLE_API_KEY: 'GOOGLE_API_KEY' };
  for (const kind of Object.keys(ENV)) {
    for (let i = 0; i < per; i++) {
      const k = SECRET_GEN[kind]();
      let fmt = kind === 'SLACK_TOKEN' && k.startsWith('https') ? 'webhook' : k.slice(0, 8).replace(/[A-Za-z0-9]{4,}$/, '').slice(0, 11) || k.slice(0, 4);
      add(kind, r.pick(vendorCtx)(E(kind, k, fmt), ENV[kind]));
    }
  }
  // documentation example values (real shapes)
  add('AWS_ACCESS_KEY', ['aws_access_key_id = ', E('AWS_ACCESS_KEY', 'AKIAIOSFODNN7EXAMPLE', 'aws-doc-example'), '\naws_secret_access_key = ', E('SECRET', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ini')]);
  add('STRIPE_KEY', ['stripe.api_key = "', E('STRIPE_KEY', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-doc-example'), '"']);
  // JWT
  const jwtCtx = [
    (j) => ['Authorization: Bearer ', j],
    (j) => ['Cookie: session=', j, '; theme=dark'],
    (j) => ['https://app.example.com/callback#id_token=', j, '&state=xyz'],
    (j) => ['{"access_token":"', j, '","token_type":"Bearer","expires_in":3600}'],
    (j) => ['decode this JWT for me: ', j],
    (j) => [isoTs(), ' INFO ws connect jwt=', j],
    (j) => ['curl -H "Authorization: Bearer ', j, '" https://api.example.com/me'],
  ];
  for (let i = 0; i < per; i++) add('JWT', r.pick(jwtCtx)(E('JWT', jwt(), 'jwt')));
  {
    const h = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const p = Buffer.from('{"sub":"42","admin":true}').toString('base64url');
    add('JWT', ['unsigned token: ', E('JWT', `${h}.${p}.`, 'jwt-unsigned')]);
  }
  // Bearer
  const bearerCtx = [
    (t) => ['Authorization: Bearer ', t],
    (t) => ['curl -s -H "Authorization: Bearer ', t, '" https://api.example.com/v1/items'],
    (t) => ['{"headers":{"Authorization":"Bearer ', t, '","Accept":"application/json"}}'],
    (t) => ['requests.get(url, headers={"Authorization": "Bearer ', t, '"})'],
    (t) => [isoTs(), ' DEBUG > authorization: bearer ', t],
    (t) => ['Use the header `Authorization: Bearer ', t, '` for the staging API.'],
  ];
  for (let i = 0; i < per; i++) add('BEARER_TOKEN', r.pick(bearerCtx)(E('BEARER_TOKEN', SECRET_GEN.BEARER_TOKEN(), 'bearer')));
  // Basic
  for (let i = 0; i < per; i++) {
    const cred = Buffer.from(`${r.pick(FIRST)}${r.pick(['', '.admin', '_svc'])}:${PASSWORDS()()}`).toString('base64');
    add('BASIC_AUTH', r.pick([
      (b) => ['Authorization: Basic ', b],
      (b) => ['curl -H "Authorization: Basic ', b, '" https://registry.example.com/v2/'],
      (b) => ['{"auth":{"type":"http","header":"Basic ', b, '"}}'],
      (b) => [isoTs(), ' DEBUG request headers: {Authorization: Basic ', b, ', Accept: */*}'],
    ])(E('BASIC_AUTH', cred, 'basic')));
  }
  // PEM
  for (let i = 0; i < per; i++) {
    const lines = pem();
    const v = r.int(0, 3);
    if (v === 0) add('PRIVATE_KEY', ['Here is the deploy key:\n', E('PRIVATE_KEY', lines.join('\n'), 'pem-raw'), '\nDo not share it.']);
    else if (v === 1) add('PRIVATE_KEY', ['{"type":"service_account","project_id":"demo-123","private_key_id":"', r.chars(HEX, 40), '","private_key":"', E('PRIVATE_KEY', lines.join('\\n'), 'pem-json-escaped'), '\\n","client_email":"', E('EMAIL', 'svc@demo-123.iam.gserviceaccount.com', 'service-account'), '"}'], ['multi']);
    else if (v === 2) add('PRIVATE_KEY', ['tls:\n  key: |\n    ', E('PRIVATE_KEY', lines.join('\n    '), 'pem-yaml-indented'), '\n  cert: ./cert.pem']);
    else add('PRIVATE_KEY', ['cat ~/.ssh/id_rsa\n', E('PRIVATE_KEY', lines.slice(0, 3).join('\n'), 'pem-truncated'), '\n...[truncated 2048 chars]']);
  }
  // URL credentials (gold: the userinfo user:pass)
  for (let i = 0; i < per; i++) {
    const user = r.pick(['app_user', 'postgres', 'admin', 'svc-etl', 'root', 'deploy', 'guest', r.pick(FIRST)]);
    const pass = r.pick([PASSWORDS()().replace(/[@/:?#%&\s]/g, 'x'), r.chars(ALNUM, 16), 'S3cr3t%21pass', 'p%40ssw0rd']);
    const scheme = r.pick(['postgres', 'postgresql', 'mysql', 'redis', 'amqp', 'mongodb+srv', 'https', 'ftp', 'smtp']);
    const host = r.pick(['db.internal', 'cluster0.ab1cd.mongodb.net', 'cache.prod.svc.cluster.local', 'github.com', 'mq.example.com']);
    const ctx = r.pick([
      (u) => ['DATABASE_URL=', scheme, '://', u, '@', host, ':5432/app'],
      (u) => ['{"dsn":"', scheme, '://', u, '@', host, '/db?sslmode=require"}'],
      (u) => ['git clone ', 'https://', u, '@github.com/acme/private-repo.git'],
      (u) => ['Connecting to ', scheme, '://', u, '@', host, ' ...'],
      (u) => [isoTs(), ' ERROR sqlalchemy.exc.OperationalError: could not connect to ', scheme, '://', u, '@', host, '/orders'],
    ]);
    add('URL_CREDENTIALS', ctx(E('URL_CREDENTIALS', `${user}:${pass}`, 'userinfo')));
  }
  for (let i = 0; i < 4; i++) add('URL_CREDENTIALS', ['REDIS_URL=redis://', E('URL_CREDENTIALS', ':' + r.chars(ALNUM, 20), 'userinfo-empty-user'), '@cache.internal:6379/0']);
  // key=value secrets
  const SECRET_KEYS = ['password', 'db_password', 'DB_PASSWORD', 'passwd', 'pwd', 'client_secret', 'api_key', 'apiKey', 'API_TOKEN', 'access_token', 'refresh_token', 'auth_token', 'SECRET_KEY', 'secret', 'x-api-key', 'X-Api-Key', 'AWS_SECRET_ACCESS_KEY', 'webhookSecret', 'smtp_password', 'encryption_key', 'passphrase', 'session_token', 'csrf_token'];
  const secretCtx = [
    (k, v) => [k, '=', v],
    (k, v) => [k, ': ', v],
    (k, v) => ['"', k, '": "', v, '"'],
    (k, v) => ["{'", k, "': '", v, "', 'host': 'db.internal'}"],
    (k, v) => ['export ', k.toUpperCase().replace(/-/g, '_'), '="', v, '"'],
    (k, v) => ['$ ./migrate --', k.toLowerCase().replace(/_/g, '-'), '=', v, ' --dry-run'],
    (k, v) => ['GET /v1/report?format=csv&', k, '=', v, '&page=2 HTTP/1.1'],
    (k, v) => ['config:\n  database:\n    user: app\n    ', k, ': ', v, '\n    pool: 10'],
    (k, v) => [isoTs(), ' DEBUG loaded settings {', k, ': \'', v, '\', debug: true}'],
    (k, v) => ['self.', k.toLowerCase().replace(/-/g, '_'), ' = "', v, '"'],
    (k, v) => ['User: I set ', k, '=', v, ' but it still fails'],
  ];
  for (let i = 0; i < per * 3; i++) {
    const key = r.pick(SECRET_KEYS);
    let val = PASSWORDS()();
    const ctx = r.pick(secretCtx);
    // unquoted contexts end at value-stop characters; keep values free of them so the label is unambiguous
    const unquoted = ![2, 3, 4, 8, 9].includes(secretCtx.indexOf(ctx));
    if (unquoted) val = val.replace(/[&;,'"<>(){}\[\]\s]/g, 'Z').replace(/[.:]+$/, 'Q');
    else val = val.replace(/['"\\]/g, 'Z');
    add('SECRET', ctx(key, E('SECRET', val, 'kv')));
  }
}

// secrets assigned to object attributes in code (self.x = "...", this.x = '...', config.x: ...)
function genAttributeSecrets(n) {
  const keys = ['api_key', 'password', 'client_secret', 'auth_token', 'secret_key', 'pwd', 'passphrase', 'encryption_key', 'credentials', 'otp', 'session_id', 'signing_key', 'cvv', 'passwd', 'apiKey', 'accessToken'];
  const objs = ['self', 'this', 'config', 'settings', 'opts', 'cfg', 'app.config', 'os.environ'];
  for (let i = 0; i < n; i++) {
    const key = r.pick(keys), obj = r.pick(objs);
    const val = r.pick([() => r.chars(ALNUM, r.int(16, 32)), () => r.chars(HEX, 32), () => 'Winter2024!', () => String(r.int(100, 999))])();
    const parts = obj === 'os.environ' ? [`os.environ["${key.toUpperCase()}"] = "`, E('SECRET', val, `attr-${key}`), '"']
      : r.pick([[`${obj}.${key} = "`, E('SECRET', val, `attr-${key}`), '"'], [`${obj}.${key} = '`, E('SECRET', val, `attr-${key}`), "';"], [`${obj}.${key}: "`, E('SECRET', val, `attr-${key}`), '"']]);
    add('SECRET', parts, ['attribute']);
  }
}

// ---------------------------------------------------------------- hard negatives
function genNegatives() {
  const N = (family, text) => add('NEG:' + family, [text]);
  const rep = (k, f) => { for (let i = 0; i < k; i++) f(i); };
  // order / invoice / ticket ids
  rep(25, () => N('order-id', r.pick([
    `Order ORD-2024-${r.digits(6)} shipped on ${isoTs()}`,
    `Invoice #INV-${r.digits(5)} is overdue (due 2024-06-30)`,
    `Your order number is ${r.int(1, 9)}${r.digits(9)}.`,
    `Ticket #${r.digits(7)} assigned to on-call`,
    `{"order_id": ${r.int(1, 9)}${r.digits(11)}, "status": "paid"}`,
    `ref: ${r.chars(UP, 3)}-${r.digits(4)}-${r.digits(4)}-${r.digits(4)}`,
    `Transaction ID: ${r.int(1, 9)}${r.digits(15)}`,
    `PO ${r.digits(3)}-${r.digits(3)}-${r.digits(4)} approved`,
    `Order #${r.int(2, 9)}${r.digits(2)}-${r.int(2, 9)}${r.digits(2)}-${r.digits(4)} confirmed`,
    `Case No. 0${r.int(1, 5)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} reopened`,
    `account 0${r.int(1, 8)}${r.digits(8)} balance: 1,204.55`,
  ])));
  rep(15, () => N('uuid', r.pick([`request_id=${uuid()}`, `{"trace_id":"${uuid()}","span_id":"${r.chars(HEX, 16)}"}`, `Created session ${uuid()}`])));
  rep(15, () => N('git-sha', r.pick([`commit ${r.chars(HEX, 40)}\nAuthor: bot`, `HEAD is now at ${r.chars(HEX, 7)} fix flaky test`, `pinned to ${r.chars(HEX, 40)}`, `sha256:${r.chars(HEX, 64)}`])));
  // timestamps / dates
  rep(30, () => N('timestamp', r.pick([
    `${isoTs()} INFO server started`, `created_at: 2024-${r.int(10, 12)}-${r.int(10, 28)} ${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)}`,
    `"ts": ${1700000000 + r.int(0, 99999999)}`, `"timestamp_ms": ${1700000000000 + r.int(0, 999999999)}`,
    `epoch=${1600000000 + r.int(0, 199999999)} seq=${r.int(1, 999)}`, `deadline ${r.int(1, 28)}/${r.int(1, 12)}/2024 17:00`,
    `Date: Sun, 12 May 2024 10:${r.int(10, 59)}:${r.int(10, 59)} +0000`, `backup-20240512${r.digits(6)}.tar.gz`,
    `due ${r.int(1, 12)}.${r.int(1, 28)}.2024`, `period 2024-01-01 to 2024-03-31`, `nanos=${1715500000}${r.digits(9)}`,
    `at 2024/05/12 ${r.int(10, 23)}:${r.int(10, 59)}`, `window 09:00-17:30 CET`,
    `${r.int(10, 28)}.${r.int(10, 12)}.2024 ${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)}`,
    `logged at 2024 05 ${r.int(10, 28)} ${r.int(10, 23)} ${r.int(10, 59)}`,
  ])));
  // versions
  rep(25, () => N('version', r.pick([
    `version 1.2.3.4`, `upgraded to v10.0.19041`, `OS: Windows 10.0.19041.${r.int(1000, 4000)}`, `Chrome/124.0.6367.${r.int(10, 250)}`,
    `node v20.11.1, npm 10.2.4`, `pip install urllib3==1.26.18 requests==2.31.0`, `build 2024.05.12.${r.int(1, 9)}`,
    `firmware 3.2.${r.int(0, 9)}.${r.int(10, 200)}`, `"version": "4.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(0, 99)}"`,
    `Microsoft.NETCore.App 8.0.${r.int(1, 9)}.${r.int(1, 99)}`, `packages: numpy==1.26.4.${r.int(1, 9)}`, `assembly version 2.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(100, 255)}`,
    `see section ${r.int(1, 9)}.${r.int(1, 9)}.${r.int(1, 9)}.${r.int(1, 9)} of the RFC`, `OID 1.3.6.1.4.1.${r.int(1000, 60000)}`,
  ])));
  // prices, measurements, coordinates, math
  rep(30, () => N('numeric', r.pick([
    `Total: $${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`, `Preis: ${r.int(1, 99)}.${r.digits(3)},${r.digits(2)} €`, `¥ ${r.int(1, 9)} ${r.digits(3)} ${r.digits(3)}`,
    `resolution 1920x1080 @ 144Hz`, `weight 12.5 kg, size 30 x 40 x 55 cm`, `pi ≈ 3.14159265358979`, `coords: 37.${r.digits(4)}, -122.${r.digits(4)}`,
    `lat=${r.int(10, 60)}.${r.digits(6)} lon=${r.int(10, 150)}.${r.digits(6)}`, `(1234 + 5678) * 9 = 62892`, `2^31 - 1 = 2147483647`,
    `processed ${r.int(1, 9)},${r.digits(3)},${r.digits(3)} rows in ${r.int(1, 99)}.${r.digits(2)}s`, `latency p50=12.3ms p99=${r.int(100, 999)}.${r.digits(3)}ms`,
    `bytes_sent=${r.int(1, 9)}${r.digits(9)}`, `GPS 51.5074 N, 0.1278 W`, `revenue 1 234 567 890 USD`, `matrix [[${r.digits(3)}, ${r.digits(3)}], [${r.digits(3)}, ${r.digits(3)}]]`,
    `the answer is ${r.int(1, 9)}${r.digits(9)} (computed)`, `Population: ${r.int(100, 999)} ${r.digits(3)} ${r.digits(3)}`,
    `ratio 16:9, 4:3, 21:9`, `score: 0.${r.digits(8)}`, `tokens: prompt=${r.int(100, 9000)} completion=${r.int(10, 900)} total=${r.int(1000, 9999)}`,
  ])));
  // ISBN, tracking, EAN
  rep(20, () => N('isbn-tracking', r.pick([
    `ISBN 978-3-16-148410-0`, `ISBN-13: 978${r.digits(10)}`, `ISBN 0-306-40615-2`, `UPS tracking 1Z${r.chars(UP + DIG, 6)}${r.digits(10)}`,
    `FedEx tracking number ${r.digits(12)}`, `USPS 9400 ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`,
    `DHL waybill ${r.digits(10)}`, `EAN 40${r.digits(11)}`, `barcode: 5${r.digits(12)}`, `Royal Mail ${r.chars(UP, 2)}${r.digits(9)}GB`,
  ])));
  // Luhn-failing card-like numbers and random long digit runs
  rep(40, () => {
    const brand = r.pick(Object.keys(BRANDS));
    let d = cardNumber(brand);
    d = d.slice(0, -1) + String((+d.slice(-1) + r.int(1, 9)) % 10);
    if (luhnOk(d)) return;
    const grp = r.chance(0.5) ? groupCard(d, brand, r.pick([' ', '-'])) : d;
    N('card-luhn-fail', r.pick([`card ${grp} declined`, `{"pan":"${grp}"}`, `number: ${grp}`, `${grp}`]));
  });
  rep(25, () => {
    let d; do { d = String(r.int(1, 9)) + r.digits(r.int(9, 15)); } while (luhnOk(d));
    N('long-digits', r.pick([`id=${d}`, `row ${d} inserted`, `"snowflake": "${d}"`, `checksum ${d}`, `seed: ${d}`, `count=${d}`, `value ${d} out of range`]));
  });
  // IBAN-like with wrong check digits
  rep(20, () => {
    const c = r.pick(Object.keys(IBAN_FMT));
    const bad = ibanCompact(c, true);
    N('iban-bad-check', r.pick([`IBAN: ${bad}`, `iban ${spaced(bad)}`, `"iban":"${bad}"`]));
  });
  rep(6, () => N('iban-like', r.pick([`Model DE12 3456 in stock`, `Part GB22-ABCD-1234`, `part no FR76 3000 (rev B)`, `gate NL91 opens at 06:00`])));
  // invalid SSNs
  rep(15, () => {
    const bad = r.pick([`000-${r.digits(2).replace(/^00$/, '12')}-${r.int(1000, 9999)}`, `666-${r.int(10, 99)}-${r.int(1000, 9999)}`, `9${r.int(0, 9)}${r.int(0, 9)}-${r.int(70, 99)}-${r.int(1000, 9999)}`, `${r.int(100, 665)}-00-${r.int(1000, 9999)}`, `${r.int(100, 665)}-${r.int(10, 99)}-0000`]);
    N('ssn-invalid', r.pick([`SSN: ${bad}`, `ITIN ${bad}`, `"ssn": "${bad}" (test fixture)`]));
  });
  // hex colors, base64, paths, semver, ports
  rep(10, () => N('hex-color', `color: #${r.chars(HEX, 6)}; background: #${r.chars(HEX, 3)};`));
  rep(15, () => N('base64', r.pick([`data:image/png;base64,${r.bytes(r.int(30, 90)).toString('base64')}`, `"payload": "${r.bytes(48).toString('base64')}"`, `attachment ${r.bytes(60).toString('base64url')}`])));
  rep(15, () => N('path', r.pick([
    `/var/log/app/2024-05-12/worker-${r.digits(3)}.log`, `C:\\Users\\jdoe\\AppData\\Local\\Temp\\tmp${r.digits(6)}.txt`, `s3://datalake/events/2024/05/12/part-${r.digits(5)}.parquet`,
    `  at Object.<anonymous> (/home/ci/build/${r.digits(8)}/src/index.ts:${r.int(1, 999)}:${r.int(1, 80)})`, `File "/usr/lib/python3.11/site-packages/foo/bar.py", line ${r.int(100, 9999)}, in run`,
    `gs://bucket/models/ckpt-${r.digits(7)}/weights.bin`, `~/Downloads/IMG_${r.digits(8)}_${r.digits(6)}.jpg`,
  ])));
  rep(10, () => N('semver', r.pick([`"react": "^18.2.0", "typescript": "~5.4.5"`, `engines: node >=18.0.0 <21.0.0 || 22.x`, `peerDependency ">=1.2.3 <2.0.0-0"`, `range 1.2.3 - 2.3.4`])));
  rep(12, () => N('port', r.pick([`listening on http://localhost:${r.int(1024, 65535)}`, `PORT=${r.int(1024, 65535)}`, `EXPOSE 8080 9090`, `ports: ["5432:5432", "6379:6379"]`, `bind :${r.int(1024, 65535)}`])));
  // ipv6 / colon lookalikes
  rep(15, () => N('colon-lookalike', r.pick([
    `MAC ${Array.from({ length: 6 }, () => r.chars(HEX, 2)).join(':')}`, `std::vector<int> v; std::map<int, int> m;`, `at 12:${r.int(10, 59)}:${r.int(10, 59)}.${r.digits(3)}`,
    `elapsed 01:23:45`, `Foo::Bar::baz()`, `ratio 3:2:1`, `timecode 00:01:${r.int(10, 59)}:${r.int(10, 24)}`, `bible John 3:16`, `score 21:18:25`,
    `sha1:${r.chars(HEX, 4)}:${r.chars(HEX, 4)}`, `::before { content: "a" }`,
  ])));
  // phone-like numbers in non-phone contexts
  rep(30, () => N('phone-like', r.pick([
    `Order 415-555-${r.digits(4)} confirmed`, `SKU 020-7946-${r.digits(4)}`, `invoice 030 ${r.digits(8)}`, `ticket 01 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
    `session ${r.int(2, 9)}${r.digits(9)}`, `serial number 06-${r.digits(8)}`, `Part #: 0${r.int(1, 9)}${r.digits(2)} ${r.digits(3)} ${r.digits(4)}`,
    `user_id: ${r.int(2, 9)}${r.digits(9)}`, `build 0${r.int(1, 9)}-${r.digits(4)}-${r.digits(4)}`, `zip 94103-${r.digits(4)}`,
    `elapsed_ms=${r.int(2, 9)}${r.digits(9)}`, `Call ID: ${r.int(2, 9)}${r.digits(9)}`, `text length ${r.int(1000, 99999)}`,
    `lot 2024-${r.digits(4)}-${r.digits(3)}`, `model 06 1234 5678-B`, `ref 07911 ${r.digits(6)}`, `"account_id": "0${r.int(1, 9)}${r.digits(9)}"`,
  ])));
  // email lookalikes
  rep(15, () => N('email-like', r.pick([
    `logo@2x.png`, `icon@3x.webp loaded`, `npm i @types/node@20.11.5`, `"@scope/pkg@^1.2.3"`, `docker pull nginx@sha256:${r.chars(HEX, 64)}`,
    `user@localhost`, `admin@server01`, `@decorator\ndef handler(): pass`, `styles@media (max-width: 600px)`, `ping me @${r.pick(FIRST)} on slack`,
    `jdoe@host.local`, `root@db-primary:~# ls`, `foo@bar`, `build@${r.digits(8)}`, `svc@intranet.internal`,
  ])));
  // secret lookalikes
  rep(40, () => N('secret-like', r.pick([
    `https://blog.example.com/risk-assessment-framework-for-early-stage-startups`, `--task-runner-concurrency-limit-per-node=4`, `pip install scikit-learn scikit-image`,
    `the bearer of this letter is authorised`, `Authorization: Bearer <token>`, `Authorization: Bearer $API_TOKEN`, `headers = {"Authorization": f"Bearer {token}"}`,
    `Basic information about the plan`, `WWW-Authenticate: Basic realm="api"`, `10 PRINT "HELLO" in BASIC`, `basic usage: run the script`,
    `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${r.chars(ALNUM, 40)}\n-----END PUBLIC KEY-----`,
    `-----BEGIN CERTIFICATE-----\nMIIB${r.chars(ALNUM, 60)}\n-----END CERTIFICATE-----`, `AKIA prefix marks long-term keys`, `AIza keys are Google keys`,
    `eyJ1c2VyIjoiYm9iIn0= is base64 of a JSON object`, `xoxb- tokens belong to bots`, `sk-... (redacted)`, `ghp_ prefix = classic PAT`,
    `"password": null`, `password: ********`, `"max_tokens": 1024, "temperature": 0.2`, `"token_type": "Bearer", "expires_in": 3600`,
    `"input_tokens": ${r.int(100, 9999)}, "output_tokens": ${r.int(10, 999)}`, `tokenizer: cl100k_base`, `"eos_token": "</s>", "pad_token": "<pad>"`,
    `"password_required": true`, `"api_key_id": "key_${r.digits(6)}"`, `secretName: db-credentials`, `"passwordless": false`,
    `password=`, `token=""`, `{"secret": "", "token": null}`, `"password": "[REDACTED]"`, `"tokens_per_second": 48.2`,
    `"auth_method": "oauth2"`, `"num_tokens": 20480`, `"token_budget": 8000`,
  ])));
  // secret-named keys whose value is a variable / expression in code, not a secret
  rep(24, () => N('code-reference', r.pick([
    `password = os.environ["DB_PASSWORD"]`, `client = OpenAI(api_key=api_key)`, `const token = process.env.GITHUB_TOKEN;`, `password=getpass.getpass()`,
    `token: this.authService.getToken(),`, `api_key = settings.OPENAI_API_KEY`, `secret = config.get("jwt_secret")`, `headers["Authorization"] = f"Bearer {self.token}"`,
    `auth_token := os.Getenv("AUTH_TOKEN")`, `passwd = input("Password: ")`, `let apiKey = req.headers['x-api-key'];`, `access_token = response.json()["access_token"]`,
    `DB_PASSWORD=\${DB_PASSWORD}`, `password: \${{ secrets.DB_PASSWORD }}`, `api_key: !env_var OPENAI_API_KEY`, `token = None  # set later`,
  ])));
  // arguable negatives (label IGNORE so they are reported but not scored)
  const arg = (family, pre, v, post) => add('NEG:' + family, [pre, IGN(v, family), post], ['arguable']);
  arg('placeholder', 'Authorization: Bearer ', 'YOUR_API_KEY_HERE', '');
  arg('placeholder', 'export GITHUB_TOKEN=', 'ghp_' + 'X'.repeat(36), '');
  arg('placeholder', 'api_key: ', '<your-api-key>', '');
  arg('placeholder', 'OPENAI_API_KEY=', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '');
  arg('sensitive-key-non-secret', '"password_policy": "', 'min12-upper-digit', '"');
  arg('sensitive-key-non-secret', '"password_last_changed": "', '2024-03-01', '"');
  arg('sensitive-key-non-secret', 'tests pass: ', '120', ' fail: 3');
  arg('sensitive-key-non-secret', '"next_token": "', r.bytes(24).toString('base64url'), '"');
  arg('sensitive-key-non-secret', '"auth": "', 'oauth2', '"');
  arg('version-ipv4', 'pip install foo==', '1.2.3.4', '');
  arg('ean-visa13', 'EAN ', '4006381333931', ' (13 digits, starts with 4)');
  arg('filename-tld', 'uploaded report@', '2024-05-12.zip', '');
}

// ---------------------------------------------------------------- mixed and long samples (long ones exercise the >=512-char scan path)
function genMixed(n) {
  for (let i = 0; i < n; i++) {
    const v = r.int(0, 4);
    if (v === 0) { // JSON array of customer records
      const recs = [];
      for (let k = 0, m = r.int(4, 8); k < m; k++) {
        recs.push(['{"id":"', uuid(), '","name":"', fullName(), '","email":"', emailEnt(), '","phone":"', phoneEnt(), '"', r.chance(0.4) ? [',"iban":"', ibanEnt(), '"'] : '', r.chance(0.3) ? [',"card":"', cardEnt(), '"'] : '', ',"created":"', isoTs(), '","orders":', String(r.int(0, 300)), '}', k < m - 1 ? ',' : '']);
      }
      add('MIXED:json-records', ['Tool result (crm.search): [', recs, ']']);
    } else if (v === 1) { // log excerpt
      const lines = [];
      for (let k = 0, m = r.int(8, 14); k < m; k++) {
        const w = r.int(0, 6);
        const pre = `${isoTs()} ${level()} [${r.pick(['api', 'worker', 'auth', 'billing'])}-${r.int(1, 9)}] `;
        if (w === 0) lines.push([pre, 'request from ', E('IP', ipv4(), 'v4'), ' took ', String(r.int(1, 999)), 'ms trace=', uuid(), '\n']);
        else if (w === 1) lines.push([pre, 'user ', emailEnt(), ' logged in\n']);
        else if (w === 2) lines.push([pre, 'job ', String(r.int(10000, 99999)), ' finished in ', String(r.int(1, 99)), '.', r.digits(3), 's, rows=', String(r.int(1000, 999999)), '\n']);
        else if (w === 3) lines.push([pre, 'notify sms to ', phoneEnt(), ' ok\n']);
        else if (w === 4) { const [ip, f] = ipv6(); lines.push([pre, 'peer ', E('IP', ip, f), ' disconnected\n']); }
        else if (w === 5) lines.push([pre, 'GET /api/v2/orders/', String(r.int(100000, 999999)), '?page=', String(r.int(1, 9)), ' 200 ', String(r.int(10, 900)), 'ms\n']);
        else lines.push([pre, 'payout to ', ibanEnt(), ' scheduled\n']);
      }
      add('MIXED:log', lines);
    } else if (v === 2) { // markdown table
      const rows = [];
      for (let k = 0, m = r.int(3, 7); k < m; k++) rows.push(['| ', fullName(), ' | ', emailEnt(), ' | ', phoneEnt(), ' | ', String(r.int(1, 99)), '.', r.digits(2), ' |\n']);
      add('MIXED:markdown', ['| Name | Email | Phone | Score |\n|---|---|---|---|\n', rows]);
    } else if (v === 3) { // email thread with signature and non-ASCII
      add('MIXED:email-thread', ['Bonjour ', cap(r.pick(FIRST)), ',\n\nSuite à notre échange du 12/05/2024, voici les coordonnées bancaires : ', ibanEnt(), '.\nLa facture n° ', String(r.int(10000, 99999)), ' d\'un montant de 1 250,00 € est jointe.\n\nCordialement,\n', fullName(), '\n', r.pick(COMPANY), ' — Service comptabilité\nTél. : ', phoneEnt(), '\nMobile : ', phoneEnt(), '\n', emailEnt(), '\n', 'Réf. dossier 2024-', r.digits(5), ' — merci de rappeler cette référence.\n'.repeat(r.int(1, 3))]);
    } else { // agent transcript with secrets
      add('MIXED:transcript', ['User: deploy the service. Here are the creds.\nAssistant: Running `env`...\nTool result:\nHOME=/root\nPATH=/usr/local/bin:/usr/bin\nNODE_ENV=production\nOPENAI_API_KEY=', E('OPENAI_KEY', SECRET_GEN.OPENAI_KEY(), 'env'), '\nAWS_ACCESS_KEY_ID=', E('AWS_ACCESS_KEY', SECRET_GEN.AWS_ACCESS_KEY(), 'env'), '\nAWS_SECRET_ACCESS_KEY=', E('SECRET', r.chars(ALNUM + '+/', 40), 'env'), '\nDATABASE_URL=postgres://', E('URL_CREDENTIALS', 'app:' + r.chars(ALNUM, 18), 'env'), '@', E('IP', '10.0.4.2', 'v4'), ':5432/app\nSLACK_WEBHOOK=', E('SLACK_TOKEN', `https://hooks.slack.com/services/T${r.chars(UP + DIG, 8)}/B${r.chars(UP + DIG, 10)}/${r.chars(ALNUM, 24)}`, 'webhook'), '\nLOG_LEVEL=info\nWORKERS=', String(r.int(2, 16)), '\nAssistant: I see the environment is configured; the service runs on port 8080 with build 2024.05.12.3.']);
    }
  }
}

genEmails(170);
genPhones(330);
genCards(150);
genIbans(150);
genSsns(90);
genIps(160);
genSecrets(40);
genAttributeSecrets(40);
genNegatives();
genMixed(110);

// sanity: every labelled phone is valid per libphonenumber; cards Luhn; IBAN mod-97
for (const s of samples) for (const e of s.entities) {
  const t = s.text.slice(e.start, e.end);
  if (e.kind === 'CARD' && !luhnOk(t.replace(/\D/g, ''))) throw new Error('bad card ' + t);
  if (e.kind === 'IP' && !isIP(t.replace(/%\w+$/, ''))) throw new Error('bad ip ' + t);
  if (e.kind === 'PHONE' && !(isValidPhoneNumber(t.startsWith('00') ? '+' + t.slice(2) : t) || ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IN', 'IT', 'JP', 'BR'].some((c) => isValidPhoneNumber(t, c)))) throw new Error('bad phone ' + t);
  if (e.kind === 'IBAN') { const c = t.replace(/ /g, '').toUpperCase(); if (mod97(c.slice(4) + c.slice(0, 4)) !== 1) throw new Error('bad iban ' + t); }
}
writeFileSync(new URL('./corpus.json', import.meta.url), JSON.stringify(samples, null, 1));
const byFam = {};
for (const s of samples) byFam[s.family.split(':')[0] === 'NEG' ? 'NEG' : s.family] = (byFam[s.family.split(':')[0] === 'NEG' ? 'NEG' : s.family] ?? 0) + 1;
console.log(samples.length, 'samples', byFam, samples.reduce((a, s) => a + s.entities.length, 0), 'entities');
