// The lower bound of each measured command on a generated organization: which live state
// the command reads and which writes it cannot avoid. Pure, so the bounds of a shape can be
// reported without running it (L) and pinned by unit tests.
import {
  assignmentCreateCalls,
  createCalls,
  lowerBound,
  merge,
  policyChangeCalls,
  readCalls,
  type BenchSettings,
  type LowerBound,
} from './lower-bound.js';
import type { SyntheticOrg } from './org.js';
import type { CommandName } from './result.js';
import { applyDrift, driftOf, newAssignments, withAssignments, withChangedPolicy, withoutIdentity } from './variants.js';

export const DRIFT_FRACTION = 0.01;
export const DRIFT_SEED = 11;
export const NEW_ASSIGNMENTS_SEED = 13;

/** The source organization after `reconcile-assignments-1000`. */
export function withNewAssignments(org: SyntheticOrg): SyntheticOrg {
  return withAssignments(org, newAssignments(org, org.shape.newAssignments, NEW_ASSIGNMENTS_SEED));
}

/** A second client's share of the Identity Center quota in the contention cases (requests per second). */
export const CONTENDER_TPS = 15;
export const CONTENDED_ASSIGNMENTS_SEED = 17;

/** The live organization when the contention cases run: after reconcile-assignments-1000 and reconcile-policy-200. */
export function beforeContention(org: SyntheticOrg): SyntheticOrg {
  return withChangedPolicy(withNewAssignments(org));
}

/** reconcile-contended's target: a tenth of newAssignments more (at least 20), so that the run reads and writes. */
export function contendedTarget(org: SyntheticOrg): SyntheticOrg {
  const live = beforeContention(org);
  return withAssignments(live, newAssignments(live, contendedAssignments(org), CONTENDED_ASSIGNMENTS_SEED));
}

export function contendedAssignments(org: SyntheticOrg): number {
  return Math.max(20, Math.round(org.shape.newAssignments / 10));
}

export function driftedLive(org: SyntheticOrg): SyntheticOrg {
  return applyDrift(org, driftOf(org, DRIFT_FRACTION, DRIFT_SEED));
}

export function commandBounds(org: SyntheticOrg, settings: BenchSettings): Record<CommandName, LowerBound> {
  const read = readCalls(org);
  const drifted = driftedLive(org);
  const afterNew = withNewAssignments(org);
  const empty = withoutIdentity(org);
  const n = org.shape.newAssignments;
  const contendedLive = beforeContention(org);
  // The rate left to the tool while the second client takes its share.
  const shared = { ...settings, tps: settings.tps - CONTENDER_TPS };
  const c = contendedAssignments(org);
  return {
    extract: lowerBound(read, org, settings),
    'plan-no-change': lowerBound(read, org, settings),
    'plan-drift-1pct': lowerBound(readCalls(drifted), drifted, settings),
    'reconcile-assignments-1000': lowerBound(merge(read, assignmentCreateCalls(n)), org, settings, n),
    'reconcile-policy-200': lowerBound(merge(readCalls(afterNew), policyChangeCalls()), afterNew, settings, 1),
    'plan-contended': lowerBound(readCalls(contendedLive), contendedLive, shared),
    'reconcile-contended': lowerBound(merge(readCalls(contendedLive), assignmentCreateCalls(c)), contendedLive, shared, c),
    migrate: lowerBound(merge(readCalls(empty), createCalls(org)), empty, settings, org.assignments.length),
  };
}
