// sso-admin writes: permission sets, their content, provisioning and assignments.
// Async requests are polled to completion here (the SDK has no waiters for them).
// The sso-admin model documents ConflictException as "a conflict with a previous
// successful write": every write here that AWS answers with one reads whether its goal
// already holds (settle.ts, permission-set-goals.ts) and is then done; otherwise the
// conflict is retried, and an exhausted conflict fails the write.
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
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  ProvisionPermissionSetCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListPermissionSets,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePermissionSetCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { ConcreteAssignment, CreatedPermissionSet } from '../../apply/port.js';
import type { PermissionSetOperation } from '../../apply/permission-set-ops.js';
import type { PermissionSet } from '../../model/types.js';
import { READ_EVERYTHING, readPermissionSet, type PermissionSetReader } from '../kinds/permission-sets.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import { PermissionSetGoals, survivingFields } from './permission-set-goals.js';
import type { OutstandingSlots } from './outstanding-slots.js';
import { asStatus } from './request-status-sources.js';
import type { AsyncStatus, RequestTracker } from './request-tracker.js';
import type { RetryConflicts } from './retry.js';
import { ignoreNotFound, isGone, writeOrConfirm } from './settle.js';

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** Where the writer's asynchronous requests are followed, and AWS's outstanding-request slots. */
export interface AsyncRequests {
  creations: RequestTracker<ConcreteAssignment>;
  deletions: RequestTracker<ConcreteAssignment>;
  provisionings: RequestTracker;
  /** Shared by creations and deletions: AWS counts both against one limit. */
  assignmentSlots: OutstandingSlots;
}

/** The AWS operation behind each step, for labels and messages. */
const OPERATION_NAMES: Record<PermissionSetOperation['op'], string> = {
  updateBasics: 'UpdatePermissionSet',
  tag: 'TagResource',
  untag: 'UntagResource',
  attachManagedPolicy: 'AttachManagedPolicyToPermissionSet',
  detachManagedPolicy: 'DetachManagedPolicyFromPermissionSet',
  attachCustomerManagedPolicy: 'AttachCustomerManagedPolicyReferenceToPermissionSet',
  detachCustomerManagedPolicy: 'DetachCustomerManagedPolicyReferenceFromPermissionSet',
  putInlinePolicy: 'PutInlinePolicyToPermissionSet',
  deleteInlinePolicy: 'DeleteInlinePolicyFromPermissionSet',
  putPermissionsBoundary: 'PutPermissionsBoundaryToPermissionSet',
  deletePermissionsBoundary: 'DeletePermissionsBoundaryFromPermissionSet',
};

/** Re-reads of a set whose removed field still shows, before the update counts as failed. */
const REREAD_DELAYS_MS = [500, 2000];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Removals whose "not found" means the goal holds. */
const NOT_FOUND_IS_DONE: ReadonlySet<PermissionSetOperation['op']> = new Set([
  'detachManagedPolicy',
  'detachCustomerManagedPolicy',
  'deleteInlinePolicy',
  'deletePermissionsBoundary',
]);

export class SsoAdminWriter {
  private readonly reader: PermissionSetReader;
  private readonly goals: PermissionSetGoals;

  constructor(
    private readonly client: SSOAdminClient,
    private readonly instanceArn: string,
    private readonly retry: RetryConflicts,
    private readonly requests: AsyncRequests,
    /** Pauses before reading a set again when a removed field still shows (see verifyRemovedBasics). */
    private readonly rereadDelaysMs: readonly number[] = REREAD_DELAYS_MS,
  ) {
    this.reader = { clients: { ssoAdmin: client }, instanceArn };
    this.goals = new PermissionSetGoals(this.reader);
  }

