/**
 * A child process for the stream-helper tests: starts an Anthropic `messages.stream()` whose
 * stream is cut, with no error listener and nothing awaiting it, decorated with `@aiCall` when
 * the first argument is `1`. The SDK then reports the error as an unhandled rejection, which ends
 * the process with a non-zero code; exiting with 0 after 10 s means it did not.
 */
import Anthropic from '@anthropic-ai/sdk';
import { SessionTracer, withAiCall } from '../../../src/index.js';
import { startFakeLlmServer } from './fake-llm-server.js';

const server = await startFakeLlmServer();
const claude = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
const start = () => claude.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }, { headers: { 'x-scenario': 'cut' } });
const open = process.argv[2] === '1' ? withAiCall({ name: 'claude' }, start) : start;
const tracer = new SessionTracer({ exporters: [] });
void tracer.session('unhandled', async () => {
  open();
});
setTimeout(() => {
  server.close();
  process.exit(0);
}, 10_000).unref();
setInterval(() => undefined, 1000);
