// The permission set write paths of SsoAdminWriter against a real sso-admin client answered
// by middleware: success, a conflict after which a read shows the goal holds (success), a
// conflict that persists while it does not (retried, then failure), not found on removal,
// and the two behaviours AWS may have when UpdatePermissionSet leaves a field out. Its
// asynchronous requests: sso-admin-writer-requests.test.ts.
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import type { PermissionSetOperation } from '../../apply/permission-set-ops.js';
import { aPermissionSet } from '../../testing/builders.js';
import { ssoAdminWriterAnswering } from './testing/quick-writers.js';
import { commandsOf } from './testing/sdk-answers.js';

const conflict = (message = 'conflict') => new ConflictException({ message, $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';

describe('SsoAdminWriter.createPermissionSet', () => {
  it('returns the ARN of the set it created', async () => {
    const { writer } = ssoAdminWriterAnswering({ CreatePermissionSet: [{ PermissionSet: { PermissionSetArn: PS, Name: 'Ops' } }] });
    await expect(writer.createPermissionSet(aPermissionSet({ name: 'Ops' }))).resolves.toEqual({ arn: PS });
  });

  it('adopts the set of that name when the create conflicts, with its content as it is, for the steps that follow', async () => {
    const { writer } = ssoAdminWriterAnswering({
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
    const { writer, calls } = ssoAdminWriterAnswering({ CreatePermissionSet: [conflict()], ListPermissionSets: [{ PermissionSets: [] }] });
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
    const { writer, calls } = ssoAdminWriterAnswering({
      [command]: [{}],
      DescribePermissionSet: [{ PermissionSet: { Description: 'd', SessionDuration: 'PT2H' } }],
    });
    await writer.applyPermissionSetOperation(PS, op);
    expect(commandsOf(calls)[0]).toBe(command);
    expect(commandsOf(calls).filter((c) => c === command)).toHaveLength(1);
  });

  it('succeeds on a conflict when a read shows the step is already in place ("already attached")', async () => {
    const { writer, calls } = ssoAdminWriterAnswering({ [command]: [conflict('already attached')], [readCommand]: [holding] });
    await expect(writer.applyPermissionSetOperation(PS, op)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual([command, readCommand]);
  });

  it('retries a conflict while the step is not in place, and fails when it persists', async () => {
    const { writer, calls } = ssoAdminWriterAnswering({ [command]: [conflict()], [readCommand]: [notHolding] });
    await expect(writer.applyPermissionSetOperation(PS, op)).rejects.toThrow(`${command} ${PS}: still conflicting after 3 attempts`);
    expect(commandsOf(calls).filter((c) => c === command)).toHaveLength(3);
  });
});

describe('SsoAdminWriter removals that find nothing to remove', () => {
  it.each(STEPS.filter(([op]) => op.op.startsWith('detach') || op.op.startsWith('delete')))(
    'counts not found as done for %o',
    async (op, command) => {
      const { writer } = ssoAdminWriterAnswering({ [command]: [notFound()] });
      await expect(writer.applyPermissionSetOperation(PS, op)).resolves.toBeUndefined();
    },
  );
});

describe('SsoAdminWriter: removing a description or relay state', () => {
  const removeBoth: PermissionSetOperation = { op: 'updateBasics', sessionDuration: 'PT1H' };

  it('leaves the fields out of UpdatePermissionSet and succeeds when AWS clears them', async () => {
    const { writer, calls } = ssoAdminWriterAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Name: 'Ops', SessionDuration: 'PT1H' } }],
    });
    await expect(writer.applyPermissionSetOperation(PS, removeBoth)).resolves.toBeUndefined();
    expect(calls[0]?.input).toEqual({ InstanceArn: 'arn:aws:sso:::instance/ssoins-1', PermissionSetArn: PS, SessionDuration: 'PT1H' });
  });

  it('fails saying what the user can do when AWS keeps a field the update left out', async () => {
    const { writer } = ssoAdminWriterAnswering({
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
    const { writer, calls } = ssoAdminWriterAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Name: 'Ops', Description: 'not yet propagated' } }, { PermissionSet: { Name: 'Ops' } }],
    });
    await expect(writer.applyPermissionSetOperation(PS, removeBoth)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['UpdatePermissionSet', 'DescribePermissionSet', 'DescribePermissionSet']);
  });

  it('does not complain about fields the update sets', async () => {
    const { writer } = ssoAdminWriterAnswering({
      UpdatePermissionSet: [{}],
      DescribePermissionSet: [{ PermissionSet: { Description: 'new', RelayState: 'https://x/' } }],
    });
    await expect(
      writer.applyPermissionSetOperation(PS, { op: 'updateBasics', description: 'new', relayState: 'https://x/', sessionDuration: 'PT1H' }),
    ).resolves.toBeUndefined();
  });
});
