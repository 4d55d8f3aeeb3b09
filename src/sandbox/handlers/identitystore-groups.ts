// identitystore groups and group memberships.
import { notFound, validationError } from '../errors.js';
import { checkString, type Json } from '../input.js';
import { read, write, type OperationTable } from '../router-types.js';
import type { IdentityStore, StoredGroup } from '../state/identity-store.js';
import { SENSITIVE_TEXT } from './identitystore-attributes.js';
import {
  RESOURCE_ID,
  callerStore,
  memberUserId,
  membershipShape,
  newResourceId,
  storePage,
  uniqueAttribute,
} from './identitystore-common.js';

const GROUP_TEXT = { min: 1, max: 1024, pattern: SENSITIVE_TEXT };

function groupShape(storeId: string, g: StoredGroup): Json {
  return { IdentityStoreId: storeId, ...g };
}

/** ListGroups' deprecated Filters: only an exact DisplayName match is supported, as in AWS. */
function filteredGroups(store: IdentityStore, filters: unknown[] | undefined): Iterable<StoredGroup> {
  if (filters === undefined || filters.length === 0) return store.groups.values();
  const [filter] = filters as { AttributePath?: unknown; AttributeValue?: unknown }[];
  if (
    filters.length > 1 ||
    typeof filter?.AttributePath !== 'string' ||
    filter.AttributePath.toLowerCase() !== 'displayname' ||
    typeof filter.AttributeValue !== 'string'
  ) {
    throw validationError('Filters supports a single filter on AttributePath DisplayName');
  }
  const id = store.groupIdByName(filter.AttributeValue);
  return id === undefined ? [] : [store.group(id)];
}

/** UpdateGroup attribute operations: displayName (required, unique) and description. */
function applyGroupOperations(store: IdentityStore, group: StoredGroup, operations: unknown[]): void {
  let displayName = group.DisplayName;
  let description = group.Description;
  operations.forEach((raw) => {
    const op = raw as { AttributePath?: unknown; AttributeValue?: unknown };
    const path = typeof op?.AttributePath === 'string' ? op.AttributePath.toLowerCase() : '';
    const value = op?.AttributeValue;
    if (path === 'displayname') {
      if (value === null || value === undefined) throw validationError('displayName cannot be removed from a group');
      displayName = checkString('displayName', value, GROUP_TEXT) as string;
    } else if (path === 'description') {
      description = value === null || value === undefined ? undefined : checkString('description', value, GROUP_TEXT);
    } else {
      throw validationError(`Invalid attribute path: ${String(op?.AttributePath)}`);
    }
  });
  store.renameGroup(group.GroupId, displayName);
  if (description === undefined) delete group.Description;
  else group.Description = description;
}

export const identityStoreGroupOperations: OperationTable = {
  CreateGroup: write((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const displayName = ctx.input.string('DisplayName', GROUP_TEXT);
    const description = ctx.input.optString('Description', GROUP_TEXT);
    const now = ctx.world.nowSeconds();
    const group: StoredGroup = {
      GroupId: newResourceId(ctx),
      DisplayName: displayName,
      ...(description === undefined ? {} : { Description: description }),
      CreatedAt: now,
      UpdatedAt: now,
    };
    store.addGroup(group);
    return { GroupId: group.GroupId, IdentityStoreId: storeId };
  }),
  DescribeGroup: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    return groupShape(storeId, store.group(ctx.input.string('GroupId', RESOURCE_ID)));
  }),
  UpdateGroup: write((ctx) => {
    const { store } = callerStore(ctx);
    const group = store.group(ctx.input.string('GroupId', RESOURCE_ID));
    const operations = ctx.input.optList('Operations', 100);
    if (!operations || operations.length === 0)
      throw validationError(
        "1 validation error detected: Value at 'operations' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    applyGroupOperations(store, group, operations);
    group.UpdatedAt = ctx.world.nowSeconds();
    return {};
  }),
  DeleteGroup: write((ctx) => {
    const { store } = callerStore(ctx);
    store.deleteGroup(ctx.input.string('GroupId', RESOURCE_ID));
    return {};
  }),
  ListGroups: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const page = storePage(ctx, filteredGroups(store, ctx.input.optList('Filters', 25)), storeId);
    return { Groups: page.items.map((g) => groupShape(storeId, g)), NextToken: page.NextToken };
  }),
  GetGroupId: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const unique = uniqueAttribute(ctx.input);
    if (unique !== undefined && unique.path !== 'displayname')
      throw validationError(`GetGroupId supports the unique attribute displayName, not ${unique.path}`);
    const groupId = unique === undefined ? undefined : store.groupIdByName(unique.value);
    if (groupId === undefined) throw notFound('GROUP not found', { ResourceType: 'GROUP' });
    return { IdentityStoreId: storeId, GroupId: groupId };
  }),
  CreateGroupMembership: write((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const groupId = store.group(ctx.input.string('GroupId', RESOURCE_ID)).GroupId;
    const userId = store.user(memberUserId(ctx.input)).UserId;
    const membershipId = newResourceId(ctx);
    store.addMembership({ MembershipId: membershipId, GroupId: groupId, UserId: userId });
    return { MembershipId: membershipId, IdentityStoreId: storeId };
  }),
  DeleteGroupMembership: write((ctx) => {
    const { store } = callerStore(ctx);
    const membership = store.membership(ctx.input.string('MembershipId', RESOURCE_ID));
    store.removeMembership(membership.GroupId, membership.UserId);
    return {};
  }),
  DescribeGroupMembership: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    return membershipShape(storeId, store.membership(ctx.input.string('MembershipId', RESOURCE_ID)));
  }),
  GetGroupMembershipId: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const groupId = ctx.input.string('GroupId', RESOURCE_ID);
    const userId = memberUserId(ctx.input);
    const membershipId = store.membershipId(groupId, userId);
    if (membershipId === undefined)
      throw notFound(`GROUP_MEMBERSHIP not found for user ${userId} in group ${groupId}`, { ResourceType: 'GROUP_MEMBERSHIP' });
    return { MembershipId: membershipId, IdentityStoreId: storeId };
  }),
  ListGroupMemberships: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const groupId = store.group(ctx.input.string('GroupId', RESOURCE_ID)).GroupId;
    const page = storePage(ctx, store.membershipIdsOfGroup(groupId), groupId);
    return { GroupMemberships: page.items.map((id) => membershipShape(storeId, store.membership(id))), NextToken: page.NextToken };
  }),
  ListGroupMembershipsForMember: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const userId = store.user(memberUserId(ctx.input)).UserId;
    const page = storePage(ctx, store.membershipIdsOfUser(userId), userId);
    return { GroupMemberships: page.items.map((id) => membershipShape(storeId, store.membership(id))), NextToken: page.NextToken };
  }),
  IsMemberInGroups: read((ctx) => {
    const { store } = callerStore(ctx);
    const userId = store.user(memberUserId(ctx.input)).UserId;
    const groupIds = ctx.input.optList('GroupIds', 100) ?? [];
    if (groupIds.length === 0)
      throw validationError(
        "1 validation error detected: Value at 'groupIds' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    const results = groupIds.map((raw, i) => {
      const groupId = checkString(`groupIds.${i + 1}.member`, raw, RESOURCE_ID) as string;
      return { GroupId: groupId, MemberId: { UserId: userId }, MembershipExists: store.membershipId(groupId, userId) !== undefined };
    });
    return { Results: results };
  }),
};
