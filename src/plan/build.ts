// The plan: resolve, then every per-kind diff, then the safety rules, in one pure
// function of (desired, live). No plan is made while any name fails to resolve:
// nothing is planned, let alone written, from a half-understood state.
import { planAccessChanges } from '../access/plan-access.js';
import type { LiveState } from '../model/live.js';
import { formatDiagnostic, type DesiredState, type Diagnostic } from '../model/types.js';
import { liveChecksum } from './checksum.js';
import { diffAssignments } from './diff/assignments.js';
import { diffGroups } from './diff/groups.js';
import { deletedObjects, impliedRemovals } from './diff/implied.js';
import { diffMemberships } from './diff/memberships.js';
import { diffPermissionSets } from './diff/permission-sets.js';
import type { DiffResult } from './diff/result.js';
import { diffUsers } from './diff/users.js';
import { nameLive } from './live-names.js';
import { matchNames } from './match-names.js';
import { orderChanges } from './order.js';
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
}

export function buildPlan(given: DesiredState, live: LiveState, options: PlanOptions): { plan?: Plan; diagnostics: Diagnostic[] } {
  const naming = nameLive(live);
  // one spelling per object before anything is compared (case-only differences, previousNames)
  const matched = matchNames(given, naming.named);
  const desired = matched.desired;
  const resolution = resolveDesired(desired, live, { named: matched.live, diagnostics: naming.diagnostics });
  const { resolved } = resolution;
  const diagnostics = [
    ...resolution.diagnostics,
    ...matched.diagnostics,
    ...checkAccountPins(desired, live.accounts),
    ...checkQuotas(desired, resolved),
  ];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const named = resolved.live;
  const objects: DiffResult[] = [
    diffUsers(desired, named),
    diffGroups(desired, named),
    diffMemberships(desired, named),
    diffPermissionSets(desired, named),
  ];
  // out of scope (src/plan/scope.ts) before anything is derived from the deletions
  const scopedObjects = leaveOutOfScope(
    objects.flatMap((r) => r.changes),
    named,
  );
  const { goesAway } = deletedObjects(scopedObjects.kept);
  const assignments = diffAssignments(desired, resolved, goesAway);
  const scopedAssignments = leaveOutOfScope(assignments.changes, named);
  const results = [...objects, assignments];
  const diffed = [...scopedObjects.kept, ...scopedAssignments.kept];
  const changes = orderChanges([...diffed, ...impliedRemovals(diffed, named)]).flat();
  const notes = [...scopedAssignments.notes, ...scopedObjects.notes];
  const warnings = [...diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic), ...results.flatMap((r) => r.warnings)];
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    instanceArn: live.instanceArn,
    identityStoreId: live.identityStoreId,
    liveChecksum: liveChecksum(live),
    changes,
    summary: summarize(changes),
    refused: safetyRefusals({ changes, desired, live: named, allowDeletes: options.allowDeletes }),
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
    accessChanges: planAccessChanges(named, changes, desired.settings),
  };
  return { plan, diagnostics };
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
