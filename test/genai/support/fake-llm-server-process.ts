/**
 * Runs the fake LLM server in its own process (for benchmarks: the measured process then only
 * consumes). Prints its URL on the first line of stdout; exits when stdin closes.
 */
import { startFakeLlmServer } from './fake-llm-server.js';

const server = await startFakeLlmServer();
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
