import type { StoreColumn, StoreColumnType, StoreTable } from './duckdb-schema.js';

/** A cell as the Appender takes it; TIMESTAMPTZ cells are epoch microseconds. */
export type StoreCell = null | string | number | bigint | boolean;

/** Values of the columns that come from around the stored object. */
export interface RowContext {
  seq: bigint;
  session_id: string | null;
  step_id: string | null;
  complete?: boolean;
}

/**
 * What a row needs besides its columns to be read back exactly: fields with no column (or whose
 * value the column cannot hold as written), expected fields that were absent, and fields that held
 * `undefined`. It is SQL NULL in the common case, so it costs nothing.
 */
interface Extra {
  fields?: Record<string, unknown>;
  absent?: string[];
  undef?: string[];
}

interface Converted {
  cell: StoreCell;
  exact: boolean;
}

const NULL_CELL: Converted = { cell: null, exact: true };

function toCell(type: StoreColumnType, value: unknown): Converted {
  if (value === null || value === undefined) return NULL_CELL;
  switch (type) {
    case 'VARCHAR':
      return typeof value === 'string' ? { cell: value, exact: true } : { cell: null, exact: false };
    case 'DOUBLE':
      return typeof value === 'number' ? { cell: value, exact: true } : { cell: null, exact: false };
    case 'BOOLEAN':
      return typeof value === 'boolean' ? { cell: value, exact: true } : { cell: null, exact: false };
    case 'BIGINT':
      return Number.isSafeInteger(value) ? { cell: BigInt(value as number), exact: true } : { cell: null, exact: false };
    case 'TIMESTAMPTZ': {
      if (typeof value !== 'string') return { cell: null, exact: false };
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return { cell: null, exact: false };
      // Timestamps keep their exact text when it is not the canonical ISO form the store reads back.
      return { cell: BigInt(ms) * 1000n, exact: new Date(ms).toISOString() === value };
    }
    case 'JSON':
      return { cell: JSON.stringify(value), exact: true };
  }
}

function fromCell(type: StoreColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'BIGINT':
      return Number(value as bigint);
    case 'TIMESTAMPTZ':
      return new Date(Number((value as { micros: bigint }).micros / 1000n)).toISOString();
    case 'JSON':
      return JSON.parse(value as string);
    default:
      return value;
  }
}

function contextCell(column: StoreColumn, context: RowContext): StoreCell {
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
export function encodeRow(
  table: StoreTable,
  source: Record<string, unknown>,
  expected: readonly string[],
  context: RowContext,
  skip: readonly string[] = [],
): StoreCell[] {
  const extra: Extra = {};
  const fields: Record<string, unknown> = {};
  const mapped = new Set<string>(skip);
  const row: StoreCell[] = new Array(table.columns.length);
  let extraIndex = -1;
  for (let i = 0; i < table.columns.length; i++) {
    const column = table.columns[i];
    if (column.context !== undefined) {
      if (column.context === 'extra') extraIndex = i;
      row[i] = contextCell(column, context);
    } else if (column.derive !== undefined) {
      row[i] = toCell(column.type, column.derive(source)).cell;
    } else if (column.field !== undefined) {
      const field = column.field;
      mapped.add(field);
      if (!Object.prototype.hasOwnProperty.call(source, field)) {
        row[i] = null;
        if (expected.includes(field)) (extra.absent ??= []).push(field);
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
      if (!converted.exact || !expected.includes(field)) fields[field] = value;
    }
  }
  for (const key of Object.keys(source)) {
    if (mapped.has(key)) continue;
    const value = source[key];
    if (value === undefined) (extra.undef ??= []).push(key);
    else fields[key] = value;
  }
  for (const _ in fields) {
    extra.fields = fields;
    break;
  }
  if (extraIndex >= 0) row[extraIndex] = extra.fields || extra.absent || extra.undef ? JSON.stringify(extra) : null;
  return row;
}

/** Reads a row of `table` (as column name -> DuckDB value) back into the object it was written from. */
export function decodeRow(table: StoreTable, row: Record<string, unknown>, expected: readonly string[]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  let extra: Extra | null = null;
  for (const column of table.columns) {
    if (column.context === 'extra') {
      const raw = row[column.name];
      if (typeof raw === 'string') extra = JSON.parse(raw) as Extra;
    } else if (column.field !== undefined) {
      const value = row[column.name];
      if (expected.includes(column.field) || (value !== null && value !== undefined)) {
        target[column.field] = fromCell(column.type, value);
      }
    }
  }
  if (extra !== null) {
    for (const key of extra.absent ?? []) delete target[key];
    for (const key of extra.undef ?? []) target[key] = undefined;
    if (extra.fields) Object.assign(target, extra.fields);
  }
  return target;
}
