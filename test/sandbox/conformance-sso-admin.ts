// Conformance checks of sso-admin: permission sets, assignments, provisioning, async requests.
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeletePermissionSetCommand,
  DescribePermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ProvisionPermissionSetCommand,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { expect } from 'vitest';
import type { Clients } from './backends.js';
import {
  assign,
  createAccount,
  createGroup,
  createOrganization,
  createPermissionSet,
  deletionStatus,
  errorName,
  identityCenter,
  provisioningStatus,
  type AssignmentTarget,
  type Check,
} from './conformance-setup.js';

/** A permission set, a group and a member account, ready to be assigned. */
async function assignable(clients: Clients, setName = 'Developer'): Promise<AssignmentTarget> {
  const { instanceArn, identityStoreId } = await identityCenter(clients);
  const permissionSetArn = await createPermissionSet(clients, instanceArn, setName);
  const principalId = await createGroup(clients, identityStoreId, `${setName} Group`);
  const accountId = await createAccount(clients, `${setName.toLowerCase()}-account`);
  return { instanceArn, permissionSetArn, accountId, principalType: 'GROUP', principalId };
}

async function assignmentsOf(clients: Clients, t: AssignmentTarget) {
  const out = await clients.sso.send(
    new ListAccountAssignmentsCommand({ InstanceArn: t.instanceArn, AccountId: t.accountId, PermissionSetArn: t.permissionSetArn }),
  );
  return out.AccountAssignments ?? [];
}

