import { isIPv4, isIPv6 } from 'node:net';
import { TOP_LEVEL_DOMAINS } from './tlds.js';

/**
 * True when the digits pass the Luhn checksum used by payment cards.
 *
 * @example
 * luhnValid('4111111111111111'); // true
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * True when a 13-19 digit number starts like a card of a real scheme (issuer prefix and length),
 * so that random ids that happen to pass Luhn are not taken for cards.
 *
 * @example
 * cardPrefixValid('4111111111111111'); // true (Visa)
 */
export function cardPrefixValid(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19) return false;
  const d1 = digits.charCodeAt(0) - 48;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (d1 === 4) return n === 13 || n === 16 || n === 19; // Visa
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) return n >= 16; // Discover
  if (p6 >= 622126 && p6 <= 622925) return n >= 16; // Discover co-branded UnionPay
  if (p2 === 62 || p2 === 81) return n >= 16; // UnionPay
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  if (p2 === 36 || (p3 >= 300 && p3 <= 305) || p2 === 38 || p2 === 39) return n >= 14; // Diners
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 13; // Maestro
  if (p4 >= 2200 && p4 <= 2204) return n >= 16; // Mir
  return false;
}

/** Length of an IBAN per country (SWIFT IBAN registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/**
 * The IBAN length of a country, or undefined when the country has no IBAN.
 *
 * @example
 * ibanLength('DE'); // 22
 */
export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/**
 * True when a compact IBAN (no spaces, upper case) has its country's length and passes mod-97.
 *
 * @example
 * ibanValid('DE89370400440532013000'); // true
 */
export function ibanValid(iban: string): boolean {
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected === undefined || iban.length !== expected) return false;
  let remainder = 0;
  for (let i = 0; i < iban.length; i++) {
    const c = iban.charCodeAt((i + 4) % iban.length);
    if (c >= 48 && c <= 57) {
      remainder = (remainder * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      remainder = (remainder * 100 + (c - 55)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}

/**
 * True for a US Social Security number outside the never-issued ranges
 * (area 000, 666 or 900-999; group 00; serial 0000).
 *
 * @example
 * ssnValid('123', '45', '6789'); // true
 */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area.length !== 3 || group.length !== 2 || serial.length !== 4) return false;
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

/**
 * True when the domain's last label is a delegated top-level domain and every label is well formed.
 *
 * @example
 * emailDomainValid('mail.example.com'); // true; emailDomainValid('icon.png') is false
 */
export function emailDomainValid(domain: string): boolean {
  let start = 0;
  for (;;) {
    const dot = domain.indexOf('.', start);
    const end = dot === -1 ? domain.length : dot;
    if (end === start || end - start > 63 || domain.charCodeAt(start) === 45 || domain.charCodeAt(end - 1) === 45) return false;
    if (dot === -1) return start > 0 && TOP_LEVEL_DOMAINS.has(domain.slice(start).toLowerCase());
    start = dot + 1;
  }
}

/**
 * True for a dotted-quad IPv4 address without leading zeros.
 *
 * @example
 * ipv4Valid('192.168.1.1'); // true
 */
export function ipv4Valid(text: string): boolean {
  return isIPv4(text);
}

/**
 * True for an IPv6 address (zone ids and embedded IPv4 allowed).
 *
 * @example
 * ipv6Valid('2001:db8::1'); // true
 */
export function ipv6Valid(text: string): boolean {
  return isIPv6(text);
}

/**
 * True when a base64url JWT header decodes to a JSON object that names an algorithm or type.
 *
 * @example
 * jwtHeaderValid('eyJhbGciOiJIUzI1NiJ9'); // true
 */
export function jwtHeaderValid(header: string): boolean {
  try {
    const decoded = Buffer.from(header, 'base64url').toString('utf8');
    if (decoded.charCodeAt(0) !== 123) return false;
    const parsed: unknown = JSON.parse(decoded);
    return typeof parsed === 'object' && parsed !== null && ('alg' in parsed || 'typ' in parsed || 'enc' in parsed);
  } catch {
    return false;
  }
}
