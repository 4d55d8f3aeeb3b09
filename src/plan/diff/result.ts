// What each per-kind diff returns: the changes, and warnings about what it left alone.
import { matchesAnyGlob } from '../../model/glob.js';
import type { Change } from '../types.js';

export interface DiffResult<C extends Change = Change> {
  changes: C[];
  warnings: string[];
}

/**
 * The create / update / delete skeleton every named kind shares (users by userName, groups
 * and permission sets by name): objects matching an `ignore` pattern are left alone on both
 * sides, a desired object missing live is created, one present is compared, and a live
 * object the files do not name is deleted.
 */
export interface NamedDiff<D, L, C extends Change> {
  /** "user", "group", "permission set": for the warning about ignored objects */
  what: string;
  /** "users", "groups", "permissionSets": the settings.ignore key */
  ignoreKey: string;
  ignore: readonly string[];
  desired: readonly D[];
  nameOf(item: D): string;
  live: ReadonlyMap<string, L>;
  create(item: D): C;
  /** The changes that bring `current` to `item` (none when they match). */
  update(item: D, current: L): C[];
  remove(name: string): C;
}

export function diffByName<D, L, C extends Change>(spec: NamedDiff<D, L, C>): DiffResult<C> {
  const result: DiffResult<C> = { changes: [], warnings: [] };
  const ignored = (name: string) => matchesAnyGlob(name, spec.ignore);
  const wanted = new Set<string>();
  for (const item of spec.desired) {
    const name = spec.nameOf(item);
    if (ignored(name)) {
      result.warnings.push(`${spec.what} "${name}" matches settings.ignore.${spec.ignoreKey}; it is left alone`);
      continue;
    }
    wanted.add(name);
    const current = spec.live.get(name);
    if (current === undefined) result.changes.push(spec.create(item));
    else result.changes.push(...spec.update(item, current));
  }
  for (const name of spec.live.keys()) {
    if (!wanted.has(name) && !ignored(name)) result.changes.push(spec.remove(name));
  }
  return result;
}
