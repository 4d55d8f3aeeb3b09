// The organization's accounts; their OU paths and tags only on request, because both cost
// calls that most runs do not need.
//
// Cost: without OU paths, ListAccounts (20 accounts a page). With them, ListRoots + per
// parent (root and every OU) one ListOrganizationalUnitsForParent and one
// ListAccountsForParent, which returns the same Account shape as ListAccounts, so the
// walk replaces ListAccounts rather than adding to it. Account tags cost one
// ListTagsForResource per account. Plan asks for OU paths when the desired state uses
// organizationalUnits and for tags when it uses accountTags; extract needs neither. A
// scoped plan whose change names only a few accounts describes them (describeAccounts).
import {
  DescribeAccountCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
  type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import type { LiveOrganizationalUnit } from '../../model/live.js';
import { compareStrings } from '../../model/order.js';
import type { Account } from '../../model/types.js';
import { mapLimit } from '../concurrency.js';
import { AwsCallError, awsCall, awsErrorName } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';

/** What reading the organization needs: the Organizations client alone (src/aws/organization-only.ts reads it without Identity Center). */
export type OrganizationReadContext = Pick<ReadContext, 'concurrency' | 'progress'> & {
  clients: Pick<ReadContext['clients'], 'organizations'>;
};

export interface OrganizationSnapshot {
  accounts: Account[];
  organizationalUnits: LiveOrganizationalUnit[];
}

export const ROOT_PATH = 'Root';

export interface OrganizationReadOptions {
  /** Walk the OU tree for every account's OU path (and the OU list). */
  organizationalUnits: boolean;
  /** Read every account's tags. */
  accountTags: boolean;
}

export async function readOrganization(ctx: OrganizationReadContext, options: OrganizationReadOptions): Promise<OrganizationSnapshot> {
  const snapshot = options.organizationalUnits ? await readTree(ctx) : { accounts: await readAccountList(ctx), organizationalUnits: [] };
  if (options.accountTags) await readAccountTags(ctx, snapshot.accounts);
  snapshot.accounts.sort((a, b) => compareStrings(a.id, b.id));
  snapshot.organizationalUnits.sort((a, b) => compareStrings(a.path, b.path));
  return snapshot;
}

/** The accounts without their place in the tree: `ouPath` is empty. */
async function readAccountList(ctx: OrganizationReadContext): Promise<Account[]> {
  const accounts = await collectPages(
    'organizations',
    'ListAccounts',
    paginateListAccounts(paginatorConfig(ctx.clients.organizations), {}),
    (p) => p.Accounts,
  );
  ctx.progress.update('organization', accounts.length, undefined, 'accounts');
  return accounts.map((a) => toAccount(a, ''));
}

async function readTree(ctx: OrganizationReadContext): Promise<OrganizationSnapshot> {
  const org = ctx.clients.organizations;
  const roots = await collectPages('organizations', 'ListRoots', paginateListRoots(paginatorConfig(org), {}), (p) => p.Roots);
  const rootId = roots[0]?.Id;
  if (!rootId) throw new AwsCallError('organizations', 'ListRoots', new Error('the organization has no root'));

  const organizationalUnits: LiveOrganizationalUnit[] = [{ id: rootId, path: ROOT_PATH }];
  const accounts: Account[] = [];
  // Breadth-first, one level at a time, each level's parents concurrently.
  let level: LiveOrganizationalUnit[] = [{ id: rootId, path: ROOT_PATH }];
  while (level.length > 0) {
    const children = await mapLimit(level, ctx.concurrency, async (parent) => {
      const [ous, accs] = await Promise.all([
        collectPages(
          'organizations',
          'ListOrganizationalUnitsForParent',
          paginateListOrganizationalUnitsForParent(paginatorConfig(org), { ParentId: parent.id }),
          (p) => p.OrganizationalUnits,
        ),
        collectPages(
          'organizations',
          'ListAccountsForParent',
          paginateListAccountsForParent(paginatorConfig(org), { ParentId: parent.id }),
          (p) => p.Accounts,
        ),
      ]);
      accounts.push(...accs.map((a) => toAccount(a, parent.path)));
      return ous.map((ou) => ({ id: ou.Id ?? '', path: `${parent.path}/${ou.Name ?? ou.Id ?? ''}` }));
    });
    level = children.flat();
    organizationalUnits.push(...level);
    ctx.progress.update('organization', accounts.length, undefined, 'accounts');
  }
  return { accounts, organizationalUnits };
}

/**
 * Just these accounts, one DescribeAccount each (a scoped plan whose change names its
 * accounts by id or pin, src/plan/scoped/accounts.ts), without OU paths or tags. The
 * organizations model documents AccountNotFoundException as "We can't find an AWS account
 * with the AccountId that you specified": such an id is left out, as a listing would leave
 * it out. DescribeAccount may be called by the management account or a delegated
 * administrator (the model's documentation), the same callers as ListAccounts.
 */
export async function describeAccounts(ctx: OrganizationReadContext, accountIds: readonly string[]): Promise<OrganizationSnapshot> {
  const found = await mapLimit(accountIds, ctx.concurrency, async (accountId) => {
    try {
      const out = await awsCall('organizations', 'DescribeAccount', () =>
        ctx.clients.organizations.send(new DescribeAccountCommand({ AccountId: accountId })),
      );
      return out.Account ? [toAccount(out.Account, '')] : [];
    } catch (err) {
      if (awsErrorName(err) === 'AccountNotFoundException') return [];
      throw err;
    }
  });
  const accounts = found.flat().sort((a, b) => compareStrings(a.id, b.id));
  ctx.progress.update('organization', accounts.length, accountIds.length, 'accounts described');
  return { accounts, organizationalUnits: [] };
}

export function toAccount(a: SdkAccount, ouPath: string): Account {
  // State replaces Status, which "will be retired on September 9, 2026" (organizations
  // service model, Account.Status); older emulators only send Status.
  const state = a.State ?? a.Status ?? 'UNKNOWN';
  return { id: a.Id ?? '', name: a.Name ?? '', state, ouPath, tags: {} };
}

async function readAccountTags(ctx: OrganizationReadContext, accounts: Account[]): Promise<void> {
  let done = 0;
  await mapLimit(accounts, ctx.concurrency, async (account) => {
    const tags = await collectPages(
      'organizations',
      'ListTagsForResource',
      paginateListTagsForResource(paginatorConfig(ctx.clients.organizations), { ResourceId: account.id }),
      (p) => p.Tags,
    );
    account.tags = Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
    ctx.progress.update('account tags', ++done, accounts.length, 'accounts');
  });
}
