// Groups: matched by DisplayName; only the description can change.
import type { DesiredState } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import type { NamedLive } from '../live-names.js';
import type { GroupChange } from '../types.js';
import { compareAttribute } from './attributes.js';
import type { DiffResult } from './result.js';

export function diffGroups(desired: DesiredState, live: NamedLive): DiffResult<GroupChange> {
  const result: DiffResult<GroupChange> = { changes: [], warnings: [] };
  if (!desired.settings.manage.groups) return result;
  const ignore = desired.settings.ignore.groups;
  const wanted = new Set<string>();
  for (const group of desired.groups) {
    if (matchesAnyGlob(group.name, ignore)) {
      result.warnings.push(`group "${group.name}" matches settings.ignore.groups; it is left alone`);
      continue;
    }
    wanted.add(group.name);
    const current = live.groups.get(group.name);
    if (!current) {
      const description = group.description === '' ? undefined : group.description;
      result.changes.push({ kind: 'group', action: 'create', name: group.name, ...(description !== undefined ? { description } : {}) });
      continue;
    }
    const description = compareAttribute('description', current.description, group.description);
    if (description) result.changes.push({ kind: 'group', action: 'update', name: group.name, attributes: [description] });
  }
  for (const name of live.groups.keys()) {
    if (!wanted.has(name) && !matchesAnyGlob(name, ignore)) result.changes.push({ kind: 'group', action: 'delete', name });
  }
  return result;
}
