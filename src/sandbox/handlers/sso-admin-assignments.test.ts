import { afterEach, describe, expect, it, vi } from 'vitest';
import { noFaults } from '../faults.js';
import type { Json } from '../input.js';
import { identityStoreOperations } from './identitystore.js';
import { INJECTED_FAILURE } from './sso-admin-async.js';
import { ssoAdminOperations as ops } from './sso-admin.js';
import { awsError, MANAGEMENT, testWorld, type TestWorld } from './test-world.js';

const MEMBER = '222222222222';
const DELEGATED = '333333333333';

interface Setup {
  t: TestWorld;
  setArn: string;
  groupId: string;
  assignment: Json;
}

function setup(t: TestWorld): Setup {
  t.addMember(MEMBER);
  const set = t.call(ops, 'CreatePermissionSet', { InstanceArn: t.instanceArn, Name: 'Dev' }).PermissionSet as Json;
  const setArn = String(set.PermissionSetArn);
  const groupId = String(t.call(identityStoreOperations, 'CreateGroup', { IdentityStoreId: t.storeId, DisplayName: 'devs' }).GroupId);
  const assignment = {
    InstanceArn: t.instanceArn,
    TargetId: MEMBER,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: setArn,
    PrincipalType: 'GROUP',
    PrincipalId: groupId,
  };
  return { t, setArn, groupId, assignment };
}

function create(s: Setup, caller = MANAGEMENT): Json {
  return s.t.call(ops, 'CreateAccountAssignment', s.assignment, caller).AccountAssignmentCreationStatus as Json;
}

function creationStatus(s: Setup, requestId: unknown): Json {
  return s.t.call(ops, 'DescribeAccountAssignmentCreationStatus', {
    InstanceArn: s.t.instanceArn,
    AccountAssignmentCreationRequestId: requestId,
  }).AccountAssignmentCreationStatus as Json;
}

function rows(s: Setup): unknown[] {
  return s.t.call(ops, 'ListAccountAssignments', { InstanceArn: s.t.instanceArn, AccountId: MEMBER, PermissionSetArn: s.setArn })
    .AccountAssignments as unknown[];
}

