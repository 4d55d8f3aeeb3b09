// The live state as read from AWS, by id, before names are attached. Produced by the
// AWS layer (src/aws), consumed by extract (naming) and plan (resolve + diff).
// Plain data: no SDK types cross this boundary.
import type { ApplicationState } from './applications.js';
import type { AccessControlAttribute, Account, ExternalId, PermissionSet, PrincipalType, User } from './types.js';

export interface LiveUser extends User {
  id: string;
  /** Attributes the state format cannot hold (e.g. an unknown extension): extract refuses the user. */
  unmodelled?: string[];
}

export interface LiveGroup {
  id: string;
  name: string;
  description?: string;
  /** Read-only: ids an identity provider set. */
  externalIds?: ExternalId[];
}

export interface LiveMembership {
  membershipId: string;
  groupId: string;
  userId: string;
}

export interface LivePermissionSet extends PermissionSet {
  arn: string;
}

export interface LiveAssignment {
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
  accountId: string;
}

export type ProvisioningStatus = 'LATEST_PERMISSION_SET_PROVISIONED' | 'LATEST_PERMISSION_SET_NOT_PROVISIONED';

export interface LiveProvisioning {
  permissionSetArn: string;
  accountId: string;
  status: ProvisioningStatus;
}

export interface LiveOrganizationalUnit {
  id: string;
  /** "Root/Workloads/Prod"; the root itself is "Root". */
  path: string;
}

export interface LiveState {
  instanceArn: string;
  identityStoreId: string;
  /** The account the credentials belong to. */
  callerAccountId: string;
  /** The organization's management account. */
  managementAccountId: string;
  users: LiveUser[];
  groups: LiveGroup[];
  memberships: LiveMembership[];
  permissionSets: LivePermissionSet[];
  accounts: Account[];
  organizationalUnits: LiveOrganizationalUnit[];
  assignments: LiveAssignment[];
  provisioning: LiveProvisioning[];
  /** The instance's attributes for access control; read only when the files manage them
   *  (`instance.accessControlAttributes`), and absent when not read or none are configured. */
  accessControlAttributes?: AccessControlAttribute[];
  /** The instance's applications with their assignments (principal ids); read only when the
   *  files declare `applications:`, absent otherwise. */
  applications?: ApplicationState[];
}
