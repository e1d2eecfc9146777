/**
 * Provider detection. Names follow OpenTelemetry's `gen_ai.provider.name` well-known values
 * (`openai`, `anthropic`, `azure.ai.openai`, `gcp.gemini`, `gcp.vertex_ai`, `aws.bedrock`,
 * `mistral_ai`, `deepseek`, `x_ai`, `groq`, `perplexity`, `cohere`), plus `openrouter`,
 * `ollama`, `lmstudio` and `local` for routers and local servers that list has no name for.
 */

/** What can tell the provider of one call, strongest first. */
export interface ProviderEvidence {
  /** Given by the user (`@aiCall({ provider })`); aliases like `google` or `azure` are accepted. */
  explicit?: string | null;
  /** An AI SDK provider id such as `openai.responses` or `anthropic.messages`. */
  sdkProvider?: string | null;
  /** The SDK client kind found on `this` (see AiClientInfo.kind). */
  clientKind?: string | null;
  baseUrl?: string | null;
  model?: string | null;
}

const ALIASES: Record<string, string> = {
  google: 'gcp.gemini',
  gemini: 'gcp.gemini',
  'google-genai': 'gcp.gemini',
  'google.generative-ai': 'gcp.gemini',
  vertex: 'gcp.vertex_ai',
  vertexai: 'gcp.vertex_ai',
  'google-vertex': 'gcp.vertex_ai',
  'google.vertex': 'gcp.vertex_ai',
  azure: 'azure.ai.openai',
  'azure-openai': 'azure.ai.openai',
  bedrock: 'aws.bedrock',
  'amazon-bedrock': 'aws.bedrock',
  'anthropic-bedrock': 'aws.bedrock',
  'anthropic-vertex': 'gcp.vertex_ai',
  mistral: 'mistral_ai',
  mistralai: 'mistral_ai',
  xai: 'x_ai',
  grok: 'x_ai',
  'together.ai': 'together_ai',
  togetherai: 'together_ai',
  'meta-llama': 'meta',
};

// A leading dot: subdomains only; otherwise the host itself or any subdomain of it.
const HOSTS: Array<[domain: string, provider: string]> = [
  ['api.openai.com', 'openai'],
  ['.openai.azure.com', 'azure.ai.openai'],
  ['.cognitiveservices.azure.com', 'azure.ai.openai'],
  ['.services.ai.azure.com', 'azure.ai.inference'],
  ['models.inference.ai.azure.com', 'azure.ai.inference'],
  ['models.github.ai', 'azure.ai.inference'],
  ['openrouter.ai', 'openrouter'],
  ['api.anthropic.com', 'anthropic'],
  ['generativelanguage.googleapis.com', 'gcp.gemini'],
  ['aiplatform.googleapis.com', 'gcp.vertex_ai'],
  ['.amazonaws.com', 'aws.bedrock'],
  ['api.mistral.ai', 'mistral_ai'],
  ['api.deepseek.com', 'deepseek'],
  ['api.groq.com', 'groq'],
  ['api.x.ai', 'x_ai'],
  ['api.perplexity.ai', 'perplexity'],
  ['api.cohere.com', 'cohere'],
  ['api.cohere.ai', 'cohere'],
  ['api.together.xyz', 'together_ai'],
  ['api.fireworks.ai', 'fireworks_ai'],
];

const KNOWN = new Set([
  'openai', 'anthropic', 'azure.ai.openai', 'azure.ai.inference', 'gcp.gemini', 'gcp.vertex_ai', 'gcp.gen_ai',
  'aws.bedrock', 'mistral_ai', 'deepseek', 'x_ai', 'groq', 'perplexity', 'cohere', 'ibm.watsonx.ai',
  'openrouter', 'ollama', 'lmstudio', 'local', 'together_ai', 'fireworks_ai',
]);

const MODEL_PREFIXES: Array<[prefix: string, provider: string]> = [
  ['gpt-', 'openai'],
  ['chatgpt-', 'openai'],
  ['o1', 'openai'],
  ['o3', 'openai'],
  ['o4', 'openai'],
  ['codex-', 'openai'],
  ['text-embedding-', 'openai'],
  ['claude-', 'anthropic'],
  ['gemini-', 'gcp.gemini'],
  ['gemma-', 'gcp.gemini'],
  ['mistral-', 'mistral_ai'],
  ['open-mistral', 'mistral_ai'],
  ['open-mixtral', 'mistral_ai'],
  ['codestral', 'mistral_ai'],
  ['devstral', 'mistral_ai'],
  ['magistral', 'mistral_ai'],
  ['ministral', 'mistral_ai'],
  ['pixtral', 'mistral_ai'],
  ['deepseek-', 'deepseek'],
  ['grok-', 'x_ai'],
  ['command-', 'cohere'],
  ['sonar', 'perplexity'],
];

const CLIENT_KINDS: Record<string, string> = {
  openai: 'openai',
  'azure-openai': 'azure.ai.openai',
  anthropic: 'anthropic',
  'anthropic-bedrock': 'aws.bedrock',
  'anthropic-vertex': 'gcp.vertex_ai',
  'google-genai': 'gcp.gemini',
  'google-vertex': 'gcp.vertex_ai',
  mistral: 'mistral_ai',
};

