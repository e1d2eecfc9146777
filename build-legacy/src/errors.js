/**
 * The error agent-trace throws for misuse and bad configuration. Its message starts
 * with `agent-trace:` and says how to fix the problem.
 *
 * @example
 * try { configure({ sampleRate: 2 }); } catch (e) { if (e instanceof AgentTraceError) console.error(e.message); }
 */
export class AgentTraceError extends Error {
    constructor(code, message) {
        super(message.startsWith('agent-trace:') ? message : `agent-trace: ${message}`);
        this.name = 'AgentTraceError';
        this.code = code;
    }
}
//# sourceMappingURL=errors.js.map