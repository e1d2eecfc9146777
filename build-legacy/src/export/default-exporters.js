import { reportDiagnostic } from '../diagnostics.js';
import { ConsoleExporter } from './console.js';
import { JsonlExporter } from './jsonl.js';
/**
 * An exporter whose module loads on first use, so that heavy parts (DuckDB, OpenTelemetry)
 * stay out of the main import until the configuration asks for them.
 */
class LazyExporter {
    constructor(name, load) {
        this.name = name;
        this.load = load;
    }
    async export(records) {
        const exporter = await this.get();
        await exporter?.export(records);
    }
    async forceFlush() {
        if (this.loaded !== undefined)
            await (await this.loaded)?.forceFlush?.();
    }
    async shutdown() {
        if (this.loaded !== undefined)
            await (await this.loaded)?.shutdown?.();
    }
    get() {
        return (this.loaded ??= this.load().catch((error) => {
            reportDiagnostic('exporter-unavailable', `the ${this.name} exporter could not be loaded; its records are dropped.`, error);
            return undefined;
        }));
    }
}
const FACTORIES = {
    console: () => new ConsoleExporter(),
    jsonl: () => new JsonlExporter(),
    duckdb: () => new LazyExporter('duckdb', async () => new (await import('./duckdb.js')).DuckDBExporter()),
    otlp: () => new LazyExporter('otlp', async () => (await import('./otel.js')).createOtlpExporterFromEnv()),
    http: () => new LazyExporter('http', async () => (await import('./http.js')).HttpExporter.fromEnv()),
};
/** The exporters the configuration names (`AGENT_TRACE_EXPORTERS`), built fresh. */
export function defaultExporters(config) {
    return config.exporters.filter((name) => name !== 'none').map((name) => FACTORIES[name]());
}
//# sourceMappingURL=default-exporters.js.map