// Dependency order of a plan's changes (docs/plan-format.md, "Apply order"): what others depend on
// is created first and deleted last. A phase's changes are independent of each other,
// so the apply step may run them concurrently; within a phase the order is only made
// deterministic (sorted by name) so plans are stable and diffable.
import type { Change } from './types.js';

/** The phase names in apply order; `phaseOf` maps a change to one of them. A rename runs
 *  first: it depends on nothing, and an update, membership or assignment of the group
 *  names it by its new name, which has an id only once the rename is done. */
export const PHASES = [
  'groups renamed',
  'users created/updated',
  'groups created/updated',
  'memberships added',
  'permission sets created/updated',
  'permission sets re-provisioned',
  'assignments created',
  'assignments deleted',
  'memberships removed',
  'groups deleted',
  'users deleted',
  'permission sets deleted',
] as const;
type Phase = (typeof PHASES)[number];

function phaseName(c: Change): Phase {
  switch (c.kind) {
    case 'user':
      return c.action === 'delete' ? 'users deleted' : 'users created/updated';
    case 'group':
      return c.action === 'delete' ? 'groups deleted' : c.action === 'rename' ? 'groups renamed' : 'groups created/updated';
    case 'membership':
      return c.action === 'delete' ? 'memberships removed' : 'memberships added';
    case 'permissionSet':
      return c.action === 'delete'
        ? 'permission sets deleted'
        : c.action === 'reprovision'
          ? 'permission sets re-provisioned'
          : 'permission sets created/updated';
    case 'assignment':
      return c.action === 'delete' ? 'assignments deleted' : 'assignments created';
  }
}

export function phaseOf(c: Change): number {
  return PHASES.indexOf(phaseName(c));
}

/** A stable sort key within a phase: action first (creates before updates), then names. */
export function changeSortKey(c: Change): string {
  const parts: string[] = [c.action];
  switch (c.kind) {
    case 'user':
      parts.push(c.userName);
      break;
    case 'group':
    case 'permissionSet':
      parts.push(c.name);
      break;
    case 'membership':
      parts.push(c.group, c.userName);
      break;
    case 'assignment':
      parts.push(c.permissionSet, c.principalType, c.principal, c.accountId);
      break;
  }
  return parts.join('\u0000');
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
