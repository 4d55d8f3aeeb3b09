// Identity store writes: users, groups, memberships. "Already exists" on create and
// "not found" on delete count as success, so a retried or resumed run is harmless.
import {
  ConflictException,
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupMembershipCommand,
  DeleteUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  ResourceNotFoundException,
  UpdateGroupCommand,
  UpdateUserCommand,
  type AttributeOperation,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import type { User } from '../../model/types.js';
import type { AttributeChange } from '../../plan/types.js';
import type { RetryConflicts } from './retry.js';

/** identitystore AttributePath of each modelled user attribute. */
const USER_ATTRIBUTE_PATHS: Record<string, string> = {
  displayName: 'displayName',
  givenName: 'name.givenName',
  familyName: 'name.familyName',
  middleName: 'name.middleName',
  email: 'emails',
  nickName: 'nickName',
  title: 'title',
  userType: 'userType',
  preferredLanguage: 'preferredLanguage',
  locale: 'locale',
  timezone: 'timezone',
  profileUrl: 'profileUrl',
};

const primaryEmail = (value: string) => [{ Value: value, Type: 'work', Primary: true }];

/** UpdateUser operations; an absent `after` removes the attribute. */
export function userAttributeOperations(changes: AttributeChange[]): AttributeOperation[] {
  return changes.map((c) => {
    const path = USER_ATTRIBUTE_PATHS[c.field];
    if (path === undefined) throw new Error(`user attribute "${c.field}" cannot be updated`);
    if (c.after === undefined || c.after === null) return { AttributePath: path };
    const value = c.field === 'email' ? primaryEmail(String(c.after)) : c.after;
    return { AttributePath: path, AttributeValue: value };
  });
}

/**
 * UpdateGroup operations. `displayName` renames the group in place (same GroupId, so its
 * memberships and assignments stay): the identitystore Group type lists DisplayName among
 * the attributes UpdateGroup replaces (UpdateGroupRequest.Operations, @aws-sdk/client-identitystore),
 * and the Terraform provider's aws_identitystore_group sends AttributePath "displayName" in
 * its UpdateGroup. A group always has a name: removing it is refused here.
 */
export function groupAttributeOperations(changes: AttributeChange[]): AttributeOperation[] {
  return changes.map((c) => {
    const removed = c.after === undefined || c.after === null;
    if (c.field === 'displayName') {
      if (removed) throw new Error('a group\'s displayName cannot be removed');
      return { AttributePath: 'displayName', AttributeValue: c.after };
    }
    if (c.field !== 'description') throw new Error(`group attribute "${c.field}" cannot be updated`);
    return removed ? { AttributePath: 'description' } : { AttributePath: 'description', AttributeValue: c.after };
  });
}

export class IdentityStoreWriter {
  constructor(
    private readonly client: IdentitystoreClient,
    private readonly identityStoreId: string,
    private readonly retry: RetryConflicts,
  ) {}

  async createUser(u: User): Promise<string> {
    const IdentityStoreId = this.identityStoreId;
    try {
      const out = await this.retry(`CreateUser ${u.userName}`, () =>
        this.client.send(
          new CreateUserCommand({
            IdentityStoreId,
            UserName: u.userName,
            DisplayName: u.displayName,
            Name: { GivenName: u.givenName, FamilyName: u.familyName, ...(u.middleName ? { MiddleName: u.middleName } : {}) },
            ...(u.email ? { Emails: primaryEmail(u.email) } : {}),
            NickName: u.nickName,
            Title: u.title,
            UserType: u.userType,
            PreferredLanguage: u.preferredLanguage,
            Locale: u.locale,
            Timezone: u.timezone,
            ProfileUrl: u.profileUrl,
          }),
        ),
      );
      return required(out.UserId, 'CreateUser returned no UserId');
    } catch (err) {
      if (!isUniquenessConflict(err)) throw err;
      // Created by an earlier, interrupted run: adopt it (the next plan compares attributes).
      const found = await this.client.send(
        new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: u.userName } } }),
      );
      return required(found.UserId, 'GetUserId returned no UserId');
    }
  }

  async updateUser(userId: string, changes: AttributeChange[]): Promise<void> {
    await this.retry(`UpdateUser ${userId}`, () =>
      this.client.send(new UpdateUserCommand({ IdentityStoreId: this.identityStoreId, UserId: userId, Operations: userAttributeOperations(changes) })),
    );
  }

  async deleteUser(userId: string): Promise<void> {
    await ignoreNotFound(this.retry(`DeleteUser ${userId}`, () => this.client.send(new DeleteUserCommand({ IdentityStoreId: this.identityStoreId, UserId: userId }))));
  }

  async createGroup(name: string, description: string | undefined): Promise<string> {
    const IdentityStoreId = this.identityStoreId;
    try {
      const out = await this.retry(`CreateGroup ${name}`, () =>
        this.client.send(new CreateGroupCommand({ IdentityStoreId, DisplayName: name, ...(description !== undefined ? { Description: description } : {}) })),
      );
      return required(out.GroupId, 'CreateGroup returned no GroupId');
    } catch (err) {
      if (!isUniquenessConflict(err)) throw err;
      const found = await this.client.send(
        new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: name } } }),
      );
      return required(found.GroupId, 'GetGroupId returned no GroupId');
    }
  }

  async updateGroup(groupId: string, changes: AttributeChange[]): Promise<void> {
    const Operations = groupAttributeOperations(changes);
    await this.retry(`UpdateGroup ${groupId}`, () => this.client.send(new UpdateGroupCommand({ IdentityStoreId: this.identityStoreId, GroupId: groupId, Operations })));
  }

  async deleteGroup(groupId: string): Promise<void> {
    await ignoreNotFound(this.retry(`DeleteGroup ${groupId}`, () => this.client.send(new DeleteGroupCommand({ IdentityStoreId: this.identityStoreId, GroupId: groupId }))));
  }

  async createMembership(groupId: string, userId: string): Promise<void> {
    try {
      await this.retry(`CreateGroupMembership ${groupId} ${userId}`, () =>
        this.client.send(new CreateGroupMembershipCommand({ IdentityStoreId: this.identityStoreId, GroupId: groupId, MemberId: { UserId: userId } })),
      );
    } catch (err) {
      if (!isUniquenessConflict(err)) throw err; // already a member: the goal is reached
    }
  }

  async deleteMembership(membershipId: string): Promise<void> {
    await ignoreNotFound(
      this.retry(`DeleteGroupMembership ${membershipId}`, () =>
        this.client.send(new DeleteGroupMembershipCommand({ IdentityStoreId: this.identityStoreId, MembershipId: membershipId })),
      ),
    );
  }
}

function isUniquenessConflict(err: unknown): boolean {
  return err instanceof ConflictException && err.Reason !== 'CONCURRENT_MODIFICATION';
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
}

function required(value: string | undefined, message: string): string {
  if (!value) throw new Error(message);
  return value;
}
