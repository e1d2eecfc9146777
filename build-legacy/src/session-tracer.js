import { getConfig } from './configure.js';
import { OpenSession } from './context/session.js';
import { currentScope, storage } from './context/storage.js';
import { reportDiagnostic } from './diagnostics.js';
import { AgentTraceError } from './errors.js';
import { defaultExporters } from './export/default-exporters.js';
import { DEFAULT_PIPELINE_OPTIONS, ExportPipeline } from './export/export-pipeline.js';
import { now } from './model/clock.js';
import { newId } from './model/ids.js';
import { snapshot } from './recorder/snapshot.js';
import { Redactor } from './redaction/redactor.js';
import { runtime } from './runtime.js';
function isThenable(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}
/**
 * Records sessions and their timesteps, and sends what decorated calls record to its exporters.
 *
 * @example
 * const memory = new InMemoryExporter();
 * const tracer = new SessionTracer({ exporters: [memory] });
 * await tracer.session({ id: 'ep-1', metadata: { env: 'gridworld' } }, async () => {
 *   for (let turn = 0; turn < 3; turn++) await tracer.timestep({ turn }, () => agent.act(env));
 * });
 * await tracer.shutdown();
 */
export class SessionTracer {
    constructor(options = {}) {
        this.open = new Map();
        this.closed = false;
        if (typeof options !== 'object' || options === null) {
            throw new AgentTraceError('E_CONFIG', 'agent-trace: new SessionTracer(options) takes an options object, e.g. { exporters: [new JsonlExporter()] }.');
        }
        const pipelineOptions = { ...DEFAULT_PIPELINE_OPTIONS };
        for (const key of Object.keys(DEFAULT_PIPELINE_OPTIONS)) {
            const value = options[key];
            if (value === undefined)
                continue;
            if (!Number.isInteger(value) || value <= 0) {
                throw new AgentTraceError('E_CONFIG', `agent-trace: SessionTracer option ${key} is ${JSON.stringify(value)}; use a positive whole number.`);
            }
            pipelineOptions[key] = value;
        }
        const exporters = options.exporters ?? defaultExporters(getConfig());
        if (!Array.isArray(exporters) || exporters.some((e) => typeof e !== 'object' || e === null || typeof e.export !== 'function')) {
            throw new AgentTraceError('E_CONFIG', 'agent-trace: SessionTracer option exporters must be an array of exporters (objects with an export(records) method).');
        }
        validateSampler(options.sample);
        this.sample = options.sample;
        const redactor = new Redactor({ maskPii: getConfig().maskPii, maxPayloadBytes: getConfig().maxPayloadBytes, ...options.redaction });
        this.pipeline = new ExportPipeline(exporters, redactor, pipelineOptions, () => getConfig().maxPayloadBytes);
        runtime.tracers.push(this);
        installExitFlush();
    }
    /** Events and messages dropped so far because too many waited for export. */
    get dropped() {
        return this.pipeline.dropped + this.pipeline.processors.reduce((sum, p) => sum + p.dropped, 0);
    }
    /**
     * Runs `fn` inside a new session and returns what `fn` returns (a promise settles the same way).
     * The session ends when `fn` returns or its promise settles.
     */
    session(idOrOptions, fn) {
        if (typeof fn !== 'function')
            throw new AgentTraceError('E_USAGE', 'agent-trace: session(idOrOptions, fn) needs a function to run inside the session.');
        if (!runtime.enabled)
            return fn();
        const options = typeof idOrOptions === 'string' ? { id: idOrOptions } : (idOrOptions ?? {});
        if (typeof options !== 'object')
            throw new AgentTraceError('E_USAGE', 'agent-trace: session() takes an id string or { id, metadata }.');
        if (options.id !== undefined && (typeof options.id !== 'string' || options.id.length === 0)) {
            throw new AgentTraceError('E_USAGE', 'agent-trace: a session id must be a non-empty string.');
        }
        const id = options.id ?? newId('session');
        if (this.open.has(id)) {
            throw new AgentTraceError('E_SESSION', `agent-trace: session "${id}" is already open; use a new id for each session, or omit it to get a generated one.`);
        }
        const session = this.openSession(id, false, options.metadata);
        const scope = { session, step: null, span: null };
        let result;
        try {
            result = storage().run(scope, fn);
        }
        catch (error) {
            session.end(error);
            throw error;
        }
        if (isThenable(result)) {
            return Promise.resolve(result).then((value) => {
                session.end();
                return value;
            }, (error) => {
                session.end(error);
                throw error;
            });
        }
        session.end();
        return result;
    }
    /**
     * Runs `fn` inside a new timestep of the current session and returns what `fn` returns.
     * Throws when called outside a session of this tracer, or inside another timestep.
     */
    timestep(options, fn) {
        if (typeof fn !== 'function')
            throw new AgentTraceError('E_USAGE', 'agent-trace: timestep(options, fn) needs a function to run inside the timestep.');
        const opts = typeof options === 'number' ? { turn: options } : (options ?? {});
        const scope = runtime.enabled ? currentScope() : undefined;
        if (scope === undefined) {
            if (!runtime.enabled)
                return fn();
            throw new AgentTraceError('E_TIMESTEP', 'agent-trace: timestep() was called outside a session; call it inside tracer.session(id, () => ...).');
        }
        if (scope.session.sink !== this) {
            throw new AgentTraceError('E_TIMESTEP', `agent-trace: timestep() was called inside session "${scope.session.id}" of another SessionTracer; use that tracer's timestep().`);
        }
        if (scope.step !== null && scope.step.endMs === 0) {
            throw new AgentTraceError('E_TIMESTEP', `agent-trace: timestep() was called inside timestep ${scope.step.index}; timesteps do not nest, end the current one first.`);
        }
        if (opts.turn !== undefined && !Number.isFinite(opts.turn))
            throw new AgentTraceError('E_USAGE', 'agent-trace: timestep turn must be a number.');
        const metadata = opts.metadata === undefined ? undefined : snapshot(opts.metadata, getConfig().maxPayloadBytes);
        const step = scope.session.openTimestep(opts.turn ?? null, metadata, opts.id);
        const inner = { session: scope.session, step, span: scope.span };
        let result;
        try {
            result = storage().run(inner, fn);
        }
        catch (error) {
            step.end();
            throw error;
        }
        if (isThenable(result)) {
            return Promise.resolve(result).then((value) => {
                step.end();
                return value;
            }, (error) => {
                step.end();
                throw error;
            });
        }
        step.end();
        return result;
    }
    /** Records an event by hand in the current session and timestep (or an implicit session of its own). */
    recordEvent(event) {
        if (!runtime.enabled)
            return;
        if (typeof event !== 'object' || event === null || !['cais', 'environment', 'runtime', 'span'].includes(event.event_type) || typeof event.name !== 'string') {
            throw new AgentTraceError('E_USAGE', 'agent-trace: recordEvent() needs { event_type: "cais" | "environment" | "runtime" | "span", name: string, ... }.');
        }
        this.record((session, step, parent) => ({ pendingKind: 'event', session, step, parent, atMs: now(), fields: snapshot(event, getConfig().maxPayloadBytes * 4) }), event.name);
    }
    /** Records a message between systems (an action sent, an observation received). */
    recordMessage(message) {
        if (!runtime.enabled)
            return;
        if (typeof message !== 'object' || message === null || typeof message.message_type !== 'string' || message.content === undefined) {
            throw new AgentTraceError('E_USAGE', 'agent-trace: recordMessage() needs { content, message_type, from?, to?, metadata? }.');
        }
        const content = typeof message.content === 'string' ? { text: message.content } : { json_payload: message.content };
        const metadata = { ...message.metadata, from_system_instance_id: message.from, to_system_instance_id: message.to };
        this.record((session, step) => ({ pendingKind: 'message', session, step, atMs: now(), fields: snapshot({ content, message_type: message.message_type, metadata }, getConfig().maxPayloadBytes) }), message.message_type);
    }
    /** Exports everything recorded so far and waits until every exporter has written it. */
    async flush() {
        await this.pipeline.flush();
    }
    /** Ends open sessions, flushes, and shuts the exporters down. Later sessions are not recorded. */
    async shutdown() {
        if (this.closed)
            return;
        this.closed = true;
        for (const session of [...this.open.values()])
            session.end();
        const index = runtime.tracers.indexOf(this);
        if (index >= 0)
            runtime.tracers.splice(index, 1);
        if (runtime.defaultTracer === this)
            runtime.defaultTracer = undefined;
        await this.pipeline.shutdown();
    }
    /** @internal */
    enqueue(item) {
        this.pipeline.enqueue(item);
    }
    /** @internal */
    sessionEnded(session) {
        if (this.open.get(session.id) === session)
            this.open.delete(session.id);
        if (session.recording && session.continued === undefined)
            this.pipeline.enqueue(session);
    }
    /** @internal Opens the session a root call outside any session records into. */
    openImplicitSession(name) {
        return this.openSession(newId('session'), true, { root: name });
    }
    /** @internal Opens the local part of a session that another thread or process owns. */
    continueSession(id, traceId, parentSpanId, recording) {
        return new OpenSession(id, this, recording && !this.closed, false, undefined, { traceId, parentSpanId });
    }
    /** @internal */
    get hasPending() {
        return this.pipeline.hasPending;
    }
    openSession(id, implicit, metadata) {
        const recording = !this.closed && this.decide(id, metadata);
        const captured = metadata === undefined ? undefined : snapshot(metadata, getConfig().maxPayloadBytes);
        const session = new OpenSession(id, this, recording, implicit, captured);
        if (!implicit)
            this.open.set(id, session);
        return session;
    }
    decide(id, metadata) {
        const sample = this.sample ?? getConfig().sampleRate;
        if (sample === 'always' || sample === 1)
            return true;
        if (sample === 'never' || sample === 0)
            return false;
        if (typeof sample === 'number')
            return Math.random() < sample;
        try {
            return sample({ id, metadata }) === true;
        }
        catch (error) {
            reportDiagnostic('sampler-threw', `the session sampler threw for session "${id}"; the session is recorded.`, error);
            return true;
        }
    }
    record(make, name) {
        const scope = currentScope();
        if (scope !== undefined && scope.session.sink === this && !scope.session.ended) {
            if (scope.session.recording)
                this.enqueue(make(scope.session, scope.step, scope.span));
            return;
        }
        const session = this.openImplicitSession(name);
        if (session.recording)
            this.enqueue(make(session, null, null));
        session.end();
    }
}
function validateSampler(sample) {
    if (sample === undefined || sample === 'always' || sample === 'never' || typeof sample === 'function')
        return;
    if (typeof sample === 'number' && sample >= 0 && sample <= 1)
        return;
    throw new AgentTraceError('E_CONFIG', `agent-trace: SessionTracer option sample is ${JSON.stringify(sample)}; use a number from 0 to 1, "always", "never" or a function (session) => boolean.`);
}
/**
 * The session a decorated call outside any session records into: an implicit session of the
 * most recently created live tracer, or of a default tracer built from the configuration.
 */
export function implicitSessionFor(name) {
    return implicitTracer()?.openImplicitSession(name);
}
/** The tracer that records outside explicit sessions: the most recently created live one, or a default one from the configuration. */
export function implicitTracer() {
    try {
        const tracers = runtime.tracers;
        if (tracers.length > 0)
            return tracers[tracers.length - 1];
        return runtime.defaultTracer ?? (runtime.defaultTracer = new SessionTracer());
    }
    catch (error) {
        reportDiagnostic('implicit-session-failed', 'could not create the default tracer; calls outside sessions run unrecorded.', error);
        return undefined;
    }
}
let exitFlushInstalled = false;
function installExitFlush() {
    if (exitFlushInstalled)
        return;
    exitFlushInstalled = true;
    // beforeExit fires again after our flush's work; flush only while something is pending.
    process.on('beforeExit', () => {
        const tracers = runtime.tracers;
        const busy = tracers.filter((tracer) => tracer.hasPending);
        if (busy.length > 0)
            void Promise.all(busy.map((tracer) => tracer.flush()));
    });
}
//# sourceMappingURL=session-tracer.js.map