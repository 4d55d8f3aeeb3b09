// "Did you mean" for names that do not resolve: a mistyped user, group, permission set,
// account, OU or schema key is answered with the closest name that does exist.
import { compareStrings } from './order.js';

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate `name` most likely meant, or undefined when none is close. Case is
 * ignored (a name differing only in case is the best match of all); a candidate is close
 * when at most a quarter of the name's characters (and at least 2) must change, and
 * fewer than all of them, so short names are not "corrected" into unrelated ones. Ties go
 * to the first candidate in code-unit order, so the answer never depends on input order.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.min(Math.max(2, Math.floor(wanted.length / 4)), wanted.length - 1);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && compareStrings(candidate, best.name) < 0)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** ` (did you mean "X"?)` for the closest candidate, or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}
