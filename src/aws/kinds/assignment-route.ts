// Choosing how to read account assignments. ListAccountAssignments needs both an
// account and a permission set, so the naive read costs accounts x sets calls. Two
// cheaper routes, chosen from counts already known (S sets, A accounts, P principals):
//
//   pairs:      S  (ListAccountsForProvisionedPermissionSet per set, giving N provisioned
//                   pairs) + N (ListAccountAssignments per provisioned pair)
//   principals: P  (ListAccountAssignmentsForPrincipal per user and group)
//
// Both then add min(S, A) calls for stale provisioning: the ProvisioningStatus-filtered
// listing per set or per account, whichever side is smaller.
//
// Since pairs costs at least S, principals wins outright when P <= S. Otherwise the S
// per-set listings run first (pairs needs them anyway) and the remaining cost decides:
// N more calls for pairs versus P for principals. ListAccountAssignmentsForPrincipal
// "must be called from the management account containing your organization instance of
// IAM Identity Center" (its documentation in the sso-admin service model), so from another
// account (a delegated administrator) the pairs route is always taken; a forced principal
// route (SSO_GITOPS_ASSIGNMENT_ROUTE, for tests against moto) is refused there with a clear
// error rather than silently replaced: on moto the pairs route reads wrongly.
// Counts ignore extra pages (100 items per page), which affect both routes alike.

import { AwsSetupError } from '../errors.js';

export type AssignmentRoute = 'pairs' | 'principals';

/** Whether this caller may read assignments per principal (ListAccountAssignmentsForPrincipal:
 *  the management account only, see above); the full read and the scoped reads ask alike. */
export function mayReadPerPrincipal(ctx: { callerAccountId: string; managementAccountId: string }): boolean {
  return ctx.callerAccountId === ctx.managementAccountId;
}
export type AssignmentRoutePreference = AssignmentRoute | 'auto';

export interface RouteCounts {
  permissionSets: number;
  principals: number;
  /** The caller is the management account. */
  principalRouteAllowed: boolean;
  /** For the refusal's message. */
  callerAccountId?: string;
  managementAccountId?: string;
}

/** The route decided before any assignment call, or undefined when the provisioned pair count must be known first. */
export function routeBeforeListing(counts: RouteCounts, preference: AssignmentRoutePreference): AssignmentRoute | undefined {
  if (preference === 'principals' && !counts.principalRouteAllowed) {
    throw new AwsSetupError(
      `SSO_GITOPS_ASSIGNMENT_ROUTE=principals cannot be used from account ${counts.callerAccountId ?? '(unknown)'}: ListAccountAssignmentsForPrincipal must be called ` +
        `from the management account (${counts.managementAccountId ?? 'unknown'}); unset it to read assignments by provisioned pairs`,
    );
  }
  if (preference !== 'auto') return preference;
  if (!counts.principalRouteAllowed) return 'pairs';
  return counts.principals <= counts.permissionSets ? 'principals' : undefined;
}

/** After the per-set listings: N more calls (pairs) against P (principals). */
export function routeAfterListing(counts: RouteCounts, provisionedPairs: number): AssignmentRoute {
  return counts.principalRouteAllowed && counts.principals < provisionedPairs ? 'principals' : 'pairs';
}

/** Which side the stale-provisioning listing iterates: the smaller one. */
export function staleListingSide(permissionSets: number, accounts: number): 'perPermissionSet' | 'perAccount' {
  return permissionSets <= accounts ? 'perPermissionSet' : 'perAccount';
}
