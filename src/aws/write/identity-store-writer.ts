// Identity store writes: users, groups, memberships. A retried or resumed run is harmless:
// "already exists" on create (only the identitystore model's ConflictExceptionReason
// UNIQUENESS_CONSTRAINT_VIOLATION says that) adopts the object or counts as done, and
// "not found" on delete counts as done. Any other conflict (CONCURRENT_MODIFICATION, or
// none given) is retried; when the retries are exhausted the write fails, unless a read
// shows its goal holds (settle.ts). An adopted user or group is compared with what the
// files want and updated, so exit 0 means converged.
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupMembershipCommand,
  DeleteUserCommand,
  DescribeGroupCommand,
  DescribeGroupMembershipCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  ResourceNotFoundException,
  UpdateGroupCommand,
  UpdateUserCommand,
  type AttributeOperation,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import type { DocumentType } from '@smithy/types';
import type { JsonValue, User } from '../../model/types.js';
import { createUserInput, ENTERPRISE_EXTENSION, LIST_MEMBERS, NAME_PARTS, TEXT_MEMBERS, toSdkList } from '../kinds/user-shape.js';
import { USER_EXTENSIONS } from '../kinds/users.js';
import type { AttributeChange } from '../../plan/types.js';
import { isConflict, isUniquenessConflict } from '../conflict-retry.js';
import { adoptedGroupChanges, adoptedUserChanges, fieldList } from './adopted-identity.js';
import type { RetryConflicts } from './retry.js';
import { ignoreNotFound, isGone, writeOrConfirm } from './settle.js';

/**
 * UpdateUser operations; an absent `after` removes the attribute. Text attributes and
 * Name parts are addressed one by one ("name.honorificPrefix"); lists (emails, addresses,
 * phoneNumbers, photos, roles) are replaced whole, as the model allows at most one email,
 * address, phone number and role and three photos (identitystore Emails, Addresses,
 * PhoneNumbers, Roles: max 1; Photos: max 3). The enterprise extension is replaced whole
 * at its extension name: AttributePath's pattern admits "aws:identitystore:enterprise"
 * (identitystore AttributePath: \p{L}+:\p{L}+:\p{L}+(?:\.\p{L}+){0,3}).
 */
export function userAttributeOperations(changes: AttributeChange[]): AttributeOperation[] {
  return changes.map((c) => {
    const path = userAttributePath(c.field);
    if (c.after === undefined || c.after === null) return { AttributePath: path };
    return { AttributePath: path, AttributeValue: sdkValue(c.field, c.after) };
  });
}

function userAttributePath(field: string): string {
  if (field in NAME_PARTS) return `name.${lowerFirst(NAME_PARTS[field as keyof typeof NAME_PARTS])}`;
  if (field in TEXT_MEMBERS || field in LIST_MEMBERS) return field;
  if (field === 'enterprise') return ENTERPRISE_EXTENSION;
  throw new Error(`user attribute "${field}" cannot be updated`);
}

