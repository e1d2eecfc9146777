import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Countries whose national formats (with a trunk `0`, or NANP `(415) 555-2671`) are recognised
 * without a `+` prefix. International numbers (`+44 ...`, `0044 ...`) are recognised for every country.
 *
 * @example
 * new Redactor({ phoneCountries: ['US', 'GB', 'JP'] });
 */
export const DEFAULT_PHONE_COUNTRIES: readonly CountryCode[] = Object.freeze(['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IN', 'IT', 'JP', 'BR']);

const NANP = new Set<string>(['US', 'CA']);
// Countries with numbers written nationally without a trunk '0' (all of them, their mobiles or
// their service numbers): Brazil's (11) 91234-5678, Indian 98997 88600, Italian 333 118 0400,
// Spanish 612 34 56 78, Australian 1300 852 335.
const NATIONAL_WITHOUT_TRUNK = new Set<string>(['BR', 'IN', 'IT', 'AU', 'ES', 'PT', 'PL', 'DK', 'NO', 'GR', 'CZ', 'SK', 'LU', 'MT', 'CY', 'IS', 'EE', 'LV', 'SG', 'HK', 'MX', 'AR', 'CL', 'ZA', 'CN']);
const PHONE_WORDS = new Set(['phone', 'telephone', 'tel', 'mobile', 'cell', 'call', 'fax', 'whatsapp', 'sms', 'text', 'contact', 'ph', 'dial', 'reach', 'landline', 'hotline', 'mob', 'msisdn', 'waid', 'wa_id',
  // The same in the languages of the default countries.
  'tél', 'téléphone', 'portable', 'telefon', 'telefonnummer', 'rufnummer', 'handy', 'mobil', 'mobiel', 'telefoon', 'telefono', 'teléfono', 'cellulare', 'telefone', 'celular', 'móvil', 'movil', 'contato', 'contacto', 'kontakt', '電話', '電話番号', '携帯', 'फ़ोन', 'फोन', 'मोबाइल']);
const ID_WORDS = new Set(['id', 'order', 'invoice', 'inv', 'ref', 'reference', 'sku', 'isbn', 'serial', 'tracking', 'version', 'ver', 'v',
  'build', 'release', 'acct', 'account', 'batch', 'lot', 'ticket', 'case', 'po', 'part', 'item', 'model', 'seed', 'zip', 'port', 'code',
  'pin', 'count', 'step', 'page', 'ts', 'timestamp', 'uid', 'pid', 'txn', 'transaction', 'eticket', 'etkt', 'tkne', 'pnr', 'booking',
  'reservation', 'confirmation', 'member', 'policy', 'claim',
  // The same in the languages of the default countries.
  'cód', 'código', 'codigo', 'art', 'artikel', 'bestellung', 'bestellnummer', 'rechnung', 'kundennummer', 'commande', 'facture', 'référence',
  'pedido', 'fatura', 'ordine', 'fattura', '注文番号']);
const NUMBER_WORDS = new Set(['no', 'nr', 'num', 'number', 'id', '#']);
// Any phone word in the text before a number: without one, none of its words can make the number a phone.
const ANY_PHONE_WORD = new RegExp([...PHONE_WORDS].join('|'), 'i');
const DATE_SHAPE = /^(?:\d{1,2}([./-])\d{1,2}\1\d{2,4}|\d{4}([./-])\d{1,2}\2\d{1,2})$/;
const TIME_SHAPE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}/;

// What a candidate is before its context is read: no phone, shaped like one (libphonenumber not
// asked yet), or a valid number.
const NO_PHONE = 0;
const SHAPED = 1;
const VALID = 2;
type Verdict = typeof NO_PHONE | typeof SHAPED | typeof VALID;

/**
 * Validates phone candidates with libphonenumber-js (full metadata) under the rules that keep
 * order ids, timestamps, versions and bare digit runs out: an unformatted run counts only
 * after a word such as "call" or "phone".
 */
export class PhoneValidator {
  private readonly nanp: boolean;
  private readonly trunkCountries: CountryCode[];
  private readonly untrunkedCountries: CountryCode[];
  // What each candidate seen is on its own: numbers recur in agent text, so each is judged once.
  private readonly verdicts = new Map<string, Verdict>();

  constructor(countries: readonly CountryCode[] = DEFAULT_PHONE_COUNTRIES) {
    this.nanp = countries.some((c) => NANP.has(c));
    this.trunkCountries = countries.filter((c) => !NANP.has(c));
    this.untrunkedCountries = countries.filter((c) => NATIONAL_WITHOUT_TRUNK.has(c));
  }

