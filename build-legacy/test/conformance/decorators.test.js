var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
// The transparency guarantees of DESIGN section 3, one test each. This file is compiled four
// times: tsc and esbuild, each with Stage-3 and with legacy (experimentalDecorators) decorators.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aiCall, configure, environmentStep, getInstrumentation, runtimeOperation, traceSpan } from '../../src/index.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { memoryTracer, named, settle, traced } from '../support/tracing.js';
const variant = (() => {
    const url = import.meta.url;
    const compiler = url.includes('/build-esbuild/') ? 'esbuild' : 'tsc';
    const standard = url.includes('/build-legacy/') || url.includes('/build-esbuild/legacy/') ? 'legacy' : 'stage-3';
    return `${compiler}, ${standard} decorators`;
})();
class WithResponsePromise extends Promise {
    withResponse() {
        return this.then((data) => ({ data, response: 'raw' }));
    }
}
const boom = new Error('boom');
class Subject {
    constructor() {
        this.pulls = 0;
        this.label = 'subject';
        this.arrowField = async (x) => x + this.label.length;
    }
    add(a, b) {
        return a + b + (this.label === 'subject' ? 0 : 1000);
    }
    throwsSync() {
        throw boom;
    }
    async asyncValue(x) {
        await settle();
        return x * 2;
    }
    async rejects(error) {
        await settle();
        throw error;
    }
    subclassPromise(value) {
        return new WithResponsePromise((resolve, reject) => setTimeout(() => (value instanceof Error ? reject(value) : resolve(value)), 1));
    }
    countArgs(a, b, c) {
        return arguments.length + (a === undefined && b === undefined && c === undefined ? 0 : 0);
    }
    self() {
        return this;
    }
    *numbers(limit) {
        for (let i = 0; i < limit; i++) {
            this.pulls++;
            yield i;
        }
    }
    *failing() {
        yield 1;
        throw boom;
    }
    async *asyncNumbers(limit) {
        for (let i = 0; i < limit; i++) {
            this.pulls++;
            await settle();
            yield i;
        }
    }
    stream(limit) {
        const owner = this;
        return {
            [Symbol.asyncIterator]() {
                let i = 0;
                return {
                    async next() {
                        owner.pulls++;
                        return i < limit ? { value: i++, done: false } : { value: undefined, done: true };
                    },
                };
            },
        };
    }
    badHooks(action) {
        return { observation: action, reward: 1, terminated: false, truncated: false, info: {} };
    }
    decoratedTwice() {
        return 'once';
    }
    recurse(depth) {
        return depth === 0 ? 0 : 1 + this.recurse(depth - 1);
    }
    static staticMethod(x) {
        return x + 1;
    }
    get computed() {
        return this.label.toUpperCase();
    }
}
__decorate([
    runtimeOperation
], Subject.prototype, "add", null);
__decorate([
    runtimeOperation()
], Subject.prototype, "throwsSync", null);
__decorate([
    aiCall({ name: 'asyncValue' })
], Subject.prototype, "asyncValue", null);
__decorate([
    aiCall
], Subject.prototype, "rejects", null);
__decorate([
    aiCall()
], Subject.prototype, "subclassPromise", null);
__decorate([
    traceSpan('args')
], Subject.prototype, "countArgs", null);
__decorate([
    traceSpan()
], Subject.prototype, "self", null);
__decorate([
    traceSpan({ kind: 'chain' })
], Subject.prototype, "numbers", null);
__decorate([
    traceSpan({ kind: 'chain' })
], Subject.prototype, "failing", null);
__decorate([
    traceSpan()
], Subject.prototype, "asyncNumbers", null);
__decorate([
    aiCall()
], Subject.prototype, "stream", null);
__decorate([
    environmentStep({ reward: () => { throw new Error('bad extractor'); }, stateAfter: () => { throw new Error('bad state hook'); } })
], Subject.prototype, "badHooks", null);
__decorate([
    traceSpan('twice'),
    traceSpan('twice-outer')
], Subject.prototype, "decoratedTwice", null);
__decorate([
    traceSpan('recursive')
], Subject.prototype, "recurse", null);
__decorate([
    traceSpan()
], Subject.prototype, "computed", null);
__decorate([
    aiCall({ name: 'arrowField' })
], Subject.prototype, "arrowField", void 0);
__decorate([
    runtimeOperation()
], Subject, "staticMethod", null);
async function unhandledProbe(tracing) {
    configure({ enabled: tracing === 'on' });
    const unhandled = [];
    process.on('unhandledRejection', (reason) => unhandled.push(reason.message));
    const subject = new Subject();
    const { memory, tracer } = memoryTracer();
    await tracer.session('probe', async () => {
        void subject.rejects(new Error('ignored'));
        subject.rejects(new Error('handled')).catch(() => undefined);
        void subject.subclassPromise(new Error('ignored subclass'));
        subject.subclassPromise(new Error('handled subclass')).catch(() => undefined);
        await settle(30);
    });
    await settle(30);
    await tracer.shutdown();
    const subclassUnhandled = unhandled.filter((m) => m.includes('subclass'));
    const errors = tracing === 'on' ? memory.events.filter((e) => e.status === 'error').length : 4;
    console.log(JSON.stringify({ unhandled: unhandled.filter((m) => !m.includes('subclass')), subclassUnhandled, ...(errors === 4 ? {} : { errors }) }));
}
if (process.env.AGENT_TRACE_UNHANDLED_PROBE)
    await unhandledProbe(process.env.AGENT_TRACE_UNHANDLED_PROBE);
