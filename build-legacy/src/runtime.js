const KEY = Symbol.for('agent-trace.runtime.v1');
const holder = globalThis;
/** The shared runtime state; `configure.ts` fills in `config` from the environment when it loads. */
export const runtime = (holder[KEY] ??= {
    config: undefined,
    enabled: true,
    storage: undefined,
    tracers: [],
    defaultTracer: undefined,
    bridge: undefined,
});
//# sourceMappingURL=runtime.js.map