/**
 * Names the provider of a call from what is known about it; null when nothing tells.
 * Order: explicit option, well-known API host, AI SDK provider id, model id of a local or
 * unknown host, SDK client kind, model id.
 *
 * @example
 * detectProvider({ clientKind: 'openai', baseUrl: 'https://openrouter.ai/api/v1', model: 'openai/gpt-4o' }); // 'openrouter'
 */
export function detectProvider(evidence: ProviderEvidence): string | null {
  if (evidence.explicit) return normaliseProviderName(evidence.explicit);
  const host = hostOf(evidence.baseUrl ?? null);
  if (host?.provider) return host.provider;
  if (evidence.sdkProvider) return normaliseProviderName(evidence.sdkProvider);
  const byModel = providerOfModel(evidence.model ?? null);
  if (host !== null && isLocalHost(host.name)) {
    if (byModel !== null) return byModel;
    if (host.port === '11434') return 'ollama';
    if (host.port === '1234') return 'lmstudio';
    return 'local';
  }
  // An OpenAI-compatible client pointed at another vendor's host: the model says more than the SDK.
  if (host !== null && byModel !== null) return byModel;
  if (evidence.clientKind && CLIENT_KINDS[evidence.clientKind]) return CLIENT_KINDS[evidence.clientKind]!;
  return byModel;
}

/**
 * Maps common spellings (`google`, `azure`, `mistral`, `openai.chat`) to the OpenTelemetry provider name.
 *
 * @example
 * normaliseProviderName('google'); // 'gcp.gemini'
 */
export function normaliseProviderName(name: string): string {
  const lower = name.trim().toLowerCase();
  if (KNOWN.has(lower)) return lower;
  if (ALIASES[lower]) return ALIASES[lower]!;
  if (lower.startsWith('google.vertex')) return 'gcp.vertex_ai';
  if (lower.startsWith('google.') || lower.startsWith('google-')) return 'gcp.gemini';
  if (lower.startsWith('azure')) return 'azure.ai.openai';
  // AI SDK provider ids: `openai.responses`, `mistral.chat`, `deepseek.chat`.
  const head = lower.split('.')[0]!;
  return ALIASES[head] ?? CLIENT_KINDS[head] ?? head;
}

/**
 * The vendor whose model id this is, or null.
 *
 * @example
 * providerOfModel('anthropic/claude-haiku-4-5'); // 'anthropic'
 */
export function providerOfModel(model: string | null): string | null {
  if (model === null) return null;
  let id = model.toLowerCase();
  const slash = id.indexOf('/');
  if (slash > 0) {
    const vendor = id.slice(0, slash);
    if (vendor === 'models') id = id.slice(slash + 1);
    else return normaliseProviderName(vendor);
  }
  for (const [prefix, provider] of MODEL_PREFIXES) {
    if (id.startsWith(prefix)) {
      // `o1`, `o3`, `o4` must be the whole family name, not any id starting with the letter o.
      if (prefix.length === 2 && id.length > 2 && id[2] !== '-') continue;
      return provider;
    }
  }
  return null;
}

interface Host {
  name: string;
  port: string;
  /** The provider of a well-known API host. */
  provider: string | null;
}

/** Parsed base URLs: a process talks to a handful, and `new URL` costs ~20 us per call. */
const hosts = new Map<string, Host | null>();
const MAX_HOSTS = 64;

/**
 * The provider a well-known API host names (`openrouter.ai` -> `openrouter`, `*.openai.azure.com`
 * -> `azure.ai.openai`); null for any other host.
 *
 * @example
 * providerOfBaseUrl('https://openrouter.ai/api/v1'); // 'openrouter'
 */
export function providerOfBaseUrl(baseUrl: string | null): string | null {
  return hostOf(baseUrl)?.provider ?? null;
}

function hostOf(baseUrl: string | null): Host | null {
  if (baseUrl === null) return null;
  let host = hosts.get(baseUrl);
  if (host === undefined) {
    host = parseHost(baseUrl);
    if (hosts.size >= MAX_HOSTS) hosts.clear();
    hosts.set(baseUrl, host);
  }
  return host;
}

function parseHost(baseUrl: string): Host | null {
  try {
    const url = new URL(baseUrl);
    const name = url.hostname.toLowerCase();
    return { name, port: url.port, provider: providerOfHost(name) };
  } catch {
    return null;
  }
}

function providerOfHost(name: string): string | null {
  for (const [domain, provider] of HOSTS) {
    if (domain.startsWith('.') ? name.endsWith(domain) : name === domain || name.endsWith(`.${domain}`)) return provider;
  }
  return null;
}

function isLocalHost(name: string): boolean {
  return (
    name === 'localhost' ||
    name === '127.0.0.1' ||
    name === '0.0.0.0' ||
    name === '[::1]' ||
    name === 'host.docker.internal' ||
    name.endsWith('.local') ||
    name.startsWith('192.168.') ||
    name.startsWith('10.')
  );
}
