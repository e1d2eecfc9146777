import { aiCall, environmentStep, runtimeOperation, traceSpan } from '../../src/index.js';

/** The functions each decorator received, by member name: what a disabled decorator must leave in place. */
export const received = new Map<string, unknown>();

function capture(value: unknown, context: ClassMemberDecoratorContext): void {
  received.set(String(context.name), value);
}

function captureField<T>(_value: undefined, context: ClassFieldDecoratorContext<unknown, T>) {
  return (initial: T): T => {
    received.set(String(context.name), initial);
    return initial;
  };
}

/** Every placement the decorators support, decorated (`capture` sees the original function before our decorator). */
export class DisabledSubject {
  @aiCall
  @capture
  bare(x: number): number {
    return x + 1;
  }

  @aiCall({ systemId: 'planner' })
  @capture
  async think(x: number): Promise<number> {
    await null;
    return x & 3;
  }

  @environmentStep()
  @capture
  step(action: number) {
    return { observation: action, reward: 0, terminated: false, truncated: false, info: {} };
  }

  @runtimeOperation()
  @capture
  *gen(x: number): Generator<number> {
    yield x;
  }

  @traceSpan('episode')
  @capture
  async act(x: number): Promise<number> {
    const a = await this.think(x);
    await null;
    return a + 1;
  }

  @traceSpan({ kind: 'agent' })
  @capture
  static create(): DisabledSubject {
    return new DisabledSubject();
  }

  @runtimeOperation()
  @capture
  #secret(x: number): number {
    return x * 2;
  }

  @traceSpan()
  @capture
  get state(): number {
    return 1;
  }

  // Field initializers run outermost first: the capture sees the value before @aiCall's initializer.
  @captureField
  @aiCall()
  chat = async (prompt: string) => prompt.length;

  /** The private method as the instance sees it. */
  static secretOf(subject: DisabledSubject): Function {
    return subject.#secret;
  }
}
