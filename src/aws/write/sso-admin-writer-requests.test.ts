// SsoAdminWriter's asynchronous requests against a real sso-admin client answered by
// middleware: assignments created and deleted (followed by Describe…Status, or confirmed
// by one ListAccountAssignments of their pair), conflicts settled by a read, FAILED
// requests with their reason; provisioning and deleting a permission set.
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { ssoAdminWriterAnswering } from './testing/quick-writers.js';
import { commandsOf } from './testing/sdk-answers.js';

const conflict = (message = 'conflict') => new ConflictException({ message, $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';

const assignment = { permissionSetArn: PS, principalType: 'GROUP' as const, principalId: 'g-1', accountId: '222222222222' };
const assigned = { AccountAssignments: [{ AccountId: '222222222222', PermissionSetArn: PS, PrincipalType: 'GROUP', PrincipalId: 'g-1' }] };
const unassigned = { AccountAssignments: [{ AccountId: '222222222222', PermissionSetArn: PS, PrincipalType: 'USER', PrincipalId: 'g-1' }] };

describe('SsoAdminWriter assignments', () => {
  it('creates an assignment alone on its pair and follows it by Describe…Status alone, until SUCCEEDED', async () => {
    const { writer, calls } = ssoAdminWriterAnswering({
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
    const { writer, calls } = ssoAdminWriterAnswering({
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
    const { writer } = ssoAdminWriterAnswering({
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
    const { writer, calls } = ssoAdminWriterAnswering({ CreateAccountAssignment: [conflict()], ListAccountAssignments: [assigned] });
    await expect(writer.createAssignment(assignment)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['CreateAccountAssignment', 'ListAccountAssignments']);
  });

  it('fails a create whose conflicts persist while the assignment is not there', async () => {
    const { writer } = ssoAdminWriterAnswering({ CreateAccountAssignment: [conflict()], ListAccountAssignments: [unassigned] });
    await expect(writer.createAssignment(assignment)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('counts a conflicting delete as done when the assignment is gone', async () => {
    const { writer } = ssoAdminWriterAnswering({ DeleteAccountAssignment: [conflict()], ListAccountAssignments: [unassigned] });
    await expect(writer.deleteAssignment(assignment)).resolves.toBeUndefined();
  });

  it('fails a delete whose conflicts persist while the assignment is still there', async () => {
    const { writer } = ssoAdminWriterAnswering({ DeleteAccountAssignment: [conflict()], ListAccountAssignments: [assigned] });
    await expect(writer.deleteAssignment(assignment)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('reports a FAILED request with its reason', async () => {
    const { writer } = ssoAdminWriterAnswering({
      DeleteAccountAssignment: [{ AccountAssignmentDeletionStatus: { Status: 'FAILED', FailureReason: 'role in use' } }],
    });
    await expect(writer.deleteAssignment(assignment)).rejects.toThrow('FAILED: role in use');
  });
});

describe('SsoAdminWriter provisioning and deletion', () => {
  it('provisions and waits', async () => {
    const { writer, calls } = ssoAdminWriterAnswering({
      ProvisionPermissionSet: [{ PermissionSetProvisioningStatus: { Status: 'SUCCEEDED', RequestId: 'r' } }],
    });
    await writer.provisionPermissionSet(PS);
    expect(commandsOf(calls)).toEqual(['ProvisionPermissionSet']);
  });

  it('counts a conflicting provisioning as done when no account holds an old version', async () => {
    const { writer } = ssoAdminWriterAnswering({
      ProvisionPermissionSet: [conflict()],
      ListAccountsForProvisionedPermissionSet: [{ AccountIds: [] }],
    });
    await expect(writer.provisionPermissionSet(PS)).resolves.toBeUndefined();
  });

  it('fails a provisioning whose conflicts persist while accounts are stale', async () => {
    const { writer } = ssoAdminWriterAnswering({
      ProvisionPermissionSet: [conflict()],
      ListAccountsForProvisionedPermissionSet: [{ AccountIds: ['222222222222'] }],
    });
    await expect(writer.provisionPermissionSet(PS)).rejects.toThrow('still conflicting after 3 attempts');
  });

  it('deletes a set; not found counts as done', async () => {
    await expect(ssoAdminWriterAnswering({ DeletePermissionSet: [{}] }).writer.deletePermissionSet(PS)).resolves.toBeUndefined();
    await expect(ssoAdminWriterAnswering({ DeletePermissionSet: [notFound()] }).writer.deletePermissionSet(PS)).resolves.toBeUndefined();
  });

  it('counts a conflicting delete as done when the set is gone, and fails while it is still there', async () => {
    await expect(
      ssoAdminWriterAnswering({ DeletePermissionSet: [conflict()], DescribePermissionSet: [notFound()] }).writer.deletePermissionSet(PS),
    ).resolves.toBeUndefined();
    await expect(
      ssoAdminWriterAnswering({
        DeletePermissionSet: [conflict()],
        DescribePermissionSet: [{ PermissionSet: { Name: 'Ops' } }],
      }).writer.deletePermissionSet(PS),
    ).rejects.toThrow('still conflicting after 3 attempts');
  });
});