function provisioned(s: Setup, status?: string): unknown[] {
  const body = { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn, ...(status ? { ProvisioningStatus: status } : {}) };
  return s.t.call(ops, 'ListAccountsForProvisionedPermissionSet', body).AccountIds as unknown[];
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sso-admin account assignments', () => {
  it('creates an assignment that also provisions the permission set to the account', () => {
    const s = setup(testWorld());
    expect(create(s)).toMatchObject({ Status: 'SUCCEEDED', TargetId: MEMBER, PrincipalType: 'GROUP', PrincipalId: s.groupId });
    expect(rows(s)).toEqual([{ AccountId: MEMBER, PermissionSetArn: s.setArn, PrincipalType: 'GROUP', PrincipalId: s.groupId }]);
    expect(provisioned(s, 'LATEST_PERMISSION_SET_PROVISIONED')).toEqual([MEMBER]);
    expect(
      s.t.call(ops, 'ListPermissionSetsProvisionedToAccount', { InstanceArn: s.t.instanceArn, AccountId: MEMBER }).PermissionSets,
    ).toEqual([s.setArn]);
  });

  it('is idempotent: a repeated create answers a new request and leaves one row', () => {
    const s = setup(testWorld());
    const first = create(s);
    const second = create(s);
    expect(second.RequestId).not.toBe(first.RequestId);
    expect(second.Status).toBe('SUCCEEDED');
    expect(rows(s)).toHaveLength(1);
  });

  it('starts IN_PROGRESS and finishes SUCCEEDED once asyncMs have passed', () => {
    vi.useFakeTimers();
    const s = setup(testWorld({ asyncMs: 1000 }));
    const started = create(s);
    expect(started.Status).toBe('IN_PROGRESS');
    expect(creationStatus(s, started.RequestId).Status).toBe('IN_PROGRESS');
    expect(rows(s)).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(creationStatus(s, started.RequestId).Status).toBe('SUCCEEDED');
    expect(rows(s)).toHaveLength(1);
  });

  it('lists only the requests still IN_PROGRESS under that filter, a page at a time, and drops them once finished', () => {
    vi.useFakeTimers();
    const s = setup(testWorld({ asyncMs: 1000 }));
    s.t.addMember('444444444444');
    const first = create(s);
    vi.advanceTimersByTime(500);
    const second = s.t.call(ops, 'CreateAccountAssignment', { ...s.assignment, TargetId: '444444444444' })
      .AccountAssignmentCreationStatus as Json;
    const list = (input: Json) => s.t.call(ops, 'ListAccountAssignmentCreationStatus', { InstanceArn: s.t.instanceArn, ...input });
    const requestIds = (page: Json) => (page.AccountAssignmentsCreationStatus as Json[]).map((r) => r.RequestId);
    const page1 = list({ Filter: { Status: 'IN_PROGRESS' }, MaxResults: 1 });
    expect(page1.AccountAssignmentsCreationStatus).toHaveLength(1);
    expect(page1.NextToken).toBeDefined();
    const page2 = list({ Filter: { Status: 'IN_PROGRESS' }, MaxResults: 1, NextToken: page1.NextToken });
    const ids = [...requestIds(page1), ...requestIds(page2)];
    expect(ids.sort()).toEqual([first.RequestId, second.RequestId].sort());
    expect(page2.NextToken).toBeUndefined();
    vi.advanceTimersByTime(500);
    expect(requestIds(list({ Filter: { Status: 'IN_PROGRESS' } }))).toEqual([second.RequestId]);
    expect(requestIds(list({ Filter: { Status: 'SUCCEEDED' } }))).toEqual([first.RequestId]);
  });

  it('refuses more than maxOutstanding in-progress requests per caller with ThrottlingException', () => {
    vi.useFakeTimers();
    const s = setup(testWorld({ asyncMs: 1000, maxOutstanding: 2 }));
    create(s);
    create(s);
    const err = awsError(() => create(s));
    expect(err.type).toBe('ThrottlingException');
    expect(err.message).toBe('Too many outstanding requests');
    vi.advanceTimersByTime(1000);
    expect(create(s).Status).toBe('IN_PROGRESS');
  });

  it('fails with a FailureReason when a customer managed policy is missing in the target account', () => {
    const s = setup(testWorld());
    s.t.call(ops, 'AttachCustomerManagedPolicyReferenceToPermissionSet', {
      InstanceArn: s.t.instanceArn,
      PermissionSetArn: s.setArn,
      CustomerManagedPolicyReference: { Name: 'deploy', Path: '/ci/' },
    });
    s.t.world.declareCustomerManagedPolicies(MEMBER, [{ Name: 'other', Path: '/' }]);
    const status = create(s);
    expect(status.Status).toBe('FAILED');
    expect(String(status.FailureReason)).toContain(`arn:aws:iam::${MEMBER}:policy/ci/deploy`);
    expect(rows(s)).toEqual([]);
    s.t.world.declareCustomerManagedPolicies(MEMBER, [{ Name: 'deploy', Path: '/ci/' }]);
    expect(create(s).Status).toBe('SUCCEEDED');
  });

  it('fails a creation for a principal that does not exist', () => {
    const s = setup(testWorld());
    const status = s.t.call(ops, 'CreateAccountAssignment', { ...s.assignment, PrincipalType: 'USER', PrincipalId: s.groupId })
      .AccountAssignmentCreationStatus as Json;
    expect(status).toMatchObject({ Status: 'FAILED', FailureReason: expect.stringContaining('does not exist') });
  });

  it('fails requests when the async-fail fault fires', () => {
    const s = setup(testWorld({}, { ...noFaults(), asyncFail: 1 }));
    expect(create(s)).toMatchObject({ Status: 'FAILED', FailureReason: INJECTED_FAILURE });
  });

  it('refuses to delete a permission set while assignments exist; deleting the last assignment unprovisions the set', () => {
    const s = setup(testWorld());
    create(s);
    const deleteSet = () => s.t.call(ops, 'DeletePermissionSet', { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn });
    expect(awsError(deleteSet).type).toBe('ConflictException');
    const deletion = s.t.call(ops, 'DeleteAccountAssignment', s.assignment).AccountAssignmentDeletionStatus as Json;
    expect(deletion.Status).toBe('SUCCEEDED');
    expect(rows(s)).toEqual([]);
    expect(provisioned(s)).toEqual([]);
    expect(deleteSet()).toEqual({});
  });

  it('keeps a delegated administrator out of the management account', () => {
    const s = setup(testWorld());
    s.t.addMember(DELEGATED);
    s.t.delegateAdmin(DELEGATED);
    expect(create(s, DELEGATED).Status).toBe('SUCCEEDED');
    const inManagement = { ...s.assignment, TargetId: MANAGEMENT };
    expect(awsError(() => s.t.call(ops, 'CreateAccountAssignment', inManagement, DELEGATED)).type).toBe('AccessDeniedException');
  });

  it('lists assignments by principal with an optional account filter, and request statuses by status', () => {
    const s = setup(testWorld());
    s.t.addMember('444444444444');
    create(s);
    s.t.call(ops, 'CreateAccountAssignment', { ...s.assignment, TargetId: '444444444444' });
    const forPrincipal = (filter: Json) =>
      s.t.call(ops, 'ListAccountAssignmentsForPrincipal', {
        InstanceArn: s.t.instanceArn,
        PrincipalType: 'GROUP',
        PrincipalId: s.groupId,
        ...filter,
      }).AccountAssignments;
    expect(forPrincipal({})).toHaveLength(2);
    expect(forPrincipal({ Filter: { AccountId: '444444444444' } })).toEqual([
      { AccountId: '444444444444', PermissionSetArn: s.setArn, PrincipalType: 'GROUP', PrincipalId: s.groupId },
    ]);
    const statuses = (status: string) =>
      s.t.call(ops, 'ListAccountAssignmentCreationStatus', { InstanceArn: s.t.instanceArn, Filter: { Status: status } })
        .AccountAssignmentsCreationStatus;
    expect(statuses('SUCCEEDED')).toHaveLength(2);
    expect(statuses('FAILED')).toEqual([]);
  });

  it('pages 50,000 assignments of one principal, each exactly once', () => {
    const s = setup(testWorld());
    const instance = s.t.world.instances.get(s.t.instanceArn);
    if (!instance) throw new Error('no instance');
    for (let i = 0; i < 50_000; i++)
      instance.addAssignment({
        AccountId: String(100000000000 + i),
        PermissionSetArn: s.setArn,
        PrincipalType: 'GROUP',
        PrincipalId: s.groupId,
      });
    const accounts = new Set<string>();
    let token: unknown;
    do {
      const page = s.t.call(ops, 'ListAccountAssignmentsForPrincipal', {
        InstanceArn: s.t.instanceArn,
        PrincipalType: 'GROUP',
        PrincipalId: s.groupId,
        ...(token ? { NextToken: token } : {}),
      });
      for (const a of page.AccountAssignments as { AccountId: string }[]) accounts.add(a.AccountId);
      token = page.NextToken;
    } while (token);
    expect(accounts.size).toBe(50_000);
  });
});