else
    for (const tracing of ['on', 'off']) {
        describe(`decorator conformance (${variant}, tracing ${tracing})`, () => {
            before(() => configure({ enabled: tracing === 'on' }));
            after(() => configure({ enabled: true }));
            const expectEvents = (events, name, count) => {
                assert.equal(named(events, name).length, tracing === 'on' ? count : 0, `${name} events`);
            };
            it('keeps a sync method sync and returns the same value', async () => {
                const subject = new Subject();
                const { result, events } = await traced(() => {
                    const value = subject.add(2, 3);
                    assert.equal(typeof value, 'number');
                    return value;
                });
                assert.equal(result, 5);
                expectEvents(events, 'add', 1);
            });
            it('keeps a sync throw a sync throw of the very same error object', async () => {
                const subject = new Subject();
                const { events } = await traced(() => {
                    let caught;
                    try {
                        subject.throwsSync();
                    }
                    catch (error) {
                        caught = error;
                    }
                    assert.equal(caught, boom);
                });
                expectEvents(events, 'throwsSync', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'throwsSync')[0].status, 'error');
            });
            it('settles an async method with the same value', async () => {
                const subject = new Subject();
                const { result, events } = await traced(() => subject.asyncValue(21));
                assert.equal(result, 42);
                expectEvents(events, 'asyncValue', 1);
            });
            it('rejects an async method with the very same error object', async () => {
                const subject = new Subject();
                const error = new TypeError('nope');
                const { events } = await traced(async () => {
                    await assert.rejects(subject.rejects(error), (e) => e === error);
                });
                expectEvents(events, 'rejects', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'rejects')[0].error?.type, 'TypeError');
            });
            it('still reports a rejection the caller ignores as unhandled, and not one it handles', () => {
                // node:test turns unhandled rejections into failures, so the probe runs in a child process.
                const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { encoding: 'utf8', env: { ...process.env, AGENT_TRACE_UNHANDLED_PROBE: tracing } });
                assert.equal(child.status, 0, child.stderr);
                assert.deepEqual(JSON.parse(child.stdout.trim().split('\n').at(-1)), { unhandled: ['ignored'], subclassUnhandled: ['ignored subclass'] });
            });
            it('returns a promise subclass itself, so its own methods keep working', async () => {
                const subject = new Subject();
                const { result, events } = await traced(async () => {
                    const promise = subject.subclassPromise('hi');
                    assert.ok(promise instanceof WithResponsePromise);
                    return promise.withResponse();
                });
                assert.deepEqual(result, { data: 'hi', response: 'raw' });
                expectEvents(events, 'subclassPromise', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'subclassPromise')[0].output, 'hi');
            });
            it('preserves this', async () => {
                const subject = new Subject();
                await traced(() => {
                    assert.equal(subject.self(), subject);
                    const other = { label: 'other' };
                    assert.equal(Subject.prototype.add.call(other, 1, 1), 1002);
                });
            });
            it('preserves the arguments and arguments.length', async () => {
                const subject = new Subject();
                await traced(() => {
                    assert.equal(subject.countArgs(), 0);
                    assert.equal(subject.countArgs(undefined, undefined), 2);
                    assert.equal(subject.countArgs(1, 2, 3), 3);
                });
            });
            it('preserves fn.length and name', () => {
                assert.equal(Subject.prototype.add.length, 2);
                assert.equal(Subject.prototype.add.name, 'add');
                assert.equal(Subject.prototype.countArgs.length, 3);
                assert.equal(Subject.staticMethod.name, 'staticMethod');
                assert.equal(new Subject().arrowField.length, 1);
            });
            it('keeps a generator lazy and ends its span when it completes', async () => {
                const subject = new Subject();
                const { events } = await traced(() => {
                    const iterator = subject.numbers(3);
                    assert.equal(subject.pulls, 0);
                    assert.deepEqual(iterator.next(), { value: 0, done: false });
                    assert.equal(subject.pulls, 1);
                    assert.deepEqual([...iterator], [1, 2]);
                });
                expectEvents(events, 'numbers', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'numbers')[0].status, 'ok');
            });
            it('ends a generator span when the consumer breaks early', async () => {
                const subject = new Subject();
                const { events } = await traced(() => {
                    for (const n of subject.numbers(100))
                        if (n === 1)
                            break;
                    assert.equal(subject.pulls, 2);
                });
                expectEvents(events, 'numbers', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'numbers')[0].status, 'cancelled');
            });
            it('ends a generator span when the generator throws', async () => {
                const subject = new Subject();
                const { events } = await traced(() => {
                    assert.throws(() => [...subject.failing()], (e) => e === boom);
                });
                expectEvents(events, 'failing', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'failing')[0].status, 'error');
            });
            it('keeps an async generator lazy and ends its span on completion and on break', async () => {
                const subject = new Subject();
                const { events } = await traced(async () => {
                    const iterator = subject.asyncNumbers(3);
                    await settle(5);
                    assert.equal(subject.pulls, 0);
                    const seen = [];
                    for await (const n of iterator)
                        seen.push(n);
                    assert.deepEqual(seen, [0, 1, 2]);
                    for await (const n of subject.asyncNumbers(100))
                        if (n === 0)
                            break;
                    assert.equal(subject.pulls, 4);
                });
                expectEvents(events, 'asyncNumbers', 2);
                if (tracing === 'on')
                    assert.deepEqual(named(events, 'asyncNumbers').map((e) => e.status), ['ok', 'cancelled']);
            });
            it('observes a returned async iterable as it is consumed and never pulls ahead', async () => {
                const subject = new Subject();
                const { events } = await traced(async () => {
                    const stream = subject.stream(5);
                    await settle(5);
                    assert.equal(subject.pulls, 0);
                    const seen = [];
                    for await (const n of stream) {
                        seen.push(n);
                        assert.equal(subject.pulls, seen.length);
                    }
                    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
                });
                expectEvents(events, 'stream', 1);
                if (tracing === 'on')
                    assert.equal(named(events, 'stream')[0].status, 'ok');
            });
            it('keeps errors inside the toolkit away from user code', async () => {
                const subject = new Subject();
                const { result, events, diagnostics } = await traced(() => subject.badHooks(2));
                assert.deepEqual(result, { observation: 2, reward: 1, terminated: false, truncated: false, info: {} });
                expectEvents(events, 'badHooks', 1);
                if (tracing === 'on')
                    assert.ok(diagnostics.some((d) => d.code === 'hook-threw'));
            });
            it('records a method decorated twice once', async () => {
                const subject = new Subject();
                const { result, events } = await traced(() => subject.decoratedTwice());
                assert.equal(result, 'once');
                assert.equal(events.length, tracing === 'on' ? 1 : 0);
            });
            it('does not record a call again inside an identical span', async () => {
                const subject = new Subject();
                const { result, events } = await traced(() => subject.recurse(3));
                assert.equal(result, 3);
                expectEvents(events, 'recursive', 1);
            });
            it('instruments static methods, getters and function-valued fields', async () => {
                const subject = new Subject();
                const { events } = await traced(async () => {
                    assert.equal(Subject.staticMethod(1), 2);
                    assert.equal(subject.computed, 'SUBJECT');
                    assert.equal(await subject.arrowField(1), 8);
                });
                expectEvents(events, 'staticMethod', 1);
                expectEvents(events, 'computed', 1);
                expectEvents(events, 'arrowField', 1);
            });
            it('lists what the class instruments', () => {
                const members = getInstrumentation(Subject).map((e) => `${e.static ? 'static ' : ''}${e.member}:${e.kind}`).sort();
                for (const expected of ['add:runtime', 'asyncValue:cais', 'arrowField:cais', 'badHooks:environment', 'computed:span', 'numbers:span', 'static staticMethod:runtime']) {
                    assert.ok(members.includes(expected), `${expected} in ${members.join(', ')}`);
                }
                assert.deepEqual(getInstrumentation(new Subject()), getInstrumentation(Subject));
            });
        });
    }
//# sourceMappingURL=decorators.test.js.map