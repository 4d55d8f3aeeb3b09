// sso-admin writes: permission sets, their content, provisioning and assignments.
// Async requests are polled to completion here (AWS-NOTES: the SDK has no waiters).
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  ConflictException,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetCommand,
  DescribePermissionSetProvisioningStatusCommand,
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  paginateListPermissionSets,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePermissionSetCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { ConcreteAssignment } from '../../apply/port.js';
import type { PermissionSetOperation } from '../../apply/permission-set-ops.js';
import type { PermissionSet } from '../../model/types.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { AsyncPoller, AsyncStatus } from './poll.js';
import type { RetryConflicts } from './retry.js';

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const asStatus = (s: { Status?: string; FailureReason?: string } | undefined): AsyncStatus => ({
  status: s?.Status ?? 'IN_PROGRESS',
  ...(s?.FailureReason ? { failureReason: s.FailureReason } : {}),
});

export class SsoAdminWriter {
  constructor(
    private readonly client: SSOAdminClient,
    private readonly instanceArn: string,
    private readonly retry: RetryConflicts,
    private readonly poller: AsyncPoller,
  ) {}

  async createPermissionSet(set: PermissionSet): Promise<string> {
    return this.retry(`CreatePermissionSet ${set.name}`, async () => {
      try {
        const out = await this.client.send(
          new CreatePermissionSetCommand({
            InstanceArn: this.instanceArn,
            Name: set.name,
            Description: set.description,
            SessionDuration: set.sessionDuration,
            RelayState: set.relayState,
            ...(Object.keys(set.tags).length > 0 ? { Tags: tagList(set.tags) } : {}),
          }),
        );
        const arn = out.PermissionSet?.PermissionSetArn;
        if (!arn) throw new Error(`CreatePermissionSet ${set.name} returned no PermissionSetArn`);
        return arn;
      } catch (err) {
        // The plan saw no set of this name, so a conflict means our own earlier attempt
        // succeeded and its answer was lost (the SDK then retried): adopt that set. No
        // such set: a conflict of another kind, which the retry policy handles.
        if (!(err instanceof ConflictException)) throw err;
        const existing = await this.findPermissionSetArn(set.name);
        if (existing === undefined) throw err;
        return existing;
      }
    });
  }

