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
import { caseArb, NOW } from './scoped-arbitraries.js';

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
