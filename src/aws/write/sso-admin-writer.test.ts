// Every write path of SsoAdminWriter against a real sso-admin client answered by
// middleware: success, a conflict after which a read shows the goal holds (success), a
// conflict that persists while it does not (retried, then failure), not found on removal,
// and the two behaviours AWS may have when UpdatePermissionSet leaves a field out.
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import type { PermissionSetOperation } from '../../apply/permission-set-ops.js';
import type { ConcreteAssignment } from '../../apply/port.js';
import { aPermissionSet } from '../../testing/builders.js';
import { withConflictRetry, type ConflictRetryOptions } from '../conflict-retry.js';
import { OutstandingSlots } from './outstanding-slots.js';
import { assignmentCreationGroups, requestStatusSources } from './request-status-sources.js';
import { RequestTracker, type TrackerOptions } from './request-tracker.js';
import { SsoAdminWriter, type AsyncRequests } from './sso-admin-writer.js';
import { commandsOf, scripted, ssoAdminAnswering } from './testing/sdk-answers.js';

const THREE_QUICK_ATTEMPTS: ConflictRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: async () => {},
  random: () => 0,
};
const retry = <T>(label: string, fn: () => Promise<T>) => withConflictRetry(fn, label, THREE_QUICK_ATTEMPTS);
const QUICK: TrackerOptions = {
  initialEstimateMs: 2,
  minGapMs: 1,
  groupWaitMs: 1,
  minEstimateMs: 1,
  maxEstimateMs: 10,
  timeoutMs: 1000,
};
function requestsOf(client: Parameters<typeof requestStatusSources>[0]): AsyncRequests {
  const sources = requestStatusSources(client, 'arn:aws:sso:::instance/ssoins-1');
  return {
    creations: new RequestTracker(sources.creation, QUICK, assignmentCreationGroups(client, 'arn:aws:sso:::instance/ssoins-1')),
    deletions: new RequestTracker<ConcreteAssignment>(sources.deletion, QUICK),
    provisionings: new RequestTracker(sources.provisioning, QUICK),
    assignmentSlots: new OutstandingSlots(10),
  };
}

