import { describe, expect, it } from 'vitest';
import type { Json } from '../input.js';
import { identityStoreOperations as ops } from './identitystore.js';
import { awsError, testWorld, type TestWorld } from './test-world.js';

function userBody(storeId: string, userName: string, extra: Json = {}): Json {
  return {
    IdentityStoreId: storeId,
    UserName: userName,
    DisplayName: `${userName} display`,
    Name: { GivenName: 'Ada', FamilyName: 'Lovelace' },
    ...extra,
  };
}

function createUser(t: TestWorld, userName: string, extra: Json = {}): string {
  return String(t.call(ops, 'CreateUser', userBody(t.storeId, userName, extra)).UserId);
}

function createGroup(t: TestWorld, name: string): string {
  return String(t.call(ops, 'CreateGroup', { IdentityStoreId: t.storeId, DisplayName: name }).GroupId);
}

describe('identitystore users', () => {
  it('creates a user that DescribeUser and GetUserId (userName, emails.value) find again', () => {
    const t = testWorld();
    const id = createUser(t, 'ada', { Emails: [{ Value: 'ada@example.com', Primary: true }] });
    expect(id).toMatch(/^[0-9a-f]{10}-[0-9a-f-]{36}$/);
    const user = t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id });
    expect(user).toMatchObject({
      UserName: 'ada',
      DisplayName: 'ada display',
      Name: { GivenName: 'Ada', FamilyName: 'Lovelace' },
      UserStatus: 'ENABLED',
    });
    const byName = {
      IdentityStoreId: t.storeId,
      AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'ADA' } },
    };
    expect(t.call(ops, 'GetUserId', byName).UserId).toBe(id);
    const byEmail = {
      IdentityStoreId: t.storeId,
      AlternateIdentifier: { UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'ada@example.com' } },
    };
    expect(t.call(ops, 'GetUserId', byEmail).UserId).toBe(id);
  });

  it('refuses a duplicate user name, regardless of case, with UNIQUENESS_CONSTRAINT_VIOLATION', () => {
    const t = testWorld();
    createUser(t, 'ada');
    const err = awsError(() => createUser(t, 'ADA'));
    expect(err.type).toBe('ConflictException');
    expect(err.members.Reason).toBe('UNIQUENESS_CONSTRAINT_VIOLATION');
  });

  it('validates user names, reserved names, required names and the one-email limit', () => {
    const t = testWorld();
    expect(awsError(() => createUser(t, 'has space')).message).toContain('userName');
    expect(awsError(() => createUser(t, 'x'.repeat(129))).message).toContain('128');
    expect(awsError(() => createUser(t, 'Administrator')).message).toContain('reserved');
    expect(
      awsError(() => t.call(ops, 'CreateUser', { IdentityStoreId: t.storeId, UserName: 'bob', DisplayName: 'Bob' })).message,
    ).toContain('name.givenName');
    const twoEmails = { Emails: [{ Value: 'a@example.com' }, { Value: 'b@example.com' }] };
    expect(awsError(() => createUser(t, 'bob', twoEmails)).type).toBe('ValidationException');
  });

  it('UpdateUser sets, replaces and removes attributes by path and keeps the others', () => {
    const t = testWorld();
    const id = createUser(t, 'ada', { Title: 'Engineer', NickName: 'countess' });
    t.call(ops, 'UpdateUser', {
      IdentityStoreId: t.storeId,
      UserId: id,
      Operations: [
        { AttributePath: 'displayName', AttributeValue: 'Ada L.' },
        { AttributePath: 'name.givenName', AttributeValue: 'Augusta' },
        { AttributePath: 'emails', AttributeValue: [{ Value: 'ada@example.com', Primary: true }] },
        { AttributePath: 'title' },
        { AttributePath: 'nickName', AttributeValue: null },
      ],
    });
    const user = t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id });
    expect(user).toMatchObject({
      DisplayName: 'Ada L.',
      Name: { GivenName: 'Augusta', FamilyName: 'Lovelace' },
      Emails: [{ Value: 'ada@example.com', Primary: true }],
    });
    expect(user.Title).toBeUndefined();
    expect(user.NickName).toBeUndefined();
  });

  it('UpdateUser accepts every path the reconciler writes, to set and to remove', () => {
    const t = testWorld();
    const id = createUser(t, 'ada');
    const paths = ['name.middleName', 'nickName', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'profileUrl'];
    const update = (Operations: Json[]) => t.call(ops, 'UpdateUser', { IdentityStoreId: t.storeId, UserId: id, Operations });
    update(paths.map((AttributePath) => ({ AttributePath, AttributeValue: 'v' })));
    expect(t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id })).toMatchObject({
      Name: { MiddleName: 'v' },
      NickName: 'v',
      Timezone: 'v',
      ProfileUrl: 'v',
    });
    update(paths.map((AttributePath) => ({ AttributePath })));
    const user = t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id });
    expect(Object.keys(user).sort()).toEqual([
      'CreatedAt',
      'DisplayName',
      'IdentityStoreId',
      'Name',
      'UpdatedAt',
      'UserId',
      'UserName',
      'UserStatus',
    ]);
    expect(user.Name).toEqual({ GivenName: 'Ada', FamilyName: 'Lovelace' });
  });

  it('stores the enterprise extension and returns it only when ListUsers or DescribeUser asks for it', () => {
    const t = testWorld();
    const enterprise = {
      employeeNumber: '7',
      costCenter: 'CC-1',
      organization: 'O',
      division: 'D',
      department: 'Ops',
      manager: { value: 'u-1' },
    };
    const id = createUser(t, 'ada', { Extensions: { 'aws:identitystore:enterprise': enterprise } });
    const describe = (extra: Json) => t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id, ...extra });
    expect(describe({}).Extensions).toBeUndefined();
    expect(describe({ Extensions: ['aws:identitystore:enterprise'] }).Extensions).toEqual({ 'aws:identitystore:enterprise': enterprise });
    const listed = t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId, Extensions: ['aws:identitystore:enterprise'] }).Users as Json[];
    expect(listed[0]?.Extensions).toEqual({ 'aws:identitystore:enterprise': enterprise });
  });

  it('UpdateUser replaces or removes the enterprise extension whole or one member at a time', () => {
    const t = testWorld();
    const id = createUser(t, 'ada', { Extensions: { 'aws:identitystore:enterprise': { costCenter: 'CC-1', department: 'Ops' } } });
    const update = (Operations: Json[]) => t.call(ops, 'UpdateUser', { IdentityStoreId: t.storeId, UserId: id, Operations });
    const read = () =>
      t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id, Extensions: ['aws:identitystore:enterprise'] }).Extensions;
    update([{ AttributePath: 'aws:identitystore:enterprise.costCenter', AttributeValue: 'CC-2' }]);
    expect(read()).toEqual({ 'aws:identitystore:enterprise': { costCenter: 'CC-2', department: 'Ops' } });
    update([{ AttributePath: 'aws:identitystore:enterprise', AttributeValue: { division: 'D' } }]);
    expect(read()).toEqual({ 'aws:identitystore:enterprise': { division: 'D' } });
    update([{ AttributePath: 'aws:identitystore:enterprise' }]);
    expect(read()).toBeUndefined();
  });

  it('refuses an extension other than aws:identitystore:enterprise, and more than one role', () => {
    const t = testWorld();
    expect(awsError(() => createUser(t, 'ada', { Extensions: { 'aws:identitystore:other': {} } })).type).toBe('ValidationException');
    expect(awsError(() => createUser(t, 'bob', { Roles: [{ Value: 'a' }, { Value: 'b' }] })).message).toContain('less than or equal to 1');
  });

  it('UpdateUser accepts the other name parts, website, birthdate and every list the reconciler writes', () => {
    const t = testWorld();
    const id = createUser(t, 'ada');
    const lists = {
      emails: [{ Value: 'a@x', Type: 'home', Primary: true }],
      phoneNumbers: [{ Value: '+1', Type: 'mobile' }],
      addresses: [{ Locality: 'London', Primary: true }],
      photos: [{ Value: 'https://p', Display: 'me' }],
      roles: [{ Value: 'Researcher' }],
    };
    const ops_ = [
      ...['name.honorificPrefix', 'name.honorificSuffix', 'name.formatted', 'website', 'birthdate'].map((AttributePath) => ({
        AttributePath,
        AttributeValue: 'v',
      })),
      ...Object.entries(lists).map(([AttributePath, AttributeValue]) => ({ AttributePath, AttributeValue })),
    ];
    t.call(ops, 'UpdateUser', { IdentityStoreId: t.storeId, UserId: id, Operations: ops_ });
    expect(t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: id })).toMatchObject({
      Name: { HonorificPrefix: 'v', HonorificSuffix: 'v', Formatted: 'v' },
      Website: 'v',
      Birthdate: 'v',
      Emails: lists.emails,
      PhoneNumbers: lists.phoneNumbers,
      Addresses: lists.addresses,
      Photos: lists.photos,
      Roles: lists.roles,
    });
  });

  it('UpdateUser refuses an unknown attribute path and removing a required attribute', () => {
    const t = testWorld();
    const id = createUser(t, 'ada');
    const update = (op: Json) => t.call(ops, 'UpdateUser', { IdentityStoreId: t.storeId, UserId: id, Operations: [op] });
    expect(awsError(() => update({ AttributePath: 'shoeSize', AttributeValue: '42' })).message).toContain('Invalid attribute path');
    expect(awsError(() => update({ AttributePath: 'name.familyName' })).message).toContain('name.familyName');
  });

  it('renaming a user to a taken name is a conflict, and the old name stays findable', () => {
    const t = testWorld();
    const ada = createUser(t, 'ada');
    createUser(t, 'bob');
    const err = awsError(() =>
      t.call(ops, 'UpdateUser', {
        IdentityStoreId: t.storeId,
        UserId: ada,
        Operations: [{ AttributePath: 'userName', AttributeValue: 'Bob' }],
      }),
    );
    expect(err.type).toBe('ConflictException');
    const byName = {
      IdentityStoreId: t.storeId,
      AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'ada' } },
    };
    expect(t.call(ops, 'GetUserId', byName).UserId).toBe(ada);
  });

  it('pages ListUsers with MaxResults and opaque tokens, and refuses MaxResults over 100', () => {
    const t = testWorld();
    for (let i = 0; i < 5; i++) createUser(t, `user${i}`);
    const seen: string[] = [];
    let token: unknown;
    do {
      const page = t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId, MaxResults: 2, ...(token ? { NextToken: token } : {}) });
      seen.push(...(page.Users as { UserName: string }[]).map((u) => u.UserName));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(['user0', 'user1', 'user2', 'user3', 'user4']);
    expect(awsError(() => t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId, MaxResults: 101 })).type).toBe('ValidationException');
    expect(awsError(() => t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId, NextToken: 'garbage' })).type).toBe('ValidationException');
  });

  it('answers ResourceNotFoundException with ResourceType USER for an unknown user', () => {
    const t = testWorld();
    const err = awsError(() =>
      t.call(ops, 'DescribeUser', { IdentityStoreId: t.storeId, UserId: '0123456789-01234567-89ab-cdef-0123-456789abcdef' }),
    );
    expect(err.type).toBe('ResourceNotFoundException');
    expect(err.members.ResourceType).toBe('USER');
  });

  it('refuses a caller that does not administer the identity store', () => {
    const t = testWorld();
    expect(awsError(() => t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId }, '222222222222')).type).toBe('AccessDeniedException');
  });
});

