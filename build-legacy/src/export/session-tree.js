/** Sums tokens, cost, reward and errors over a session's events. */
export function sessionTotals(session) {
    let inputTokens = 0;
    let outputTokens = 0;
    let cost = null;
    let reward = 0;
    let errors = 0;
    for (const event of session.event_history) {
        if (event.status === 'error')
            errors++;
        if (event.event_type === 'cais') {
            inputTokens += event.input_tokens ?? 0;
            outputTokens += event.output_tokens ?? 0;
            if (event.cost_usd !== null && event.cost_usd !== undefined)
                cost = (cost ?? 0) + event.cost_usd;
        }
        else if (event.event_type === 'environment' && typeof event.reward === 'number') {
            reward += event.reward;
        }
    }
    const durationMs = session.ended_at === null ? null : Date.parse(session.ended_at) - Date.parse(session.created_at);
    return { steps: session.session_time_steps.length, events: session.event_history.length, inputTokens, outputTokens, costUsd: cost, reward, errors, durationMs };
}
const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 10 ? 1 : 2)} ms`);
const usd = (value) => `$${value < 0.01 ? value.toFixed(6) : value.toFixed(4)}`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function describe(event, paint) {
    const parts = [`${paint.kind(event.event_type)} ${paint.bold(event.name)}`];
    switch (event.event_type) {
        case 'cais': {
            if (event.model_name)
                parts.push(event.model_name);
            if (event.input_tokens !== null || event.output_tokens !== null)
                parts.push(`${event.input_tokens ?? '?'}→${event.output_tokens ?? '?'} tokens`);
            if (event.cost_usd !== null && event.cost_usd !== undefined)
                parts.push(usd(event.cost_usd));
            const stream = event.call_records?.[0]?.stream;
            if (stream)
                parts.push(`${plural(stream.chunk_count, 'chunk')}${stream.time_to_first_chunk_ms !== null ? `, first after ${ms(stream.time_to_first_chunk_ms)}` : ''}`);
            break;
        }
        case 'environment':
            if (event.reward !== null)
                parts.push(`reward ${event.reward}`);
            if (event.terminated)
                parts.push('terminated');
            if (event.truncated)
                parts.push('truncated');
            break;
        case 'runtime':
            if (event.actions?.length)
                parts.push(plural(event.actions.length, 'action'));
            break;
        case 'span':
            if (event.span_kind && event.span_kind !== 'other')
                parts.push(`[${event.span_kind}]`);
            break;
    }
    parts.push(ms(event.duration_ms));
    if (event.status === 'error')
        parts.push(paint.error(`✗ ${event.error?.type ?? 'Error'}: ${event.error?.message ?? ''}`));
    if (event.status === 'cancelled')
        parts.push(paint.error('cancelled'));
    return parts.join(' · ');
}
const plain = { bold: (t) => t, kind: (t) => t, error: (t) => t, dim: (t) => t };
const ansi = {
    bold: (t) => `\x1b[1m${t}\x1b[22m`,
    kind: (t) => `\x1b[36m${t}\x1b[39m`,
    error: (t) => `\x1b[31m${t}\x1b[39m`,
    dim: (t) => `\x1b[2m${t}\x1b[22m`,
};
function renderEvents(events, prefix, lines, paint) {
    const ids = new Set(events.map((e) => e.span_id));
    const children = new Map();
    for (const event of events) {
        const parent = event.parent_span_id !== null && ids.has(event.parent_span_id) ? event.parent_span_id : null;
        let list = children.get(parent);
        if (list === undefined)
            children.set(parent, (list = []));
        list.push(event);
    }
    const walk = (parent, indent) => {
        const list = children.get(parent) ?? [];
        list.forEach((event, i) => {
            const last = i === list.length - 1;
            lines.push(`${indent}${last ? '└─ ' : '├─ '}${describe(event, paint)}`);
            walk(event.span_id, indent + (last ? '   ' : '│  '));
        });
    };
    walk(null, prefix);
}
/**
 * The readable tree of a session: its totals, then each timestep with its events nested by
 * parent span, then the events outside any timestep.
 *
 * @example
 * console.log(formatSessionTree(memory.sessions[0]));
 */
export function formatSessionTree(session, options = {}) {
    const paint = options.color ? ansi : plain;
    const totals = sessionTotals(session);
    const header = [
        `session ${paint.bold(session.session_id)}`,
        plural(totals.steps, 'step'),
        plural(totals.events, 'event'),
        totals.durationMs === null ? 'still open' : ms(totals.durationMs),
    ];
    if (totals.inputTokens || totals.outputTokens)
        header.push(`${totals.inputTokens}→${totals.outputTokens} tokens`);
    if (totals.costUsd !== null)
        header.push(usd(totals.costUsd));
    if (session.event_history.some((e) => e.event_type === 'environment'))
        header.push(`reward ${Math.round(totals.reward * 1e6) / 1e6}`);
    if (totals.errors)
        header.push(paint.error(plural(totals.errors, 'error')));
    const lines = [header.join(' · ')];
    const inSteps = new Set();
    const groups = [];
    for (const step of session.session_time_steps) {
        for (const event of step.events)
            inSteps.add(event.event_id);
        const duration = step.completed_at === null ? 'open' : ms(Date.parse(step.completed_at) - Date.parse(step.timestamp));
        groups.push({ title: `step ${step.step_index}${step.turn_number !== null && step.turn_number !== step.step_index ? ` · turn ${step.turn_number}` : ''} · ${plural(step.events.length, 'event')} · ${duration}`, events: step.events });
    }
    const outside = session.event_history.filter((e) => !inSteps.has(e.event_id));
    if (outside.length > 0)
        groups.push({ title: paint.dim('outside timesteps'), events: outside });
    groups.forEach((group, i) => {
        const last = i === groups.length - 1;
        lines.push(`${last ? '└─ ' : '├─ '}${group.title}`);
        renderEvents(group.events, last ? '   ' : '│  ', lines, paint);
    });
    return lines.join('\n');
}
//# sourceMappingURL=session-tree.js.map