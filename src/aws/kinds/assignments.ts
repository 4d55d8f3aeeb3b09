// Account assignments and provisioning status: reading, along the cheaper route that
// assignment-route.ts chooses (never the accounts x permission sets loop).
//
//   pairs:      per set ListAccountsForProvisionedPermissionSet, then
//               ListAccountAssignments only for the provisioned (set, account) pairs
//   principals: ListAccountAssignmentsForPrincipal per user and group
//
// Provisioning status: the provisioned pairs (known from the per-set listings, or from
// the assignments on the principal route) are LATEST_PERMISSION_SET_PROVISIONED unless
// the ProvisioningStatus=LATEST_PERMISSION_SET_NOT_PROVISIONED listing names them; that
// listing runs per set or per account, whichever side is smaller.
import {
  paginateListAccountAssignments,
  paginateListAccountAssignmentsForPrincipal,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListPermissionSetsProvisionedToAccount,
  type AccountAssignment,
  type AccountAssignmentForPrincipal,
} from '@aws-sdk/client-sso-admin';
import type { LiveAssignment, LiveProvisioning } from '../../model/live.js';
import type { PrincipalType } from '../../model/types.js';
import { mapLimit } from '../concurrency.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';
import {
  mayReadPerPrincipal,
  routeAfterListing,
  routeBeforeListing,
  staleListingSide,
  type AssignmentRoute,
  type AssignmentRoutePreference,
  type RouteCounts,
} from './assignment-route.js';
import { valuesByKey } from '../../model/order.js';

export interface PrincipalRef {
  type: PrincipalType;
  id: string;
}

export interface AssignmentReadInput {
  permissionSetArns: readonly string[];
  accountIds: readonly string[];
  principals: readonly PrincipalRef[];
  route: AssignmentRoutePreference;
  /** Read the stale-provisioning listing (moto lacks it). */
  provisioningStatus: boolean;
  /** settings.ignore.accounts: no ListAccountAssignments for them, and no row of theirs is kept
   *  (the principal route lists them anyway). Their provisioning records stay: they cost no
   *  call and say which sets are provisioned to the management account. */
  ignoredAccountIds?: ReadonlySet<string>;
}

export interface AssignmentReadResult {
  assignments: LiveAssignment[];
  provisioning: LiveProvisioning[];
  route: AssignmentRoute;
}

const STALE = 'LATEST_PERMISSION_SET_NOT_PROVISIONED';

export type Pair = { permissionSetArn: string; accountId: string };
const pairKey = (p: Pair) => `${p.permissionSetArn} ${p.accountId}`;

export async function readAssignments(ctx: ReadContext, input: AssignmentReadInput): Promise<AssignmentReadResult> {
  const counts: RouteCounts = {
    permissionSets: input.permissionSetArns.length,
    principals: input.principals.length,
    // management account only (assignment-route.ts)
    principalRouteAllowed: mayReadPerPrincipal(ctx),
    callerAccountId: ctx.callerAccountId,
    managementAccountId: ctx.managementAccountId,
  };
  const ignored = input.ignoredAccountIds ?? new Set<string>();
  const read = <P extends Pair>(pairs: readonly P[]): P[] => pairs.filter((p) => !ignored.has(p.accountId));
  let route = routeBeforeListing(counts, input.route);
  let provisionedPairs: Pair[] | undefined;
  if (route !== 'principals') {
    provisionedPairs = await listProvisionedPairs(ctx, input.permissionSetArns);
    route ??= routeAfterListing(counts, provisionedPairs.length);
  }
  ctx.progress.note(
    `assignments: reading ${route === 'pairs' ? `${provisionedPairs?.length ?? 0} provisioned (permission set, account) pairs` : `per principal (${input.principals.length})`}`,
  );
  const [rows, stale] = await Promise.all([
    route === 'pairs' ? readByPairs(ctx, read(provisionedPairs ?? [])) : readByPrincipals(ctx, input.principals),
    input.provisioningStatus
      ? listStalePairs(
          ctx,
          input.permissionSetArns,
          input.accountIds.filter((id) => !ignored.has(id)),
        )
      : Promise.resolve([]),
  ]);
  const assignments = uniqueAssignments(read(rows));
  return { assignments, provisioning: provisioningOf(provisionedPairs ?? assignments, stale), route };
}

/** Every provisioned pair (any status): one listing per permission set. */
export async function listProvisionedPairs(ctx: ReadContext, setArns: readonly string[]): Promise<Pair[]> {
  let done = 0;
  const perSet = await mapLimit(setArns, ctx.concurrency, async (permissionSetArn) => {
    const accountIds = await collectPages(
      'sso-admin',
      'ListAccountsForProvisionedPermissionSet',
      paginateListAccountsForProvisionedPermissionSet(paginatorConfig(ctx.clients.ssoAdmin, 100), {
        InstanceArn: ctx.instanceArn,
        PermissionSetArn: permissionSetArn,
      }),
      (page) => page.AccountIds,
    );
    ctx.progress.update('provisioned accounts', ++done, setArns.length, 'permission sets');
    return [...new Set(accountIds)].map((accountId) => ({ permissionSetArn, accountId }));
  });
  return perSet.flat();
}

