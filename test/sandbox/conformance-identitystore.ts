// Conformance checks of identitystore: users, groups, memberships as the reconciler uses them.
import {
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DescribeUserCommand,
  GetUserIdCommand,
  ListGroupMembershipsCommand,
  ListGroupMembershipsForMemberCommand,
  DescribeGroupCommand,
  ListUsersCommand,
  UpdateGroupCommand,
  UpdateUserCommand,
  type AttributeOperation,
} from '@aws-sdk/client-identitystore';
import { expect } from 'vitest';
import { createGroup, createUser, errorName, identityCenter, type Check } from './conformance-setup.js';

/** Every attribute CreateUserRequest can carry besides Extensions (identitystore service model). */
const CORE_ATTRIBUTES = {
  Name: {
    GivenName: 'Ada',
    FamilyName: 'Lovelace',
    MiddleName: 'King',
    HonorificPrefix: 'Countess',
    HonorificSuffix: 'FRS',
    Formatted: 'Countess Ada King Lovelace FRS',
  },
  DisplayName: 'Ada Lovelace',
  NickName: 'Ada',
  ProfileUrl: 'https://example.com/ada',
  Emails: [{ Value: 'ada@example.com', Type: 'home', Primary: true }],
  Addresses: [
    {
      StreetAddress: '12 St James Sq',
      Locality: 'London',
      Region: 'LDN',
      PostalCode: 'SW1Y',
      Country: 'GB',
      Formatted: '12 St James Sq, London',
      Type: 'work',
      Primary: true,
    },
  ],
  PhoneNumbers: [{ Value: '+44 20 0000 0000', Type: 'mobile', Primary: true }],
  UserType: 'Employee',
  Title: 'Analyst',
  PreferredLanguage: 'en-GB',
  Locale: 'en_GB',
  Timezone: 'Europe/London',
};
/** The attributes moto 5.2.1 does not store (its User model lacks them). */
const NEWER_ATTRIBUTES = {
  Photos: [{ Value: 'https://example.com/ada.png', Type: 'photo', Display: 'Portrait', Primary: true }],
  Website: 'https://ada.example.com',
  Birthdate: '1815-12-10',
  Roles: [{ Value: 'Researcher', Type: 'work', Primary: true }],
};
const ENTERPRISE = {
  'aws:identitystore:enterprise': {
    employeeNumber: '1815',
    costCenter: 'CC-1',
    organization: 'Analytical',
    division: 'Engines',
    department: 'Notes',
    manager: { value: 'babbage' },
  },
};

