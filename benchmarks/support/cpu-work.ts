import { performance } from 'node:perf_hooks';

let sink = 0;

/** Deterministic CPU work: `iterations` rounds of integer arithmetic the JIT cannot drop. */
export function burn(iterations: number): number {
  let x = sink | 0;
  for (let i = 0; i < iterations; i++) x = (Math.imul(x ^ i, 0x9e3779b1) + 0x7f4a7c15) | 0;
  sink = x;
  return x;
}

/**
 * How many `burn` iterations take about `microseconds` of CPU on this machine now: calibrated
 * once per process (fastest of several tries: the machine's own speed, not its load at that moment).
 */
export function calibrate(microseconds: number): number {
  let iterations = 1000;
  for (let i = 0; i < 3; i++) burn(100_000);
  const estimates: number[] = [];
  for (let attempt = 0; attempt < 9; attempt++) {
    const t0 = performance.now();
    burn(iterations * 100);
    const perIteration = (performance.now() - t0) / (iterations * 100);
    estimates.push(perIteration);
  }
  estimates.sort((a, b) => a - b);
  const msPerIteration = estimates[0]!;
  iterations = Math.max(1, Math.round(microseconds / 1000 / msPerIteration));
  return iterations;
}

/**
 * Real asynchronous waiting for about `ms`: the event loop turns (setImmediate) until the deadline,
 * as a model call awaits its socket. A deadline from the call's own start makes any overhead before
 * it show up in full (a `setTimeout(1)` timer counts from the loop's cached time and would hide it).
 */
export async function asyncWork(ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  do await new Promise<void>((resolve) => setImmediate(resolve));
  while (performance.now() < deadline);
}

/** Lets the event loop turn once (timers and immediates of the export pipeline run). */
export function turn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
