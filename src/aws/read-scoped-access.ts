// The access reads of a scoped plan (src/plan/scoped/access-read.ts runs them) answered
// from AWS. Every operation and its paging is the one the rest of the read uses:
//   - sso-admin ListAccountAssignments (InstanceArn, AccountId, PermissionSetArn): every
//     principal assigned one pair, so the other routes to it are seen;
//   - sso-admin ListAccountAssignmentsForPrincipal (PrincipalId, PrincipalType): every pair
//     of a group whose membership changes, and of the users who join or leave it and their
//     groups. The sso-admin model says it "must be called from the management account",
//     like the scoped read of a removed principal;
//   - identitystore ListGroupMemberships (GroupId): a group's members;
//   - identitystore ListGroupMembershipsForMember (MemberId.UserId): one person's groups,
//     all of them in one call per 100 (MaxResults). IsMemberInGroups would answer "is this
//     user in these groups" for the same one call per person, but the groups to ask about
//     are known only per pair; one listing covers every pair;
//   - identitystore DescribeUser, or ListUsers (100 a page, its MaxResults) when that is
//     fewer calls, and sso-admin DescribePermissionSet (or the ARN → name cache,
//     src/aws/permission-set-names.ts) for the names.
// Assignments on settings.ignore.accounts are left out, as the full read never reads them.
import type { LiveAssignment } from '../model/live.js';
import type { PrincipalType } from '../model/types.js';
import type { AccessSource } from '../plan/scoped/access-read.js';
import { mapLimit } from './concurrency.js';
import { readByPairs, readByPrincipals } from './kinds/assignments.js';
import { describeUser, membershipsOfGroup, membershipsOfUser } from './kinds/identities-by-name.js';
import { readUsers } from './kinds/users.js';
import { permissionSetNamesByArn } from './permission-set-names.js';
import type { ReadContext } from './read-context.js';

export function awsAccessSource(ctx: ReadContext, ignoredAccountIds: ReadonlySet<string>, nameCacheFile?: string): AccessSource {
  const kept = (rows: LiveAssignment[]) => rows.filter((a) => !ignoredAccountIds.has(a.accountId));
  const each = async <T>(ids: readonly string[], read: (id: string) => Promise<T[]>) => (await mapLimit(ids, ctx.concurrency, read)).flat();
  const present = async <T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>) =>
    (await mapLimit(ids, ctx.concurrency, read)).flatMap((x) => (x === undefined ? [] : [x]));
  const ofPrincipals = async (type: PrincipalType, ids: readonly string[]) =>
    kept(
      await readByPrincipals(
        ctx,
        ids.map((id) => ({ type, id })),
      ),
    );
  return {
    rowsOfPairs: async (pairs) =>
      kept(
        await readByPairs(
          ctx,
          pairs.filter((p) => !ignoredAccountIds.has(p.accountId)),
        ),
      ),
    membersOfGroups: (ids) => each(ids, (id) => membershipsOfGroup(ctx, id)),
    assignmentsOfGroups: (ids) => ofPrincipals('GROUP', ids),
    assignmentsOfUsers: (ids) => ofPrincipals('USER', ids),
    groupsOfUsers: (ids) => each(ids, (id) => membershipsOfUser(ctx, id)),
    users: (ids) => present(ids, (id) => describeUser(ctx, id)),
    allUsers: () => readUsers(ctx),
    permissionSetNames: (arns) => permissionSetNamesByArn(ctx, arns, nameCacheFile),
  };
}
