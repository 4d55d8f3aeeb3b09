// A permission set change against the writer port: the set's content is brought to the
// desired state one operation at a time (src/apply/permission-set-ops.ts).
import type { IdRegistry } from '../../apply/ids.js';
import { permissionSetOperations } from '../../apply/permission-set-ops.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { PermissionSetChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyPermissionSetChange(c: PermissionSetChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  switch (c.action) {
    case 'create': {
      // An adopted set (the name was taken meanwhile) is brought from its real content.
      const { arn, adopted } = await w.createPermissionSet(c.after);
      ids.addPermissionSet(c.name, arn);
      for (const op of permissionSetOperations(adopted, c.after)) await w.applyPermissionSetOperation(arn, op);
      return;
    }
    case 'update': {
      const arn = ids.permissionSetArn(c.name);
      const before = ids.liveSets.get(c.name);
      // Steps of one set run in order: AWS answers ConflictException to concurrent
      // writes on the same set.
      for (const op of permissionSetOperations(before, c.after)) await w.applyPermissionSetOperation(arn, op);
      return;
    }
    case 'reprovision':
      return w.provisionPermissionSet(ids.permissionSetArn(c.name));
    case 'delete':
      return w.deletePermissionSet(ids.deletable(ids.permissionSetArn(c.name)));
    default:
      return assertNever(c, 'permission set change');
  }
}
