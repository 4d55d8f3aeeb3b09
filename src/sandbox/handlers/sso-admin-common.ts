// What the sso-admin handlers share: member rules of the AWS model, the caller's instance
// and permission set, the delegated-administrator limits, and paging.
import { accessDenied } from '../errors.js';
import type { Json } from '../input.js';
import { SSO_ADMIN_PAGES, paginate, type PageLimits } from '../pagination.js';
import type { CallContext } from '../router-types.js';
import type { Instance, PermissionSet } from '../state/instance.js';

const PARTITION = '(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)';
export const INSTANCE_ARN = { min: 10, max: 1224, pattern: new RegExp(`^arn:${PARTITION}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$`) };
export const PERMISSION_SET_ARN = {
  min: 10,
  max: 1224,
  pattern: new RegExp(`^arn:${PARTITION}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}$`),
};
export const ACCOUNT_ID = { pattern: /^\d{12}$/ };
export const PRINCIPAL_ID = {
  min: 1,
  max: 47,
  pattern: /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/,
};
export const PRINCIPAL_TYPE = { oneOf: ['USER', 'GROUP'] as const };
export const REQUEST_ID = { min: 36, max: 36, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ };
export const STATUS_VALUES = ['IN_PROGRESS', 'FAILED', 'SUCCEEDED'] as const;
export const PROVISIONING_STATUS = ['LATEST_PERMISSION_SET_PROVISIONED', 'LATEST_PERMISSION_SET_NOT_PROVISIONED'] as const;

export interface SetCall {
  instance: Instance;
  set: PermissionSet;
}

/** The instance named by InstanceArn, if the caller administers it. */
export function callerInstance(ctx: CallContext): Instance {
  return ctx.world.instanceFor(ctx.caller, ctx.input.string('InstanceArn', INSTANCE_ARN));
}

/** InstanceArn + PermissionSetArn, for reads. */
export function callerSet(ctx: CallContext): SetCall {
  const instance = callerInstance(ctx);
  return { instance, set: instance.permissionSet(ctx.input.string('PermissionSetArn', PERMISSION_SET_ARN)) };
}

/** InstanceArn + PermissionSetArn, for changes: a delegated admin may not change a set provisioned to the management account. */
export function changeableSet(ctx: CallContext): SetCall {
  const call = callerSet(ctx);
  requireChangeableSet(ctx, call.instance, call.set);
  return call;
}

export function requireChangeableSet(ctx: CallContext, instance: Instance, set: PermissionSet): void {
  if (ctx.world.isDelegatedAdminOf(ctx.caller, instance) && instance.isProvisionedTo(set.PermissionSetArn, instance.ownerAccountId)) {
    throw accessDenied(
      `A delegated administrator cannot manage permission set ${set.Name}: it is provisioned to the management account ${instance.ownerAccountId}`,
    );
  }
}

/** A delegated admin may not assign or provision anything in the management account. */
export function requireManageableAccount(ctx: CallContext, instance: Instance, accountId: string): void {
  if (ctx.world.isDelegatedAdminOf(ctx.caller, instance) && accountId === instance.ownerAccountId) {
    throw accessDenied(`A delegated administrator cannot manage access to the management account ${accountId}`);
  }
}

/**
 * Records a change that the roles in accounts only receive through provisioning: accounts
 * holding an older version then report LATEST_PERMISSION_SET_NOT_PROVISIONED.
 */
export function markNeedsProvisioning(set: PermissionSet): void {
  set.version++;
}

/** One page of a listing, scoped to the operation and the listed container; NextToken only when there is more. */
export function adminPage<T>(
  ctx: CallContext,
  items: Iterable<T>,
  scope: string,
  limits: PageLimits = SSO_ADMIN_PAGES,
): { items: T[]; NextToken?: string } {
  const page = paginate(items, ctx.input, limits, `${ctx.operation}:${scope}`);
  return page.nextToken === undefined ? { items: page.items } : { items: page.items, NextToken: page.nextToken };
}

/**
 * Lazily keeps the items matching `keep`, so a filtered listing is still a page walk; with
 * no filter the items pass through untouched (a native iterator skips to a page far faster).
 */
export function where<T>(items: Iterable<T>, keep: ((item: T) => boolean) | undefined): Iterable<T> {
  return keep === undefined ? items : filtered(items, keep);
}

function* filtered<T>(items: Iterable<T>, keep: (item: T) => boolean): Iterable<T> {
  for (const item of items) if (keep(item)) yield item;
}

export function permissionSetShape(set: PermissionSet): Json {
  return {
    Name: set.Name,
    PermissionSetArn: set.PermissionSetArn,
    ...(set.Description === undefined ? {} : { Description: set.Description }),
    CreatedDate: set.CreatedDate,
    SessionDuration: set.SessionDuration,
    ...(set.RelayState === undefined ? {} : { RelayState: set.RelayState }),
  };
}

/** The ARN of the instance's identity store, as DescribeInstance and the application calls return it. */
export function identityStoreArn(instance: Instance): string {
  return `arn:aws:identitystore::${instance.ownerAccountId}:identitystore/${instance.identityStoreId}`;
}
