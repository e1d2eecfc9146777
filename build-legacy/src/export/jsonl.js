import AsyncLock from 'async-lock';
import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { getConfig } from '../configure.js';
import { AgentTraceError } from '../errors.js';
import { assembleSessions } from '../model/assemble-sessions.js';
/**
 * Appends each record as one JSON line as soon as its batch is exported: events while their
 * session runs, the session record when it ends. Appends never interleave.
 * `readJsonlSessions` rebuilds the sessions from the file.
 *
 * @example
 * const tracer = new SessionTracer({ exporters: [new JsonlExporter({ path: 'traces/run.jsonl' })] });
 */
export class JsonlExporter {
    constructor(options = {}) {
        this.name = 'jsonl';
        this.lock = new AsyncLock();
        if (options.path !== undefined && (typeof options.path !== 'string' || options.path.length === 0)) {
            throw new AgentTraceError('E_CONFIG', 'agent-trace: JsonlExporter option path must be a non-empty file path.');
        }
        this.path = options.path ?? join(getConfig().dir, 'traces.jsonl');
    }
    export(records) {
        if (records.length === 0)
            return Promise.resolve();
        let text = '';
        for (const record of records)
            text += JSON.stringify(record) + '\n';
        return this.lock.acquire('write', async () => {
            const handle = await this.open();
            await handle.write(text);
        });
    }
    forceFlush() {
        return this.lock.acquire('write', async () => {
            if (this.handle !== undefined)
                await (await this.handle).datasync();
        });
    }
    shutdown() {
        return this.lock.acquire('write', async () => {
            if (this.handle === undefined)
                return;
            const handle = await this.handle;
            this.handle = undefined;
            await handle.close();
        });
    }
    open() {
        if (this.handle === undefined) {
            this.handle = mkdir(dirname(this.path), { recursive: true }).then(() => open(this.path, 'a'));
            this.handle.catch(() => {
                this.handle = undefined;
            });
        }
        return this.handle;
    }
}
/**
 * Reads the records of a JSONL trace file, skipping (and counting) lines that are not whole
 * JSON records, such as a last line cut by a crash.
 */
export async function readJsonlRecords(path) {
    const records = [];
    let skippedLines = 0;
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
        if (line.trim() === '')
            continue;
        try {
            const record = JSON.parse(line);
            if (typeof record === 'object' && record !== null && typeof record.record_type === 'string')
                records.push(record);
            else
                skippedLines++;
        }
        catch {
            skippedLines++;
        }
    }
    return { records, skippedLines };
}
/**
 * Rebuilds every `SessionTrace` written to a JSONL trace file.
 *
 * @example
 * const sessions = await readJsonlSessions('traces/traces.jsonl');
 */
export async function readJsonlSessions(path) {
    return assembleSessions((await readJsonlRecords(path)).records);
}
//# sourceMappingURL=jsonl.js.map