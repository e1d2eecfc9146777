// Shared helpers: seeded randomness, span-building template tag, value generators with validation.
import { parsePhoneNumberFromString, isValidPhoneNumber } from 'libphonenumber-js/max';

export function makeRng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
let rnd = makeRng(20240512);
export const setSeed = (s) => { rnd = makeRng(s); };
export const r = () => rnd();
export const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
export const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
export const chance = (p) => rnd() < p;
export const shuffle = (arr) => { const a = [...arr]; for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
export const DIG = '0123456789', HEX = '0123456789abcdef', UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', LOW = 'abcdefghijklmnopqrstuvwxyz';
export const ALNUM = UP + LOW + DIG, B64 = ALNUM + '+/', B64URL = ALNUM + '-_', B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const chars = (set, n) => { let s = ''; for (let i = 0; i < n; i++) s += set[Math.floor(rnd() * set.length)]; return s; };
export const digits = (n) => chars(DIG, n);

// ---- span-building template tag ----
// doc`text ${S('EMAIL', v)} more ${nestedDoc} ${'plain'}` -> { doc: true, text, spans }
export function doc(strings, ...vals) {
  let text = '';
  const spans = [];
  strings.forEach((s, i) => {
    text += s;
    if (i >= vals.length) return;
    append(vals[i]);
  });
  function append(v) {
    if (v === null || v === undefined || v === false) return;
    if (Array.isArray(v)) { v.forEach(append); return; }
    if (typeof v === 'string' || typeof v === 'number') { text += String(v); return; }
    if (v.doc) { for (const sp of v.spans) spans.push({ ...sp, start: sp.start + text.length, end: sp.end + text.length }); text += v.text; return; }
    if (v.kind) { const { value, ...meta } = v; spans.push({ ...meta, start: text.length, end: text.length + value.length }); text += value; return; }
    throw new Error('bad doc part ' + JSON.stringify(v));
  }
  return { doc: true, text, spans };
}
export const S = (kind, value, meta = {}) => ({ kind, value, ...meta });
export const join = (parts, sep = '\n') => { const vals = []; parts.forEach((p, i) => { if (i) vals.push(sep); vals.push(p); }); return doc(['', ...vals.map(() => '')], ...vals); };
// Wrap a doc so that its text is JSON-string-escaped (spans recomputed piecewise).
export function jsonEscapeDoc(d) {
  const esc = (s) => JSON.stringify(s).slice(1, -1);
  let text = '', spans = [], pos = 0;
  const sorted = [...d.spans].sort((a, b) => a.start - b.start);
  for (const sp of sorted) {
    if (sp.start < pos) throw new Error('overlapping spans in jsonEscapeDoc');
    text += esc(d.text.slice(pos, sp.start));
    const v = esc(d.text.slice(sp.start, sp.end));
    spans.push({ ...sp, start: text.length, end: text.length + v.length });
    text += v; pos = sp.end;
  }
  text += esc(d.text.slice(pos));
  return { doc: true, text, spans };
}

// ---- people ----
export const PEOPLE = {
  en: [['James', 'Miller'], ['Emily', 'Clarke'], ['Michael', 'Johnson'], ['Sarah', 'O\'Brien'], ['David', 'Nguyen'], ['Olivia', 'Brown'], ['Daniel', 'Wright'], ['Grace', 'Kim']],
  de: [['Anna', 'Müller'], ['Lukas', 'Schmidt'], ['Jürgen', 'Weiß'], ['Katrin', 'Becker'], ['Felix', 'Hoffmann'], ['Lena', 'Schäfer']],
  fr: [['Jean', 'Dupont'], ['Camille', 'Lefèvre'], ['Élodie', 'Martin'], ['Hugo', 'Bernard'], ['Chloé', 'Moreau']],
  es: [['María', 'García'], ['Javier', 'Fernández'], ['Lucía', 'Martínez'], ['Alejandro', 'López']],
  pt: [['João', 'Silva'], ['Ana', 'Souza'], ['Pedro', 'Oliveira'], ['Beatriz', 'Costa']],
  ja: [['Yuki', 'Tanaka'], ['Haruto', 'Sato'], ['Aoi', 'Suzuki'], ['Ren', 'Takahashi']],
  hi: [['Priya', 'Sharma'], ['Rahul', 'Verma'], ['Ananya', 'Iyer'], ['Arjun', 'Patel'], ['Sneha', 'Reddy']],
  it: [['Giulia', 'Rossi'], ['Marco', 'Bianchi'], ['Francesca', 'Romano'], ['Luca', 'Esposito']],
};
const DOMAINS = {
  en: ['gmail.com', 'outlook.com', 'yahoo.com', 'acme-corp.com', 'example.org', 'company.io', 'mail.co.uk', 'icloud.com', 'proton.me', 'fastmail.fm'],
  de: ['web.de', 'gmx.de', 't-online.de', 'firma.de', 'posteo.de', 'gmx.net'],
  fr: ['orange.fr', 'free.fr', 'laposte.net', 'societe.fr', 'sfr.fr'],
  es: ['telefonica.es', 'gmail.com', 'empresa.es', 'hotmail.es'],
  pt: ['uol.com.br', 'bol.com.br', 'sapo.pt', 'gmail.com', 'empresa.com.br'],
  ja: ['yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'example.jp', 'kaisha.co.jp'],
  hi: ['rediffmail.com', 'gmail.com', 'infosys.com', 'yahoo.co.in', 'company.in'],
  it: ['libero.it', 'virgilio.it', 'tiscali.it', 'azienda.it'],
};
const ASCII = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z]/g, '');
export function person(loc = 'en') { const [f, l] = pick(PEOPLE[loc] ?? PEOPLE.en); return { first: f, last: l, full: `${f} ${l}`, loc }; }
export function email(p = person(), loc = p.loc) {
  const f = ASCII(p.first).toLowerCase(), l = ASCII(p.last).toLowerCase();
  const local = pick([`${f}.${l}`, `${f[0]}${l}`, `${f}_${l}${ri(1, 99)}`, `${f}.${l}+${pick(['news', 'shop', 'work', 'trace'])}`, `${f}${ri(70, 99)}`, `${l}.${f}`, `${f}-${l}`]);
  const dom = pick(DOMAINS[loc] ?? DOMAINS.en);
  return chance(0.1) ? `${local[0].toUpperCase()}${local.slice(1)}@${dom}` : `${local}@${dom}`;
}

