// Globs for CI scripts that quote their patterns ('trunks/**/*.trunk.yaml'), so that the
// same command works whatever the shell. `*` and `?` stay within a path segment, `**` spans
// any number of them, `{a,b}` and `[abc]` as in shells.

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The leading segments without glob characters: where the walk starts. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    base.push(segment);
  }
  if (base.length === 0) return pattern.startsWith('/') ? '/' : '.';
  return base.join('/') || '/';
}

/** A RegExp matching whole `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole segments; a final `**` everything below.
          source += i + 2 === pattern.length ? '.*' : '(?:[^/]*/)*';
          i += 2;
          continue;
        }
      }
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      inGroup++;
      source += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      source += ')';
    } else if (c === ',' && inGroup > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^$()|\\}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
