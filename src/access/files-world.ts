// `access` from the state files reads the organization only, never Identity Center. The
// resolver (src/plan/resolve.ts) checks names the files do not manage against the live
// identity store; here there is none, so every such name is taken as existing: the files
// are the whole truth this view has. What they do not describe (an unmanaged user's display
// name, status or email) shows as unknown.
import type { LiveOrganizationalUnit, LiveState } from '../model/live.js';
import type { Account, DesiredState } from '../model/types.js';

export function organizationOnlyLive(desired: DesiredState, accounts: Account[], organizationalUnits: LiveOrganizationalUnit[]): LiveState {
  const userNames = new Set([...desired.groups.flatMap((g) => g.members), ...desired.assignments.flatMap((a) => a.users)]);
  const groupNames = new Set(desired.assignments.flatMap((a) => a.groups));
  const setNames = new Set(desired.assignments.map((a) => a.permissionSet));
  return {
    instanceArn: '',
    identityStoreId: '',
    callerAccountId: '',
    managementAccountId: '',
    users: [...userNames].map((userName) => ({ id: userName, userName, displayName: '', givenName: '', familyName: '' })),
    groups: [...groupNames].map((name) => ({ id: name, name })),
    memberships: [],
    permissionSets: [...setNames].map((name) => ({ arn: name, name, tags: {}, managedPolicies: [], customerManagedPolicies: [] })),
    accounts,
    organizationalUnits,
    assignments: [],
    provisioning: [],
  };
}