// ---- phones (validated with libphonenumber-js/max) ----
const d = digits;
const PHONE_GEN = {
  US: () => '1' + pick(['212', '415', '646', '312', '617', '206', '303', '512', '202', '305', '718', '213', '470', '628']) + ri(2, 9) + d(2) + d(4),
  CA: () => '1' + pick(['416', '604', '514', '403', '613', '647', '778']) + ri(2, 9) + d(2) + d(4),
  GB: () => '44' + pick([() => '7' + pick(['400', '700', '800', '900', '911', '123', '447', '956']) + d(6), () => '20' + pick(['7', '3', '8']) + d(7), () => '161' + pick(['4', '2']) + d(6), () => '131' + '4' + d(6), () => '113' + '4' + d(6)])(),
  DE: () => '49' + pick([() => '30' + ri(2, 9) + d(6), () => '89' + ri(2, 9) + d(6), () => '40' + ri(2, 9) + d(6), () => '221' + ri(2, 9) + d(6), () => pick(['151', '160', '170', '176', '152', '157', '171']) + d(pick([7, 8]))])(),
  FR: () => '33' + pick(['6', '7', '1', '2', '3', '4', '5', '9']) + d(8),
  NL: () => '31' + pick([() => '6' + ri(1, 5) + d(7), () => '20' + ri(2, 9) + d(6), () => '10' + ri(2, 9) + d(6)])(),
  AU: () => '61' + pick([() => '4' + ri(0, 9) + d(7), () => '2' + pick(['9', '8']) + d(7), () => '3' + '9' + d(7)])(),
  IN: () => '91' + pick([() => ri(7, 9) + d(9), () => '11' + ri(2, 4) + d(7), () => '22' + ri(2, 6) + d(7), () => '80' + ri(2, 4) + d(7)])(),
  IT: () => '39' + pick([() => '3' + pick(['33', '47', '39', '20', '28', '40']) + d(7), () => '06' + d(pick([7, 8])), () => '02' + d(8)])(),
  JP: () => '81' + pick([() => '3' + d(8), () => '6' + d(8), () => pick(['90', '80', '70']) + ri(1, 9) + d(7)])(),
  BR: () => '55' + pick(['11', '21', '31', '41', '51', '61']) + pick([() => '9' + ri(6, 9) + d(7), () => ri(2, 4) + d(7)])(),
  ES: () => '34' + pick([() => '6' + d(8), () => '91' + d(7), () => '93' + d(7)])(),
  PT: () => '351' + pick([() => '9' + pick(['1', '2', '3', '6']) + d(7), () => '21' + d(7), () => '22' + d(7)])(),
  MX: () => '52' + '55' + d(8),
};
export function phone(country) {
  for (let k = 0; k < 500; k++) {
    const p = parsePhoneNumberFromString('+' + PHONE_GEN[country]());
    if (p && p.isValid() && (p.country === country || (country === 'US' && p.country === 'US') || (country === 'CA' && p.country === 'CA'))) return p;
  }
  throw new Error('no phone for ' + country);
}
// Normalise Unicode variants before validating a written phone string.
export function normPhoneText(s) {
  return s.replace(/[\u00a0\u202f\u2009\u2007]/g, ' ').replace(/[\u2010-\u2015\u2212\uff0d]/g, '-').replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/\uff08/g, '(').replace(/\uff09/g, ')').replace(/\uff0b/g, '+').replace(/\u200b/g, '');
}
export function phoneValid(s, country) { try { return isValidPhoneNumber(normPhoneText(s), country); } catch { return false; } }
// Written variants of a number; each is re-validated by the caller.
export function phoneVariants(p) {
  const nat = p.formatNational(), intl = p.formatInternational(), nsn = p.nationalNumber, cc = p.countryCallingCode;
  const v = { nat, intl, e164: p.number };
  const c = p.country;
  if (c === 'US' || c === 'CA') {
    const a = nsn.slice(0, 3), b = nsn.slice(3, 6), e = nsn.slice(6);
    Object.assign(v, { dash: `${a}-${b}-${e}`, dot: `${a}.${b}.${e}`, one: `1-${a}-${b}-${e}`, plusParen: `+1 (${a}) ${b}-${e}`, space: `${a} ${b} ${e}`, compact: nsn });
  } else {
    const intlGroups = intl.split(' ').slice(1);
    Object.assign(v, { compactNat: nat.replace(/\D/g, ''), zeroZero: `00${cc} ${intlGroups.join(' ')}`, dashedIntl: `+${cc}-${intlGroups.join('-')}` });
    if (['GB', 'DE', 'NL', 'AU', 'FR'].includes(c)) v.trunkMark = `+${cc} (0)${intlGroups.join(' ')}`;
    if (c === 'FR') v.dotted = nat.replace(/ /g, '.');
    if (c === 'DE' && !nsn.startsWith('1')) { const m = nat.match(/^(0\d+) (\d+)$/); if (m) { v.slash = `${m[1]}/${m[2]}`; v.paren = `(${m[1]}) ${m[2]}`; } }
    if (c === 'IN' && p.getType() === 'MOBILE') { v.noTrunk = `${nsn.slice(0, 5)} ${nsn.slice(5)}`; }
    if (c === 'IT' && p.getType() === 'MOBILE') { v.noTrunk = `${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`; }
    if (c === 'JP') v.jpParen = nat.replace(/^0(\d+)-/, '0$1-');
  }
  return v;
}

