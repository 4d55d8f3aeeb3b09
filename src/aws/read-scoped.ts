// The scoped live read (`plan --changed-since`): only what src/plan/scoped/needs.ts names,
// found by name — GetUserId / GetGroupId, GetGroupMembershipId, ListAccountAssignments of
// one (account, permission set) pair, one permission set's details (by a cached ARN,
// src/aws/permission-set-names.ts) — plus the organization's accounts, listed or, when the
// change names them by id or pin, described one by one (src/plan/scoped/accounts.ts). The
// result is exactly src/plan/scoped/project.ts of a complete read: the rows asked for, and
// every principal and set those rows name.
import { paginateListPermissionSetsProvisionedToAccount } from '@aws-sdk/client-sso-admin';
import type { ApplicationState } from '../model/applications.js';
import type { LiveAssignment, LiveGroup, LiveMembership, LivePermissionSet, LiveState, LiveUser } from '../model/live.js';
import { compareStrings } from '../model/order.js';
import { plural } from '../model/plural.js';
import type { ReadNeeds } from '../plan/scoped/needs.js';
import { mapLimit } from './concurrency.js';
import {
  describeGroup,
  describeUser,
  groupIdByName,
  membershipOf,
  membershipsOfGroup,
  membershipsOfUser,
  userIdByName,
} from './kinds/identities-by-name.js';
import {
  listProvisionedPairs,
  listStalePairs,
  provisioningOf,
  readByPairs,
  readByPrincipals,
  uniqueAssignments,
} from './kinds/assignments.js';
import { listApplications, readApplication } from './kinds/applications.js';
import type { OrganizationSnapshot } from './kinds/organization.js';
import { readPermissionSet, type PermissionSetReadOptions } from './kinds/permission-sets.js';
import { collectPages, paginatorConfig } from './pagination.js';
import { readPermissionSetsByName } from './permission-set-names.js';
import type { ReadContext } from './read-context.js';

export interface ScopedReadOptions {
  permissionSets: PermissionSetReadOptions;
  provisioningStatus: boolean;
  /** settings.ignore.accounts, by id: their assignments are never read (as in the full read). */
  ignoredAccountIds: ReadonlySet<string>;
  /** The cache of permission set names (permission-set-names.ts); tests pass their own. */
  nameCacheFile?: string;
}

