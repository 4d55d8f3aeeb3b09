// An application assignment change against the writer port (synchronous in AWS).
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { ApplicationAssignmentChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyApplicationAssignmentChange(
  c: ApplicationAssignmentChange,
  ids: IdRegistry,
  w: IdentityCenterWriter,
): Promise<void> {
  const assignment = {
    applicationArn: ids.applicationArn(c.application),
    principalType: c.principalType,
    principalId: ids.principalId(c.principalType, c.principal),
  };
  switch (c.action) {
    case 'create':
      return w.createApplicationAssignment(assignment);
    case 'delete':
      return w.deleteApplicationAssignment(assignment);
    default:
      return assertNever(c.action, 'application assignment action');
  }
}
