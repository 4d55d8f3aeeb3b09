// Applications of `applications:`, compared by name. A customer managed entry (one with a
// providerArn) is created when missing; for any application the fields the entry declares
// are compared (description and status only for customer managed ones: the API's
// UpdateApplication cannot clear them, so a field left out is kept as it is). A live
// application the files do not name is deleted only when the API could recreate it
// (customer managed, OAuth 2.0); any other is left alone with a warning. Without
// `applications:` nothing is managed (and nothing read). A reference to a missing
// application is an error before the diff (src/plan/check-applications.ts).
import type { ApplicationEntry } from '../../model/applications.js';
import type { JsonValue } from '../../model/types.js';
import type { DiffResult } from '../../plan/diff/result.js';
import type { NamedApplication } from '../../plan/live-applications.js';
import type { ApplicationChange, AttributeChange } from '../../plan/types.js';
import type { DiffInput } from '../descriptor.js';

export function diffApplications({ desired, resolved }: DiffInput): DiffResult<ApplicationChange> {
  const wanted = desired.applications;
  const result: DiffResult<ApplicationChange> = { changes: [], warnings: [] };
  if (wanted === undefined) return result;
  const live = resolved.live.applications;
  for (const entry of wanted) {
    const current = live.get(entry.name);
    if (current !== undefined) {
      const attributes = changedFields(entry, current);
      if (attributes.length > 0) result.changes.push({ kind: 'application', action: 'update', name: entry.name, attributes });
    } else if (entry.providerArn !== undefined) {
      result.changes.push({
        kind: 'application',
        action: 'create',
        name: entry.name,
        providerArn: entry.providerArn,
        ...(entry.description !== undefined ? { description: entry.description } : {}),
        ...(entry.status !== undefined ? { status: entry.status } : {}),
        ...(entry.assignmentRequired !== undefined ? { assignmentRequired: entry.assignmentRequired } : {}),
      });
    }
  }
  const named = new Set(wanted.map((e) => e.name));
  for (const app of live.values()) {
    if (named.has(app.name)) continue;
    if (app.customerManaged) result.changes.push({ kind: 'application', action: 'delete', name: app.name });
    else
      result.warnings.push(
        `application "${app.name}" (provider ${app.providerArn}) is not in the files; it is left alone: the API cannot create it again`,
      );
  }
  return result;
}

function changedFields(entry: ApplicationEntry, current: NamedApplication): AttributeChange[] {
  const changes: AttributeChange[] = [];
  const compare = (field: string, wanted: JsonValue | undefined, now: JsonValue | undefined) => {
    if (wanted !== undefined && wanted !== now) changes.push({ field, ...(now !== undefined ? { before: now } : {}), after: wanted });
  };
  if (entry.providerArn !== undefined) {
    compare('description', entry.description, current.description);
    compare('status', entry.status, current.status);
  }
  compare('assignmentRequired', entry.assignmentRequired, current.assignmentRequired);
  return changes;
}
