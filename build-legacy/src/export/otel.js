/**
 * `agent-trace/otel`: each decorated call also becomes an OpenTelemetry span, named and attributed
 * by the GenAI semantic conventions, nested with the application's own spans in both directions.
 */
import * as api from '@opentelemetry/api';
import { configure, getConfig } from '../configure.js';
import { createSpanBridge } from '../otel/bridge.js';
import { acquireSharedOtlp, captureContentFromEnv, installSharedBridge, setSpanBridge, sharedOtlpExporter } from '../otel/install.js';
import { buildOtlpProvider, loadOtlpModules } from '../otel/otlp-provider.js';
import { runtime } from '../runtime.js';
/**
 * Makes every recorded call an OpenTelemetry span too, through `@opentelemetry/api`, and switches
 * mode `events` to `dual` (our exporters keep receiving events; use mode `otel` for spans only).
 * Spans go to the registered tracer provider; a session that sampling left out makes no spans.
 *
 * @example
 * import { enableOpenTelemetry } from 'agent-trace/otel';
 * provider.register();   // your NodeTracerProvider, or the OpenTelemetry Node SDK
 * enableOpenTelemetry({ captureContent: false });
 */
export function enableOpenTelemetry(options = {}) {
    setSpanBridge(createSpanBridge(api, {
        captureContent: options.captureContent ?? captureContentFromEnv(),
        tracerName: options.tracerName,
        tracerProvider: options.tracerProvider,
    }));
    if (getConfig().mode === 'events')
        configure({ mode: 'dual' });
}
/**
 * Stops making OpenTelemetry spans: flushes live tracers (so spans already started are ended),
 * removes the bridge and switches mode `dual` or `otel` back to `events`.
 *
 * @example
 * await disableOpenTelemetry();
 */
export async function disableOpenTelemetry() {
    // Spans end on the batch side: flush first so those already started are not left open.
    await Promise.all(runtime.tracers.map((tracer) => tracer.flush?.()));
    setSpanBridge(undefined);
    const mode = getConfig().mode;
    if (mode === 'dual' || mode === 'otel')
        configure({ mode: 'events' });
}
const importModule = (id) => import(id);
/**
 * Sets up OTLP export from the standard variables (`OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`, `OTEL_EXPORTER_OTLP_PROTOCOL`):
 * a NodeTracerProvider with a BatchSpanProcessor and the OTLP exporter, registered globally
 * (context manager and propagators included), with agent-trace's spans sent to it. Needs
 * `@opentelemetry/sdk-trace-node` and `@opentelemetry/exporter-trace-otlp-http` installed.
 *
 * @example
 * // OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 OTEL_SERVICE_NAME=my-agent node agent.js
 * const provider = await setupOtlpFromEnv();
 * // ... at exit: await tracer.shutdown(); await provider.shutdown();
 */
export async function setupOtlpFromEnv(options = {}) {
    const provider = buildOtlpProvider(await loadOtlpModules(importModule), options);
    enableOpenTelemetry({ captureContent: options.captureContent, tracerName: options.tracerName, tracerProvider: provider });
    return provider;
}
/**
 * The `otlp` exporter of `AGENT_TRACE_EXPORTERS`: sets up OTLP from `OTEL_*` once per process and
 * returns an exporter whose `export` has nothing to do (spans go out live through the bridge),
 * whose `forceFlush` flushes the provider, and whose `shutdown` shuts it down when the last
 * tracer using it shuts down.
 *
 * @example
 * const tracer = new SessionTracer({ exporters: [await createOtlpExporterFromEnv(), new JsonlExporter()] });
 */
export async function createOtlpExporterFromEnv() {
    const modules = await loadOtlpModules(importModule);
    const shared = acquireSharedOtlp(() => {
        const provider = buildOtlpProvider(modules);
        return { provider, bridge: createSpanBridge(api, { captureContent: captureContentFromEnv(), tracerProvider: provider }), users: 0 };
    });
    installSharedBridge(shared);
    return sharedOtlpExporter(shared);
}
//# sourceMappingURL=otel.js.map