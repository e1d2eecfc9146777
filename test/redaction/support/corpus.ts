/**
 * A labelled corpus for the value detectors: strings as agents produce them (chat, logs, JSON,
 * code, emails, CSV) with every entity span marked, plus hard negatives that look like entities
 * but are not (order ids, timestamps, UUIDs, versions, git hashes, prices, phone-like numbers,
 * checksum-failing cards and IBANs, invalid SSNs, file names with '@').
 *
 * Entities are built by construction (Luhn and mod-97 check digits computed, phone numbers drawn
 * from real numbering plans and kept only when libphonenumber-js's full metadata says valid), so
 * the labels do not come from the detectors under test. Deterministic: a seeded PRNG.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { EntityKind } from '../../../src/redaction/entity-kinds.js';

/** One labelled span. */
export interface GoldEntity {
  kind: EntityKind;
  start: number;
  end: number;
}

/** One corpus string with its labels. */
export interface CorpusEntry {
  text: string;
  entities: GoldEntity[];
  /** What produced it: the entity kind, or `negative:<family>`. */
  source: string;
}

type Part = string | { kind: EntityKind; text: string };

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;
const HEX = '0123456789abcdef';

function assemble(parts: Part[], source: string): CorpusEntry {
  let text = '';
  const entities: GoldEntity[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
    } else {
      entities.push({ kind: part.kind, start: text.length, end: text.length + part.text.length });
      text += part.text;
    }
  }
  return { text, entities, source };
}

// ---------- entity generators ----------

const FIRST = ['alice', 'bob', 'carol', 'dmitri', 'elena', 'farid', 'grace', 'hiro', 'ines', 'jamal', 'kate', 'liam', 'maria', 'nora', 'omar', 'priya', 'quinn', 'rosa', 'sven', 'tariq', 'uma', 'victor', 'wei', 'ximena', 'yusuf', 'zoe'];
const LAST = ['smith', 'nguyen', 'garcia', 'mueller', 'rossi', 'kowalski', 'tanaka', 'okafor', 'silva', 'dubois', 'haddad', 'johansson', 'patel', 'kim', 'novak'];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'acme.io', 'startup.ai', 'firma.de', 'societe.fr', 'uni-heidelberg.de', 'dept.cs.university.edu', 'shop.store', 'studio.design', 'corp.co.uk', 'health.nhs.uk', 'agency.com.br', 'tech.dev', 'team.app', 'news.email', 'kanzlei.berlin', 'zentrale.swiss', 'co.jp'];

function email(r: Rng): string {
  const f = r.pick(FIRST);
  const l = r.pick(LAST);
  const local = r.pick([`${f}.${l}`, `${f}_${l}`, `${f}${r.int(1, 99)}`, `${f[0]}${l}`, `${f}+${r.pick(['news', 'billing', 'test'])}`, `${f}.${l}-${r.int(1, 9)}`, `${l.toUpperCase()}.${f}`]);
  return `${local}@${r.pick(DOMAINS)}`;
}

const US_AREAS = ['201', '202', '206', '212', '213', '303', '305', '312', '404', '415', '503', '512', '617', '646', '702', '713', '718', '805', '818', '917', '470', '628'];

type PhoneCountry = 'US' | 'GB' | 'DE' | 'FR' | 'AU' | 'BR' | 'IN' | 'IT';

function validPhone(text: string, country?: PhoneCountry): boolean {
  const parsed = country === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, country);
  return parsed !== undefined && parsed.isValid();
}

