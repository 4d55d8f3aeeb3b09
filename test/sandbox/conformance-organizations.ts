// Conformance checks of organizations: what test/helpers/org.ts and the reconciler rely on.
import {
  CreateOrganizationalUnitCommand,
  DescribeAccountCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { expect } from 'vitest';
import { createAccount, createOrganization, errorName, type Check } from './conformance-setup.js';

async function rootId(ctx: Parameters<Check['run']>[0]): Promise<string> {
  const id = (await ctx.clients.org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  if (!id) throw new Error('no root');
  return id;
}

export const ORGANIZATIONS_CHECKS: Check[] = [
  {
    // what a scoped plan relies on (src/aws/kinds/organization.ts, describeAccounts)
    name: "DescribeAccount answers an account as ListAccounts lists it, and AccountNotFoundException for another organization's",
    async run(ctx) {
      const other = ctx.backend.clients('210987654321');
      await createOrganization(other);
      const mine = await createAccount(ctx.clients, 'described');
      const theirs = await createAccount(other, 'elsewhere');
      const described = (await ctx.clients.org.send(new DescribeAccountCommand({ AccountId: mine }))).Account;
      const listed = (await ctx.clients.org.send(new ListAccountsCommand({}))).Accounts?.find((a) => a.Id === mine);
      expect(described).toMatchObject({ Id: mine, Name: 'described', State: 'ACTIVE' });
      expect({ ...described, JoinedTimestamp: undefined }).toEqual({ ...listed, JoinedTimestamp: undefined });
      expect(await errorName(ctx.clients.org.send(new DescribeAccountCommand({ AccountId: theirs })))).toBe('AccountNotFoundException');
    },
  },
  {
    name: "each management account sees only its own organization's accounts",
    async run(ctx) {
      const other = ctx.backend.clients('210987654321');
      await createOrganization(other);
      const mine = await createAccount(ctx.clients, 'mine');
      const theirs = await createAccount(other, 'theirs');
      const listed = (await ctx.clients.org.send(new ListAccountsCommand({}))).Accounts?.map((a) => a.Id) ?? [];
      expect(listed).toContain(mine);
      expect(listed).toContain(ctx.managementAccountId);
      expect(listed).not.toContain(theirs);
    },
  },
  {
    name: 'CreateAccount ends SUCCEEDED and the account is listed ACTIVE with its name',
    async run(ctx) {
      const id = await createAccount(ctx.clients, 'workload');
      const account = (await ctx.clients.org.send(new ListAccountsCommand({}))).Accounts?.find((a) => a.Id === id);
      expect(account).toMatchObject({ Name: 'workload', State: 'ACTIVE' });
    },
  },
  {
    name: 'an account moved into an OU is listed under that OU and names it as parent',
    async run(ctx) {
      const root = await rootId(ctx);
      const ou = (await ctx.clients.org.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'Workloads' }))).OrganizationalUnit
        ?.Id;
      const id = await createAccount(ctx.clients, 'prod');
      await ctx.clients.org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: root, DestinationParentId: ou }));
      const ous = (await ctx.clients.org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: root }))).OrganizationalUnits ?? [];
      expect(ous.map((o) => o.Name)).toEqual(['Workloads']);
      const inOu = (await ctx.clients.org.send(new ListAccountsForParentCommand({ ParentId: ou }))).Accounts ?? [];
      expect(inOu.map((a) => a.Id)).toEqual([id]);
      const parents = (await ctx.clients.org.send(new ListParentsCommand({ ChildId: id }))).Parents ?? [];
      expect(parents).toEqual([{ Id: ou, Type: 'ORGANIZATIONAL_UNIT' }]);
    },
  },
  {
    name: 'account tags set by TagResource are read back by ListTagsForResource',
    async run(ctx) {
      const id = await createAccount(ctx.clients, 'tagged');
      await ctx.clients.org.send(new TagResourceCommand({ ResourceId: id, Tags: [{ Key: 'env', Value: 'prod' }] }));
      const tags = (await ctx.clients.org.send(new ListTagsForResourceCommand({ ResourceId: id }))).Tags;
      expect(tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    },
  },
  {
    name: 'ListAccounts pages of MaxResults 2 list every account exactly once',
    async run(ctx) {
      const created = [];
      for (const name of ['a1', 'a2', 'a3', 'a4']) created.push(await createAccount(ctx.clients, name));
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await ctx.clients.org.send(new ListAccountsCommand({ MaxResults: 2, NextToken: token }));
        expect((page.Accounts ?? []).length).toBeLessThanOrEqual(2);
        seen.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
        token = page.NextToken;
        pages++;
      } while (token && pages < 20);
      expect(seen.sort()).toEqual([...created, ctx.managementAccountId].sort());
    },
  },
  {
    name: 'a second OU of the same name under one parent is DuplicateOrganizationalUnitException',
    async run(ctx) {
      const root = await rootId(ctx);
      await ctx.clients.org.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'Dup' }));
      expect(await errorName(ctx.clients.org.send(new CreateOrganizationalUnitCommand({ ParentId: root, Name: 'Dup' })))).toBe(
        'DuplicateOrganizationalUnitException',
      );
    },
  },
];
