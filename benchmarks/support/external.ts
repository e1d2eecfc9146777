/**
 * Child process: runs another area's benchmark module (argv[2], a path) by calling its exported
 * `run*Bench()` function, and hands back what it returned.
 */
import { pathToFileURL } from 'node:url';
import { emitResult } from './child.js';

const file = process.argv[2];
if (file === undefined) throw new Error('external: pass the benchmark module path');
const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
const name = Object.keys(module).find((key) => /^run\w*Bench$/.test(key) && typeof module[key] === 'function');
if (name === undefined) throw new Error(`${file} exports no run*Bench() function`);
const started = performance.now();
const results = await (module[name] as () => Promise<unknown>)();
emitResult({ function: name, seconds: Math.round((performance.now() - started) / 10) / 100, results });