  /**
   * True when `candidate` (digits, separators, an optional `+`) is a phone number, given the text
   * just before it. `midRun`: the candidate continues a run of digit groups that is no number of
   * its own ("2024 05 25 15 10"), so only a NANP number (3-3-4) is taken from it.
   */
  isPhone(candidate: string, before: string, midRun = false): boolean {
    const key = midRun ? `~${candidate}` : candidate;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = shapeAllowsPhone(candidate) ? SHAPED : NO_PHONE;
      this.remember(key, verdict);
    }
    if (verdict === NO_PHONE) return false;
    const plus = candidate.charCodeAt(0) === 43;
    // '00' is the international prefix: such a number needs no phone word, an id word still rules it out.
    const international = plus || startsWithZeroZero(candidate);
    // Inside other digit groups (a log line's "0.000 302 302 1119") a number needs a phone word.
    if (!plus && !contextAllowsPhone(before, !midRun && (international || hasSeparator(candidate)))) return false;
    if (verdict === SHAPED) {
      // libphonenumber runs last: it is the costly check.
      verdict = this.validate(withoutTrunkMark(candidate), candidate.replace(/\D+/g, ''), plus, midRun) ? VALID : NO_PHONE;
      this.remember(key, verdict);
    }
    return verdict === VALID;
  }

  private remember(candidate: string, verdict: Verdict): void {
    if (this.verdicts.size > 2000) this.verdicts.clear();
    this.verdicts.set(candidate, verdict);
  }

  private validate(candidate: string, digits: string, plus: boolean, midRun: boolean): boolean {
    if (!midRun) {
      if (plus) return valid(candidate, undefined);
      if (digits.startsWith('00')) return valid(`+${digits.slice(2)}`, undefined);
      if (digits.charCodeAt(0) === 48) {
        for (const country of this.trunkCountries) if (valid(candidate, country)) return true;
        return false;
      }
    }
    if (this.nanpValid(candidate, digits)) return true;
    if (midRun) return false;
    for (const country of this.untrunkedCountries) if (validAsWritten(candidate, country)) return true;
    return false;
  }

  private nanpValid(candidate: string, digits: string): boolean {
    if (!this.nanp || !nanpGrouping(candidate)) return false;
    const national = digits.length === 11 && digits.charCodeAt(0) === 49 ? digits.slice(1) : digits;
    if (national.length !== 10) return false;
    return valid(candidate, 'US') || valid(candidate, 'CA');
  }
}

// Digit count, no date or timestamp, and groups as phone numbers write them.
function shapeAllowsPhone(candidate: string): boolean {
  const n = countDigits(candidate);
  if (n < 7 || n > 15 || DATE_SHAPE.test(candidate) || TIME_SHAPE.test(candidate)) return false;
  const shaped = withoutTrunkMark(candidate);
  return !hasSeparator(shaped) || groupsLookLikePhone(shaped, shaped.charCodeAt(0) === 43 || startsWithZeroZero(shaped));
}

// "+44 (0)20 7946 0958": the '(0)' says where the national trunk prefix goes; it is no group.
function withoutTrunkMark(candidate: string): string {
  const mark = candidate.indexOf('(0)');
  return mark === -1 ? candidate : `${candidate.slice(0, mark)} ${candidate.slice(mark + 3)}`.replace(/ {2,}/g, ' ');
}

function startsWithZeroZero(candidate: string): boolean {
  return candidate.charCodeAt(0) === 48 && candidate.charCodeAt(1) === 48;
}

