/**
 * Turns a glob (`**`, `*`, `?`, `{a,b}`, `[abc]`) into a RegExp over forward-slash paths.
 * A pattern without a slash matches the base name anywhere (like .gitignore); a pattern
 * naming a directory also matches everything below it.
 *
 * @example
 * globToRegExp('packages/*\/src/**').test('packages/a/src/x.ts'); // true
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = pattern.includes('/') && !pattern.startsWith('**/');
  if (pattern.endsWith('/')) pattern += '**';
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { inBraces++; re += '(?:'; }
    else if (c === '}' && inBraces > 0) { inBraces--; re += ')'; }
    else if (c === ',' && inBraces > 0) re += '|';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else { re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = end; }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${re}(?:/.*)?$`);
}

/** True when the relative path matches any of the globs. */
export function matchesAnyGlob(relativePath: string, globs: readonly RegExp[]): boolean {
  return globs.some((re) => re.test(relativePath));
}

/** True when a simple name glob (`*`, `?`) matches a name exactly. */
export function matchesNameGlob(glob: string, name: string): boolean {
  if (!/[*?]/.test(glob)) return glob === name;
  const re = new RegExp(`^${glob.replace(/[.+^$(){}|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}
