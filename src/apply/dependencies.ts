// Which changes must not run once another change has failed. "A failure stops nothing that
// does not depend on it" (docs/plan-format.md, "Apply order") — and so it stops what does. Two kinds of
// dependency:
//  - needs: the change uses what the failed one was creating (a membership of a user whose
//    creation failed, an assignment of a permission set whose update failed, ...);
//  - replaces: a removal whose replacement failed. When granting a principal its new access
//    on an account failed, removing its old access there would lock it out; when adding a
//    user to its new group failed, removing it from the old one would too. The removal waits
//    for the next run, which starts from the live state again.
import { descriptorOf } from '../kinds/registry.js';
import type { Change } from '../plan/types.js';

// Each kind says what its changes provide, need and block (src/kinds/<kind>/descriptor.ts,
// with the keys spelled in src/kinds/keys.ts).
const provides = (c: Change) => descriptorOf(c).provides(c);
const needs = (c: Change) => descriptorOf(c).needs(c);
const blockedByFailure = (c: Change) => descriptorOf(c).blockedByFailure(c);

/** Tracks failed changes and tells which later changes they block. */
export class FailureDependencies {
  private readonly blocked = new Map<string, string>();

  /** Records a failed (or skipped) change, described by `label`. */
  fail(c: Change, label: string): void {
    for (const key of [...provides(c), ...blockedByFailure(c)]) if (!this.blocked.has(key)) this.blocked.set(key, label);
  }

  /** The label of a failed change `c` depends on, or undefined when `c` may run. */
  blockerOf(c: Change): string | undefined {
    for (const key of needs(c)) {
      const blocker = this.blocked.get(key);
      if (blocker !== undefined) return blocker;
    }
    return undefined;
  }
}
