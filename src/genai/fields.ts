/**
 * Small, total readers for untrusted SDK objects: each returns null (or a default)
 * instead of throwing, and none of them copies or walks deeper than one property.
 */

/** A non-null object (arrays included); the one check before every property read. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A finite number, or null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A non-empty string, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** `value[key]` when value is an object, else undefined; getters that throw give undefined. */
export function prop(value: unknown, key: string): unknown {
  if (!isObject(value)) return undefined;
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/** The first finite number among the candidates, or null. */
export function firstNum(...values: unknown[]): number | null {
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** Sum of the numbers that are present; null when none is. */
export function sumPresent(...values: Array<number | null | undefined>): number | null {
  let total: number | null = null;
  for (const value of values) {
    if (typeof value === 'number') total = (total ?? 0) + value;
  }
  return total;
}

/**
 * `value` as a property bag when it is an object, else undefined. Reads written as
 * `obj(x)?.name` are named loads with their own inline cache at each site, which keeps them
 * fast where a shared `prop(x, key)` would go megamorphic. Callers catch throwing getters.
 */
export function obj(value: unknown): any {
  return typeof value === 'object' && value !== null ? value : undefined;
}
