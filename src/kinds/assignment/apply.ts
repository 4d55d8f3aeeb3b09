// An assignment change against the writer port (the writer polls the request until AWS has finished).
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { AssignmentChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyAssignmentChange(c: AssignmentChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  const assignment = {
    permissionSetArn: ids.permissionSetArn(c.permissionSet),
    principalType: c.principalType,
    principalId: ids.principalId(c.principalType, c.principal),
    accountId: c.accountId,
  };
  switch (c.action) {
    case 'create':
      return w.createAssignment(assignment);
    case 'delete':
      return w.deleteAssignment(assignment);
    default:
      return assertNever(c.action, 'assignment action');
  }
}