  /** The ARN of the set named `name`, by listing and describing (only on the conflict path). */
  private async findPermissionSetArn(name: string): Promise<string | undefined> {
    const InstanceArn = this.instanceArn;
    const arns = await collectPages('sso-admin', 'ListPermissionSets', paginateListPermissionSets(paginatorConfig(this.client, 100), { InstanceArn }), (p) => p.PermissionSets);
    for (const PermissionSetArn of arns) {
      const described = await this.client.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }));
      if (described.PermissionSet?.Name === name) return PermissionSetArn;
    }
    return undefined;
  }

  async applyPermissionSetOperation(PermissionSetArn: string, op: PermissionSetOperation): Promise<void> {
    const InstanceArn = this.instanceArn;
    const base = { InstanceArn, PermissionSetArn };
    const send = (label: string, call: () => Promise<unknown>) => this.retry(`${label} ${PermissionSetArn}`, call);
    switch (op.op) {
      case 'updateBasics':
        await send('UpdatePermissionSet', () => this.client.send(new UpdatePermissionSetCommand({ ...base, Description: op.description, SessionDuration: op.sessionDuration, RelayState: op.relayState })));
        return;
      case 'tag':
        await send('TagResource', () => this.client.send(new TagResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, Tags: tagList(op.tags) })));
        return;
      case 'untag':
        await send('UntagResource', () => this.client.send(new UntagResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, TagKeys: op.keys })));
        return;
      case 'attachManagedPolicy':
        await send('AttachManagedPolicyToPermissionSet', () => this.client.send(new AttachManagedPolicyToPermissionSetCommand({ ...base, ManagedPolicyArn: op.arn })));
        return;
      case 'detachManagedPolicy':
        await ignoreNotFound(send('DetachManagedPolicyFromPermissionSet', () => this.client.send(new DetachManagedPolicyFromPermissionSetCommand({ ...base, ManagedPolicyArn: op.arn }))));
        return;
      case 'attachCustomerManagedPolicy':
        await send('AttachCustomerManagedPolicyReferenceToPermissionSet', () => this.client.send(new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({ ...base, CustomerManagedPolicyReference: { Name: op.ref.name, Path: op.ref.path } }),
        ));
        return;
      case 'detachCustomerManagedPolicy':
        await ignoreNotFound(
          send('DetachCustomerManagedPolicyReferenceFromPermissionSet', () => this.client.send(new DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({ ...base, CustomerManagedPolicyReference: { Name: op.ref.name, Path: op.ref.path } }),
          )),
        );
        return;
      case 'putInlinePolicy':
        await send('PutInlinePolicyToPermissionSet', () => this.client.send(new PutInlinePolicyToPermissionSetCommand({ ...base, InlinePolicy: JSON.stringify(op.document) })));
        return;
      case 'deleteInlinePolicy':
        await ignoreNotFound(send('DeleteInlinePolicyFromPermissionSet', () => this.client.send(new DeleteInlinePolicyFromPermissionSetCommand(base))));
        return;
      case 'putPermissionsBoundary': {
        const b = op.boundary;
        const PermissionsBoundary =
          'managedPolicyArn' in b
            ? { ManagedPolicyArn: b.managedPolicyArn }
            : { CustomerManagedPolicyReference: { Name: b.customerManagedPolicy.name, Path: b.customerManagedPolicy.path } };
        await send('PutPermissionsBoundaryToPermissionSet', () => this.client.send(new PutPermissionsBoundaryToPermissionSetCommand({ ...base, PermissionsBoundary })));
        return;
      }
      case 'deletePermissionsBoundary':
        await ignoreNotFound(send('DeletePermissionsBoundaryFromPermissionSet', () => this.client.send(new DeletePermissionsBoundaryFromPermissionSetCommand(base))));
        return;
    }
  }

  async deletePermissionSet(PermissionSetArn: string): Promise<void> {
    await ignoreNotFound(
      this.retry(`DeletePermissionSet ${PermissionSetArn}`, () => this.client.send(new DeletePermissionSetCommand({ InstanceArn: this.instanceArn, PermissionSetArn }))),
    );
  }

  async provisionPermissionSet(PermissionSetArn: string): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `ProvisionPermissionSet ${PermissionSetArn}`;
    const out = await this.retry(label, () => this.client.send(new ProvisionPermissionSetCommand({ InstanceArn, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' })));
    const requestId = out.PermissionSetProvisioningStatus?.RequestId;
    await this.poller.waitFor(label, asStatus(out.PermissionSetProvisioningStatus), async () => {
      const s = await this.client.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn, ProvisionPermissionSetRequestId: requestId }));
      return asStatus(s.PermissionSetProvisioningStatus);
    });
  }

  async createAssignment(a: ConcreteAssignment): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `CreateAccountAssignment ${a.principalType} ${a.principalId} on ${a.accountId}`;
    const out = await this.retry(label, () => this.client.send(new CreateAccountAssignmentCommand({ InstanceArn, ...assignmentTarget(a) })));
    const requestId = out.AccountAssignmentCreationStatus?.RequestId;
    await this.poller.waitFor(label, asStatus(out.AccountAssignmentCreationStatus), async () => {
      const s = await this.client.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: requestId }));
      return asStatus(s.AccountAssignmentCreationStatus);
    });
  }

  async deleteAssignment(a: ConcreteAssignment): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `DeleteAccountAssignment ${a.principalType} ${a.principalId} on ${a.accountId}`;
    const out = await this.retry(label, () => this.client.send(new DeleteAccountAssignmentCommand({ InstanceArn, ...assignmentTarget(a) })));
    const requestId = out.AccountAssignmentDeletionStatus?.RequestId;
    await this.poller.waitFor(label, asStatus(out.AccountAssignmentDeletionStatus), async () => {
      const s = await this.client.send(new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn, AccountAssignmentDeletionRequestId: requestId }));
      return asStatus(s.AccountAssignmentDeletionStatus);
    });
  }
}

function assignmentTarget(a: ConcreteAssignment) {
  return {
    TargetId: a.accountId,
    TargetType: 'AWS_ACCOUNT' as const,
    PermissionSetArn: a.permissionSetArn,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
  };
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
}
