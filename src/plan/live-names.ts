// The live state by name: the diff compares names, never instance-specific ids. Live
// objects whose ids cannot be named (an assignment of a principal that no longer
// exists) are left out with a warning, so they are never touched.
import type { LiveGroup, LivePermissionSet, LiveState, LiveUser } from '../model/live.js';
import { nameApplications, type NamedApplication } from './live-applications.js';
import type { AccessControlAttribute, Account, AssignmentTriple, Diagnostic } from '../model/types.js';

export interface NamedMembership {
  group: string;
  userName: string;
}

export interface NamedLive {
  users: Map<string, LiveUser>;
  groups: Map<string, LiveGroup>;
  permissionSets: Map<string, LivePermissionSet>;
  memberships: NamedMembership[];
  assignments: AssignmentTriple[];
  /** Set name → account ids provisioned with it (provisioning records and assignments). */
  provisionedAccounts: Map<string, string[]>;
  /** Set name → account ids where LATEST_PERMISSION_SET_NOT_PROVISIONED. */
  staleAccounts: Map<string, string[]>;
  accountsById: Map<string, Account>;
  managementAccountId: string;
  /** True when the caller is a delegated administrator, not the management account. */
  delegatedAdministrator: boolean;
  /** The instance's attributes for access control ([] when none, or not read). */
  accessControlAttributes: AccessControlAttribute[];
  /** Applications by name, their assignments by user and group name (src/plan/live-applications.ts); empty when not read. */
  applications: Map<string, NamedApplication>;
}

export function nameLive(live: LiveState): { named: NamedLive; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (message: string) => diagnostics.push({ severity: 'warning', message });
  const usersById = new Map(live.users.map((u) => [u.id, u]));
  const groupsById = new Map(live.groups.map((g) => [g.id, g]));
  const setsByArn = new Map(live.permissionSets.map((s) => [s.arn, s]));

  const memberships: NamedMembership[] = [];
  for (const m of live.memberships) {
    const group = groupsById.get(m.groupId);
    const user = usersById.get(m.userId);
    if (group && user) memberships.push({ group: group.name, userName: user.userName });
    else warn(`live group membership ${m.membershipId} names an unknown ${group ? 'user' : 'group'}; it is left alone`);
  }

  const assignments: AssignmentTriple[] = [];
  for (const a of live.assignments) {
    const set = setsByArn.get(a.permissionSetArn);
    const principal = a.principalType === 'USER' ? usersById.get(a.principalId)?.userName : groupsById.get(a.principalId)?.name;
    if (set && principal !== undefined) {
      assignments.push({ permissionSet: set.name, principalType: a.principalType, principal, accountId: a.accountId });
    } else {
      warn(
        `live assignment of ${a.principalType.toLowerCase()} ${a.principalId} on account ${a.accountId} names an unknown ${set ? 'principal' : 'permission set'}; it is left alone`,
      );
    }
  }

  const provisionedAccounts = new Map<string, Set<string>>();
  const staleAccounts = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const p of live.provisioning) {
    const set = setsByArn.get(p.permissionSetArn);
    if (!set) continue;
    add(provisionedAccounts, set.name, p.accountId);
    if (p.status === 'LATEST_PERMISSION_SET_NOT_PROVISIONED') add(staleAccounts, set.name, p.accountId);
  }
  for (const a of assignments) add(provisionedAccounts, a.permissionSet, a.accountId);

  return {
    named: {
      users: new Map(live.users.map((u) => [u.userName, u])),
      groups: new Map(live.groups.map((g) => [g.name, g])),
      permissionSets: new Map(live.permissionSets.map((s) => [s.name, s])),
      memberships,
      assignments,
      provisionedAccounts: sortedValues(provisionedAccounts),
      staleAccounts: sortedValues(staleAccounts),
      accountsById: new Map(live.accounts.map((a) => [a.id, a])),
      managementAccountId: live.managementAccountId,
      delegatedAdministrator: live.callerAccountId !== live.managementAccountId,
      accessControlAttributes: live.accessControlAttributes ?? [],
      applications: nameApplications(live, usersById, groupsById, warn),
    },
    diagnostics,
  };
}

function sortedValues(map: Map<string, Set<string>>): Map<string, string[]> {
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}
