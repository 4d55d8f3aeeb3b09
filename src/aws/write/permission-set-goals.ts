// Whether one step of a permission set's content is already in place, read from AWS. The
// writer asks this when a step answers ConflictException (settle.ts): a policy "already
// attached" by a racing run, or a step our own lost answer hides, is then success instead
// of eight retries and a failed run (issue #11). Each check costs one read (a paged list
// for the policy references).
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  paginateListCustomerManagedPolicyReferencesInPermissionSet,
  paginateListManagedPoliciesInPermissionSet,
  paginateListTagsForResource,
  type PermissionSet as SdkPermissionSet,
} from '@aws-sdk/client-sso-admin';
import equal from 'fast-deep-equal';
import type { PermissionSetOperation } from '../../apply/permission-set-ops.js';
import type { PolicyRef } from '../../model/types.js';
import { parseInlinePolicy, readBoundary, type PermissionSetReader } from '../kinds/permission-sets.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import { sessionDurationSeconds } from '../session-duration.js';

/** AWS applies PT1H to a set without a session duration (the user guide: "Set session duration"). */
const DEFAULT_SESSION_SECONDS = 3600;

type Basics = Extract<PermissionSetOperation, { op: 'updateBasics' }>;

const present = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

/** The basic fields an update wanted gone that the set still has. */
export function survivingFields(
  described: SdkPermissionSet | undefined,
  op: Basics,
): Array<{ field: 'description' | 'relayState'; value: string }> {
  const kept: Array<{ field: 'description' | 'relayState'; value: string }> = [];
  const description = present(described?.Description);
  const relayState = present(described?.RelayState);
  if (op.description === undefined && description !== undefined) kept.push({ field: 'description', value: description });
  if (op.relayState === undefined && relayState !== undefined) kept.push({ field: 'relayState', value: relayState });
  return kept;
}

/** True when the set's description, session duration and relay state are what `op` sets. */
export function basicsHold(described: SdkPermissionSet | undefined, op: Basics): boolean {
  const seconds = (d: string | number | undefined) => (d === undefined || d === '' ? DEFAULT_SESSION_SECONDS : sessionDurationSeconds(d));
  return (
    present(described?.Description) === present(op.description) &&
    present(described?.RelayState) === present(op.relayState) &&
    seconds(described?.SessionDuration) === seconds(op.sessionDuration)
  );
}

const refKey = (r: PolicyRef): string => `${r.path}${r.name}`;

export class PermissionSetGoals {
  constructor(private readonly reader: PermissionSetReader) {}

  async describe(PermissionSetArn: string): Promise<SdkPermissionSet | undefined> {
    const out = await this.reader.clients.ssoAdmin.send(
      new DescribePermissionSetCommand({ InstanceArn: this.reader.instanceArn, PermissionSetArn }),
    );
    return out.PermissionSet;
  }

  /** Whether the state `op` brings about holds now. */
  async holds(PermissionSetArn: string, op: PermissionSetOperation): Promise<boolean> {
    switch (op.op) {
      case 'updateBasics':
        return basicsHold(await this.describe(PermissionSetArn), op);
      case 'tag': {
        const tags = await this.tags(PermissionSetArn);
        return Object.entries(op.tags).every(([k, v]) => tags.get(k) === v);
      }
      case 'untag': {
        const tags = await this.tags(PermissionSetArn);
        return op.keys.every((k) => !tags.has(k));
      }
      case 'attachManagedPolicy':
        return (await this.managedPolicies(PermissionSetArn)).has(op.arn);
      case 'detachManagedPolicy':
        return !(await this.managedPolicies(PermissionSetArn)).has(op.arn);
      case 'attachCustomerManagedPolicy':
        return (await this.customerManagedPolicies(PermissionSetArn)).has(refKey(op.ref));
      case 'detachCustomerManagedPolicy':
        return !(await this.customerManagedPolicies(PermissionSetArn)).has(refKey(op.ref));
      case 'putInlinePolicy':
        return equal(await this.inlinePolicy(PermissionSetArn), op.document);
      case 'deleteInlinePolicy':
        return (await this.inlinePolicy(PermissionSetArn)) === undefined;
      case 'putPermissionsBoundary':
        return equal(await readBoundary(this.reader, PermissionSetArn), op.boundary);
      case 'deletePermissionsBoundary':
        return (await readBoundary(this.reader, PermissionSetArn)) === undefined;
    }
  }

  private ref(PermissionSetArn: string) {
    return { InstanceArn: this.reader.instanceArn, PermissionSetArn };
  }

  private async tags(arn: string): Promise<Map<string, string>> {
    const sso = this.reader.clients.ssoAdmin;
    const tags = await collectPages(
      'sso-admin',
      'ListTagsForResource',
      paginateListTagsForResource(paginatorConfig(sso), { InstanceArn: this.reader.instanceArn, ResourceArn: arn }),
      (p) => p.Tags,
    );
    return new Map(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  private async managedPolicies(arn: string): Promise<Set<string>> {
    const sso = this.reader.clients.ssoAdmin;
    const listed = await collectPages(
      'sso-admin',
      'ListManagedPoliciesInPermissionSet',
      paginateListManagedPoliciesInPermissionSet(paginatorConfig(sso, 100), this.ref(arn)),
      (p) => p.AttachedManagedPolicies,
    );
    return new Set(listed.map((m) => m.Arn ?? ''));
  }

  private async customerManagedPolicies(arn: string): Promise<Set<string>> {
    const sso = this.reader.clients.ssoAdmin;
    const listed = await collectPages(
      'sso-admin',
      'ListCustomerManagedPolicyReferencesInPermissionSet',
      paginateListCustomerManagedPolicyReferencesInPermissionSet(paginatorConfig(sso, 100), this.ref(arn)),
      (p) => p.CustomerManagedPolicyReferences,
    );
    return new Set(listed.map((c) => refKey({ name: c.Name ?? '', path: c.Path ?? '/' })));
  }

  private async inlinePolicy(arn: string) {
    const out = await this.reader.clients.ssoAdmin.send(new GetInlinePolicyForPermissionSetCommand(this.ref(arn)));
    return parseInlinePolicy(arn, out.InlinePolicy);
  }
}
