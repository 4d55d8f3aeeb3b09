// What a permission set grants: AWS managed policies, customer managed policy references,
// the inline policy and the permissions boundary. Every change marks the accounts that
// hold the set as needing provisioning.
import { AwsError, conflict, notFound, validationError } from '../errors.js';
import type { Input } from '../input.js';
import { read, write, type OperationTable } from '../router-types.js';
import { policyKey, type PermissionSet, type PolicyReference } from '../state/instance.js';
import { adminPage, callerSet, changeableSet, markNeedsProvisioning } from './sso-admin-common.js';

const MANAGED_POLICY_ARN = {
  min: 20,
  max: 2048,
  pattern: /^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::aws:policy\/[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]+$/u,
};
const POLICY_NAME = { min: 1, max: 128, pattern: /^[\w+=,.@-]+$/ };
const POLICY_PATH = { min: 1, max: 512, pattern: /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/ };
const INLINE_POLICY = { min: 1, max: 32768, pattern: /^[\t\n\r\u0020-\u00FF]+$/ };
/** Managed plus customer managed policies one set may hold (the IAM role's attached-policy quota). */
const MAX_ATTACHED = 20;

function readReference(input: Input, member: string): PolicyReference {
  const ref = input.object(member);
  return { Name: ref.string('Name', POLICY_NAME), Path: ref.optString('Path', POLICY_PATH) ?? '/' };
}

function requireRoomForPolicy(set: PermissionSet): void {
  if (set.managedPolicies.size + set.customerManagedPolicies.size >= MAX_ATTACHED) {
    throw new AwsError(
      'ServiceQuotaExceededException',
      `Permission set ${set.Name} already has the maximum of ${MAX_ATTACHED} attached policies`,
    );
  }
}

/** The inline policy must be a JSON object, as IAM requires of a policy document. */
function checkPolicyDocument(text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw validationError('The policy document is malformed: it must be a JSON object');
}

export const ssoAdminPolicyOperations: OperationTable = {
  AttachManagedPolicyToPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const arn = ctx.input.string('ManagedPolicyArn', MANAGED_POLICY_ARN);
    if (set.managedPolicies.has(arn)) throw conflict(`Managed policy ${arn} is already attached to permission set ${set.Name}`);
    requireRoomForPolicy(set);
    set.managedPolicies.set(arn, arn.slice(arn.lastIndexOf('/') + 1));
    markNeedsProvisioning(set);
    return {};
  }),
  DetachManagedPolicyFromPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const arn = ctx.input.string('ManagedPolicyArn', MANAGED_POLICY_ARN);
    if (!set.managedPolicies.delete(arn)) throw notFound(`Managed policy ${arn} is not attached to permission set ${set.Name}`);
    markNeedsProvisioning(set);
    return {};
  }),
  ListManagedPoliciesInPermissionSet: read((ctx) => {
    const { set } = callerSet(ctx);
    const page = adminPage(ctx, set.managedPolicies.entries(), set.PermissionSetArn);
    return { AttachedManagedPolicies: page.items.map(([Arn, Name]) => ({ Name, Arn })), NextToken: page.NextToken };
  }),
  AttachCustomerManagedPolicyReferenceToPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const ref = readReference(ctx.input, 'CustomerManagedPolicyReference');
    if (set.customerManagedPolicies.has(policyKey(ref)))
      throw conflict(`Customer managed policy ${policyKey(ref)} is already attached to permission set ${set.Name}`);
    requireRoomForPolicy(set);
    set.customerManagedPolicies.set(policyKey(ref), ref);
    markNeedsProvisioning(set);
    return {};
  }),
  DetachCustomerManagedPolicyReferenceFromPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const ref = readReference(ctx.input, 'CustomerManagedPolicyReference');
    if (!set.customerManagedPolicies.delete(policyKey(ref)))
      throw notFound(`Customer managed policy ${policyKey(ref)} is not attached to permission set ${set.Name}`);
    markNeedsProvisioning(set);
    return {};
  }),
  ListCustomerManagedPolicyReferencesInPermissionSet: read((ctx) => {
    const { set } = callerSet(ctx);
    const page = adminPage(ctx, set.customerManagedPolicies.values(), set.PermissionSetArn);
    return { CustomerManagedPolicyReferences: page.items.map((r) => ({ ...r })), NextToken: page.NextToken };
  }),
  PutInlinePolicyToPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const policy = ctx.input.string('InlinePolicy', INLINE_POLICY);
    checkPolicyDocument(policy);
    set.inlinePolicy = policy;
    markNeedsProvisioning(set);
    return {};
  }),
  /** An empty string when the set has no inline policy, as AWS answers. */
  GetInlinePolicyForPermissionSet: read((ctx) => ({ InlinePolicy: callerSet(ctx).set.inlinePolicy ?? '' })),
  DeleteInlinePolicyFromPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    if (set.inlinePolicy !== undefined) {
      delete set.inlinePolicy;
      markNeedsProvisioning(set);
    }
    return {};
  }),
  PutPermissionsBoundaryToPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const boundary = ctx.input.object('PermissionsBoundary');
    const managed = boundary.optString('ManagedPolicyArn', MANAGED_POLICY_ARN);
    const hasReference = boundary.optObject('CustomerManagedPolicyReference') !== undefined;
    if ((managed === undefined) === !hasReference)
      throw validationError('PermissionsBoundary needs exactly one of ManagedPolicyArn and CustomerManagedPolicyReference');
    set.boundary =
      managed !== undefined
        ? { ManagedPolicyArn: managed }
        : { CustomerManagedPolicyReference: readReference(boundary, 'CustomerManagedPolicyReference') };
    markNeedsProvisioning(set);
    return {};
  }),
  /** ResourceNotFoundException when the set has no boundary: that is how AWS says "none". */
  GetPermissionsBoundaryForPermissionSet: read((ctx) => {
    const { set } = callerSet(ctx);
    if (set.boundary === undefined) throw notFound(`Permission set ${set.Name} has no permissions boundary`);
    return { PermissionsBoundary: structuredClone(set.boundary) };
  }),
  DeletePermissionsBoundaryFromPermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    if (set.boundary === undefined) throw notFound(`Permission set ${set.Name} has no permissions boundary`);
    delete set.boundary;
    markNeedsProvisioning(set);
    return {};
  }),
};
