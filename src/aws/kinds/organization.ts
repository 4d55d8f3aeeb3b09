// The organization: OU tree and accounts with their OU paths; tags only on request.
//
// Cost: ListRoots + per parent (root and every OU) one ListOrganizationalUnitsForParent
// and one ListAccountsForParent. ListAccountsForParent returns the same Account shape as
// ListAccounts (name, state), so a separate ListAccounts would only repeat it.
// Account tags cost one ListTagsForResource per account, so they are read only when
// the caller asks (`withAccountTags`: plan does when the desired state uses accountTags).
import {
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
  type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import type { LiveOrganizationalUnit } from '../../model/live.js';
import type { Account } from '../../model/types.js';
import { mapLimit } from '../concurrency.js';
import { AwsCallError } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';

export interface OrganizationSnapshot {
  accounts: Account[];
  organizationalUnits: LiveOrganizationalUnit[];
}

export const ROOT_PATH = 'Root';

export async function readOrganization(ctx: ReadContext, withAccountTags: boolean): Promise<OrganizationSnapshot> {
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
        collectPages('organizations', 'ListOrganizationalUnitsForParent', paginateListOrganizationalUnitsForParent(paginatorConfig(org), { ParentId: parent.id }), (p) => p.OrganizationalUnits),
        collectPages('organizations', 'ListAccountsForParent', paginateListAccountsForParent(paginatorConfig(org), { ParentId: parent.id }), (p) => p.Accounts),
      ]);
      accounts.push(...accs.map((a) => toAccount(a, parent.path)));
      return ous.map((ou) => ({ id: ou.Id ?? '', path: `${parent.path}/${ou.Name ?? ou.Id ?? ''}` }));
    });
    level = children.flat();
    organizationalUnits.push(...level);
    ctx.progress.update('organization', accounts.length, undefined, 'accounts');
  }
  if (withAccountTags) await readAccountTags(ctx, accounts);
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  organizationalUnits.sort((a, b) => a.path.localeCompare(b.path));
  return { accounts, organizationalUnits };
}

export function toAccount(a: SdkAccount, ouPath: string): Account {
  // State replaces the retired Status (AWS-NOTES); older emulators only send Status.
  const state = a.State ?? a.Status ?? 'UNKNOWN';
  return { id: a.Id ?? '', name: a.Name ?? '', state, ouPath, tags: {} };
}

async function readAccountTags(ctx: ReadContext, accounts: Account[]): Promise<void> {
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
