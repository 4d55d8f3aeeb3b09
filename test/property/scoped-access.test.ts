// A scoped plan's access changes, proven by property (the companion of scoped-plan.test.ts,
// on the same random files, edits and drift). What they must equal, precisely:
//
//   the access changes of the scoped plan's changes (the full plan's changes restricted to
//   the touched objects) against the COMPLETE live state — who gains or loses access if
//   exactly those changes are made to the instance as it is.
//
// With no drift outside the touched objects the restricted changes are all of the full
// plan's changes, so this is the full plan's own accessChanges (checked too). With drift
// outside, the full plan also shows the access its drift changes move, which a scoped plan
// by design does not read; those are not in the scoped plan.
//
// The scoped side runs the access reads (src/plan/scoped/access-read.ts) against answers
// taken from the complete live state (access-project.ts): the property proves those reads
// are enough. SSO_GITOPS_SCOPED_SEED replays a seed; SSO_GITOPS_SCOPED_RUNS runs more cases.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { planAccessChanges } from '../../src/access/plan-access.js';
import type { LiveState } from '../../src/model/live.js';
import type { DesiredState } from '../../src/model/types.js';
import { buildPlan } from '../../src/plan/build.js';
import { withoutExpired } from '../../src/plan/expiry.js';
import { nameLive } from '../../src/plan/live-names.js';
import { matchNames } from '../../src/plan/match-names.js';
import { accessSeeds, movesAccess, type AccessCostEstimate } from '../../src/plan/scoped/access-needs.js';
import { accessSourceOf } from '../../src/plan/scoped/access-project.js';
import { readScopedAccess } from '../../src/plan/scoped/access-read.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { buildScopedPlan, withScopedAccessChanges } from '../../src/plan/scoped/plan-scoped.js';
import { projectLive } from '../../src/plan/scoped/project.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import { aDesiredState, anAssignmentEntry, liveStateOf } from '../../src/testing/builders.js';
import { caseArb, liveSpecArb, NOW } from './scoped-arbitraries.js';

// the estimate only picks between routes that give the same answer (per person or per group;
// per pair or per principal; DescribeUser or ListUsers): these take every one
const estimateArb = fc.record({
  users: fc.constantFrom(0, 1_000),
  averageGroupSize: fc.constantFrom(0, 1_000),
  groupsPerUser: fc.constantFrom(-2, 1_000),
});

type Case = { before: DesiredState; after: DesiredState; live: LiveState };
type Seen = { cases: number; withAccess: number; gainAndLose: number; sameAsFull: number; driftOutside: number };

/** The property, on one case; `seen` counts what the cases covered. */
async function checkCase({ before, after, live }: Case, estimate: AccessCostEstimate, seen: Seen): Promise<void> {
  const decision = touchedObjects(before, after, live);
  if ('full' in decision) return;
  const touched = decision.scoped;
  const full = buildPlan(after, live, { allowDeletes: false, now: NOW });
  const scopedLive = projectLive(live, readNeeds(touched, after, live.managementAccountId));
  const built = buildScopedPlan({ desired: after, before, live: scopedLive, touched, ref: 'HEAD~1' }, { allowDeletes: false, now: NOW });
  if (!full.plan || !built.plan) return;
  const seeds = accessSeeds(built.plan.changes);
  const read = movesAccess(seeds)
    ? await readScopedAccess(accessSourceOf(live), seeds, scopedLive, { limit: Infinity, estimate })
    : undefined;
  const scoped = withScopedAccessChanges(built.plan, read, after, NOW);

  const restricted = restrictChanges(full.plan.changes, touched);
  const completeNamed = matchNames(withoutExpired(after, NOW).desired, nameLive(live).named).live;
  const expected = planAccessChanges(completeNamed, restricted, after.settings);
  expect(scoped.accessChanges).toEqual(expected);
  seen.cases++;
  if (expected.length > 0) seen.withAccess++;
  if (new Set(expected.map((c) => c.change)).size === 2) seen.gainAndLose++;
  if (JSON.stringify(restricted) === JSON.stringify(full.plan.changes)) {
    expect(scoped.accessChanges, 'no drift outside: the full plan says the same').toEqual(full.plan.accessChanges);
    seen.sameAsFull++;
  } else seen.driftOutside++;
}

