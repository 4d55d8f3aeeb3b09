// Scoped plans, proven by property: for random files at a ref, random edits of them and a
// random live state (drift anywhere, inside the touched objects and outside them), the
// scoped plan equals the full plan restricted to the touched objects. The organization's
// side varies too (scoped-account-arbitraries.ts): accounts named by id or name, pinned or
// not, ignored by name, id or glob, renamed, gone, suspended or shadowed by a look-alike;
// the scoped plan describes the accounts a change names (src/plan/scoped/accounts.ts) or
// lists the organization, and either way plans what the full plan plans for them.
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
import { accountRead } from '../../src/plan/scoped/accounts.js';
import { buildScopedPlan, scopedDesired } from '../../src/plan/scoped/plan-scoped.js';
import { describedOrganization, projectLive } from '../../src/plan/scoped/project.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects, unscopableChange } from '../../src/plan/scoped/touched.js';
import { accountExamples } from './scoped-account-arbitraries.js';
import { applicationCaseArb, applicationExamples } from './scoped-application-arbitraries.js';
import { NOW } from './scoped-arbitraries.js';
import { protectExamples } from './scoped-protect-examples.js';

const countRules = new Set(['max-delete-percent', 'delete-all']);

it('a scoped plan equals the full plan restricted to the objects the files changed, whatever the drift', () => {
  const seedEnv = process.env.SSO_GITOPS_SCOPED_SEED;
  const seen = {
    cases: 0,
    withChanges: 0,
    removals: 0,
    described: 0,
    describedPlans: 0,
    bothRefused: 0,
    describedRefused: 0,
    untouchedFailures: 0,
    applicationChanges: 0,
  };
  const details = fc.check(
    fc.property(applicationCaseArb, ({ before, after, live }) => {
      if (unscopableChange(before, after) !== undefined) return;
      // the scoped read's organization: the accounts the change names, described, or the list
      // (however many: which route is cheaper is accounts.test.ts's concern; both must agree)
      const read = accountRead(before, after, live.managementAccountId, Number.POSITIVE_INFINITY);
      const described = 'describe' in read ? read.describe : undefined;
      const organization = described !== undefined ? describedOrganization(live, described) : live;
      const decision = touchedObjects(before, after, organization);
      if ('full' in decision) return;
      const touched = decision.scoped;
      const full = buildPlan(after, live, { allowDeletes: false, now: NOW });
      const scopedLive = projectLive(live, readNeeds(touched, after, live.managementAccountId), described);
      const input = {
        desired: after,
        before,
        live: scopedLive,
        touched,
        ref: 'HEAD~1',
        ...(described !== undefined ? { describedAccounts: described } : {}),
      };
      const scoped = buildScopedPlan(input, { allowDeletes: false, now: NOW });
      seen.cases++;
      if (described !== undefined) seen.described++;
      if (!full.plan) {
        if (!scoped.plan) {
          seen.bothRefused++;
          if (described !== undefined) seen.describedRefused++;
          return;
        }
        // Only a plan that leaves part of the files out (described accounts, untouched
        // applications) may resolve where the full plan does not, and only because the full
        // plan failed on that part: what the scoped plan plans resolves against everything.
        expect(
          described !== undefined || after.applications !== undefined,
          `the listed organization resolves as the full plan does: ${messages(full.diagnostics)}`,
        ).toBe(true);
        const restricted = buildPlan(scopedDesired(input), live, { allowDeletes: false, now: NOW });
        expect(restricted.plan, `the full plan fails on the touched objects: ${messages(restricted.diagnostics)}`).toBeDefined();
        seen.untouchedFailures++;
        return;
      }
      expect(scoped.plan, `the scoped plan resolves when the full plan does: ${messages(scoped.diagnostics)}`).toBeDefined();
      if (!scoped.plan) return;
      const restricted = restrictChanges(full.plan.changes, touched);
      if (restricted.length > 0) seen.withChanges++;
      if (described !== undefined) seen.describedPlans++;
      if (touched.removedUsers.size + touched.removedGroups.size + touched.removedPermissionSets.size > 0) seen.removals++;
      if (restricted.some((c) => c.kind === 'application' || c.kind === 'applicationAssignment')) seen.applicationChanges++;
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
      examples: [...accountExamples(), ...applicationExamples(), ...protectExamples()].map((c) => [c]),
      ...(seedEnv !== undefined ? { seed: Number(seedEnv) } : {}),
    },
  );
  // not a vacuous pass: many cases planned something, some removed objects
  if (!details.failed) {
    expect(seen.withChanges, `cases with touched changes (${JSON.stringify(seen)})`).toBeGreaterThan(seen.cases / 5);
    expect(seen.removals, `cases removing an object (${JSON.stringify(seen)})`).toBeGreaterThan(seen.cases / 20);
    // and the accounts' side: plans against described accounts, and pins that stop both plans
    expect(seen.describedPlans, `plans against described accounts (${JSON.stringify(seen)})`).toBeGreaterThan(seen.cases / 5);
    expect(seen.describedRefused, `described accounts gone or renamed (${JSON.stringify(seen)})`).toBeGreaterThan(0);
    expect(seen.applicationChanges, `cases with application changes (${JSON.stringify(seen)})`).toBeGreaterThan(0);
  }
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${fc.defaultReportMessage(details) ?? 'property failed'}\n\n${cause}\n\nreplay: SSO_GITOPS_SCOPED_SEED=${details.seed} npx vitest run test/property/scoped-plan.test.ts\n`,
    );
  }
});

const messages = (diagnostics: readonly { severity: string; message: string }[]) =>
  diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => d.message)
    .join('; ');
