// The scoped plan: the ordinary plan of the files against a live state that holds only the
// touched objects and what they name (src/aws/read-scoped.ts), restricted to the touched
// objects (restrict.ts). The safety rules are computed again on the restricted changes:
// lock-out guards against the assignments read (needs.ts: every assignment of a removed
// principal or set, which is all a protected pair can lose, and when it matters the
// management account's), deletion thresholds against totals
// estimated from the files at the ref, which the refusal says. Access changes come from a
// read of their own once the changes are known (access-read.ts): withScopedAccessChanges.
import { planAccessChanges } from '../../access/plan-access.js';
import type { LiveState } from '../../model/live.js';
import { plural } from '../../model/plural.js';
import type { DesiredState, Diagnostic } from '../../model/types.js';
import { buildPlan, summarize, type PlanOptions } from '../build.js';
import { expiringSoon, withoutExpired } from '../expiry.js';
import { nameLive } from '../live-names.js';
import { matchNames } from '../match-names.js';
import { safetyRefusals } from '../safety.js';
import type { Change, Plan } from '../types.js';
import { estimatedOrganization, restrictToAccounts } from './accounts.js';
import type { ScopedAccessRead } from './access-read.js';
import { restrictChanges } from './restrict.js';
import { expandEntry, touchedCount, type Touched } from './touched.js';

export const DELEGATED_ACCESS_NOTE =
  "access changes (who gains and loses access) are not computed for this scoped plan: a group membership changes, and its group's assignments are read per principal, which only the management account may call; a plan without --changed-since shows them";

export const APPLICATION_ACCESS_NOTE =
  "who gains and loses access to applications is not computed for a scoped plan: it needs every membership of the applications' groups; a plan without --changed-since shows it";

/** The note of a scoped plan that affects more people than MAX_SCOPED_ACCESS_PEOPLE (access-needs.ts). */
export function accessNotComputedNote(people: number, limit: number): string {
  return (
    `access changes (who gains and loses access) are not computed for this scoped plan: it affects ${plural(people, 'person', 'people')}, ` +
    `more than the ${limit} a scoped plan reads the groups and names of; a plan without --changed-since shows them`
  );
}

export interface ScopedPlanInput {
  /** The files now, and at the ref. */
  desired: DesiredState;
  before: DesiredState;
  /** The scoped read (or, in tests, projectLive of a complete one). */
  live: LiveState;
  touched: Touched;
  ref: string;
  /** When the organization was not listed: the account ids described (src/plan/scoped/accounts.ts);
   *  live.accounts then holds those of them that exist, and the files are planned as
   *  restrictToAccounts leaves them. */
  describedAccounts?: readonly string[];
}

export function buildScopedPlan(input: ScopedPlanInput, options: PlanOptions): { plan?: Plan; diagnostics: Diagnostic[] } {
  const { desired, before, live, touched, ref, describedAccounts } = input;
  const { plan, diagnostics } = buildPlan(scopedDesired(input), live, options);
  if (!plan) return { diagnostics };
  const changes = restrictChanges(plan.changes, touched);
  const named = nameLive(live).named;
  const refused = safetyRefusals({
    changes,
    desired,
    live: named,
    allowDeletes: options.allowDeletes,
    estimatedLiveCounts: {
      counts: estimatedCounts(before, describedAccounts === undefined ? live : estimatedOrganization(before, live.accounts)),
      from: `the files at ${ref}`,
    },
  });
  // The access changes buildPlan computed saw only the touched objects, not the other
  // routes to the same pairs (a member's other groups): withScopedAccessChanges computes them
  // from a read of their own, so a plan from here carries none.
  const { accessChanges: _partial, ...rest } = plan;
  // nor who gains and loses access to an application (it needs every membership of the
  // application's groups, which the access read does not make): said, not left out silently
  delete rest.applicationAccessChanges;
  const notes = desired.applications === undefined ? plan.notes : [...(plan.notes ?? []), APPLICATION_ACCESS_NOTE];
  // what expires soon is said of every entry of the files, not only of the restricted ones
  if (describedAccounts !== undefined) {
    const expiring = expiringSoon(desired, new Date(plan.createdAt));
    if (expiring.length > 0) rest.expiring = expiring;
  }
  return {
    plan: {
      ...rest,
      changes,
      summary: summarize(changes),
      refused,
      ...(notes !== undefined ? { notes } : {}),
      scope: { changedSince: ref, objects: touchedCount(touched) },
    },
    diagnostics,
  };
}

/**
 * The files as the scoped plan plans them: only the touched applications (the others are
 * not read: check-applications.ts would not see them exist) and, when the accounts were
 * described rather than listed, what restrictToAccounts keeps. What is left out can only
 * make changes outside the touched objects, and only problems outside them go unseen.
 */
export function scopedDesired({ desired, before, live, touched, describedAccounts }: ScopedPlanInput): DesiredState {
  const restricted = describedAccounts === undefined ? desired : restrictToAccounts(before, desired, describedAccounts, live.accounts);
  if (restricted.applications === undefined) return restricted;
  return { ...restricted, applications: restricted.applications.filter((a) => touched.applications.has(a.name)) };
}

/**
 * The scoped plan with its access changes, computed by the plan's own access engine
 * (src/access/plan-access.ts) from the access read, or, when the read stopped at the bound
 * of affected people, a note saying so. `access` is undefined when no change moves access.
 */
export function withScopedAccessChanges(plan: Plan, access: ScopedAccessRead | undefined, desired: DesiredState, now: Date): Plan {
  if (access === undefined) return { ...plan, accessChanges: [] };
  if ('tooManyPeople' in access)
    return { ...plan, notes: [...(plan.notes ?? []), accessNotComputedNote(access.tooManyPeople, access.limit)] };
  // spelled as the full plan spells the live names (case-only differences, src/plan/match-names.ts)
  const named = matchNames(withoutExpired(desired, now).desired, nameLive(access.live).named).live;
  return { ...plan, accessChanges: planAccessChanges(named, plan.changes, desired.settings) };
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
