// The part of a complete live state that a scoped read returns (src/aws/read-scoped.ts
// reads exactly this from AWS). Pure, so the property test can compute the scoped plan
// from a generated live state, and the read's own test can compare the two.
import type { LiveAssignment, LiveMembership, LiveState } from '../../model/live.js';
import type { PrincipalType } from '../../model/types.js';
import type { ReadNeeds } from './needs.js';

/** `describedAccounts`: the account ids described instead of listing the organization
 *  (src/plan/scoped/accounts.ts); those of them in the organization are kept, and no OU. */
export function projectLive(live: LiveState, needs: ReadNeeds, describedAccounts?: readonly string[]): LiveState {
  const userByName = new Map(live.users.map((u) => [u.userName, u]));
  const groupByName = new Map(live.groups.map((g) => [g.name, g]));
  const setByName = new Map(live.permissionSets.map((s) => [s.name, s]));
  const idOf = (type: PrincipalType, name: string) => (type === 'USER' ? userByName.get(name)?.id : groupByName.get(name)?.id);
  const ids = (names: readonly string[], byName: Map<string, { id: string }>) =>
    new Set(names.flatMap((n) => (byName.has(n) ? [byName.get(n)?.id ?? ''] : [])));
  const arnOf = (name: string) => setByName.get(name)?.arn;

  const pairIds = new Set(needs.memberships.map((m) => `${groupByName.get(m.group)?.id}\u0000${userByName.get(m.userName)?.id}`));
  const groupsAll = ids(needs.membershipsOfGroups, groupByName);
  const usersAll = ids(needs.membershipsOfUsers, userByName);
  const memberships: LiveMembership[] = live.memberships.filter(
    (m) => pairIds.has(`${m.groupId}\u0000${m.userId}`) || groupsAll.has(m.groupId) || usersAll.has(m.userId),
  );

  const rowKey = (arn: string | undefined, type: PrincipalType, id: string | undefined, account: string) =>
    `${arn}\u0000${type}\u0000${id}\u0000${account}`;
  const rows = new Set(
    needs.assignmentPairs.flatMap((p) =>
      p.principals.map((q) => rowKey(arnOf(p.permissionSet), q.type, idOf(q.type, q.name), p.accountId)),
    ),
  );
  const ofPrincipal = needs.assignmentsOfPrincipals.map((p) => ({ id: idOf(p.type, p.name), type: p.type }));
  const setsAll = new Set(needs.assignmentsOfSets.flatMap((n) => (arnOf(n) !== undefined ? [arnOf(n)] : [])));
  const onAccounts = new Set(needs.assignmentsOnAccounts);
  const assignments: LiveAssignment[] = live.assignments.filter(
    (a) =>
      onAccounts.has(a.accountId) ||
      rows.has(rowKey(a.permissionSetArn, a.principalType, a.principalId, a.accountId)) ||
      setsAll.has(a.permissionSetArn) ||
      ofPrincipal.some((p) => p.id !== undefined && p.type === a.principalType && p.id === a.principalId),
  );

  // principals and sets: the named ones, and every one a kept row refers to (so it can be named)
  const userIds = ids(needs.users, userByName);
  const groupIds = ids(needs.groups, groupByName);
  const setArns = new Set(needs.permissionSets.flatMap((n) => (arnOf(n) !== undefined ? [arnOf(n)] : [])));
  for (const m of memberships) {
    userIds.add(m.userId);
    groupIds.add(m.groupId);
  }
  for (const a of assignments) {
    (a.principalType === 'USER' ? userIds : groupIds).add(a.principalId);
    setArns.add(a.permissionSetArn);
  }
  for (const app of applicationsOf(live, needs).applications ?? []) {
    for (const id of app.users) userIds.add(id);
    for (const id of app.groups) groupIds.add(id);
  }
  const provisioned = new Set(
    [...needs.provisioningOfSets, ...needs.assignmentsOfSets].flatMap((n) => (arnOf(n) !== undefined ? [arnOf(n)] : [])),
  );
  const { accessControlAttributes: _abac, applications: _applications, ...rest } = live;
  return {
    ...rest,
    users: live.users.filter((u) => userIds.has(u.id)),
    groups: live.groups.filter((g) => groupIds.has(g.id)),
    permissionSets: live.permissionSets.filter((s) => setArns.has(s.arn)),
    memberships,
    assignments,
    provisioning: live.provisioning.filter((p) => provisioned.has(p.permissionSetArn)),
    ...(describedAccounts !== undefined ? describedOrganization(live, describedAccounts) : {}),
    ...applicationsOf(live, needs),
  };
}

/** The organization as DescribeAccount of these ids sees it (src/aws/kinds/organization.ts, describeAccounts). */
export function describedOrganization(
  live: Pick<LiveState, 'accounts'>,
  accountIds: readonly string[],
): Pick<LiveState, 'accounts' | 'organizationalUnits'> {
  const ids = new Set(accountIds);
  // DescribeAccount answers neither the account's OU nor its tags
  const accounts = live.accounts.filter((a) => ids.has(a.id)).map((a) => ({ ...a, ouPath: '', tags: {} }));
  return { accounts, organizationalUnits: [] };
}

/** The touched applications, whole (none are read when the files do not declare `applications:`). */
function applicationsOf(live: LiveState, needs: ReadNeeds): Pick<LiveState, 'applications'> {
  if (needs.applications === undefined) return {};
  const wanted = new Set(needs.applications);
  return { applications: (live.applications ?? []).filter((a) => wanted.has(a.name)) };
}