const conflict = (message = 'conflict') => new ConflictException({ message, $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';

function writerAnswering(script: Parameters<typeof scripted>[0]) {
  const { client, calls } = ssoAdminAnswering(scripted(script));
  return { writer: new SsoAdminWriter(client, 'arn:aws:sso:::instance/ssoins-1', retry, requestsOf(client), [0, 0]), calls };
}

describe('SsoAdminWriter.createPermissionSet', () => {
  it('returns the ARN of the set it created', async () => {
    const { writer } = writerAnswering({ CreatePermissionSet: [{ PermissionSet: { PermissionSetArn: PS, Name: 'Ops' } }] });
    await expect(writer.createPermissionSet(aPermissionSet({ name: 'Ops' }))).resolves.toEqual({ arn: PS });
  });

  it('adopts the set of that name when the create conflicts, with its content as it is, for the steps that follow', async () => {
    const { writer } = writerAnswering({
      CreatePermissionSet: [conflict('PermissionSet with name Ops already exists')],
      ListPermissionSets: [{ PermissionSets: ['arn:ps/other', PS] }],
      DescribePermissionSet: [
        { PermissionSet: { Name: 'Other' } },
        { PermissionSet: { Name: 'Ops' } },
        { PermissionSet: { Name: 'Ops', Description: 'half done', SessionDuration: 'PT1H' } },
      ],
      ListTagsForResource: [{ Tags: [{ Key: 'team', Value: 'ops' }] }],
      ListManagedPoliciesInPermissionSet: [
        { AttachedManagedPolicies: [{ Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Name: 'ReadOnlyAccess' }] },
      ],
      ListCustomerManagedPolicyReferencesInPermissionSet: [{ CustomerManagedPolicyReferences: [] }],
      GetInlinePolicyForPermissionSet: [{ InlinePolicy: '' }],
      GetPermissionsBoundaryForPermissionSet: [notFound()],
    });
    const created = await writer.createPermissionSet(aPermissionSet({ name: 'Ops' }));
    expect(created.arn).toBe(PS);
    expect(created.adopted).toMatchObject({
      name: 'Ops',
      description: 'half done',
      tags: { team: 'ops' },
      managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      customerManagedPolicies: [],
    });
    expect(created.adopted?.inlinePolicy).toBeUndefined();
  });

  it('retries a conflict when no set of that name exists, and fails when it persists', async () => {
    const { writer, calls } = writerAnswering({ CreatePermissionSet: [conflict()], ListPermissionSets: [{ PermissionSets: [] }] });
    await expect(writer.createPermissionSet(aPermissionSet({ name: 'Ops' }))).rejects.toThrow(
      'CreatePermissionSet Ops: still conflicting after 3 attempts',
    );
    expect(commandsOf(calls).filter((c) => c === 'CreatePermissionSet')).toHaveLength(3);
  });
});

const READONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const ref = { name: 'Deny', path: '/guard/' };
const document = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };

/** op, its command, the read that checks it, an answer where the goal holds, one where it does not. */
const STEPS: Array<[PermissionSetOperation, string, string, object | Error, object | Error]> = [
  [
    { op: 'attachManagedPolicy', arn: READONLY },
    'AttachManagedPolicyToPermissionSet',
    'ListManagedPoliciesInPermissionSet',
    { AttachedManagedPolicies: [{ Arn: READONLY }] },
    { AttachedManagedPolicies: [] },
  ],
  [
    { op: 'detachManagedPolicy', arn: READONLY },
    'DetachManagedPolicyFromPermissionSet',
    'ListManagedPoliciesInPermissionSet',
    { AttachedManagedPolicies: [] },
    { AttachedManagedPolicies: [{ Arn: READONLY }] },
  ],
  [
    { op: 'attachCustomerManagedPolicy', ref },
    'AttachCustomerManagedPolicyReferenceToPermissionSet',
    'ListCustomerManagedPolicyReferencesInPermissionSet',
    { CustomerManagedPolicyReferences: [{ Name: 'Deny', Path: '/guard/' }] },
    { CustomerManagedPolicyReferences: [{ Name: 'Deny', Path: '/' }] },
  ],
  [
    { op: 'detachCustomerManagedPolicy', ref },
    'DetachCustomerManagedPolicyReferenceFromPermissionSet',
    'ListCustomerManagedPolicyReferencesInPermissionSet',
    { CustomerManagedPolicyReferences: [] },
    { CustomerManagedPolicyReferences: [{ Name: 'Deny', Path: '/guard/' }] },
  ],
  [
    { op: 'putInlinePolicy', document },
    'PutInlinePolicyToPermissionSet',
    'GetInlinePolicyForPermissionSet',
    { InlinePolicy: JSON.stringify({ Statement: document.Statement, Version: document.Version }) },
    { InlinePolicy: '' },
  ],
  [
    { op: 'deleteInlinePolicy' },
    'DeleteInlinePolicyFromPermissionSet',
    'GetInlinePolicyForPermissionSet',
    { InlinePolicy: '' },
    { InlinePolicy: JSON.stringify(document) },
  ],
  [
    { op: 'putPermissionsBoundary', boundary: { managedPolicyArn: READONLY } },
    'PutPermissionsBoundaryToPermissionSet',
    'GetPermissionsBoundaryForPermissionSet',
    { PermissionsBoundary: { ManagedPolicyArn: READONLY } },
    notFound(),
  ],
  [
    { op: 'deletePermissionsBoundary' },
    'DeletePermissionsBoundaryFromPermissionSet',
    'GetPermissionsBoundaryForPermissionSet',
    notFound(),
    { PermissionsBoundary: { ManagedPolicyArn: READONLY } },
  ],
  [
    { op: 'tag', tags: { team: 'ops' } },
    'TagResource',
    'ListTagsForResource',
    { Tags: [{ Key: 'team', Value: 'ops' }] },
    { Tags: [{ Key: 'team', Value: 'dev' }] },
  ],
  [{ op: 'untag', keys: ['team'] }, 'UntagResource', 'ListTagsForResource', { Tags: [] }, { Tags: [{ Key: 'team', Value: 'ops' }] }],
  [
    { op: 'updateBasics', description: 'd', sessionDuration: 'PT2H' },
    'UpdatePermissionSet',
    'DescribePermissionSet',
    { PermissionSet: { Description: 'd', SessionDuration: 'PT120M' } },
    { PermissionSet: { Description: 'old', SessionDuration: 'PT2H' } },
  ],
];

describe.each(STEPS)('SsoAdminWriter.applyPermissionSetOperation %o', (op, command, readCommand, holding, notHolding) => {
  it('sends the step once when AWS accepts it', async () => {
    const { writer, calls } = writerAnswering({
      [command]: [{}],
      DescribePermissionSet: [{ PermissionSet: { Description: 'd', SessionDuration: 'PT2H' } }],
    });
    await writer.applyPermissionSetOperation(PS, op);
    expect(commandsOf(calls)[0]).toBe(command);
    expect(commandsOf(calls).filter((c) => c === command)).toHaveLength(1);
  });

  it('succeeds on a conflict when a read shows the step is already in place ("already attached")', async () => {
    const { writer, calls } = writerAnswering({ [command]: [conflict('already attached')], [readCommand]: [holding] });
    await expect(writer.applyPermissionSetOperation(PS, op)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual([command, readCommand]);
  });

  it('retries a conflict while the step is not in place, and fails when it persists', async () => {
    const { writer, calls } = writerAnswering({ [command]: [conflict()], [readCommand]: [notHolding] });
    await expect(writer.applyPermissionSetOperation(PS, op)).rejects.toThrow(`${command} ${PS}: still conflicting after 3 attempts`);
    expect(commandsOf(calls).filter((c) => c === command)).toHaveLength(3);
  });
});

describe('SsoAdminWriter removals that find nothing to remove', () => {
  it.each(STEPS.filter(([op]) => op.op.startsWith('detach') || op.op.startsWith('delete')))(
    'counts not found as done for %o',
    async (op, command) => {
      const { writer } = writerAnswering({ [command]: [notFound()] });
      await expect(writer.applyPermissionSetOperation(PS, op)).resolves.toBeUndefined();
    },
  );
});

describe('SsoAdminWriter: removing a description or relay state', () => {
  const removeBoth: PermissionSetOperation = { op: 'updateBasics', sessionDuration: 'PT1H' };

  it('leaves the fields out of UpdatePermissionSet and succeeds when AWS clears them', async () => {
    const { writer, calls } = writerAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Name: 'Ops', SessionDuration: 'PT1H' } }],
    });
    await expect(writer.applyPermissionSetOperation(PS, removeBoth)).resolves.toBeUndefined();
    expect(calls[0]?.input).toEqual({ InstanceArn: 'arn:aws:sso:::instance/ssoins-1', PermissionSetArn: PS, SessionDuration: 'PT1H' });
  });

  it('fails saying what the user can do when AWS keeps a field the update left out', async () => {
    const { writer } = writerAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [
        {
          PermissionSet: {
            Name: 'Ops',
            SessionDuration: 'PT1H',
            Description: 'old words',
            RelayState: 'https://console.aws.amazon.com/s3/',
          },
        },
      ],
    });
    await expect(writer.applyPermissionSetOperation(PS, removeBoth)).rejects.toThrow(
      'AWS kept the description "old words" and relayState "https://console.aws.amazon.com/s3/" although the update left them out to remove them (UpdatePermissionSet accepts no empty value). To converge, keep a description and relayState for this permission set in the files, or replace the set',
    );
  });

  it('reads again before failing: a removed field that shows only on the first read is gone', async () => {
    const { writer, calls } = writerAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Name: 'Ops', Description: 'not yet propagated' } }, { PermissionSet: { Name: 'Ops' } }],
    });
    await expect(writer.applyPermissionSetOperation(PS, removeBoth)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['UpdatePermissionSet', 'DescribePermissionSet', 'DescribePermissionSet']);
  });

  it('does not complain about fields the update sets', async () => {
    const { writer } = writerAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Description: 'new', RelayState: 'https://x/' } }],
    });
    await expect(
      writer.applyPermissionSetOperation(PS, { op: 'updateBasics', description: 'new', relayState: 'https://x/', sessionDuration: 'PT1H' }),
    ).resolves.toBeUndefined();
  });
});

