// One identity store: users, groups and memberships, indexed so that look-ups by name and
// the membership listings (per group, per member) never scan the whole store.
import type { Json } from '../input.js';
import { conflict, notFound } from '../errors.js';

export interface StoredUser {
  UserId: string;
  /** every other attribute as AWS returns it (UserName, Name, DisplayName, Emails, ...) */
  attributes: Json;
}

export interface StoredGroup {
  GroupId: string;
  DisplayName: string;
  Description?: string;
  /** epoch seconds */
  CreatedAt: number;
  UpdatedAt: number;
}

export interface Membership {
  MembershipId: string;
  GroupId: string;
  UserId: string;
}

/** User names and group display names are unique regardless of case in Identity Center. */
function nameKey(name: string): string {
  return name.toLowerCase();
}

export class IdentityStore {
  readonly users = new Map<string, StoredUser>();
  readonly groups = new Map<string, StoredGroup>();
  readonly memberships = new Map<string, Membership>();
  private readonly userByName = new Map<string, string>();
  private readonly groupByName = new Map<string, string>();
  /** email value (lower case) → user ids carrying it; emails are not unique, GetUserId answers the first */
  private readonly usersByEmail = new Map<string, Set<string>>();
  /** groupId → userId → membershipId */
  private readonly membersOfGroup = new Map<string, Map<string, string>>();
  /** userId → groupId → membershipId */
  private readonly groupsOfUser = new Map<string, Map<string, string>>();

  constructor(readonly id: string) {}

  user(userId: string): StoredUser {
    const user = this.users.get(userId);
    if (!user) throw notFound(`USER not found: ${userId}`, { ResourceType: 'USER', ResourceId: userId });
    return user;
  }

  group(groupId: string): StoredGroup {
    const group = this.groups.get(groupId);
    if (!group) throw notFound(`GROUP not found: ${groupId}`, { ResourceType: 'GROUP', ResourceId: groupId });
    return group;
  }

  userIdByName(userName: string): string | undefined {
    return this.userByName.get(nameKey(userName));
  }

  userIdByEmail(email: string): string | undefined {
    const ids = this.usersByEmail.get(nameKey(email));
    return ids === undefined ? undefined : ids.values().next().value;
  }

  groupIdByName(displayName: string): string | undefined {
    return this.groupByName.get(nameKey(displayName));
  }

  addUser(user: StoredUser): void {
    const name = String(user.attributes.UserName);
    this.requireFreeUserName(name);
    this.users.set(user.UserId, user);
    this.userByName.set(nameKey(name), user.UserId);
    this.indexEmails(user.UserId, user.attributes, 'add');
  }

  /** Replaces a user's attributes, keeping the name index right when UserName changes. */
  replaceUser(userId: string, attributes: Json): void {
    const user = this.user(userId);
    const before = String(user.attributes.UserName);
    const after = String(attributes.UserName);
    if (nameKey(before) !== nameKey(after)) {
      this.requireFreeUserName(after);
      this.userByName.delete(nameKey(before));
      this.userByName.set(nameKey(after), userId);
    }
    this.indexEmails(userId, user.attributes, 'remove');
    user.attributes = attributes;
    this.indexEmails(userId, attributes, 'add');
  }

  deleteUser(userId: string): void {
    const user = this.user(userId);
    for (const groupId of [...(this.groupsOfUser.get(userId)?.keys() ?? [])]) this.removeMembership(groupId, userId);
    this.userByName.delete(nameKey(String(user.attributes.UserName)));
    this.indexEmails(userId, user.attributes, 'remove');
    this.users.delete(userId);
  }

  addGroup(group: StoredGroup): void {
    this.requireFreeGroupName(group.DisplayName);
    this.groups.set(group.GroupId, group);
    this.groupByName.set(nameKey(group.DisplayName), group.GroupId);
  }

  renameGroup(groupId: string, displayName: string): void {
    const group = this.group(groupId);
    if (nameKey(group.DisplayName) !== nameKey(displayName)) {
      this.requireFreeGroupName(displayName);
      this.groupByName.delete(nameKey(group.DisplayName));
      this.groupByName.set(nameKey(displayName), groupId);
    }
    group.DisplayName = displayName;
  }

  deleteGroup(groupId: string): void {
    const group = this.group(groupId);
    for (const userId of [...(this.membersOfGroup.get(groupId)?.keys() ?? [])]) this.removeMembership(groupId, userId);
    this.groupByName.delete(nameKey(group.DisplayName));
    this.groups.delete(groupId);
  }

  membershipId(groupId: string, userId: string): string | undefined {
    return this.membersOfGroup.get(groupId)?.get(userId);
  }

  addMembership(membership: Membership): void {
    if (this.membershipId(membership.GroupId, membership.UserId)) {
      throw conflict(`Member ${membership.UserId} already exists in group ${membership.GroupId}`, {
        Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
      });
    }
    this.memberships.set(membership.MembershipId, membership);
    indexPair(this.membersOfGroup, membership.GroupId, membership.UserId, membership.MembershipId);
    indexPair(this.groupsOfUser, membership.UserId, membership.GroupId, membership.MembershipId);
  }

  membership(membershipId: string): Membership {
    const m = this.memberships.get(membershipId);
    if (!m) throw notFound(`GROUP_MEMBERSHIP not found: ${membershipId}`, { ResourceType: 'GROUP_MEMBERSHIP', ResourceId: membershipId });
    return m;
  }

  removeMembership(groupId: string, userId: string): void {
    const id = this.membershipId(groupId, userId);
    if (!id) return;
    this.memberships.delete(id);
    this.membersOfGroup.get(groupId)?.delete(userId);
    this.groupsOfUser.get(userId)?.delete(groupId);
  }

  /** Membership ids of a group, in insertion order. */
  membershipIdsOfGroup(groupId: string): Iterable<string> {
    return this.membersOfGroup.get(groupId)?.values() ?? [];
  }

  membershipIdsOfUser(userId: string): Iterable<string> {
    return this.groupsOfUser.get(userId)?.values() ?? [];
  }

  private indexEmails(userId: string, attributes: Json, change: 'add' | 'remove'): void {
    for (const email of emailValues(attributes)) {
      const key = nameKey(email);
      let ids = this.usersByEmail.get(key);
      if (change === 'add') {
        if (!ids) this.usersByEmail.set(key, (ids = new Set()));
        ids.add(userId);
      } else if (ids) {
        ids.delete(userId);
        if (ids.size === 0) this.usersByEmail.delete(key);
      }
    }
  }

  private requireFreeUserName(name: string): void {
    if (this.userByName.has(nameKey(name))) throw conflict(`Duplicate UserName: ${name}`, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
  }

  private requireFreeGroupName(name: string): void {
    if (this.groupByName.has(nameKey(name)))
      throw conflict(`Duplicate GroupDisplayName: ${name}`, { Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION' });
  }
}

function emailValues(attributes: Json): string[] {
  const emails = attributes.Emails;
  if (!Array.isArray(emails)) return [];
  return emails.map((e: unknown) => (e as { Value?: unknown }).Value).filter((v): v is string => typeof v === 'string');
}

function indexPair(index: Map<string, Map<string, string>>, outer: string, inner: string, value: string): void {
  let map = index.get(outer);
  if (!map) index.set(outer, (map = new Map<string, string>()));
  map.set(inner, value);
}
