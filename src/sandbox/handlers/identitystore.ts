// identitystore (AWSIdentityStore.*): users, groups and memberships of the caller's identity
// store. The store is reachable by its instance's management account or delegated admin.
import type { OperationTable } from '../router-types.js';
import { identityStoreGroupOperations } from './identitystore-groups.js';
import { identityStoreUserOperations } from './identitystore-users.js';

export const identityStoreOperations: OperationTable = {
  ...identityStoreUserOperations,
  ...identityStoreGroupOperations,
};
