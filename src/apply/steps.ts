// The steps of a phase: what the apply step hands to AWS one at a time. Most changes are a
// step of their own; the changes of a kind whose configuration AWS writes whole
// (KindDescriptor.apply.together: the attributes for access control) are one step.
import { descriptorOf } from '../kinds/registry.js';
import type { Change, ChangeKind } from '../plan/types.js';
import type { IdRegistry } from './ids.js';
import type { IdentityCenterWriter } from './port.js';

export interface Step {
  changes: Change[];
  /** Applies the step's changes that may run. */
  run(runnable: Change[]): Promise<void>;
}

export function stepsOf(phase: readonly Change[], ids: IdRegistry, writer: IdentityCenterWriter): Step[] {
  const steps: Step[] = [];
  const together = new Map<ChangeKind, Step>();
  for (const change of keptTogether(phase)) {
    const { apply } = descriptorOf(change);
    if ('each' in apply) {
      steps.push({ changes: [change], run: () => apply.each(change, ids, writer) });
      continue;
    }
    const step = together.get(change.kind) ?? { changes: [], run: (runnable) => apply.together(runnable, ids, writer) };
    if (step.changes.length === 0) {
      together.set(change.kind, step);
      steps.push(step);
    }
    step.changes.push(change);
  }
  return steps;
}

/**
 * The phase with the changes that share a KindDescriptor.applyTogetherKey next to each other
 * (the assignment requests of one (account, permission set) pair): they are then in flight
 * together, and one ListAccountAssignments of the pair confirms them all
 * (src/aws/write/request-status-sources.ts). A phase's changes are independent, so any order
 * is correct; the rest keeps the plan's order (a stable sort).
 */
function keptTogether(phase: readonly Change[]): readonly Change[] {
  const key = (c: Change) => descriptorOf(c).applyTogetherKey?.(c) ?? '';
  if (!phase.some((c) => descriptorOf(c).applyTogetherKey !== undefined)) return phase;
  return [...phase].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
