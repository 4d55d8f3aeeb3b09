// settings.ignore patterns: `*` matches any run of characters, `?` exactly one; the
// rest is literal and case-sensitive (Identity Center names are case-sensitive). Shared
// by the loader (a pattern that hides a declared object), the diff and extract.

const cache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    cache.set(pattern, re);
  }
  return re;
}

export function matchesGlob(name: string, pattern: string): boolean {
  return globToRegExp(pattern).test(name);
}

export function matchesAnyGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesGlob(name, p));
}
