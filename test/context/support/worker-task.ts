import { workerData } from 'node:worker_threads';
import { JsonlExporter, runWithContext, SessionTracer, withRuntimeOperation } from '../../../src/index.js';

const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path: workerData.path })] });
const remoteTool = withRuntimeOperation({ name: 'remote-tool' }, async (query: string) => query.length);
await runWithContext(workerData.context, () => remoteTool('from the worker'));
await tracer.shutdown();
