/**
 * Redaction benchmarks: key-path masking of a typical LLM request payload and the value
 * detectors' cost per byte of text, each next to JSON.stringify of the same input in the same run,
 * and next to the least any masker pays on this machine (every key looked up once, every
 * character read once), which says what an absolute target in ns means here.
 * Run: `node build/benchmarks/redaction.bench.js`.
 */
import pinoRedact from '@pinojs/redact';
import { TextScanner } from '../src/redaction/detectors.js';
import { Redactor } from '../src/redaction/redactor.js';

/** One measured case. */
export interface RedactionBenchResult {
  name: string;
  nsPerOp: number;
  [k: string]: unknown;
}

/** A chat-completions request as an agent sends it: system prompt, a short history, one tool, headers. */
export function typicalLlmRequest(): Record<string, unknown> {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are a careful planning assistant. Answer briefly and call tools when you need facts.' },
      { role: 'user', content: 'What will the weather be in Lisbon tomorrow morning? I fly at 9.' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lisbon","day":"tomorrow"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"forecast":"sunny","high_c":24,"low_c":15}' },
    ],
    tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather forecast for a city', parameters: { type: 'object', properties: { city: { type: 'string' }, day: { type: 'string' } }, required: ['city'] } } }],
    temperature: 0.2,
    max_tokens: 512,
    stream: false,
    user: 'user-4821',
    headers: { authorization: 'Bearer sk-proj-3kFq9ZrT1mXw8Lp2Vn7Yb4Hc6Jd0Gs5A', 'content-type': 'application/json' },
  };
}

const PROSE = [
  'The agent opened the ticket, read the customer history and drafted a reply about the delayed shipment. ',
  'It called the search tool twice, once for the order status and once for the carrier, then summarised both results in three sentences. ',
  'Reward for this step was 0.75 after 12 turns; the environment reported no termination and the episode continued with seed 42. ',
  '{"tool":"lookup","args":{"query":"refund policy","limit":5},"result":{"hits":3,"took_ms":18}} ',
  'Please reach Dana at dana.whitaker@example.org or +1 (415) 555-2671 before Friday; the invoice INV-2024-00931 totals $1,284.50. ',
  'Version 2.14.3 shipped on 2024-05-12T14:33:10Z from commit 9fceb02d0ae598e95dc970b74767f19372d61af8 to host 10.20.30.40. ',
  'function retry(fn, attempts = 3) { for (let i = 0; i < attempts; i++) { try { return fn(); } catch (e) { log(e); } } } ',
  'User asked: can you translate "good morning, how are you today?" into French, German and Portuguese? ',
];

/** About `bytes` of mixed agent text (prose, JSON, code, logs) with a few entities, as tool results and messages carry. */
export function typicalAgentText(bytes = 16384): string {
  let text = '';
  let i = 0;
  while (text.length < bytes) text += PROSE[i++ % PROSE.length];
  return text.slice(0, bytes);
}

/** What a stream aggregate of short numbered tokens looks like: about 7 KB, a digit in every word. */
export function digitHeavyText(): string {
  return Array.from({ length: 1000 }, (_, i) => `tok${i} `).join('');
}

// Cases are measured in interleaved rounds, so that load from other processes falls on all of
// them alike; each result is the median of the rounds.
function measureAll(cases: Record<string, () => unknown>, rounds = 11): Record<string, number> {
  const iterations: Record<string, number> = {};
  for (const [name, fn] of Object.entries(cases)) {
    let n = 1;
    for (;;) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn();
      if (Number(process.hrtime.bigint() - t0) > 10e6) break;
      n *= 2;
    }
    iterations[name] = n;
  }
  const samples: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(cases)) {
      const n = iterations[name]!;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn();
      (samples[name] ??= []).push(Number(process.hrtime.bigint() - t0) / n);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, xs] of Object.entries(samples)) out[name] = xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return out;
}

let sink: unknown;

// What any masker that reads every key pays at least: a for-in walk of the payload with one
// dictionary look-up per key (what a key-name check costs), nothing else.
const keySeen: Record<string, number> = Object.create(null) as Record<string, number>;
function walkKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += walkKeys(value[i]);
    return n;
  }
  for (const key in value) {
    n += (keySeen[key] ??= 1);
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) n += walkKeys(child);
  }
  return n;
}

