// Account assignments: concrete (permission set, principal, account) triples.
import { assignmentClues } from './attribution.js';
import { describeTriple, diffAssignments } from './diff.js';
import { managedFromManagementAccount } from '../../plan/management-account.js';
import type { AssignmentChange } from '../../plan/types.js';
import { plural } from '../../model/plural.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyAssignmentChange } from './apply.js';

const where = (c: AssignmentChange) => (c.accountName ? `${c.accountName} (${c.accountId})` : c.accountId);
const pair = (c: AssignmentChange) => `"${c.permissionSet}" for ${c.principalType.toLowerCase()} "${c.principal}" on ${where(c)}`;

export const assignmentKind: KindDescriptor<AssignmentChange> = {
  kind: 'assignment',
  phases: { create: 'assignments created', delete: 'assignments deleted' },
  diffStage: 'after-deletions',
  diff: ({ desired, resolved, goesAway }) => diffAssignments(desired, resolved, goesAway),

  title: 'Assignments',
  headline: pair,
  headlinePrefix: 'assignment',
  details: () => [],
  label: (c) => `${c.action} assignment ${pair(c)}`,

  sortKey: (c) => [c.permissionSet, c.principalType, c.principal, c.accountId],
  provides: (c) => (c.action === 'create' ? [dependencyKey.grant(c.principalType, c.principal, c.accountId)] : []),
  // removing old access waits for the new access of the same principal on the account (no lock-out)
  needs: (c) =>
    c.action === 'create'
      ? [dependencyKey.set(c.permissionSet), dependencyKey.principal(c.principalType, c.principal)]
      : [
          dependencyKey.grant(c.principalType, c.principal, c.accountId),
          ...(c.principalType === 'GROUP' ? [dependencyKey.renamedGroup(c.principal)] : []),
        ],
  blockedByFailure: (c) =>
    c.action === 'delete'
      ? [dependencyKey.removedAssignmentOf(c.principalType, c.principal), dependencyKey.removedAssignmentsOfSet(c.permissionSet)]
      : [],

  safetyLabel: 'assignments',
  liveCount: (live) => live.assignments.length,
  delegatedAdministrator: {
    outOfScope: (c, live) => c.accountId === live.managementAccountId,
    outOfScopeNote: (n, live) => `${plural(n, 'assignment')} on the management account ${managedFromManagementAccount(n, live)}`,
    needsManagementAccount: (c, live) =>
      c.accountId === live.managementAccountId
        ? `${c.action === 'create' ? 'creating' : 'deleting'} assignment ${describeTriple(c, live)} needs the management account, ` +
          'which a delegated administrator cannot change (AWS answers AccessDenied)'
        : undefined,
  },

  concurrency: 'assignment',
  // one ListAccountAssignments of the (account, permission set) pair confirms them all
  applyTogetherKey: (c) => `${c.accountId}\u0000${c.permissionSet}`,
  apply: { each: applyAssignmentChange },

  attributionClues: assignmentClues,

  iamActions: {
    read: [
      'sso:ListAccountAssignments',
      'sso:ListAccountAssignmentsForPrincipal',
      'sso:ListAccountsForProvisionedPermissionSet',
      'sso:ListPermissionSetsProvisionedToAccount',
      'sso:DescribeAccountAssignmentCreationStatus',
      'sso:DescribeAccountAssignmentDeletionStatus',
      'sso:ListAccountAssignmentCreationStatus',
    ],
    write: ['sso:CreateAccountAssignment', 'sso:DeleteAccountAssignment'],
  },
};