export const IDENTITYSTORE_CHECKS: Check[] = [
  {
    name: 'CreateUser stores name parts, emails, addresses and phone numbers with type and primary, and DescribeUser and ListUsers return them',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const created = await ctx.clients.ids.send(
        new CreateUserCommand({ IdentityStoreId: identityStoreId, UserName: 'ada', ...CORE_ATTRIBUTES }),
      );
      const described = await ctx.clients.ids.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: created.UserId }));
      expect(described).toMatchObject({ UserName: 'ada', ...CORE_ATTRIBUTES });
      const listed = (await ctx.clients.ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId }))).Users ?? [];
      expect(listed.find((u) => u.UserId === created.UserId)).toMatchObject({ UserName: 'ada', ...CORE_ATTRIBUTES });
    },
  },
  {
    name: 'CreateUser stores photos, website, birthdate and roles',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const created = await ctx.clients.ids.send(
        new CreateUserCommand({ IdentityStoreId: identityStoreId, UserName: 'ada', ...CORE_ATTRIBUTES, ...NEWER_ATTRIBUTES }),
      );
      const described = await ctx.clients.ids.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: created.UserId }));
      expect(described).toMatchObject(NEWER_ATTRIBUTES);
    },
  },
  {
    name: 'the enterprise extension is returned when DescribeUser and ListUsers ask for it',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const created = await ctx.clients.ids.send(
        new CreateUserCommand({ IdentityStoreId: identityStoreId, UserName: 'ada', ...CORE_ATTRIBUTES, Extensions: ENTERPRISE }),
      );
      const Extensions = ['aws:identitystore:enterprise'];
      const described = await ctx.clients.ids.send(
        new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: created.UserId, Extensions }),
      );
      expect(described.Extensions).toEqual(ENTERPRISE);
      const listed = (await ctx.clients.ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId, Extensions }))).Users ?? [];
      expect(listed.find((u) => u.UserId === created.UserId)?.Extensions).toEqual(ENTERPRISE);
    },
  },
  {
    name: 'UpdateUser sets and removes a phone number, a name part and the enterprise extension',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const userId = await createUser(ctx.clients, identityStoreId, 'frank');
      const update = (Operations: AttributeOperation[]) =>
        ctx.clients.ids.send(new UpdateUserCommand({ IdentityStoreId: identityStoreId, UserId: userId, Operations }));
      const read = () =>
        ctx.clients.ids.send(
          new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: userId, Extensions: ['aws:identitystore:enterprise'] }),
        );
      await update([
        { AttributePath: 'phoneNumbers', AttributeValue: [{ Value: '+1 555 0100', Type: 'work', Primary: true }] },
        { AttributePath: 'name.honorificPrefix', AttributeValue: 'Dr.' },
        { AttributePath: 'aws:identitystore:enterprise', AttributeValue: ENTERPRISE['aws:identitystore:enterprise'] },
      ]);
      expect(await read()).toMatchObject({
        PhoneNumbers: [{ Value: '+1 555 0100', Type: 'work', Primary: true }],
        Name: { HonorificPrefix: 'Dr.' },
        Extensions: ENTERPRISE,
      });
      await update([
        { AttributePath: 'phoneNumbers' },
        { AttributePath: 'name.honorificPrefix' },
        { AttributePath: 'aws:identitystore:enterprise' },
      ]);
      const after = await read();
      expect([after.PhoneNumbers, after.Name?.HonorificPrefix, after.Extensions]).toEqual([undefined, undefined, undefined]);
    },
  },
  {
    name: 'a created user is returned by DescribeUser and found by GetUserId on userName',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const userId = await createUser(ctx.clients, identityStoreId, 'alice@example.com');
      const user = await ctx.clients.ids.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: userId }));
      expect(user).toMatchObject({
        UserName: 'alice@example.com',
        DisplayName: 'User alice@example.com',
        Name: { GivenName: 'Given', FamilyName: 'Family' },
      });
      const found = await ctx.clients.ids.send(
        new GetUserIdCommand({
          IdentityStoreId: identityStoreId,
          AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'alice@example.com' } },
        }),
      );
      expect(found.UserId).toBe(userId);
    },
  },
  {
    name: 'a second user with the same UserName is ConflictException',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      await createUser(ctx.clients, identityStoreId, 'bob');
      expect(await errorName(createUser(ctx.clients, identityStoreId, 'bob'))).toBe('ConflictException');
    },
  },
  {
    name: 'a second group with the same DisplayName is ConflictException',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      await createGroup(ctx.clients, identityStoreId, 'Developers');
      expect(await errorName(createGroup(ctx.clients, identityStoreId, 'Developers'))).toBe('ConflictException');
    },
  },
  {
    name: 'a membership is listed for its group and for its member',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const userId = await createUser(ctx.clients, identityStoreId, 'carol');
      const groupId = await createGroup(ctx.clients, identityStoreId, 'Ops');
      await ctx.clients.ids.send(
        new CreateGroupMembershipCommand({ IdentityStoreId: identityStoreId, GroupId: groupId, MemberId: { UserId: userId } }),
      );
      const ofGroup =
        (await ctx.clients.ids.send(new ListGroupMembershipsCommand({ IdentityStoreId: identityStoreId, GroupId: groupId })))
          .GroupMemberships ?? [];
      expect(ofGroup.map((m) => m.MemberId?.UserId)).toEqual([userId]);
      const ofMember =
        (
          await ctx.clients.ids.send(
            new ListGroupMembershipsForMemberCommand({ IdentityStoreId: identityStoreId, MemberId: { UserId: userId } }),
          )
        ).GroupMemberships ?? [];
      expect(ofMember.map((m) => m.GroupId)).toEqual([groupId]);
    },
  },
  {
    name: 'a duplicate group membership is ConflictException',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const userId = await createUser(ctx.clients, identityStoreId, 'dave');
      const groupId = await createGroup(ctx.clients, identityStoreId, 'Admins');
      const add = () =>
        ctx.clients.ids.send(
          new CreateGroupMembershipCommand({ IdentityStoreId: identityStoreId, GroupId: groupId, MemberId: { UserId: userId } }),
        );
      await add();
      expect(await errorName(add())).toBe('ConflictException');
    },
  },
  {
    name: 'UpdateUser replaces displayName and leaves the other attributes alone',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const userId = await createUser(ctx.clients, identityStoreId, 'erin');
      await ctx.clients.ids.send(
        new UpdateUserCommand({
          IdentityStoreId: identityStoreId,
          UserId: userId,
          Operations: [{ AttributePath: 'displayName', AttributeValue: 'Erin E.' }],
        }),
      );
      const user = await ctx.clients.ids.send(new DescribeUserCommand({ IdentityStoreId: identityStoreId, UserId: userId }));
      expect(user).toMatchObject({ UserName: 'erin', DisplayName: 'Erin E.', Name: { GivenName: 'Given', FamilyName: 'Family' } });
    },
  },
  {
    name: 'UpdateGroup replaces the description and keeps the DisplayName',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const groupId = await createGroup(ctx.clients, identityStoreId, 'Auditors');
      await ctx.clients.ids.send(
        new UpdateGroupCommand({
          IdentityStoreId: identityStoreId,
          GroupId: groupId,
          Operations: [{ AttributePath: 'description', AttributeValue: 'Read the books' }],
        }),
      );
      const group = await ctx.clients.ids.send(new DescribeGroupCommand({ IdentityStoreId: identityStoreId, GroupId: groupId }));
      expect(group).toMatchObject({ DisplayName: 'Auditors', Description: 'Read the books' });
    },
  },
  {
    name: 'a UserName longer than 128 characters is ValidationException',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const call = ctx.clients.ids.send(
        new CreateUserCommand({
          IdentityStoreId: identityStoreId,
          UserName: 'u'.repeat(129),
          DisplayName: 'Long',
          Name: { GivenName: 'L', FamilyName: 'N' },
        }),
      );
      expect(await errorName(call)).toBe('ValidationException');
    },
  },
  {
    name: 'ListUsers pages of MaxResults 2 list every user exactly once',
    async run(ctx) {
      const { identityStoreId } = await identityCenter(ctx.clients);
      const names = ['u1', 'u2', 'u3', 'u4', 'u5'];
      for (const n of names) await createUser(ctx.clients, identityStoreId, n);
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await ctx.clients.ids.send(
          new ListUsersCommand({ IdentityStoreId: identityStoreId, MaxResults: 2, NextToken: token }),
        );
        expect((page.Users ?? []).length).toBeLessThanOrEqual(2);
        seen.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
        token = page.NextToken;
        pages++;
      } while (token && pages < 20);
      expect(seen.sort()).toEqual(names);
    },
  },
];
