// The scoped plan: the ordinary plan of the files against a live state that holds only the
// touched objects and what they name (src/aws/read-scoped.ts), restricted to the touched
// objects (restrict.ts). The safety rules are computed again on the restricted changes:
// lock-out guards against the assignments read (needs.ts reads every protected pair and,
// when it matters, the management account's), deletion thresholds against totals
// estimated from the files at the ref, which the refusal says.
import { planAccessChanges } from '../../access/plan-access.js';
import type { LiveState } from '../../model/live.js';
import type { DesiredState, Diagnostic } from '../../model/types.js';
import { buildPlan, summarize, type PlanOptions } from '../build.js';
import { nameLive } from '../live-names.js';
import { safetyRefusals } from '../safety.js';
import type { Change, Plan } from '../types.js';
import { restrictChanges } from './restrict.js';
import { expandEntry, touchedCount, type Touched } from './touched.js';

export interface ScopedPlanInput {
  /** The files now, and at the ref. */
  desired: DesiredState;
  before: DesiredState;
  /** The scoped read (or, in tests, projectLive of a complete one). */
  live: LiveState;
  touched: Touched;
  ref: string;
}

export function buildScopedPlan(input: ScopedPlanInput, options: PlanOptions): { plan?: Plan; diagnostics: Diagnostic[] } {
  const { desired, before, live, touched, ref } = input;
  const { plan, diagnostics } = buildPlan(desired, live, options);
  if (!plan) return { diagnostics };
  const changes = restrictChanges(plan.changes, touched);
  const named = nameLive(live).named;
  const refused = safetyRefusals({
    changes,
    desired,
    live: named,
    allowDeletes: options.allowDeletes,
    estimatedLiveCounts: { counts: estimatedCounts(before, live), from: `the files at ${ref}` },
  });
  return {
    plan: {
      ...plan,
      changes,
      summary: summarize(changes),
      refused,
      accessChanges: planAccessChanges(named, changes, desired.settings),
      scope: { changedSince: ref, objects: touchedCount(touched) },
    },
    diagnostics,
  };
}

/** The live totals a scoped plan does not read, estimated as what the files at the ref made live. */
export function estimatedCounts(
  before: DesiredState,
  live: Pick<LiveState, 'accounts' | 'organizationalUnits'>,
): Partial<Record<Change['kind'], number>> {
  const triples = new Set(before.assignments.flatMap((e) => expandEntry(e, live)).map((t) => JSON.stringify(t)));
  return {
    user: before.users.length,
    group: before.groups.length,
    membership: before.groups.reduce((n, g) => n + g.members.length, 0),
    permissionSet: before.permissionSets.length,
    assignment: triples.size,
  };
}
