// The identity store read raw with the plain AWS SDK (none of the tool's code), for the
// migration-fidelity comparison: every member of every user and group, as the service
// returns it, keyed by name. Only what identifies the object in one store (ids, the store
// id) or records when and by whom it was written is left out: those differ between any
// two instances by design.
import {
  CreateGroupMembershipCommand,
  CreateUserCommand,
  GetGroupIdCommand,
  IdentitystoreClient,
  ListGroupsCommand,
  ListUsersCommand,
  type CreateUserRequest,
  type ListGroupsCommandOutput,
} from '@aws-sdk/client-identitystore';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { SdkConfig } from './backends.js';

const PER_INSTANCE = ['UserId', 'GroupId', 'IdentityStoreId', 'CreatedAt', 'CreatedBy', 'UpdatedAt', 'UpdatedBy'];

export interface RawIdentity {
  users: Record<string, Record<string, unknown>>;
  groups: Record<string, Record<string, unknown>>;
}

function withoutInstanceMembers(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => !PER_INSTANCE.includes(k) && v !== undefined));
}

export async function identityStoreId(config: SdkConfig): Promise<string> {
  const sso = new SSOAdminClient(config);
  try {
    const id = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.IdentityStoreId;
    if (!id) throw new Error('no Identity Center instance');
    return id;
  } finally {
    sso.destroy();
  }
}

/** Every user and group with all their members; `extensions` asks ListUsers for the enterprise extension too. */
export async function readRawIdentity(config: SdkConfig, extensions: boolean): Promise<RawIdentity> {
  const IdentityStoreId = await identityStoreId(config);
  const ids = new IdentitystoreClient(config);
  try {
    const users: Record<string, Record<string, unknown>> = {};
    let token: string | undefined;
    do {
      const page = await ids.send(
        new ListUsersCommand({
          IdentityStoreId,
          NextToken: token,
          ...(extensions ? { Extensions: ['aws:identitystore:enterprise'] } : {}),
        }),
      );
      for (const u of page.Users ?? []) users[u.UserName ?? ''] = withoutInstanceMembers(u);
      token = page.NextToken;
    } while (token);
    const groups: Record<string, Record<string, unknown>> = {};
    token = undefined;
    do {
      const groupPage: ListGroupsCommandOutput = await ids.send(new ListGroupsCommand({ IdentityStoreId, NextToken: token }));
      for (const g of groupPage.Groups ?? []) groups[g.DisplayName ?? ''] = withoutInstanceMembers(g);
      token = groupPage.NextToken;
    } while (token);
    return { users, groups };
  } finally {
    ids.destroy();
  }
}

/** Creates users directly with the SDK (not through the tool) and adds each to `group`. */
export async function seedUsers(
  config: SdkConfig,
  users: readonly Omit<CreateUserRequest, 'IdentityStoreId'>[],
  group: string,
): Promise<void> {
  const IdentityStoreId = await identityStoreId(config);
  const ids = new IdentitystoreClient(config);
  try {
    const groupId = (
      await ids.send(
        new GetGroupIdCommand({
          IdentityStoreId,
          AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: group } },
        }),
      )
    ).GroupId;
    for (const u of users) {
      const created = await ids.send(new CreateUserCommand({ IdentityStoreId, ...u }));
      await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId: groupId, MemberId: { UserId: created.UserId ?? '' } }));
    }
  } finally {
    ids.destroy();
  }
}