// ---- cards ----
export function luhn(digs) { let s = 0, dbl = false; for (let i = digs.length - 1; i >= 0; i--) { let x = +digs[i]; if (dbl) { x *= 2; if (x > 9) x -= 9; } s += x; dbl = !dbl; } return s % 10 === 0; }
function luhnComplete(prefix, len) { const body = prefix + d(len - prefix.length - 1); for (let x = 0; x < 10; x++) if (luhn(body + x)) return body + x; }
const SCHEMES = {
  visa: () => luhnComplete('4', 16), visa13: () => luhnComplete('4', 13), mc: () => luhnComplete(String(ri(51, 55)), 16), mc2: () => luhnComplete(String(ri(2221, 2720)), 16),
  amex: () => luhnComplete(pick(['34', '37']), 15), discover: () => luhnComplete('6011', 16), jcb: () => luhnComplete(String(ri(3528, 3589)), 16),
  diners: () => luhnComplete('36', 14), unionpay: () => luhnComplete('62', pick([16, 19])), maestro: () => luhnComplete(pick(['6759', '5018', '6304']), pick([16, 19])),
};
export function card(scheme = pick(['visa', 'visa', 'visa', 'mc', 'mc', 'mc2', 'amex', 'discover', 'jcb', 'diners', 'unionpay', 'maestro'])) { return { digits: SCHEMES[scheme](), scheme }; }
export function groupCard(digs, sep = ' ') {
  const n = digs.length; let g;
  if (n === 15) g = [4, 6, 5]; else if (n === 14) g = [4, 6, 4]; else if (n === 19) g = [4, 4, 4, 4, 3]; else if (n === 13) g = [4, 3, 3, 3]; else g = [4, 4, 4, 4];
  const out = []; let i = 0; for (const k of g) { out.push(digs.slice(i, i + k)); i += k; } return out.join(sep);
}
export const TEST_CARDS = ['4242424242424242', '4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '4000056655665556', '5105105105105100'];

// ---- IBAN ----
const IBAN_BBAN = { DE: 'n18', FR: 'n10c11n2', ES: 'n20', IT: 'a1n10c12', NL: 'a4n10', GB: 'a4n14', BE: 'n12', CH: 'n5c12', AT: 'n16', PT: 'n21', PL: 'n24', IE: 'a4n14', SE: 'n20', LU: 'n3c13', DK: 'n14', NO: 'n11' };
function bbanOf(spec) { let out = ''; for (const [, t, n] of spec.matchAll(/([anc])(\d+)/g)) out += chars(t === 'a' ? UP : t === 'n' ? DIG : (UP + DIG + DIG + DIG), +n); return out; }
export function mod97(s) { let rem = 0; for (const ch of s) { const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); for (const x of v) rem = (rem * 10 + +x) % 97; } return rem; }
export function ibanValidRef(iban) { const c = iban.replace(/[\s\u00a0]/g, '').toUpperCase(); return c.length >= 15 && mod97(c.slice(4) + c.slice(0, 4)) === 1; }
export function iban(cc = pick(Object.keys(IBAN_BBAN))) { const bban = bbanOf(IBAN_BBAN[cc]); const check = String(98 - mod97(bban + cc + '00')).padStart(2, '0'); return cc + check + bban; }
export function badIban(cc = pick(Object.keys(IBAN_BBAN))) { const good = iban(cc); const ck = (+good.slice(2, 4) + ri(1, 50)) % 97; const s = good.slice(0, 2) + String(ck).padStart(2, '0') + good.slice(4); return ibanValidRef(s) ? badIban(cc) : s; }
export const groupIban = (s, sep = ' ') => s.match(/.{1,4}/g).join(sep);

