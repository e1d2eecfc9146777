import type { TracerProvider } from '@opentelemetry/api';
import { reportDiagnostic } from '../diagnostics.js';

type SdkModule = typeof import('@opentelemetry/sdk-trace-node');
type ResourcesModule = typeof import('@opentelemetry/resources');
type SpanExporterClass = new (config?: Record<string, unknown>) => import('@opentelemetry/sdk-trace-node').SpanExporter;

/** A tracer provider that sends spans to an OTLP endpoint; `shutdown` flushes what is buffered. */
export interface OtlpTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Options of the OTLP set-up; everything else comes from the standard `OTEL_*` variables. */
export interface OtlpSetupOptions {
  /** The traces endpoint, e.g. `http://localhost:4318/v1/traces`. Default: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url?: string;
  /** Extra HTTP headers. Default: `OTEL_EXPORTER_OTLP_HEADERS`. */
  headers?: Record<string, string>;
  /** Register the provider as the global one, with the AsyncLocalStorage context manager and W3C propagators. Default true. */
  register?: boolean;
  /** BatchSpanProcessor limits. Default: `OTEL_BSP_*`. */
  batch?: { maxQueueSize?: number; maxExportBatchSize?: number; scheduledDelayMillis?: number; exportTimeoutMillis?: number };
}

/** The modules an OTLP set-up is built from, loaded by the caller (synchronously or not). */
export interface OtlpModules {
  sdk: SdkModule;
  exporter: SpanExporterClass;
  resources: ResourcesModule | undefined;
}

const SDK = '@opentelemetry/sdk-trace-node';
const RESOURCES = '@opentelemetry/resources';
const EXPORTERS: Record<string, { id: string; name: string }> = {
  'http/json': { id: '@opentelemetry/exporter-trace-otlp-http', name: 'OTLPTraceExporter' },
  'http/protobuf': { id: '@opentelemetry/exporter-trace-otlp-proto', name: 'OTLPTraceExporter' },
  grpc: { id: '@opentelemetry/exporter-trace-otlp-grpc', name: 'OTLPTraceExporter' },
};

/** The OTLP protocol asked for by `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL`, or undefined. */
export function requestedProtocol(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL;
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim().toLowerCase();
}

/** Exporter packages to try, in order: the requested protocol first, then OTLP/HTTP with JSON. */
function exporterCandidates(protocol: string | undefined): Array<{ id: string; name: string }> {
  const preferred = protocol === undefined ? undefined : EXPORTERS[protocol];
  const json = EXPORTERS['http/json']!;
  if (preferred === undefined || preferred === json) return protocol === undefined ? [json, EXPORTERS['http/protobuf']!] : [json];
  return [preferred, json];
}

/** Loads the SDK, an OTLP exporter for the requested protocol and (if present) the resources package, without waiting. */
export function loadOtlpModulesSync(load: (id: string) => unknown): OtlpModules {
  const protocol = requestedProtocol();
  const sdk = load(SDK) as SdkModule;
  let exporter: SpanExporterClass | undefined;
  const failures: unknown[] = [];
  for (const candidate of exporterCandidates(protocol)) {
    try {
      exporter = (load(candidate.id) as Record<string, SpanExporterClass>)[candidate.name];
      if (exporter !== undefined) {
        reportFallback(protocol, candidate.id, failures[0]);
        break;
      }
    } catch (error) {
      failures.push(error);
    }
  }
  if (exporter === undefined) throw missingExporter(protocol, failures[0]);
  let resources: ResourcesModule | undefined;
  try {
    resources = load(RESOURCES) as ResourcesModule;
  } catch {
    resources = undefined;
  }
  return { sdk, exporter, resources };
}

/** Like `loadOtlpModulesSync`, with an asynchronous loader (dynamic `import`): loads every candidate first, then decides the same way. */
export async function loadOtlpModules(load: (id: string) => Promise<unknown>): Promise<OtlpModules> {
  const ids = [SDK, ...exporterCandidates(requestedProtocol()).map((candidate) => candidate.id), RESOURCES];
  const loaded = new Map<string, { module?: unknown; error?: unknown }>();
  for (const id of ids) {
    try {
      loaded.set(id, { module: await load(id) });
    } catch (error) {
      loaded.set(id, { error });
    }
  }
  return loadOtlpModulesSync((id) => {
    const entry = loaded.get(id);
    if (entry === undefined || 'error' in entry) throw entry?.error ?? new Error(`${id} was not loaded`);
    return entry.module;
  });
}

function reportFallback(protocol: string | undefined, used: string, failure: unknown): void {
  if (protocol === undefined || EXPORTERS[protocol]?.id === used) return;
  const wanted = EXPORTERS[protocol]?.id;
  reportDiagnostic(
    'otlp-protocol-fallback',
    wanted === undefined
      ? `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not one of http/json, http/protobuf, grpc; spans are sent as OTLP/HTTP JSON.`
      : `OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} needs ${wanted}, which is not installed (npm install ${wanted}); spans are sent as OTLP/HTTP JSON instead.`,
    failure,
  );
}

function missingExporter(protocol: string | undefined, cause: unknown): Error {
  const id = (protocol !== undefined ? EXPORTERS[protocol]?.id : undefined) ?? EXPORTERS['http/json']!.id;
  return new Error(`agent-trace: OTLP export needs ${SDK} and ${id}; install them (npm install ${SDK} ${id}).`, { cause });
}

/**
 * Builds a tracer provider with a BatchSpanProcessor and the OTLP exporter; endpoint, headers,
 * timeouts, sampler and `service.name` come from the standard `OTEL_*` variables.
 */
export function buildOtlpProvider(modules: OtlpModules, options: OtlpSetupOptions = {}): OtlpTracerProvider {
  const { sdk, exporter: Exporter, resources } = modules;
  const exporterConfig: Record<string, unknown> = {};
  if (options.url !== undefined) exporterConfig.url = options.url;
  if (options.headers !== undefined) exporterConfig.headers = options.headers;
  const exporter = new Exporter(exporterConfig);
  const config: ConstructorParameters<SdkModule['NodeTracerProvider']>[0] = { spanProcessors: [new sdk.BatchSpanProcessor(exporter, options.batch)] };
  if (resources !== undefined) {
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES: the SDK's default resource does not read them.
    config.resource = resources.defaultResource().merge(resources.detectResources({ detectors: [resources.envDetector] }));
  } else if (process.env.OTEL_SERVICE_NAME || process.env.OTEL_RESOURCE_ATTRIBUTES) {
    reportDiagnostic('otel-resources-missing', `${RESOURCES} could not be loaded, so OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are not applied; install it.`);
  }
  const provider = new sdk.NodeTracerProvider(config);
  if (options.register !== false) provider.register();
  return provider;
}
