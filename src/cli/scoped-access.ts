// A scoped plan's access changes (`plan --changed-since`): the reads they need, once the
// plan's changes are known (src/plan/scoped/access-read.ts), from AWS.
import type { AwsContext } from '../aws/context.js';
import { mayReadPerPrincipal } from '../aws/kinds/assignment-route.js';
import { describeAccounts, readOrganization } from '../aws/kinds/organization.js';
import { awsAccessSource } from '../aws/read-scoped-access.js';
import type { LiveState } from '../model/live.js';
import { plural } from '../model/plural.js';
import type { DesiredState } from '../model/types.js';
import { accessCostEstimate, accessSeeds, MAX_SCOPED_ACCESS_PEOPLE, movesAccess } from '../plan/scoped/access-needs.js';
import { readScopedAccess, type ScopedAccessRead } from '../plan/scoped/access-read.js';
import { DELEGATED_ACCESS_NOTE, withScopedAccessChanges } from '../plan/scoped/plan-scoped.js';
import type { Plan } from '../plan/types.js';
import { accountIgnored } from '../plan/accounts.js';
import { accountListingPages } from '../plan/scoped/accounts.js';

/** `live` is the scoped read (src/aws/read-scoped.ts): the touched objects by name, and the organization's accounts. */
export async function withAccessChangesRead(ctx: AwsContext, plan: Plan, desired: DesiredState, live: LiveState): Promise<Plan> {
  const seeds = accessSeeds(plan.changes);
  if (!movesAccess(seeds)) return withScopedAccessChanges(plan, undefined, desired, new Date(plan.createdAt));
  // a group's pairs are found per principal (ListAccountAssignmentsForPrincipal), which "must be
  // called from the management account" (sso-admin model): from elsewhere, said, not read
  if (seeds.pairsOfGroups.length > 0 && !mayReadPerPrincipal(ctx))
    return { ...plan, notes: [...(plan.notes ?? []), DELEGATED_ACCESS_NOTE] };
  // settings.ignore.accounts: never read, as in the full read (src/aws/read-live.ts)
  const ignored = new Set(live.accounts.filter((a) => accountIgnored(a, desired.settings.ignore.accounts)).map((a) => a.id));
  const callsBefore = ctx.stats.totalCalls();
  const read = await readScopedAccess(awsAccessSource(ctx, ignored), seeds, live, {
    limit: MAX_SCOPED_ACCESS_PEOPLE,
    estimate: accessCostEstimate(desired),
  });
  const access = await withAccountsReached(ctx, read, desired);
  // what the access changes cost, apart from the scoped read: a reviewer of the numbers (and the e2e test) can tell them apart
  const people = 'live' in access ? access.live.users.length : access.tooManyPeople;
  ctx.progress.note(
    `access changes: ${plural(people, 'person', 'people')} affected, read in ${plural(ctx.stats.totalCalls() - callsBefore, 'call')}`,
  );
  return withScopedAccessChanges(plan, access, desired, new Date(plan.createdAt));
}

/**
 * When the scoped read described only the accounts the change names (src/plan/scoped/accounts.ts),
 * the access read can reach others: the pairs of a group a member joins or leaves. Those are
 * described (or listed) too, so access changes name them, and their rows are dropped when
 * settings.ignore.accounts names them (the read above could only skip the ignored accounts it knew).
 */
async function withAccountsReached(ctx: AwsContext, access: ScopedAccessRead, desired: DesiredState): Promise<ScopedAccessRead> {
  if (!('live' in access)) return access;
  const known = new Set(access.live.accounts.map((a) => a.id));
  const missing = [...new Set(access.live.assignments.map((a) => a.accountId))].filter((id) => !known.has(id)).sort();
  if (missing.length === 0) return access;
  // one DescribeAccount each, or the organization's list when that is fewer calls
  const reached =
    missing.length > accountListingPages(desired)
      ? (await readOrganization(ctx, { organizationalUnits: false, accountTags: false })).accounts.filter((a) => missing.includes(a.id))
      : (await describeAccounts(ctx, missing)).accounts;
  const ignored = new Set(reached.filter((a) => accountIgnored(a, desired.settings.ignore.accounts)).map((a) => a.id));
  return {
    live: {
      ...access.live,
      accounts: [...access.live.accounts, ...reached],
      assignments: access.live.assignments.filter((a) => !ignored.has(a.accountId)),
    },
  };
}