describe('sso-admin provisioning', () => {
  it('marks provisioned accounts stale after a policy change until ProvisionPermissionSet runs', () => {
    const s = setup(testWorld());
    create(s);
    const base = { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn };
    s.t.call(ops, 'AttachManagedPolicyToPermissionSet', { ...base, ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(provisioned(s, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).toEqual([MEMBER]);
    expect(
      s.t.call(ops, 'ListPermissionSetsProvisionedToAccount', {
        InstanceArn: s.t.instanceArn,
        AccountId: MEMBER,
        ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
      }).PermissionSets,
    ).toEqual([s.setArn]);
    const status = s.t.call(ops, 'ProvisionPermissionSet', { ...base, TargetType: 'ALL_PROVISIONED_ACCOUNTS' })
      .PermissionSetProvisioningStatus as Json;
    expect(status.Status).toBe('SUCCEEDED');
    expect(provisioned(s, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).toEqual([]);
    expect(provisioned(s, 'LATEST_PERMISSION_SET_PROVISIONED')).toEqual([MEMBER]);
  });

  it('marks accounts stale after a session duration change but not after a description change', () => {
    const s = setup(testWorld());
    create(s);
    const base = { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn };
    s.t.call(ops, 'UpdatePermissionSet', { ...base, Description: 'new words' });
    expect(provisioned(s, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).toEqual([]);
    s.t.call(ops, 'UpdatePermissionSet', { ...base, SessionDuration: 'PT8H' });
    expect(provisioned(s, 'LATEST_PERMISSION_SET_NOT_PROVISIONED')).toEqual([MEMBER]);
  });

  it('fails provisioning to an account lacking the customer managed boundary, and describes the request', () => {
    vi.useFakeTimers();
    const s = setup(testWorld({ asyncMs: 500 }));
    const base = { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn };
    s.t.call(ops, 'PutPermissionsBoundaryToPermissionSet', {
      ...base,
      PermissionsBoundary: { CustomerManagedPolicyReference: { Name: 'limit' } },
    });
    s.t.world.declareCustomerManagedPolicies(MEMBER, []);
    const started = s.t.call(ops, 'ProvisionPermissionSet', { ...base, TargetType: 'AWS_ACCOUNT', TargetId: MEMBER })
      .PermissionSetProvisioningStatus as Json;
    expect(started).toMatchObject({ Status: 'IN_PROGRESS', AccountId: MEMBER });
    vi.advanceTimersByTime(500);
    const done = s.t.call(ops, 'DescribePermissionSetProvisioningStatus', {
      InstanceArn: s.t.instanceArn,
      ProvisionPermissionSetRequestId: started.RequestId,
    }).PermissionSetProvisioningStatus as Json;
    expect(done).toMatchObject({ Status: 'FAILED', FailureReason: expect.stringContaining('policy/limit') });
    expect(provisioned(s)).toEqual([]);
  });

  it('requires TargetId for AWS_ACCOUNT and an id of the right kind for Describe', () => {
    const s = setup(testWorld());
    const base = { InstanceArn: s.t.instanceArn, PermissionSetArn: s.setArn };
    expect(awsError(() => s.t.call(ops, 'ProvisionPermissionSet', { ...base, TargetType: 'AWS_ACCOUNT' })).type).toBe(
      'ValidationException',
    );
    const creation = create(s);
    const wrongKind = { InstanceArn: s.t.instanceArn, ProvisionPermissionSetRequestId: creation.RequestId };
    expect(awsError(() => s.t.call(ops, 'DescribePermissionSetProvisioningStatus', wrongKind)).type).toBe('ResourceNotFoundException');
  });
});