describe('identitystore groups and memberships', () => {
  it('refuses a duplicate group display name and a duplicate membership', () => {
    const t = testWorld();
    const group = createGroup(t, 'admins');
    expect(awsError(() => createGroup(t, 'Admins')).members.Reason).toBe('UNIQUENESS_CONSTRAINT_VIOLATION');
    const user = createUser(t, 'ada');
    const body = { IdentityStoreId: t.storeId, GroupId: group, MemberId: { UserId: user } };
    t.call(ops, 'CreateGroupMembership', body);
    expect(awsError(() => t.call(ops, 'CreateGroupMembership', body)).type).toBe('ConflictException');
  });

  it('finds memberships by group, by member, by id and by IsMemberInGroups', () => {
    const t = testWorld();
    const admins = createGroup(t, 'admins');
    const devs = createGroup(t, 'devs');
    const user = createUser(t, 'ada');
    const membershipId = t.call(ops, 'CreateGroupMembership', {
      IdentityStoreId: t.storeId,
      GroupId: admins,
      MemberId: { UserId: user },
    }).MembershipId;
    expect(
      t.call(ops, 'GetGroupMembershipId', { IdentityStoreId: t.storeId, GroupId: admins, MemberId: { UserId: user } }).MembershipId,
    ).toBe(membershipId);
    expect(t.call(ops, 'DescribeGroupMembership', { IdentityStoreId: t.storeId, MembershipId: membershipId })).toMatchObject({
      GroupId: admins,
      MemberId: { UserId: user },
    });
    expect(t.call(ops, 'ListGroupMemberships', { IdentityStoreId: t.storeId, GroupId: admins }).GroupMemberships).toHaveLength(1);
    expect(
      t.call(ops, 'ListGroupMembershipsForMember', { IdentityStoreId: t.storeId, MemberId: { UserId: user } }).GroupMemberships,
    ).toEqual([{ IdentityStoreId: t.storeId, MembershipId: membershipId, GroupId: admins, MemberId: { UserId: user } }]);
    const results = t.call(ops, 'IsMemberInGroups', {
      IdentityStoreId: t.storeId,
      MemberId: { UserId: user },
      GroupIds: [admins, devs],
    }).Results;
    expect(results).toEqual([
      { GroupId: admins, MemberId: { UserId: user }, MembershipExists: true },
      { GroupId: devs, MemberId: { UserId: user }, MembershipExists: false },
    ]);
  });

  it('deleting a user or a group removes its memberships', () => {
    const t = testWorld();
    const group = createGroup(t, 'admins');
    const user = createUser(t, 'ada');
    const membershipId = t.call(ops, 'CreateGroupMembership', {
      IdentityStoreId: t.storeId,
      GroupId: group,
      MemberId: { UserId: user },
    }).MembershipId;
    t.call(ops, 'DeleteUser', { IdentityStoreId: t.storeId, UserId: user });
    expect(t.call(ops, 'ListGroupMemberships', { IdentityStoreId: t.storeId, GroupId: group }).GroupMemberships).toEqual([]);
    expect(awsError(() => t.call(ops, 'DescribeGroupMembership', { IdentityStoreId: t.storeId, MembershipId: membershipId })).type).toBe(
      'ResourceNotFoundException',
    );
  });

  it('UpdateGroup renames (conflict on a taken name) and removes the description', () => {
    const t = testWorld();
    const group = t.call(ops, 'CreateGroup', { IdentityStoreId: t.storeId, DisplayName: 'admins', Description: 'all admins' }).GroupId;
    createGroup(t, 'devs');
    const update = (Operations: Json[]) => t.call(ops, 'UpdateGroup', { IdentityStoreId: t.storeId, GroupId: group, Operations });
    expect(awsError(() => update([{ AttributePath: 'displayName', AttributeValue: 'DEVS' }])).type).toBe('ConflictException');
    update([{ AttributePath: 'displayName', AttributeValue: 'operators' }, { AttributePath: 'description' }]);
    const described = t.call(ops, 'DescribeGroup', { IdentityStoreId: t.storeId, GroupId: group });
    expect(described.DisplayName).toBe('operators');
    expect(described.Description).toBeUndefined();
    const byName = {
      IdentityStoreId: t.storeId,
      AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'operators' } },
    };
    expect(t.call(ops, 'GetGroupId', byName).GroupId).toBe(group);
  });

  it('lists 20,000 users page by page with every user exactly once', () => {
    const t = testWorld();
    const store = t.world.stores.get(t.storeId);
    if (!store) throw new Error('no store');
    for (let i = 0; i < 20_000; i++) store.addUser({ UserId: `u${i}`, attributes: { UserName: `user${i}` } });
    let count = 0;
    let token: unknown;
    do {
      const page = t.call(ops, 'ListUsers', { IdentityStoreId: t.storeId, ...(token ? { NextToken: token } : {}) });
      count += (page.Users as unknown[]).length;
      token = page.NextToken;
    } while (token);
    expect(count).toBe(20_000);
  });
});
