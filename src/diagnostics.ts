import diagnosticsChannel from 'node:diagnostics_channel';

/** Name of the `node:diagnostics_channel` channel on which agent-trace reports its own problems. */
export const DIAGNOSTICS_CHANNEL = 'agent-trace:diagnostics';

/** A problem inside agent-trace that was kept away from the user's code. */
export interface Diagnostic {
  /** Stable, e.g. `exporter-failed`, `extractor-threw`, `serialize-failed`, `unknown-model-price`. */
  code: string;
  message: string;
  error?: unknown;
}

const channel = diagnosticsChannel.channel(DIAGNOSTICS_CHANNEL);
let printed = 0;

/**
 * Reports a problem inside the toolkit without throwing: subscribers of the
 * `agent-trace:diagnostics` channel receive it, and `AGENT_TRACE_DEBUG=1` prints it to stderr.
 */
export function reportDiagnostic(code: string, message: string, error?: unknown): void {
  try {
    const diagnostic: Diagnostic = { code, message, error };
    if (channel.hasSubscribers) channel.publish(diagnostic);
    if (process.env.AGENT_TRACE_DEBUG === '1' && printed++ < 1000) {
      process.stderr.write(`agent-trace [${code}] ${message}${error instanceof Error ? `: ${error.stack ?? error.message}` : ''}\n`);
    }
  } catch {
    // A failing subscriber must not turn a diagnostic into a user-visible error.
  }
}

/**
 * Calls `listener` for every diagnostic until the returned function is called.
 *
 * @example
 * const stop = onDiagnostic((d) => console.warn(d.code, d.message));
 */
export function onDiagnostic(listener: (diagnostic: Diagnostic) => void): () => void {
  const handler = (message: unknown) => listener(message as Diagnostic);
  diagnosticsChannel.subscribe(DIAGNOSTICS_CHANNEL, handler);
  return () => {
    diagnosticsChannel.unsubscribe(DIAGNOSTICS_CHANNEL, handler);
  };
}
