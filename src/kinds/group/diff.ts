// Groups: matched by DisplayName (src/plan/match-names.ts has put a group found by a
// case-only difference or a previous name under its new name); the name and the
// description can change in place.
import type { LiveGroup } from '../../model/live.js';
import type { DesiredState, Group } from '../../model/types.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { GroupChange } from '../../plan/types.js';
import { compareAttribute } from '../../plan/diff/attributes.js';
import { diffByName, type DiffResult } from '../../plan/diff/result.js';

export function diffGroups(desired: DesiredState, live: NamedLive): DiffResult<GroupChange> {
  if (!desired.settings.manage.groups) return { changes: [], warnings: [] };
  return diffByName<Group, LiveGroup, GroupChange>({
    what: 'group',
    ignoreKey: 'groups',
    ignore: desired.settings.ignore.groups,
    desired: desired.groups,
    nameOf: (g) => g.name,
    live: live.groups,
    create: (g) => ({ kind: 'group', action: 'create', name: g.name, ...(g.description ? { description: g.description } : {}) }),
    update: (g, current) => {
      const changes: GroupChange[] = [];
      // the live object keeps its live name: a different one means the group is renamed
      if (current.name !== g.name) changes.push({ kind: 'group', action: 'rename', name: g.name, previousName: current.name });
      const description = compareAttribute('description', current.description, g.description);
      if (description) changes.push({ kind: 'group', action: 'update', name: g.name, attributes: [description] });
      return changes;
    },
    remove: (name) => ({ kind: 'group', action: 'delete', name }),
  });
}