function sdkValue(field: string, value: JsonValue): DocumentType {
  if (field in LIST_MEMBERS && Array.isArray(value)) return toSdkList(value as object[]) as DocumentType;
  return value;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

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
      if (removed) throw new Error("a group's displayName cannot be removed");
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
        this.client.send(new CreateUserCommand(createUserInput(IdentityStoreId, u))),
      );
      return required(out.UserId, 'CreateUser returned no UserId');
    } catch (err) {
      const userId = await this.existingAfterConflict(err, 'user', u.userName, () =>
        this.client
          .send(
            new GetUserIdCommand({
              IdentityStoreId,
              AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: u.userName } },
            }),
          )
          .then((o) => o.UserId),
      );
      const described = await this.client.send(new DescribeUserCommand({ IdentityStoreId, UserId: userId, Extensions: USER_EXTENSIONS }));
      const changes = adoptedUserChanges(described, u);
      await adoptionUpdate(`user "${u.userName}"`, changes, () => this.updateUser(userId, changes));
      return userId;
    }
  }

  async updateUser(userId: string, changes: AttributeChange[]): Promise<void> {
    await this.retry(`UpdateUser ${userId}`, () =>
      this.client.send(
        new UpdateUserCommand({ IdentityStoreId: this.identityStoreId, UserId: userId, Operations: userAttributeOperations(changes) }),
      ),
    );
  }

  async deleteUser(userId: string): Promise<void> {
    const IdentityStoreId = this.identityStoreId;
    await ignoreNotFound(
      writeOrConfirm(
        this.retry,
        `DeleteUser ${userId}`,
        () => this.client.send(new DeleteUserCommand({ IdentityStoreId, UserId: userId })),
        () => isGone(() => this.client.send(new DescribeUserCommand({ IdentityStoreId, UserId: userId }))),
      ),
    );
  }

  async createGroup(name: string, description: string | undefined): Promise<string> {
    const IdentityStoreId = this.identityStoreId;
    try {
      const out = await this.retry(`CreateGroup ${name}`, () =>
        this.client.send(
          new CreateGroupCommand({
            IdentityStoreId,
            DisplayName: name,
            ...(description !== undefined ? { Description: description } : {}),
          }),
        ),
      );
      return required(out.GroupId, 'CreateGroup returned no GroupId');
    } catch (err) {
      const groupId = await this.existingAfterConflict(err, 'group', name, () =>
        this.client
          .send(
            new GetGroupIdCommand({
              IdentityStoreId,
              AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: name } },
            }),
          )
          .then((o) => o.GroupId),
      );
      const described = await this.client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId: groupId }));
      const changes = adoptedGroupChanges(described, name, description);
      await adoptionUpdate(`group "${name}"`, changes, () => this.updateGroup(groupId, changes));
      return groupId;
    }
  }

  async updateGroup(groupId: string, changes: AttributeChange[]): Promise<void> {
    const Operations = groupAttributeOperations(changes);
    await this.retry(`UpdateGroup ${groupId}`, () =>
      this.client.send(new UpdateGroupCommand({ IdentityStoreId: this.identityStoreId, GroupId: groupId, Operations })),
    );
  }

  async deleteGroup(groupId: string): Promise<void> {
    const IdentityStoreId = this.identityStoreId;
    await ignoreNotFound(
      writeOrConfirm(
        this.retry,
        `DeleteGroup ${groupId}`,
        () => this.client.send(new DeleteGroupCommand({ IdentityStoreId, GroupId: groupId })),
        () => isGone(() => this.client.send(new DescribeGroupCommand({ IdentityStoreId, GroupId: groupId }))),
      ),
    );
  }

  async createMembership(groupId: string, userId: string): Promise<void> {
    const IdentityStoreId = this.identityStoreId;
    try {
      await writeOrConfirm(
        this.retry,
        `CreateGroupMembership ${groupId} ${userId}`,
        () => this.client.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId: groupId, MemberId: { UserId: userId } })),
        () =>
          isGone(() =>
            this.client.send(new GetGroupMembershipIdCommand({ IdentityStoreId, GroupId: groupId, MemberId: { UserId: userId } })),
          ).then((gone) => !gone),
      );
    } catch (err) {
      if (!isUniquenessConflict(err)) throw err; // already a member: the goal is reached
    }
  }

  async deleteMembership(membershipId: string): Promise<void> {
    const IdentityStoreId = this.identityStoreId;
    await ignoreNotFound(
      writeOrConfirm(
        this.retry,
        `DeleteGroupMembership ${membershipId}`,
        () => this.client.send(new DeleteGroupMembershipCommand({ IdentityStoreId, MembershipId: membershipId })),
        () => isGone(() => this.client.send(new DescribeGroupMembershipCommand({ IdentityStoreId, MembershipId: membershipId }))),
      ),
    );
  }

  /**
   * The id of the object a create conflicted with. "Already exists" (uniqueness) adopts
   * the object of that name; so does an exhausted conflict of another kind when the
   * object turns out to exist (another writer created it meanwhile). Otherwise the
   * create failed, and the conflict is rethrown.
   */
  private async existingAfterConflict(
    err: unknown,
    kind: 'user' | 'group',
    name: string,
    lookUp: () => Promise<string | undefined>,
  ): Promise<string> {
    if (!isConflict(err)) throw err;
    let id: string | undefined;
    try {
      id = await lookUp();
    } catch (lookUpErr) {
      if (!(lookUpErr instanceof ResourceNotFoundException)) throw lookUpErr;
    }
    if (id) return id;
    if (!isUniquenessConflict(err)) throw err;
    throw new Error(
      `${kind} "${name}": AWS answers that it already exists, but no ${kind} of that name is found: ${(err as Error).message}`,
    );
  }
}

/** Brings an adopted object to what the files want; a failure names every attribute that differs. */
async function adoptionUpdate(what: string, changes: AttributeChange[], update: () => Promise<void>): Promise<void> {
  if (changes.length === 0) return;
  try {
    await update();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${what} already existed (created outside this run) and differs in ${fieldList(changes)}; updating it failed: ${why}`, {
      cause: err,
    });
  }
}

function required(value: string | undefined, message: string): string {
  if (!value) throw new Error(message);
  return value;
}
