// A group change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { GroupChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyGroupChange(c: GroupChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  switch (c.action) {
    case 'create':
      return ids.addGroup(c.name, await w.createGroup(c.name, c.description));
    case 'update':
      return w.updateGroup(ids.groupId(c.name), c.attributes);
    case 'rename':
      return renameGroup(c, ids, w);
    case 'delete':
      return w.deleteGroup(ids.deletable(ids.groupId(c.name)));
    default:
      return assertNever(c, 'group change');
  }
}

/** UpdateGroup of displayName keeps the id (and so the members and access); from then on
 *  the group answers to its new name. */
async function renameGroup(c: Extract<GroupChange, { action: 'rename' }>, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  const id = ids.groupId(c.previousName);
  await w.updateGroup(id, [{ field: 'displayName', before: c.previousName, after: c.name }]);
  ids.renameGroup(c.previousName, c.name);
}