  async createPermissionSet(set: PermissionSet): Promise<CreatedPermissionSet> {
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
        return { arn };
      } catch (err) {
        // The plan saw no set of this name, so a conflict means it was created since: by
        // our own earlier attempt whose answer was lost (the SDK then retried), or by a
        // racing run. Adopt that set, with its content as it is now: the steps that follow
        // start from there. No such set: a conflict of another kind, which the retry
        // policy handles.
        if (!(err instanceof ConflictException)) throw err;
        const existing = await this.findPermissionSetArn(set.name);
        if (existing === undefined) throw err;
        return { arn: existing, adopted: await readPermissionSet(this.reader, existing, READ_EVERYTHING) };
      }
    });
  }

  /** The ARN of the set named `name`, by listing and describing (only on the conflict path). */
  private async findPermissionSetArn(name: string): Promise<string | undefined> {
    const InstanceArn = this.instanceArn;
    const arns = await collectPages(
      'sso-admin',
      'ListPermissionSets',
      paginateListPermissionSets(paginatorConfig(this.client, 100), { InstanceArn }),
      (p) => p.PermissionSets,
    );
    for (const arn of arns) {
      if ((await this.goals.describe(arn))?.Name === name) return arn;
    }
    return undefined;
  }

  async applyPermissionSetOperation(PermissionSetArn: string, op: PermissionSetOperation): Promise<void> {
    const write = async (): Promise<true> => {
      const sent = this.sendOperation(PermissionSetArn, op);
      await (NOT_FOUND_IS_DONE.has(op.op) ? ignoreNotFound(sent) : sent);
      return true;
    };
    const written = await writeOrConfirm(this.retry, `${OPERATION_NAMES[op.op]} ${PermissionSetArn}`, write, () =>
      this.goals.holds(PermissionSetArn, op),
    );
    if (op.op === 'updateBasics' && written) await this.verifyRemovedBasics(PermissionSetArn, op);
  }

  /**
   * UpdatePermissionSet cannot clear a description or relay state by sending it empty (the
   * model: length at least 1), only by leaving it out. Terraform's provider reports
   * (hashicorp/terraform-provider-aws#17411) that AWS then clears an omitted RelayState;
   * the API reference does not say. So the result is read back: a field the update meant
   * to remove that AWS kept fails the step with what the user can do, rather than
   * reporting success and planning the same removal on every run.
   */
  private async verifyRemovedBasics(PermissionSetArn: string, op: Extract<PermissionSetOperation, { op: 'updateBasics' }>): Promise<void> {
    let kept = survivingFields(await this.goals.describe(PermissionSetArn), op);
    // A read right after a write may still see the old value (the model's ConflictException
    // speaks of writes that "did not have time to propagate"): look again before failing.
    for (const delay of this.rereadDelaysMs) {
      if (kept.length === 0) return;
      await sleep(delay);
      kept = survivingFields(await this.goals.describe(PermissionSetArn), op);
    }
    if (kept.length === 0) return;
    const fields = kept.map((k) => `${k.field} "${k.value}"`).join(' and ');
    const names = kept.map((k) => k.field).join(' and ');
    throw new Error(
      `AWS kept the ${fields} although the update left ${kept.length > 1 ? 'them' : 'it'} out to remove ${kept.length > 1 ? 'them' : 'it'} ` +
        `(UpdatePermissionSet accepts no empty value). To converge, keep a ${names} for this permission set in the files, ` +
        'or replace the set: give it a new name in the files, and the tool creates the new set, moves its assignments and deletes the old one',
    );
  }

  private sendOperation(PermissionSetArn: string, op: PermissionSetOperation): Promise<unknown> {
    const InstanceArn = this.instanceArn;
    const base = { InstanceArn, PermissionSetArn };
    switch (op.op) {
      case 'updateBasics':
        return this.client.send(
          new UpdatePermissionSetCommand({
            ...base,
            Description: op.description,
            SessionDuration: op.sessionDuration,
            RelayState: op.relayState,
          }),
        );
      case 'tag':
        return this.client.send(new TagResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, Tags: tagList(op.tags) }));
      case 'untag':
        return this.client.send(new UntagResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, TagKeys: op.keys }));
      case 'attachManagedPolicy':
        return this.client.send(new AttachManagedPolicyToPermissionSetCommand({ ...base, ManagedPolicyArn: op.arn }));
      case 'detachManagedPolicy':
        return this.client.send(new DetachManagedPolicyFromPermissionSetCommand({ ...base, ManagedPolicyArn: op.arn }));
      case 'attachCustomerManagedPolicy':
        return this.client.send(
          new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
            ...base,
            CustomerManagedPolicyReference: { Name: op.ref.name, Path: op.ref.path },
          }),
        );
      case 'detachCustomerManagedPolicy':
        return this.client.send(
          new DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({
            ...base,
            CustomerManagedPolicyReference: { Name: op.ref.name, Path: op.ref.path },
          }),
        );
      case 'putInlinePolicy':
        return this.client.send(new PutInlinePolicyToPermissionSetCommand({ ...base, InlinePolicy: JSON.stringify(op.document) }));
      case 'deleteInlinePolicy':
        return this.client.send(new DeleteInlinePolicyFromPermissionSetCommand(base));
      case 'putPermissionsBoundary': {
        const b = op.boundary;
        const PermissionsBoundary =
          'managedPolicyArn' in b
            ? { ManagedPolicyArn: b.managedPolicyArn }
            : { CustomerManagedPolicyReference: { Name: b.customerManagedPolicy.name, Path: b.customerManagedPolicy.path } };
        return this.client.send(new PutPermissionsBoundaryToPermissionSetCommand({ ...base, PermissionsBoundary }));
      }
      case 'deletePermissionsBoundary':
        return this.client.send(new DeletePermissionsBoundaryFromPermissionSetCommand(base));
    }
  }

  async deletePermissionSet(PermissionSetArn: string): Promise<void> {
    await ignoreNotFound(
      writeOrConfirm(
        this.retry,
        `DeletePermissionSet ${PermissionSetArn}`,
        () => this.client.send(new DeletePermissionSetCommand({ InstanceArn: this.instanceArn, PermissionSetArn })),
        () => isGone(() => this.goals.describe(PermissionSetArn)),
      ),
    );
  }

  async provisionPermissionSet(PermissionSetArn: string): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `ProvisionPermissionSet ${PermissionSetArn}`;
    const out = await writeOrConfirm(
      this.retry,
      label,
      () => this.client.send(new ProvisionPermissionSetCommand({ InstanceArn, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' })),
      () => this.everyAccountCurrent(PermissionSetArn),
    );
    if (out === undefined) return; // a racing provisioning already brought every account up to date
    await this.requests.provisionings.track(label, asStatus(out.PermissionSetProvisioningStatus), undefined).outcome;
  }

  async createAssignment(a: ConcreteAssignment): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `CreateAccountAssignment ${a.principalType} ${a.principalId} on ${a.accountId}`;
    await this.inSlot(this.requests.creations, a, label, async () => {
      const out = await writeOrConfirm(
        this.retry,
        label,
        () => this.client.send(new CreateAccountAssignmentCommand({ InstanceArn, ...assignmentTarget(a) })),
        () => this.isAssigned(a),
      );
      return out === undefined ? undefined : asStatus(out.AccountAssignmentCreationStatus); // undefined: already assigned
    });
  }

  async deleteAssignment(a: ConcreteAssignment): Promise<void> {
    const InstanceArn = this.instanceArn;
    const label = `DeleteAccountAssignment ${a.principalType} ${a.principalId} on ${a.accountId}`;
    await this.inSlot(this.requests.deletions, a, label, async () => {
      const out = await writeOrConfirm(
        this.retry,
        label,
        () => this.client.send(new DeleteAccountAssignmentCommand({ InstanceArn, ...assignmentTarget(a) })),
        async () => !(await this.isAssigned(a)),
      );
      return out === undefined ? undefined : asStatus(out.AccountAssignmentDeletionStatus); // undefined: already gone
    });
  }

  /**
   * Sends an assignment request in one of AWS's outstanding-request slots and follows it:
   * the slot is given back as soon as AWS has finished the request, before its outcome is
   * confirmed, so the next request starts at once. `send` answers undefined when no
   * request was needed.
   */
  private async inSlot(
    tracker: RequestTracker<ConcreteAssignment>,
    a: ConcreteAssignment,
    label: string,
    send: () => Promise<AsyncStatus | undefined>,
  ): Promise<void> {
    const release = await this.requests.assignmentSlots.take();
    let status: AsyncStatus | undefined;
    try {
      status = await send();
    } finally {
      if (status === undefined) release();
    }
    if (status === undefined) return;
    const { finished, outcome } = tracker.track(label, status, a);
    void finished.then(release);
    await outcome;
  }

  /** Whether ListAccountAssignments shows `a` on its (account, permission set) pair. */
  private async isAssigned(a: ConcreteAssignment): Promise<boolean> {
    const rows = await collectPages(
      'sso-admin',
      'ListAccountAssignments',
      paginateListAccountAssignments(paginatorConfig(this.client, 100), {
        InstanceArn: this.instanceArn,
        AccountId: a.accountId,
        PermissionSetArn: a.permissionSetArn,
      }),
      (p) => p.AccountAssignments,
    );
    return rows.some((r) => r.PrincipalType === a.principalType && r.PrincipalId === a.principalId);
  }

  /** Whether no account that has the set still holds an older version of it. */
  private async everyAccountCurrent(PermissionSetArn: string): Promise<boolean> {
    const stale = await collectPages(
      'sso-admin',
      'ListAccountsForProvisionedPermissionSet',
      paginateListAccountsForProvisionedPermissionSet(paginatorConfig(this.client, 100), {
        InstanceArn: this.instanceArn,
        PermissionSetArn,
        ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      }),
      (p) => p.AccountIds,
    );
    return stale.length === 0;
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
