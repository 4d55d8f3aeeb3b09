// Users, groups and memberships one at a time, by name (the scoped read): identitystore
// GetUserId / GetGroupId find an id by a unique attribute (userName, displayName), then
// DescribeUser / DescribeGroup read it; GetGroupMembershipId answers whether one user is
// in one group. ResourceNotFoundException means "there is none" — nothing else does.
import {
  DescribeGroupCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  paginateListGroupMemberships,
  paginateListGroupMembershipsForMember,
  type GroupMembership,
} from '@aws-sdk/client-identitystore';
import type { LiveGroup, LiveMembership, LiveUser } from '../../model/live.js';
import { awsCall, unlessNotFound } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';
import { toLiveGroup } from './groups.js';
import { toLiveUser, USER_EXTENSIONS } from './users.js';

export async function userIdByName(ctx: ReadContext, userName: string): Promise<string | undefined> {
  const out = await unlessNotFound(() =>
    awsCall('identitystore', 'GetUserId', () =>
      ctx.clients.identityStore.send(
        new GetUserIdCommand({
          IdentityStoreId: ctx.identityStoreId,
          AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: userName } },
        }),
      ),
    ),
  );
  return out?.UserId;
}

export async function groupIdByName(ctx: ReadContext, name: string): Promise<string | undefined> {
  const out = await unlessNotFound(() =>
    awsCall('identitystore', 'GetGroupId', () =>
      ctx.clients.identityStore.send(
        new GetGroupIdCommand({
          IdentityStoreId: ctx.identityStoreId,
          AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: name } },
        }),
      ),
    ),
  );
  return out?.GroupId;
}

export async function describeUser(ctx: ReadContext, userId: string): Promise<LiveUser | undefined> {
  const out = await unlessNotFound(() =>
    awsCall('identitystore', 'DescribeUser', () =>
      ctx.clients.identityStore.send(
        new DescribeUserCommand({ IdentityStoreId: ctx.identityStoreId, UserId: userId, Extensions: USER_EXTENSIONS }),
      ),
    ),
  );
  return out ? toLiveUser(out) : undefined;
}

export async function describeGroup(ctx: ReadContext, groupId: string): Promise<LiveGroup | undefined> {
  const g = await unlessNotFound(() =>
    awsCall('identitystore', 'DescribeGroup', () =>
      ctx.clients.identityStore.send(new DescribeGroupCommand({ IdentityStoreId: ctx.identityStoreId, GroupId: groupId })),
    ),
  );
  return g ? toLiveGroup({ ...g, GroupId: g.GroupId ?? groupId }) : undefined;
}

/** The membership of one user in one group, if there is one. */
export async function membershipOf(ctx: ReadContext, groupId: string, userId: string): Promise<LiveMembership | undefined> {
  const out = await unlessNotFound(() =>
    awsCall('identitystore', 'GetGroupMembershipId', () =>
      ctx.clients.identityStore.send(
        new GetGroupMembershipIdCommand({ IdentityStoreId: ctx.identityStoreId, GroupId: groupId, MemberId: { UserId: userId } }),
      ),
    ),
  );
  return out?.MembershipId ? { membershipId: out.MembershipId, groupId, userId } : undefined;
}

export async function membershipsOfGroup(ctx: ReadContext, groupId: string): Promise<LiveMembership[]> {
  const rows = await collectPages(
    'identitystore',
    'ListGroupMemberships',
    paginateListGroupMemberships(paginatorConfig(ctx.clients.identityStore, 100), {
      IdentityStoreId: ctx.identityStoreId,
      GroupId: groupId,
    }),
    (page) => page.GroupMemberships,
  );
  return rows.flatMap(toLiveMembership);
}

export async function membershipsOfUser(ctx: ReadContext, userId: string): Promise<LiveMembership[]> {
  const rows = await collectPages(
    'identitystore',
    'ListGroupMembershipsForMember',
    paginateListGroupMembershipsForMember(paginatorConfig(ctx.clients.identityStore, 100), {
      IdentityStoreId: ctx.identityStoreId,
      MemberId: { UserId: userId },
    }),
    (page) => page.GroupMemberships,
  );
  return rows.flatMap(toLiveMembership);
}

function toLiveMembership(m: GroupMembership): LiveMembership[] {
  const userId = m.MemberId?.UserId;
  return userId && m.MembershipId && m.GroupId ? [{ membershipId: m.MembershipId, groupId: m.GroupId, userId }] : [];
}
