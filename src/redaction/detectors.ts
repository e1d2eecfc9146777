import type { CountryCode } from 'libphonenumber-js/max';
import { DETECTOR_KINDS, DETECTOR_NAMES, type DetectorName, type EntityKind } from './entity-kinds.js';
import { PhoneValidator, DEFAULT_PHONE_COUNTRIES } from './phone.js';
import { DEFAULT_SENSITIVE_KEYS, SENSITIVE_SUFFIXES, isSensitiveKey } from './sensitive-keys.js';
import { cardPrefixValid, emailDomainValid, ibanLength, ibanValid, ipv4Valid, ipv6Valid, jwtHeaderValid, luhnValid, ssnValid } from './validators.js';

/**
 * One entity found in a string: `text.slice(start, end)` is the value that gets replaced.
 *
 * @example
 * findEntities('mail bob@example.com'); // [{ kind: 'EMAIL', detector: 'email', start: 5, end: 20 }]
 */
export interface EntityMatch {
  kind: EntityKind;
  detector: DetectorName;
  start: number;
  end: number;
}

/** Which detectors run, and which countries' national phone formats count. */
export interface DetectorOptions {
  detectors?: Partial<Record<DetectorName, boolean>>;
  phoneCountries?: readonly CountryCode[];
  /** Extra key names (besides the defaults) whose `key=value` / `"key": "value"` assignments in text are masked. */
  sensitiveKeys?: ReadonlySet<string>;
}

const PRIORITY: Readonly<Record<DetectorName, number>> = Object.fromEntries(DETECTOR_NAMES.map((n, i) => [n, i])) as Record<DetectorName, number>;
const EMPTY: EntityMatch[] = [];

