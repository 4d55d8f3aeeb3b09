import { describe, expect, it } from 'vitest';
import type { DesiredState } from '../../model/types.js';
import {
  aDesiredState,
  aGroup,
  anAccount,
  anAssignmentEntry,
  aPermissionSet,
  aUser,
  liveStateOf,
  type NamedLiveSpec,
} from '../../testing/builders.js';
import { accessCostEstimate, accessSeeds, movesAccess } from './access-needs.js';
import { accessSourceOf } from './access-project.js';
import { readScopedAccess, type AccessSource } from './access-read.js';
import { readNeeds } from './needs.js';
import { accessNotComputedNote, buildScopedPlan, withScopedAccessChanges } from './plan-scoped.js';
import { projectLive } from './project.js';
import { touchedObjects } from './touched.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const users = ['ann', 'bob', 'cy', 'dee'].map((userName) => aUser({ userName }));
const before = aDesiredState({ users, groups: [aGroup({ name: 'Ops', members: ['dee'] })], files: ['identity.yaml'] });

function plan(after: typeof before, live = liveStateOf({ users, groups: before.groups, accounts: [anAccount()] })) {
  const decision = touchedObjects(before, after, live);
  if ('full' in decision) throw new Error(decision.full);
  const scopedLive = projectLive(live, readNeeds(decision.scoped, after, live.managementAccountId));
  const { plan } = buildScopedPlan(
    { desired: after, before, live: scopedLive, touched: decision.scoped, ref: 'origin/main' },
    { allowDeletes: false },
  );
  if (!plan) throw new Error('no plan');
  return { plan, scopedLive };
}

describe('buildScopedPlan', () => {
  it('says what it is scoped to, and plans only the touched object', () => {
    const { plan: p, scopedLive } = plan({ ...before, groups: [aGroup({ name: 'Ops', members: ['bob', 'dee'] })] });
    expect(p.scope).toEqual({ changedSince: 'origin/main', objects: 1 });
    expect(p.changes).toEqual([{ kind: 'membership', action: 'create', group: 'Ops', userName: 'bob' }]);
    expect(scopedLive.users.map((u) => u.userName)).toEqual(['bob']);
  });

  it('carries no access changes of its own: they saw only the touched objects (withScopedAccessChanges adds them)', () => {
    const { plan: p } = plan({ ...before, groups: [aGroup({ name: 'Ops', members: ['bob', 'dee'] })] });
    expect(p.accessChanges).toBeUndefined();
  });

  it('counts deletions against the totals of the files at the ref, and says they are estimated', () => {
    // one user of four deleted: 25% is not more than the default 25%; two of four is
    const { plan: one } = plan({ ...before, users: users.slice(1) });
    expect(one.refused).toEqual([]);
    const { plan: two } = plan({ ...before, users: users.slice(2) });
    expect(two.refused.map((r) => r.message)).toContainEqual(
      expect.stringContaining('deletes 2 of 4 (estimated from the files at origin/main) live users'),
    );
  });
});

// Access changes of a scoped plan, from the same reads the AWS source makes (answered here
// from the complete live state), with every call counted.
const PROD = anAccount({ id: '222222222222', name: 'prod' });
const people = Array.from({ length: 12 }, (_, i) => aUser({ userName: `u${String(i).padStart(2, '0')}` }));
const sets = ['Admin', 'Billing', 'ReadOnly'].map((name) => aPermissionSet({ name }));

/** The source, counting what each kind of call is asked for (a list: one call per item; allUsers: one listing). */
function counted(source: AccessSource): { source: AccessSource; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (name: string, n: number) => (calls[name] = (calls[name] ?? 0) + n);
  return {
    calls,
    source: {
      rowsOfPairs: (xs) => (count('rowsOfPairs', xs.length), source.rowsOfPairs(xs)),
      membersOfGroups: (xs) => (count('membersOfGroups', xs.length), source.membersOfGroups(xs)),
      assignmentsOfGroups: (xs) => (count('assignmentsOfGroups', xs.length), source.assignmentsOfGroups(xs)),
      assignmentsOfUsers: (xs) => (count('assignmentsOfUsers', xs.length), source.assignmentsOfUsers(xs)),
      groupsOfUsers: (xs) => (count('groupsOfUsers', xs.length), source.groupsOfUsers(xs)),
      users: (xs) => (count('users', xs.length), source.users(xs)),
      allUsers: () => (count('allUsers', 1), source.allUsers()),
      permissionSetNames: (xs) => (count('permissionSetNames', xs.length), source.permissionSetNames(xs)),
    },
  };
}

