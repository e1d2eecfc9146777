const NULL_CELL = { cell: null, exact: true };
function toCell(type, value) {
    if (value === null || value === undefined)
        return NULL_CELL;
    switch (type) {
        case 'VARCHAR':
            return typeof value === 'string' ? { cell: value, exact: true } : { cell: null, exact: false };
        case 'DOUBLE':
            return typeof value === 'number' ? { cell: value, exact: true } : { cell: null, exact: false };
        case 'BOOLEAN':
            return typeof value === 'boolean' ? { cell: value, exact: true } : { cell: null, exact: false };
        case 'BIGINT':
            return Number.isSafeInteger(value) ? { cell: BigInt(value), exact: true } : { cell: null, exact: false };
        case 'TIMESTAMPTZ': {
            if (typeof value !== 'string')
                return { cell: null, exact: false };
            const ms = Date.parse(value);
            if (Number.isNaN(ms))
                return { cell: null, exact: false };
            // Timestamps keep their exact text when it is not the canonical ISO form the store reads back.
            return { cell: BigInt(ms) * 1000n, exact: new Date(ms).toISOString() === value };
        }
        case 'JSON':
            return { cell: JSON.stringify(value), exact: true };
    }
}
function fromCell(type, value) {
    if (value === null || value === undefined)
        return null;
    switch (type) {
        case 'BIGINT':
            return Number(value);
        case 'TIMESTAMPTZ':
            return new Date(Number(value.micros / 1000n)).toISOString();
        case 'JSON':
            return JSON.parse(value);
        default:
            return value;
    }
}
function contextCell(column, context) {
    switch (column.context) {
        case 'seq':
            return context.seq;
        case 'session_id':
            return context.session_id;
        case 'step_id':
            return context.step_id;
        case 'complete':
            return context.complete ?? true;
        default:
            return null;
    }
}
/**
 * Turns one stored object (an event, message, timestep or session) into a row of `table`.
 * `expected` lists the fields this kind of object has; `skip` lists fields stored elsewhere.
 */
export function encodeRow(table, source, expected, context, skip = []) {
    const extra = {};
    const fields = {};
    const mapped = new Set(skip);
    const row = new Array(table.columns.length);
    let extraIndex = -1;
    for (let i = 0; i < table.columns.length; i++) {
        const column = table.columns[i];
        if (column.context !== undefined) {
            if (column.context === 'extra')
                extraIndex = i;
            row[i] = contextCell(column, context);
        }
        else if (column.derive !== undefined) {
            row[i] = toCell(column.type, column.derive(source)).cell;
        }
        else if (column.field !== undefined) {
            const field = column.field;
            mapped.add(field);
            if (!Object.prototype.hasOwnProperty.call(source, field)) {
                row[i] = null;
                if (expected.includes(field))
                    (extra.absent ??= []).push(field);
                continue;
            }
            const value = source[field];
            if (value === undefined) {
                row[i] = null;
                (extra.undef ??= []).push(field);
                continue;
            }
            const converted = toCell(column.type, value);
            row[i] = converted.cell;
            if (!converted.exact || !expected.includes(field))
                fields[field] = value;
        }
    }
    for (const key of Object.keys(source)) {
        if (mapped.has(key))
            continue;
        const value = source[key];
        if (value === undefined)
            (extra.undef ??= []).push(key);
        else
            fields[key] = value;
    }
    for (const _ in fields) {
        extra.fields = fields;
        break;
    }
    if (extraIndex >= 0)
        row[extraIndex] = extra.fields || extra.absent || extra.undef ? JSON.stringify(extra) : null;
    return row;
}
/** Reads a row of `table` (as column name -> DuckDB value) back into the object it was written from. */
export function decodeRow(table, row, expected) {
    const target = {};
    let extra = null;
    for (const column of table.columns) {
        if (column.context === 'extra') {
            const raw = row[column.name];
            if (typeof raw === 'string')
                extra = JSON.parse(raw);
        }
        else if (column.field !== undefined) {
            const value = row[column.name];
            if (expected.includes(column.field) || (value !== null && value !== undefined)) {
                target[column.field] = fromCell(column.type, value);
            }
        }
    }
    if (extra !== null) {
        for (const key of extra.absent ?? [])
            delete target[key];
        for (const key of extra.undef ?? [])
            target[key] = undefined;
        if (extra.fields)
            Object.assign(target, extra.fields);
    }
    return target;
}
//# sourceMappingURL=duckdb-rows.js.map