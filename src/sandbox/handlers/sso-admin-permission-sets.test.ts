import { describe, expect, it } from 'vitest';
import type { Json } from '../input.js';
import { ssoAdminOperations as ops } from './sso-admin.js';
import { awsError, MANAGEMENT, testWorld, type TestWorld } from './test-world.js';

const DELEGATED = '333333333333';

function createSet(t: TestWorld, name: string, extra: Json = {}, caller = MANAGEMENT): string {
  const out = t.call(ops, 'CreatePermissionSet', { InstanceArn: t.instanceArn, Name: name, ...extra }, caller);
  return String((out.PermissionSet as Json).PermissionSetArn);
}

function describeSet(t: TestWorld, arn: string): Json {
  return t.call(ops, 'DescribePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn }).PermissionSet as Json;
}

describe('sso-admin instances', () => {
  it('lists the instance with its identity store, owner, ACTIVE status and primary region', () => {
    const t = testWorld();
    expect(t.call(ops, 'ListInstances', {}).Instances).toEqual([
      expect.objectContaining({
        InstanceArn: t.instanceArn,
        IdentityStoreId: t.storeId,
        OwnerAccountId: MANAGEMENT,
        Status: 'ACTIVE',
        PrimaryRegion: 'us-east-1',
      }),
    ]);
    expect(t.call(ops, 'DescribeInstance', { InstanceArn: t.instanceArn }).PrimaryRegion).toBe('us-east-1');
  });

  it('shows the instance to a delegated administrator and to nobody else', () => {
    const t = testWorld();
    t.addMember(DELEGATED);
    t.addMember('444444444444');
    t.delegateAdmin(DELEGATED);
    expect(t.call(ops, 'ListInstances', {}, DELEGATED).Instances).toHaveLength(1);
    expect(t.call(ops, 'ListInstances', {}, '444444444444').Instances).toEqual([]);
  });
});

describe('sso-admin permission sets', () => {
  it('creates a set with PT1H as default session duration and refuses a duplicate name', () => {
    const t = testWorld();
    const arn = createSet(t, 'Admin', { Description: 'full access' });
    expect(arn).toMatch(/^arn:aws:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}$/);
    expect(describeSet(t, arn)).toMatchObject({ Name: 'Admin', Description: 'full access', SessionDuration: 'PT1H' });
    expect(awsError(() => createSet(t, 'Admin')).type).toBe('ConflictException');
  });

  it('validates name, description, session duration range and relay state', () => {
    const t = testWorld();
    expect(awsError(() => createSet(t, 'has space')).message).toContain('name');
    expect(awsError(() => createSet(t, 'x'.repeat(33))).message).toContain('32');
    expect(awsError(() => createSet(t, 'Ok', { Description: 'snow ☃' })).message).toContain('description');
    expect(awsError(() => createSet(t, 'Ok', { SessionDuration: 'PT30M' })).message).toContain('between PT1H and PT12H');
    expect(awsError(() => createSet(t, 'Ok', { SessionDuration: 'PT13H' })).type).toBe('ValidationException');
    expect(awsError(() => createSet(t, 'Ok', { SessionDuration: 'one hour' })).type).toBe('ValidationException');
    expect(awsError(() => createSet(t, 'Ok', { RelayState: 'x'.repeat(241) })).type).toBe('ValidationException');
    expect(describeSet(t, createSet(t, 'Ok', { SessionDuration: 'PT720M' })).SessionDuration).toBe('PT720M');
  });

  it('UpdatePermissionSet clears a Description or RelayState it is not given, and keeps the session duration', () => {
    const t = testWorld();
    const arn = createSet(t, 'Dev', { Description: 'developers', SessionDuration: 'PT4H', RelayState: 'https://console.aws.amazon.com/' });
    t.call(ops, 'UpdatePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn, Description: 'all developers' });
    const described = describeSet(t, arn);
    expect(described).toMatchObject({ Description: 'all developers', SessionDuration: 'PT4H' });
    expect(described).not.toHaveProperty('RelayState');
    t.call(ops, 'UpdatePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn, SessionDuration: 'PT4H' });
    expect(describeSet(t, arn)).not.toHaveProperty('Description');
  });

  it('a changed relay state leaves the accounts on the old version until the set is provisioned again', () => {
    const t = testWorld();
    const arn = createSet(t, 'Dev', { RelayState: 'https://console.aws.amazon.com/' });
    const version = () => t.world.instances.get(t.instanceArn)?.permissionSets.get(arn)?.version;
    const before = version();
    t.call(ops, 'UpdatePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn, Description: 'only the description' });
    expect(version()).toBeGreaterThan(before ?? Infinity);
    const cleared = version();
    t.call(ops, 'UpdatePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn, Description: 'again' });
    expect(version()).toBe(cleared);
  });

  it('pages ListPermissionSets and refuses a token from another listing', () => {
    const t = testWorld();
    const arns = ['A', 'B', 'C'].map((n) => createSet(t, n));
    const first = t.call(ops, 'ListPermissionSets', { InstanceArn: t.instanceArn, MaxResults: 2 });
    expect(first.PermissionSets).toEqual(arns.slice(0, 2));
    const second = t.call(ops, 'ListPermissionSets', { InstanceArn: t.instanceArn, MaxResults: 2, NextToken: first.NextToken });
    expect(second).toEqual({ PermissionSets: arns.slice(2) });
    const foreign = { InstanceArn: t.instanceArn, PermissionSetArn: arns[0], NextToken: first.NextToken };
    expect(awsError(() => t.call(ops, 'ListManagedPoliciesInPermissionSet', foreign)).type).toBe('ValidationException');
    expect(awsError(() => t.call(ops, 'ListPermissionSets', { InstanceArn: t.instanceArn, MaxResults: 0 })).type).toBe(
      'ValidationException',
    );
  });

  it('deletes a set without assignments; an unknown set is ResourceNotFoundException', () => {
    const t = testWorld();
    const arn = createSet(t, 'Gone');
    t.call(ops, 'DeletePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: arn });
    expect(awsError(() => describeSet(t, arn)).type).toBe('ResourceNotFoundException');
    expect(createSet(t, 'Gone')).not.toBe(arn);
  });
});

describe('sso-admin permission set policies and tags', () => {
  it('attaches and lists managed and customer managed policies; a second attach is a conflict, detaching a stranger not found', () => {
    const t = testWorld();
    const arn = createSet(t, 'Ops');
    const base = { InstanceArn: t.instanceArn, PermissionSetArn: arn };
    const viewOnly = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
    t.call(ops, 'AttachManagedPolicyToPermissionSet', { ...base, ManagedPolicyArn: viewOnly });
    expect(awsError(() => t.call(ops, 'AttachManagedPolicyToPermissionSet', { ...base, ManagedPolicyArn: viewOnly })).type).toBe(
      'ConflictException',
    );
    expect(t.call(ops, 'ListManagedPoliciesInPermissionSet', base).AttachedManagedPolicies).toEqual([
      { Name: 'ViewOnlyAccess', Arn: viewOnly },
    ]);
    t.call(ops, 'AttachCustomerManagedPolicyReferenceToPermissionSet', { ...base, CustomerManagedPolicyReference: { Name: 'deploy' } });
    expect(t.call(ops, 'ListCustomerManagedPolicyReferencesInPermissionSet', base).CustomerManagedPolicyReferences).toEqual([
      { Name: 'deploy', Path: '/' },
    ]);
    const stranger = { ...base, CustomerManagedPolicyReference: { Name: 'other', Path: '/team/' } };
    expect(awsError(() => t.call(ops, 'DetachCustomerManagedPolicyReferenceFromPermissionSet', stranger)).type).toBe(
      'ResourceNotFoundException',
    );
    const customerArn = { ...base, ManagedPolicyArn: 'arn:aws:iam::111111111111:policy/mine' };
    expect(awsError(() => t.call(ops, 'AttachManagedPolicyToPermissionSet', customerArn)).type).toBe('ValidationException');
  });

  it('keeps the inline policy ("" when none) and refuses a document that is not a JSON object', () => {
    const t = testWorld();
    const base = { InstanceArn: t.instanceArn, PermissionSetArn: createSet(t, 'Inline') };
    expect(t.call(ops, 'GetInlinePolicyForPermissionSet', base).InlinePolicy).toBe('');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    t.call(ops, 'PutInlinePolicyToPermissionSet', { ...base, InlinePolicy: policy });
    expect(t.call(ops, 'GetInlinePolicyForPermissionSet', base).InlinePolicy).toBe(policy);
    expect(awsError(() => t.call(ops, 'PutInlinePolicyToPermissionSet', { ...base, InlinePolicy: '[1]' })).type).toBe(
      'ValidationException',
    );
    t.call(ops, 'DeleteInlinePolicyFromPermissionSet', base);
    expect(t.call(ops, 'GetInlinePolicyForPermissionSet', base).InlinePolicy).toBe('');
  });

  it('answers ResourceNotFoundException for a missing permissions boundary, and returns one that was put', () => {
    const t = testWorld();
    const base = { InstanceArn: t.instanceArn, PermissionSetArn: createSet(t, 'Bounded') };
    expect(awsError(() => t.call(ops, 'GetPermissionsBoundaryForPermissionSet', base)).type).toBe('ResourceNotFoundException');
    const boundary = { CustomerManagedPolicyReference: { Name: 'limit', Path: '/guard/' } };
    t.call(ops, 'PutPermissionsBoundaryToPermissionSet', { ...base, PermissionsBoundary: boundary });
    expect(t.call(ops, 'GetPermissionsBoundaryForPermissionSet', base).PermissionsBoundary).toEqual(boundary);
    const both = { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess', ...boundary };
    expect(awsError(() => t.call(ops, 'PutPermissionsBoundaryToPermissionSet', { ...base, PermissionsBoundary: both })).type).toBe(
      'ValidationException',
    );
    t.call(ops, 'DeletePermissionsBoundaryFromPermissionSet', base);
    expect(awsError(() => t.call(ops, 'GetPermissionsBoundaryForPermissionSet', base)).type).toBe('ResourceNotFoundException');
  });

  it('tags and untags a permission set and refuses the reserved aws: prefix', () => {
    const t = testWorld();
    const arn = createSet(t, 'Tagged', { Tags: [{ Key: 'team', Value: 'core' }] });
    t.call(ops, 'TagResource', { InstanceArn: t.instanceArn, ResourceArn: arn, Tags: [{ Key: 'cost', Value: '42' }] });
    t.call(ops, 'UntagResource', { InstanceArn: t.instanceArn, ResourceArn: arn, TagKeys: ['team'] });
    expect(t.call(ops, 'ListTagsForResource', { ResourceArn: arn }).Tags).toEqual([{ Key: 'cost', Value: '42' }]);
    expect(awsError(() => t.call(ops, 'TagResource', { ResourceArn: arn, Tags: [{ Key: 'aws:x', Value: 'y' }] })).type).toBe(
      'ValidationException',
    );
  });
});

describe('sso-admin delegated administrator limits on permission sets', () => {
  it('lets a delegated admin change sets, except one provisioned to the management account', () => {
    const t = testWorld();
    t.addMember(DELEGATED);
    t.delegateAdmin(DELEGATED);
    const free = createSet(t, 'Free', {}, DELEGATED);
    t.call(ops, 'UpdatePermissionSet', { InstanceArn: t.instanceArn, PermissionSetArn: free, Description: 'ok' }, DELEGATED);
    const pinned = createSet(t, 'Pinned');
    t.call(ops, 'ProvisionPermissionSet', {
      InstanceArn: t.instanceArn,
      PermissionSetArn: pinned,
      TargetType: 'AWS_ACCOUNT',
      TargetId: MANAGEMENT,
    });
    const change = { InstanceArn: t.instanceArn, PermissionSetArn: pinned, Description: 'no' };
    expect(awsError(() => t.call(ops, 'UpdatePermissionSet', change, DELEGATED)).type).toBe('AccessDeniedException');
    expect(awsError(() => t.call(ops, 'TagResource', { ResourceArn: pinned, Tags: [{ Key: 'a', Value: 'b' }] }, DELEGATED)).type).toBe(
      'AccessDeniedException',
    );
    expect(describeSet(t, pinned).Name).toBe('Pinned');
  });
});
