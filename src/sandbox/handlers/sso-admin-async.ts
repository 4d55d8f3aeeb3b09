// Asynchronous sso-admin requests (provisioning, assignment creation and deletion): they
// start IN_PROGRESS and finish after settings.asyncMs, SUCCEEDED or FAILED with a reason.
import { AwsError } from '../errors.js';
import type { Json } from '../input.js';
import type { CallContext } from '../router-types.js';
import type { AsyncRequest, Instance, PolicyReference, RequestKind } from '../state/instance.js';
import type { World } from '../state/world.js';
import { STATUS_VALUES, adminPage, where } from './sso-admin-common.js';

export const INJECTED_FAILURE = 'Request failed: an internal error occurred (injected fault)';

/**
 * Records a request and schedules `work`, which returns a failure reason or undefined.
 * The work runs at completion time so that it sees the state of that moment, as AWS does.
 * With asyncMs 0 the request is finished before the answer is sent.
 */
export function startRequest(ctx: CallContext, instance: Instance, kind: RequestKind, status: Json, work: () => string | undefined): Json {
  const { world } = ctx;
  if (kind !== 'provision' && instance.outstandingAssignmentRequests(ctx.caller) >= world.settings.maxOutstanding) {
    throw new AwsError('ThrottlingException', 'Too many outstanding requests');
  }
  const request: AsyncRequest = {
    kind,
    caller: ctx.caller,
    status: { ...status, Status: 'IN_PROGRESS', RequestId: world.uuid(), CreatedDate: world.nowSeconds() },
  };
  instance.startRequest(request);
  const complete = (): void => instance.finishRequest(request, world.faults.asyncFails() ? INJECTED_FAILURE : work());
  if (world.settings.asyncMs <= 0) complete();
  else world.queue.schedule(world.settings.asyncMs, complete);
  return { ...request.status };
}

/**
 * Provisions the current version of a permission set to one account; the reason it fails
 * otherwise: the account is outside the organization, or a customer managed policy (or
 * boundary) the set references does not exist in that account.
 */
export function provisionToAccount(world: World, instance: Instance, permissionSetArn: string, accountId: string): string | undefined {
  const set = instance.permissionSets.get(permissionSetArn);
  if (!set) return `Permission set ${permissionSetArn} no longer exists`;
  if (world.organizationOf(accountId)?.id !== instance.organizationId)
    return `Account ${accountId} is not a member of organization ${instance.organizationId}`;
  const boundary = set.boundary?.CustomerManagedPolicyReference as PolicyReference | undefined;
  const references = [...set.customerManagedPolicies.values(), ...(boundary ? [boundary] : [])];
  const missing = references.find((ref) => !world.customerManagedPolicyExists(accountId, ref));
  if (missing) {
    return `Received a 404 status error: Policy arn:aws:iam::${accountId}:policy${missing.Path}${missing.Name} does not exist in account ${accountId}, or is not attachable.`;
  }
  instance.markProvisioned(permissionSetArn, accountId, set.version);
  return undefined;
}

/** One page of a List...Status call: {Status, RequestId, CreatedDate} of one kind, optionally filtered by Filter.Status. */
export function statusPage(ctx: CallContext, instance: Instance, kind: RequestKind): { items: Json[]; NextToken?: string } {
  const status = ctx.input.optObject('Filter')?.optString('Status', { oneOf: STATUS_VALUES });
  const requests = where(instance.requestsOf(kind), status === undefined ? undefined : (r) => r.status.Status === status);
  const page = adminPage(ctx, requests, `${instance.arn}:${status ?? '*'}`);
  return {
    ...page,
    items: page.items.map((r) => ({ Status: r.status.Status, RequestId: r.status.RequestId, CreatedDate: r.status.CreatedDate })),
  };
}