async function scopedAccess(
  from: DesiredState,
  to: DesiredState,
  spec: NamedLiveSpec,
  { limit = Infinity, estimate = accessCostEstimate(to) } = {},
) {
  const live = liveStateOf({ accounts: [PROD], ...spec });
  const decision = touchedObjects(from, to, live);
  if ('full' in decision) throw new Error(decision.full);
  const scopedLive = projectLive(live, readNeeds(decision.scoped, to, live.managementAccountId));
  const built = buildScopedPlan(
    { desired: to, before: from, live: scopedLive, touched: decision.scoped, ref: 'HEAD' },
    { allowDeletes: false, now: NOW },
  );
  if (!built.plan) throw new Error('no plan');
  const seeds = accessSeeds(built.plan.changes);
  const { source, calls } = counted(accessSourceOf(live));
  const read = movesAccess(seeds) ? await readScopedAccess(source, seeds, scopedLive, { limit, estimate }) : undefined;
  return { plan: withScopedAccessChanges(built.plan, read, to, NOW), calls };
}

const files = (over: Partial<DesiredState>) => aDesiredState({ users: people, permissionSets: sets, files: ['identity.yaml'], ...over });
const entry = (permissionSet: string, who: { groups?: string[]; users?: string[] }) =>
  anAssignmentEntry({ permissionSet, accounts: ['prod'], ...who });
const gains = (p: { accessChanges?: { userName: string; change: string; via: string[] }[] }) =>
  (p.accessChanges ?? []).map((c) => `${c.change} ${c.userName} ${c.via.join(',')}`);

