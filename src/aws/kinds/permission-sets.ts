// Permission sets: reading. One listing, then per set six reads (description and
// session, tags, managed policies, customer managed policies, inline policy, boundary),
// all sets concurrently within the rate limit.
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListManagedPoliciesInPermissionSet,
  paginateListPermissionSets,
  paginateListTagsForResource,
  type PermissionsBoundary as SdkBoundary,
} from '@aws-sdk/client-sso-admin';
import type { LivePermissionSet } from '../../model/live.js';
import type { PermissionsBoundary, PolicyDocument } from '../../model/types.js';
import { mapLimit } from '../concurrency.js';
import { AwsCallError, awsCall } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';
import { normalizeSessionDuration } from '../session-duration.js';
import { comparePolicyRefs } from '../../model/order.js';

/** Reads an emulator may lack; skipping one makes that attribute read as absent. */
export interface PermissionSetReadOptions {
  tags: boolean;
  permissionsBoundary: boolean;
}

export const READ_EVERYTHING: PermissionSetReadOptions = { tags: true, permissionsBoundary: true };

export async function listPermissionSetArns(ctx: ReadContext): Promise<string[]> {
  return collectPages(
    'sso-admin',
    'ListPermissionSets',
    paginateListPermissionSets(paginatorConfig(ctx.clients.ssoAdmin, 100), { InstanceArn: ctx.instanceArn }),
    (page) => page.PermissionSets,
  );
}

export async function readPermissionSets(
  ctx: ReadContext,
  options: PermissionSetReadOptions = READ_EVERYTHING,
): Promise<LivePermissionSet[]> {
  const arns = await listPermissionSetArns(ctx);
  let done = 0;
  return mapLimit(arns, ctx.concurrency, async (arn) => {
    const set = await readPermissionSet(ctx, arn, options);
    ctx.progress.update('permission sets', ++done, arns.length);
    return set;
  });
}

/** What reading one set needs: the write path (adopting a set by name) has no more. */
export interface PermissionSetReader {
  clients: Pick<ReadContext['clients'], 'ssoAdmin'>;
  instanceArn: string;
}

export async function readPermissionSet(
  ctx: PermissionSetReader,
  arn: string,
  options: PermissionSetReadOptions,
): Promise<LivePermissionSet> {
  const sso = ctx.clients.ssoAdmin;
  const ref = { InstanceArn: ctx.instanceArn, PermissionSetArn: arn };
  const [described, tags, managed, customer, inline, boundary] = await Promise.all([
    awsCall('sso-admin', 'DescribePermissionSet', () => sso.send(new DescribePermissionSetCommand(ref))),
    options.tags
      ? collectPages(
          'sso-admin',
          'ListTagsForResource',
          paginateListTagsForResource(paginatorConfig(sso), { InstanceArn: ctx.instanceArn, ResourceArn: arn }),
          (p) => p.Tags,
        )
      : Promise.resolve([]),
    collectPages(
      'sso-admin',
      'ListManagedPoliciesInPermissionSet',
      paginateListManagedPoliciesInPermissionSet(paginatorConfig(sso, 100), ref),
      (p) => p.AttachedManagedPolicies,
    ),
    collectPages(
      'sso-admin',
      'ListCustomerManagedPolicyReferencesInPermissionSet',
      paginateListCustomerManagedPolicyReferencesInPermissionSet(paginatorConfig(sso, 100), ref),
      (p) => p.CustomerManagedPolicyReferences,
    ),
    awsCall('sso-admin', 'GetInlinePolicyForPermissionSet', () => sso.send(new GetInlinePolicyForPermissionSetCommand(ref))),
    options.permissionsBoundary ? readBoundary(ctx, arn) : Promise.resolve(undefined),
  ]);
  const d = described.PermissionSet;
  if (!d?.Name) throw new AwsCallError('sso-admin', 'DescribePermissionSet', new Error(`no permission set returned for ${arn}`));
  // moto answers the default session duration as the number 3600
  const session = d.SessionDuration as string | number | undefined;
  const inlinePolicy = parseInlinePolicy(d.Name, inline.InlinePolicy);
  return {
    arn,
    name: d.Name,
    ...(d.Description ? { description: d.Description } : {}),
    ...(session !== undefined && session !== '' ? { sessionDuration: normalizeSessionDuration(session) } : {}),
    ...(d.RelayState ? { relayState: d.RelayState } : {}),
    tags: userTags(tags),
    managedPolicies: managed
      .map((m) => m.Arn ?? '')
      .filter((a) => a !== '')
      .sort(),
    customerManagedPolicies: customer.map((c) => ({ name: c.Name ?? '', path: c.Path ?? '/' })).sort(comparePolicyRefs),
    ...(inlinePolicy ? { inlinePolicy } : {}),
    ...(boundary ? { permissionsBoundary: boundary } : {}),
  };
}

/** AWS returns the inline policy as a JSON string ("" when there is none). */
export function parseInlinePolicy(setName: string, text: string | undefined): PolicyDocument | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AwsCallError(
      'sso-admin',
      'GetInlinePolicyForPermissionSet',
      new Error(`permission set ${setName}: inline policy is not JSON: ${(err as Error).message}`),
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AwsCallError(
      'sso-admin',
      'GetInlinePolicyForPermissionSet',
      new Error(`permission set ${setName}: inline policy is not a JSON object`),
    );
  }
  return parsed as PolicyDocument;
}

/** ResourceNotFoundException or an empty answer mean "no boundary" — nothing else does (docs/aws-behaviour.md, "Reads that look empty"). */
export async function readBoundary(ctx: PermissionSetReader, arn: string): Promise<PermissionsBoundary | undefined> {
  try {
    const out = await ctx.clients.ssoAdmin.send(
      new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn: ctx.instanceArn, PermissionSetArn: arn }),
    );
    return toBoundary(out.PermissionsBoundary);
  } catch (err) {
    if (err instanceof Error && err.name === 'ResourceNotFoundException') return undefined;
    throw new AwsCallError('sso-admin', 'GetPermissionsBoundaryForPermissionSet', err);
  }
}

export function toBoundary(b: SdkBoundary | undefined): PermissionsBoundary | undefined {
  if (b?.ManagedPolicyArn) return { managedPolicyArn: b.ManagedPolicyArn };
  const c = b?.CustomerManagedPolicyReference;
  if (c?.Name) return { customerManagedPolicy: { name: c.Name, path: c.Path ?? '/' } };
  return undefined;
}

/**
 * The tags a user can manage. Keys with the `aws:` prefix are reserved by AWS: TagResource
 * refuses them and AWS services set them (CloudFormation's `aws:cloudformation:stack-name`
 * on a set it created). The tool neither extracts nor compares them, so extract never
 * writes a tag that validate rejects and a plan never tries to remove one.
 */
export function userTags(tags: readonly { Key?: string; Value?: string }[]): Record<string, string> {
  const kept = tags.filter((t) => !(t.Key ?? '').toLowerCase().startsWith('aws:'));
  return Object.fromEntries(kept.map((t) => [t.Key ?? '', t.Value ?? '']));
}
