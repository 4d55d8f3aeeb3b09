// The lower bound of each measured command on a generated organization: which live state
// the command reads and which writes it cannot avoid. Pure, so the bounds of a shape can be
// reported without running it (L) and pinned by unit tests.
import { assignmentCreateCalls, createCalls, lowerBound, merge, policyChangeCalls, readCalls, type BenchSettings, type LowerBound } from './lower-bound.js';
import type { SyntheticOrg } from './org.js';
import type { CommandName } from './result.js';
import { applyDrift, driftOf, newAssignments, withAssignments, withoutIdentity } from './variants.js';

export const DRIFT_FRACTION = 0.01;
export const DRIFT_SEED = 11;
export const NEW_ASSIGNMENTS_SEED = 13;

/** The source organization after `reconcile-assignments-1000`. */
export function withNewAssignments(org: SyntheticOrg): SyntheticOrg {
  return withAssignments(org, newAssignments(org, org.shape.newAssignments, NEW_ASSIGNMENTS_SEED));
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
  return {
    extract: lowerBound(read, org, settings),
    'plan-no-change': lowerBound(read, org, settings),
    'plan-drift-1pct': lowerBound(readCalls(drifted), drifted, settings),
    'reconcile-assignments-1000': lowerBound(merge(read, assignmentCreateCalls(n)), org, settings, n),
    'reconcile-policy-200': lowerBound(merge(readCalls(afterNew), policyChangeCalls()), afterNew, settings, 1),
    migrate: lowerBound(merge(readCalls(empty), createCalls(org)), empty, settings, org.assignments.length),
  };
}
