/**
 * Key names whose values are masked at any depth, compared after `normalizeKeyName`
 * (so `apiKey`, `api_key`, `API-KEY` and `x-api-key` all match).
 *
 * @example
 * DEFAULT_SENSITIVE_KEYS.includes('password'); // true
 */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = Object.freeze([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'clientsecret', 'apikey', 'xapikey',
  'apitoken', 'accesstoken', 'refreshtoken', 'idtoken', 'authtoken', 'sessiontoken', 'token', 'bearertoken',
  'authorization', 'proxyauthorization', 'auth', 'cookie', 'cookies', 'setcookie', 'privatekey', 'secretkey',
  'secretaccesskey', 'awssecretaccesskey', 'accesskey', 'signingkey', 'encryptionkey', 'credentials',
  'credential', 'sessionid', 'sessid', 'csrftoken', 'xsrftoken', 'xcsrftoken', 'ssn', 'creditcard',
  'cardnumber', 'cvv', 'cvc', 'otp', 'totp', 'mfacode', 'pinCode', 'connectionstring', 'dsn',
  // Azure storage and SAS, AWS signed URLs.
  'accountkey', 'sharedaccesskey', 'sig', 'xamzsignature', 'xamzcredential',
  // National identifiers under their field names.
  'socialsecuritynumber', 'socialsecurityno', 'socialsecurity', 'nationalid', 'nationalidnumber', 'taxid', 'itin', 'passportnumber', 'passportno',
  'driverslicense', 'driverlicense', 'driverslicensenumber',
].map(normalizeKeyName));

/** Endings that mark a secret whatever precedes them (`github_token`, `db_password`, `stripeSecretKey`). */
export const SENSITIVE_SUFFIXES: readonly string[] = Object.freeze(['password', 'passwd', 'secret', 'apikey', 'accesskey', 'privatekey', 'secretkey', 'token', 'cookie', 'authorization']);
// Tokenizer settings of language models end in "token" but hold vocabulary, not credentials.
const NOT_SENSITIVE = new Set(['eostoken', 'bostoken', 'padtoken', 'unktoken', 'septoken', 'clstoken', 'masktoken', 'stoptoken', 'maxtoken', 'mintoken', 'lasttoken', 'firsttoken', 'nexttokenid']);

/**
 * Lower-cases a key and drops everything but letters and digits, so that naming styles compare equal.
 *
 * @example
 * normalizeKeyName('X-Api_Key'); // 'xapikey'
 */
export function normalizeKeyName(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) out += key[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += key[i];
    else if (c > 127) out += key[i]!.toLowerCase();
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
export function isSensitiveKeyName(normalized: string, extra: ReadonlySet<string>): boolean {
  if (normalized.length === 0) return false;
  if (DEFAULT_SET.has(normalized) || extra.has(normalized)) return true;
  if (NOT_SENSITIVE.has(normalized)) return false;
  for (const suffix of SENSITIVE_SUFFIXES) {
    if (normalized.length > suffix.length && normalized.endsWith(suffix)) return true;
  }
  return normalized.startsWith('password') || normalized.startsWith('passwd');
}

const DEFAULT_SET: ReadonlySet<string> = new Set(DEFAULT_SENSITIVE_KEYS);

const DATA_KEY_NAMES = /(?:^|_)(?:PRIMARY|FOREIGN|SORT|PARTITION|CACHE|ROUTING|IDEMPOTENCY|PUBLIC|MAP|LOOKUP|SEARCH|HASH|RANGE|COMPOSITE|UNIQUE|SHARD|DEDUP|GROUP|ORDER|INDEX|ROW|COLUMN|OBJECT|S3|BUCKET|FILE|PATH|PREFIX|LICENSE|MODEL|REGION|TABLE|QUEUE|STREAM|TOPIC|EVENT|ENTITY|RESOURCE|SITE)_KEY$/;

// Words that name a secret as one part of a longer key (`ses_smtp_password_v4`, `SECRET_KEY_BASE`);
// `pass` only as the last part (`SMTP_PASS`; `pass_through` is a flag).
const SECRET_PARTS = new Set(['password', 'passwd', 'pwd', 'secret', 'passphrase']);
// Parts after a secret word that make the key about the secret, not the secret (`secretName`, `password_policy`).
const ABOUT_PARTS = new Set(['name', 'names', 'id', 'ids', 'ref', 'arn', 'policy', 'length', 'min', 'max', 'required', 'hint', 'label', 'type', 'path', 'file', 'count', 'enabled', 'set', 'changed', 'expires', 'expiry', 'age', 'version', 'strength', 'reset', 'field', 'prompt', 'manager', 'store', 'provider']);

/**
 * True when a key as written names a secret: its normalised form does (`isSensitiveKeyName`),
 * its last dotted part does (`self.passphrase`), or one of its parts between separators and
 * case changes is a secret word (`ses_smtp_password_v4`, `SECRET_KEY_BASE`, `SMTP_PASS`).
 *
 * @example
 * isSensitiveKey('SMTP_PASS', new Set()); // true
 */
export function isSensitiveKey(key: string, extra: ReadonlySet<string>): boolean {
  if (isSensitiveKeyName(normalizeKeyName(key), extra)) return true;
  // An environment variable ending in _KEY holds a key (SENDGRID_KEY, MAILGUN_KEY), but for the
  // names of keys in data (PRIMARY_KEY, CACHE_KEY, ...).
  if (/^[A-Z][A-Z0-9_]*_KEY$/.test(key) && !DATA_KEY_NAMES.test(key)) return true;
  const dot = key.lastIndexOf('.');
  if (dot !== -1 && isSensitiveKeyName(normalizeKeyName(key.slice(dot + 1)), extra)) return true;
  const parts = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((part) => part.length > 0);
  // `existingSecret` (Helm) names a Secret, `adminPasswordKey` a key inside one.
  if (parts.length < 2 || parts[0] === 'existing') return false;
  // A password's `key` is where it is kept (`adminPasswordKey` in a Helm chart); a secret key is a secret.
  return parts.some((part, i) => SECRET_PARTS.has(part) && !ABOUT_PARTS.has(parts[i + 1] ?? '') && !(part !== 'secret' && parts[i + 1] === 'key')) || parts[parts.length - 1] === 'pass';
}