export async function readByPairs(ctx: ReadContext, pairs: readonly Pair[]): Promise<LiveAssignment[]> {
  let done = 0;
  const perPair = await mapLimit(pairs, ctx.concurrency, async (pair) => {
    const rows = await collectPages(
      'sso-admin',
      'ListAccountAssignments',
      paginateListAccountAssignments(paginatorConfig(ctx.clients.ssoAdmin, 100), {
        InstanceArn: ctx.instanceArn,
        AccountId: pair.accountId,
        PermissionSetArn: pair.permissionSetArn,
      }),
      (page) => page.AccountAssignments,
    );
    ctx.progress.update('assignments', ++done, pairs.length, 'pairs');
    return rows.flatMap((row) => toLiveAssignment(row, pair));
  });
  return perPair.flat();
}

export async function readByPrincipals(ctx: ReadContext, principals: readonly PrincipalRef[]): Promise<LiveAssignment[]> {
  let done = 0;
  const perPrincipal = await mapLimit(principals, ctx.concurrency, async (principal) => {
    const rows = await collectPages(
      'sso-admin',
      'ListAccountAssignmentsForPrincipal',
      paginateListAccountAssignmentsForPrincipal(paginatorConfig(ctx.clients.ssoAdmin, 100), {
        InstanceArn: ctx.instanceArn,
        PrincipalId: principal.id,
        PrincipalType: principal.type,
      }),
      (page) => page.AccountAssignments,
    );
    ctx.progress.update('assignments', ++done, principals.length, 'principals');
    return rows.flatMap((row) => toLiveAssignment(row, undefined, principal));
  });
  return perPrincipal.flat();
}

/**
 * Pairs of these sets and these accounts whose account still runs an older version of the
 * set. Listed per set or per account, whichever takes fewer calls; the per-set listing names
 * every account, so it keeps only the ones asked for — else an ignored account's stale copy
 * would re-provision its set or not depending on the side chosen.
 */
export async function listStalePairs(ctx: ReadContext, setArns: readonly string[], accountIds: readonly string[]): Promise<Pair[]> {
  const sso = ctx.clients.ssoAdmin;
  if (staleListingSide(setArns.length, accountIds.length) === 'perPermissionSet') {
    const asked = new Set(accountIds);
    const perSet = await mapLimit(setArns, ctx.concurrency, async (permissionSetArn) => {
      const ids = await collectPages(
        'sso-admin',
        'ListAccountsForProvisionedPermissionSet',
        paginateListAccountsForProvisionedPermissionSet(paginatorConfig(sso, 100), {
          InstanceArn: ctx.instanceArn,
          PermissionSetArn: permissionSetArn,
          ProvisioningStatus: STALE,
        }),
        (page) => page.AccountIds,
      );
      return ids.filter((accountId) => asked.has(accountId)).map((accountId) => ({ permissionSetArn, accountId }));
    });
    return perSet.flat();
  }
  const perAccount = await mapLimit(accountIds, ctx.concurrency, async (accountId) => {
    const arns = await collectPages(
      'sso-admin',
      'ListPermissionSetsProvisionedToAccount',
      paginateListPermissionSetsProvisionedToAccount(paginatorConfig(sso, 100), {
        InstanceArn: ctx.instanceArn,
        AccountId: accountId,
        ProvisioningStatus: STALE,
      }),
      (page) => page.PermissionSets,
    );
    return arns.map((permissionSetArn) => ({ permissionSetArn, accountId }));
  });
  return perAccount.flat();
}

function toLiveAssignment(row: AccountAssignment | AccountAssignmentForPrincipal, pair?: Pair, principal?: PrincipalRef): LiveAssignment[] {
  const permissionSetArn = row.PermissionSetArn ?? pair?.permissionSetArn;
  const accountId = row.AccountId ?? pair?.accountId;
  const principalId = row.PrincipalId ?? principal?.id;
  const principalType = row.PrincipalType ?? principal?.type;
  if (!permissionSetArn || !accountId || !principalId || (principalType !== 'USER' && principalType !== 'GROUP')) return [];
  return [{ permissionSetArn, accountId, principalId, principalType }];
}

/** One row per assignment (an emulator may repeat one), sorted for stable output. */
export function uniqueAssignments(rows: readonly LiveAssignment[]): LiveAssignment[] {
  const byKey = new Map(rows.map((a) => [`${a.permissionSetArn} ${a.accountId} ${a.principalType} ${a.principalId}`, a]));
  return valuesByKey(byKey);
}

/** Status per provisioned pair; a stale pair is provisioned by definition, so it is added if missing. */
export function provisioningOf(provisioned: readonly Pair[], stale: readonly Pair[]): LiveProvisioning[] {
  const staleKeys = new Set(stale.map(pairKey));
  const byKey = new Map<string, LiveProvisioning>();
  for (const p of [...provisioned, ...stale]) {
    byKey.set(pairKey(p), {
      permissionSetArn: p.permissionSetArn,
      accountId: p.accountId,
      status: staleKeys.has(pairKey(p)) ? STALE : 'LATEST_PERMISSION_SET_PROVISIONED',
    });
  }
  return valuesByKey(byKey);
}
