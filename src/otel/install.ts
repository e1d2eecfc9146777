import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { reportDiagnostic } from '../diagnostics.js';
import type { TraceExporter } from '../export/exporter.js';
import { runtime, type SpanBridge } from '../runtime.js';
import { createSpanBridge, type OtelApiModule } from './bridge.js';
import { buildOtlpProvider, loadOtlpModulesSync, type OtlpTracerProvider } from './otlp-provider.js';

/** What the OpenTelemetry side remembers, shared by every loaded copy of agent-trace. */
interface OtelState {
  /** The bridge taken out when the mode left `otel`/`dual`, put back when it returns. */
  parked: SpanBridge | undefined;
  missingReported: boolean;
  /** The provider set up from `OTEL_*` for the `otlp` exporter, shared by every tracer that uses it. */
  shared: SharedOtlp | undefined;
}

/** One OTLP provider set up from the environment and the tracers' exporters that use it. */
export interface SharedOtlp {
  provider: OtlpTracerProvider;
  bridge: SpanBridge;
  users: number;
}

/** Read through a function, not a module constant: configure.ts calls in here while modules may still be loading. */
function otelState(): OtelState {
  const holder = globalThis as unknown as Record<symbol, OtelState | undefined>;
  return (holder[Symbol.for('agent-trace.otel.v1')] ??= { parked: undefined, missingReported: false, shared: undefined });
}

/** `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true` opts into message content on spans (off by default, as in other GenAI instrumentations). */
export function captureContentFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?.trim().toLowerCase();
  return raw === 'true' || raw === '1';
}

/** Installs (or removes, with `undefined`) the span bridge, replacing any other. */
export function setSpanBridge(bridge: SpanBridge | undefined): void {
  runtime.bridge = bridge;
  otelState().parked = undefined;
}

/**
 * A `require` that resolves packages from the user's project: the working directory first,
 * then the main script's directory (works in the ESM and the CommonJS build alike).
 */
export function projectRequire(id: string): unknown {
  const bases = [join(process.cwd(), 'noop.js')];
  const main = process.argv[1];
  if (typeof main === 'string' && main !== '') bases.push(join(dirname(main), 'noop.js'));
  let failure: unknown;
  for (const base of bases) {
    try {
      return createRequire(base)(id);
    } catch (error) {
      failure ??= error;
    }
  }
  throw failure;
}

/**
 * Makes the span bridge follow the configured mode: in `otel` and `dual` modes it is installed
 * (from the user's own `@opentelemetry/api`, loaded synchronously), in `events` and `disabled`
 * modes it is taken out, and put back unchanged when the mode returns. Called when agent-trace
 * loads and after every `configure()`. Without `@opentelemetry/api` one diagnostic says to install it.
 *
 * @example
 * configure({ mode: 'dual' });
 * installSpanBridgeFromMode(); // runtime.bridge is now set
 */
export function installSpanBridgeFromMode(): void {
  const state = otelState();
  const mode = runtime.config?.mode;
  if (mode !== 'otel' && mode !== 'dual') {
    if (runtime.bridge !== undefined) {
      state.parked = runtime.bridge;
      runtime.bridge = undefined;
    }
    return;
  }
  if (runtime.bridge !== undefined) return;
  if (state.parked !== undefined) {
    runtime.bridge = state.parked;
    state.parked = undefined;
    return;
  }
  let api: OtelApiModule;
  try {
    api = projectRequire('@opentelemetry/api') as OtelApiModule;
  } catch (error) {
    if (!state.missingReported) {
      state.missingReported = true;
      reportDiagnostic(
        'otel-api-missing',
        `AGENT_TRACE_MODE is ${mode} but @opentelemetry/api could not be loaded from ${process.cwd()}; install it (npm install @opentelemetry/api) and an OpenTelemetry SDK, or call enableOpenTelemetry() from 'agent-trace/otel'. Calls are recorded without OpenTelemetry spans.`,
        error,
      );
    }
    return;
  }
  runtime.bridge = createSpanBridge(api, { captureContent: captureContentFromEnv() });
}

/** Installs the bridge of the shared OTLP set-up and turns mode `events` into `dual`, so our own exporters keep their events. */
export function installSharedBridge(shared: SharedOtlp): void {
  setSpanBridge(shared.bridge);
  // Set directly, not through configure(): this module must not import configure.ts, which imports it. 'dual' is valid and enabled like 'events'.
  if (runtime.config.mode === 'events') runtime.config = { ...runtime.config, mode: 'dual' };
}

/** Takes a user of the shared OTLP set-up, building it with `create` when there is none. */
export function acquireSharedOtlp(create: () => SharedOtlp): SharedOtlp {
  const state = otelState();
  const shared = (state.shared ??= create());
  shared.users++;
  return shared;
}

/** An exporter for a tracer whose spans go live through the bridge: `export` has nothing to do, flush and shutdown reach the provider. */
export function sharedOtlpExporter(shared: SharedOtlp): TraceExporter {
  let released = false;
  return {
    name: 'otlp',
    export() {},
    forceFlush: () => shared.provider.forceFlush(),
    async shutdown() {
      if (released) return;
      released = true;
      if (--shared.users > 0) return shared.provider.forceFlush();
      if (otelState().shared === shared) otelState().shared = undefined;
      if (runtime.bridge === shared.bridge) setSpanBridge(undefined);
      await shared.provider.shutdown();
    },
  };
}

/**
 * The `otlp` default exporter, built without waiting: loads the OpenTelemetry SDK and the OTLP
 * exporter from the user's project, sets them up from `OTEL_*` once per process, and installs the
 * span bridge (switching mode `events` to `dual`), so the very first call already gets its span.
 * Throws when the packages are missing; the caller reports it.
 *
 * @example
 * const exporter = createOtlpExporterNow(); // AGENT_TRACE_EXPORTERS=otlp
 */
export function createOtlpExporterNow(): TraceExporter {
  const shared = acquireSharedOtlp(() => {
    const api = projectRequire('@opentelemetry/api') as OtelApiModule;
    const provider = buildOtlpProvider(loadOtlpModulesSync(projectRequire));
    return { provider, bridge: createSpanBridge(api, { captureContent: captureContentFromEnv(), tracerProvider: provider }), users: 0 };
  });
  installSharedBridge(shared);
  return sharedOtlpExporter(shared);
}
