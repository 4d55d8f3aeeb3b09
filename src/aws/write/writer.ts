// The AWS implementation of the apply step's IdentityCenterWriter port.
import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { ConcreteAssignment, IdentityCenterWriter } from '../../apply/port.js';
import { ApplicationWriter } from './application-writer.js';
import { AccessControlAttributesWriter } from './access-control-attributes-writer.js';
import { IdentityStoreWriter } from './identity-store-writer.js';
import { OutstandingSlots } from './outstanding-slots.js';
import { assignmentCreationGroups, requestStatusSources } from './request-status-sources.js';
import { DEFAULT_TRACKER_OPTIONS, RequestTracker, type TrackerOptions } from './request-tracker.js';
import type { RetryConflicts } from './retry.js';
import { SsoAdminWriter, type AsyncRequests } from './sso-admin-writer.js';

export interface WriterDeps {
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  instanceArn: string;
  identityStoreId: string;
  retry: RetryConflicts;
  /** Assignment requests in progress at once (SSO_GITOPS_MAX_OUTSTANDING); AWS allows about 10. */
  maxOutstanding?: number;
  tracking?: TrackerOptions;
}

export function createIdentityCenterWriter(deps: WriterDeps): IdentityCenterWriter {
  const ids = new IdentityStoreWriter(deps.identityStore, deps.identityStoreId, deps.retry);
  const apps = new ApplicationWriter(deps.ssoAdmin, deps.instanceArn, deps.retry);
  const abac = new AccessControlAttributesWriter(deps.ssoAdmin, deps.instanceArn, deps.retry);
  const sso = new SsoAdminWriter(deps.ssoAdmin, deps.instanceArn, deps.retry, asyncRequests(deps));
  return {
    createUser: (u) => ids.createUser(u),
    updateUser: (id, a) => ids.updateUser(id, a),
    deleteUser: (id) => ids.deleteUser(id),
    createGroup: (n, d) => ids.createGroup(n, d),
    updateGroup: (id, a) => ids.updateGroup(id, a),
    deleteGroup: (id) => ids.deleteGroup(id),
    createMembership: (g, u) => ids.createMembership(g, u),
    deleteMembership: (id) => ids.deleteMembership(id),
    createPermissionSet: (s) => sso.createPermissionSet(s),
    applyPermissionSetOperation: (arn, op) => sso.applyPermissionSetOperation(arn, op),
    deletePermissionSet: (arn) => sso.deletePermissionSet(arn),
    provisionPermissionSet: (arn) => sso.provisionPermissionSet(arn),
    createAssignment: (a) => sso.createAssignment(a),
    deleteAssignment: (a) => sso.deleteAssignment(a),
    createAccessControlAttributes: (attributes) => abac.create(attributes),
    updateAccessControlAttributes: (attributes) => abac.update(attributes),
    deleteAccessControlAttributes: () => abac.delete(),
    createApplication: async (spec) => (await apps.createApplication(spec)).applicationArn,
    updateApplication: (arn, change) => apps.updateApplication(arn, change),
    deleteApplication: (arn) => apps.deleteApplication(arn),
    setApplicationAssignmentRequired: (arn, required) => apps.setAssignmentRequired(arn, required),
    createApplicationAssignment: (a) => apps.assign(a),
    deleteApplicationAssignment: (a) => apps.unassign(a),
  };
}

/** One tracker per kind of request for the whole run: one listing covers all its requests in flight. */
function asyncRequests(deps: WriterDeps): AsyncRequests {
  const sources = requestStatusSources(deps.ssoAdmin, deps.instanceArn);
  const options = deps.tracking ?? DEFAULT_TRACKER_OPTIONS;
  return {
    creations: new RequestTracker(sources.creation, options, assignmentCreationGroups(deps.ssoAdmin, deps.instanceArn)),
    deletions: new RequestTracker<ConcreteAssignment>(sources.deletion, options),
    provisionings: new RequestTracker(sources.provisioning, options),
    assignmentSlots: new OutstandingSlots(deps.maxOutstanding ?? DEFAULT_MAX_OUTSTANDING),
  };
}

export const DEFAULT_MAX_OUTSTANDING = 10;
