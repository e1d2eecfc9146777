import { reportDiagnostic } from '../diagnostics.js';
import { runtime } from '../runtime.js';

interface Flushable {
  readonly hasPending: boolean;
  flush(): Promise<void>;
}

/** How long the process may wait at exit for exporters to write what is pending. */
const EXIT_FLUSH_DEADLINE_MS = 3000;

let installed = false;

function flushAll(): Promise<void> {
  const busy = (runtime.tracers as Flushable[]).filter((tracer) => tracer.hasPending);
  if (busy.length === 0) return Promise.resolve();
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, EXIT_FLUSH_DEADLINE_MS).unref());
  return Promise.race([Promise.all(busy.map((tracer) => tracer.flush().catch(() => undefined))).then(() => undefined), deadline]);
}

function onSignal(signal: NodeJS.Signals): void {
  const handler = () => {
    // Someone else handles this signal: we flush and leave the decision to them.
    const others = process.listenerCount(signal) > 1;
    void flushAll().finally(() => {
      if (others) return;
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    });
  };
  process.on(signal, handler);
}

function onUncaughtException(): void {
  const handler = (error: unknown, origin: string) => {
    // With handlers of its own the program goes on; without, it dies as Node would make it die.
    if (process.listenerCount('uncaughtException') > 1) return;
    const print = () => {
      process.stderr.write(`${origin === 'unhandledRejection' ? 'Unhandled rejection: ' : ''}${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`);
      process.exit(1);
    };
    void flushAll().then(print, print);
  };
  process.on('uncaughtException', handler);
}

/**
 * Flushes every live tracer when the process ends: at `beforeExit`, on SIGTERM and SIGINT (then
 * the signal is raised again, so the process ends as it would have), and on an uncaught
 * exception (then the error is printed and the process exits with code 1, as Node does).
 * Each waits at most 3 s for exporters. `process.exit()` gives no time to write: call
 * `tracer.shutdown()` before it.
 */
export function installExitFlush(): void {
  if (installed) return;
  installed = true;
  try {
    // beforeExit fires again after our flush's work; flush only while something is pending.
    process.on('beforeExit', () => void flushAll());
    onSignal('SIGTERM');
    onSignal('SIGINT');
    onUncaughtException();
  } catch (error) {
    reportDiagnostic('exit-flush-unavailable', 'could not install the exit flush; call tracer.shutdown() before the process ends.', error);
  }
}
