// sso-admin (SWBExternalService.*): the caller's Identity Center instance, permission sets,
// their policies and tags, provisioning and account assignments.
import type { OperationTable } from '../router-types.js';
import { ssoAdminAccessControlOperations } from './sso-admin-access-control.js';
import { ssoAdminApplicationAssignmentOperations } from './sso-admin-application-assignments.js';
import { ssoAdminApplicationOperations } from './sso-admin-applications.js';
import { ssoAdminAssignmentOperations } from './sso-admin-assignments.js';
import { ssoAdminPermissionSetOperations } from './sso-admin-permission-sets.js';
import { ssoAdminPolicyOperations } from './sso-admin-policies.js';
import { ssoAdminProvisioningOperations } from './sso-admin-provisioning.js';
import { ssoAdminTagOperations } from './sso-admin-tags.js';

export const ssoAdminOperations: OperationTable = {
  ...ssoAdminPermissionSetOperations,
  ...ssoAdminPolicyOperations,
  ...ssoAdminTagOperations,
  ...ssoAdminProvisioningOperations,
  ...ssoAdminAssignmentOperations,
  ...ssoAdminApplicationOperations,
  ...ssoAdminApplicationAssignmentOperations,
  ...ssoAdminAccessControlOperations,
};