// A number without '+' counts unless the text before makes it the national part of an
// international number or an identifier; an unformatted one needs a word such as "call".
function contextAllowsPhone(before: string, formatted: boolean): boolean {
  // The national part of an international number that failed validation is no number of its own.
  if (/\+\d{1,3}[\s(]*$/.test(before)) return false;
  // Most unformatted runs (timestamps, counts, ids) have no phone word near: skip reading the words.
  if (!formatted && !ANY_PHONE_WORD.test(before)) return false;
  const context = phoneContext(before, formatted);
  return context !== 'id' && (formatted || context === 'phone');
}

// The last `n` words before a candidate, nearest first, lower case, punctuation stripped ('#' kept as a word).
function lastWords(before: string, n: number): string[] {
  const words: string[] = [];
  // camelCase keys are words too: "phoneNumber" reads as "phone number".
  const tokens = before.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase().split(/([^\p{L}\p{M}\p{N}#]+)/u);
  for (let i = tokens.length - 1; i >= 0 && words.length < n; i--) {
    const token = tokens[i]!;
    if (token === '') continue;
    if (/^[^\p{L}\p{M}\p{N}#]+$/u.test(token)) {
      if (/[,;/|()]/.test(token)) words.push('|');
      continue;
    }
    if (token.endsWith('#')) words.push('#');
    const word = token.replace(/#/g, '');
    if (word !== '') words.push(word);
  }
  return words;
}

// The nearest telling word before a candidate: "call", "phone" make it a phone; "order", "serial",
// "#" make it an identifier; another number in between ends the search.
function phoneContext(before: string, formatted: boolean): 'phone' | 'id' | null {
  // '#' makes a bare run an id ("order #4155552671"); a number written in groups stays a phone ("Support line #: 617-293-7519").
  if (!formatted && /#\s*$/.test(before)) return 'id';
  const words = lastWords(before, 4);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (PHONE_WORDS.has(word)) return 'phone';
    if (word === 'id' && (words[i + 1] === 'caller' || words[i + 1] === 'wa')) return 'phone';
    if (ID_WORDS.has(word) || (word === '#' && !formatted)) return 'id';
    // A clause boundary or another value (a number, a code) in between: the word is about something else.
    if (word === '|' || (!NUMBER_WORDS.has(word) && /\d/.test(word))) return null;
  }
  return null;
}

// NANP numbers are written 3-3-4, with an optional leading 1: (415) 555-2671, 1-800-555-0199, 415.555.2671.
function nanpGrouping(candidate: string): boolean {
  const groups = candidate.split(/[^0-9]+/).filter((g) => g.length > 0).map((g) => g.length);
  if (groups.length === 1) return groups[0] === 10 || groups[0] === 11;
  const body = groups.length === 4 && groups[0] === 1 ? groups.slice(1) : groups;
  return body.length === 3 && body[0] === 3 && body[1] === 3 && body[2] === 4;
}

function valid(text: string, country: CountryCode | undefined): boolean {
  try {
    const parsed = country === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, country);
    return parsed !== undefined && parsed.isValid();
  } catch {
    return false;
  }
}

// Valid in `country` and, when written in groups, grouped as that country writes its numbers
// (a trunk '0' aside): a NANP-shaped 155-806-2999 is no Brazilian (15) 5806-2999.
function validAsWritten(candidate: string, country: CountryCode): boolean {
  try {
    const parsed = parsePhoneNumberFromString(candidate, country);
    if (parsed === undefined || !parsed.isValid()) return false;
    if (!hasSeparator(candidate)) return true;
    const written = groupSizes(candidate);
    const national = groupSizes(parsed.formatNational());
    if (national.length > 0 && national[0]! > 1 && written[0] === national[0]! - 1 && parsed.formatNational().replace(/\D/g, '').startsWith('0')) national[0]!--;
    // The same groups, or groups split or joined at the country's own boundaries: Brazil's
    // "(11) 9 1234-5678", Italy's "347 7418009"; not a NANP-shaped 155-806-2999 read as (15) 5806-2999.
    // (A group split only to set one digit apart, Brazil's mobile 9; joined groups only as two
    // halves of a number of 10 digits or more: "404 242786" in a log is a status and a size,
    // "42 36 39 49 18" lottery numbers.)
    const a = boundaries(written);
    const b = boundaries(national);
    const digits = written.reduce((sum, size) => sum + size, 0);
    const oneDigitApart = (x: number) => a.has(x - 1) || a.has(x + 1) || x === 1;
    if ([...b].every((x) => a.has(x))) return [...a].every((x) => b.has(x) || oneDigitApart(x));
    return digits >= 10 && a.size === 1 && b.has([...a][0]!);
  } catch {
    return false;
  }
}

// Where one group ends and the next begins, counted in digits (the last group's end left out).
function boundaries(sizes: readonly number[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (let i = 0; i < sizes.length - 1; i++) out.add((at += sizes[i]!));
  return out;
}

function groupSizes(text: string): number[] {
  return text.split(/\D+/).filter((group) => group.length > 0).map((group) => group.length);
}

// Phone groups have two or more digits; only a country code or a NANP leading "1" stands alone.
// Groups are the runs between separators, read without their '+'.
function groupsLookLikePhone(candidate: string, plus: boolean): boolean {
  const len = candidate.length;
  let i = 0;
  let p = 0;
  while (p < len) {
    while (p < len && isSeparator(candidate.charCodeAt(p))) p++;
    if (p === len) break;
    const start = p;
    let hasPlus = false;
    for (; p < len && !isSeparator(candidate.charCodeAt(p)); p++) if (candidate.charCodeAt(p) === 43) hasPlus = true;
    if (i === 7) return false; // an eighth group
    const size = p - start - (hasPlus ? 1 : 0);
    // Alone may stand: a country code, a NANP leading "1", and a digit after "(area)" (Brazil's mobile 9: "(11) 9 8342-1937").
    const standsAlone = (i === 0 && (plus || (size === 1 && isOne(candidate, start, p)))) || (i === 1 && (plus || candidate.charCodeAt(0) === 40));
    if (size < 2 && !standsAlone) return false;
    i++;
  }
  return true;
}

// The group [start, end) without its first '+' is "1".
function isOne(candidate: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (candidate.charCodeAt(k) !== 43) return candidate.charCodeAt(k) === 49;
  return false;
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 46 || c === 40 || c === 41 || c === 45;
}

function hasSeparator(candidate: string): boolean {
  for (let i = 0; i < candidate.length; i++) if (isSeparator(candidate.charCodeAt(i))) return true;
  return false;
}

function countDigits(candidate: string): number {
  let n = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
