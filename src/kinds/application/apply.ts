// An application change against the writer port. CreateApplication and UpdateApplication
// set the application itself; whether it needs an assignment is a separate configuration
// (PutApplicationAssignmentConfiguration, sso-admin 2020-07-20), written after it.
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { ApplicationStatus } from '../../model/applications.js';
import type { ApplicationChange } from '../../plan/types.js';
import { assertNever } from '../descriptor.js';

export async function applyApplicationChange(c: ApplicationChange, ids: IdRegistry, w: IdentityCenterWriter): Promise<void> {
  switch (c.action) {
    case 'create': {
      const arn = await w.createApplication({
        name: c.name,
        providerArn: c.providerArn,
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.status !== undefined ? { status: c.status } : {}),
      });
      ids.addApplication(c.name, arn);
      if (c.assignmentRequired !== undefined) await w.setApplicationAssignmentRequired(arn, c.assignmentRequired);
      return;
    }
    case 'update': {
      const arn = ids.applicationArn(c.name);
      const after = (field: string) => c.attributes.find((a) => a.field === field)?.after;
      const description = after('description');
      const status = after('status');
      if (typeof description === 'string' || typeof status === 'string') {
        await w.updateApplication(arn, {
          ...(typeof description === 'string' ? { description } : {}),
          ...(typeof status === 'string' ? { status: status as ApplicationStatus } : {}),
        });
      }
      const required = after('assignmentRequired');
      if (typeof required === 'boolean') await w.setApplicationAssignmentRequired(arn, required);
      return;
    }
    case 'delete':
      return w.deleteApplication(ids.deletable(ids.applicationArn(c.name)));
    default:
      return assertNever(c, 'application change');
  }
}
