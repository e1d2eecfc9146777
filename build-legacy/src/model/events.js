/**
 * The trace data model: synth-ai's v3 tracing schema as TypeScript types.
 * Field names are snake_case because they are the wire format.
 */
/** Version written into every serialised object, so readers can tell formats apart. */
export const SCHEMA_VERSION = '3.0';
//# sourceMappingURL=events.js.map