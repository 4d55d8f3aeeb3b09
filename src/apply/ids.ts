// Name → id look-ups for the apply step: seeded from the live state the plan was
// checked against, extended with the ids of objects created during the run. A missing
// id is an error naming what is missing (usually: its creation failed earlier).
//
// It also remembers every id a create of this run returned. The writers adopt an
// existing object by name when a create conflicts, and AWS may match names without
// regard to case: a create of "PLATFORM ADMINS" can return the id of the live
// "Platform Admins". A later delete of that id would undo the create and take the
// object's access with it, so a run never deletes an id it created or adopted.
import type { LiveState } from '../model/live.js';
import type { AccessControlAttribute, PermissionSet } from '../model/types.js';

export class IdRegistry {
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly sets = new Map<string, string>();
  private readonly memberships = new Map<string, string>();
  private readonly applications = new Map<string, string>();
  /** id → label of the create of this run that returned it. */
  private readonly createdInRun = new Map<string, string>();
  /** Live content of each set by name: the "before" of an update. */
  readonly liveSets = new Map<string, PermissionSet>();
  /** The live ABAC configuration the plan was made from; undefined when none exists. */
  readonly liveAccessControlAttributes: AccessControlAttribute[] | undefined;

  constructor(live: LiveState) {
    for (const u of live.users) this.users.set(u.userName, u.id);
    for (const g of live.groups) this.groups.set(g.name, g.id);
    for (const s of live.permissionSets) {
      this.sets.set(s.name, s.arn);
      this.liveSets.set(s.name, s);
    }
    for (const m of live.memberships) this.memberships.set(membershipKey(m.groupId, m.userId), m.membershipId);
    this.liveAccessControlAttributes = live.accessControlAttributes;
    for (const a of live.applications ?? []) this.applications.set(a.name, a.applicationArn);
  }

  userId(userName: string): string {
    return must(this.users.get(userName), `user "${userName}" has no id (not found live; its creation may have failed)`);
  }
  groupId(name: string): string {
    return must(this.groups.get(name), `group "${name}" has no id (not found live; its creation may have failed)`);
  }
  permissionSetArn(name: string): string {
    return must(this.sets.get(name), `permission set "${name}" has no ARN (not found live; its creation may have failed)`);
  }
  membershipId(groupId: string, userId: string, label: string): string {
    return must(this.memberships.get(membershipKey(groupId, userId)), `membership ${label} not found live`);
  }
  applicationArn(name: string): string {
    return must(this.applications.get(name), `application "${name}" has no ARN (not found live; its creation may have failed)`);
  }
  principalId(type: 'USER' | 'GROUP', name: string): string {
    return type === 'USER' ? this.userId(name) : this.groupId(name);
  }

  addUser(userName: string, id: string): void {
    this.users.set(userName, id);
    this.createdInRun.set(id, `create user "${userName}"`);
  }
  addGroup(name: string, id: string): void {
    this.groups.set(name, id);
    this.createdInRun.set(id, `create group "${name}"`);
  }
  addPermissionSet(name: string, arn: string): void {
    this.sets.set(name, arn);
    this.createdInRun.set(arn, `create permission set "${name}"`);
  }

  addApplication(name: string, arn: string): void {
    this.applications.set(name, arn);
    this.createdInRun.set(arn, `create application "${name}"`);
  }

  /** The group of `previousName` now answers to `name` (same id: not a create). */
  renameGroup(previousName: string, name: string): void {
    this.groups.set(name, this.groupId(previousName));
    this.groups.delete(previousName);
  }

  /** `id`, unless a create of this run returned it: then deleting it is refused. */
  deletable(id: string): string {
    const creator = this.createdInRun.get(id);
    if (creator !== undefined) {
      throw new Error(
        `refused: its id ${id} was returned by ${creator} in this run (AWS matched the new name to this object); ` +
          'deleting it would undo that change. Nothing was deleted; plan again to see the live state',
      );
    }
    return id;
  }
}

function membershipKey(groupId: string, userId: string): string {
  return `${groupId}\n${userId}`;
}

function must(value: string | undefined, message: string): string {
  if (value === undefined) throw new Error(message);
  return value;
}