// What any scan that reads every character once with charCodeAt pays at least.
function readEveryChar(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

/**
 * Measures the redaction cases and returns ns per operation (and per byte for the detectors).
 *
 * @example
 * for (const r of await runRedactionBench()) console.log(r.name, r.nsPerOp);
 */
export async function runRedactionBench(): Promise<RedactionBenchResult[]> {
  const payload = typicalLlmRequest();
  const paths = ['headers.authorization', 'api_key', 'messages[*].name', 'user'];
  const pathsOnly = new Redactor({ maskPii: false, paths });
  const full = new Redactor({ paths });
  const pino = pinoRedact({ paths, serialize: false });
  const payloadBytes = Buffer.byteLength(JSON.stringify(payload));
  // What the export pipeline masks: its own snapshot of the payload, in place (the walk and the
  // writes are the same on every pass; the first pass's writes stay, later ones write the same).
  const ownCopy = structuredClone(payload);

  const text = typicalAgentText();
  const textBytes = Buffer.byteLength(text);
  const scanner = new TextScanner();
  const digitText = digitHeavyText();
  const digitBytes = Buffer.byteLength(digitText);
  const big = new Redactor({ maxPayloadBytes: textBytes * 2 });
  const t = measureAll({
    stringifyPayload: () => (sink = JSON.stringify(payload)),
    keyWalkFloor: () => (sink = walkKeys(payload)),
    keyPaths: () => (sink = pathsOnly.redact(payload)),
    keyPathsInPlace: () => (sink = pathsOnly.startOwnedSession().redactInPlace(ownCopy)),
    pinoPaths: () => (sink = pino(payload)),
    fullPayload: () => (sink = full.redact(payload)),
    stringifyText: () => (sink = JSON.stringify(text)),
    charFloor: () => (sink = readEveryChar(text)),
    detect: () => (sink = scanner.find(text)),
    stringifyDigits: () => (sink = JSON.stringify(digitText)),
    detectDigits: () => (sink = scanner.find(digitText)),
    maskText: () => (sink = big.redactText(text)),
  });
  const { stringifyPayload, keyWalkFloor, keyPaths, keyPathsInPlace, pinoPaths, fullPayload, stringifyText, charFloor, detect, stringifyDigits, detectDigits, maskText } = t as Record<string, number>;
  void sink;

  return [
    { name: 'JSON.stringify(LLM request payload)', nsPerOp: stringifyPayload, bytes: payloadBytes },
    { name: 'floor: a for-in walk of the payload, one key look-up per key', nsPerOp: keyWalkFloor, ratioToStringify: keyWalkFloor / stringifyPayload },
    { name: 'Redactor key paths + sensitive keys (maskPii off), redact(): a masked deep copy', nsPerOp: keyPaths, ratioToStringify: keyPaths / stringifyPayload },
    { name: 'the same, in place on the export pipeline\'s own snapshot', nsPerOp: keyPathsInPlace, ratioToStringify: keyPathsInPlace / stringifyPayload },
    { name: '@pinojs/redact same paths (serialize: false)', nsPerOp: pinoPaths, ratioToStringify: pinoPaths / stringifyPayload },
    { name: 'Redactor full (paths + detectors) on the payload', nsPerOp: fullPayload, ratioToStringify: fullPayload / stringifyPayload },
    { name: `JSON.stringify(${textBytes} B of agent text)`, nsPerOp: stringifyText, nsPerByte: stringifyText / textBytes },
    { name: 'floor: one charCodeAt pass over the text', nsPerOp: charFloor, nsPerByte: charFloor / textBytes, ratioToStringify: charFloor / stringifyText },
    { name: 'detectors find() on the text', nsPerOp: detect, nsPerByte: detect / textBytes, ratioToStringify: detect / stringifyText },
    { name: `JSON.stringify(${digitBytes} B of digit-heavy stream text)`, nsPerOp: stringifyDigits, nsPerByte: stringifyDigits / digitBytes },
    { name: 'detectors find() on digit-heavy stream text', nsPerOp: detectDigits, nsPerByte: detectDigits / digitBytes, ratioToStringify: detectDigits / stringifyDigits },
    { name: 'redactText (detect + replace) on the text', nsPerOp: maskText, nsPerByte: maskText / textBytes, ratioToStringify: maskText / stringifyText },
  ];
}

function isMain(): boolean {
  const entry = process.argv[1] ?? '';
  return /redaction\.bench\.(js|ts)$/.test(entry);
}

if (isMain()) {
  void runRedactionBench().then((results) => {
    for (const r of results) {
      const extra = Object.entries(r).filter(([k]) => k !== 'name' && k !== 'nsPerOp').map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : String(v)}`).join(' ');
      console.log(`${r.name.padEnd(56)} ${r.nsPerOp.toFixed(1).padStart(10)} ns/op  ${extra}`);
    }
  });
}
