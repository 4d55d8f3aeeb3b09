// A user change against the writer port.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { UserChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyUserChange(c: UserChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  switch (c.action) {
    case 'create':
      return ids.addUser(c.userName, await w.createUser(c.after));
    case 'update':
      return w.updateUser(ids.userId(c.userName), c.attributes);
    case 'delete':
      return w.deleteUser(ids.deletable(ids.userId(c.userName)));
    default:
      return assertNever(c, 'user change');
  }
}
