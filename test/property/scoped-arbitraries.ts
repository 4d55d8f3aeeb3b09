// Generators of the scoped-plan properties (scoped-plan.test.ts, and the scoped read
// against the sandbox in test/e2e/scoped-read-property.test.ts): files at a ref over small
// name pools, an edit of them, and any live state over the same names (drift anywhere).
import fc from 'fast-check';
import type { AssignmentEntry, AssignmentTriple, DesiredState, Group, PermissionSet, User } from '../../src/model/types.js';
import {
  aDesiredState,
  aGroup,
  anAccount,
  anAssignmentEntry,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aUser,
  liveStateOf,
  MANAGEMENT_ACCOUNT_ID,
  organizationalUnitsFor,
  type NamedLiveSpec,
} from '../../src/testing/builders.js';
import { expandEntry } from '../../src/plan/scoped/touched.js';

const USERS = ['ann', 'bob', 'cy', 'dee'];
const GROUPS = ['Ops', 'Dev', 'Audit'];
const SETS = ['ReadOnly', 'Admin', 'Billing'];
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const ACCOUNTS = [
  anAccount({ id: MANAGEMENT_ACCOUNT_ID, name: 'management' }),
  anAccount({ id: '222222222222', name: 'prod', ouPath: 'Root/Prod' }),
  anAccount({ id: '333333333333', name: 'dev', ouPath: 'Root/Dev' }),
];
export const NOW = new Date('2026-06-01T00:00:00Z');

const subset = <T>(pool: readonly T[]) => fc.subarray([...pool]);
const userArb = (userName: string): fc.Arbitrary<User> =>
  fc.constantFrom('A', 'B').map((v) => aUser({ userName, displayName: `${userName} ${v}` }));
const setArb = (name: string): fc.Arbitrary<PermissionSet> =>
  fc
    .record({ description: fc.constantFrom(undefined, 'one', 'two'), admin: fc.boolean() })
    .map(({ description, admin }) =>
      aPermissionSet({ name, ...(description !== undefined ? { description } : {}), managedPolicies: admin ? [ADMIN_POLICY] : [] }),
    );
const entryArb = (users: readonly string[], groups: readonly string[], sets: readonly string[]): fc.Arbitrary<AssignmentEntry> =>
  fc
    .record({
      permissionSet: fc.constantFrom(...sets),
      users: subset(users),
      groups: subset(groups),
      accounts: subset(ACCOUNTS.map((a) => (a.name === 'prod' ? a.name : a.id))),
      ous: subset(['Root/Prod', 'Root/Dev']),
    })
    .map(({ ous, ...e }) => anAssignmentEntry({ ...e, organizationalUnits: ous }));

/** Files that load: every member, principal and set an entry names is declared. */
export function filesArb(): fc.Arbitrary<DesiredState> {
  return fc
    .record({
      users: subset(USERS),
      groups: subset(GROUPS),
      sets: subset(SETS),
      protect: fc.boolean(),
      maxDelete: fc.constantFrom(25, 100),
    })
    .chain(({ users, groups, sets, protect, maxDelete }) =>
      fc
        .record({
          users: fc.tuple(...users.map(userArb)),
          groups: fc.tuple(...groups.map((name) => subset(users).map((members): Group => aGroup({ name, members })))),
          sets: fc.tuple(...sets.map(setArb)),
          entries: sets.length > 0 ? fc.array(entryArb(users, groups, sets), { maxLength: 4 }) : fc.constant<AssignmentEntry[]>([]),
        })
        .map((d) =>
          aDesiredState({
            users: d.users,
            groups: d.groups,
            permissionSets: d.sets,
            assignments: d.entries,
            files: ['identity.yaml'],
            settings: aSettings({
              safety: {
                maxDeletePercent: maxDelete,
                protect:
                  protect && groups.includes('Ops') && sets.includes('Admin')
                    ? [aProtectEntry({ permissionSet: 'Admin', group: 'Ops' })]
                    : [],
              },
            }),
          }),
        ),
    );
}

/** The files after an edit: often a small change of `before`, sometimes unrelated files. */
export function editedArb(before: DesiredState): fc.Arbitrary<DesiredState> {
  return fc.oneof(
    { weight: 1, arbitrary: filesArb().map((after) => ({ ...after, settings: before.settings })) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          dropUser: fc.nat(),
          retitle: fc.nat(),
          dropMember: fc.nat(),
          dropEntry: fc.nat(),
          entry:
            before.permissionSets.length > 0
              ? fc.option(
                  entryArb(
                    before.users.map((u) => u.userName),
                    before.groups.map((g) => g.name),
                    before.permissionSets.map((s) => s.name),
                  ),
                )
              : fc.constant(null),
          describe: fc.nat(),
          which: fc.integer({ min: 0, max: 5 }),
        })
        .map((e) => smallEdit(before, e)),
    },
  );
}

interface SmallEdit {
  dropUser: number;
  retitle: number;
  dropMember: number;
  dropEntry: number;
  entry: AssignmentEntry | null;
  describe: number;
  which: number;
}