const assignment = { permissionSetArn: PS, principalType: 'GROUP' as const, principalId: 'g-1', accountId: '222222222222' };
const assigned = { AccountAssignments: [{ AccountId: '222222222222', PermissionSetArn: PS, PrincipalType: 'GROUP', PrincipalId: 'g-1' }] };
const unassigned = { AccountAssignments: [{ AccountId: '222222222222', PermissionSetArn: PS, PrincipalType: 'USER', PrincipalId: 'g-1' }] };

describe('SsoAdminWriter assignments', () => {
  it('creates an assignment alone on its pair and follows it by Describe…Status alone, until SUCCEEDED', async () => {
    const { writer, calls } = writerAnswering({
      CreateAccountAssignment: [{ AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-1' } }],
      DescribeAccountAssignmentCreationStatus: [
        { AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-1' } },
        { AccountAssignmentCreationStatus: { Status: 'SUCCEEDED', RequestId: 'r-1' } },
      ],
    });
    await writer.createAssignment(assignment);
    expect(commandsOf(calls)).toEqual([
      'CreateAccountAssignment',
      'DescribeAccountAssignmentCreationStatus',
      'DescribeAccountAssignmentCreationStatus',
    ]);
  });

  it('confirms creations on one (account, permission set) pair with one ListAccountAssignments, no Describe', async () => {
    const other = { ...assignment, principalId: 'g-2' };
    const { writer, calls } = writerAnswering({
      CreateAccountAssignment: [
        { AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-1' } },
        { AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-2' } },
      ],
      ListAccountAssignmentCreationStatus: [{ AccountAssignmentsCreationStatus: [] }],
      ListAccountAssignments: [
        { AccountAssignments: [...assigned.AccountAssignments, { ...assigned.AccountAssignments[0], PrincipalId: 'g-2' }] },
      ],
    });
    await Promise.all([writer.createAssignment(assignment), writer.createAssignment(other)]);
    expect(commandsOf(calls).filter((c) => c === 'ListAccountAssignments')).toHaveLength(1);
    expect(commandsOf(calls)).not.toContain('DescribeAccountAssignmentCreationStatus');
  });

  it('reports a request that left the IN_PROGRESS listing and is not shown on its pair with the reason its Describe gives', async () => {
    const other = { ...assignment, principalId: 'g-2' };
    const { writer } = writerAnswering({
      CreateAccountAssignment: [
        { AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-1' } },
        { AccountAssignmentCreationStatus: { Status: 'IN_PROGRESS', RequestId: 'r-2' } },
      ],
      ListAccountAssignmentCreationStatus: [{ AccountAssignmentsCreationStatus: [] }],
      ListAccountAssignments: [assigned],
      DescribeAccountAssignmentCreationStatus: [
        { AccountAssignmentCreationStatus: { Status: 'FAILED', RequestId: 'r-2', FailureReason: 'policy not found' } },
      ],
    });
    const results = await Promise.allSettled([writer.createAssignment(assignment), writer.createAssignment(other)]);
    expect(results[0]?.status).toBe('fulfilled');
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('FAILED: policy not found');
  });

  it('counts a conflicting create as done when the assignment is listed', async () => {
    const { writer, calls } = writerAnswering({ CreateAccountAssignment: [conflict()], ListAccountAssignments: [assigned] });
    await expect(writer.createAssignment(assignment)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['CreateAccountAssignment', 'ListAccountAssignments']);
  });

  it('fails a create whose conflicts persist while the assignment is not there', async () => {
    const { writer } = writerAnswering({ CreateAccountAssignment: [conflict()], ListAccountAssignments: [unassigned] });
    await expect(writer.createAssignment(assignment)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('counts a conflicting delete as done when the assignment is gone', async () => {
    const { writer } = writerAnswering({ DeleteAccountAssignment: [conflict()], ListAccountAssignments: [unassigned] });
    await expect(writer.deleteAssignment(assignment)).resolves.toBeUndefined();
  });

  it('fails a delete whose conflicts persist while the assignment is still there', async () => {
    const { writer } = writerAnswering({ DeleteAccountAssignment: [conflict()], ListAccountAssignments: [assigned] });
    await expect(writer.deleteAssignment(assignment)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('reports a FAILED request with its reason', async () => {
    const { writer } = writerAnswering({
      DeleteAccountAssignment: [{ AccountAssignmentDeletionStatus: { Status: 'FAILED', FailureReason: 'role in use' } }],
    });
    await expect(writer.deleteAssignment(assignment)).rejects.toThrow('FAILED: role in use');
  });
});

describe('SsoAdminWriter provisioning and deletion', () => {
  it('provisions and waits', async () => {
    const { writer, calls } = writerAnswering({
      ProvisionPermissionSet: [{ PermissionSetProvisioningStatus: { Status: 'SUCCEEDED', RequestId: 'r' } }],
    });
    await writer.provisionPermissionSet(PS);
    expect(commandsOf(calls)).toEqual(['ProvisionPermissionSet']);
  });

  it('counts a conflicting provisioning as done when no account holds an old version', async () => {
    const { writer } = writerAnswering({
      ProvisionPermissionSet: [conflict()],
      ListAccountsForProvisionedPermissionSet: [{ AccountIds: [] }],
    });
    await expect(writer.provisionPermissionSet(PS)).resolves.toBeUndefined();
  });

  it('fails a provisioning whose conflicts persist while accounts are stale', async () => {
    const { writer } = writerAnswering({
      ProvisionPermissionSet: [conflict()],
      ListAccountsForProvisionedPermissionSet: [{ AccountIds: ['222222222222'] }],
    });
    await expect(writer.provisionPermissionSet(PS)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('deletes a set; not found counts as done', async () => {
    await expect(writerAnswering({ DeletePermissionSet: [{}] }).writer.deletePermissionSet(PS)).resolves.toBeUndefined();
    await expect(writerAnswering({ DeletePermissionSet: [notFound()] }).writer.deletePermissionSet(PS)).resolves.toBeUndefined();
  });

  it('counts a conflicting delete as done when the set is gone, and fails while it is still there', async () => {
    await expect(
      writerAnswering({ DeletePermissionSet: [conflict()], DescribePermissionSet: [notFound()] }).writer.deletePermissionSet(PS),
    ).resolves.toBeUndefined();
    await expect(
      writerAnswering({
        DeletePermissionSet: [conflict()],
        DescribePermissionSet: [{ PermissionSet: { Name: 'Ops' } }],
      }).writer.deletePermissionSet(PS),
    ).rejects.toThrow('still conflicting after 3 attempts');
  });
});
