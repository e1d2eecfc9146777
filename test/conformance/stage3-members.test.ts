// Members only Stage-3 decorators can decorate: #private methods and auto-accessors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getInstrumentation, runtimeOperation, traceSpan } from '../../src/index.js';
import { named, traced } from '../support/tracing.js';

class Vault {
  @runtimeOperation()
  #open(code: number) {
    return code === 42;
  }

  @traceSpan('tryCode')
  tryCode(code: number) {
    return this.#open(code);
  }

  @traceSpan()
  accessor handler = (x: number) => x * 3;
}

describe(`stage-3 members (${import.meta.url.includes('/build-esbuild/') ? 'esbuild' : 'tsc'})`, () => {
  it('records #private methods nested under their caller', async () => {
    const { result, events } = await traced(() => new Vault().tryCode(42));
    assert.equal(result, true);
    const [open] = named(events, 'open');
    const [outer] = named(events, 'tryCode');
    assert.ok(open && outer);
    assert.equal(open.parent_span_id, outer.span_id);
  });

  it('records functions held by auto-accessors', async () => {
    const { result, events } = await traced(() => new Vault().handler(2));
    assert.equal(result, 6);
    assert.equal(named(events, 'handler').length, 1);
  });

  it('lists private members as private', () => {
    const open = getInstrumentation(Vault).find((e) => e.member === '#open');
    assert.equal(open?.private, true);
  });
});
