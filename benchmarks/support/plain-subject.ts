/** `DisabledSubject#act`/`think` without decorators and without importing agent-trace: the promise-heavy baseline. */
export class PlainSubject {
  async think(x: number): Promise<number> {
    await null;
    return x & 3;
  }

  async act(x: number): Promise<number> {
    const a = await this.think(x);
    await null;
    return a + 1;
  }
}

/** The promise-heavy loop: `n` awaited calls, each awaiting another call and two more promises. */
export async function promiseLoop(subject: { act(x: number): Promise<number> }, n: number): Promise<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await subject.act(i);
  return sum;
}
