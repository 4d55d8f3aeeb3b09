// What every identitystore handler shares: member rules of the AWS model, the caller's
// store, id generation, paging and the MemberId union.
import { validationError } from '../errors.js';
import type { Input, Json } from '../input.js';
import { IDENTITY_STORE_PAGES, paginate } from '../pagination.js';
import type { CallContext } from '../router-types.js';
import type { IdentityStore, Membership } from '../state/identity-store.js';

export const STORE_ID = {
  min: 1,
  max: 36,
  pattern: /^d-[0-9a-f]{10}$|^[0-9a-f]{8}\b-[0-9a-f]{4}\b-[0-9a-f]{4}\b-[0-9a-f]{4}\b-[0-9a-f]{12}$/,
};
/** UserId, GroupId and MembershipId share one shape: optional 10 hex digits and a dash, then a UUID. */
export const RESOURCE_ID = {
  min: 1,
  max: 47,
  pattern: /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/,
};
export const ATTRIBUTE_PATH = { min: 1, max: 255, pattern: /^\p{L}+(?:\.\p{L}+){0,2}$/u };

export interface StoreCall {
  store: IdentityStore;
  storeId: string;
}

/** The identity store named by IdentityStoreId, if the caller administers its instance. */
export function callerStore(ctx: CallContext): StoreCall {
  const storeId = ctx.input.string('IdentityStoreId', STORE_ID);
  return { store: ctx.world.storeFor(ctx.caller, storeId), storeId };
}

/** A fresh id in the identitystore format (10 hex digits, dash, UUID). */
export function newResourceId(ctx: CallContext): string {
  return `${ctx.world.hex(10)}-${ctx.world.uuid()}`;
}

/** One page of a listing, scoped to the operation and the listed container. */
export function storePage<T>(ctx: CallContext, items: Iterable<T>, scope: string): { items: T[]; NextToken?: string } {
  const page = paginate(items, ctx.input, IDENTITY_STORE_PAGES, `${ctx.operation}:${scope}`);
  return page.nextToken === undefined ? { items: page.items } : { items: page.items, NextToken: page.nextToken };
}

/** MemberId is a union with one member today: {UserId}. */
export function memberUserId(input: Input): string {
  const member = input.object('MemberId');
  const keys = Object.keys(member.body);
  if (keys.length !== 1 || keys[0] !== 'UserId') throw validationError("MemberId must set exactly one member: 'UserId'");
  return member.string('UserId', RESOURCE_ID);
}

export function membershipShape(storeId: string, m: Membership): Json {
  return { IdentityStoreId: storeId, MembershipId: m.MembershipId, GroupId: m.GroupId, MemberId: { UserId: m.UserId } };
}

/**
 * The {AttributePath, AttributeValue} of AlternateIdentifier.UniqueAttribute; an ExternalId
 * identifier yields undefined (this store has no external ids, so nothing matches it).
 */
export function uniqueAttribute(input: Input): { path: string; value: string } | undefined {
  const alternate = input.object('AlternateIdentifier');
  const keys = Object.keys(alternate.body);
  if (keys.length !== 1 || (keys[0] !== 'UniqueAttribute' && keys[0] !== 'ExternalId')) {
    throw validationError("AlternateIdentifier must set exactly one member: 'UniqueAttribute' or 'ExternalId'");
  }
  if (keys[0] === 'ExternalId') {
    const external = alternate.object('ExternalId');
    external.string('Issuer', { min: 1, max: 100 });
    external.string('Id', { min: 1, max: 256 });
    return undefined;
  }
  const unique = alternate.object('UniqueAttribute');
  const path = unique.string('AttributePath', ATTRIBUTE_PATH);
  const value = unique.raw('AttributeValue');
  if (typeof value !== 'string' || value.length === 0)
    throw validationError("Value at 'alternateIdentifier.uniqueAttribute.attributeValue' must be a non-empty string");
  return { path: path.toLowerCase(), value };
}