function phone(r: Rng): string {
  for (;;) {
    const a = r.pick(US_AREAS);
    const x = `${r.int(2, 9)}${r.digits(2)}`;
    const s = r.digits(4);
    const de = `${r.int(1, 9)}${r.digits(6)}`;
    const candidates: Array<[string, PhoneCountry | undefined]> = [
      [`(${a}) ${x}-${s}`, 'US'],
      [`${a}-${x}-${s}`, 'US'],
      [`${a}.${x}.${s}`, 'US'],
      [`+1 ${a} ${x} ${s}`, undefined],
      [`+1-${a}-${x}-${s}`, undefined],
      [`+1 (${a}) ${x}-${s}`, undefined],
      [`+44 20 7946 ${r.digits(4)}`, undefined],
      [`020 7946 ${r.digits(4)}`, 'GB'],
      [`+44 7700 900${r.digits(3)}`, undefined],
      [`07700 900${r.digits(3)}`, 'GB'],
      [`+49 30 ${de}`, undefined],
      [`030 ${de}`, 'DE'],
      [`+49 151 ${r.digits(8)}`, undefined],
      [`+33 1 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, undefined],
      [`06 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, 'FR'],
      [`+91 9${r.digits(4)} ${r.digits(5)}`, undefined],
      [`+81 3-${r.digits(4)}-${r.digits(4)}`, undefined],
      [`+55 11 9${r.digits(4)}-${r.digits(4)}`, undefined],
      [`+61 2 ${r.int(8, 9)}${r.digits(3)} ${r.digits(4)}`, undefined],
      [`0412 ${r.digits(3)} ${r.digits(3)}`, 'AU'],
      // National formats without a trunk 0, the 00 international prefix, (0) marks, German slashes.
      [`(${r.int(11, 99)}) 9${r.digits(4)}-${r.digits(4)}`, 'BR'],
      [`${r.int(11, 99)} 9${r.digits(4)}-${r.digits(4)}`, 'BR'],
      [`9${r.digits(4)} ${r.digits(5)}`, 'IN'],
      [`3${r.int(20, 49)} ${r.digits(3)} ${r.digits(4)}`, 'IT'],
      [`${r.pick(['1300', '1800'])} ${r.digits(3)} ${r.digits(3)}`, 'AU'],
      [`0033 1 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, undefined],
      [`+44 (0)20 7946 ${r.digits(4)}`, undefined],
      [`+61 (0)2 ${r.int(8, 9)}${r.digits(3)} ${r.digits(4)}`, undefined],
      [`030/${de}`, 'DE'],
    ];
    const [raw, country] = candidates[r.int(0, candidates.length - 1)]!;
    const text = raw.startsWith('0033') ? `+33${raw.slice(4)}` : raw;
    if (validPhone(text.replace('/', ' ').replace('(0)', ''), country)) return raw;
  }
}

function luhnComplete(prefix: string, length: number, r: Rng): string {
  let body = prefix + r.digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  body += String((10 - (sum % 10)) % 10);
  return body;
}

function cardDigits(r: Rng): string {
  const scheme = r.int(0, 7);
  switch (scheme) {
    case 0: return luhnComplete('4', 16, r);
    case 1: return luhnComplete(String(r.int(51, 55)), 16, r);
    case 2: return luhnComplete(String(r.int(2221, 2720)), 16, r);
    case 3: return luhnComplete(r.pick(['34', '37']), 15, r);
    case 4: return luhnComplete('6011', 16, r);
    case 5: return luhnComplete(String(r.int(3528, 3589)), 16, r);
    case 6: return luhnComplete('36', 14, r);
    default: return luhnComplete('62', r.pick([16, 19]), r);
  }
}

function formatCard(d: string, r: Rng): string {
  const style = r.int(0, 3);
  if (style === 0) return d;
  const sep = style === 1 ? ' ' : '-';
  if (d.length === 15) return [d.slice(0, 4), d.slice(4, 10), d.slice(10)].join(sep);
  const groups: string[] = [];
  for (let i = 0; i < d.length; i += 4) groups.push(d.slice(i, i + 4));
  return groups.join(sep);
}

function ssn(r: Rng): string {
  let area = r.int(1, 899);
  if (area === 666) area = 665;
  const a = String(area).padStart(3, '0');
  const g = String(r.int(1, 99)).padStart(2, '0');
  const s = String(r.int(1, 9999)).padStart(4, '0');
  return r.int(0, 4) === 0 ? `${a} ${g} ${s}` : `${a}-${g}-${s}`;
}

const IBAN_FORMATS: Record<string, string> = {
  DE: 'n18', GB: 'a4n14', FR: 'n10a11n2', NL: 'a4n10', ES: 'n20', IT: 'a1n10a12', CH: 'n17', BE: 'n12', AT: 'n16',
  PL: 'n24', SE: 'n20', NO: 'n11', PT: 'n21', IE: 'a4n14', DK: 'n14', FI: 'n14', CZ: 'n20', LU: 'n3a13',
};

function bban(format: string, r: Rng): string {
  let out = '';
  for (const m of format.matchAll(/([an])(\d+)/g)) {
    out += m[1] === 'n' ? r.digits(Number(m[2])) : r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', Number(m[2]));
  }
  return out;
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

function ibanCompact(r: Rng, corrupt = false): string {
  const country = r.pick(Object.keys(IBAN_FORMATS));
  const b = bban(IBAN_FORMATS[country]!, r);
  let check = 98 - mod97(`${b}${country}00`);
  if (corrupt) check = check === 97 ? 2 : check + 1;
  return `${country}${String(check).padStart(2, '0')}${b}`;
}

function formatIban(iban: string, r: Rng): string {
  const written = r.int(0, 5) === 0 ? iban.toLowerCase() : iban;
  if (r.int(0, 1) === 0) return written;
  return written.replace(/(.{4})(?=.)/g, '$1 ');
}

function ipv4(r: Rng): string {
  const first = r.pick([10, 172, 192, 8, 34, 52, 81, 100, 142, 203, 185, 77]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

function ipv6(r: Rng): string {
  const h = () => r.chars(HEX, r.int(1, 4)).replace(/^0+(?=.)/, '');
  switch (r.int(0, 5)) {
    case 0: return `2001:db8:${h()}:${h()}::${h()}`;
    case 1: return `fe80::${h()}:${h()}:${h()}:${h()}`;
    case 2: return `2a00:1450:${h()}:${h()}::${r.int(1, 200)}e`;
    case 3: return `::ffff:${ipv4(r)}`;
    case 4: return '::1';
    default: return `2606:4700:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
  }
}

function jwt(r: Rng): string {
  const header = Buffer.from(JSON.stringify({ alg: r.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: String(r.int(1000, 99999)), name: r.pick(FIRST), iat: 1715524390 + r.int(0, 1e6) })).toString('base64url');
  return `${header}.${payload}.${r.chars(URLSAFE, 43)}`;
}

function pem(r: Rng): string {
  const label = r.pick(['', 'RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ']);
  const lines: string[] = [];
  for (let i = 0; i < r.int(2, 6); i++) lines.push(r.chars(`${ALNUM}+/`, 64));
  const nl = r.int(0, 2) === 0 ? '\\n' : '\n';
  return `-----BEGIN ${label}PRIVATE KEY-----${nl}${lines.join(nl)}${nl}-----END ${label}PRIVATE KEY-----`;
}

function secret(kind: EntityKind, r: Rng): string {
  switch (kind) {
    case 'OPENAI_KEY': return r.pick([`sk-proj-${r.chars(URLSAFE, r.int(48, 120))}`, `sk-${r.chars(ALNUM, 48)}`, `sk-svcacct-${r.chars(URLSAFE, 64)}`, `sk-${r.chars(ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}`]);
    case 'ANTHROPIC_KEY': return `sk-ant-${r.pick(['api03', 'admin01'])}-${r.chars(URLSAFE, 93)}AA`;
    case 'AWS_ACCESS_KEY': return `${r.pick(['AKIA', 'ASIA'])}${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
    case 'GITHUB_TOKEN': return r.pick([`ghp_${r.chars(ALNUM, 36)}`, `gho_${r.chars(ALNUM, 36)}`, `ghs_${r.chars(ALNUM, 36)}`, `github_pat_${r.chars(ALNUM, 22)}_${r.chars(ALNUM, 59)}`]);
    case 'SLACK_TOKEN': return r.pick([`xoxb-${r.digits(12)}-${r.digits(13)}-${r.chars(ALNUM, 24)}`, `xoxp-${r.digits(12)}-${r.digits(12)}-${r.digits(13)}-${r.chars(HEX, 32)}`, `xapp-1-A${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}-${r.digits(13)}-${r.chars(HEX, 64)}`]);
    case 'STRIPE_KEY': return `${r.pick(['sk_live_', 'rk_live_', 'pk_live_', 'sk_test_', 'pk_test_'])}${r.chars(ALNUM, r.int(24, 99))}`;
    case 'GOOGLE_API_KEY': return `AIza${r.chars(URLSAFE, 35)}`;
    case 'API_TOKEN': return r.pick([`npm_${r.chars(ALNUM, 36)}`, `hf_${r.chars(ALNUM, 34)}`, `r8_${r.chars(ALNUM, 37)}`, `dop_v1_${r.chars(HEX, 64)}`, `lin_api_${r.chars(ALNUM, 40)}`, `gsk_${r.chars(ALNUM, 52)}`, `glpat-${r.chars(URLSAFE, 20)}`, `pypi-AgEIcHlwaS5vcmc${r.chars(URLSAFE, 60)}`]);
    case 'JWT': return jwt(r);
    case 'PRIVATE_KEY': return pem(r);
    default: throw new Error(kind);
  }
}

function opaqueToken(r: Rng): string {
  return r.pick([`${r.chars(ALNUM, 8)}.${r.chars(URLSAFE, 24)}`, `ya29.${r.chars(URLSAFE, 60)}`, `${r.chars(HEX, 40)}`, `${r.chars(ALNUM, 20)}-${r.chars(ALNUM, 12)}`, `gAAAA${r.chars(URLSAFE, 40)}==`]);
}

// ---------- hard negatives (distractors) ----------

function uuid(r: Rng): string {
  const h = (n: number) => r.chars(HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${r.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}

function negative(r: Rng): string {
  const y = r.int(2019, 2026);
  const mo = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  const hh = String(r.int(0, 23)).padStart(2, '0');
  const mm = String(r.int(0, 59)).padStart(2, '0');
  const items = [
    `order ORD-${y}-${r.digits(6)}`,
    `order #${r.digits(8)}`,
    `Order ${r.int(1, 9)}${r.digits(9)}`,
    `invoice INV-${r.digits(9)}`,
    `PO ${r.int(4, 4)}${r.digits(9)}`,
    `${y}-${mo}-${d}T${hh}:${mm}:${r.digits(2).replace(/^[6-9]/, '5')}Z`,
    `${y}-${mo}-${d} ${hh}:${mm}:${String(r.int(0, 59)).padStart(2, '0')}`,
    `ts=${r.int(1600000000, 1760000000)}`,
    `created_at: ${r.int(1600000000, 1760000000)}${r.digits(3)}`,
    `${d}/${mo}/${y}`,
    `${d}.${mo}.${y}`,
    `${hh}:${mm}:${String(r.int(0, 59)).padStart(2, '0')}.${r.digits(3)}`,
    `request ${uuid(r)}`,
    `trace_id=${r.chars(HEX, 32)}`,
    `v${r.int(0, 20)}.${r.int(0, 40)}.${r.int(0, 30)}`,
    `version ${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(0, 9)}`,
    `build 10.0.${r.int(17000, 22631)}.${r.int(100, 4000)}`,
    `node ${r.int(18, 22)}.${r.int(0, 20)}.${r.int(0, 9)}`,
    `${r.int(1, 4)}.${r.int(0, 9)}.${r.int(0, 9)}-beta.${r.int(1, 9)}`,
    `commit ${r.chars(HEX, 40)}`,
    `sha ${r.chars(HEX, 7)}`,
    `$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`,
    `€${r.int(1, 9)}.${r.digits(3)},${r.digits(2)}`,
    `USD ${r.int(10, 999)},${r.digits(3)}`,
    `£${r.int(1, 999)}.${r.digits(2)}`,
    `${r.int(1, 9)} ${r.digits(3)} ${r.digits(3)} ₽`,
    `account ${r.int(1, 9)}${r.digits(9)}`,
    `id ${r.int(1, 9)}${r.digits(9)}`,
    `ISBN 978-${r.int(0, 9)}-${r.digits(2)}-${r.digits(6)}-${r.int(0, 9)}`,
    `tracking 1Z${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 6)}${r.digits(10)}`,
    `serial 0${r.digits(3)}-${r.digits(4)}-${r.digits(2)}`,
    `zip ${r.digits(5)}-${r.digits(4)}`,
    `at ${r.int(10, 60)}.${r.digits(4)}, -${r.int(10, 130)}.${r.digits(4)}`,
    `population ${r.int(1, 99)},${r.digits(3)},${r.digits(3)}`,
    `pi is 3.${r.digits(8)}`,
    `${r.pick(['1920x1080', '3840x2160', '2560x1440'])}`,
    `port ${r.int(1024, 65535)}`,
    `range ${r.int(100, 499)}-${r.int(500, 999)}`,
    `+1 (${r.pick(['123', '011', '100'])}) ${r.int(200, 999)}-${r.digits(4)}`,
    `call ${r.pick(['123', '100', '155'])}-${r.int(200, 999)}-${r.digits(4)}`,
    r.int(0, 9) < 3 ? '4111 1111 1111 1112' : cardDigits(r).replace(/(\d)$/, (x) => String((Number(x) + 1) % 10)),
    `${r.pick(['000', '666', '912', '987'])}-${r.digits(2).replace(/^0/, '1')}-${r.digits(4).replace(/^0/, '1')}`,
    `${r.int(100, 899)}-00-${r.digits(4).replace(/^0/, '1')}`,
    `IBAN ${ibanCompact(r, true)}`,
    `icon@2x.png`,
    `user@localhost`,
    `npm i ${r.pick(['react', 'zod', 'left-pad'])}@${r.int(1, 18)}.${r.int(0, 9)}.${r.int(0, 9)}`,
    `@${r.pick(FIRST)} please review`,
    `${r.pick(FIRST)}@${r.pick(['test.invalid', 'host.local', 'box.lan', 'bar.js', 'img.jpeg'])}`,
    `1.2.3`,
    `${r.int(256, 999)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(0, 255)}`,
    `10.${r.int(0, 255)}.${r.int(0, 255)}`,
    `oid 1.3.6.1.4.1.${r.int(1000, 60000)}`,
    `std::vector<int> v;`,
    `MAC 00:1A:2B:${r.chars('0123456789ABCDEF', 2)}:${r.chars('0123456789ABCDEF', 2)}:${r.chars('0123456789ABCDEF', 2)}`,
    `ratio 16:9:4`,
    `sk-learn is not a key`,
    `task-${r.digits(4)} assigned`,
    `AKIA is a prefix`,
    `ghp_short`,
    `use a Bearer token in the header`,
    `bearer authentication is described in RFC 6750`,
    `Basic usage of the API`,
    `password: null`,
    `token_count: ${r.int(1, 9999)}`,
    `max_tokens=${r.int(16, 4096)}`,
    `input_tokens: ${r.int(1, 9999)}, output_tokens: ${r.int(1, 9999)}`,
    `eyJ is how base64 JSON starts`,
    `https://example.com/path?q=${r.int(1, 999)}`,
    `ssh://git@github.com/org/repo.git`,
    `seed ${r.digits(10)}`,
    `step ${r.int(1, 999)} of ${r.int(1000, 9999)}`,
    `const token = process.env.${r.pick(['TOKEN', 'API_TOKEN', 'GITHUB_TOKEN'])};`,
    `api_key = settings.OPENAI_API_KEY`,
    `password=getpass.getpass()`,
    `secret = config.get("jwt_secret")`,
    `client = OpenAI(api_key=api_key)`,
    `DB_PASSWORD=\${DB_PASSWORD}`,
    `password: \${{ secrets.DB_PASSWORD }}`,
    `api_key: !env_var OPENAI_API_KEY`,
    `"version": "${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(10, 99)}"`,
    `numpy==1.${r.int(20, 26)}.${r.int(0, 9)}.${r.int(0, 9)}`,
    `logged at ${y} ${mo} ${d} ${hh} ${mm}`,
    `Part #: 0${r.digits(3)} 0${r.digits(2)} ${r.digits(4)}`,
  ];
  return r.pick(items);
}

// ---------- templates ----------

type Wrap = (r: Rng, parts: Part[]) => Part[];

const CONTEXTS: Wrap[] = [
  (r, p) => ['User: ', ...p, ' - can you help me with this?'],
  (r, p) => [`[${r.pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])}] ${r.pick(['request', 'job', 'worker'])} ${r.int(1, 999)}: `, ...p],
  (r, p) => ['{"note": "', ...p, `", "attempt": ${r.int(1, 5)}}`],
  (r, p) => ['Tool result: ', ...p, '.'],
  (r, p) => [...p],
  (r, p) => ['Hi team,\nplease use ', ...p, ' for the migration.\nThanks'],
  (r, p) => [`${r.pick(FIRST)},`, ...p, `,${r.int(1, 100)}`],
  (r, p) => ['observation: ', ...p, ` (turn ${r.int(1, 40)})`],
  (r, p) => ['const value = "', ...p, '";'],
  (r, p) => ['The assistant replied: "I found ', ...p, ' in the record."'],
];

function entityParts(kind: EntityKind, r: Rng): Part[] {
  switch (kind) {
    case 'EMAIL':
      if (r.int(0, 11) === 0) return ['GET /unsubscribe?email=', { kind, text: email(r).replace('@', '%40').replace('+', '%2B') }, '&list=7'];
      return [r.pick(['contact ', 'mail ', 'email: ', '<', 'reply to ', 'mailto:']), { kind, text: email(r) }];
    case 'PHONE': {
      const prefix = r.pick(['call ', 'phone: ', 'tel. ', 'mobile ', 'reach me at ', 'Phone number ', 'or ', '']);
      if (r.int(0, 9) === 0) {
        const a = r.pick(US_AREAS);
        const raw = `${a}${r.int(2, 9)}${r.digits(6)}`;
        if (validPhone(raw, 'US')) return [r.pick(['call me at ', 'phone: ', 'tel ', 'text me on ']), { kind, text: raw }];
      }
      if (r.int(0, 14) === 0) {
        const e164 = `+1${r.pick(US_AREAS)}${r.int(2, 9)}${r.digits(6)}`;
        if (validPhone(e164)) return ['tel:', { kind, text: e164 }];
      }
      return [prefix, { kind, text: phone(r) }];
    }
    case 'SSN': {
      if (r.int(0, 7) === 0) {
        const s = ssn(r).replace(/[- ]/g, '');
        return [r.pick(['SSN: ', 'ssn ', 'social security number ']), { kind, text: s }];
      }
      if (r.int(0, 11) === 0) return [`\nfirst,last,ssn,dob\n${r.pick(FIRST)},${r.pick(LAST)},`, { kind, text: ssn(r).replace(/[- ]/g, '') }, `,19${r.int(50, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}\n`];
      return [r.pick(['SSN ', 'ssn: ', 'social security ', 'SSN#: ', '']), { kind, text: ssn(r) }];
    }
    case 'CARD': return [r.pick(['card ', 'Visa ending ', 'pay with ', 'cc=', 'card number: ', '']), { kind, text: formatCard(cardDigits(r), r) }];
    case 'IBAN': return [r.pick(['IBAN ', 'iban: ', 'transfer to ', 'account ']), { kind, text: formatIban(ibanCompact(r), r) }];
    case 'IP': return [r.pick(['from ', 'client ip ', 'host=', 'connect to ', 'addr: ', 'IP ']), { kind, text: r.int(0, 2) === 0 ? ipv6(r) : ipv4(r) }];
    case 'URL_CREDENTIALS': {
      const user = r.pick(['admin', 'postgres', 'svc_etl', r.pick(FIRST), '']);
      const pass = r.chars(`${ALNUM}!*`, r.int(6, 20));
      const scheme = r.pick(['postgres', 'mysql', 'https', 'redis', 'mongodb+srv', 'amqp']);
      const host: Part = r.int(0, 3) === 0 ? { kind: 'IP', text: ipv4(r) } : r.pick(['db.internal', 'cache.example.com', 'cluster0.abcde.mongodb.net']);
      if (r.int(0, 7) === 0) return ['SENTRY_DSN=https://', { kind, text: r.chars(HEX, 32) }, `@o${r.digits(6)}.ingest.sentry.io/${r.digits(7)}`];
      return [`${scheme}://`, { kind, text: `${user}:${pass}` }, '@', host, r.pick([':5432/app', '/', ':6379', '/jobs'])];
    }
    case 'BEARER_TOKEN': return [r.pick(['Authorization: Bearer ', 'authorization: bearer ', '-H "Authorization: Bearer ', 'Bearer ']), { kind, text: opaqueToken(r) }];
    case 'BASIC_AUTH': return [r.pick(['Authorization: Basic ', 'basic ', 'BASIC ']), { kind, text: Buffer.from(`${r.pick(FIRST)}:${r.chars(ALNUM, r.int(6, 16))}`).toString('base64') }];
    case 'SECRET': {
      const key = r.pick(['password', 'passwd', 'api_key', 'apiKey', 'client_secret', 'secret', 'access_token', 'DB_PASSWORD', 'auth_token', 'x-api-key']);
      const value = r.chars(`${ALNUM}!#%`, r.int(6, 24)).replace(/^[#%!]+/, 'p');
      const attribute = r.pick(['passphrase', 'pwd', 'otp', 'credentials', 'encryption_key', 'signing_key', 'password']);
      return r.pick<Part[]>([
        [`${key}=`, { kind, text: value }],
        [`${key}: `, { kind, text: value }],
        [`"${key}": "`, { kind, text: value }, '"'],
        [`${key} = '`, { kind, text: value }, "'"],
        [`${r.pick(['self', 'this', 'opts', 'config'])}.${attribute} = "`, { kind, text: value }, '"'],
        [`os.environ["${key.toUpperCase()}"] = "`, { kind, text: value }, '"'],
        [`curl -u ${r.pick(FIRST)}:`, { kind, text: value }, ' https://api.example.com/v1/items'],
        ['DefaultEndpointsProtocol=https;AccountName=store1;AccountKey=', { kind, text: `${r.chars(ALNUM, 40)}==` }, ';EndpointSuffix=core.windows.net'],
        [`${r.pick(['SMTP_PASS', 'MAIL_PASS', 'SECRET_KEY_BASE'])}=`, { kind, text: value }],
      ]);
    }
    default: {
      const text = secret(kind, r);
      return [r.pick(['key ', 'token: ', 'export KEY=', '', 'using ', '"']), { kind, text }];
    }
  }
}

/** Kinds the corpus covers, each with at least 100 labelled spans. */
export const CORPUS_KINDS: readonly EntityKind[] = [
  'EMAIL', 'PHONE', 'SSN', 'CARD', 'IBAN', 'IP', 'OPENAI_KEY', 'ANTHROPIC_KEY', 'AWS_ACCESS_KEY', 'GITHUB_TOKEN',
  'SLACK_TOKEN', 'STRIPE_KEY', 'GOOGLE_API_KEY', 'API_TOKEN', 'JWT', 'BEARER_TOKEN', 'BASIC_AUTH', 'PRIVATE_KEY', 'URL_CREDENTIALS', 'SECRET',
];

/**
 * Builds the corpus: for each kind, `perKind` strings holding one such entity (sometimes two, sometimes
 * with a hard negative beside it), and `negatives` strings holding only hard negatives.
 */
export function buildRedactionCorpus(seed = 20240512, perKind = 110, negatives = 800): CorpusEntry[] {
  const r = new Rng(seed);
  const out: CorpusEntry[] = [];
  for (const kind of CORPUS_KINDS) {
    for (let i = 0; i < perKind; i++) {
      let parts = entityParts(kind, r);
      const extra = r.int(0, 9);
      if (extra < 3) parts = [...parts, r.pick([' and ', '; ', ', then ']), negative(r)];
      else if (extra === 3) parts = [negative(r), ', ', ...parts];
      else if (extra === 4) parts = [...parts, ' / ', ...entityParts(r.pick(CORPUS_KINDS.filter((k) => k !== 'PRIVATE_KEY')), r)];
      out.push(assemble(r.pick(CONTEXTS)(r, parts), kind));
    }
  }
  for (let i = 0; i < negatives; i++) {
    const parts: Part[] = [negative(r)];
    if (r.int(0, 1) === 0) parts.push(r.pick([' and ', ', ', ' | ']), negative(r));
    out.push(assemble(r.pick(CONTEXTS)(r, parts), `negative:${i}`));
  }
  return out;
}
