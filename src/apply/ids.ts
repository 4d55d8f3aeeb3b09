// Name → id look-ups for the apply step: seeded from the live state the plan was
// checked against, extended with the ids of objects created during the run. A missing
// id is an error naming what is missing (usually: its creation failed earlier).
import type { LiveState } from '../model/live.js';
import type { PermissionSet } from '../model/types.js';

export class IdRegistry {
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly sets = new Map<string, string>();
  private readonly memberships = new Map<string, string>();
  /** Live content of each set by name: the "before" of an update. */
  readonly liveSets = new Map<string, PermissionSet>();

  constructor(live: LiveState) {
    for (const u of live.users) this.users.set(u.userName, u.id);
    for (const g of live.groups) this.groups.set(g.name, g.id);
    for (const s of live.permissionSets) {
      this.sets.set(s.name, s.arn);
      this.liveSets.set(s.name, s);
    }
    for (const m of live.memberships) this.memberships.set(membershipKey(m.groupId, m.userId), m.membershipId);
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
  principalId(type: 'USER' | 'GROUP', name: string): string {
    return type === 'USER' ? this.userId(name) : this.groupId(name);
  }

  addUser(userName: string, id: string): void {
    this.users.set(userName, id);
  }
  addGroup(name: string, id: string): void {
    this.groups.set(name, id);
  }
  addPermissionSet(name: string, arn: string): void {
    this.sets.set(name, arn);
  }
}

function membershipKey(groupId: string, userId: string): string {
  return `${groupId}\n${userId}`;
}

function must(value: string | undefined, message: string): string {
  if (value === undefined) throw new Error(message);
  return value;
}
