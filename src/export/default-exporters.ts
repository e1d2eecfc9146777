import type { AgentTraceConfig, ExporterName } from '../configure.js';
import { reportDiagnostic } from '../diagnostics.js';
import { ConsoleExporter } from './console.js';
import type { TraceExporter } from './exporter.js';
import { JsonlExporter } from './jsonl.js';
import { createOtlpExporterNow } from '../otel/install.js';
import type { TraceRecord } from './records.js';

/**
 * An exporter whose module loads on first use, so that heavy parts (DuckDB, OpenTelemetry)
 * stay out of the main import until the configuration asks for them.
 */
class LazyExporter implements TraceExporter {
  private loaded: Promise<TraceExporter | undefined> | undefined;

  constructor(
    readonly name: string,
    private readonly load: () => Promise<TraceExporter>,
  ) {}

  async export(records: readonly TraceRecord[]): Promise<void> {
    const exporter = await this.get();
    await exporter?.export(records);
  }

  async forceFlush(): Promise<void> {
    if (this.loaded !== undefined) await (await this.loaded)?.forceFlush?.();
  }

  async shutdown(): Promise<void> {
    if (this.loaded !== undefined) await (await this.loaded)?.shutdown?.();
  }

  private get(): Promise<TraceExporter | undefined> {
    return (this.loaded ??= this.load().catch((error: unknown) => {
      reportDiagnostic('exporter-unavailable', `the ${this.name} exporter could not be loaded; its records are dropped.`, error);
      return undefined;
    }));
  }
}

/** Set up at once: in `otel` mode nothing is ever exported through it, and the first calls need their spans. */
function otlpExporter(): TraceExporter {
  try {
    return createOtlpExporterNow();
  } catch (error) {
    reportDiagnostic('exporter-unavailable', 'the otlp exporter could not be set up; calls get no OpenTelemetry spans. Install @opentelemetry/api, @opentelemetry/sdk-trace-node and @opentelemetry/exporter-trace-otlp-http.', error);
    return { name: 'otlp', export() {} };
  }
}

const FACTORIES: Record<Exclude<ExporterName, 'none'>, () => TraceExporter> = {
  console: () => new ConsoleExporter(),
  jsonl: () => new JsonlExporter(),
  duckdb: () => new LazyExporter('duckdb', async () => new (await import('./duckdb.js')).DuckDBExporter()),
  otlp: () => otlpExporter(),
  http: () => new LazyExporter('http', async () => (await import('./http.js')).HttpExporter.fromEnv()),
};

/** The exporters the configuration names (`AGENT_TRACE_EXPORTERS`), built fresh. */
export function defaultExporters(config: Pick<AgentTraceConfig, 'exporters'>): TraceExporter[] {
  return config.exporters.filter((name): name is Exclude<ExporterName, 'none'> => name !== 'none').map((name) => FACTORIES[name]());
}
