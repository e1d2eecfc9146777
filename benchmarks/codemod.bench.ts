import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What one run of the codemod benchmark measured. */
export interface CodemodBenchResult {
  name: 'codemod-dry-run';
  files: number;
  methods: number;
  decoratorsAdded: number;
  /** Wall time of `runCodemod({ dir })` (a dry run with type info), in the child process. */
  dryRunMs: number;
  /** Wall time of the whole child process: Node start, loading ts-morph's TypeScript, the dry run. */
  processMs: number;
  /** Peak resident set size of the child process (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
  targetMs: number;
  targetRssMb: number;
  withinTarget: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One generated source file: a class of `methods` members, of a kind that depends on `i`. */
function sourceFile(i: number, methods: number): string {
  const kind = i % 4;
  const lines: string[] = [];
  if (kind === 0) {
    lines.push(`import OpenAI from 'openai';`, `import { helper${i % 7} } from '../shared/helpers.js';`, '');
    lines.push(`export class Agent${i} {`, `  private client = new OpenAI({ apiKey: 'bench' });`, '');
    for (let m = 0; m < methods; m++) {
      if (m === 0) lines.push(`  async run(task: string) {`, `    const a = await this.think${1}(task);`, `    return helper${i % 7}(a);`, `  }`, '');
      else if (m % 3 === 1) lines.push(`  async think${m}(prompt: string) {`, `    const res = await this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });`, `    return res.choices[0]?.message.content ?? '';`, `  }`, '');
      else lines.push(`  format${m}(value: string) {`, `    return value.trim().toUpperCase() + ${m};`, `  }`, '');
    }
  } else if (kind === 1) {
    lines.push(`export interface Environment${i} { reset(): number; step(action: number): { reward: number } }`, '');
    lines.push(`export class World${i} implements Environment${i} {`, `  private state = 0;`, '');
    for (let m = 0; m < methods; m++) {
      if (m === 0) lines.push(`  reset() {`, `    this.state = 0;`, `    return this.state;`, `  }`, '');
      else if (m === 1) lines.push(`  step(action: number) {`, `    this.state += action;`, `    return { reward: this.state };`, `  }`, '');
      else lines.push(`  observe${m}() {`, `    return this.state * ${m};`, `  }`, '');
    }
  } else if (kind === 2) {
    lines.push(`import { readFile } from 'node:fs/promises';`, '');
    lines.push(`export class SearchTools${i} {`);
    for (let m = 0; m < methods; m++) lines.push(`  async lookup${m}(query: string) {`, `    return m${m}(query);`, `  }`, '');
    lines.push(`}`, '', `function m0(q: string) { return readFile(q, 'utf8'); }`);
    for (let m = 1; m < methods; m++) lines.push(`function m${m}(q: string) { return q + ${m}; }`);
    return `${lines.join('\n')}\n`;
  } else {
    lines.push(`export class Util${i} {`);
    for (let m = 0; m < methods; m++) lines.push(`  compute${m}(a: number, b: number): number {`, `    const c = a * ${m} + b;`, `    return c > 10 ? c - 10 : c;`, `  }`, '');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Writes a repository of `files` files with `methodsPerFile` methods each into a new temp dir. */
export function generateBenchRepo(files = 1000, methodsPerFile = 10): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'agent-trace-codemod-bench-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-repo', private: true, type: 'module' }));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] },
    include: ['src'],
  }));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules', 'openai'), path.join(dir, 'node_modules', 'openai'), 'dir');
  mkdirSync(path.join(dir, 'src', 'shared'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'shared', 'helpers.ts'), Array.from({ length: 7 }, (_, k) => `export function helper${k}(s: string) { return s + ${k}; }\n`).join(''));
  for (let i = 0; i < files - 1; i++) {
    const sub = path.join(dir, 'src', `module${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `file${i}.ts`), sourceFile(i, methodsPerFile));
  }
  return dir;
}

const CHILD = `
import { runCodemod } from ${JSON.stringify(new URL('../codemods/index.js', import.meta.url).href)};
const start = performance.now();
const result = await runCodemod({ dir: process.argv[1] });
const dryRunMs = performance.now() - start;
process.stdout.write(JSON.stringify({ dryRunMs, maxRssKb: process.resourceUsage().maxRSS, added: result.counts.added, files: result.counts.files }));
`;

/**
 * Generates a repository of 1,000 files and 10,000 methods, runs the codemod's dry run on it in a
 * child process (so that peak RSS is the codemod's own) and returns time and memory.
 *
 * @example
 * const r = await runCodemodBench();
 * console.log(`${r.dryRunMs} ms, ${r.peakRssMb} MB`);
 */
export async function runCodemodBench(options: { files?: number; methodsPerFile?: number } = {}): Promise<CodemodBenchResult> {
  const files = options.files ?? 1000;
  const methodsPerFile = options.methodsPerFile ?? 10;
  const dir = generateBenchRepo(files, methodsPerFile);
  try {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const processMs = Math.round(performance.now() - started);
    const child = JSON.parse(out) as { dryRunMs: number; maxRssKb: number; added: number; files: number };
    const peakRssMb = Math.round(child.maxRssKb / 1024);
    const dryRunMs = Math.round(child.dryRunMs);
    return {
      name: 'codemod-dry-run',
      files: child.files,
      methods: (files - 1) * methodsPerFile,
      decoratorsAdded: child.added,
      dryRunMs,
      processMs,
      peakRssMb,
      targetMs: 5000,
      targetRssMb: 500,
      withinTarget: processMs < 5000 && peakRssMb < 500,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runCodemodBench();
  console.log(`codemod dry run: ${r.files} files, ${r.methods} methods, ${r.decoratorsAdded} decorators to add`);
  console.log(`  dry run ${r.dryRunMs} ms, whole process ${r.processMs} ms (target < ${r.targetMs} ms), peak RSS ${r.peakRssMb} MB (target < ${r.targetRssMb} MB): ${r.withinTarget ? 'within target' : 'OVER TARGET'}`);
}
