// A user change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { UserChange } from '../../plan/types.js';

export async function applyUserChange(c: UserChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  if (c.action === 'create') ids.addUser(c.userName, await w.createUser(c.after));
  else if (c.action === 'update') await w.updateUser(ids.userId(c.userName), c.attributes);
  else await w.deleteUser(ids.deletable(ids.userId(c.userName)));
}
