// Permission sets, matched by name; an update of what reaches the accounts' roles is
// followed by a re-provisioning (./diff.ts says which fields).
import { permissionSetClues } from './attribution.js';
import { diffPermissionSets, PERMISSION_SET_FIELDS } from './diff.js';
import { managedFromManagementAccount, provisionedToManagement } from '../../plan/scope.js';
import type { PermissionSetChange } from '../../plan/types.js';
import { plural } from '../../model/plural.js';
import { createdAttributes, updatedAttributes } from '../../render/attribute-lines.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyPermissionSetChange } from './apply.js';

const VERB = { update: 'changing', delete: 'deleting', reprovision: 're-provisioning' } as const;

export const permissionSetKind: KindDescriptor<PermissionSetChange> = {
  kind: 'permissionSet',
  phases: {
    create: 'permission sets created/updated',
    update: 'permission sets created/updated',
    reprovision: 'permission sets re-provisioned',
    delete: 'permission sets deleted',
  },
  diffStage: 'objects',
  diff: ({ desired, resolved }) => diffPermissionSets(desired, resolved.live),

  title: 'Permission sets',
  headline: (c) => {
    if (c.action !== 'reprovision') return `permission set "${c.name}"`;
    return c.reason === 'updated'
      ? `re-provision permission set "${c.name}" to the accounts that have it (its content changed)`
      : `re-provision permission set "${c.name}" (stale in ${c.staleAccounts.length} account${c.staleAccounts.length === 1 ? '' : 's'}: ${c.staleAccounts.join(', ')})`;
  },
  details: (c) =>
    c.action === 'create'
      ? createdAttributes(c.after, PERMISSION_SET_FIELDS)
      : c.action === 'update'
        ? updatedAttributes(c.attributes)
        : [],
  label: (c) => `${c.action} permission set "${c.name}"`,

  sortKey: (c) => [c.name],
  provides: (c) =>
    c.action === 'create' || c.action === 'update'
      ? [dependencyKey.set(c.name)]
      : c.action === 'reprovision'
        ? [dependencyKey.provisioned(c.name)]
        : [],
  // a set is deleted only once every assignment of it is gone
  needs: (c) =>
    c.action === 'reprovision' ? [dependencyKey.set(c.name)] : c.action === 'delete' ? [dependencyKey.removedAssignmentsOfSet(c.name)] : [],
  blockedByFailure: () => [],

  safetyLabel: 'permission sets',
  liveCount: (live) => live.permissionSets.size,
  delegatedAdministrator: {
    outOfScope: (c, live) => provisionedToManagement(c.name, live),
    outOfScopeNote: (n, live) =>
      `${plural(n, 'permission set')} provisioned to the management account and not in the state files ${managedFromManagementAccount(n, live)}`,
    needsManagementAccount: (c, live) =>
      c.action !== 'create' && provisionedToManagement(c.name, live)
        ? `${VERB[c.action]} permission set "${c.name}" is not allowed from a delegated administrator: the set is provisioned to the ` +
          `management account (${live.managementAccountId}) (AWS answers AccessDenied)`
        : undefined,
  },

  concurrency: 'ordinary',
  apply: { each: applyPermissionSetChange },

  attributionClues: permissionSetClues,

  iamActions: {
    read: [
      'sso:ListPermissionSets',
      'sso:DescribePermissionSet',
      'sso:ListTagsForResource',
      'sso:ListManagedPoliciesInPermissionSet',
      'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
      'sso:GetInlinePolicyForPermissionSet',
      'sso:GetPermissionsBoundaryForPermissionSet',
      'sso:ListAccountsForProvisionedPermissionSet',
      'sso:DescribePermissionSetProvisioningStatus',
    ],
    write: [
      'sso:CreatePermissionSet',
      'sso:UpdatePermissionSet',
      'sso:DeletePermissionSet',
      'sso:TagResource',
      'sso:UntagResource',
      'sso:AttachManagedPolicyToPermissionSet',
      'sso:DetachManagedPolicyFromPermissionSet',
      'sso:AttachCustomerManagedPolicyReferenceToPermissionSet',
      'sso:DetachCustomerManagedPolicyReferenceFromPermissionSet',
      'sso:PutInlinePolicyToPermissionSet',
      'sso:DeleteInlinePolicyFromPermissionSet',
      'sso:PutPermissionsBoundaryToPermissionSet',
      'sso:DeletePermissionsBoundaryFromPermissionSet',
      'sso:ProvisionPermissionSet',
    ],
  },
};
