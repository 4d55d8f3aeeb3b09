// The plan's access changes: the live effective access, and the effective access once
// the plan's changes are made (memberships and assignments created or deleted, users
// created; a deleted user, group or permission set takes its memberships and assignments
// with it, which the plan lists as changes of their own). Working from the plan's own
// changes rather than from the files alone keeps every scope rule (settings.manage,
// settings.ignore, protected assignments) exactly as the plan applies them: the section
// shows what reconcile would do to people's access, including through a membership change
// that touches no assignment. Refused changes are included: the reviewer sees what was
// asked for, and the refusals section says what will not happen.
import type { Settings } from '../model/types.js';
import type { NamedLive } from '../plan/live-names.js';
import { tripleKey } from '../plan/resolve.js';
import type { AccessChange, Change } from '../plan/types.js';
import { diffAccess, privilegedPatterns } from './changes.js';
import { computeAccess } from './engine.js';
import { accessPerson, liveAccessInput } from './inputs.js';
import type { AccessInput } from './types.js';

const membershipKey = (m: { group: string; userName: string }) => `${m.group}\u0000${m.userName}`;

export function accessInputAfter(before: AccessInput, changes: readonly Change[]): AccessInput {
  const users = new Map(before.users);
  const memberships = new Map(before.memberships.map((m) => [membershipKey(m), m]));
  const assignments = new Map(before.assignments.map((t) => [tripleKey(t), t]));
  for (const c of changes) {
    if (c.kind === 'user' && c.action === 'create') users.set(c.userName, accessPerson(c.after));
    else if (c.kind === 'membership') {
      const m = { group: c.group, userName: c.userName };
      if (c.action === 'create') memberships.set(membershipKey(m), m);
      else memberships.delete(membershipKey(m));
    } else if (c.kind === 'assignment') {
      const t = { permissionSet: c.permissionSet, principalType: c.principalType, principal: c.principal, accountId: c.accountId };
      if (c.action === 'create') assignments.set(tripleKey(t), t);
      else assignments.delete(tripleKey(t));
    }
  }
  return { users, memberships: [...memberships.values()], assignments: [...assignments.values()], accounts: before.accounts };
}

export function planAccessChanges(live: NamedLive, changes: readonly Change[], settings: Pick<Settings, 'review'>): AccessChange[] {
  // only memberships and assignments move access (a deleted object's are listed as changes of their own)
  if (!changes.some((c) => c.kind === 'membership' || c.kind === 'assignment')) return [];
  const before = liveAccessInput(live);
  const after = accessInputAfter(before, changes);
  const people = affectedPeople(before, after, changes);
  if (people.size === 0) return [];
  return diffAccess(computeAccess(onlyFor(before, people)), computeAccess(onlyFor(after, people)), privilegedPatterns(settings));
}

/** Only these people's access can change: a plan that touches ten memberships in an
 *  instance of 20,000 users expands ten people's access, not everyone's. */
function affectedPeople(before: AccessInput, after: AccessInput, changes: readonly Change[]): Set<string> {
  const people = new Set<string>();
  const groups = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'membership') people.add(c.userName);
    else if (c.kind === 'assignment') (c.principalType === 'USER' ? people : groups).add(c.principal);
  }
  if (groups.size > 0) for (const m of [...before.memberships, ...after.memberships]) if (groups.has(m.group)) people.add(m.userName);
  return people;
}

function onlyFor(input: AccessInput, people: ReadonlySet<string>): AccessInput {
  return {
    ...input,
    memberships: input.memberships.filter((m) => people.has(m.userName)),
    assignments: input.assignments.filter((t) => t.principalType === 'GROUP' || people.has(t.principal)),
  };
}
