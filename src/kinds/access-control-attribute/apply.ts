// The attributes for access control against the writer port. AWS holds them as one
// configuration written whole (Create/Update/DeleteInstanceAccessControlAttributeConfiguration,
// sso-admin 2020-07-20), so all of a run's changes go in one call: the live configuration
// with the changes applied. No configuration yet: Create; none left: Delete, which disables
// ABAC for the instance ("Disables the attributes-based access control (ABAC) feature ... and
// deletes all of the attribute mappings", DeleteInstanceAccessControlAttributeConfiguration).
import type { IdRegistry } from '../../apply/ids.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { AccessControlAttributeChange } from '../../plan/types.js';
import { withChanges } from './diff.js';

export async function applyAccessControlAttributeChanges(
  changes: AccessControlAttributeChange[],
  ids: IdRegistry,
  w: IdentityCenterWriter,
): Promise<void> {
  const current = ids.liveAccessControlAttributes;
  const target = withChanges(current ?? [], changes);
  if (current === undefined) {
    if (target.length > 0) await w.createAccessControlAttributes(target);
  } else if (target.length === 0) {
    await w.deleteAccessControlAttributes();
  } else {
    await w.updateAccessControlAttributes(target);
  }
}
