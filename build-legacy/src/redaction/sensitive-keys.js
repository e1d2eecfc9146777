/**
 * Key names whose values are masked at any depth, compared after `normalizeKeyName`
 * (so `apiKey`, `api_key`, `API-KEY` and `x-api-key` all match).
 *
 * @example
 * DEFAULT_SENSITIVE_KEYS.includes('password'); // true
 */
export const DEFAULT_SENSITIVE_KEYS = Object.freeze([
    'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'clientsecret', 'apikey', 'xapikey',
    'apitoken', 'accesstoken', 'refreshtoken', 'idtoken', 'authtoken', 'sessiontoken', 'token', 'bearertoken',
    'authorization', 'proxyauthorization', 'auth', 'cookie', 'cookies', 'setcookie', 'privatekey', 'secretkey',
    'secretaccesskey', 'awssecretaccesskey', 'accesskey', 'signingkey', 'encryptionkey', 'credentials',
    'credential', 'sessionid', 'sessid', 'csrftoken', 'xsrftoken', 'xcsrftoken', 'ssn', 'creditcard',
    'cardnumber', 'cvv', 'cvc', 'otp', 'totp', 'mfacode', 'pinCode', 'connectionstring', 'dsn',
].map(normalizeKeyName));
/** Endings that mark a secret whatever precedes them (`github_token`, `db_password`, `stripeSecretKey`). */
export const SENSITIVE_SUFFIXES = Object.freeze(['password', 'passwd', 'secret', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'token', 'cookie', 'authorization']);
// Tokenizer settings of language models end in "token" but hold vocabulary, not credentials.
const NOT_SENSITIVE = new Set(['eostoken', 'bostoken', 'padtoken', 'unktoken', 'septoken', 'clstoken', 'masktoken', 'stoptoken', 'maxtoken', 'mintoken', 'lasttoken', 'firsttoken', 'nexttokenid']);
/**
 * Lower-cases a key and drops everything but letters and digits, so that naming styles compare equal.
 *
 * @example
 * normalizeKeyName('X-Api_Key'); // 'xapikey'
 */
export function normalizeKeyName(key) {
    let out = '';
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (c >= 97 && c <= 122)
            out += key[i];
        else if (c >= 65 && c <= 90)
            out += String.fromCharCode(c + 32);
        else if (c >= 48 && c <= 57)
            out += key[i];
        else if (c > 127)
            out += key[i].toLowerCase();
    }
    return out;
}
/**
 * True when a normalised key names a secret: one of the default names, one of `extra`, or a
 * name ending in a secret word (`..._token`, `...Password`).
 *
 * @example
 * isSensitiveKeyName(normalizeKeyName('githubToken'), new Set()); // true
 */
export function isSensitiveKeyName(normalized, extra) {
    if (normalized.length === 0)
        return false;
    if (DEFAULT_SET.has(normalized) || extra.has(normalized))
        return true;
    if (NOT_SENSITIVE.has(normalized))
        return false;
    for (const suffix of SENSITIVE_SUFFIXES) {
        if (normalized.length > suffix.length && normalized.endsWith(suffix))
            return true;
    }
    return normalized.startsWith('password') || normalized.startsWith('passwd');
}
const DEFAULT_SET = new Set(DEFAULT_SENSITIVE_KEYS);
//# sourceMappingURL=sensitive-keys.js.map