import { toCaisFields } from '../genai/call-record.js';
import { readAiRequest } from '../genai/request.js';
import { readAiResponse } from '../genai/response.js';
import { createStreamAggregator } from '../genai/streams.js';
import { toEpochMs, now } from '../model/clock.js';
import { snapshot } from '../recorder/snapshot.js';
import { createDecorator, wrapFunction } from './decorate.js';
import { validateOptions } from './options.js';
import { makeSpec } from './spec.js';
const detailOf = (call) => call.detail;
function nearestAiAncestor(call) {
    for (let parent = call.parent; parent !== null; parent = parent.parent) {
        if (parent.spec.kind === 'cais')
            return parent;
    }
    return null;
}
function behaviour(options) {
    const hints = { model: options.model, provider: options.provider };
    const { extract, stateBefore, stateAfter } = options;
    return {
        start(call, self, args) {
            const detail = { request: null, response: null, args: extract ? [...args] : undefined, custom: null, counted: undefined };
            call.detail = detail;
            detail.request = readAiRequest(args, self, hints);
            if (stateBefore)
                call.guard('stateBefore', () => (call.stateBefore = snapshot(stateBefore(self), 16384)));
        },
        end(call, _self, result) {
            const detail = detailOf(call);
            detail.response = readAiResponse(result, detail.request);
            if (extract)
                call.guard('extract', () => (detail.custom = extract(detail.args ?? [], result) ?? null));
            // A wrapper returning what an inner @aiCall returned must not count the same usage twice.
            if (detail.counted !== undefined && (detail.counted.has(result) || (detail.response.response_id !== null && detail.counted.has(detail.response.response_id)))) {
                call.usageInChild = true;
            }
            const ancestor = nearestAiAncestor(call);
            if (ancestor !== null) {
                const counted = (detailOf(ancestor).counted ??= new Set());
                if (typeof result === 'object' && result !== null)
                    counted.add(result);
                if (detail.response.response_id !== null)
                    counted.add(detail.response.response_id);
            }
        },
        finally(call, self) {
            if (stateAfter)
                call.guard('stateAfter', () => (call.stateAfter = snapshot(stateAfter(self), 16384)));
        },
        observeStream(call) {
            const aggregator = createStreamAggregator(detailOf(call).request, toEpochMs(call.startMs));
            const detail = detailOf(call);
            return {
                onChunk(chunk) {
                    aggregator.onChunk(chunk, toEpochMs(now()));
                    detail.response = aggregator.result();
                },
            };
        },
        fields(call) {
            const detail = detailOf(call);
            const fields = { ...toCaisFields(detail.request, detail.response, { startedAt: toEpochMs(call.startMs), endedAt: toEpochMs(call.endMs) }, call.input) };
            if (detail.custom)
                Object.assign(fields, detail.custom);
            if (call.usageInChild) {
                Object.assign(fields, { input_tokens: null, output_tokens: null, total_tokens: null, cost_usd: null, call_records: [] });
            }
            fields.latency_ms = Math.round((call.endMs - call.startMs) * 1000) / 1000;
            fields.system_state_before = call.stateBefore;
            fields.system_state_after = call.stateAfter;
            return fields;
        },
    };
}
const validate = (options) => validateOptions('aiCall', options, { model: 'string', provider: 'string', extract: 'function', stateBefore: 'function', stateAfter: 'function' });
const aiSpec = (member, options) => makeSpec('cais', member, options, behaviour(options));
const decorator = createDecorator('aiCall', validate, aiSpec);
export function aiCall(...args) {
    return decorator(...args);
}
/**
 * The function form of `@aiCall`.
 *
 * @example
 * const complete = withAiCall({ name: 'complete' }, (prompt: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] }));
 */
export function withAiCall(options, fn) {
    const checked = validate(options);
    return wrapFunction('withAiCall', fn, aiSpec(fn.name || 'aiCall', checked));
}
//# sourceMappingURL=ai-call.js.map