// Live state (by id) → the state-file model (by name). Principals and permission sets
// are named; accounts by name where that name is unique in the organization, else by
// id. Whatever cannot be named (an assignment of a deleted principal, a set that no
// longer exists, an account outside the organization) is reported, never silently lost.
// Objects matched by settings.ignore are left out on purpose (they are never managed)
// together with the memberships and assignments that involve them.
import type { LiveState } from '../model/live.js';
import type { Account, Group, PermissionSet, PrincipalType, Settings, User } from '../model/types.js';
import { matchesAnyGlob } from '../model/glob.js';
import { compareStrings } from '../model/order.js';
import { checkNothingDropped } from './unmodelled.js';

export interface NamedExtract {
  users: User[];
  groups: Group[];
  permissionSets: PermissionSet[];
  assignments: NamedAssignment[];
}

/** One concrete assignment, named the way the files will name it. */
export interface NamedAssignment {
  permissionSet: string;
  principalType: PrincipalType;
  principal: string;
  /** The account's name when unique in the organization, else its id. */
  account: string;
}

export interface NamingResult {
  model: NamedExtract;
  /** Live objects that could not be named; reported to the user. */
  warnings: string[];
  /** Counts of what settings.ignore left out. */
  ignored: { users: number; groups: number; permissionSets: number; memberships: number; assignments: number };
}

const ACCOUNT_ID = /^\d{12}$/;

/** How the files refer to each account: the name when unique (and not id-like), else the id. */
export function accountReferences(accounts: readonly Account[]): Map<string, string> {
  const byName = new Map<string, number>();
  for (const a of accounts) byName.set(a.name, (byName.get(a.name) ?? 0) + 1);
  return new Map(accounts.map((a) => [a.id, a.name !== '' && !ACCOUNT_ID.test(a.name) && byName.get(a.name) === 1 ? a.name : a.id]));
}

export function nameLiveState(live: LiveState, ignore: Settings['ignore']): NamingResult {
  const warnings: string[] = [];
  const ignored = { users: 0, groups: 0, permissionSets: 0, memberships: 0, assignments: 0 };

  const users = live.users.filter((u) => !matchesAnyGlob(u.userName, ignore.users));
  const groups = live.groups.filter((g) => !matchesAnyGlob(g.name, ignore.groups));
  const sets = live.permissionSets.filter((s) => !matchesAnyGlob(s.name, ignore.permissionSets));
  ignored.users = live.users.length - users.length;
  checkNothingDropped(users);
  ignored.groups = live.groups.length - groups.length;
  ignored.permissionSets = live.permissionSets.length - sets.length;

  const allUserIds = new Set(live.users.map((u) => u.id));
  const allGroupIds = new Set(live.groups.map((g) => g.id));
  const allSetArns = new Set(live.permissionSets.map((s) => s.arn));
  const userNames = new Map(users.map((u) => [u.id, u.userName]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const setNames = new Map(sets.map((s) => [s.arn, s.name]));
  const accountRefs = accountReferences(live.accounts);

  const members = new Map<string, Set<string>>(groups.map((g) => [g.id, new Set<string>()]));
  for (const m of live.memberships) {
    const userName = userNames.get(m.userId);
    const groupMembers = members.get(m.groupId);
    if (userName !== undefined && groupMembers) groupMembers.add(userName);
    else if (!allGroupIds.has(m.groupId))
      warnings.push(`group membership ${m.membershipId}: group ${m.groupId} does not exist; not written`);
    else if (!allUserIds.has(m.userId)) warnings.push(`group membership ${m.membershipId}: user ${m.userId} does not exist; not written`);
    else ignored.memberships++;
  }

  const assignments: NamedAssignment[] = [];
  for (const a of live.assignments) {
    const kind = a.principalType === 'USER' ? 'user' : 'group';
    const principal = a.principalType === 'USER' ? userNames.get(a.principalId) : groupNames.get(a.principalId);
    const setName = setNames.get(a.permissionSetArn);
    const account = accountRefs.get(a.accountId);
    const what = `assignment of ${kind} ${principal ?? a.principalId} to ${setName ?? a.permissionSetArn} on account ${a.accountId}`;
    const principalExists = a.principalType === 'USER' ? allUserIds.has(a.principalId) : allGroupIds.has(a.principalId);
    if (!principalExists) warnings.push(`${what}: the ${kind} does not exist; not written`);
    else if (!allSetArns.has(a.permissionSetArn)) warnings.push(`${what}: the permission set does not exist; not written`);
    else if (account === undefined) warnings.push(`${what}: the account is not in the organization; not written`);
    else if (principal === undefined || setName === undefined) ignored.assignments++;
    else assignments.push({ permissionSet: setName, principalType: a.principalType, principal, account });
  }

  return {
    model: {
      users: users.map(({ id: _id, unmodelled: _unmodelled, ...user }) => user).sort((a, b) => compareStrings(a.userName, b.userName)),
      groups: groups
        .map((g) => ({
          name: g.name,
          ...(g.description ? { description: g.description } : {}),
          members: [...(members.get(g.id) ?? [])].sort(compareStrings),
          ...(g.externalIds ? { externalIds: g.externalIds } : {}),
        }))
        .sort((a, b) => compareStrings(a.name, b.name)),
      permissionSets: sets.map(({ arn: _arn, ...set }) => set).sort((a, b) => compareStrings(a.name, b.name)),
      assignments,
    },
    warnings: warnings.sort(compareStrings),
    ignored,
  };
}
