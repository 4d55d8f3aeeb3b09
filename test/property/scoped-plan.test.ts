// Scoped plans, proven by property: for random files at a ref, random edits of them and a
// random live state (drift anywhere, inside the touched objects and outside them), the
// scoped plan equals the full plan restricted to the touched objects.
//
// This tests the pure core: the touched set (src/plan/scoped/touched.ts), the read it
// needs (needs.ts) applied to the complete live state (project.ts, what
// src/aws/read-scoped.ts reads; its own test compares the two against the sandbox), and
// the scoped plan (plan-scoped.ts). Running the CLI per case would take seconds a case.
// SSO_GITOPS_SCOPED_SEED replays a failing seed; SSO_GITOPS_SCOPED_RUNS runs more cases.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { nameLive } from '../../src/plan/live-names.js';
import { safetyRefusals } from '../../src/plan/safety.js';
import type { Refusal } from '../../src/plan/types.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { buildScopedPlan } from '../../src/plan/scoped/plan-scoped.js';
import { projectLive } from '../../src/plan/scoped/project.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
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
} from '../../src/testing/builders.js';

const USERS = ['ann', 'bob', 'cy', 'dee'];
const GROUPS = ['Ops', 'Dev', 'Audit'];
const SETS = ['ReadOnly', 'Admin', 'Billing'];
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const ACCOUNTS = [
  anAccount({ id: MANAGEMENT_ACCOUNT_ID, name: 'management' }),
  anAccount({ id: '222222222222', name: 'prod', ouPath: 'Root/Prod' }),
  anAccount({ id: '333333333333', name: 'dev', ouPath: 'Root/Dev' }),
];
const NOW = new Date('2026-06-01T00:00:00Z');

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
function filesArb(): fc.Arbitrary<DesiredState> {
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
function editedArb(before: DesiredState): fc.Arbitrary<DesiredState> {
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

/** Any live state over the same names: drift of every kind, in and out of the touched set. */
function liveArb() {
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
          return liveStateOf({
            users: d.users,
            groups: d.groups,
            permissionSets: d.sets,
            accounts: ACCOUNTS,
            assignments,
            ...(stale && firstSet !== undefined ? { staleProvisioning: { [firstSet]: ['333333333333'] } } : {}),
          });
        }),
    );
}

const caseArb = filesArb().chain((before) => fc.record({ before: fc.constant(before), after: editedArb(before), live: liveArb() }));

const countRules = new Set(['max-delete-percent', 'delete-all']);

it('a scoped plan equals the full plan restricted to the objects the files changed, whatever the drift', () => {
  const seedEnv = process.env.SSO_GITOPS_SCOPED_SEED;
  const seen = { cases: 0, withChanges: 0, removals: 0 };
  const details = fc.check(
    fc.property(caseArb, ({ before, after, live }) => {
      const decision = touchedObjects(before, after, live);
      if ('full' in decision) return;
      const touched = decision.scoped;
      const full = buildPlan(after, live, { allowDeletes: false, now: NOW });
      const scoped = buildScopedPlan(
        { desired: after, before, live: projectLive(live, readNeeds(touched, after, live.managementAccountId)), touched, ref: 'HEAD~1' },
        { allowDeletes: false, now: NOW },
      );
      expect(scoped.plan === undefined, 'both plans resolve, or neither').toBe(full.plan === undefined);
      if (!full.plan || !scoped.plan) return;
      const restricted = restrictChanges(full.plan.changes, touched);
      seen.cases++;
      if (restricted.length > 0) seen.withChanges++;
      if (touched.removedUsers.size + touched.removedGroups.size + touched.removedPermissionSets.size > 0) seen.removals++;
      expect(scoped.plan.changes).toEqual(restricted);
      // the safety rules judged on what was read equal the same rules on the restricted
      // changes with the complete live state; the deletion thresholds count against
      // estimated totals (plan-scoped.test.ts), so they are left out here
      const complete = safetyRefusals({ changes: restricted, desired: after, live: nameLive(live).named, allowDeletes: false });
      const guards = (refused: Refusal[]) => refused.filter((r) => !countRules.has(r.rule)).map((r) => r.message);
      expect(guards(scoped.plan.refused)).toEqual(guards(complete));
    }),
    {
      numRuns: Number(process.env.SSO_GITOPS_SCOPED_RUNS ?? 300),
      ...(seedEnv !== undefined ? { seed: Number(seedEnv) } : {}),
    },
  );
  // not a vacuous pass: many cases planned something, some removed objects
  if (!details.failed) {
    expect(seen.withChanges, `cases with touched changes (${JSON.stringify(seen)})`).toBeGreaterThan(seen.cases / 5);
    expect(seen.removals, `cases removing an object (${JSON.stringify(seen)})`).toBeGreaterThan(seen.cases / 20);
  }
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${fc.defaultReportMessage(details) ?? 'property failed'}\n\n${cause}\n\nreplay: SSO_GITOPS_SCOPED_SEED=${details.seed} npx vitest run test/property/scoped-plan.test.ts\n`,
    );
  }
});
