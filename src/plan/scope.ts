// What this caller manages. The IAM Identity Center User Guide, "Delegated administration"
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html), lists
// the tasks a delegated administrator cannot perform, among them "Managing permission sets
// provisioned in the management account" and "Enabling or disabling user access in the
// management account" (its assignments). From a delegated
// administrator those objects are therefore out of scope: the diff's deletions of them are
// left out with one note each, so they are never drift and never block anything. A change
// that really needs the management account (a create or an update that the files ask for)
// stays in the plan and is refused alone by src/plan/safety.ts.
import { plural } from '../model/plural.js';
import type { NamedLive } from './live-names.js';
import type { Change } from './types.js';

export interface Scoped<C extends Change> {
  /** The changes to plan. */
  kept: C[];
  /** The notes about what was left out ([] when nothing was). */
  notes: string[];
}

/** Whether the caller manages from a delegated administrator account a set provisioned to the management account. */
export function provisionedToManagement(setName: string, live: NamedLive): boolean {
  return (live.provisionedAccounts.get(setName) ?? []).includes(live.managementAccountId);
}

/** Deletions a delegated administrator cannot make and the files did not ask for: left out. */
function outOfScope(c: Change, live: NamedLive): boolean {
  if (!live.delegatedAdministrator || c.action !== 'delete') return false;
  if (c.kind === 'assignment') return c.accountId === live.managementAccountId;
  if (c.kind === 'permissionSet') return provisionedToManagement(c.name, live);
  return false;
}

/** The changes without the out-of-scope deletions, and the notes that count them. */
export function leaveOutOfScope<C extends Change>(changes: readonly C[], live: NamedLive): Scoped<C> {
  const kept: C[] = [];
  let assignments = 0;
  let sets = 0;
  for (const c of changes) {
    if (!outOfScope(c, live)) kept.push(c);
    else if (c.kind === 'assignment') assignments++;
    else sets++;
  }
  const from = (n: number) => `${n === 1 ? 'is' : 'are'} managed from the management account (${live.managementAccountId}); not compared`;
  const notes = [
    ...(assignments > 0 ? [`${plural(assignments, 'assignment')} on the management account ${from(assignments)}`] : []),
    ...(sets > 0
      ? [`${plural(sets, 'permission set')} provisioned to the management account and not in the state files ${from(sets)}`]
      : []),
  ];
  return { kept, notes };
}
