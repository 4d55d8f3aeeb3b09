// The line a scoped plan (`--changed-since`) carries in every rendering: what it covers,
// and that the nightly drift check still reads everything.
import type { Plan } from '../plan/types.js';
import { plural } from '../model/plural.js';

export function scopeLine(plan: Pick<Plan, 'scope'>): string | undefined {
  if (plan.scope === undefined) return undefined;
  return `scoped to ${plural(plan.scope.objects, 'object')} changed since ${plan.scope.changedSince}; the nightly drift check reads everything`;
}
