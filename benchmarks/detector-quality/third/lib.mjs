// Shared helpers for the pii-eval3 corpus: seeded randomness, a span-tracking document builder,
// JSON serialisation that keeps spans, and generators of validated entities.
import { parsePhoneNumber, isValidPhoneNumber } from 'libphonenumber-js/max';
import { createHash } from 'node:crypto';

// ---------------------------------------------------------------- randomness
let state = 3;
export function seed(s) { state = s >>> 0 || 1; }
export function R() {
  state |= 0; state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const ri = (a, b) => a + Math.floor(R() * (b - a + 1));
export const pick = (a) => a[Math.floor(R() * a.length)];
export const chance = (p) => R() < p;
export const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += ri(0, 9); return s; };
export const nz = (n) => String(ri(1, 9)) + digits(n - 1);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function rand(n, alphabet = ALNUM) { let s = ''; for (let i = 0; i < n; i++) s += alphabet[Math.floor(R() * alphabet.length)]; return s; }
export const hex = (n) => rand(n, '0123456789abcdef');
export const upper = (n) => rand(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
export const b64u = (n) => rand(n, ALNUM + '-_');
export const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
export const pad = (n, w) => String(n).padStart(w, '0');

// ---------------------------------------------------------------- documents with spans
// A part is { text, kind? , scope?, note?, meta? }. kind 'IGNORE' marks an arguable span.
export class B {
  constructor(parts = []) { this.parts = parts; }
  t(s) { if (s !== '') this.parts.push({ text: String(s) }); return this; }
  e(ent) { this.parts.push({ ...ent }); return this; }
  add(x, esc = null) {
    if (x === undefined || x === null || x === false) return this;
    if (x instanceof B) { for (const p of x.parts) this.parts.push({ ...p, text: esc ? esc(p.text) : p.text }); return this; }
    if (typeof x === 'object' && 'kind' in x) { this.parts.push({ ...x, text: esc ? esc(x.text) : x.text }); return this; }
    const s = String(x); if (s !== '') this.parts.push({ text: esc ? esc(s) : s });
    return this;
  }
  get text() { return this.parts.map((p) => p.text).join(''); }
  render() {
    let text = ''; const spans = [];
    for (const p of this.parts) {
      if (p.kind) spans.push({ start: text.length, end: text.length + p.text.length, kind: p.kind, scope: p.scope ?? 'claimed', ...(p.note ? { note: p.note } : {}), ...(p.meta ? { meta: p.meta } : {}) });
      text += p.text;
    }
    return { text, spans };
  }
  map(esc) { return new B(this.parts.map((p) => ({ ...p, text: esc(p.text) }))); }
}
// Tagged template: T`Call ${phoneEnt} now` -> B
export function T(strings, ...vals) {
  const b = new B();
  strings.forEach((s, i) => { b.t(s); if (i < vals.length) b.add(vals[i]); });
  return b;
}
export const cat = (...xs) => { const b = new B(); for (const x of xs) b.add(x); return b; };
export const join = (xs, sep) => { const b = new B(); xs.forEach((x, i) => { if (i) b.add(sep); b.add(x); }); return b; };
export const E = (kind, text, extra = {}) => ({ kind, text, ...extra });
export const IG = (text, note = '') => ({ kind: 'IGNORE', text, note });

// JSON string escaping, part by part (JSON.stringify escapes each character on its own).
export const jesc = (s) => JSON.stringify(s).slice(1, -1);
// Python json.dumps(ensure_ascii=True): also every non-ASCII character as \uXXXX.
export const pyesc = (s) => jesc(s).replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

// Serialise a value to JSON keeping spans. Values may be entities (E/IG), B (a nested document
// written as a JSON string), or plain JSON values. { __raw: ent } writes an entity unquoted (a number).
export function J(value, opts = {}) {
  const { indent = 0, py = false, sep = py ? ', ' : ',', colon = py ? ': ' : (indent ? ': ' : ':') } = opts;
  const esc = py ? pyesc : jesc;
  const b = new B();
  const nl = (d) => (indent ? '\n' + ' '.repeat(indent * d) : '');
  const walk = (v, d) => {
    if (v instanceof B) { b.t('"'); b.add(v, esc); b.t('"'); return; }
    if (v && typeof v === 'object' && '__raw' in v) { b.add(v.__raw); return; }
    if (v && typeof v === 'object' && 'kind' in v && 'text' in v) { b.t('"'); b.add(v, esc); b.t('"'); return; }
    if (Array.isArray(v)) {
      if (v.length === 0) { b.t('[]'); return; }
      b.t('[');
      v.forEach((x, i) => { if (i) b.t(indent ? ',' : sep); b.t(nl(d + 1)); walk(x, d + 1); });
      b.t(nl(d) + ']'); return;
    }
    if (v && typeof v === 'object') {
      const ks = Object.keys(v);
      if (ks.length === 0) { b.t('{}'); return; }
      b.t('{');
      ks.forEach((k, i) => { if (i) b.t(indent ? ',' : sep); b.t(nl(d + 1) + '"' + esc(k) + '"' + colon); walk(v[k], d + 1); });
      b.t(nl(d) + '}'); return;
    }
    if (typeof v === 'string') { b.t('"' + esc(v) + '"'); return; }
    b.t(JSON.stringify(v));
  };
  walk(value, 0);
  return b;
}
// A document as a JSON string literal's contents (one more level of escaping).
export const asJsonString = (b, py = false) => b.map(py ? pyesc : jesc);

// ---------------------------------------------------------------- phones
// National significant numbers drawn from real numbering plans, kept only when libphonenumber
// (max metadata) says they are valid for the country.
const NSN = {
  US: () => pick(['212', '213', '305', '312', '404', '415', '469', '512', '617', '646', '702', '718', '773', '206', '303', '480', '503', '602', '619', '650', '713', '720', '801', '917', '929', '972', '248', '314']) + ri(2, 9) + digits(2) + digits(4),
  CA: () => pick(['416', '604', '514', '403', '613', '647', '778', '905', '819', '902', '587', '438']) + ri(2, 9) + digits(2) + digits(4),
  GB: () => pick([() => '7' + pick(['4', '5', '7', '8', '9']) + digits(8), () => '20' + pick(['3', '7', '8']) + digits(7), () => pick(['161', '121', '131', '113', '117', '141', '151']) + ri(2, 9) + digits(6), () => '1632' + digits(6)])(),
  DE: () => pick([() => '30' + nz(ri(7, 8)), () => '89' + nz(ri(7, 8)), () => '40' + nz(ri(7, 8)), () => '69' + nz(ri(7, 8)), () => '221' + nz(ri(6, 7)), () => '15' + pick(['1', '2', '7', '9']) + digits(8), () => '17' + ri(0, 9) + digits(ri(7, 8)), () => '16' + pick(['0', '2', '3']) + digits(7)])(),
  FR: () => pick([() => String(ri(1, 5)) + digits(8), () => pick(['6', '7']) + digits(8), () => '9' + digits(8)])(),
  NL: () => pick([() => pick(['20', '10', '30', '70', '40', '50']) + nz(7), () => '6' + ri(1, 5) + digits(7)])(),
  AU: () => pick([() => pick(['2', '3', '7', '8']) + ri(3, 9) + digits(7), () => '4' + ri(0, 9) + digits(7), () => '4' + ri(0, 9) + digits(7)])(),
  IN: () => pick([() => String(ri(6, 9)) + digits(9), () => String(ri(7, 9)) + digits(9), () => pick(['22', '11', '80', '44', '33', '40']) + ri(2, 6) + digits(7)])(),
  IT: () => pick([() => '02' + digits(8), () => '06' + digits(8), () => '011' + digits(7), () => '3' + pick(['20', '28', '31', '33', '35', '38', '39', '40', '47', '49', '66', '77', '80', '89', '92']) + digits(7)])(),
  JP: () => pick([() => '3' + ri(1, 9) + digits(7), () => '6' + ri(1, 9) + digits(7), () => pick(['90', '80', '70']) + ri(1, 9) + digits(7), () => '45' + ri(2, 9) + digits(6), () => '52' + ri(2, 9) + digits(6)])(),
  BR: () => pick(['11', '21', '31', '41', '51', '61', '71', '81', '85', '19', '47', '48', '27']) + pick([() => '9' + ri(6, 9) + digits(7), () => String(ri(2, 5)) + digits(7)])(),
  ES: () => pick([() => '6' + digits(8), () => '9' + ri(1, 8) + digits(7)])(),
  IE: () => pick([() => '1' + ri(2, 9) + digits(6), () => '8' + ri(5, 7) + ri(1, 9) + digits(6)])(),
  CH: () => pick([() => '44' + ri(2, 9) + digits(6), () => '7' + ri(6, 9) + ri(1, 9) + digits(6)])(),
  SG: () => pick(['6', '8', '9']) + ri(1, 9) + digits(6),
  AE: () => '5' + pick(['0', '2', '5', '6']) + digits(7),
  MX: () => '55' + digits(8),
  ZA: () => pick(['11', '21', '31', '82', '83', '72']) + ri(1, 9) + digits(6),
  SE: () => '7' + pick(['0', '2', '3', '6']) + digits(7),
  PL: () => pick(['5', '6', '7', '8']) + ri(0, 9) + digits(7),
  KR: () => '10' + ri(2, 9) + digits(7),
  PT: () => '9' + pick(['1', '2', '3', '6']) + digits(7),
};
export const DEFAULT_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IN', 'IT', 'JP', 'BR'];

export function phoneNumber(country, wantType = null) {
  for (let i = 0; i < 500; i++) {
    const nsn = NSN[country]();
    let p; try { p = parsePhoneNumber(nsn, country); } catch { continue; }
    if (!p.isValid() || p.country !== country) continue;
    const type = p.getType();
    if (wantType === 'mobile' && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') continue;
    if (wantType === 'fixed' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') continue;
    return p;
  }
  throw new Error('no phone for ' + country);
}

const FW = (s) => s.replace(/[0-9+()-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
// Formats as people of that country write them. Each returns [text, how]; the "how" feeds the meta.
function styles(p, country) {
  const N = p.formatNational(); const I = p.formatInternational(); const e164 = p.number; const nsn = p.nationalNumber;
  const natDigits = N.replace(/\D/g, '');
  const mobile = /MOBILE/.test(p.getType() ?? '');
  const intl00 = '00' + I.slice(1);
  const trunkMark = natDigits.startsWith('0') ? I.replace(/^(\+\d+) /, '$1 (0)') : null;
  const s = [['natl', N], ['intl', I]];
  switch (country) {
    case 'US': case 'CA': {
      const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
      s.push(['dash', `${a}-${b}-${c}`], ['dots', `${a}.${b}.${c}`], ['intl-paren', `+1 (${a}) ${b}-${c}`], ['intl-dash', `+1-${a}-${b}-${c}`], ['one-dash', `1-${a}-${b}-${c}`], ['e164', e164], ['natl', N], ['dash', `${a}-${b}-${c}`]);
      break;
    }
    case 'GB': s.push(['trunkmark', trunkMark], ['intl00', intl00], ['e164', e164], ['natl', N]); if (nsn.startsWith('20')) s.push(['paren', `(020) ${nsn.slice(2, 6)} ${nsn.slice(6)}`]); if (mobile) s.push(['mob-533', `0${nsn.slice(0, 4)} ${nsn.slice(4, 7)} ${nsn.slice(7)}`]); break;
    case 'DE': {
      const m = N.match(/^(0\d+) (.*)$/);
      if (m) s.push(['slash', `${m[1]}/${m[2].replace(/ /g, '')}`], ['slash-sp', `${m[1]} / ${m[2]}`], ['dash', `${m[1]}-${m[2].replace(/ /g, '')}`], ['paren', `(${m[1]}) ${m[2]}`]);
      s.push(['trunkmark', trunkMark], ['intl00', intl00], ['natl', N]);
      break;
    }
    case 'FR': s.push(['dots', N.replace(/ /g, '.')], ['trunkmark', trunkMark], ['intl00', intl00], ['natl', N], ['natl', N], ['e164', e164]); break;
    case 'NL': s.push(['dash', N.replace(/^(0\d+) /, '$1-').replace(/ /g, '')], ['trunkmark', trunkMark], ['natl', N]); if (N.startsWith('06 ')) s.push(['mob-dash', '06-' + nsn.slice(1)]); break;
    case 'AU': s.push(['natl', N], ['intl', I]); if (N.startsWith('(')) s.push(['noparen', N.replace(/[()]/g, '')]); break;
    case 'IN': {
      if (mobile) s.push(['untrunked', `${nsn.slice(0, 5)} ${nsn.slice(5)}`], ['intl-dash', `+91-${nsn.slice(0, 5)}-${nsn.slice(5)}`], ['intl-compact', `+91 ${nsn}`], ['intl-dash2', `+91-${nsn}`], ['untrunked', `${nsn.slice(0, 5)} ${nsn.slice(5)}`]);
      else s.push(['dash', N.replace(/ /, '-').replace(/ /g, '')]);
      break;
    }
    case 'IT': s.push(['intl00', intl00], ['natl', N], ['natl', N]); if (mobile) s.push(['mob-compact', nsn.slice(0, 3) + ' ' + nsn.slice(3)]); break;
    case 'JP': {
      const parts = N.split('-');
      s.push(['natl', N], ['natl', N], ['intl-dash', `+81 ${parts[0].slice(1)}-${parts[1]}-${parts[2]}`]);
      if (parts.length === 3 && !mobile) s.push(['paren', `(${parts[0]}) ${parts[1]}-${parts[2]}`], ['paren-mid', `${parts[0]}(${parts[1]})${parts[2]}`]);
      s.push(['fullwidth', FW(N)]);
      break;
    }
    case 'BR': {
      const m = N.match(/^\((\d\d)\) (\d+)-(\d+)$/);
      if (m) { s.push(['noparen', `${m[1]} ${m[2]}-${m[3]}`], ['intl-paren', `+55 (${m[1]}) ${m[2]}-${m[3]}`], ['intl-dash', `+55 ${m[1]} ${m[2]}-${m[3]}`], ['natl', N], ['natl', N]); if (m[2].length === 5) s.push(['nine-space', `(${m[1]}) ${m[2][0]} ${m[2].slice(1)}-${m[3]}`]); }
      break;
    }
    default: s.splice(0, s.length, ['intl', I], ['intl', I], ['e164', e164]);
  }
  return s.filter(([, t]) => t);
}

// The oracle for every phone label: libphonenumber-js isValidPhoneNumber with the right country.
export function oraclePhone(text, country) {
  let t = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  t = t.replace('(0)', ' ');
  if (/^00/.test(t.trim())) t = '+' + t.trim().slice(2);
  return t.startsWith('+') ? isValidPhoneNumber(t) : isValidPhoneNumber(t, country);
}

export function phone(country, opts = {}) {
  const p = phoneNumber(country, opts.type ?? null);
  let options = styles(p, country);
  if (opts.style?.includes('e164') && !options.some(([h]) => h === 'e164')) options.push(['e164', p.number]);
  if (opts.style) { const f = options.filter(([h]) => opts.style.includes(h)); if (f.length) options = f; }
  if (opts.noFullwidth) options = options.filter(([h]) => h !== 'fullwidth');
  const [how, text] = pick(options);
  if (!oraclePhone(text, country)) throw new Error(`invalid phone label ${text} ${country}`);
  const scope = DEFAULT_COUNTRIES.includes(country) || text.startsWith('+') || text.startsWith('00') ? 'claimed' : 'beyond';
  return E('PHONE', text, { scope, meta: { country, how, e164: p.number } });
}
// Digits only: the E.164 number without '+', or the national number with trunk 0.
export function phoneCompact(country, intl = false, type = null) {
  const p = phoneNumber(country, type);
  const text = intl ? p.number.slice(1) : p.formatNational().replace(/\D/g, '');
  if (!oraclePhone(intl ? '+' + text : text, country)) throw new Error('bad compact');
  return E('PHONE', text, { meta: { country, how: intl ? 'e164-noplus' : 'compact', e164: p.number } });
}

// ---------------------------------------------------------------- cards
export function luhnOk(d) { let s = 0, dbl = false; for (let i = d.length - 1; i >= 0; i--) { let x = +d[i]; if (dbl) { x *= 2; if (x > 9) x -= 9; } s += x; dbl = !dbl; } return s % 10 === 0; }
function luhnComplete(prefix, len) { let body = prefix + digits(len - prefix.length - 1); for (let c = 0; c < 10; c++) if (luhnOk(body + c)) return body + c; }
const SCHEMES = {
  visa: () => ['4' + digits(5), 16], mc: () => [String(ri(51, 55)) + digits(4), 16], mc2: () => [String(ri(2221, 2720)) + digits(2), 16],
  amex: () => [pick(['34', '37']) + digits(4), 15], disc: () => [pick(['6011', '65' + digits(2)]) + digits(2), 16], jcb: () => [String(ri(3528, 3589)) + digits(2), 16], diners: () => ['36' + digits(4), 14],
};
export function cardNumber(scheme = pick(['visa', 'visa', 'visa', 'mc', 'mc', 'mc2', 'amex', 'disc', 'jcb', 'diners'])) { const [p, l] = SCHEMES[scheme](); return { digits: luhnComplete(p, l), scheme }; }
export function fmtCard(d, style) {
  if (style === 'compact') return d;
  const sep = style === 'dash' ? '-' : ' ';
  if (d.length === 15) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  if (d.length === 14) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  return d.match(/.{1,4}/g).join(sep);
}
export function card(style = pick(['space', 'space', 'compact', 'dash'])) {
  const c = cardNumber(); const text = fmtCard(c.digits, style);
  return E('CARD', text, { meta: { scheme: c.scheme, style } });
}
export const TEST_CARDS = ['4242424242424242', '4111111111111111', '5555555555554444', '378282246310005', '4000056655665556', '5200828282828210', '6011111111111117'];

// ---------------------------------------------------------------- IBAN
const IBAN_BBAN = {
  DE: () => nz(8) + digits(10), GB: () => pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL', 'NAIA']) + digits(6) + digits(8), FR: () => digits(5) + digits(5) + digits(11) + digits(2),
  NL: () => pick(['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'KNAB']) + digits(10), IT: () => upper(1) + digits(5) + digits(5) + digits(12), ES: () => digits(20), BE: () => digits(12), AT: () => digits(16),
  CH: () => digits(5) + digits(12), PL: () => digits(24), PT: () => digits(21), IE: () => pick(['AIBK', 'BOFI']) + digits(6) + digits(8), LU: () => digits(3) + digits(13),
};
export function mod97(s) { let r = 0; const x = s.slice(4) + s.slice(0, 4); for (const c of x) { const v = /\d/.test(c) ? c : String(c.charCodeAt(0) - 55); for (const d of v) r = (r * 10 + +d) % 97; } return r; }
export function ibanCompact(country = pick(['DE', 'DE', 'GB', 'FR', 'NL', 'IT', 'ES', 'BE', 'AT', 'CH', 'PL', 'PT', 'IE', 'LU']), bad = false) {
  const bban = IBAN_BBAN[country]();
  let check = 98 - mod97(country + '00' + bban);
  if (bad) check = (check + ri(1, 50)) % 97 + 2; // a wrong check
  const s = country + pad(check, 2) + bban;
  if (!bad && mod97(s) !== 1) throw new Error('iban');
  if (bad && mod97(s) === 1) return ibanCompact(country, true);
  return s;
}
export const groups4 = (s) => s.match(/.{1,4}/g).join(' ');
export function iban(style = pick(['groups', 'groups', 'compact', 'lower'])) {
  const s = ibanCompact();
  const text = style === 'compact' ? s : style === 'lower' ? groups4(s).toLowerCase() : groups4(s);
  return E('IBAN', text, { meta: { style } });
}

// ---------------------------------------------------------------- SSN
export function ssnParts() {
  let a; do { a = ri(1, 899); } while (a === 666);
  return [pad(a, 3), pad(ri(1, 99), 2), pad(ri(1, 9999), 4)];
}
export function ssnOk(s) { const m = s.match(/^(\d{3})\D?(\d{2})\D?(\d{4})$/); if (!m) return false; const a = +m[1]; return a !== 0 && a !== 666 && a < 900 && m[2] !== '00' && m[3] !== '0000'; }
export function ssn(style = pick(['dash', 'dash', 'dash', 'space'])) { const [a, g, s] = ssnParts(); return E('SSN', style === 'compact' ? a + g + s : style === 'space' ? `${a} ${g} ${s}` : `${a}-${g}-${s}`, { meta: { style } }); }
export function badSsn() { const a = pick(['000', '666', String(ri(900, 999))]); return `${a}-${pad(ri(1, 99), 2)}-${pad(ri(1, 9999), 4)}`; }

// ---------------------------------------------------------------- people, emails
export const NAMES = {
  US: [['James', 'Miller'], ['Maria', 'Garcia'], ['Tyler', 'Johnson'], ['Ashley', 'Brown'], ['Kevin', 'Nguyen'], ['Latoya', 'Washington'], ['Dan', 'Kowalski'], ['Priya', 'Raman']],
  CA: [['Olivia', 'Tremblay'], ['Liam', 'Roy'], ['Chloé', 'Gagnon'], ['Ethan', 'MacDonald'], ['Ava', 'Singh']],
  GB: [['Oliver', 'Smith'], ['Amelia', 'Jones'], ['Harry', 'Taylor'], ['Isla', 'Davies'], ['Mohammed', 'Khan'], ['Siobhan', "O'Neill"]],
  DE: [['Jürgen', 'Müller'], ['Anna', 'Schmidt'], ['Lukas', 'Weber'], ['Sophie', 'Schäfer'], ['Mehmet', 'Yılmaz'], ['Katrin', 'Groß']],
  FR: [['Jean', 'Dupont'], ['Camille', 'Lefèvre'], ['Léa', 'Martin'], ['Hugo', 'Bernard'], ['Inès', 'Moreau'], ['François', 'Girard']],
  NL: [['Daan', 'de Vries'], ['Emma', 'Jansen'], ['Sem', 'van den Berg'], ['Julia', 'Bakker'], ['Lars', 'Visser']],
  AU: [['Jack', 'Wilson'], ['Charlotte', 'Nguyen'], ['Noah', 'Kelly'], ['Mia', 'Papadopoulos'], ['Cooper', 'Ryan']],
  IN: [['Rahul', 'Sharma'], ['Priya', 'Patel'], ['Arjun', 'Reddy'], ['Ananya', 'Iyer'], ['Vikram', 'Singh'], ['Sneha', 'Gupta']],
  IT: [['Marco', 'Rossi'], ['Giulia', 'Bianchi'], ['Luca', 'Ferrari'], ['Chiara', 'Esposito'], ['Matteo', 'Romano']],
  JP: [['Taro', 'Yamada'], ['Hanako', 'Suzuki'], ['Ken', 'Takahashi'], ['Yui', 'Tanaka'], ['Haruto', 'Watanabe']],
  BR: [['João', 'Silva'], ['Ana', 'Souza'], ['Pedro', 'Oliveira'], ['Mariana', 'Costa'], ['Lucas', 'Pereira']],
};
const MAIL = { US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'comcast.net'], CA: ['gmail.com', 'rogers.com', 'shaw.ca', 'videotron.ca'], GB: ['gmail.com', 'btinternet.com', 'hotmail.co.uk', 'sky.com'], DE: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'], FR: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'], NL: ['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.nl'], AU: ['bigpond.com', 'gmail.com', 'optusnet.com.au'], IN: ['gmail.com', 'rediffmail.com', 'yahoo.co.in'], IT: ['libero.it', 'gmail.com', 'virgilio.it', 'tiscali.it'], JP: ['yahoo.co.jp', 'gmail.com', 'docomo.ne.jp', 'icloud.com'], BR: ['uol.com.br', 'gmail.com', 'bol.com.br', 'hotmail.com'] };
export const CORP = ['acme-corp.com', 'northwind.io', 'contoso.com', 'globex.co.uk', 'initech.de', 'umbrella-health.org', 'shopline.com.au', 'payfast.in', 'tiendaverde.com.br', 'kaisha.co.jp', 'helpdesk.example.com', 'mail.fabrikam.nl', 'fastly-edge.net', 'atlas.travel', 'clinic-riverside.org', 'lumen.ai', 'orbit.dev', 'stack.app'];
const deaccent = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ß/g, 'ss').replace(/[' ]/g, '').toLowerCase();
export function person(loc) { const [f, l] = pick(NAMES[loc] ?? NAMES.US); return { first: f, last: l, full: `${f} ${l}` }; }
export function email(loc = 'US', who = null, opts = {}) {
  const p = who ?? person(loc);
  const f = deaccent(p.first), l = deaccent(p.last);
  let local = pick([`${f}.${l}`, `${f[0]}${l}`, `${f}${ri(1, 99)}`, `${f}_${l}`, `${l}.${f}`, `${f}.${l}+${pick(['orders', 'shop', 'news', 'work'])}`]);
  const domain = opts.corp ? pick(CORP) : pick([...(MAIL[loc] ?? MAIL.US), ...(chance(0.3) ? CORP : [])]);
  let text = `${local}@${domain}`;
  if (opts.idn && /[^\x00-\x7f]/.test(p.first + p.last)) text = `${p.first.toLowerCase()}.${p.last.toLowerCase().replace(/ /g, '')}@${domain}`;
  if (chance(0.04)) text = text.toUpperCase();
  return E('EMAIL', text, { meta: { loc } });
}
export const roleEmail = (domain = pick(CORP)) => E('EMAIL', `${pick(['support', 'billing', 'noreply', 'help', 'kundenservice', 'service.client', 'info', 'reservations', 'hr', 'payroll', 'security', 'oncall'])}@${domain}`);

// ---------------------------------------------------------------- IPs
export function ipv4(kind = pick(['public', 'public', 'private', 'doc'])) {
  let t;
  if (kind === 'private') t = pick([() => `10.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`, () => `192.168.${ri(0, 255)}.${ri(1, 254)}`, () => `172.${ri(16, 31)}.${ri(0, 255)}.${ri(1, 254)}`])();
  else if (kind === 'doc') t = pick([`203.0.113.${ri(1, 254)}`, `198.51.100.${ri(1, 254)}`, `192.0.2.${ri(1, 254)}`]);
  else { let a; do { a = ri(1, 223); } while ([10, 127, 172, 192, 0].includes(a)); t = `${a}.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`; }
  return E('IP', t, { meta: { v: 4, kind } });
}
export function ipv6() {
  const g = () => hex(ri(1, 4)).replace(/^0+(?=.)/, '');
  const t = pick([() => `2001:db8:${g()}:${g()}::${g()}`, () => `2a02:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`, () => `2600:1f18:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`, () => `fe80::${hex(4).replace(/^0+(?=.)/, "")}:${hex(2)}ff:fe${hex(2)}:${g()}`, () => `2001:db8::${g()}`])();
  return E('IP', t, { meta: { v: 6 } });
}

// ---------------------------------------------------------------- secrets
export const openaiKey = () => E('OPENAI_KEY', pick([() => `sk-proj-${b64u(74)}T3BlbkFJ${b64u(74)}`, () => `sk-${rand(20)}T3BlbkFJ${rand(20)}`, () => `sk-svcacct-${b64u(60)}T3BlbkFJ${b64u(60)}`, () => `sk-proj-${b64u(48)}`])());
export const anthropicKey = () => E('ANTHROPIC_KEY', `sk-ant-${pick(['api03', 'api03', 'admin01'])}-${b64u(93)}AA`);
export const awsKey = (p = pick(['AKIA', 'AKIA', 'AKIA', 'ASIA'])) => E('AWS_ACCESS_KEY', p + rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'));
export const awsSecret = () => rand(40, ALNUM + '+/');
export const githubToken = () => E('GITHUB_TOKEN', pick([() => `ghp_${rand(36)}`, () => `gho_${rand(36)}`, () => `ghs_${rand(36)}`, () => `github_pat_11${upper(1)}${rand(19)}_${rand(59)}`])());
export const slackToken = () => E('SLACK_TOKEN', pick([() => `xoxb-${nz(11)}-${nz(13)}-${rand(24)}`, () => `xoxp-${nz(11)}-${nz(11)}-${nz(13)}-${hex(32)}`, () => `xapp-1-A${upper(10)}-${nz(13)}-${hex(64)}`])());
export const stripeKey = () => E('STRIPE_KEY', pick([() => `sk_live_51${rand(97)}`, () => `sk_test_51${rand(97)}`, () => `rk_live_51${rand(97)}`, () => `pk_live_51${rand(97)}`, () => `whsec_${rand(32)}`])());
export const googleKey = () => E('GOOGLE_API_KEY', `AIza${b64u(35)}`);
export const vendorToken = () => E('API_TOKEN', pick([() => `npm_${rand(36)}`, () => `hf_${rand(34)}`, () => `glpat-${b64u(20)}`, () => `r8_${rand(37)}`, () => `gsk_${rand(52)}`, () => `dop_v1_${hex(64)}`, () => `lin_api_${rand(40)}`])());
const b64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
export function jwtText() {
  const h = b64url(pick([{ alg: 'HS256', typ: 'JWT' }, { alg: 'RS256', typ: 'JWT', kid: hex(16) }, { alg: 'ES256', kid: hex(8) }, { typ: 'JWT', alg: 'RS256' }]));
  const now = 1716600000 + ri(0, 9000000);
  const p = b64url(pick([{ sub: String(ri(10000, 99999)), name: 'Jane Doe', iat: now }, { iss: 'https://auth.example.com/', aud: 'api', exp: now + 3600, sub: `auth0|${hex(24)}`, scope: 'openid profile' }, { user_id: ri(1, 99999), role: 'admin', exp: now }]));
  return `${h}.${p}.${b64u(43)}`;
}
export const jwt = () => E('JWT', jwtText());
export const opaque = () => pick([() => rand(ri(32, 48)) + ri(0, 9), () => `${rand(8)}.${b64u(40)}`, () => hex(40), () => `ya29.a0${b64u(ri(80, 140))}`, () => b64u(ri(40, 60)) + ri(0, 9)])();
export const bearer = () => E('BEARER_TOKEN', opaque());
export function basic(user = pick(['admin', 'svc-deploy', 'api', 'jenkins', 'grafana', 'elastic']), pw = password()) { return E('BASIC_AUTH', Buffer.from(`${user}:${pw}`).toString('base64')); }
export function pem(kind = pick(['RSA ', '', 'EC ', 'OPENSSH ', 'ENCRYPTED '])) {
  const lines = []; for (let i = 0; i < ri(3, 8); i++) lines.push(rand(64, ALNUM + '+/'));
  lines.push(rand(ri(10, 60), ALNUM + '+/') + '==');
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----`;
}
export const privateKey = (kind) => E('PRIVATE_KEY', pem(kind));
export function password(style = pick(['word', 'word', 'mixed', 'strong', 'strong', 'phrase'])) {
  if (style === 'word') return pick(['Summer2024', 'Welcome1', 'hunter2!', 'P@ssw0rd123', 'Tr0ub4dor', 'letmein42', 'Winter#2023', 'qwerty!9', 'Spring2025$', 'monkey99', 'Dragon!77', 'Chang3M3Now']) + (chance(0.5) ? ri(0, 99) : '');
  if (style === 'mixed') return rand(ri(10, 16)) + ri(0, 9);
  if (style === 'phrase') return `${pick(['correct', 'purple', 'silent', 'rapid'])}-${pick(['horse', 'monkey', 'river', 'tiger'])}-${pick(['battery', 'staple', 'lamp', 'orbit'])}-${ri(10, 99)}`;
  return rand(ri(6, 10)) + pick(['!', '#', '$', '%', '*', '@', '^']) + rand(ri(4, 8)) + ri(0, 9);
}
export const secret = (v = password()) => E('SECRET', v);
export const hexSecret = () => E('SECRET', hex(pick([32, 40, 64])));

// ---------------------------------------------------------------- hard negatives
export const pick2 = (...xs) => pick(xs);
export function ean13(prefix = pick(['40', '41', '42', '43', '44', '50', '54', '57', '59', '64', '69', '76', '80', '87', '30', '45', '49', '789', '890'])) {
  let b = prefix + digits(12 - prefix.length);
  let s = 0; for (let i = 0; i < 12; i++) s += +b[i] * (i % 2 ? 3 : 1);
  return b + ((10 - (s % 10)) % 10);
}
export function isbn13() { const b = pick(['978', '979']) + digits(9); let s = 0; for (let i = 0; i < 12; i++) s += +b[i] * (i % 2 ? 3 : 1); const d = b + ((10 - (s % 10)) % 10); return pick([d, `${d.slice(0, 3)}-${d[3]}-${d.slice(4, 7)}-${d.slice(7, 12)}-${d[12]}`, `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5, 9)}-${d.slice(9, 12)}-${d[12]}`]); }
export const AMAZON_PREFIX = { US: ['111', '112', '113', '114'], CA: ['701', '702'], GB: ['202', '203', '204', '205', '206', '026'], DE: ['302', '303', '304', '305', '306', '028'], FR: ['171', '402', '403', '404', '405', '406', '407'], NL: ['302', '303'], AU: ['249', '250'], IN: ['402', '403', '404', '405', '406', '171'], IT: ['402', '403', '404', '405', '406', '407', '171'], JP: ['249', '250', '503'], BR: ['701', '702'] };
export const amazonOrder = (loc) => `${pick(AMAZON_PREFIX[loc] ?? AMAZON_PREFIX.US)}-${digits(7)}-${digits(7)}`;
export const gitSha = (n = 40) => hex(n);
export const sha256 = () => hex(64);
export function isoTs(ms = true) { const d = new Date(Date.UTC(2024, ri(0, 11), ri(1, 28), ri(0, 23), ri(0, 59), ri(0, 59), ri(0, 999))); const s = d.toISOString(); return ms ? s : s.replace(/\.\d+Z$/, 'Z'); }
export const epoch = () => String(ri(1704067200, 1735689599));
export const epochMs = () => String(ri(1704067200, 1735689599)) + digits(3);
export function semver() { return `${ri(0, 12)}.${ri(0, 40)}.${ri(0, 30)}`; }
export const price = (loc) => { const v = ri(199, 249999) / 100; return loc === 'US' || loc === 'CA' || loc === 'AU' ? `$${v.toLocaleString('en-US', { minimumFractionDigits: 2 })}` : loc === 'GB' ? `£${v.toFixed(2)}` : loc === 'IN' ? `₹${Math.round(v * 90).toLocaleString('en-IN')}` : loc === 'JP' ? `¥${Math.round(v * 150).toLocaleString('ja-JP')}` : loc === 'BR' ? `R$ ${v.toLocaleString('pt-BR', { minimumFractionDigits: 2 })}` : loc === 'FR' ? `${v.toLocaleString('fr-FR', { minimumFractionDigits: 2 })} €` : `${v.toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`; };
export const mac = () => Array.from({ length: 6 }, () => hex(2)).join(':').toUpperCase();
export const sha = createHash;
