/**
 * `npm run bench`: runs every benchmark, each where it needs to run (a fresh child process for
 * load-time configuration, the no-AsyncLocalStorage check, heap measurements), writes
 * `benchmarks/results.json` and `benchmarks/README-table.md`, and exits non-zero naming each failed gate.
 *
 * Flags: `--quick` (fewer rounds and events: a smoke run, not for publishing);
 * `--only=core,workloads,memory,disabled,await,external` (a subset; gates of skipped parts fail).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreBenchResult } from './core.bench.js';
import type { MemoryBenchResult } from './memory.bench.js';
import type { WorkloadsBenchResult } from './workloads.bench.js';
import { runAwaitCheck } from './support/await-check.js';
import { cleanupChildren, progress, runChild } from './support/child.js';
import type { DisabledCheckResult } from './support/disabled-check.js';
import { evaluateGates, LIMITS } from './support/gates.js';
import { machineInfo } from './support/machine.js';
import { renderMarkdown, type ExternalResult, type SuiteResults } from './support/report.js';

const buildDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(buildDir, '..', '..');
const outDir = join(repoRoot, 'benchmarks');

/** The other areas' benchmarks: each exports an async `run*Bench()`; missing or failing ones are skipped. */
const EXTERNAL = ['redaction', 'stream', 'export', 'codemod'];
const PARTS = ['disabled', 'await', 'core', 'workloads', 'memory', 'external'] as const;

async function main(): Promise<number> {
  const started = performance.now();
  const quick = process.argv.includes('--quick');
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : PARTS);
  const results: SuiteResults = { machine: machineInfo(), suite: { seconds: 0, quick, loadAverageEnd: 0 }, external: {}, gates: [], errors: {} };
  progress(`${results.machine.cpuModel}, ${results.machine.cores} cores, Node ${results.machine.node}, load average ${results.machine.loadAverage1m}${quick ? ' (quick mode)' : ''}`);

  const attempt = async (part: string, fn: () => Promise<void>) => {
    if (!only.has(part)) return;
    const t0 = performance.now();
    try {
      await fn();
    } catch (error) {
      results.errors[part] = error instanceof Error ? error.message : String(error);
      progress(`${part} FAILED: ${results.errors[part]}`);
    }
    progress(`${part}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  await attempt('disabled', async () => {
    progress('disabled at load time: identity and AsyncLocalStorage');
    results.disabled = await runChild<DisabledCheckResult>(join(buildDir, 'support', 'disabled-check.js'), { env: { AGENT_TRACE_MODE: 'disabled' }, timeoutMs: 60_000 });
  });
  await attempt('await', async () => {
    progress('disabled at load time: promise-heavy loop, fresh processes');
    results.awaitCheck = await runAwaitCheck(buildDir, { pairs: quick ? 3 : 6, iterations: 30_000, reps: quick ? 7 : 15, limit: LIMITS.disabledAwaitSlowdown });
  });
  await attempt('core', async () => {
    progress('core microbenchmarks');
    results.core = await runChild<CoreBenchResult>(join(buildDir, 'core.bench.js'), {
      nodeFlags: ['--expose-gc'],
      env: quick ? { BENCH_ROUNDS: '3', BENCH_CPU_MS: '20' } : {},
      timeoutMs: 360_000,
    });
  });
  await attempt('workloads', async () => {
    progress('reference workloads');
    results.workloads = await runChild<WorkloadsBenchResult>(join(buildDir, 'workloads.bench.js'), { nodeFlags: ['--expose-gc'], env: quick ? { BENCH_PAIRS: '6' } : {}, timeoutMs: 360_000 });
  });
  await attempt('memory', async () => {
    progress('memory');
    results.memory = await runChild<MemoryBenchResult>(join(buildDir, 'memory.bench.js'), { nodeFlags: ['--expose-gc'], env: quick ? { BENCH_MEMORY_EVENTS: '100000' } : {}, timeoutMs: 360_000 });
  });
  await attempt('external', async () => {
    for (const name of EXTERNAL) {
      const file = join(buildDir, `${name}.bench.js`);
      if (!existsSync(file)) {
        results.external[name] = { status: 'skipped', reason: `benchmarks/${name}.bench.ts is not there` };
        continue;
      }
      progress(`${name} benchmark (other area)`);
      try {
        results.external[name] = { status: 'ok', ...(await runChild<Omit<ExternalResult, 'status'>>(join(buildDir, 'support', 'external.js'), { args: [file], timeoutMs: 240_000 })) };
      } catch (error) {
        results.external[name] = { status: 'skipped', reason: `failed: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' ')}` };
      }
    }
  });
  cleanupChildren();

  const identityFailures = results.disabled?.identity.filter((i) => !i.identical).map((i) => i.what) ?? [];
  const alsInDisabled = results.disabled ? results.disabled.als.created + results.disabled.als.enabled + (results.disabled.als.runtimeStorage ? 1 : 0) : 0;
  results.gates = evaluateGates({
    agentLoopOverhead: results.workloads?.agentLoop.overhead.median,
    sampledOutVsOff: results.workloads ? results.workloads.agentLoopSampledOut.overhead.median - results.workloads.agentLoopRuntimeOff.overhead.median : undefined,
    syncCostVsOtel: results.core?.cases['enabled-sync']?.costVsOtel?.median,
    asyncCostVsOtel: results.core?.cases['enabled-async']?.costVsOtel?.median,
    disabledIdentity: results.disabled ? { pass: identityFailures.length === 0 && results.disabled.sessionRan, failures: identityFailures } : undefined,
    disabledAwait: results.awaitCheck ? { slowdown: results.awaitCheck.slowdown.median, alsEnabled: results.awaitCheck.alsEnabledInDisabledChildren > 0 || alsInDisabled > 0 } : undefined,
    memoryHeapReturnBytes: results.memory && results.memory.dropped === 0 && results.memory.eventsExported === results.memory.events ? results.memory.heapReturnBytes : undefined,
  });
  results.suite = { seconds: Math.round((performance.now() - started) / 100) / 10, quick, loadAverageEnd: Math.round(loadavg()[0]! * 100) / 100 };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(join(outDir, 'README-table.md'), markdown);
  process.stdout.write(markdown);
  progress(`wrote benchmarks/results.json and benchmarks/README-table.md (${results.suite.seconds} s)`);

  const failed = results.gates.filter((g) => !g.pass);
  for (const g of failed) console.error(`bench: GATE FAILED ${g.id}: ${g.measured} (limit ${g.limit})`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