async function checkAll(cases: fc.Arbitrary<Case>, name: string): Promise<Seen> {
  const seedEnv = process.env.SSO_GITOPS_SCOPED_SEED;
  const seen: Seen = { cases: 0, withAccess: 0, gainAndLose: 0, sameAsFull: 0, driftOutside: 0 };
  const details = await fc.check(
    fc.asyncProperty(cases, estimateArb, (c, estimate) => checkCase(c, estimate, seen)),
    {
      numRuns: Number(process.env.SSO_GITOPS_SCOPED_RUNS ?? 300),
      ...(seedEnv !== undefined ? { seed: Number(seedEnv) } : {}),
    },
  );
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${fc.defaultReportMessage(details) ?? 'property failed'}\n\n${cause}\n\nreplay: SSO_GITOPS_SCOPED_SEED=${details.seed} npx vitest run test/property/scoped-access.test.ts -t "${name}"\n`,
    );
  }
  return seen;
}

it("a scoped plan's access changes equal those of its changes against the complete live state, and the full plan's without drift outside", async () => {
  const seen = await checkAll(caseArb, 'complete live state');
  // not a vacuous pass: access moved in many cases, both ways in some, with and without drift outside
  const why = JSON.stringify(seen);
  expect(seen.withAccess, `cases where access changes (${why})`).toBeGreaterThan(seen.cases / 10);
  expect(seen.gainAndLose, `cases with gains and losses (${why})`).toBeGreaterThan(0);
  expect(seen.sameAsFull, `cases without drift outside (${why})`).toBeGreaterThan(seen.cases / 50);
  expect(seen.driftOutside, `cases with drift outside (${why})`).toBeGreaterThan(seen.cases / 20);
});

/** Files that are exactly a dense live state, then memberships toggled: the people who join
 *  or leave a group often reach the same pair another way, the case the reads must get right. */
const membershipCaseArb: fc.Arbitrary<Case> = liveSpecArb()
  .filter((spec) => (spec.groups ?? []).length > 0 && (spec.users ?? []).length > 0)
  .chain((spec) =>
    fc.record({ toggles: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }) }).map(({ toggles }): Case => {
      const before = aDesiredState({
        users: spec.users ?? [],
        groups: spec.groups ?? [],
        permissionSets: spec.permissionSets ?? [],
        assignments: (spec.assignments ?? []).map((t) =>
          anAssignmentEntry({
            permissionSet: t.permissionSet,
            accounts: [t.accountId],
            ...(t.principalType === 'USER' ? { users: [t.principal] } : { groups: [t.principal] }),
          }),
        ),
        files: ['identity.yaml'],
      });
      const groups = before.groups.map((g) => ({ ...g, members: [...g.members] }));
      for (const [g, u] of toggles) {
        const group = groups[g % groups.length];
        const user = before.users[u % before.users.length]?.userName ?? '';
        if (group) group.members = group.members.includes(user) ? group.members.filter((m) => m !== user) : [...group.members, user].sort();
      }
      return { before, after: { ...before, groups }, live: liveStateOf(spec) };
    }),
  );

it('the same for membership changes of people who reach the same pairs through other groups or directly', async () => {
  const seen = await checkAll(membershipCaseArb, 'membership changes');
  const why = JSON.stringify(seen);
  // about a quarter of the cases move access (one unseeded run saw 69 of 300, under a
  // quarter): an eighth stays clear of that spread and still fails a vacuous generator
  expect(seen.withAccess, `cases where access changes (${why})`).toBeGreaterThan(seen.cases / 8);
  expect(seen.sameAsFull, `cases where the full plan says the same (${why})`).toBeGreaterThan(seen.cases / 4);
});
