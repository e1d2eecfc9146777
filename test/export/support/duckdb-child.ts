// Child process for the DuckDB store tests (not a test file itself).
//   open <path>            : tries to open the store, prints {"ok":true} or {"code","message","pid"} as JSON
//   hold <path>            : opens the store writable, prints "ready", keeps it open until killed or stdin closes
//   write-batches <path> N : writes batches of N events (one session each), printing "committed <i>" after each
import { TraceStore } from '../../../src/export/duckdb.js';
import { batchRecords } from './batches.js';

const [mode, path, arg] = process.argv.slice(2);

async function main(): Promise<void> {
  if (mode === 'open') {
    try {
      const store = await TraceStore.open(path);
      await store.close();
      process.stdout.write(JSON.stringify({ ok: true }) + '\n');
    } catch (error) {
      const e = error as { code?: string; message?: string; pid?: number; name?: string };
      process.stdout.write(JSON.stringify({ name: e.name, code: e.code, message: e.message, pid: e.pid }) + '\n');
    }
    return;
  }
  if (mode === 'hold') {
    const store = await TraceStore.open(path);
    process.stdout.write('ready\n');
    process.stdin.resume();
    process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
    return;
  }
  if (mode === 'write-batches') {
    const store = await TraceStore.open(path);
    const size = Number(arg);
    for (let i = 0; ; i++) {
      await store.write(batchRecords(i, size));
      process.stdout.write(`committed ${i}\n`);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + '\n');
  process.exit(1);
});