export async function readScopedLive(
  ctx: ReadContext,
  needs: ReadNeeds,
  organization: OrganizationSnapshot,
  options: ScopedReadOptions,
): Promise<LiveState> {
  const users = new Map<string, LiveUser>();
  const groups = new Map<string, LiveGroup>();
  const sets = new Map<string, LivePermissionSet>();
  const [userIds, groupIds, named] = await Promise.all([
    mapLimit(needs.users, ctx.concurrency, async (n) => [n, await userIdByName(ctx, n)] as const),
    mapLimit(needs.groups, ctx.concurrency, async (n) => [n, await groupIdByName(ctx, n)] as const),
    readPermissionSetsByName(ctx, needs.permissionSets, options.permissionSets, options.nameCacheFile),
  ]);
  const userId = new Map(userIds.flatMap(([n, id]) => (id !== undefined ? [[n, id] as const] : [])));
  const groupId = new Map(groupIds.flatMap(([n, id]) => (id !== undefined ? [[n, id] as const] : [])));
  for (const s of named.sets) sets.set(s.arn, s);
  const arnOf = new Map(named.sets.map((s) => [s.name, s.arn]));

  const ignored = options.ignoredAccountIds;
  const kept = (rows: LiveAssignment[]) => rows.filter((a) => !ignored.has(a.accountId));
  const [pairRows, principalRows, setRows, accountRows, membershipRows, provisioning] = await Promise.all([
    readPairs(ctx, needs, arnOf, userId, groupId, ignored),
    Promise.all(
      needs.assignmentsOfPrincipals.map(async (p) => {
        const id = (p.type === 'USER' ? userId : groupId).get(p.name);
        if (id === undefined) return [];
        return readByPrincipals(ctx, [{ type: p.type, id }]);
      }),
    ).then((r) => r.flat()),
    readAllOfSets(
      ctx,
      needs.assignmentsOfSets.flatMap((n) => (arnOf.has(n) ? [arnOf.get(n) ?? ''] : [])),
      ignored,
    ),
    readAllOnAccounts(
      ctx,
      needs.assignmentsOnAccounts.filter((id) => !ignored.has(id)),
    ),
    readMemberships(ctx, needs, userId, groupId),
    readProvisioning(
      ctx,
      [...new Set([...needs.provisioningOfSets, ...needs.assignmentsOfSets])].flatMap((n) => (arnOf.has(n) ? [arnOf.get(n) ?? ''] : [])),
      ignored,
      options,
    ),
  ]);
  const assignments = uniqueAssignments(kept([...pairRows, ...principalRows, ...setRows, ...accountRows]));
  const applications = needs.applications === undefined ? undefined : await readApplicationsNamed(ctx, needs.applications);

  // every principal and set a row names, so the plan can name the row (nameLive)
  const wantUsers = new Set([...userId.values(), ...membershipRows.map((m) => m.userId)]);
  const wantGroups = new Set([...groupId.values(), ...membershipRows.map((m) => m.groupId)]);
  for (const a of assignments) (a.principalType === 'USER' ? wantUsers : wantGroups).add(a.principalId);
  for (const app of applications ?? []) {
    for (const id of app.users) wantUsers.add(id);
    for (const id of app.groups) wantGroups.add(id);
  }
  const wantSets = [...new Set(assignments.map((a) => a.permissionSetArn))].filter((arn) => !sets.has(arn));
  const [u, g, s] = await Promise.all([
    mapLimit([...wantUsers], ctx.concurrency, (id) => describeUser(ctx, id)),
    mapLimit([...wantGroups], ctx.concurrency, (id) => describeGroup(ctx, id)),
    mapLimit(wantSets, ctx.concurrency, (arn) => readPermissionSet(ctx, arn, options.permissionSets)),
  ]);
  for (const x of u) if (x) users.set(x.id, x);
  for (const x of g) if (x) groups.set(x.id, x);
  for (const x of s) sets.set(x.arn, x);
  ctx.progress.note(
    `scoped read: ${plural(users.size, 'user')}, ${plural(groups.size, 'group')}, ${plural(sets.size, 'permission set')}, ` +
      `${plural(assignments.length, 'assignment')}${named.listed ? ' (permission sets listed: a name was not in the cache)' : ''}`,
  );
  return {
    instanceArn: ctx.instanceArn,
    identityStoreId: ctx.identityStoreId,
    callerAccountId: ctx.callerAccountId,
    managementAccountId: ctx.managementAccountId,
    users: [...users.values()].sort((a, b) => compareStrings(a.userName, b.userName)),
    groups: [...groups.values()].sort((a, b) => compareStrings(a.name, b.name)),
    memberships: membershipRows.sort((a, b) => compareStrings(`${a.groupId} ${a.userId}`, `${b.groupId} ${b.userId}`)),
    permissionSets: [...sets.values()].sort((a, b) => compareStrings(a.name, b.name)),
    accounts: organization.accounts,
    organizationalUnits: organization.organizationalUnits,
    assignments,
    provisioning,
    ...(applications !== undefined ? { applications } : {}),
  };
}

/** The touched applications, whole: the instance's list (no operation finds an application
 *  by name), then each one of those names read as the full read reads it. */
async function readApplicationsNamed(ctx: ReadContext, names: readonly string[]): Promise<ApplicationState[]> {
  if (names.length === 0) return [];
  const wanted = new Set(names);
  const listed = (await listApplications(ctx)).filter((a) => wanted.has(a.Name ?? ''));
  const states = await mapLimit(listed, ctx.concurrency, (app) => readApplication(ctx.clients.ssoAdmin, app));
  return states.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.applicationArn, b.applicationArn));
}

