// identitystore users: create, describe, update by attribute operations, delete, list, look up.
import { notFound, validationError } from '../errors.js';
import type { Json } from '../input.js';
import { read, write, type OperationTable } from '../router-types.js';
import type { IdentityStore, StoredUser } from '../state/identity-store.js';
import { applyUserOperations, requireIdentityCenterUser, userAttributesFromCreate } from './identitystore-attributes.js';
import { RESOURCE_ID, callerStore, newResourceId, storePage, uniqueAttribute } from './identitystore-common.js';

/**
 * A user as ListUsers and DescribeUser answer it. Extensions only when the request names
 * them (ListUsersRequest/DescribeUserRequest.Extensions: "extension names indicating what
 * extensions the service should retrieve"; User.Extensions: "a map of explicitly requested
 * attribute extensions").
 */
function userShape(storeId: string, user: StoredUser, requested: readonly string[] | undefined): Json {
  const { Extensions: stored, ...attributes } = user.attributes;
  const wanted = Object.entries((stored as Json | undefined) ?? {}).filter(([name]) => requested?.includes(name));
  return {
    IdentityStoreId: storeId,
    UserId: user.UserId,
    ...attributes,
    ...(wanted.length > 0 ? { Extensions: Object.fromEntries(wanted) } : {}),
  };
}

/** The request's Extensions: 1-10 extension names (identitystore ExtensionNames). */
function requestedExtensions(input: { optList(name: string, max: number): unknown[] | undefined }): string[] | undefined {
  return input.optList('Extensions', 10)?.map(String);
}

/** ListUsers' deprecated Filters: only an exact UserName match is supported, as in AWS. */
function filteredUsers(store: IdentityStore, filters: unknown[] | undefined): Iterable<StoredUser> {
  if (filters === undefined || filters.length === 0) return store.users.values();
  const [filter] = filters as { AttributePath?: unknown; AttributeValue?: unknown }[];
  if (
    filters.length > 1 ||
    typeof filter?.AttributePath !== 'string' ||
    filter.AttributePath.toLowerCase() !== 'username' ||
    typeof filter.AttributeValue !== 'string'
  ) {
    throw validationError('Filters supports a single filter on AttributePath UserName');
  }
  const id = store.userIdByName(filter.AttributeValue);
  return id === undefined ? [] : [store.user(id)];
}

export const identityStoreUserOperations: OperationTable = {
  CreateUser: write((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const attributes = userAttributesFromCreate(ctx.input.body);
    requireIdentityCenterUser(attributes);
    const now = ctx.world.nowSeconds();
    const user: StoredUser = {
      UserId: newResourceId(ctx),
      attributes: { ...attributes, UserStatus: 'ENABLED', CreatedAt: now, UpdatedAt: now },
    };
    store.addUser(user);
    return { IdentityStoreId: storeId, UserId: user.UserId };
  }),
  DescribeUser: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    return userShape(storeId, store.user(ctx.input.string('UserId', RESOURCE_ID)), requestedExtensions(ctx.input));
  }),
  UpdateUser: write((ctx) => {
    const { store } = callerStore(ctx);
    const user = store.user(ctx.input.string('UserId', RESOURCE_ID));
    const operations = ctx.input.optList('Operations', 100);
    if (!operations || operations.length === 0)
      throw validationError(
        "1 validation error detected: Value at 'operations' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    const next = applyUserOperations(user.attributes, operations);
    requireIdentityCenterUser(next);
    store.replaceUser(user.UserId, { ...next, UpdatedAt: ctx.world.nowSeconds() });
    return {};
  }),
  DeleteUser: write((ctx) => {
    const { store } = callerStore(ctx);
    store.deleteUser(ctx.input.string('UserId', RESOURCE_ID));
    return {};
  }),
  ListUsers: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const users = filteredUsers(store, ctx.input.optList('Filters', 25));
    const page = storePage(ctx, users, storeId);
    const requested = requestedExtensions(ctx.input);
    return { Users: page.items.map((u) => userShape(storeId, u, requested)), NextToken: page.NextToken };
  }),
  GetUserId: read((ctx) => {
    const { store, storeId } = callerStore(ctx);
    const unique = uniqueAttribute(ctx.input);
    let userId: string | undefined;
    if (unique?.path === 'username') userId = store.userIdByName(unique.value);
    else if (unique?.path === 'emails.value') userId = store.userIdByEmail(unique.value);
    else if (unique !== undefined)
      throw validationError(`GetUserId supports the unique attributes userName and emails.value, not ${unique.path}`);
    if (userId === undefined) throw notFound('USER not found', { ResourceType: 'USER' });
    return { IdentityStoreId: storeId, UserId: userId };
  }),
};
