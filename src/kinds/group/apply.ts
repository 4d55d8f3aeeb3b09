// A group change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { GroupChange } from '../../plan/types.js';

export async function applyGroupChange(c: GroupChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  if (c.action === 'create') ids.addGroup(c.name, await w.createGroup(c.name, c.description));
  else if (c.action === 'update') await w.updateGroup(ids.groupId(c.name), c.attributes);
  else if (c.action === 'rename') await renameGroup(c, ids, w);
  else await w.deleteGroup(ids.deletable(ids.groupId(c.name)));
}

/** UpdateGroup of displayName keeps the id (and so the members and access); from then on
 *  the group answers to its new name. */
async function renameGroup(c: Extract<GroupChange, { action: 'rename' }>, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  const id = ids.groupId(c.previousName);
  await w.updateGroup(id, [{ field: 'displayName', before: c.previousName, after: c.name }]);
  ids.renameGroup(c.previousName, c.name);
}