function smallEdit(before: DesiredState, e: SmallEdit): DesiredState {
  const pick = <T>(list: readonly T[], n: number) => (list.length === 0 ? undefined : list[n % list.length]);
  switch (e.which) {
    case 0: {
      const gone = pick(before.users, e.dropUser)?.userName;
      return {
        ...before,
        users: before.users.filter((u) => u.userName !== gone),
        groups: before.groups.map((g) => ({ ...g, members: g.members.filter((m) => m !== gone) })),
        assignments: before.assignments.map((a) => ({ ...a, users: a.users.filter((u) => u !== gone) })),
      };
    }
    case 1: {
      const user = pick(before.users, e.retitle);
      return { ...before, users: before.users.map((u) => (u === user ? { ...u, displayName: `${u.displayName}!` } : u)) };
    }
    case 2: {
      const group = pick(before.groups, e.dropMember);
      return { ...before, groups: before.groups.map((g) => (g === group ? { ...g, members: g.members.slice(1) } : g)) };
    }
    case 3:
      return { ...before, assignments: before.assignments.filter((_, i) => i !== e.dropEntry % Math.max(1, before.assignments.length)) };
    case 4:
      return e.entry === null ? before : { ...before, assignments: [...before.assignments, e.entry] };
    default: {
      const set = pick(before.permissionSets, e.describe);
      return { ...before, permissionSets: before.permissionSets.map((s) => (s === set ? { ...s, description: 'edited' } : s)) };
    }
  }
}

/** Any live state over the same names, by name: drift of every kind, in and out of the touched set. */
export function liveSpecArb(): fc.Arbitrary<NamedLiveSpec> {
  const triple = fc.record({
    permissionSet: fc.constantFrom(...SETS),
    principalType: fc.constantFrom('USER' as const, 'GROUP' as const),
    who: fc.nat(),
    accountId: fc.constantFrom(...ACCOUNTS.map((a) => a.id)),
  });
  return fc
    .record({
      users: subset(USERS),
      groups: subset(GROUPS),
      sets: subset(SETS),
      triples: fc.array(triple, { maxLength: 12 }),
      stale: fc.boolean(),
      seed: fc.nat(),
    })
    .chain(({ users, groups, sets, triples, stale }) =>
      fc
        .record({
          users: fc.tuple(...users.map(userArb)),
          groups: fc.tuple(...groups.map((name) => subset(users).map((members) => aGroup({ name, members })))),
          sets: fc.tuple(...sets.map(setArb)),
        })
        .map((d) => {
          const assignments: AssignmentTriple[] = triples.flatMap((t) => {
            const pool = t.principalType === 'USER' ? users : groups;
            const principal = pool[t.who % Math.max(1, pool.length)];
            return principal !== undefined && sets.includes(t.permissionSet)
              ? [{ permissionSet: t.permissionSet, principalType: t.principalType, principal, accountId: t.accountId }]
              : [];
          });
          const firstSet = sets[0];
          return {
            users: d.users,
            groups: d.groups,
            permissionSets: d.sets,
            accounts: ACCOUNTS,
            assignments,
            ...(stale && firstSet !== undefined ? { staleProvisioning: { [firstSet]: ['333333333333'] } } : {}),
          };
        }),
    );
}

/** The live state the files at the ref made (their last apply), then drift: some of its
 *  assignments gone and a random live state's objects added. */
export function appliedSpecArb(before: DesiredState): fc.Arbitrary<NamedLiveSpec> {
  const org = { accounts: ACCOUNTS, organizationalUnits: organizationalUnitsFor(ACCOUNTS.map((a) => a.ouPath)) };
  const applied = [...new Map(before.assignments.flatMap((e) => expandEntry(e, org)).map((t) => [JSON.stringify(t), t])).values()];
  return fc.record({ kept: fc.subarray(applied), drift: liveSpecArb() }).map(({ kept, drift }) => {
    const users = new Set(before.users.map((u) => u.userName));
    const groups = new Set(before.groups.map((g) => g.name));
    const sets = new Set(before.permissionSets.map((p) => p.name));
    const extraSets = (drift.permissionSets ?? []).filter((p) => !sets.has(p.name));
    const setNames = new Set([...sets, ...extraSets.map((p) => p.name)]);
    const userNames = new Set([...users, ...(drift.users ?? []).map((u) => u.userName)]);
    const groupNames = new Set([...groups, ...(drift.groups ?? []).map((g) => g.name)]);
    return {
      users: [...before.users, ...(drift.users ?? []).filter((u) => !users.has(u.userName))],
      groups: [...before.groups.map(({ expiringMembers: _e, ...g }) => g), ...(drift.groups ?? []).filter((g) => !groups.has(g.name))].map(
        (g) => ({
          ...g,
          members: g.members.filter((m) => userNames.has(m)),
        }),
      ),
      permissionSets: [...before.permissionSets, ...extraSets],
      accounts: ACCOUNTS,
      assignments: [...kept, ...(drift.assignments ?? [])].filter(
        (t) => setNames.has(t.permissionSet) && (t.principalType === 'USER' ? userNames : groupNames).has(t.principal),
      ),
    };
  });
}

export const liveArb = () => liveSpecArb().map(liveStateOf);

/** Files, an edit, and a live state: half of them the files' own applied state with drift. */
export const caseArb = filesArb().chain((before) =>
  fc.record({
    before: fc.constant(before),
    after: editedArb(before),
    live: fc.oneof(liveSpecArb(), appliedSpecArb(before)).map(liveStateOf),
  }),
);