// ---- SSN ----
export function ssn() { let a; do a = ri(1, 899); while (a === 666); return [String(a).padStart(3, '0'), String(ri(1, 99)).padStart(2, '0'), String(ri(1, 9999)).padStart(4, '0')]; }

// ---- IPs ----
export const ipv4Public = () => pick([() => `203.0.113.${ri(1, 254)}`, () => `198.51.100.${ri(1, 254)}`, () => `${ri(23, 223)}.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`, () => `${pick([34, 35, 52, 54, 3, 13, 18])}.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`])();
export const ipv4Private = () => pick([() => `10.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`, () => `192.168.${ri(0, 255)}.${ri(1, 254)}`, () => `172.${ri(16, 31)}.${ri(0, 255)}.${ri(1, 254)}`])();
export const ipv6 = () => pick([() => `2001:db8:${chars(HEX, 4)}::${chars(HEX, ri(1, 4))}`, () => `2001:0db8:85a3:0000:0000:8a2e:0370:${chars(HEX, 4)}`, () => `fe80::${chars(HEX, 3)}:${chars(HEX, 4)}:fe${chars(HEX, 2)}:${chars(HEX, 4)}`, () => `2a02:${chars(HEX, 4)}:${chars(HEX, 3)}:${chars(HEX, 4)}:${ri(1, 9)}::${ri(1, 99)}`, () => `2606:4700:${chars(HEX, 4)}::${chars(HEX, 4)}:${chars(HEX, 4)}`])();

