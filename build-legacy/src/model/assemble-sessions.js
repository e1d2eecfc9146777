import { SCHEMA_VERSION } from './events.js';
const byStart = (a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0);
/**
 * Rebuilds whole `SessionTrace`s from records, in any order: each event goes into its timestep's
 * `events` and into the session's `event_history`, sorted by start. A session whose record never
 * came (still open, or its process crashed) is rebuilt from what there is, with `ended_at: null`
 * and `metadata.incomplete: true`.
 *
 * @example
 * const sessions = assembleSessions(memory.records);
 */
export function assembleSessions(records) {
    const bySession = new Map();
    const parts = (id) => {
        let found = bySession.get(id);
        if (found === undefined)
            bySession.set(id, (found = { session: undefined, steps: new Map(), events: [], messages: [] }));
        return found;
    };
    for (const record of records) {
        switch (record.record_type) {
            case 'session':
                parts(record.session.session_id).session = record.session;
                break;
            case 'timestep':
                parts(record.session_id).steps.set(record.timestep.step_id, record.timestep);
                break;
            case 'event':
                parts(record.session_id).events.push({ step_id: record.step_id, event: record.event });
                break;
            case 'message':
                parts(record.session_id).messages.push({ step_id: record.step_id, message: record.message });
                break;
        }
    }
    const sessions = [];
    for (const [id, { session, steps, events, messages }] of bySession) {
        const timesteps = new Map();
        for (const [stepId, step] of steps)
            timesteps.set(stepId, { ...step, events: [], markov_blanket_messages: [] });
        const stepFor = (stepId, at) => {
            if (stepId === null)
                return undefined;
            let step = timesteps.get(stepId);
            if (step === undefined) {
                step = { schema_version: SCHEMA_VERSION, step_id: stepId, step_index: -1, timestamp: at, turn_number: null, events: [], markov_blanket_messages: [], step_metadata: { incomplete: true }, completed_at: null };
                timesteps.set(stepId, step);
            }
            return step;
        };
        events.sort((a, b) => byStart(a.event, b.event));
        for (const { step_id, event } of events)
            stepFor(step_id, event.started_at)?.events.push(event);
        for (const { step_id, message } of messages)
            stepFor(step_id, new Date(message.time_record.event_time * 1000).toISOString())?.markov_blanket_messages.push(message);
        const ordered = [...timesteps.values()].sort((a, b) => a.step_index - b.step_index || (a.timestamp < b.timestamp ? -1 : 1));
        const base = session ?? {
            schema_version: SCHEMA_VERSION,
            session_id: id,
            created_at: events[0]?.event.started_at ?? ordered[0]?.timestamp ?? new Date(0).toISOString(),
            ended_at: null,
            session_time_steps: [],
            event_history: [],
            markov_blanket_message_history: [],
            metadata: { incomplete: true },
        };
        sessions.push({
            ...base,
            session_time_steps: ordered,
            event_history: events.map((e) => e.event),
            markov_blanket_message_history: messages.map((m) => m.message),
        });
    }
    return sessions.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}
//# sourceMappingURL=assemble-sessions.js.map