/** ListAccountAssignments of each touched (set, account) pair, keeping the touched principals' rows. */
async function readPairs(
  ctx: ReadContext,
  needs: ReadNeeds,
  arnOf: Map<string, string>,
  userId: Map<string, string>,
  groupId: Map<string, string>,
  ignored: ReadonlySet<string>,
): Promise<LiveAssignment[]> {
  const pairs = needs.assignmentPairs.flatMap((p) => {
    const permissionSetArn = arnOf.get(p.permissionSet);
    return permissionSetArn !== undefined && !ignored.has(p.accountId) ? [{ ...p, permissionSetArn }] : [];
  });
  const rows = await readByPairs(ctx, pairs);
  const wanted = new Set(
    pairs.flatMap((p) =>
      p.principals.flatMap((q) => {
        const id = (q.type === 'USER' ? userId : groupId).get(q.name);
        return id === undefined ? [] : [`${p.permissionSetArn} ${p.accountId} ${q.type} ${id}`];
      }),
    ),
  );
  return rows.filter((r) => wanted.has(`${r.permissionSetArn} ${r.accountId} ${r.principalType} ${r.principalId}`));
}

/** Every assignment of these sets: the accounts each is provisioned to, then each pair. */
async function readAllOfSets(ctx: ReadContext, arns: readonly string[], ignored: ReadonlySet<string>): Promise<LiveAssignment[]> {
  if (arns.length === 0) return [];
  const pairs = (await listProvisionedPairs(ctx, arns)).filter((p) => !ignored.has(p.accountId));
  return readByPairs(ctx, pairs);
}

/** Every assignment on these accounts: the sets provisioned to each, then each pair. */
async function readAllOnAccounts(ctx: ReadContext, accountIds: readonly string[]): Promise<LiveAssignment[]> {
  const perAccount = await mapLimit(accountIds, ctx.concurrency, async (accountId) => {
    const arns = await collectPages(
      'sso-admin',
      'ListPermissionSetsProvisionedToAccount',
      paginateListPermissionSetsProvisionedToAccount(paginatorConfig(ctx.clients.ssoAdmin, 100), {
        InstanceArn: ctx.instanceArn,
        AccountId: accountId,
      }),
      (page) => page.PermissionSets,
    );
    return readByPairs(
      ctx,
      arns.map((permissionSetArn) => ({ permissionSetArn, accountId })),
    );
  });
  return perAccount.flat();
}

async function readMemberships(
  ctx: ReadContext,
  needs: ReadNeeds,
  userId: Map<string, string>,
  groupId: Map<string, string>,
): Promise<LiveMembership[]> {
  const [pairs, ofGroups, ofUsers] = await Promise.all([
    mapLimit(needs.memberships, ctx.concurrency, async (m) => {
      const g = groupId.get(m.group);
      const u = userId.get(m.userName);
      return g !== undefined && u !== undefined ? membershipOf(ctx, g, u) : undefined;
    }),
    mapLimit(needs.membershipsOfGroups, ctx.concurrency, async (n) => {
      const g = groupId.get(n);
      return g === undefined ? [] : membershipsOfGroup(ctx, g);
    }),
    mapLimit(needs.membershipsOfUsers, ctx.concurrency, async (n) => {
      const u = userId.get(n);
      return u === undefined ? [] : membershipsOfUser(ctx, u);
    }),
  ]);
  const all = [...pairs.flatMap((m) => (m ? [m] : [])), ...ofGroups.flat(), ...ofUsers.flat()];
  return [...new Map(all.map((m) => [`${m.groupId} ${m.userId}`, m])).values()];
}

/** The provisioning of these sets, as the full read's pairs route records it. A stale pair
 *  is a provisioned one (provisioningOf), so the accounts the sets are provisioned to are
 *  the ones whose staleness is asked: the organization's list is not needed, nor read
 *  when the accounts were described one by one (src/plan/scoped/accounts.ts). */
async function readProvisioning(ctx: ReadContext, arns: readonly string[], ignored: ReadonlySet<string>, options: ScopedReadOptions) {
  if (arns.length === 0) return [];
  const provisioned = await listProvisionedPairs(ctx, arns);
  const accountIds = [...new Set(provisioned.map((p) => p.accountId))].filter((id) => !ignored.has(id));
  const stale = options.provisioningStatus ? await listStalePairs(ctx, arns, accountIds) : [];
  return provisioningOf(provisioned, stale);
}
