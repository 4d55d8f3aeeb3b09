// Dependency order of a plan's changes (docs/plan-format.md, "Apply order"): what others depend on
// is created first and deleted last. A phase's changes are independent of each other,
// so the apply step may run them concurrently; within a phase the order is only made
// deterministic (sorted by name) so plans are stable and diffable.
import { PHASES } from '../kinds/phases.js';
import { descriptorOf } from '../kinds/registry.js';
import type { Change } from './types.js';

/** The phase names in apply order (src/kinds/phases.ts); each kind's descriptor maps its changes to one. */
export { PHASES };

export function phaseOf(c: Change): number {
  return PHASES.indexOf(descriptorOf(c).phases[c.action]);
}

/** A stable sort key within a phase: action first (creates before updates), then the kind's names. */
export function changeSortKey(c: Change): string {
  return [c.action, ...descriptorOf(c).sortKey(c)].join('\u0000');
}

function compareChanges(a: Change, b: Change): number {
  const ka = changeSortKey(a);
  const kb = changeSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function orderChanges(changes: readonly Change[]): Change[][] {
  const phases: Change[][] = PHASES.map(() => []);
  for (const c of changes) phases[phaseOf(c)]?.push(c);
  return phases.filter((p) => p.length > 0).map((p) => [...p].sort(compareChanges));
}