// Where a secret can start: every occurrence of a literal is checked, and the search for that
// literal goes on after a secret it found. A literal is looked for by its anchor, its part from
// `anchorAt` on, picked so that the anchor's first character is rare in text: `indexOf` then runs
// near memchr speed ('J' for 'yJ', 'BEGIN' for '-----BEGIN'), far below a regex with alternatives.
// Literals ending in '_' or '-' share one pass each and are told apart by the character before it. `offset`
// moves from the literal to the secret's first character. 'A' stands for the eleven AWS prefixes
// and Google's 'AIza': inside one such key no other can start, so one literal finds them all.
interface SecretLiteral {
  id: number;
  literal: string;
  anchorAt: number;
  offset: number;
}
interface SecretAnchor {
  anchor: string;
  /** The literal that is the anchor itself, or else the literals ending in it, by the character before it. */
  whole: SecretLiteral | undefined;
  byLead: Array<SecretLiteral | undefined>;
}
const SECRET_LITERALS: ReadonlyArray<readonly [literal: string, offset: number, anchorAt: number]> = [
  ['sk-', 0, 2], ['k_', -1, 1], ['whsec_', 0, 5], ['A', 0, 0], ['ghp_', 0, 3], ['gho_', 0, 3], ['ghu_', 0, 3], ['ghs_', 0, 3], ['ghr_', 0, 3],
  ['github_pat_', 0, 10], ['xox', 0, 0], ['xapp-', 0, 4], ['/services/', -15, 0], ['yJ', -1, 1], ['-----BEGIN', 0, 5],
  ['Bearer', 0, 0], ['bearer', 0, 0], ['BEARER', 0, 0], ['Basic', 0, 0], ['basic', 0, 0], ['BASIC', 0, 0],
  ['npm_', 0, 3], ['hf_', 0, 2], ['r8_', 0, 2], ['dop_v1_', 0, 6], ['lin_api_', 0, 7], ['glpat-', 0, 5],
  ['--', 0, 1], [' -', 1, 1],
];
const SECRET_ANCHORS: readonly SecretAnchor[] = groupByAnchor(SECRET_LITERALS);
// Per literal, where its search goes on (scratch space for one scan).
const secretResume = new Int32Array(SECRET_LITERALS.length);
// Some secret starts somewhere in the text: a short string is tested once instead of searched per
// literal. Each alternative starts at a rare character, as the anchors do, and looks behind for the rest.
const SECRET_GATE = /k-(?<=sk-)|k_(?<=[srp]k_)(?:live|test)_|whsec_|A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|ROA|PKA|Iza)|gh[pousr]_|github_pat_|xox[abposre]-|xapp-|\/services\/(?<=hooks\.slack\.com\/services\/)|yJ(?<=eyJ)|-----BEGIN|(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ \t]|m_(?<=npm_)|f_(?<=hf_)|8_(?<=r8_)|1_(?<=dop_v1_)|i_(?<=lin_api_)|k_(?<=gsk_)|glpat-|AgE(?<=pypi-AgE)|-(?:-(?:pass|token|api-?key|secret|client-secret|auth-token|access-token)|[pa](?<= -[pa]))/;
// Tokens of other vendors, by their documented prefixes: npm, Hugging Face, Replicate,
// DigitalOcean, Linear, Groq, GitLab, PyPI.
const VENDOR_TOKEN = /(?:npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,40}|r8_[A-Za-z0-9]{37}|dop_v1_[a-f0-9]{64}|lin_api_[A-Za-z0-9]{40}|gsk_[A-Za-z0-9]{48,56}|glpat-[A-Za-z0-9_-]{20,}|pypi-AgE[A-Za-z0-9_-]{50,})(?![A-Za-z0-9_-])/y;
const ANTHROPIC = /sk-ant-[a-z0-9]{2,12}-[A-Za-z0-9_-]{20,}/y;
const OPENAI = /sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,}/y;
const STRIPE = /(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/=]{20,}/y;
const AWS = /A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|ROA|PKA)[A-Z2-7]{16}(?![A-Za-z0-9])/y;
const GOOGLE = /AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/y;
const GITHUB = /gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255}/y;
const SLACK = /xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/y;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/y;
const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----/y;
const BEARER = /(?:[Bb]earer|BEARER)[ \t]+([A-Za-z0-9\-._~+/]{12,}=*)/y;
const BASIC = /(?:[Bb]asic|BASIC)[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/y;
// Digit runs (cards, SSNs, phones, IPv4) and IBAN starts share one pass over a short text.
const NUMBER_START = /\+?\(?\d[\d ().-]{5,}\d|[A-Za-z]{2}\d{2}/g;
// From this length on, the four-byte scan costs less than the regex (copying the text costs more on shorter ones).
const GROUP_SCAN_MIN = 512;
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const SSN_SHAPE = /^(\d{3})([- ])(\d{2})\2(\d{4})$/;
const CARD_SHAPE = /^\d(?:[\d -]*|[\d.]*)\d$/;
// A card named as such before an id marker: "Card #4667597460243737 declined".
const WIDE_CARD = /^\d{4}(?: {1,3}\d{4}){2,3}(?: {1,3}\d{1,4})?$/;
const CARD_CONTEXT = /\b(?:card|visa|mastercard|amex|cc|credit|debit)\b[^.\n]{0,12}$/i;
// Dotted quads that are versions or section numbers: `version 1.2.3.4`, `"version": "4.8.7.48"`, `numpy==1.26.4.4`.
const VERSION_CONTEXT = /(?:(?:\bv|\bver|version|build|release|firmware|kernel|section|chapter|clause|\brfc)["']?[\s.:#=-]*["']?|§\s*|[=<>~!]=\s*)$/i;
// A table column (CSV, TSV, markdown) of social security numbers, by its header.
const SQL_PASSWORD_BEFORE = /(?:\bIDENTIFIED BY|\bidentified by|\bPASSWORD|\bpassword)$/;
const TEL_GLUED = /(?:^|[^A-Za-z])(?:TEL|Tel|tel|FAX|Fax|fax)\.?$/;
const PHONE_COLUMN = /phone|mobile|msisdn|whatsapp|waid|^tel$|telefon|celular|^handy$|^cell$|^fax$/;
const SSN_COLUMN = /^(?:ssn|ss#|socialsecurity(?:number|no)?|socsec(?:no)?|taxid|tin)$/;
const SSN_CONTEXT = /(?:ssn|social security(?: number| no\.?)?|soc\.? sec\.?)["']?[\s#:=-]*["']?(?:is\s|no\.?\s?|number\s)?$/i;
const ID_CONTEXT = /(?:#|\b(?:id|order|invoice|ref|reference|tracking|serial|sku|account|acct|ticket|transaction|txn)\b[\s.:#-]*(?:no\.?|number|id)?[\s.:#-]*)$/i;
// Where code names a secret instead of holding it: a call (`getpass.getpass(`, `input(`), a
// variable (`$API_TOKEN`, `${DB_PASSWORD}`, `${{ secrets.X }}`), a YAML tag (`!env_var`), an
// environment or settings lookup (`process.env.TOKEN`, `settings.OPENAI_API_KEY`, `this.apiKey`).
const CODE_REFERENCE = /\(|^\$|^![A-Za-z_]+$|^(?:process|os|env|environ|import|self|this|settings|config|cfg|conf|options|opts|args|params|props|ctx|context|req|request|window|globalThis|secrets|vars)\.[\w$]|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.[A-Z][A-Z0-9_]*$/;
// A quoted value that is a template placeholder: "${DB_PASSWORD}", "{{ secrets.token }}".
const TEMPLATE_REFERENCE = /^(?:\$\{[^}]*\}|\{\{[^}]*\}\})$/;
// Endings of keys that name a secret by their last part only (`SMTP_PASS`): the three-letter
// filter of keys in text lets them through to isSensitiveKey.
const TEXT_KEY_ENDINGS = ['pass'];
const NON_SECRET_VALUES = new Set(['null', 'none', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'required', 'optional', 'string', 'redacted', '[redacted]', 'changeme', 'placeholder',
  // What logs say about a credential rather than the credential.
  'invalid', 'valid', 'missing', 'expired', 'failed', 'succeeded', 'success', 'ok', 'error', 'denied', 'granted', 'revoked', 'rotated', 'refreshed', 'cached', 'stored', 'present', 'absent', 'set', 'unset', 'empty', 'enabled', 'disabled', 'unknown',
  'rejected', 'accepted', 'verified', 'unverified', 'locked', 'unlocked', 'changed', 'reset', 'updated', 'created', 'deleted', 'sent', 'received', 'pending', 'active', 'inactive',
  'secret', 'password', 'token', 'bearer', 'basic']);
// Stand-ins for a secret in docs and examples: `********`, `xxxxxxxx`, `<paste-your-token>`, `YOUR_API_KEY_HERE`.
const PLACEHOLDER = /^(?:(.)\1+|<[^<>]*>|\[[^[\]]*\]|(?:your|my)[_-].*|.*[_-]here)$/i;
const COOKIE_KEYS = new Set(['cookie', 'set-cookie']);

/**
 * Finds personal data and secrets in strings with validated detectors. A few `indexOf` and
 * first-character scans decide which detectors can match before any of their patterns run.
 *
 * @example
 * const scanner = new TextScanner({ detectors: { ip: false } });
 * scanner.find('key sk-proj-abc123def456ghi789jkl012'); // [{ kind: 'OPENAI_KEY', ... }]
 */
export class TextScanner {
  private readonly on: Record<DetectorName, boolean>;
  private readonly anySecret: boolean;
  private readonly anyDigit: boolean;
  private readonly phone: PhoneValidator;
  private readonly extraKeys: ReadonlySet<string>;
  private readonly keyCache = new Map<string, boolean>();
  private readonly keyEndings: KeyEndings;

  constructor(options: DetectorOptions = {}) {
    const on = {} as Record<DetectorName, boolean>;
    for (const name of DETECTOR_NAMES) on[name] = options.detectors?.[name] ?? true;
    this.on = on;
    this.anySecret = on.privateKey || on.anthropicKey || on.openaiKey || on.awsAccessKey || on.githubToken || on.slackToken
      || on.stripeKey || on.googleApiKey || on.vendorToken || on.jwt || on.bearerToken || on.basicAuth;
    this.anyDigit = on.card || on.ssn || on.phone || on.ip;
    this.phone = new PhoneValidator(options.phoneCountries ?? DEFAULT_PHONE_COUNTRIES);
    this.extraKeys = options.sensitiveKeys ?? new Set();
    this.keyEndings = this.extraKeys.size === 0
      ? (defaultKeyEndings ??= new KeyEndings([...DEFAULT_SENSITIVE_KEYS, ...SENSITIVE_SUFFIXES, ...TEXT_KEY_ENDINGS]))
      : new KeyEndings([...DEFAULT_SENSITIVE_KEYS, ...SENSITIVE_SUFFIXES, ...TEXT_KEY_ENDINGS, ...this.extraKeys]);
  }

  /** Every entity in `text`, sorted by position, overlaps merged (the higher-priority kind wins). */
  find(original: string): EntityMatch[] {
    if (original.length < 6) return EMPTY;
    const text = withAsciiLookalikes(original);
    const out: EntityMatch[] = [];
    const on = this.on;
    if (this.anySecret) this.scanSecrets(text, out);
    const at = on.email || on.urlCredentials ? text.indexOf('@') : -1;
    // The scans that read characters one by one read them from a copy: a typed array read costs
    // under half a charCodeAt. Copied once, when the first of them runs.
    let codes: Uint16Array | null = null;
    if (at !== -1) this.scanAt(text, (codes ??= textCodes(text)), at, out);
    const encodedAt = on.email ? text.indexOf('%40') : -1;
    if (encodedAt !== -1) this.scanEncodedAt(text, (codes ??= textCodes(text)), encodedAt, out);
    const colon = on.ip || on.credentialAssignment ? text.indexOf(':') : -1;
    if (colon !== -1) this.scanColons(text, (codes ??= textCodes(text)), colon, out);
    const equals = on.credentialAssignment ? text.indexOf('=') : -1;
    if (equals !== -1) this.scanEquals(text, (codes ??= textCodes(text)), equals, out);
    const closing = on.credentialAssignment ? text.indexOf('</') : -1;
    if (closing !== -1) this.scanClosingTags(text, closing, out);
    if (on.credentialAssignment) this.scanSqlPasswords(text, out);
    if (this.anyDigit || on.iban) this.scanNumbers(text, codes, out);
    return out.length > 1 ? resolveOverlaps(out) : out;
  }

  private push(out: EntityMatch[], detector: DetectorName, start: number, end: number): void {
    out.push({ kind: DETECTOR_KINDS[detector], detector, start, end });
  }

  private scanSecrets(text: string, out: EntityMatch[]): void {
    if (text.length < 512 && !SECRET_GATE.test(text)) return;
    const resume = secretResume.fill(0);
    for (const { anchor, whole, byLead } of SECRET_ANCHORS) {
      for (let q = text.indexOf(anchor); q !== -1; q = text.indexOf(anchor, q + 1)) {
        // A non-ASCII character before the anchor lands on some ASCII slot; the literal is compared anyway.
        const found = whole ?? byLead[text.charCodeAt(q - 1) & 127];
        if (found === undefined) continue;
        const { id, literal, anchorAt, offset } = found;
        const p = q - anchorAt;
        if (p < resume[id]! || (anchorAt > 0 && !text.startsWith(literal, p))) continue;
        const end = this.secretAt(text, p + offset, out);
        resume[id] = end > p ? end : p + 1;
      }
    }
  }

  // Checks the secret that may start at `i`; returns where it ends, or -1.
  private secretAt(text: string, i: number, out: EntityMatch[]): number {
    const on = this.on;
    const c = text.charCodeAt(i);
    let end = -1;
    let start = i;
    let detector: DetectorName | null = null;
    if (c === 45 /* - */) {
      if (text.startsWith('-----', i)) {
        if (on.privateKey) [end, detector] = [pemEnd(text, i), 'privateKey'];
      } else if (on.credentialAssignment) {
        const flag = cliPasswordAt(text, i);
        if (flag !== null) [start, end, detector] = [flag[0], flag[1], 'credentialAssignment'];
      }
    } else if (i < 0 || !wordBoundaryBefore(text, i)) {
      // Two anchors sit inside a vendor token: the 'k_' of Groq's gsk_, the 'A' of PyPI's pypi-AgE.
      const inside = c === 115 && text.startsWith('gsk_', i - 1) ? i - 1 : c === 65 && text.startsWith('pypi-AgE', i - 5) ? i - 5 : -1;
      if (inside === -1 || !on.vendorToken || !wordBoundaryBefore(text, inside)) return -1;
      [start, end, detector] = [inside, stickyEnd(VENDOR_TOKEN, text, inside), 'vendorToken'];
    } else if (c === 110 || c === 100 || c === 108 /* n d l */ || text.startsWith('hf_', i) || text.startsWith('r8_', i) || (c === 103 && text.startsWith('glpat-', i))) {
      if (on.vendorToken) [end, detector] = [stickyEnd(VENDOR_TOKEN, text, i), 'vendorToken'];
    } else if (c === 115 /* s */ && text.charCodeAt(i + 2) === 45) {
      if (text.startsWith('sk-ant-', i)) {
        if (on.anthropicKey) [end, detector] = [stickyEnd(ANTHROPIC, text, i), 'anthropicKey'];
      } else if (on.openaiKey) {
        [end, detector] = [stickyEnd(OPENAI, text, i), 'openaiKey'];
      }
    } else if (c === 115 || c === 114 || c === 112 || c === 119 /* s r p w */) {
      if (on.stripeKey) [end, detector] = [stickyEnd(STRIPE, text, i), 'stripeKey'];
    } else if (c === 65 /* A */) {
      if (text.charCodeAt(i + 1) === 73 && text.charCodeAt(i + 2) === 122) {
        if (on.googleApiKey) [end, detector] = [stickyEnd(GOOGLE, text, i), 'googleApiKey'];
      } else if (on.awsAccessKey && text.charCodeAt(i + 3) === 65 /* every AWS prefix ends in A */) {
        [end, detector] = [stickyEnd(AWS, text, i), 'awsAccessKey'];
      }
    } else if (c === 103 /* g */) {
      if (on.githubToken) [end, detector] = [stickyEnd(GITHUB, text, i), 'githubToken'];
    } else if (c === 120 || c === 104 /* x h */) {
      if (on.slackToken) [end, detector] = [stickyEnd(SLACK, text, i), 'slackToken'];
    } else if (c === 101 /* e */) {
      if (on.jwt) {
        end = stickyEnd(JWT, text, i);
        if (end !== -1 && !jwtHeaderValid(text.slice(i, text.indexOf('.', i)))) end = -1;
        detector = 'jwt';
      }
    } else if (c === 66 || c === 98 /* B b */) {
      const second = text.charCodeAt(i + 1);
      const re = second === 97 || second === 65 ? (on.basicAuth ? BASIC : null) : on.bearerToken ? BEARER : null;
      if (re !== null) {
        re.lastIndex = i;
        const b = re.exec(text);
        if (b !== null && (re === BASIC ? basicCredentialsValid(b[1]!) : bearerTokenValid(b[1]!))) {
          start = i + b[0].length - b[1]!.length;
          end = i + b[0].length;
          // A token at the end of a sentence does not own the full stop.
          while (end > start && text.charCodeAt(end - 1) === 46) end--;
          detector = re === BASIC ? 'basicAuth' : 'bearerToken';
        }
      }
    }
    if (detector === null || end <= start || fillerTail(text, end)) return -1;
    this.push(out, detector, start, end);
    return end;
  }

  private scanAt(text: string, codes: Uint16Array, at: number, out: EntityMatch[]): void {
    const len = text.length;
    while (at !== -1) {
      // The local part of an email is also where the user info of a URL ends.
      let l = at;
      while (l > 0 && isLocalChar(codes[l - 1])) l--;
      let s = l;
      while (s > 0 && !isUserinfoStop(codes[s - 1])) s--;
      if (s >= 3 && codes[s - 1] === 47 && codes[s - 2] === 47 && codes[s - 3] === 58) {
        // A password with an unencoded '@' (`postgresql://app:P@ssw0rd@db`): the host follows the last one.
        for (let q = at + 1; q < len && (codes[q] === 64 || (!isUserinfoStop(codes[q]!) && codes[q] !== 63 && codes[q] !== 35)); q++) if (codes[q] === 64) at = q;
        const colon = text.indexOf(':', s);
        // The user may be empty (`redis://:password@host`), the password not; a user of 20 or more
        // letters and digits is a token itself (a Sentry DSN's key, `https://ghp_...@github.com`).
        if (this.on.urlCredentials && ((colon !== -1 && colon < at - 1 && colon >= s) || (at - s >= 20 && (colon === -1 || colon > at) && tokenLike(codes, s, at)))) this.push(out, 'urlCredentials', s, at);
      } else if (this.on.email) {
        this.emailAt(text, codes, l, at, 1, out);
      }
      at = text.indexOf('@', at + 1);
    }
  }

  // Emails written URL-encoded in query strings and logs: `?email=jane.doe%40gmail.com`.
  private scanEncodedAt(text: string, codes: Uint16Array, at: number, out: EntityMatch[]): void {
    while (at !== -1) {
      let l = at;
      while (l > 0 && isLocalChar(codes[l - 1])) l--;
      this.emailAt(text, codes, l, at, 3, out);
      at = text.indexOf('%40', at + 3);
    }
  }

  // The email with local part [l, at) and its '@' (`width` 1) or '%40' (3) at `at`.
  private emailAt(text: string, codes: Uint16Array, l: number, at: number, width: number, out: EntityMatch[]): void {
    const len = text.length;
    while (l < at && codes[l] === 46) l++;
    const domain = at + width;
    let r = domain;
    while (r < len && isDomainChar(codes[r])) r++;
    while (r > domain && (codes[r - 1] === 46 || codes[r - 1] === 45)) r--;
    if (l < at && r > domain + 2 && codes[at - 1] !== 46 && !isWordChar(codes[r])
      && text.slice(l, at).indexOf('..') === -1 && emailDomainValid(text.slice(domain, r))) {
      this.push(out, 'email', l, r);
    }
  }

  private scanColons(text: string, codes: Uint16Array, p: number, out: EntityMatch[]): void {
    const on = this.on;
    let previous = -1;
    while (p !== -1) {
      const following = text.indexOf(':', p + 1);
      let next = p + 1;
      const before = codes[p - 1];
      const after = codes[p + 1];
      // Each colon of an IPv6 address has another at most five characters away.
      const nearColon = (previous !== -1 && p - previous <= 5) || (following !== -1 && following - p <= 5);
      if (on.ip && nearColon && (isHex(before) || before === 58 || isHex(after) || after === 58)) {
        const end = this.ipv6At(text, codes, p, out);
        if (end !== -1) next = end;
      }
      if (next === p + 1 && on.credentialAssignment && after !== 58 && before !== 58) {
        const end = this.assignmentAt(text, codes, p, out);
        if (end !== -1) next = end;
      }
      if (next === p + 1) {
        previous = p;
        p = following;
      } else {
        p = text.indexOf(':', next);
        previous = p === -1 ? -1 : text.lastIndexOf(':', p - 1);
      }
    }
  }

  private scanEquals(text: string, codes: Uint16Array, p: number, out: EntityMatch[]): void {
    while (p !== -1) {
      let next = p + 1;
      const after = codes[p + 1];
      if (after !== 61 && codes[p - 1] !== 61) {
        const end = this.assignmentAt(text, codes, p, out);
        if (end !== -1) next = end;
      }
      p = text.indexOf('=', next);
    }
  }

  private ipv6At(text: string, codes: Uint16Array, p: number, out: EntityMatch[]): number {
    let s = p;
    while (s > 0 && isIpv6Char(codes[s - 1])) s--;
    if (isWordChar(codes[s - 1])) return -1;
    let e = p + 1;
    const len = text.length;
    while (e < len && isIpv6Char(codes[e])) e++;
    while (e > p + 1 && codes[e - 1] === 46) e--;
    if (codes[e] === 37 /* % zone */) {
      let z = e + 1;
      while (z < len && isAlnum(codes[z])) z++;
      if (z > e + 1) e = z;
    }
    if (isWordChar(codes[e])) return -1;
    // Most colons between hex digits are times and ratios: count before building the candidate.
    let colons = 0;
    let digit = false;
    for (let i = s; i < e; i++) {
      const c = codes[i];
      if (c === 58) colons++;
      else if (isDigit(c)) digit = true;
    }
    if (colons < 2 || !digit || !ipv6Valid(text.slice(s, e))) return -1;
    this.push(out, 'ip', s, e);
    return e;
  }

  // `password=hunter2`, `"api_key": "..."`, `Authorization: Bearer ...` written inside a string.
  private assignmentAt(text: string, codes: Uint16Array, p: number, out: EntityMatch[]): number {
    let e = p;
    while (e > 0 && codes[e - 1] === 32) e--;
    // A subscript key ends in `"]` (`os.environ["PASSWD"] = ...`), a quoted key in its quote,
    // which is escaped in JSON-encoded text (`\"PASSWORD\": \"...\"` in a tool result).
    if (codes[e - 1] === 93) e--;
    const q = codes[e - 1];
    if (q === 34 || q === 39) {
      e--;
      if (codes[e - 1] === 92) e--;
    }
    // Most keys in text are not secret names: compare their last three letters first, and look
    // for a secret word inside the key (`ses_smtp_password_v4`), without allocating.
    let c3 = 0;
    let c2 = 0;
    let c1 = 0;
    let window = 0;
    let secretWord = false;
    let k = e - 1;
    for (let seen = 0; k >= 0 && e - k <= 40; k--) {
      let c = codes[k]!;
      if (!isAlnum(c)) {
        if (isKeyChar(c)) continue;
        break;
      }
      if (c >= 65 && c <= 90) c += 32;
      if (seen === 0) c3 = c;
      else if (seen === 1) c2 = c;
      else if (seen === 2) c1 = c;
      seen++;
      // The last four letters read, first one highest: 'pass', 'secr' and 'pwd' complete at their 'p' or 's'.
      window = (window >>> 8) | (c << 24);
      if ((c === 112 || c === 115) && (window === 0x70617373 || window === 0x73656372 || window >>> 8 === 0x707764)) secretWord = true;
    }
    // `curl -u user:password`: the user is no secret name, the pair is a credential.
    const curlUser = codes[p] === 58 && codes[k] === 32 && codes[k - 1] === 117 && codes[k - 2] === 45 && (k < 3 || codes[k - 3] === 32);
    // ('...lue': a `value` key, whose name may stand on the line above.)
    if (!this.keyEndings.has(c1, c2, c3) && !secretWord && !curlUser && !(c1 === 108 && c2 === 117 && c3 === 101)) return -1;
    // The walk above stopped before the key (or 40 characters in: too long for a key name).
    const b = k + 1;
    if (e - b < 2 || (k >= 0 && isKeyChar(codes[k]!))) return -1;
    const rawKey = text.slice(b, e);
    let sensitive = curlUser || this.keyCache.get(rawKey);
    if (sensitive === undefined) {
      sensitive = isSensitiveKey(rawKey, this.extraKeys);
      if (this.keyCache.size > 1000) this.keyCache.clear();
      this.keyCache.set(rawKey, sensitive);
    }
    if (!sensitive && rawKey.toLowerCase() === 'value') sensitive = this.namedValueIsSecret(text, b);
    if (!sensitive) return -1;
    const len = text.length;
    let v = p + 1;
    while (v < len && (codes[v] === 32 || codes[v] === 9)) v++;
    let open = codes[v];
    // A value quoted inside JSON-encoded text opens with `\"` and ends before the next `\"`.
    const escaped = open === 92 && (codes[v + 1] === 34 || codes[v + 1] === 39);
    if (escaped) open = codes[++v];
    const quoted = open === 34 || open === 39;
    // A cookie header's value is all its pairs, to the end of the line.
    const wholeLine = !quoted && COOKIE_KEYS.has(rawKey.toLowerCase());
    let end: number;
    if (escaped) {
      v++;
      end = v;
      while (end < len && !(codes[end] === 92 && codes[end + 1] === open)) end++;
    } else if (quoted) {
      v++;
      end = v;
      while (end < len && codes[end] !== open) end += codes[end] === 92 ? 2 : 1;
      if (end > len) end = len;
    } else {
      if (open === 123 || open === 91) return -1;
      end = v;
      // '&' ends a value in a query string (`?token=x&page=2`), not in `ADMIN_PASSWORD=Zfe9Qn&jKheB4`.
      const inQuery = codes[b - 1] === 63 || codes[b - 1] === 38;
      if (wholeLine) while (end < len && codes[end] !== 10 && codes[end] !== 13 && codes[end] !== 34) end++;
      else while (end < len && !isValueStop(codes[end]) && (codes[end] !== 38 || !inQuery)) end++;
      // An auth scheme word is followed by the credential itself.
      const word = text.slice(v, end).toLowerCase();
      if ((word === 'bearer' || word === 'basic' || word === 'token' || word === 'digest') && codes[end] === 32) {
        v = end + 1;
        end = v;
        while (end < len && !isValueStop(codes[end])) end++;
      }
      // An unquoted value at the end of a sentence does not own the full stop.
      while (end > v && isSentencePunct(codes[end - 1])) end--;
    }
    if (end - v < 3) return -1;
    const value = text.slice(v, end);
    if (NON_SECRET_VALUES.has(value.toLowerCase()) || PLACEHOLDER.test(value)) return -1;
    if (quoted ? TEMPLATE_REFERENCE.test(value) : value === rawKey || CODE_REFERENCE.test(value) || notSecretProse(value, codes, end)) return -1;
    this.push(out, 'credentialAssignment', v, end);
    return end;
  }

  // `<password>s3cret</password>`, `<add key="ApiKey">...`: an element named like a secret holds one.
  private scanClosingTags(text: string, p: number, out: EntityMatch[]): void {
    while (p !== -1) {
      const nameEnd = text.indexOf('>', p + 2);
      if (nameEnd === -1 || nameEnd - p > 42) {
        p = text.indexOf('</', p + 2);
        continue;
      }
      const name = text.slice(p + 2, nameEnd);
      const open = text.lastIndexOf(`<${name}`, p);
      const valueStart = open === -1 ? -1 : text.indexOf('>', open) + 1;
      if (valueStart > 0 && valueStart < p && p - valueStart <= 4096 && /^[\w:.-]+$/.test(name) && isSensitiveKey(name.slice(name.indexOf(':') + 1), this.extraKeys)) {
        const value = text.slice(valueStart, p).trim();
        if (value.length >= 3 && !value.includes('<') && !PLACEHOLDER.test(value) && !NON_SECRET_VALUES.has(value.toLowerCase())) {
          const start = text.indexOf(value, valueStart);
          this.push(out, 'credentialAssignment', start, start + value.length);
        }
      }
      p = text.indexOf('</', nameEnd);
    }
  }

  // SQL that sets a password: `IDENTIFIED BY 'x'` (MySQL, Oracle), `PASSWORD 'x'` (PostgreSQL).
  // Read at each single quote: the words before it decide.
  private scanSqlPasswords(text: string, out: EntityMatch[]): void {
    for (let q = text.indexOf("'"); q !== -1; q = text.indexOf("'", q + 1)) {
      let e = q;
      while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
      if (e === q || !SQL_PASSWORD_BEFORE.test(text.slice(Math.max(0, e - 13), e))) continue;
      let end = q + 1;
      while (end < text.length && (text.charCodeAt(end) !== 39 || text.charCodeAt(end + 1) === 39)) end += text.charCodeAt(end) === 39 || text.charCodeAt(end) === 92 ? 2 : 1;
      const value = text.slice(q + 1, end);
      if (end < text.length && value.length >= 3 && !PLACEHOLDER.test(value)) this.push(out, 'credentialAssignment', q + 1, end);
      q = end;
    }
  }

  // `value:` under `name: DB_PASSWORD` (Kubernetes and compose env lists, name/value pairs):
  // the name on the line above says what the value is.
  private namedValueIsSecret(text: string, keyStart: number): boolean {
    const lineStart = text.lastIndexOf('\n', keyStart - 1);
    if (lineStart <= 0) return false;
    const above = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
    const name = /^[\s\-[{,]*["']?name["']?\s*[:=]\s*["']?([\w.-]+)["']?,?\s*$/.exec(above)?.[1];
    return name !== undefined && isSensitiveKey(name, this.extraKeys);
  }

  // Digit runs (cards, SSNs, phones, IPv4) and IBANs: a short text in one regex pass, a longer one
  // four bytes at a time (the regex tries a match at every digit).
  private scanNumbers(text: string, codes: Uint16Array | null, out: EntityMatch[]): void {
    if (text.length >= GROUP_SCAN_MIN) {
      this.scanNumberGroups(text, codes, out);
      return;
    }
    const re = NUMBER_START;
    re.lastIndex = 0;
    let ibanFrom = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const c = text.charCodeAt(start);
      if (isLetter(c)) {
        // A digit run may start at the check digits (it is glued to the letters, so it is skipped there).
        re.lastIndex = start + 2;
        if (this.on.iban && start >= ibanFrom) {
          const end = this.ibanAt(text, start, out);
          if (end !== -1) ibanFrom = end;
        }
        continue;
      }
      this.reportRun(text, start, start + m[0].length, out);
    }
  }

  /**
   * Finds what `NUMBER_START` would, reading the text in groups of four characters at multiples of
   * four. From its first digit on, a digit run holds seven or more characters of `[\d ().-]`, an
   * IBAN fifteen or more of `[A-Z\d ]`: either covers a whole group of characters in U+0020..U+005F
   * with three more such characters next to it, and starts in the three characters before that
   * group or at its first. Only around groups like that are characters read one by one.
   */
  private scanNumberGroups(text: string, codes: Uint16Array | null, out: EntityMatch[]): void {
    const iban = this.on.iban;
    const groups = (text.length + 3) >> 2;
    const words = textGroups(text);
    let runFrom = 0;
    let ibanFrom = 0;
    for (let w = 0; w < groups; w++) {
      // Characters before `runFrom` lie in a digit run (or what failed to be one): no letters, no run starts.
      // The test is outsideGroup()'s in two operations: a byte below 0x20 borrows, but then that
      // byte itself wraps to 0xE0 or above, so a borrow never hides a byte outside the range.
      if (((words[w]! - 0x20202020) & 0xc0c0c0c0) !== 0 || w * 4 < runFrom) continue;
      const before = w === 0 ? 0 : fitAtEnd(outsideGroup(words[w - 1]!));
      const after = w + 1 < groups ? fitAtStart(outsideGroup(words[w + 1]!)) : 0;
      if (before + after < 3) continue;
      codes ??= textCodes(text);
      for (let p = Math.max(w * 4 - 3, runFrom); p <= w * 4; p++) {
        const c = codes[p]!;
        if (c >= 48 && c <= 57) {
          if (p >= runFrom) runFrom = this.digitRunAt(text, codes, p, out);
        } else if (iban && c >= 65 && c <= 90 && p >= ibanFrom && isUpper(codes[p + 1]!) && isDigit(codes[p + 2]!) && isDigit(codes[p + 3]!)) {
          const end = this.ibanAt(text, p, out);
          if (end !== -1) ibanFrom = end;
        }
      }
    }
  }

  // Reports the digit run whose first digit is at `f` (with the '(' and '+' before it), if
  // `NUMBER_START` finds one there; returns where the next run can start.
  private digitRunAt(text: string, codes: Uint16Array, f: number, out: EntityMatch[]): number {
    const len = text.length;
    let e = f + 1;
    while (e < len && isRunChar(codes[e]!)) e++;
    let q = e - 1;
    while (q >= f + 6 && !isDigit(codes[q]!)) q--;
    // Without a digit that far, no run starts before `e` either.
    if (q < f + 6) return e;
    let start = f;
    if (codes[start - 1] === 40) start--;
    if (codes[start - 1] === 43) start--;
    this.reportRun(text, start, q + 1, out);
    return q + 1;
  }

  // Classifies the digit run `text.slice(start, end)` unless it continues an identifier.
  private reportRun(text: string, start: number, end: number, out: EntityMatch[]): void {
    const previous = text.charCodeAt(start - 1);
    const found = out.length;
    const glued = gluedBefore(text, start);
    if (!glued) {
      if (this.anyDigit && !gluedAfter(text, end)) {
        this.classifyRun(text, text.slice(start, end), start, out);
        if (out.length === found && this.on.phone && previous === 32 && text.charCodeAt(start - 2) === 47) this.slashPhoneAt(text, start - 2, start, end, out);
      }
    } else if (previous === 47) {
      // After a slash: an address (`ip-10-0-1-5.ec2.internal/10.0.1.5`), or a phone (see slashPhoneAt).
      if (this.on.ip && !gluedAfter(text, end) && IPV4_SHAPE.test(text.slice(start, end)) && hostBefore(text, start - 1)) this.classifyRun(text, text.slice(start, end), start, out);
      else if (this.on.phone && !gluedAfter(text, end)) this.slashPhoneAt(text, start - 1, start, end, out);
    } else if (this.on.phone && ((previous | 32) === 108 || (previous | 32) === 120 || previous === 46) && TEL_GLUED.test(text.slice(Math.max(0, start - 5), start)) && !gluedAfter(text, end)) {
      // A label glued to its number: "TEL03-1234-5678", "TEL.03-...", "FAX+81 52 706 5730".
      if (this.phone.isPhone(text.slice(start, end), 'tel ')) this.push(out, 'phone', start, end);
    } else if (this.on.phone && previous === 66 && text.startsWith('%2B', start - 3) && !gluedAfter(text, end)) {
      // A '+' URL-encoded in a query string: `?phone=%2B61491209913`.
      if (this.phone.isPhone(`+${text.slice(start, end)}`, '')) this.push(out, 'phone', start - 3, end);
    }
    if (this.on.iban && (isAlnum(previous) || (previous === 32 && isGroupOfFour(text, start - 5)))) this.ibanAround(text, start, out);
    if (!glued || out.length !== found) return;
    // A run that starts with the tail of an identifier ("...fc2f5 132.28.205.61", "T5 415-555-2671"):
    // what follows its first space is a run of its own.
    let next = text.indexOf(' ', start);
    if (next === -1 || next >= end) return;
    while (text.charCodeAt(next) === 32) next++;
    if (end - next >= 7) this.reportRun(text, next, end, out);
  }

  // The IBAN a digit run may be part of: the four-character scan stops at upper-case letters,
  // not at lower-case ones ("de89 3704 ...", "gb82 west 1234 ..."), so from the run it looks back
  // over the word it is glued to and the groups of four before it for a country code.
  private ibanAround(text: string, start: number, out: EntityMatch[]): void {
    const last = out[out.length - 1];
    if (last !== undefined && last.detector === 'iban' && last.end > start) return;
    let near = start;
    while (near > 0 && start - near < 34 && isAlnum(text.charCodeAt(near - 1))) near--;
    let far = near;
    while (start - far < 34 && text.charCodeAt(far - 1) === 32 && isGroupOfFour(text, far - 5)) far -= 5;
    // The farthest country code first: the groups of an IBAN may themselves look like one.
    for (let c = far; c <= near; c += 5) {
      if (isLetter(text.charCodeAt(c)) && isLetter(text.charCodeAt(c + 1)) && isDigit(text.charCodeAt(c + 2)) && isDigit(text.charCodeAt(c + 3)) && this.ibanAt(text, c, out) !== -1) return;
    }
  }

  // A digit run after a slash: a German number with its area code before the slash
  // (030/2274128, 089 / 6941834), masked when the two read as one number; or a WhatsApp link
  // (wa.me/442074360953), an international number without its '+'.
  private slashPhoneAt(text: string, slash: number, start: number, end: number, out: EntityMatch[]): void {
    if (slash >= 5 && text.startsWith('wa.me', slash - 5)) {
      if (this.phone.isPhone(`+${text.slice(start, end)}`, '')) this.push(out, 'phone', start, end);
      return;
    }
    const codeEnd = text.charCodeAt(slash - 1) === 32 ? slash - 1 : slash;
    let s = codeEnd;
    while (s > 0 && isDigit(text.charCodeAt(s - 1))) s--;
    if (codeEnd - s < 2 || codeEnd - s > 5 || text.charCodeAt(s) !== 48 || gluedBefore(text, s)) return;
    const candidate = `${text.slice(s, codeEnd)} ${text.slice(start, end)}`;
    if (this.phone.isPhone(candidate, text.slice(Math.max(0, s - 40), s))) this.push(out, 'phone', s, end);
  }

  // A run may hold several values separated by spaces ("415 555 2671 on 2024 05 12"): try windows of groups, longest first.
  private classifyRun(text: string, run: string, offset: number, out: EntityMatch[]): void {
    // Two or more spaces part the columns of an aligned table: each column is a run of its own.
    const gap = run.indexOf('  ');
    // (A card's groups of four may be spaced wider, as OCR reads them: "4893  1363  9076  5919".)
    if (gap !== -1 && !(WIDE_CARD.test(run) && this.classifyWindow(text, run, offset, 0, run.length, false, out))) {
      let next = gap;
      while (run.charCodeAt(next) === 32) next++;
      this.classifyRun(text, run.slice(0, gap), offset, out);
      if (run.length - next >= 7) this.classifyRun(text, run.slice(next), offset + next, out);
      return;
    }
    let space = run.indexOf(' ');
    if (space === -1) {
      this.classifyWindow(text, run, offset, 0, run.length, false, out);
      return;
    }
    // A run starts with a digit, '+' or '(' and ends with a digit: its groups lie between runs of spaces.
    const starts: number[] = [0];
    const ends: number[] = [];
    while (space !== -1) {
      ends.push(space);
      let next = space + 1;
      while (run.charCodeAt(next) === 32) next++;
      starts.push(next);
      space = run.indexOf(' ', next);
    }
    ends.push(run.length);
    const groups = starts.length;
    let i = 0;
    // A window that starts inside groups no value took ("2024 05 25 15 10", a card's tail) is
    // held to the shapes that cannot be the rest of something else (see classify).
    let midRun = false;
    while (i < groups) {
      let matched = -1;
      for (let j = Math.min(groups - 1, i + 7); j >= i; j--) {
        if (this.classifyWindow(text, run, offset, starts[i]!, ends[j]!, midRun, out)) {
          matched = j;
          break;
        }
      }
      midRun = matched === -1;
      i = matched === -1 ? i + 1 : matched + 1;
    }
  }

  // Classifies `run.slice(ws, we)` and reports it when it is a value; returns whether it was.
  private classifyWindow(text: string, run: string, offset: number, ws: number, we: number, midRun: boolean, out: EntityMatch[]): boolean {
    // Trailing/leading punctuation of a group is not part of the value.
    while (we > ws && !isDigit(run.charCodeAt(we - 1)) && run.charCodeAt(we - 1) !== 41) we--;
    if (we - ws < 7) return false;
    let detector = this.classify(text, run.slice(ws, we), offset + ws, midRun);
    // A value in parentheses: "(10.0.1.5)", "SSN (123-45-6789)" (a phone's area code keeps its own).
    if (detector === null && run.charCodeAt(ws) === 40) {
      const close = run.charCodeAt(we - 1) === 41 ? we - 1 : we;
      const inner = run.indexOf(')', ws);
      if ((inner === -1 || inner === close) && close - ws - 1 >= 7) {
        detector = this.classify(text, run.slice(ws + 1, close), offset + ws + 1, midRun);
        if (detector === null) return false;
        this.push(out, detector, offset + ws + 1, offset + close);
        return true;
      }
    }
    if (detector === null) return false;
    if (run.charCodeAt(ws) === 40 && (detector !== 'phone' || run.indexOf(')', ws) === -1 || run.indexOf(')', ws) >= we)) ws++;
    this.push(out, detector, offset + ws, offset + we);
    return true;
  }

  // `midRun`: the value follows digit groups that were no value; a card or a national number
  // with a trunk '0' there is most likely the tail of an id, a date or a longer number.
  private classify(text: string, value: string, absStart: number, midRun: boolean): DetectorName | null {
    const on = this.on;
    const before = text.slice(Math.max(0, absStart - 40), absStart);
    if (on.ip && value.length <= 15 && isDigit(value.charCodeAt(0)) && IPV4_SHAPE.test(value)) {
      return ipv4Valid(value) && !VERSION_CONTEXT.test(before.slice(-16)) ? 'ip' : null;
    }
    const n = countDigits(value);
    if (on.ssn && n === 9) {
      const s = SSN_SHAPE.exec(value);
      if (s !== null) {
        if (ssnValid(s[1]!, s[3]!, s[4]!)) return 'ssn';
      } else if (value.length === 9 && (SSN_CONTEXT.test(before) || SSN_COLUMN.test(columnName(text, absStart))) && ssnValid(value.slice(0, 3), value.slice(3, 5), value.slice(5))) {
        return 'ssn';
      }
    }
    if (on.card && !midRun && n >= 13 && n <= 19 && CARD_SHAPE.test(value)) {
      const digits = digitsOf(value);
      if (cardPrefixValid(digits) && luhnValid(digits) && (value.length !== n || !ID_CONTEXT.test(before) || CARD_CONTEXT.test(before))) return 'card';
    }
    if (on.phone && n >= 7 && n <= 15) {
      if (this.phone.isPhone(value, before, midRun)) return 'phone';
      // Digits alone in a table column headed phone, mobile, msisdn, ...: a phone as much as after "phone:".
      if (!midRun && PHONE_COLUMN.test(columnName(text, absStart))) {
        const international = /^[1-9]\d{10,14}$/.test(value) && this.phone.isPhone(`+${value}`, '');
        if (international || this.phone.isPhone(value, 'phone: ')) return 'phone';
      }
    }
    return null;
  }

  // The IBAN whose country code is at `i`, validated; returns where it ends, or -1.
  private ibanAt(text: string, i: number, out: EntityMatch[]): number {
    if (isAlnum(text.charCodeAt(i - 1))) return -1;
    const expected = ibanLength(text.slice(i, i + 2).toUpperCase());
    if (expected === undefined) return -1;
    const len = text.length;
    // Written in upper case as a rule, in lower case by people typing it.
    let compact = '';
    let p = i;
    while (p < len && compact.length < expected) {
      const c = text.charCodeAt(p);
      if (isAlnum(c)) {
        compact += c >= 97 ? String.fromCharCode(c - 32) : text[p];
        p++;
      } else if (c === 32 && p > i && (text.charCodeAt(p - 1) !== 32 || text.charCodeAt(p - 2) !== 32)) {
        p++;
      } else {
        break;
      }
    }
    if (compact.length !== expected || isAlnum(text.charCodeAt(p)) || !ibanValid(compact)) return -1;
    this.push(out, 'iban', i, p);
    return p;
  }
}

// The last three letters or digits of secret key names, lower case, '\0' before shorter names: a key
// that ends otherwise names no secret. Looked up by the last two characters, then a 128-bit set of
// the one before, so that most keys in text are turned away without hashing.
class KeyEndings {
  private readonly rows = new Uint16Array(1 << 14);
  private readonly thirds: Int32Array;

  constructor(names: Iterable<string>) {
    const endings: Array<readonly [number, number, number]> = [];
    for (const name of names) {
      const padded = name.padStart(3, '\0');
      const ending = [3, 2, 1].map((k) => padded.charCodeAt(padded.length - k) & 0xff) as [number, number, number];
      // Keys are read from text as ASCII: an ending with any other character never matches.
      if (ending.every((c) => c < 128)) endings.push(ending);
    }
    let count = 0;
    for (const [, b, c] of endings) if (this.rows[(b << 7) | c] === 0) this.rows[(b << 7) | c] = ++count;
    this.thirds = new Int32Array(count * 4);
    for (const [a, b, c] of endings) this.thirds[(this.rows[(b << 7) | c]! - 1) * 4 + (a >> 5)]! |= 1 << (a & 31);
  }

  /** Whether a key ending in `a b c` (lower-case ASCII, 0 for none) may name a secret. */
  has(a: number, b: number, c: number): boolean {
    const row = this.rows[(b << 7) | c]!;
    return row !== 0 && ((this.thirds[(row - 1) * 4 + (a >> 5)]! >>> (a & 31)) & 1) === 1;
  }
}
// Shared by the scanners without extra key names.
let defaultKeyEndings: KeyEndings | undefined;

/**
 * Finds every entity in `text` with all detectors on (or as `options` choose).
 *
 * @example
 * findEntities('card 4111 1111 1111 1111').map((m) => m.kind); // ['CARD']
 */
export function findEntities(text: string, options?: DetectorOptions): EntityMatch[] {
  const scanner = options === undefined ? (defaultScanner ??= new TextScanner()) : new TextScanner(options);
  return scanner.find(text);
}
let defaultScanner: TextScanner | undefined;

function groupByAnchor(entries: ReadonlyArray<readonly [literal: string, offset: number, anchorAt: number]>): SecretAnchor[] {
  const anchors = new Map<string, SecretAnchor>();
  entries.forEach(([literal, offset, anchorAt], id) => {
    const anchor = literal.slice(anchorAt);
    let entry = anchors.get(anchor);
    if (entry === undefined) anchors.set(anchor, (entry = { anchor, whole: undefined, byLead: new Array<SecretLiteral | undefined>(128) }));
    if (anchorAt === 0) entry.whole = { id, literal, anchorAt, offset };
    else entry.byLead[literal.charCodeAt(anchorAt - 1)] = { id, literal, anchorAt, offset };
  });
  return [...anchors.values()];
}

function resolveOverlaps(found: EntityMatch[]): EntityMatch[] {
  const matches = sortByPosition(found);
  const out: EntityMatch[] = [matches[0]!];
  for (let i = 1; i < matches.length; i++) {
    const m = matches[i]!;
    const last = out[out.length - 1]!;
    if (m.start >= last.end) {
      out.push(m);
      continue;
    }
    // Overlap: mask the union, named after the more specific detector.
    const winner = PRIORITY[m.detector] < PRIORITY[last.detector] ? m : last;
    out[out.length - 1] = { kind: winner.kind, detector: winner.detector, start: last.start, end: Math.max(last.end, m.end) };
  }
  return out;
}

// Each scanner reports in text order, so the matches are a few sorted runs: merging them pairwise
// costs a fraction of a sort with a comparator. Stable, like Array.prototype.sort.
function sortByPosition(matches: EntityMatch[]): EntityMatch[] {
  let bounds = [0];
  for (let i = 1; i < matches.length; i++) if (precedes(matches[i]!, matches[i - 1]!)) bounds.push(i);
  bounds.push(matches.length);
  let from = matches;
  while (bounds.length > 2) {
    const into: EntityMatch[] = [];
    const merged = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const mid = bounds[r + 1]!;
      const end = r + 2 < bounds.length ? bounds[r + 2]! : mid;
      let i = bounds[r]!;
      let j = mid;
      while (i < mid || j < end) into.push(j === end || (i < mid && !precedes(from[j]!, from[i]!)) ? from[i++]! : from[j++]!);
      merged.push(into.length);
    }
    from = into;
    bounds = merged;
  }
  return from;
}

// Earlier start first; of two at the same start, the longer.
function precedes(a: EntityMatch, b: EntityMatch): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

function stickyEnd(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  const m = re.exec(text);
  return m === null ? -1 : i + m[0].length;
}

// A PEM block without its END line (cut by truncation) is masked to the end of the string.
function pemEnd(text: string, i: number): number {
  PEM_BEGIN.lastIndex = i;
  const m = PEM_BEGIN.exec(text);
  if (m === null) return -1;
  const endMarker = `-----END ${m[1]}PRIVATE KEY${m[2] ?? ''}-----`;
  const e = text.indexOf(endMarker, i + m[0].length);
  return e === -1 ? text.length : e + endMarker.length;
}

// Password options of command lines: `--password X`, `--token=X`, `mysql -pX`, `sshpass -p X`,
// `docker login -p X`, `redis-cli -a X`. (The same letters are ports and flags to other commands.)
const LONG_PASSWORD_FLAG = /--(?:password|passwd|pass|token|api-?key|secret|client-secret|auth-token|access-token)(?:=|[ \t]+)(?!-)([^\s'"]{3,})/y;
const SHORT_PASSWORD_FLAG: Readonly<Record<string, { flag: string; glued: boolean; sub?: string }>> = {
  mysql: { flag: 'p', glued: true }, mysqldump: { flag: 'p', glued: true }, mysqladmin: { flag: 'p', glued: true },
  sshpass: { flag: 'p', glued: false }, docker: { flag: 'p', glued: false, sub: 'login' }, 'redis-cli': { flag: 'a', glued: false },
};

// The [start, end) of the password an option at `i` ('-') gives, or null.
function cliPasswordAt(text: string, i: number): [number, number] | null {
  if (text.charCodeAt(i + 1) === 45) {
    LONG_PASSWORD_FLAG.lastIndex = i;
    const m = LONG_PASSWORD_FLAG.exec(text);
    if (m === null || PLACEHOLDER.test(m[1]!) || m[1]!.charCodeAt(0) === 36 || NON_SECRET_VALUES.has(m[1]!.toLowerCase()) || /^[a-z]{2,5}$/.test(m[1]!)) return null;
    return [i + m[0].length - m[1]!.length, i + m[0].length];
  }
  const letter = text[i + 1];
  if (letter !== 'p' && letter !== 'a') return null;
  // The command the option belongs to: the first word after the line's start, a prompt or a
  // separator, within the 200 characters before the option.
  const head = text.slice(Math.max(0, i - 200), i);
  let commandStart = head.lastIndexOf('\n') + 1;
  for (const separator of ['$ ', '&& ', '; ', '| ']) {
    const at = head.lastIndexOf(separator);
    if (at !== -1 && at + separator.length > commandStart) commandStart = at + separator.length;
  }
  const words = /^\s*(?:sudo\s+)?([\w-]+)(?:\s+([\w-]+))?/.exec(head.slice(commandStart));
  const rule = words === null ? undefined : SHORT_PASSWORD_FLAG[words[1]!];
  if (rule === undefined || rule.flag !== letter || (rule.sub !== undefined && words![2] !== rule.sub)) return null;
  let v = i + 2;
  if (!rule.glued) while (text.charCodeAt(v) === 32) v++;
  else if (text.charCodeAt(v) === 32) return null;
  let e = v;
  while (e < text.length && !isValueStop(text.charCodeAt(e))) e++;
  if (e - v < 3 || text.charCodeAt(v) === 45 || text.charCodeAt(v) === 36 || PLACEHOLDER.test(text.slice(v, e))) return null;
  return [v, e];
}

// A key of a vendor's shape whose last 12 characters are one repeated: `sk-xxxxxxxx...`, `AKIAXXXXXXXXXXXXXXXX` (a placeholder).
function fillerTail(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  for (let i = end - 12; i < end - 1; i++) if (i < 0 || text.charCodeAt(i) !== c) return false;
  return true;
}

// Four letters or digits from `i`, with none just before: one group of a spaced IBAN.
function isGroupOfFour(text: string, i: number): boolean {
  return isAlnum(text.charCodeAt(i)) && isAlnum(text.charCodeAt(i + 1)) && isAlnum(text.charCodeAt(i + 2)) && isAlnum(text.charCodeAt(i + 3)) && !isAlnum(text.charCodeAt(i - 1));
}

// The token before a slash at `slash` is a host name (`ip-10-0-1-5.ec2.internal/`), not a
// product (`Chrome/120.0.0.0`): it has a dot.
function hostBefore(text: string, slash: number): boolean {
  let i = slash;
  while (i > 0 && slash - i < 253) {
    const c = text.charCodeAt(i - 1);
    if (c === 46) return true;
    if (!isAlnum(c) && c !== 45) return false;
    i--;
  }
  return false;
}

// An unquoted value that is prose ("Password: minimum 8 chars", "Secret: Use a mix of letters")
// or an absolute path ("PWD=/home/runner/work"): a word, lower case but for its first letter,
// followed by more words. (A random token of letters has capitals inside.)
function notSecretProse(value: string, codes: Uint16Array, end: number): boolean {
  // A path's parts are words (`/home/runner/work`, `/Users/Ann`); a key with slashes (AWS's) has capitals inside.
  if (value.charCodeAt(0) === 47 && value.indexOf('/', 1) !== -1 && /^(?:\/[A-Z]?[a-z0-9._-]*)+$/.test(value)) return true;
  return codes[end] === 32 && codes[end + 1]! > 32 && value.length <= 12 && /^[A-Za-z][a-z]+$/.test(value);
}

// Letters, digits and '_' or '-', with at least one digit and one letter.
function tokenLike(codes: Uint16Array, start: number, end: number): boolean {
  let digit = false;
  let letter = false;
  for (let i = start; i < end; i++) {
    const c = codes[i]!;
    if (isDigit(c)) digit = true;
    else if (isLetter(c)) letter = true;
    else if (c !== 95 && c !== 45) return false;
  }
  return digit && letter;
}

function bearerTokenValid(token: string): boolean {
  if (PLACEHOLDER.test(token)) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126 || c === 43 || c === 47 || c === 61) return true;
  }
  return false;
}

function basicCredentialsValid(b64: string): boolean {
  const decoded = Buffer.from(b64, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

function countDigits(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) if (isDigit(value.charCodeAt(i))) n++;
  return n;
}
function digitsOf(value: string): string {
  let digits = '';
  for (let i = 0; i < value.length; i++) if (isDigit(value.charCodeAt(i))) digits += value[i];
  return digits;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isRunChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 45 || c === 46;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isIpv6Char(c: number): boolean {
  return isHex(c) || c === 58 || c === 46;
}
function wordBoundaryBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return !(isWordChar(c) || c === 45);
}
function isUserinfoStop(c: number): boolean {
  return c <= 32 || c === 47 || c === 64 || c === 34 || c === 39 || c === 60 || c === 62 || c === 40 || c === 41
    || c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59 || c === 96 || c === 92;
}
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || isNonAsciiLetter(c);
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45 || isNonAsciiLetter(c);
}
// Letters of internationalised addresses (`josé.garcía@...`, `...@bücher.de`): anything from
// U+00C0 on but the multiplication and division signs, spaces and punctuation blocks.
function isNonAsciiLetter(c: number): boolean {
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff20) && c !== 0xfeff;
}
function isKeyChar(c: number): boolean {
  return isWordChar(c) || c === 45 || c === 46;
}
function isSentencePunct(c: number): boolean {
  return c === 46 || c === 58;
}
function isValueStop(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 44 || c === 59 || c === 125 || c === 93 || c === 41 || c === 60 || c === 62;
}
// Characters that stand for an ASCII separator, digit or sign in numbers and addresses:
// no-break and thin spaces, dashes, the katakana long mark Japanese numbers are written with,
// full-width digits and signs. Each is one UTF-16 unit, and so is its stand-in.
const LOOKALIKE = /[\u00a0\u2007\u2009\u202f\u3000\u2010-\u2013\u2212\u30fc\uff08-\uff20]/;
const LOOKALIKES = new RegExp(LOOKALIKE.source, 'g');
const ASCII_OF: Record<string, string> = { '\u00a0': ' ', '\u2007': ' ', '\u2009': ' ', '\u202f': ' ', '\u3000': ' ', '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-', '\u30fc': '-' };
for (let c = 0xff08; c <= 0xff20; c++) ASCII_OF[String.fromCharCode(c)] = String.fromCharCode(c - 0xfee0);

// The text the detectors read: `text` itself, or (when it has any of them) a copy with each
// look-alike replaced by its ASCII stand-in, so that positions stay those of `text`. Long texts
// are first asked whether they are ASCII at all (a fraction of the regex's cost).
function withAsciiLookalikes(text: string): string {
  if (text.length >= GROUP_SCAN_MIN && Buffer.byteLength(text, 'utf8') === text.length) return text;
  if (!LOOKALIKE.test(text)) return text;
  return text.replace(LOOKALIKES, (c) => ASCII_OF[c] ?? c);
}

// Scratch space for scanning one text of up to 64K characters, made on first use (a process that
// never scans a long text never allocates it); longer texts get their own.
let scratch: { bytes: Buffer; groups: Int32Array; units: Buffer; codes: Uint16Array } | null = null;
function scratchSpace(): NonNullable<typeof scratch> {
  if (scratch === null) {
    const bytes = Buffer.allocUnsafeSlow(1 << 16);
    const units = Buffer.allocUnsafeSlow((1 << 17) + 8);
    scratch = {
      bytes,
      groups: new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2),
      units,
      codes: new Uint16Array(units.buffer, units.byteOffset, units.length >> 1),
    };
  }
  return scratch;
}

// The text's code units cut to eight bits, four to a 32-bit group; the bytes after the text in its
// last group are zero.
function textGroups(text: string): Int32Array {
  const count = (text.length + 3) >> 2;
  const space = scratchSpace();
  const buffer = count <= space.groups.length ? space.bytes : Buffer.allocUnsafeSlow(count * 4);
  const groups = buffer === space.bytes ? space.groups : new Int32Array(buffer.buffer, buffer.byteOffset, count);
  groups[count - 1] = 0;
  buffer.write(text, 0, 'latin1');
  return groups;
}

// The text's code units (read faster than with charCodeAt), followed by four zeros.
function textCodes(text: string): Uint16Array {
  const len = text.length;
  const space = scratchSpace();
  const buffer = len + 4 <= space.codes.length ? space.units : Buffer.allocUnsafeSlow((len + 4) * 2);
  buffer.write(text, 0, 'utf16le');
  if (!LITTLE_ENDIAN) buffer.subarray(0, len * 2).swap16();
  const codes = buffer === space.units ? space.codes : new Uint16Array(buffer.buffer, buffer.byteOffset, len + 4);
  codes[len] = codes[len + 1] = codes[len + 2] = codes[len + 3] = 0;
  return codes;
}

// Zero when all four bytes of a group are in 0x20..0x5F; otherwise bit 6 or 7 of each byte that is not.
function outsideGroup(x: number): number {
  return (x & 0x80808080) | ((((x & 0x7f7f7f7f) + 0x20202020) & 0xc0c0c0c0) ^ 0x40404040);
}
// How many of a group's last (first) characters are in 0x20..0x5F, given its outsideGroup(); the
// first character is the low byte of the group where the platform is little-endian.
function fitAtEnd(outside: number): number {
  return (LITTLE_ENDIAN ? Math.clz32(outside) : trailingZeros(outside)) >> 3;
}
function fitAtStart(outside: number): number {
  return (LITTLE_ENDIAN ? trailingZeros(outside) : Math.clz32(outside)) >> 3;
}
function trailingZeros(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// The header of the table column the character at `at` is in (CSV, TSV, markdown): the cell at
// the same position in the top line of the block of lines with as many separators (',', ';',
// tab or '|') as its own; lower case, letters, digits and '#' only. Empty outside a table.
let lastTable: { text: string; separator: string; cells: number; header: string; row: number } | null = null;
function columnName(text: string, at: number): string {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const separator = mostFrequent(line, ['\t', '|', ';', ',']);
  const cells = line.split(separator).length;
  const column = text.slice(lineStart, at).split(separator).length - 1;
  if (cells < 2) return '';
  // Up through the rows (a markdown rule line |---|---| has as many) to the header, or to a row
  // of the same table seen before (numbers are scanned top down: one step per row, not all of them).
  const own = lineStart;
  const known = lastTable !== null && lastTable.text === text && lastTable.separator === separator && lastTable.cells === cells ? lastTable : null;
  let header = '';
  for (let rows = 0; lineStart > 0 && rows < 1000; rows++) {
    if (known !== null && lineStart === known.row) {
      header = known.header;
      break;
    }
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = text.slice(previousStart, lineStart - 1);
    if (previous.split(separator).length !== cells) break;
    header = previous;
    lineStart = previousStart;
  }
  lastTable = { text, separator, cells, header, row: own };
  const cell = header === '' ? undefined : header.split(separator)[column];
  return cell === undefined ? '' : cell.toLowerCase().replace(/[^a-z0-9#]/g, '');
}

function mostFrequent(line: string, candidates: readonly string[]): string {
  let best = candidates[candidates.length - 1]!;
  let most = 0;
  for (const c of candidates) {
    const n = line.split(c).length - 1;
    if (n > most) [best, most] = [c, n];
  }
  return best;
}

// A digit run that continues an identifier (ORD-2024-000123, a UUID, a git hash, v1.2.3.4) is not a value of its own.
function gluedBefore(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (isWordChar(c)) return true;
  if (c === 45 || c === 47 || c === 46 || c === 35) return isWordChar(text.charCodeAt(start - 2));
  return false;
}
function gluedAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (isWordChar(c)) return true;
  if (c === 45 || c === 95) return isWordChar(text.charCodeAt(end + 1));
  if (c === 46) return isDigit(text.charCodeAt(end + 1));
  return false;
}
