// The lower-bound model: the fewest API calls any tool needs for a command on a given
// organization, derived from the organization itself (never from our own call counts).
//
// Rules:
// - A listing costs its pages at the largest page size the API accepts (sso-admin and
//   identitystore 100, organizations 20), at least one page even when empty.
// - Something with no list form costs one call per item (the six per-permission-set reads,
//   every create).
// - Where several routes reach the same data the cheapest one counts:
//   memberships per group or per member; assignments per provisioned (set, account) pair
//   found per set or per account, or per principal (ListAccountAssignmentsForPrincipal).
// - Account names come from ListAccounts (OU paths and tags are not needed: the generated
//   assignments name accounts).
// - Async completions are confirmed by the status listing (100 per page), not one Describe
//   per request: the strict minimum, which no tool reporting each FailureReason can meet.
// - Stale-provisioning checks are extras of our tool and not part of the bound.
//
// Time: Identity Center (sso-admin + identitystore, `tps`) and organizations
// (`organizationsTps`) are separate rate buckets, and at most `maxOutstanding` assignment requests run at
// once, each taking `asyncMs`. rateBoundSeconds is the larger of those two limits.
import type { SyntheticOrg } from './org.js';
import { pairKey } from './org.js';

export interface BenchSettings {
  /** Identity Center requests per second (sso-admin and identitystore together) */
  tps: number;
  /** organizations requests per second (its own bucket) */
  organizationsTps: number;
  latencyMs: number;
  asyncMs: number;
  maxOutstanding: number;
}

export type CallCounts = Record<string, number>;

export interface LowerBound {
  calls: number;
  byOperation: CallCounts;
  rateBoundSeconds: number;
  /** the same command reading assignments naively: ListAccountAssignments for every account x permission set */
  naiveCalls: number;
}

/** Operations of the organizations API (its own rate bucket); the model's ListTagsForResource is sso-admin's. */
export const ORGANIZATIONS_OPERATIONS = new Set([
  'ListAccounts',
  'ListRoots',
  'ListOrganizationalUnitsForParent',
  'ListAccountsForParent',
  'ListParents',
  'DescribeOrganization',
]);

const PAGE = 100;
const ORG_PAGE = 20;

export function pages(items: number, pageSize = PAGE): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

