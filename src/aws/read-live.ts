// The complete live read: every kind the model knows, independent reads concurrently,
// into the plain LiveState of src/model/live.ts. Any failed read rejects with the
// AwsCallError of that call: a failed read never becomes an empty list.
import type { LiveState } from '../model/live.js';
import type { Account } from '../model/types.js';
import { SettingError } from './errors.js';
import { readApplications } from './kinds/applications.js';
import { readAccessControlAttributes } from './kinds/access-control-attributes.js';
import { readGroups, readMemberships } from './kinds/groups.js';
import type { AssignmentRoutePreference } from './kinds/assignment-route.js';
import { readAssignments } from './kinds/assignments.js';
import { readOrganization } from './kinds/organization.js';
import { READ_EVERYTHING, readPermissionSets, type PermissionSetReadOptions } from './kinds/permission-sets.js';
import { readUsers } from './kinds/users.js';
import type { ReadContext } from './read-context.js';
import { compareStrings } from '../model/order.js';
import { plural } from '../model/plural.js';

export interface LiveReadOptions {
  permissionSets: PermissionSetReadOptions;
  assignmentRoute: AssignmentRoutePreference;
  /** Read which provisioned accounts run an outdated permission set. */
  provisioningStatus: boolean;
  /** Read account tags (one call per account). */
  accountTags: boolean;
  /** Read the OU tree, for accounts' OU paths (one listing per OU instead of ListAccounts). */
  organizationalUnits: boolean;
  /** settings.ignore.accounts: accounts whose assignments are never read (nor, then, touched). */
  ignoreAccount?: (account: Account) => boolean;
  /** Read the ABAC configuration: extract always, plan only when the files manage it (`instance.accessControlAttributes`). */
  accessControlAttributes?: boolean;
  /** Read the applications and their assignments: only when the files declare `applications:`
   *  (an emulator without the API, such as moto, can then still serve every other plan). */
  applications?: boolean;
}

export const READ_ALL: LiveReadOptions = {
  permissionSets: READ_EVERYTHING,
  assignmentRoute: 'auto',
  provisioningStatus: true,
  accountTags: true,
  organizationalUnits: true,
};

/** Reads the emulator can switch off, by their SSO_GITOPS_UNSUPPORTED_READS names. */
const UNSUPPORTED_READS = ['tags', 'permissionsBoundary', 'provisioningStatus', 'accessControlAttributes', 'applications'] as const;
const ROUTES: readonly AssignmentRoutePreference[] = ['auto', 'pairs', 'principals'];

/**
 * Read options from the environment. Both variables exist ONLY for tests against moto,
 * which answers HTTP 500 for some reads, lacks the ABAC and application APIs and lists provisioned accounts wrongly:
 *   SSO_GITOPS_UNSUPPORTED_READS=tags,permissionsBoundary,provisioningStatus,accessControlAttributes,applications
 *     (skipped reads come back as "none": never set this against AWS)
 *   SSO_GITOPS_ASSIGNMENT_ROUTE=auto|pairs|principals   (default auto)
 * `tags` skips permission-set tags only; account tags are always read. `accessControlAttributes`
 * and `applications` keep extract from reading them (moto has neither API); plan reads each
 * only when the files declare it and this does not skip it.
 */
export function liveReadOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveReadOptions {
  const skipped = new Set(
    (env.SSO_GITOPS_UNSUPPORTED_READS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  for (const name of skipped) {
    if (!(UNSUPPORTED_READS as readonly string[]).includes(name)) {
      throw new SettingError(
        'SSO_GITOPS_UNSUPPORTED_READS',
        env.SSO_GITOPS_UNSUPPORTED_READS ?? '',
        `unknown read "${name}" (known: ${UNSUPPORTED_READS.join(', ')})`,
      );
    }
  }
  const route = (env.SSO_GITOPS_ASSIGNMENT_ROUTE ?? 'auto').trim() as AssignmentRoutePreference;
  if (!ROUTES.includes(route)) throw new SettingError('SSO_GITOPS_ASSIGNMENT_ROUTE', route, `must be one of ${ROUTES.join(', ')}`);
  return {
    permissionSets: { tags: !skipped.has('tags'), permissionsBoundary: !skipped.has('permissionsBoundary') },
    assignmentRoute: route,
    provisioningStatus: !skipped.has('provisioningStatus'),
    accountTags: true,
    organizationalUnits: true,
    accessControlAttributes: !skipped.has('accessControlAttributes'),
    applications: !skipped.has('applications'),
  };
}

export async function readLiveState(ctx: ReadContext, options: LiveReadOptions): Promise<LiveState> {
  // Users, groups (+ memberships), permission sets and the organization do not depend on
  // each other; assignments need all of them (ids to iterate, counts to pick the route).
  const usersRead = readUsers(ctx);
  const groupsRead = readGroups(ctx).then(async (groups) => ({ groups, memberships: await readMemberships(ctx, groups) }));
  const setsRead = readPermissionSets(ctx, options.permissionSets);
  const orgRead = readOrganization(ctx, { organizationalUnits: options.organizationalUnits, accountTags: options.accountTags });
  const abacRead = options.accessControlAttributes === true ? readAccessControlAttributes(ctx) : Promise.resolve(undefined);
  const appsRead = options.applications === true ? readApplications(ctx) : Promise.resolve(undefined);
  // Every read is awaited together so a failure rejects at once and no promise is left unhandled.
  const [users, { groups, memberships }, permissionSets, organization, accessControlAttributes, applications] = await Promise.all([
    usersRead,
    groupsRead,
    setsRead,
    orgRead,
    abacRead,
    appsRead,
  ]);
  ctx.progress.note(
    `read ${plural(users.length, 'user')}, ${plural(groups.length, 'group')}, ${plural(permissionSets.length, 'permission set')}, ${plural(organization.accounts.length, 'account')}`,
  );

  const ignored = organization.accounts.filter((a) => options.ignoreAccount?.(a) === true).map((a) => a.id);
  if (ignored.length > 0) ctx.progress.note(`assignments: ${plural(ignored.length, 'account')} left alone (settings.ignore.accounts)`);
  const { assignments, provisioning } = await readAssignments(ctx, {
    permissionSetArns: permissionSets.map((s) => s.arn),
    accountIds: organization.accounts.map((a) => a.id),
    ignoredAccountIds: new Set(ignored),
    principals: [...users.map((u) => ({ type: 'USER' as const, id: u.id })), ...groups.map((g) => ({ type: 'GROUP' as const, id: g.id }))],
    route: options.assignmentRoute,
    provisioningStatus: options.provisioningStatus,
  });

  return {
    instanceArn: ctx.instanceArn,
    identityStoreId: ctx.identityStoreId,
    callerAccountId: ctx.callerAccountId,
    managementAccountId: ctx.managementAccountId,
    users: [...users].sort((a, b) => compareStrings(a.userName, b.userName)),
    groups: [...groups].sort((a, b) => compareStrings(a.name, b.name)),
    memberships: [...memberships].sort((a, b) => compareStrings(`${a.groupId} ${a.userId}`, `${b.groupId} ${b.userId}`)),
    permissionSets: [...permissionSets].sort((a, b) => compareStrings(a.name, b.name)),
    accounts: organization.accounts,
    organizationalUnits: organization.organizationalUnits,
    assignments,
    provisioning,
    ...(accessControlAttributes !== undefined ? { accessControlAttributes } : {}),
    ...(applications !== undefined ? { applications } : {}),
  };
}
