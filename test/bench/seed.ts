// Seeds a synthetic organization into the sandbox through the AWS SDK, many calls at once
// (the sandbox runs unthrottled with instant async completion while seeding). Going through
// the public API rather than the sandbox's internals keeps the seeded state exactly what
// AWS would answer, and the same code serves the drift scenario's out-of-band changes.
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  IdentitystoreClient,
  UpdateUserCommand,
} from '@aws-sdk/client-identitystore';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  ListInstancesCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mapLimit } from '../../src/aws/concurrency.js';
import type { PermissionSet, User } from '../../src/model/types.js';
import { buildOrganization } from '../helpers/org.js';
import { sandboxClientConfig } from '../helpers/sandbox.js';
import type { SyntheticAssignment, SyntheticOrg } from './org.js';

const SEED_CONCURRENCY = 32;

/** Ids the sandbox gave the seeded objects. */
export interface SeededOrg {
  managementAccountId: string;
  accountIds: Map<string, string>;
  instanceArn: string;
  identityStoreId: string;
  userIds: Map<string, string>;
  groupIds: Map<string, string>;
  permissionSetArns: Map<string, string>;
}

interface Clients {
  sso: SSOAdminClient;
  ids: IdentitystoreClient;
}

function clients(endpoint: string, accountId: string): Clients {
  const config = sandboxClientConfig(endpoint, accountId, 8);
  return { sso: new SSOAdminClient(config), ids: new IdentitystoreClient(config) };
}

function destroy(c: Clients): void {
  c.sso.destroy();
  c.ids.destroy();
}

/** Creates the organization (OUs, accounts, tags) and, unless `withIdentity` is false, all Identity Center content. */
export async function seedOrganization(
  endpoint: string,
  managementAccountId: string,
  org: SyntheticOrg,
  withIdentity = true,
): Promise<SeededOrg> {
  const built = await buildOrganization(sandboxClientConfig(endpoint, managementAccountId, 8), managementAccountId, org.accounts);
  const c = clients(endpoint, managementAccountId);
  try {
    const instance = (await c.sso.send(new ListInstancesCommand({}))).Instances?.[0];
    if (!instance?.InstanceArn || !instance.IdentityStoreId) throw new Error('the seeded organization has no Identity Center instance');
    const seeded: SeededOrg = {
      managementAccountId,
      accountIds: built.accountIds,
      instanceArn: instance.InstanceArn,
      identityStoreId: instance.IdentityStoreId,
      userIds: new Map(),
      groupIds: new Map(),
      permissionSetArns: new Map(),
    };
    if (withIdentity) await seedIdentity(c, seeded, org);
    return seeded;
  } finally {
    destroy(c);
  }
}

async function seedIdentity(c: Clients, seeded: SeededOrg, org: SyntheticOrg): Promise<void> {
  const IdentityStoreId = seeded.identityStoreId;
  await mapLimit(org.users, SEED_CONCURRENCY, async (u) => {
    const out = await c.ids.send(new CreateUserCommand({ IdentityStoreId, ...userAttributes(u) }));
    seeded.userIds.set(u.userName, required(out.UserId, 'CreateUser'));
  });
  await mapLimit(org.groups, SEED_CONCURRENCY, async (g) => {
    const out = await c.ids.send(
      new CreateGroupCommand({ IdentityStoreId, DisplayName: g.name, ...(g.description ? { Description: g.description } : {}) }),
    );
    seeded.groupIds.set(g.name, required(out.GroupId, 'CreateGroup'));
  });
  const memberships = org.groups.flatMap((g) => g.members.map((m) => [g.name, m] as const));
  await mapLimit(memberships, SEED_CONCURRENCY, async ([group, member]) => {
    const GroupId = required(seeded.groupIds.get(group), `group ${group}`);
    const UserId = required(seeded.userIds.get(member), `user ${member}`);
    await c.ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId, MemberId: { UserId } }));
  });
  await mapLimit(org.permissionSets, SEED_CONCURRENCY, async (s) => {
    seeded.permissionSetArns.set(s.name, await createPermissionSet(c.sso, seeded.instanceArn, s));
  });
  await changeAssignments(c.sso, seeded, org.assignments, 'create');
}

