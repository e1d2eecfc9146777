/**
 * The model APIs the codemod recognises: SDK packages, the call paths that reach a model,
 * and the HTTP endpoints of hosted models.
 *
 * @example
 * providerOfModule('@anthropic-ai/sdk'); // 'anthropic'
 */
export interface LlmProvider {
  id: string;
  /** Module specifiers (exact, or prefix ending in '/'). */
  modules: string[];
}

export const LLM_PROVIDERS: readonly LlmProvider[] = [
  { id: 'openai', modules: ['openai', 'openai/'] },
  { id: 'anthropic', modules: ['@anthropic-ai/sdk', '@anthropic-ai/'] },
  { id: 'google', modules: ['@google/genai', '@google/generative-ai', '@google-cloud/vertexai'] },
  { id: 'vercel-ai', modules: ['ai', '@ai-sdk/'] },
  { id: 'langchain', modules: ['langchain', 'langchain/', '@langchain/'] },
  { id: 'mistral', modules: ['@mistralai/mistralai'] },
  { id: 'groq', modules: ['groq-sdk'] },
  { id: 'cohere', modules: ['cohere-ai'] },
  { id: 'ollama', modules: ['ollama', 'ollama/'] },
];

/** The provider a module specifier belongs to, if any. */
export function providerOfModule(specifier: string): string | undefined {
  for (const provider of LLM_PROVIDERS) {
    for (const m of provider.modules) {
      if (m.endsWith('/') ? specifier.startsWith(m) : specifier === m) return provider.id;
    }
  }
  return undefined;
}

/** The provider whose installed package holds `fileName` (a path inside node_modules), if any. */
export function providerOfDeclarationFile(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  const at = normalized.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = normalized.slice(at + '/node_modules/'.length);
  const parts = rest.split('/');
  const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return providerOfModule(pkg) ?? (pkg.startsWith('@langchain/') ? 'langchain' : undefined);
}

/**
 * Call paths (the last names of a property chain) that reach a model. `unambiguous` ones are
 * accepted without further evidence; the others need the file to import the provider's package
 * or the type checker to resolve them into it.
 */
export interface ModelCallPath {
  path: string[];
  provider: string;
  unambiguous: boolean;
}

const openaiPaths = [
  'chat.completions.create', 'chat.completions.parse', 'chat.completions.stream', 'chat.completions.runTools',
  'beta.chat.completions.parse', 'beta.chat.completions.stream', 'beta.chat.completions.runTools',
  // Assistants: a run is where the model answers (adding a thread message is not).
  'threads.runs.create', 'threads.runs.createAndPoll', 'threads.runs.stream', 'threads.createAndRun', 'threads.createAndRunPoll', 'threads.createAndRunStream',
];
const openaiAmbiguous = [
  'responses.create', 'responses.stream', 'responses.parse', 'completions.create', 'embeddings.create',
  'images.generate', 'images.edit', 'audio.transcriptions.create', 'audio.speech.create', 'moderations.create',
];
const anthropicPaths = ['messages.create', 'messages.stream', 'messages.parse', 'beta.messages.create', 'beta.messages.stream'];
const googlePaths = [
  'models.generateContent', 'models.generateContentStream', 'models.embedContent', 'models.generateImages',
  'generateContent', 'generateContentStream', 'sendMessage', 'sendMessageStream',
];

export const MODEL_CALL_PATHS: readonly ModelCallPath[] = [
  ...openaiPaths.map((p) => ({ path: p.split('.'), provider: 'openai', unambiguous: true })),
  ...openaiAmbiguous.map((p) => ({ path: p.split('.'), provider: 'openai', unambiguous: false })),
  ...anthropicPaths.map((p) => ({ path: p.split('.'), provider: 'anthropic', unambiguous: false })),
  ...googlePaths.map((p) => ({ path: p.split('.'), provider: 'google', unambiguous: false })),
  { path: ['chat', 'complete'], provider: 'mistral', unambiguous: false },
  { path: ['chat', 'stream'], provider: 'mistral', unambiguous: false },
  { path: ['chat'], provider: 'ollama', unambiguous: false },
  { path: ['generate'], provider: 'ollama', unambiguous: false },
];

/** Functions exported by model packages that call a model when called (Vercel AI SDK and friends). */
export const MODEL_FUNCTIONS: Readonly<Record<string, string[]>> = {
  'vercel-ai': [
    'generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany',
    'experimental_generateImage', 'generateImage', 'experimental_generateSpeech', 'experimental_transcribe',
  ],
};

/** Methods of a LangChain chat model / LLM that call the model. */
export const LANGCHAIN_MODEL_METHODS: ReadonlySet<string> = new Set([
  'invoke', 'stream', 'batch', 'call', 'predict', 'predictMessages', 'generate', 'streamEvents', 'generatePrompt',
]);

/** Names of LangChain classes (or their bases) whose instances are models (not `ChatPromptTemplate`, `ChatMessageHistory`). */
export const LANGCHAIN_MODEL_TYPE = /^(Chat(?!\w*(?:Prompt|Template|History|Message))[A-Z]\w*|BaseChatModel|BaseLanguageModel|BaseLLM|LLM|SimpleChatModel|AzureChatOpenAI|OpenAI|Ollama)$/;

/**
 * Own type names of what LangChain builds around a model: `model.withStructuredOutput(...)` and
 * `bindTools(...)` give a `Runnable`, `prompt.pipe(model)` and `RunnableSequence.from([...])` a
 * `RunnableSequence`. Prompts, parsers, retrievers and tools are Runnables too, but under their own names.
 */
export const LANGCHAIN_CHAIN_TYPE = /^(Runnable|RunnableSequence|RunnableBinding|RunnableWithMessageHistory|RunnableWithFallbacks)$/;

/** Last names of every model call path, to decide cheaply whether a call needs a closer look. */
export const MODEL_CALL_LAST_NAMES: ReadonlySet<string> = new Set([
  ...MODEL_CALL_PATHS.map((p) => p.path[p.path.length - 1]!),
  ...LANGCHAIN_MODEL_METHODS,
  ...Object.values(MODEL_FUNCTIONS).flat(),
]);

/** Hosts and paths of hosted model HTTP APIs; a `fetch` to one of them is a model call. */
export const LLM_ENDPOINT_PATTERNS: readonly RegExp[] = [
  /api\.openai\.com/, /\.openai\.azure\.com/, /api\.anthropic\.com/, /generativelanguage\.googleapis\.com/,
  /aiplatform\.googleapis\.com/, /api\.mistral\.ai/, /api\.groq\.com/, /api\.together\.(xyz|ai)/, /openrouter\.ai\/api/,
  /api\.cohere\.(ai|com)/, /api\.deepseek\.com/, /api\.x\.ai/, /api\.fireworks\.ai/, /api\.perplexity\.ai/,
  /bedrock-runtime\./, /:11434\b/,
  /\/v1\/chat\/completions\b/, /\/chat\/completions\b/, /\/v1\/completions\b/, /\/v1\/messages\b/, /\/v1\/responses\b/,
  /:generateContent\b/, /:streamGenerateContent\b/, /\/api\/generate\b/, /\/api\/chat\b/,
];

/** True when a piece of URL text names a hosted model endpoint. */
export function isLlmEndpoint(text: string): boolean {
  return LLM_ENDPOINT_PATTERNS.some((re) => re.test(text));
}
