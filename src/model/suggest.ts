// "Did you mean" for names that do not resolve: a mistyped user, group, permission set,
// account, OU or schema key is answered with the closest name that does exist.
import { compareStrings } from './order.js';

/**
 * Edit distance with adjacent transpositions (optimal string alignment): insertions,
 * deletions, substitutions and swaps of two neighbours each cost 1, so "exmaple" is one
 * typo away from "example", as a person would count it.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] as number) + 1, (row[j - 1] as number) + 1, (rows[i - 1]?.[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] as number;
}

/**
 * The candidate `name` most likely meant, or undefined when none is close. Case is
 * ignored (a name differing only in case is the best match of all); a candidate is close
 * when one typo in six characters (at least one, at most three) turns one into the other
 * and the typos change at most half of the part that differs, so that "zoe@example.com"
 * is not "corrected" into "bob@example.com". Ties go to the first candidate in code-unit
 * order, so the answer never depends on input order.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.min(Math.max(1, Math.floor(wanted.length / 6)), 3, wanted.length - 1);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance > limit || distance > Math.max(1, Math.floor(differingLength(wanted, candidate.toLowerCase()) / 2))) continue;
    if (!best || distance < best.distance || (distance === best.distance && compareStrings(candidate, best.name) < 0))
      best = { name: candidate, distance };
  }
  return best?.name;
}

/**
 * Length of the longer of the two parts that differ once the common start and end are
 * taken off: "zoe" and "bob" in zoe@example.com and bob@example.com. A typo changes at
 * most half of that part; a different name changes all of it.
 */
function differingLength(a: string, b: string): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return Math.max(a.length, b.length) - start - end;
}

/** ` (did you mean "X"?)` for the closest candidate, or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}
