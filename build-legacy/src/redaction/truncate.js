/**
 * Cuts `text` so that it takes at most `maxBytes` bytes of UTF-8, marker included, never
 * splitting a character; the marker gives the original size (`originalBytes` when the text was
 * already masked): `…[TRUNCATED 20480 bytes]`. Returns `text` itself when it fits.
 *
 * @example
 * truncateUtf8('héllo wörld', 8); // a prefix of whole characters + '…[TRUNCATED 13 bytes]' when the budget allows
 */
export function truncateUtf8(text, maxBytes, originalBytes) {
    // Each UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 units).
    if (text.length * 3 <= maxBytes)
        return text;
    const total = Buffer.byteLength(text, 'utf8');
    if (total <= maxBytes)
        return text;
    const marker = truncationMarker(Math.max(total, originalBytes ?? 0));
    const budget = Math.max(0, maxBytes - Buffer.byteLength(marker, 'utf8'));
    return text.slice(0, utf8PrefixLength(text, budget)) + marker;
}
/**
 * The marker appended to a truncated string.
 *
 * @example
 * truncationMarker(20480); // '…[TRUNCATED 20480 bytes]'
 */
export function truncationMarker(originalBytes) {
    return `…[TRUNCATED ${originalBytes} bytes]`;
}
/**
 * Byte length of `text` in UTF-8.
 *
 * @example
 * utf8ByteLength('é'); // 2
 */
export function utf8ByteLength(text) {
    return text.length * 3 <= 64 && isAscii(text) ? text.length : Buffer.byteLength(text, 'utf8');
}
/** Number of UTF-16 units of the longest prefix of `text` that fits in `budget` UTF-8 bytes without splitting a character. */
function utf8PrefixLength(text, budget) {
    let bytes = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        let size;
        let units = 1;
        if (c < 0x80)
            size = 1;
        else if (c < 0x800)
            size = 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            size = 4;
            units = 2;
        }
        else
            size = 3;
        if (bytes + size > budget)
            break;
        bytes += size;
        i += units;
    }
    return i;
}
function isAscii(text) {
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) > 127)
            return false;
    return true;
}
//# sourceMappingURL=truncate.js.map