// Which changes must not run once another change has failed. "A failure stops nothing that
// does not depend on it" (docs/plan-format.md, "Apply order") — and so it stops what does. Two kinds of
// dependency:
//  - needs: the change uses what the failed one was creating (a membership of a user whose
//    creation failed, an assignment of a permission set whose update failed, ...);
//  - replaces: a removal whose replacement failed. When granting a principal its new access
//    on an account failed, removing its old access there would lock it out; when adding a
//    user to its new group failed, removing it from the old one would too. The removal waits
//    for the next run, which starts from the live state again.
import type { Change } from '../plan/types.js';

/** The objects a change creates or touches, as keys another change can depend on. */
function provides(c: Change): string[] {
  switch (c.kind) {
    case 'user':
      return c.action === 'delete' ? [] : [`user:${c.userName}`];
    case 'group':
      // a failed rename leaves the group without its new name: all that uses the name waits
      return c.action === 'delete' ? [] : c.action === 'rename' ? [`group:${c.name}`, `renamed-group:${c.name}`] : [`group:${c.name}`];
    case 'permissionSet':
      return c.action === 'create' || c.action === 'update'
        ? [`set:${c.name}`]
        : c.action === 'reprovision'
          ? [`provisioned:${c.name}`]
          : [];
    case 'membership':
      return c.action === 'create' ? [`grant-member:${c.userName}`] : [];
    case 'assignment':
      return c.action === 'create' ? [`grant:${c.principalType}:${c.principal}:${c.accountId}`] : [];
  }
}

function principalKey(type: 'USER' | 'GROUP', name: string): string {
  return type === 'USER' ? `user:${name}` : `group:${name}`;
}

/** The keys a change needs to have succeeded first. */
function needs(c: Change): string[] {
  switch (c.kind) {
    case 'membership':
      return c.action === 'create'
        ? [`user:${c.userName}`, `group:${c.group}`]
        : [`grant-member:${c.userName}`, `renamed-group:${c.group}`];
    case 'permissionSet':
      return c.action === 'reprovision' ? [`set:${c.name}`] : [];
    case 'assignment':
      return c.action === 'create'
        ? [`set:${c.permissionSet}`, principalKey(c.principalType, c.principal)]
        : [
            `grant:${c.principalType}:${c.principal}:${c.accountId}`,
            ...(c.principalType === 'GROUP' ? [`renamed-group:${c.principal}`] : []),
          ];
    case 'group':
      return c.action === 'delete'
        ? [`removed-assignment-of:GROUP:${c.name}`, `removed-members-of:${c.name}`]
        : c.action === 'update'
          ? [`renamed-group:${c.name}`]
          : [];
    case 'user':
      return c.action === 'delete' ? [`removed-assignment-of:USER:${c.userName}`, `removed-membership-of:${c.userName}`] : [];
    default:
      return [];
  }
}

/** Extra keys a failure blocks: deleting a principal or set waits for the removals that must precede it. */
function blockedByFailure(c: Change): string[] {
  if (c.kind === 'assignment' && c.action === 'delete')
    return [`removed-assignment-of:${c.principalType}:${c.principal}`, `removed-assignments-of-set:${c.permissionSet}`];
  if (c.kind === 'membership' && c.action === 'delete') return [`removed-members-of:${c.group}`, `removed-membership-of:${c.userName}`];
  return [];
}

/** Tracks failed changes and tells which later changes they block. */
export class FailureDependencies {
  private readonly blocked = new Map<string, string>();

  /** Records a failed (or skipped) change, described by `label`. */
  fail(c: Change, label: string): void {
    for (const key of [...provides(c), ...blockedByFailure(c)]) if (!this.blocked.has(key)) this.blocked.set(key, label);
  }

  /** The label of a failed change `c` depends on, or undefined when `c` may run. */
  blockerOf(c: Change): string | undefined {
    const keys = c.kind === 'permissionSet' && c.action === 'delete' ? [`removed-assignments-of-set:${c.name}`] : needs(c);
    for (const key of keys) {
      const blocker = this.blocked.get(key);
      if (blocker !== undefined) return blocker;
    }
    return undefined;
  }
}
