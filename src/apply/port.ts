// What the apply step needs from AWS, as an AWS-free interface. The AWS layer
// (src/aws/write) implements it with the SDK; tests implement it in memory. Every
// method resolves only when AWS has finished: the async operations (provisioning,
// assignment create/delete) are polled inside the implementation until SUCCEEDED, and
// reject with an Error carrying AWS's FailureReason when FAILED.
import type { PermissionSetOperation } from './permission-set-ops.js';
import type { AttributeChange } from '../plan/types.js';
import type { ApplicationSpec } from '../model/applications.js';
import type { AccessControlAttribute, PermissionSet, PrincipalType, User } from '../model/types.js';

export interface IdentityCenterWriter {
  createUser(user: User): Promise<string>;
  updateUser(userId: string, attributes: AttributeChange[]): Promise<void>;
  deleteUser(userId: string): Promise<void>;

  createGroup(name: string, description: string | undefined): Promise<string>;
  updateGroup(groupId: string, attributes: AttributeChange[]): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;

  createMembership(groupId: string, userId: string): Promise<void>;
  deleteMembership(membershipId: string): Promise<void>;

  /** Creates the set with its basic attributes and tags; returns its ARN, and the
   *  content of an existing set of that name when it adopted one instead. */
  createPermissionSet(set: PermissionSet): Promise<CreatedPermissionSet>;
  /** One step of bringing a set's content to the desired state. */
  applyPermissionSetOperation(permissionSetArn: string, op: PermissionSetOperation): Promise<void>;
  deletePermissionSet(permissionSetArn: string): Promise<void>;
  /** ProvisionPermissionSet to ALL_PROVISIONED_ACCOUNTS, then polled. */
  provisionPermissionSet(permissionSetArn: string): Promise<void>;

  createAssignment(a: ConcreteAssignment): Promise<void>;
  deleteAssignment(a: ConcreteAssignment): Promise<void>;

  /** The instance's ABAC configuration, written whole: Create enables ABAC with these
   *  attributes, Update replaces them, Delete disables ABAC and removes them all. */
  createAccessControlAttributes(attributes: AccessControlAttribute[]): Promise<void>;
  updateAccessControlAttributes(attributes: AccessControlAttribute[]): Promise<void>;
  deleteAccessControlAttributes(): Promise<void>;

  /** Applications (customer managed ones only are created and deleted) and their
   *  assignments; synchronous in AWS. createApplication returns the application's ARN. */
  createApplication(spec: ApplicationSpec): Promise<string>;
  updateApplication(applicationArn: string, change: Partial<Pick<ApplicationSpec, 'description' | 'status'>>): Promise<void>;
  deleteApplication(applicationArn: string): Promise<void>;
  setApplicationAssignmentRequired(applicationArn: string, assignmentRequired: boolean): Promise<void>;
  createApplicationAssignment(a: ConcreteApplicationAssignment): Promise<void>;
  deleteApplicationAssignment(a: ConcreteApplicationAssignment): Promise<void>;
}

/** An application assignment with ids, as AWS needs it. */
export interface ConcreteApplicationAssignment {
  applicationArn: string;
  principalType: PrincipalType;
  principalId: string;
}

/**
 * A set made by createPermissionSet. `adopted`: the name was taken by a set that another
 * writer (or our own attempt whose answer was lost) created; this is its content as read,
 * from which the remaining steps must start — it is not the empty set just created.
 */
export interface CreatedPermissionSet {
  arn: string;
  adopted?: PermissionSet;
}

/** An assignment with ids, as AWS needs it. */
export interface ConcreteAssignment {
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
  accountId: string;
}
