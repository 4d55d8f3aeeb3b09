// The plan's application access changes: who can use which application before the plan
// (live) and once its changes are made — application assignments created or deleted,
// memberships of assigned groups, assignmentRequired switched (everyone gains or loses the
// application), applications created or deleted, users created or deleted. Worked out from
// the plan's own changes, like the account access changes (plan-access.ts), so every scope
// rule applies exactly as reconcile applies it.
import { compareStrings } from '../model/order.js';
import type { NamedLive } from '../plan/live-names.js';
import type { ApplicationAccessChange, Change } from '../plan/types.js';
import { applicationAccessKey, computeApplicationAccess } from './application-engine.js';
import { liveApplicationAccessInput } from './application-inputs.js';
import { accessPerson, liveAccessInput } from './inputs.js';
import type { AccessMembership, ApplicationAccessInput, ApplicationAccessRow, ApplicationGrants } from './types.js';

const MOVES_APPLICATION_ACCESS = new Set<Change['kind']>(['membership', 'applicationAssignment', 'application', 'user', 'group']);

/** AWS's default when an application is created without an assignment configuration: required (PutApplicationAssignmentConfiguration). */
const DEFAULT_ASSIGNMENT_REQUIRED = true;

export function applicationInputAfter(before: ApplicationAccessInput, changes: readonly Change[]): ApplicationAccessInput {
  const users = new Map(before.users);
  const key = (m: AccessMembership) => `${m.group}\u0000${m.userName}`;
  const memberships = new Map(before.memberships.map((m) => [key(m), m]));
  const apps = new Map(
    before.applications.map((a): [string, { assignmentRequired: boolean; users: Set<string>; groups: Set<string> }] => [
      a.name,
      { assignmentRequired: a.assignmentRequired, users: new Set(a.users), groups: new Set(a.groups) },
    ]),
  );
  for (const c of changes) {
    if (c.kind === 'user' && c.action === 'create') users.set(c.userName, accessPerson(c.after));
    else if (c.kind === 'user' && c.action === 'delete') users.delete(c.userName);
    else if (c.kind === 'membership') {
      const m = { group: c.group, userName: c.userName };
      if (c.action === 'create') memberships.set(key(m), m);
      else memberships.delete(key(m));
    } else if (c.kind === 'application') {
      if (c.action === 'create')
        apps.set(c.name, { assignmentRequired: c.assignmentRequired ?? DEFAULT_ASSIGNMENT_REQUIRED, users: new Set(), groups: new Set() });
      else if (c.action === 'delete') apps.delete(c.name);
      else {
        const app = apps.get(c.name);
        const required = c.attributes.find((a) => a.field === 'assignmentRequired')?.after;
        if (app && typeof required === 'boolean') app.assignmentRequired = required;
      }
    } else if (c.kind === 'group' && c.action === 'rename') {
      // in place: the same members and assignments under the new name
      for (const [k, m] of [...memberships]) {
        if (m.group !== c.previousName) continue;
        memberships.delete(k);
        const renamed = { group: c.name, userName: m.userName };
        memberships.set(key(renamed), renamed);
      }
      for (const app of apps.values()) if (app.groups.delete(c.previousName)) app.groups.add(c.name);
    } else if (c.kind === 'applicationAssignment') {
      const principals = apps.get(c.application)?.[c.principalType === 'USER' ? 'users' : 'groups'];
      if (c.action === 'create') principals?.add(c.principal);
      else principals?.delete(c.principal);
    }
  }
  // a deleted user or group takes its memberships and application assignments with it
  const deletedUsers = new Set(changes.flatMap((c) => (c.kind === 'user' && c.action === 'delete' ? [c.userName] : [])));
  const deletedGroups = new Set(changes.flatMap((c) => (c.kind === 'group' && c.action === 'delete' ? [c.name] : [])));
  const applications: ApplicationGrants[] = [...apps.entries()].map(([name, a]) => ({
    name,
    assignmentRequired: a.assignmentRequired,
    users: [...a.users].filter((u) => !deletedUsers.has(u)),
    groups: [...a.groups].filter((g) => !deletedGroups.has(g)),
  }));
  return {
    users,
    memberships: [...memberships.values()].filter((m) => !deletedUsers.has(m.userName) && !deletedGroups.has(m.group)),
    applications,
  };
}

export function planApplicationAccessChanges(live: NamedLive, changes: readonly Change[]): ApplicationAccessChange[] {
  if (!changes.some((c) => MOVES_APPLICATION_ACCESS.has(c.kind))) return [];
  if (live.applications.size === 0 && !changes.some((c) => c.kind === 'application' && c.action === 'create')) return [];
  const before = liveApplicationAccessInput(live, liveAccessInput(live));
  return diffApplicationAccess(computeApplicationAccess(before), computeApplicationAccess(applicationInputAfter(before, changes)));
}

/** Gains and losses, sorted by user, then application. */
export function diffApplicationAccess(
  before: readonly ApplicationAccessRow[],
  after: readonly ApplicationAccessRow[],
): ApplicationAccessChange[] {
  const beforeKeys = new Set(before.map(applicationAccessKey));
  const afterKeys = new Set(after.map(applicationAccessKey));
  const change = (r: ApplicationAccessRow, kind: ApplicationAccessChange['change']): ApplicationAccessChange => ({
    userName: r.userName,
    application: r.application,
    change: kind,
    via: r.via,
  });
  return [
    ...after.filter((r) => !beforeKeys.has(applicationAccessKey(r))).map((r) => change(r, 'gain')),
    ...before.filter((r) => !afterKeys.has(applicationAccessKey(r))).map((r) => change(r, 'lose')),
  ].sort((a, b) => compareStrings(a.userName, b.userName) || compareStrings(a.application, b.application));
}
