// Glob patterns of settings.ignore: `*` matches any run of characters, `?` one character,
// everything else matches itself (case-sensitive, like Identity Center names).

export function globToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

export function matchesGlob(name: string, pattern: string): boolean {
  return globToRegExp(pattern).test(name);
}

/** Whether any of the patterns matches the name. */
export function matchesAnyGlob(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesGlob(name, p));
}