function userAttributes(u: User) {
  return {
    UserName: u.userName,
    DisplayName: u.displayName,
    Name: { GivenName: u.givenName, FamilyName: u.familyName },
    ...(u.emails ? { Emails: u.emails.map((e) => ({ Value: e.value, Type: e.type, Primary: e.primary })) } : {}),
    ...(u.title ? { Title: u.title } : {}),
  };
}

async function createPermissionSet(sso: SSOAdminClient, InstanceArn: string, s: PermissionSet): Promise<string> {
  const tags = Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value }));
  const out = await sso.send(
    new CreatePermissionSetCommand({
      InstanceArn,
      Name: s.name,
      Description: s.description,
      SessionDuration: s.sessionDuration,
      RelayState: s.relayState,
      ...(tags.length > 0 ? { Tags: tags } : {}),
    }),
  );
  const PermissionSetArn = required(out.PermissionSet?.PermissionSetArn, 'CreatePermissionSet');
  const ref = { InstanceArn, PermissionSetArn };
  for (const arn of s.managedPolicies) await sso.send(new AttachManagedPolicyToPermissionSetCommand({ ...ref, ManagedPolicyArn: arn }));
  for (const p of s.customerManagedPolicies) {
    await sso.send(
      new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        ...ref,
        CustomerManagedPolicyReference: { Name: p.name, Path: p.path },
      }),
    );
  }
  if (s.inlinePolicy) await sso.send(new PutInlinePolicyToPermissionSetCommand({ ...ref, InlinePolicy: JSON.stringify(s.inlinePolicy) }));
  const boundary = s.permissionsBoundary;
  if (boundary) {
    const PermissionsBoundary =
      'managedPolicyArn' in boundary
        ? { ManagedPolicyArn: boundary.managedPolicyArn }
        : { CustomerManagedPolicyReference: { Name: boundary.customerManagedPolicy.name, Path: boundary.customerManagedPolicy.path } };
    await sso.send(new PutPermissionsBoundaryToPermissionSetCommand({ ...ref, PermissionsBoundary }));
  }
  return PermissionSetArn;
}

async function changeAssignments(
  sso: SSOAdminClient,
  seeded: SeededOrg,
  assignments: readonly SyntheticAssignment[],
  change: 'create' | 'delete',
): Promise<void> {
  await mapLimit(assignments, SEED_CONCURRENCY, async (a) => {
    const target = {
      InstanceArn: seeded.instanceArn,
      PermissionSetArn: required(seeded.permissionSetArns.get(a.permissionSet), `permission set ${a.permissionSet}`),
      TargetType: 'AWS_ACCOUNT' as const,
      TargetId: required(seeded.accountIds.get(a.account), `account ${a.account}`),
      PrincipalType: a.principalType,
      PrincipalId: required((a.principalType === 'GROUP' ? seeded.groupIds : seeded.userIds).get(a.principal), `principal ${a.principal}`),
    };
    await sso.send(change === 'create' ? new CreateAccountAssignmentCommand(target) : new DeleteAccountAssignmentCommand(target));
  });
}

/** Out-of-band changes (drift, or undoing it): assignments added and removed, users' display names set. */
export async function changeLive(
  endpoint: string,
  seeded: SeededOrg,
  change: { create: readonly SyntheticAssignment[]; remove: readonly SyntheticAssignment[]; displayNames: ReadonlyMap<string, string> },
): Promise<void> {
  const c = clients(endpoint, seeded.managementAccountId);
  try {
    await changeAssignments(c.sso, seeded, change.create, 'create');
    await changeAssignments(c.sso, seeded, change.remove, 'delete');
    await mapLimit([...change.displayNames], SEED_CONCURRENCY, async ([userName, displayName]) => {
      await c.ids.send(
        new UpdateUserCommand({
          IdentityStoreId: seeded.identityStoreId,
          UserId: required(seeded.userIds.get(userName), `user ${userName}`),
          Operations: [{ AttributePath: 'displayName', AttributeValue: displayName }],
        }),
      );
    });
  } finally {
    destroy(c);
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seeding: ${what} has no id`);
  return value;
}
