/**
 * Small, total readers for untrusted SDK objects: each returns null (or a default)
 * instead of throwing, and none of them copies or walks deeper than one property.
 */
/** A non-null object (arrays included); the one check before every property read. */
export function isObject(value) {
    return typeof value === 'object' && value !== null;
}
/** A finite number, or null. */
export function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/** A non-empty string, or null. */
export function str(value) {
    return typeof value === 'string' && value.length > 0 ? value : null;
}
/** `value[key]` when value is an object, else undefined; getters that throw give undefined. */
export function prop(value, key) {
    if (!isObject(value))
        return undefined;
    try {
        return value[key];
    }
    catch {
        return undefined;
    }
}
/** The first finite number among the candidates, or null. */
export function firstNum(...values) {
    for (const value of values) {
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
    }
    return null;
}
/** Sum of the numbers that are present; null when none is. */
export function sumPresent(...values) {
    let total = null;
    for (const value of values) {
        if (typeof value === 'number')
            total = (total ?? 0) + value;
    }
    return total;
}
//# sourceMappingURL=fields.js.map