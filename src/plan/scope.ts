// What this caller manages. The IAM Identity Center User Guide, "Delegated administration"
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html), lists
// the tasks a delegated administrator cannot perform, among them "Managing permission sets
// provisioned in the management account" and "Enabling or disabling user access in the
// management account" (its assignments). From a delegated
// administrator those objects are therefore out of scope: the diff's deletions of them are
// left out with one note each, so they are never drift and never block anything. A change
// that really needs the management account (a create or an update that the files ask for)
// stays in the plan and is refused alone by src/plan/safety.ts.
import { descriptorOf, KIND_LIST } from '../kinds/registry.js';
import type { NamedLive } from './live-names.js';
import type { Change, ChangeKind } from './types.js';

export interface Scoped<C extends Change> {
  /** The changes to plan. */
  kept: C[];
  /** The notes about what was left out ([] when nothing was). */
  notes: string[];
}

/** Deletions a delegated administrator cannot make and the files did not ask for: left out. */
function outOfScope(c: Change, live: NamedLive): boolean {
  if (!live.delegatedAdministrator || c.action !== 'delete') return false;
  return descriptorOf(c).delegatedAdministrator?.outOfScope(c, live) ?? false;
}

/** The changes without the out-of-scope deletions, and the notes that count them (one per kind). */
export function leaveOutOfScope<C extends Change>(changes: readonly C[], live: NamedLive): Scoped<C> {
  const kept: C[] = [];
  const left = new Map<ChangeKind, number>();
  for (const c of changes) {
    if (!outOfScope(c, live)) kept.push(c);
    else left.set(c.kind, (left.get(c.kind) ?? 0) + 1);
  }
  const notes = KIND_LIST.flatMap((kind) => {
    const n = left.get(kind.kind) ?? 0;
    return n > 0 && kind.delegatedAdministrator ? [kind.delegatedAdministrator.outOfScopeNote(n, live)] : [];
  });
  return { kept, notes };
}
