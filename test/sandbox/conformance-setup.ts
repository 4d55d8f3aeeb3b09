// Shared steps of the conformance checks, written only against the AWS API (no sandbox
// internals), so the same check runs against the sandbox and against moto.
import { CreateAccountCommand, CreateOrganizationCommand, DescribeCreateAccountStatusCommand } from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  ListInstancesCommand,
} from '@aws-sdk/client-sso-admin';
import { CreateGroupCommand, CreateUserCommand } from '@aws-sdk/client-identitystore';
import type { Backend, Clients } from './backends.js';

export interface CheckContext {
  backend: Backend;
  /** clients of the management account of a fresh organization */
  clients: Clients;
  managementAccountId: string;
}

export interface Check {
  /** says the behaviour, e.g. "a duplicate UserName is ConflictException" */
  name: string;
  run(ctx: CheckContext): Promise<void>;
}

export interface IdentityCenter {
  instanceArn: string;
  identityStoreId: string;
}

export async function createOrganization(clients: Clients): Promise<void> {
  await clients.org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
}

/** The organization's one Identity Center instance (created with the organization). */
export async function identityCenter(clients: Clients): Promise<IdentityCenter> {
  const instances = (await clients.sso.send(new ListInstancesCommand({}))).Instances ?? [];
  const instance = instances[0];
  if (instances.length !== 1 || !instance?.InstanceArn || !instance.IdentityStoreId) {
    throw new Error(`expected one instance, got ${JSON.stringify(instances)}`);
  }
  return { instanceArn: instance.InstanceArn, identityStoreId: instance.IdentityStoreId };
}

/** Creates a member account and waits until CreateAccount has finished. */
export async function createAccount(clients: Clients, name: string): Promise<string> {
  const started = await clients.org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
  const status = await until(
    async () =>
      (await clients.org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus?.Id })))
        .CreateAccountStatus,
    (s) => s?.State !== 'IN_PROGRESS',
  );
  if (!status?.AccountId) throw new Error(`CreateAccount ${name} did not succeed: ${JSON.stringify(status)}`);
  return status.AccountId;
}

export async function createUser(clients: Clients, identityStoreId: string, userName: string): Promise<string> {
  const out = await clients.ids.send(
    new CreateUserCommand({
      IdentityStoreId: identityStoreId,
      UserName: userName,
      DisplayName: `User ${userName}`,
      Name: { GivenName: 'Given', FamilyName: 'Family' },
    }),
  );
  if (!out.UserId) throw new Error('CreateUser returned no UserId');
  return out.UserId;
}

export async function createGroup(clients: Clients, identityStoreId: string, displayName: string): Promise<string> {
  const out = await clients.ids.send(new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: displayName }));
  if (!out.GroupId) throw new Error('CreateGroup returned no GroupId');
  return out.GroupId;
}

export async function createPermissionSet(
  clients: Clients,
  instanceArn: string,
  name: string,
  extra: { Description?: string; SessionDuration?: string; RelayState?: string } = {},
): Promise<string> {
  const out = await clients.sso.send(new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: name, ...extra }));
  const arn = out.PermissionSet?.PermissionSetArn;
  if (!arn) throw new Error('CreatePermissionSet returned no ARN');
  return arn;
}

export interface AssignmentTarget {
  instanceArn: string;
  permissionSetArn: string;
  accountId: string;
  principalType: 'USER' | 'GROUP';
  principalId: string;
}

/** CreateAccountAssignment and its final status (SUCCEEDED or FAILED). */
export async function assign(clients: Clients, t: AssignmentTarget) {
  const started = await clients.sso.send(
    new CreateAccountAssignmentCommand({
      InstanceArn: t.instanceArn,
      PermissionSetArn: t.permissionSetArn,
      TargetType: 'AWS_ACCOUNT',
      TargetId: t.accountId,
      PrincipalType: t.principalType,
      PrincipalId: t.principalId,
    }),
  );
  const requestId = started.AccountAssignmentCreationStatus?.RequestId;
  return until(
    async () =>
      (
        await clients.sso.send(
          new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: t.instanceArn, AccountAssignmentCreationRequestId: requestId }),
        )
      ).AccountAssignmentCreationStatus,
    (s) => s?.Status !== 'IN_PROGRESS',
  );
}

export async function deletionStatus(clients: Clients, instanceArn: string, requestId: string | undefined) {
  return until(
    async () =>
      (
        await clients.sso.send(
          new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn: instanceArn, AccountAssignmentDeletionRequestId: requestId }),
        )
      ).AccountAssignmentDeletionStatus,
    (s) => s?.Status !== 'IN_PROGRESS',
  );
}

export async function provisioningStatus(clients: Clients, instanceArn: string, requestId: string | undefined) {
  return until(
    async () =>
      (
        await clients.sso.send(
          new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: instanceArn, ProvisionPermissionSetRequestId: requestId }),
        )
      ).PermissionSetProvisioningStatus,
    (s) => s?.Status !== 'IN_PROGRESS',
  );
}

/** Polls `read` until `done` (every 20 ms, at most 10 s). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not done after 10 s: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error name an SDK call rejects with ("ConflictException", ...), or "none". */
export async function errorName(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'none';
  } catch (err) {
    return err instanceof Error ? err.name : String(err);
  }
}
