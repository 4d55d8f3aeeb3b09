// The plan: resolve, then every per-kind diff, then the safety rules, in one pure
// function of (desired, live). No plan is made while any name fails to resolve:
// nothing is planned, let alone written, from a half-understood state.
import { KIND_LIST } from '../kinds/registry.js';
import { planAccessChanges } from '../access/plan-access.js';
import { planApplicationAccessChanges } from '../access/plan-application-access.js';
import type { LiveState } from '../model/live.js';
import { formatDiagnostic, type DesiredState, type Diagnostic } from '../model/types.js';
import { liveChecksum } from './checksum.js';
import { deletedObjects, impliedRemovals, type GoesAway } from './diff/implied.js';
import type { DiffResult } from './diff/result.js';
import { expiringSoon, isExpiryRemoval, markExpired, withoutExpired } from './expiry.js';
import { nameLive } from './live-names.js';
import { matchNames } from './match-names.js';
import { orderChanges } from './order.js';
import { checkApplications } from './check-applications.js';
import { checkAccountPins } from './pins.js';
import { checkQuotas } from './quotas.js';
import { resolveDesired } from './resolve.js';
import { safetyRefusals } from './safety.js';
import { leaveOutOfScope } from './scope.js';
import { PLAN_FORMAT_VERSION, type Change, type Plan, type PlanSummary } from './types.js';

export interface PlanOptions {
  /** --allow-deletes: lifts the max-delete-percent and delete-all refusals. */
  allowDeletes: boolean;
  /** The plan's createdAt; tests pass a fixed time. */
  now?: Date;
  /** --expired-only: the plan holds only removals caused by expiry (src/plan/expiry.ts);
   *  everything else is left to the drift job, and a warning says how much. */
  expiredOnly?: boolean;
}

export function buildPlan(
  given: DesiredState,
  live: LiveState,
  options: PlanOptions,
): { plan?: Plan; diagnostics: Diagnostic[]; /** With expiredOnly: the changes found but left out. */ leftOut?: Change[] } {
  const naming = nameLive(live);
  const now = options.now ?? new Date();
  // expired entries count as absent: out before anything is matched, resolved or diffed
  const current = withoutExpired(given, now);
  // one spelling per object before anything is compared (case-only differences, previousNames)
  const matched = matchNames(current.desired, naming.named);
  const desired = matched.desired;
  const resolution = resolveDesired(desired, live, { named: matched.live, diagnostics: naming.diagnostics });
  const { resolved } = resolution;
  const diagnostics = [
    ...resolution.diagnostics,
    ...matched.diagnostics,
    ...checkAccountPins(desired, live.accounts),
    ...checkQuotas(desired, resolved),
    ...checkApplications(desired, resolved.live),
  ];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const named = resolved.live;
  // every kind's diff (src/kinds/<kind>/diff.ts), in registry order
  const diffStage = (stage: 'objects' | 'after-deletions', goesAway: GoesAway): DiffResult[] =>
    KIND_LIST.filter((k) => k.diffStage === stage).map((k) => k.diff({ desired, resolved, goesAway }));
  const objects = diffStage('objects', () => false);
  // out of scope (src/plan/scope.ts) before anything is derived from the deletions
  const scopedObjects = leaveOutOfScope(
    objects.flatMap((r) => r.changes),
    named,
  );
  const { goesAway } = deletedObjects(scopedObjects.kept);
  const dependents = diffStage('after-deletions', goesAway);
  const scopedDependents = leaveOutOfScope(
    dependents.flatMap((r) => r.changes),
    named,
  );
  const results = [...objects, ...dependents];
  const diffed = [...scopedObjects.kept, ...scopedDependents.kept];
  const planned = markExpired(orderChanges([...diffed, ...impliedRemovals(diffed, named)]).flat(), current.expired, live);
  const changes = options.expiredOnly ? planned.filter(isExpiryRemoval) : planned;
  const notes = [...scopedDependents.notes, ...scopedObjects.notes];
  const expiring = expiringSoon(desired, now);
  const warnings = [
    ...diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
    ...results.flatMap((r) => r.warnings),
    ...leftToDrift(planned.length - changes.length),
  ];
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: now.toISOString(),
    instanceArn: live.instanceArn,
    identityStoreId: live.identityStoreId,
    liveChecksum: liveChecksum(live),
    changes,
    summary: summarize(changes),
    refused: safetyRefusals({ changes, desired, live: named, allowDeletes: options.allowDeletes }),
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
    ...(expiring.length > 0 ? { expiring } : {}),
    accessChanges: planAccessChanges(named, changes, desired.settings),
  };
  const applicationAccessChanges = planApplicationAccessChanges(named, changes);
  if (applicationAccessChanges.length > 0) plan.applicationAccessChanges = applicationAccessChanges;
  return { plan, diagnostics, ...(options.expiredOnly ? { leftOut: planned.filter((c) => !isExpiryRemoval(c)) } : {}) };
}

/** --expired-only: what it leaves out is not refused as unsafe, only not this job's to apply. */
function leftToDrift(count: number): string[] {
  if (count === 0) return [];
  return [
    `--expired-only: ${count} other change${count === 1 ? '' : 's'} found, not caused by expiry, ${count === 1 ? 'is' : 'are'} not applied here; ` +
      'they are drift for the drift check (or a reviewed reconcile) to handle',
  ];
}

export function summarize(changes: readonly Change[]): PlanSummary {
  const summary: PlanSummary = { add: 0, change: 0, destroy: 0 };
  for (const c of changes) {
    if (c.action === 'create') summary.add++;
    else if (c.action === 'delete') summary.destroy++;
    else summary.change++;
  }
  return summary;
}

/** The plan's changes as apply phases (src/apply consumes these). */
export function planPhases(plan: Plan): Change[][] {
  return orderChanges(plan.changes);
}