describe('access changes of a scoped plan', () => {
  it('a group of many members gains a pair: only the members without another route to it gain', async () => {
    const names = people.map((u) => u.userName);
    const groups = [aGroup({ name: 'Everyone', members: names }), aGroup({ name: 'Admins', members: names.slice(0, 3) })];
    const from = files({ groups, assignments: [entry('Admin', { groups: ['Admins'] }), entry('Admin', { users: ['u11'] })] });
    const to = { ...from, assignments: [...from.assignments, entry('Admin', { groups: ['Everyone'] })] };
    const live = {
      users: people,
      groups,
      permissionSets: sets,
      assignments: [
        { permissionSet: 'Admin', principalType: 'GROUP' as const, principal: 'Admins', accountId: PROD.id },
        { permissionSet: 'Admin', principalType: 'USER' as const, principal: 'u11', accountId: PROD.id },
      ],
    };
    const { plan: p, calls } = await scopedAccess(from, to, live);
    // u00..u02 had it through Admins, u11 directly: 8 of the 12 members gain
    expect(gains(p)).toEqual(names.slice(3, 11).map((n) => `gain ${n} group:Everyone`));
    // the pair's rows and Everyone's members; then Admins' members (fewer calls than each
    // member's groups) and every user listed once (fewer than 12 DescribeUser); Admins is
    // not named: its name shows in no change
    expect(calls).toEqual({ rowsOfPairs: 1, membersOfGroups: 2, assignmentsOfGroups: 0, allUsers: 1, permissionSetNames: 0 });
    // with groups and a user list estimated large, each member's groups and name instead: the same answer
    const perPerson = await scopedAccess(from, to, live, { estimate: { users: 10_000, averageGroupSize: 10_000, groupsPerUser: 0 } });
    expect(perPerson.plan.accessChanges).toEqual(p.accessChanges);
    expect(perPerson.calls).toMatchObject({ membersOfGroups: 1, groupsOfUsers: 12, users: 12 });
  });

  it('a removed group assignment loses nothing for a member whom a direct assignment keeps it', async () => {
    const groups = [aGroup({ name: 'Ops', members: ['u00', 'u01'] })];
    const from = files({ groups, assignments: [entry('Admin', { groups: ['Ops'] }), entry('Admin', { users: ['u01'] })] });
    const to = { ...from, assignments: [entry('Admin', { users: ['u01'] })] };
    const live = {
      users: people,
      groups,
      permissionSets: sets,
      assignments: [
        { permissionSet: 'Admin', principalType: 'GROUP' as const, principal: 'Ops', accountId: PROD.id },
        { permissionSet: 'Admin', principalType: 'USER' as const, principal: 'u01', accountId: PROD.id },
      ],
    };
    const { plan: p } = await scopedAccess(from, to, live);
    expect(gains(p)).toEqual(['lose u00 group:Ops']);
  });

  it('a membership change: the user gains every pair of the group they do not already reach', async () => {
    const groups = [aGroup({ name: 'Ops', members: [] }), aGroup({ name: 'Readers', members: ['u05'] })];
    const from = files({
      groups,
      assignments: [
        entry('Admin', { groups: ['Ops'] }),
        entry('Billing', { groups: ['Ops'] }),
        entry('ReadOnly', { groups: ['Ops', 'Readers'] }),
      ],
    });
    const to = { ...from, groups: [aGroup({ name: 'Ops', members: ['u05'] }), groups[1] ?? aGroup()] };
    const live = {
      users: people,
      groups,
      permissionSets: sets,
      assignments: ['Admin', 'Billing', 'ReadOnly']
        .map((permissionSet) => ({ permissionSet, principalType: 'GROUP' as const, principal: 'Ops', accountId: PROD.id }))
        .concat([{ permissionSet: 'ReadOnly', principalType: 'GROUP' as const, principal: 'Readers', accountId: PROD.id }]),
    };
    const { plan: p, calls } = await scopedAccess(from, to, live);
    expect(p.changes).toEqual([{ kind: 'membership', action: 'create', group: 'Ops', userName: 'u05' }]);
    // ReadOnly on prod comes through Readers already: Admin and Billing are gained
    expect((p.accessChanges ?? []).map((c) => [c.userName, c.permissionSet, c.change, c.via])).toEqual([
      ['u05', 'Admin', 'gain', ['group:Ops']],
      ['u05', 'Billing', 'gain', ['group:Ops']],
    ]);
    // Ops' pairs; then the user's own assignments, groups, and their groups' assignments
    // (fewer calls than the rows of Ops' three pairs); no group's members
    expect(calls).toMatchObject({ rowsOfPairs: 0, assignmentsOfGroups: 2, assignmentsOfUsers: 1, groupsOfUsers: 1, membersOfGroups: 0 });
    // with many groups per user estimated, every principal on each of Ops' pairs instead: the same answer
    const byPair = await scopedAccess(from, to, live, { estimate: { ...accessCostEstimate(to), groupsPerUser: 1_000 } });
    expect(byPair.plan.accessChanges).toEqual(p.accessChanges);
    expect(byPair.calls).toMatchObject({ rowsOfPairs: 3, assignmentsOfGroups: 1, groupsOfUsers: 1 });
  });

  it('says, past the bound of affected people, that it did not compute them, and reads no one', async () => {
    const names = people.map((u) => u.userName);
    const groups = [aGroup({ name: 'Everyone', members: names })];
    const from = files({ groups });
    const to = { ...from, assignments: [entry('Admin', { groups: ['Everyone'] })] };
    const { plan: p, calls } = await scopedAccess(from, to, { users: people, groups, permissionSets: sets }, { limit: 10 });
    expect(p.accessChanges).toBeUndefined();
    expect(p.notes).toContain(accessNotComputedNote(12, 10));
    expect(accessNotComputedNote(12, 10)).toContain('it affects 12 people, more than the 10 a scoped plan reads');
    expect(calls.groupsOfUsers ?? 0).toBe(0);
  });

  it('reads nothing, and shows no access changes, when no membership or assignment changes', async () => {
    const from = files({});
    const to = { ...from, permissionSets: [aPermissionSet({ name: 'Admin', description: 'edited' }), ...sets.slice(1)] };
    const { plan: p, calls } = await scopedAccess(from, to, { users: people, permissionSets: sets });
    expect(p.accessChanges).toEqual([]);
    expect(calls).toEqual({});
  });
});