// ---- secrets ----
const b64url = (s) => Buffer.from(s).toString('base64url');
export const SEC = {
  openaiLegacy: () => 'sk-' + chars(ALNUM, 20) + 'T3BlbkFJ' + chars(ALNUM, 20),
  openaiProj: () => 'sk-proj-' + chars(B64URL, ri(60, 80)) + 'T3BlbkFJ' + chars(B64URL, ri(60, 80)),
  openaiSvc: () => 'sk-svcacct-' + chars(B64URL, 74) + 'T3BlbkFJ' + chars(B64URL, 74),
  openaiAdmin: () => 'sk-admin-' + chars(B64URL, 80),
  anthropic: () => 'sk-ant-api03-' + chars(B64URL, 93) + 'AA',
  anthropicAdmin: () => 'sk-ant-admin01-' + chars(B64URL, 93) + 'AA',
  awsId: () => pick(['AKIA', 'AKIA', 'ASIA']) + chars(B32, 16),
  awsSecret: () => chars(ALNUM + '/+', 40),
  awsSession: () => 'IQoJb3JpZ2luX2Vj' + chars(B64, 300),
  ghp: () => 'ghp_' + chars(ALNUM, 36), gho: () => 'gho_' + chars(ALNUM, 36), ghs: () => 'ghs_' + chars(ALNUM, 36),
  ghpat: () => 'github_pat_11' + chars(UP + DIG, 20) + '_' + chars(ALNUM, 59),
  slackBot: () => `xoxb-${d(11)}-${d(13)}-${chars(ALNUM, 24)}`, slackUser: () => `xoxp-${d(11)}-${d(11)}-${d(13)}-${chars(HEX, 32)}`,
  slackApp: () => `xapp-1-A${chars(UP + DIG, 10)}-${d(13)}-${chars(HEX, 64)}`,
  slackHookPath: () => `T${chars(UP + DIG, 8)}/B${chars(UP + DIG, 10)}/${chars(ALNUM, 24)}`,
  stripeLive: () => 'sk_live_51' + chars(ALNUM, 97), stripeTest: () => 'sk_test_51' + chars(ALNUM, 97), stripeRk: () => 'rk_live_51' + chars(ALNUM, 97),
  stripeWh: () => 'whsec_' + chars(ALNUM, 32), stripePk: () => 'pk_live_51' + chars(ALNUM, 97),
  google: () => 'AIzaSy' + chars(B64URL, 33),
  jwt: (claims) => {
    const h = b64url(JSON.stringify(pick([{ alg: 'HS256', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT', kid: chars(HEX, 16) }, { typ: 'JWT', alg: 'ES256' }])));
    const p = b64url(JSON.stringify(claims ?? { sub: String(ri(1000, 99999)), iat: 1715500000 + ri(0, 9999999), exp: 1715600000 + ri(0, 9999999), scope: pick(['read', 'read write', 'admin']) }));
    return `${h}.${p}.${chars(B64URL, 43)}`;
  },
  opaque: (n = ri(24, 48)) => chars(ALNUM, n - 4) + chars(DIG, 2) + chars(ALNUM, 2),
  password: () => pick([() => pick(['Hunter', 'Summer', 'Passw0rd', 'Winter', 'Dragon', 'Monkey', 'Tr0ub4dor']) + ri(10, 2025) + pick(['!', '#', '$', '', '?']), () => chars(ALNUM, ri(12, 20)), () => chars(ALNUM + '!#%^*', 16), () => pick(['correct-horse-battery-staple', 'S3cr3t!Pa55', 'pg_pw_' + chars(ALNUM, 10), 'Zx9!qLm2#Rt8'])])(),
  npm: () => 'npm_' + chars(ALNUM, 36), hf: () => 'hf_' + chars(UP + LOW, 34),
  sendgrid: () => 'SG.' + chars(B64URL, 22) + '.' + chars(B64URL, 43),
  twilioKey: () => 'SK' + chars(HEX, 32), twilioToken: () => chars(HEX, 32), twilioSid: () => 'AC' + chars(HEX, 32),
  mailgun: () => 'key-' + chars(HEX, 32), azureKey: () => chars(B64, 86) + '==', azureSasKey: () => chars(B64, 43) + '=', azureSig: () => encodeURIComponent(chars(B64, 43) + '='),
  gitlab: () => 'glpat-' + chars(B64URL, 20), datadog: () => chars(HEX, 32), sentryKey: () => chars(HEX, 32), shopify: () => 'shpat_' + chars(HEX, 32),
  telegram: () => `${ri(1000000000, 7999999999)}:AA${chars(B64URL, 33)}`, vault: () => 'hvs.' + chars(B64URL, 90), pypi: () => 'pypi-AgEIcHlwaS5vcmc' + chars(B64URL, 120),
  groq: () => 'gsk_' + chars(ALNUM, 52), replicate: () => 'r8_' + chars(ALNUM, 37), deepseek: () => 'sk-' + chars(HEX, 32), openrouter: () => 'sk-or-v1-' + chars(HEX, 64),
  discordHook: () => `${d(19)}/${chars(B64URL, 68)}`, cloudflare: () => chars(B64URL, 40), doToken: () => 'dop_v1_' + chars(HEX, 64), linear: () => 'lin_api_' + chars(ALNUM, 40),
  mistral: () => chars(ALNUM, 32), gcpKeyId: () => chars(HEX, 40),
};
export function pem(type = pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']), nl = '\n', lines = ri(4, 12)) {
  const body = []; for (let i = 0; i < lines; i++) body.push(chars(B64, 64)); body.push(chars(B64, ri(10, 60)) + pick(['', '=', '==']));
  return `-----BEGIN ${type}-----${nl}${body.join(nl)}${nl}-----END ${type}-----`;
}
export const basic = (u, p) => Buffer.from(`${u}:${p}`).toString('base64');

// ---- hard-negative values ----
export const NEG = {
  sha256: () => chars(HEX, 64), md5: () => chars(HEX, 32), sha1: () => chars(HEX, 40), short: () => chars(HEX, 7),
  uuid: () => `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-${pick(['8', '9', 'a', 'b'])}${chars(HEX, 3)}-${chars(HEX, 12)}`,
  ulid: () => '01H' + chars('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 23),
  b64img: (n = ri(120, 600)) => 'iVBORw0KGgoAAAANSUhEUgAA' + chars(B64, n) + pick(['', '=', '==']),
  digest: () => 'sha256:' + chars(HEX, 64),
  semver: () => `${ri(0, 20)}.${ri(0, 40)}.${ri(0, 30)}`,
  isbn13: () => { const b = '978' + d(9); let s = 0; for (let i = 0; i < 12; i++) s += +b[i] * (i % 2 ? 3 : 1); return b + ((10 - (s % 10)) % 10); },
  ean13: (pre = pick(['400', '401', '50', '87', '30', '76', '80', '84'])) => { const b = pre + d(12 - pre.length); let s = 0; for (let i = 0; i < 12; i++) s += +b[i] * (i % 2 ? 3 : 1); return b + ((10 - (s % 10)) % 10); },
  upc: () => { const b = '0' + d(10); let s = 0; for (let i = 0; i < 11; i++) s += +b[i] * (i % 2 ? 1 : 3); return b + ((10 - (s % 10)) % 10); },
  ups: () => '1Z' + chars(UP + DIG, 6) + d(10),
};
