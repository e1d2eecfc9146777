import diagnosticsChannel from 'node:diagnostics_channel';
/** Name of the `node:diagnostics_channel` channel on which agent-trace reports its own problems. */
export const DIAGNOSTICS_CHANNEL = 'agent-trace:diagnostics';
const channel = diagnosticsChannel.channel(DIAGNOSTICS_CHANNEL);
let printed = 0;
/**
 * Reports a problem inside the toolkit without throwing: subscribers of the
 * `agent-trace:diagnostics` channel receive it, and `AGENT_TRACE_DEBUG=1` prints it to stderr.
 */
export function reportDiagnostic(code, message, error) {
    try {
        const diagnostic = { code, message, error };
        if (channel.hasSubscribers)
            channel.publish(diagnostic);
        if (process.env.AGENT_TRACE_DEBUG === '1' && printed++ < 1000) {
            process.stderr.write(`agent-trace [${code}] ${message}${error instanceof Error ? `: ${error.stack ?? error.message}` : ''}\n`);
        }
    }
    catch {
        // A failing subscriber must not turn a diagnostic into a user-visible error.
    }
}
/**
 * Calls `listener` for every diagnostic until the returned function is called.
 *
 * @example
 * const stop = onDiagnostic((d) => console.warn(d.code, d.message));
 */
export function onDiagnostic(listener) {
    const handler = (message) => listener(message);
    diagnosticsChannel.subscribe(DIAGNOSTICS_CHANNEL, handler);
    return () => {
        diagnosticsChannel.unsubscribe(DIAGNOSTICS_CHANNEL, handler);
    };
}
//# sourceMappingURL=diagnostics.js.map