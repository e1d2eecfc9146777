// Records events into JSONL and DuckDB, then ends as argv[2] says: normally, by SIGTERM, or by an uncaught error.
// It never calls tracer.shutdown(): the exit flush must write what was recorded.
import { DuckDBExporter } from '../../../src/export/duckdb.js';
import { JsonlExporter, SessionTracer, withRuntimeOperation } from '../../../src/index.js';

const [, , how, dir] = process.argv;
const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path: `${dir}/traces.jsonl` }), new DuckDBExporter({ path: `${dir}/traces.duckdb` })], scheduledDelayMillis: 60_000 });
const tool = withRuntimeOperation({ name: 'tool' }, (i: number) => i);

void tracer.session('exiting', async () => {
  for (let i = 0; i < 25; i++) tool(i);
  if (how === 'sigterm') {
    setInterval(() => undefined, 1000); // keeps the process alive until the signal ends it
    process.kill(process.pid, 'SIGTERM');
    await new Promise(() => undefined);
  }
  if (how === 'uncaught') setTimeout(() => { throw new Error('agent crashed'); }, 1);
});
