// Groups: matched by DisplayName; only the description can change.
import type { LiveGroup } from '../../model/live.js';
import type { DesiredState, Group } from '../../model/types.js';
import type { NamedLive } from '../live-names.js';
import type { GroupChange } from '../types.js';
import { compareAttribute } from './attributes.js';
import { diffByName, type DiffResult } from './result.js';

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
      const description = compareAttribute('description', current.description, g.description);
      return description ? [{ kind: 'group', action: 'update', name: g.name, attributes: [description] }] : [];
    },
    remove: (name) => ({ kind: 'group', action: 'delete', name }),
  });
}