export const SSO_ADMIN_CHECKS: Check[] = [
  {
    name: "ListInstances shows the organization's one instance with its identity store",
    async run(ctx) {
      const ic = await identityCenter(ctx.clients);
      expect(ic.instanceArn).toMatch(/^arn:aws:sso:::instance\/ssoins-/);
      expect(ic.identityStoreId).toMatch(/^d-/);
    },
  },
  {
    name: 'each organization sees only its own instance and identity store',
    async run(ctx) {
      const other = ctx.backend.clients('210987654321');
      await createOrganization(other);
      const mine = await identityCenter(ctx.clients);
      const theirs = await identityCenter(other);
      expect(theirs.instanceArn).not.toBe(mine.instanceArn);
      expect(theirs.identityStoreId).not.toBe(mine.identityStoreId);
    },
  },
  {
    name: 'a created permission set is described with its name, description and session duration',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      const arn = await createPermissionSet(ctx.clients, instanceArn, 'ReadOnly', { Description: 'Read only', SessionDuration: 'PT4H' });
      const set = (await ctx.clients.sso.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })))
        .PermissionSet;
      expect(set).toMatchObject({ Name: 'ReadOnly', Description: 'Read only', SessionDuration: 'PT4H', PermissionSetArn: arn });
    },
  },
  {
    name: 'a second permission set with the same name is ConflictException',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      await createPermissionSet(ctx.clients, instanceArn, 'Twice');
      expect(await errorName(createPermissionSet(ctx.clients, instanceArn, 'Twice'))).toBe('ConflictException');
    },
  },
  {
    // The only way to clear a relay state (the model forbids an empty one); Terraform's
    // provider reports AWS clears it (hashicorp/terraform-provider-aws#17411).
    name: 'UpdatePermissionSet without a relay state clears it',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      const arn = await createPermissionSet(ctx.clients, instanceArn, 'Partial', {
        Description: 'old',
        SessionDuration: 'PT2H',
        RelayState: 'https://console.aws.amazon.com/',
      });
      await ctx.clients.sso.send(
        new UpdatePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, Description: 'new', SessionDuration: 'PT2H' }),
      );
      const set = (await ctx.clients.sso.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })))
        .PermissionSet;
      expect(set).toMatchObject({ Description: 'new' });
      expect(set?.RelayState ?? '').toBe('');
    },
  },
  {
    name: 'MaxResults 101 on ListPermissionSets is ValidationException',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      expect(await errorName(ctx.clients.sso.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn, MaxResults: 101 })))).toBe(
        'ValidationException',
      );
    },
  },
  {
    name: 'a managed policy ARN with a path (job-function/ViewOnlyAccess) attaches',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      const arn = await createPermissionSet(ctx.clients, instanceArn, 'Viewer');
      const policyArn = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
      await ctx.clients.sso.send(
        new AttachManagedPolicyToPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, ManagedPolicyArn: policyArn }),
      );
      const attached =
        (await ctx.clients.sso.send(new ListManagedPoliciesInPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })))
          .AttachedManagedPolicies ?? [];
      expect(attached.map((p) => p.Arn)).toEqual([policyArn]);
    },
  },
  {
    name: 'GetPermissionsBoundaryForPermissionSet on a set without a boundary is ResourceNotFoundException',
    async run(ctx) {
      const { instanceArn } = await identityCenter(ctx.clients);
      const arn = await createPermissionSet(ctx.clients, instanceArn, 'NoBoundary');
      expect(
        await errorName(
          ctx.clients.sso.send(new GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn })),
        ),
      ).toBe('ResourceNotFoundException');
    },
  },
  {
    name: 'CreateAccountAssignment ends SUCCEEDED and the assignment is listed',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      expect((await assign(ctx.clients, t))?.Status).toBe('SUCCEEDED');
      expect(await assignmentsOf(ctx.clients, t)).toEqual([
        { AccountId: t.accountId, PermissionSetArn: t.permissionSetArn, PrincipalType: 'GROUP', PrincipalId: t.principalId },
      ]);
    },
  },
  {
    name: 'a repeated CreateAccountAssignment leaves one assignment row',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await assign(ctx.clients, t);
      await assign(ctx.clients, t);
      expect(await assignmentsOf(ctx.clients, t)).toHaveLength(1);
    },
  },
  {
    name: 'an assignment provisions its permission set to the account',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await assign(ctx.clients, t);
      const sets = (
        await ctx.clients.sso.send(
          new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: t.instanceArn, AccountId: t.accountId }),
        )
      ).PermissionSets;
      expect(sets).toEqual([t.permissionSetArn]);
      const accounts = (
        await ctx.clients.sso.send(
          new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn: t.instanceArn, PermissionSetArn: t.permissionSetArn }),
        )
      ).AccountIds;
      expect(accounts).toEqual([t.accountId]);
    },
  },
  {
    name: 'DeleteAccountAssignment ends SUCCEEDED and the assignment is gone',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await assign(ctx.clients, t);
      const started = await ctx.clients.sso.send(
        new DeleteAccountAssignmentCommand({
          InstanceArn: t.instanceArn,
          PermissionSetArn: t.permissionSetArn,
          TargetType: 'AWS_ACCOUNT',
          TargetId: t.accountId,
          PrincipalType: t.principalType,
          PrincipalId: t.principalId,
        }),
      );
      expect((await deletionStatus(ctx.clients, t.instanceArn, started.AccountAssignmentDeletionStatus?.RequestId))?.Status).toBe(
        'SUCCEEDED',
      );
      expect(await assignmentsOf(ctx.clients, t)).toEqual([]);
    },
  },
  {
    name: 'deleting a permission set that still has assignments is ConflictException',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await assign(ctx.clients, t);
      expect(
        await errorName(
          ctx.clients.sso.send(new DeletePermissionSetCommand({ InstanceArn: t.instanceArn, PermissionSetArn: t.permissionSetArn })),
        ),
      ).toBe('ConflictException');
    },
  },
  {
    name: 'after a policy change the account is LATEST_PERMISSION_SET_NOT_PROVISIONED until ProvisionPermissionSet',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await assign(ctx.clients, t);
      await ctx.clients.sso.send(
        new AttachManagedPolicyToPermissionSetCommand({
          InstanceArn: t.instanceArn,
          PermissionSetArn: t.permissionSetArn,
          ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        }),
      );
      const stale = () =>
        ctx.clients.sso.send(
          new ListAccountsForProvisionedPermissionSetCommand({
            InstanceArn: t.instanceArn,
            PermissionSetArn: t.permissionSetArn,
            ProvisioningStatus: 'LATEST_PERMISSION_SET_NOT_PROVISIONED',
          }),
        );
      expect((await stale()).AccountIds).toEqual([t.accountId]);
      const started = await ctx.clients.sso.send(
        new ProvisionPermissionSetCommand({
          InstanceArn: t.instanceArn,
          PermissionSetArn: t.permissionSetArn,
          TargetType: 'ALL_PROVISIONED_ACCOUNTS',
        }),
      );
      expect((await provisioningStatus(ctx.clients, t.instanceArn, started.PermissionSetProvisioningStatus?.RequestId))?.Status).toBe(
        'SUCCEEDED',
      );
      expect((await stale()).AccountIds ?? []).toEqual([]);
    },
  },
  {
    name: 'an assignment whose customer managed policy is missing in the account ends FAILED with a FailureReason',
    async run(ctx) {
      const t = await assignable(ctx.clients);
      await ctx.backend.declarePolicies(t.accountId, [{ name: 'SomethingElse', path: '/' }]);
      await ctx.clients.sso.send(
        new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
          InstanceArn: t.instanceArn,
          PermissionSetArn: t.permissionSetArn,
          CustomerManagedPolicyReference: { Name: 'DenyBilling', Path: '/' },
        }),
      );
      const status = await assign(ctx.clients, t);
      expect(status?.Status).toBe('FAILED');
      expect(status?.FailureReason).toMatch(/DenyBilling/);
    },
  },
];