function add(counts: CallCounts, operation: string, calls: number): void {
  if (calls > 0) counts[operation] = (counts[operation] ?? 0) + calls;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function sumPages(counts: Iterable<number>): number {
  let total = 0;
  for (const n of counts) total += pages(n);
  return total;
}

/** Reading everything a plan compares: instance, accounts, users, groups, memberships, permission sets, assignments. */
export function readCalls(org: SyntheticOrg): CallCounts {
  const counts: CallCounts = {};
  add(counts, 'ListInstances', 1);
  add(counts, 'ListAccounts', pages(org.accounts.length, ORG_PAGE));
  add(counts, 'ListUsers', pages(org.users.length));
  add(counts, 'ListGroups', pages(org.groups.length));
  addMembershipReads(counts, org);
  add(counts, 'ListPermissionSets', pages(org.permissionSets.length));
  for (const op of PER_SET_READS) add(counts, op, org.permissionSets.length);
  addAssignmentReads(counts, org);
  return counts;
}

const PER_SET_READS = [
  'DescribePermissionSet',
  'ListTagsForResource',
  'ListManagedPoliciesInPermissionSet',
  'ListCustomerManagedPolicyReferencesInPermissionSet',
  'GetInlinePolicyForPermissionSet',
  'GetPermissionsBoundaryForPermissionSet',
];

function addMembershipReads(counts: CallCounts, org: SyntheticOrg): void {
  if (org.groups.length === 0) return;
  const perGroup = sumPages(org.groups.map((g) => g.members.length));
  const perMember = countBy(
    org.groups.flatMap((g) => g.members),
    (userName) => userName,
  );
  const perUser = org.users.reduce((total, u) => total + pages(perMember.get(u.userName) ?? 0), 0);
  if (perGroup <= perUser) add(counts, 'ListGroupMemberships', perGroup);
  else add(counts, 'ListGroupMembershipsForMember', perUser);
}

function addAssignmentReads(counts: CallCounts, org: SyntheticOrg): void {
  if (org.permissionSets.length === 0) return;
  const perPair = countBy(org.assignments, pairKey);
  const pairReads = sumPages(perPair.values());
  const pairs = [...perPair.keys()].map((k) => k.split('|'));
  const pairsPerSet = countBy(pairs, ([set]) => set ?? '');
  const pairsPerAccount = countBy(pairs, ([, account]) => account ?? '');
  const perPrincipal = countBy(org.assignments, (a) => `${a.principalType}|${a.principal}`);
  const principals = [...org.users.map((u) => `USER|${u.userName}`), ...org.groups.map((g) => `GROUP|${g.name}`)];
  // [listing operation, its calls, ListAccountAssignments calls]; every set, account or principal costs at least one page
  const routes: [string, number, number][] = [
    ['ListAccountsForProvisionedPermissionSet', sumPages(org.permissionSets.map((s) => pairsPerSet.get(s.name) ?? 0)), pairReads],
    ['ListPermissionSetsProvisionedToAccount', sumPages(org.accounts.map((a) => pairsPerAccount.get(a.name) ?? 0)), pairReads],
    ['ListAccountAssignmentsForPrincipal', sumPages(principals.map((p) => perPrincipal.get(p) ?? 0)), 0],
  ];
  const [listing, listingCalls, pairCalls] = routes.reduce((best, r) => (r[1] + r[2] < best[1] + best[2] ? r : best));
  add(counts, listing, listingCalls);
  add(counts, 'ListAccountAssignments', pairCalls);
}

/** Creating everything of `org` in an empty instance (the writes of a migration). */
export function createCalls(org: SyntheticOrg): CallCounts {
  const counts: CallCounts = {};
  add(counts, 'CreateUser', org.users.length);
  add(counts, 'CreateGroup', org.groups.length);
  add(
    counts,
    'CreateGroupMembership',
    org.groups.reduce((t, g) => t + g.members.length, 0),
  );
  add(counts, 'CreatePermissionSet', org.permissionSets.length); // carries description, session, relay state and tags
  for (const s of org.permissionSets) {
    add(counts, 'AttachManagedPolicyToPermissionSet', s.managedPolicies.length);
    add(counts, 'AttachCustomerManagedPolicyReferenceToPermissionSet', s.customerManagedPolicies.length);
    add(counts, 'PutInlinePolicyToPermissionSet', s.inlinePolicy ? 1 : 0);
    add(counts, 'PutPermissionsBoundaryToPermissionSet', s.permissionsBoundary ? 1 : 0);
  }
  return merge(counts, assignmentCreateCalls(org.assignments.length));
}

/** N CreateAccountAssignment and the status listing pages that confirm them. */
export function assignmentCreateCalls(n: number): CallCounts {
  return n === 0 ? {} : { CreateAccountAssignment: n, ListAccountAssignmentCreationStatus: pages(n) };
}

/** One policy change on a provisioned set: the write, one provisioning to all its accounts, one status read. */
export function policyChangeCalls(): CallCounts {
  return { PutInlinePolicyToPermissionSet: 1, ProvisionPermissionSet: 1, DescribePermissionSetProvisioningStatus: 1 };
}

export function merge(...parts: CallCounts[]): CallCounts {
  const out: CallCounts = {};
  for (const part of parts) for (const [op, n] of Object.entries(part)) add(out, op, n);
  return out;
}

export function total(counts: CallCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Calls ÷ rate per bucket, and the async floor of `asyncRequests` at maxOutstanding. */
export function rateBoundSeconds(counts: CallCounts, settings: BenchSettings, asyncRequests = 0): number {
  let organizations = 0;
  let identityCenter = 0;
  for (const [op, n] of Object.entries(counts)) {
    if (ORGANIZATIONS_OPERATIONS.has(op)) organizations += n;
    else identityCenter += n;
  }
  return Math.max(callSeconds(identityCenter, organizations, settings), asyncSeconds(asyncRequests, settings));
}

/** The time the two rate buckets need for these calls (they drain in parallel). */
export function callSeconds(identityCenterCalls: number, organizationsCalls: number, settings: BenchSettings): number {
  return Math.max(identityCenterCalls / settings.tps, organizationsCalls / settings.organizationsTps);
}

/** `requests` async requests at most `maxOutstanding` at a time, each taking asyncMs. */
export function asyncSeconds(requests: number, settings: BenchSettings): number {
  return (Math.ceil(requests / settings.maxOutstanding) * settings.asyncMs) / 1000;
}

/** The naive route: the same command with one ListAccountAssignments per account x permission set. */
export function naiveCalls(bound: CallCounts, live: SyntheticOrg): number {
  const assignmentReads = [
    'ListAccountsForProvisionedPermissionSet',
    'ListPermissionSetsProvisionedToAccount',
    'ListAccountAssignmentsForPrincipal',
    'ListAccountAssignments',
  ];
  const rest = total(bound) - assignmentReads.reduce((t, op) => t + (bound[op] ?? 0), 0);
  return rest + live.accounts.length * live.permissionSets.length;
}

export function lowerBound(counts: CallCounts, live: SyntheticOrg, settings: BenchSettings, asyncRequests = 0): LowerBound {
  return {
    calls: total(counts),
    byOperation: counts,
    rateBoundSeconds: rateBoundSeconds(counts, settings, asyncRequests),
    naiveCalls: naiveCalls(counts, live),
  };
}
