// Independent validation of every positive label: phones by libphonenumber-js (the oracle) with
// the label's country, cards by Luhn and scheme, IBANs by mod-97 and length, SSNs outside the
// never-issued ranges, keys by their vendors' documented shapes. Returns true or a reason.
import { isIP } from 'node:net';
import { oraclePhone, luhnOk, mod97, ssnOk } from './lib.mjs';

const IBAN_LEN = { DE: 22, GB: 22, FR: 27, NL: 18, IT: 27, ES: 24, BE: 16, AT: 20, CH: 21, PL: 28, PT: 25, IE: 22, LU: 20 };
const TLDS = new Set(['com', 'net', 'org', 'io', 'de', 'fr', 'nl', 'uk', 'jp', 'br', 'in', 'it', 'au', 'ca', 'ai', 'dev', 'app', 'travel']);
function unescape(v) {
  let s = v;
  for (let i = 0; i < 4 && /\\/.test(s); i++) { try { s = JSON.parse(`"${s}"`); } catch { break; } }
  return s;
}
function scheme(d) {
  const n = d.length, p2 = +d.slice(0, 2), p4 = +d.slice(0, 4);
  if (d[0] === '4') return n === 13 || n === 16 || n === 19;
  if (p2 >= 51 && p2 <= 55) return n === 16;
  if (p4 >= 2221 && p4 <= 2720) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p2 === 65) return n === 16;
  if (p4 >= 3528 && p4 <= 3589) return n === 16;
  if (p2 === 36) return n === 14;
  if (/^60(06|36)|^6274/.test(d)) return n === 16; // gift cards are not labelled, never reached
  return false;
}
export function validateSpan(kind, raw, meta) {
  let v = unescape(raw).replace('%2B', '+').replace('%40', '@');
  // URL credentials holding a vendor token are named after the token: validate the password part.
  if (/^(GITHUB_TOKEN|API_TOKEN)$/.test(kind) && /^[a-z0-9-]+:/.test(v)) v = v.slice(v.indexOf(':') + 1);
  switch (kind) {
    case 'PHONE': {
      const t = meta.how === 'e164-noplus' ? '+' + v : v;
      return oraclePhone(t, meta.country) || `not valid for ${meta.country}`;
    }
    case 'CARD': { const d = v.replace(/[ -]/g, ''); return (/^\d{13,19}$/.test(d) && luhnOk(d) && scheme(d)) || 'luhn/scheme'; }
    case 'IBAN': { const c = v.replace(/ /g, '').toUpperCase(); return (IBAN_LEN[c.slice(0, 2)] === c.length && mod97(c) === 1) || 'mod97/length'; }
    case 'SSN': return ssnOk(v) || 'ssn range';
    case 'EMAIL': { const m = v.match(/^[^\s@]+@([^\s@]+\.([a-z]+))$/i); return (m && TLDS.has(m[2].toLowerCase())) || 'email shape'; }
    case 'IP': return isIP(v) !== 0 || 'ip';
    case 'OPENAI_KEY': return /^sk-(proj-|svcacct-)?[A-Za-z0-9_-]{40,}$/.test(v) || 'openai';
    case 'ANTHROPIC_KEY': return /^sk-ant-(api03|admin01)-[A-Za-z0-9_-]{93}AA$/.test(v) || 'anthropic';
    case 'AWS_ACCESS_KEY': return /^(AKIA|ASIA)[A-Z2-7]{16}$/.test(v) || 'aws';
    case 'GITHUB_TOKEN': return /^(gh[pos]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})$/.test(v) || 'github';
    case 'SLACK_TOKEN': return /^(xox[bp]-[0-9-]+[A-Za-z0-9]+|xapp-1-[A-Z0-9]+-\d+-[a-f0-9]+|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{24})$/.test(v) || 'slack';
    case 'STRIPE_KEY': return /^((sk|rk|pk)_(live|test)_51[A-Za-z0-9]{97}|whsec_[A-Za-z0-9]{32})$/.test(v) || 'stripe';
    case 'GOOGLE_API_KEY': return /^AIza[A-Za-z0-9_-]{35}$/.test(v) || 'google';
    case 'API_TOKEN': return /^(npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{34}|glpat-[A-Za-z0-9_-]{20}|r8_[A-Za-z0-9]{37}|gsk_[A-Za-z0-9]{52}|dop_v1_[a-f0-9]{64}|lin_api_[A-Za-z0-9]{40})$/.test(v) || 'vendor';
    case 'JWT': { try { const h = JSON.parse(Buffer.from(v.split('.')[0], 'base64url').toString()); return (v.split('.').length === 3 && !!h.alg) || 'jwt'; } catch { return 'jwt'; } }
    case 'BEARER_TOKEN': return /^[A-Za-z0-9._~+/-]{20,}=*$/.test(v) || 'bearer';
    case 'BASIC_AUTH': return Buffer.from(v, 'base64').toString().includes(':') || 'basic';
    case 'PRIVATE_KEY': return /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----$/.test(v) || /^LS0tLS1CRUdJTi/.test(v) || 'pem';
    case 'URL_CREDENTIALS': return (v.includes(':') && v.indexOf(':') < v.length - 1) || /^[a-f0-9]{32}$/.test(v) || 'userinfo';
    case 'SECRET': return v.length >= 3 || 'secret';
    default: return `unknown kind ${kind}`;
  }
}
