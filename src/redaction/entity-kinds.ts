/**
 * Names of the value detectors, in the order of their priority when two matches overlap
 * (a specific secret wins over personal data, which wins over a generic `key=value` secret).
 *
 * @example
 * new Redactor({ detectors: { phone: false } }); // every other detector stays on
 */
export const DETECTOR_NAMES = [
  'privateKey',
  'anthropicKey',
  'openaiKey',
  'awsAccessKey',
  'githubToken',
  'slackToken',
  'stripeKey',
  'googleApiKey',
  'vendorToken',
  'jwt',
  'urlCredentials',
  'bearerToken',
  'basicAuth',
  'iban',
  'card',
  'ssn',
  'email',
  'phone',
  'ip',
  'credentialAssignment',
] as const;

/** One of the value detectors a `Redactor` runs on strings. */
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/**
 * What a detector found; the replacement token is the kind in brackets (`[EMAIL]`).
 *
 * @example
 * const kind: EntityKind = DETECTOR_KINDS.email; // 'EMAIL'
 */
export type EntityKind =
  | 'PRIVATE_KEY'
  | 'ANTHROPIC_KEY'
  | 'OPENAI_KEY'
  | 'AWS_ACCESS_KEY'
  | 'GITHUB_TOKEN'
  | 'SLACK_TOKEN'
  | 'STRIPE_KEY'
  | 'GOOGLE_API_KEY'
  | 'API_TOKEN'
  | 'JWT'
  | 'URL_CREDENTIALS'
  | 'BEARER_TOKEN'
  | 'BASIC_AUTH'
  | 'SECRET'
  | 'IBAN'
  | 'CARD'
  | 'SSN'
  | 'EMAIL'
  | 'PHONE'
  | 'IP';

/**
 * The entity kind each detector reports.
 *
 * @example
 * DETECTOR_KINDS.card; // 'CARD'
 */
export const DETECTOR_KINDS: Readonly<Record<DetectorName, EntityKind>> = Object.freeze({
  privateKey: 'PRIVATE_KEY',
  anthropicKey: 'ANTHROPIC_KEY',
  openaiKey: 'OPENAI_KEY',
  awsAccessKey: 'AWS_ACCESS_KEY',
  githubToken: 'GITHUB_TOKEN',
  slackToken: 'SLACK_TOKEN',
  stripeKey: 'STRIPE_KEY',
  googleApiKey: 'GOOGLE_API_KEY',
  vendorToken: 'API_TOKEN',
  jwt: 'JWT',
  urlCredentials: 'URL_CREDENTIALS',
  bearerToken: 'BEARER_TOKEN',
  basicAuth: 'BASIC_AUTH',
  credentialAssignment: 'SECRET',
  iban: 'IBAN',
  card: 'CARD',
  ssn: 'SSN',
  email: 'EMAIL',
  phone: 'PHONE',
  ip: 'IP',
});

/** Kinds that are secrets rather than personal data. */
export const SECRET_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>([
  'PRIVATE_KEY',
  'ANTHROPIC_KEY',
  'OPENAI_KEY',
  'AWS_ACCESS_KEY',
  'GITHUB_TOKEN',
  'SLACK_TOKEN',
  'STRIPE_KEY',
  'GOOGLE_API_KEY',
  'API_TOKEN',
  'JWT',
  'URL_CREDENTIALS',
  'BEARER_TOKEN',
  'BASIC_AUTH',
  'SECRET',
]);

/**
 * Counts of what a redaction masked, by kind: the entity kinds, plus `REDACTED` (values
 * wrapped by `redacted()`), `SENSITIVE_KEY` (default sensitive key names), `PATH` (configured
 * paths), `MASK` (values the user's hook changed), `MASK_FAILED`, `DEPTH_LIMIT`, `TRUNCATED`,
 * `UNREADABLE` (getters or proxies that threw) and `FAILED` (a record that could not be masked).
 *
 * @example
 * const { counts } = redactor.redactWithReport(payload); // { EMAIL: 2, SENSITIVE_KEY: 1 }
 */
export type RedactionCounts = Partial<Record<string, number>>;
