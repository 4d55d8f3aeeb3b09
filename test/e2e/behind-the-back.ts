// Changes made to a live instance behind the tool's back, with the plain SDK, as a person
// in the console would: the drift and stale-plan scenarios need them.
import {
  CreateGroupCommand,
  DeleteGroupMembershipCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  IdentitystoreClient,
  ListGroupMembershipsCommand,
} from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  DescribePermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { SdkConfig } from './backends.js';

export class ConsoleUser {
  private readonly sso: SSOAdminClient;
  private readonly ids: IdentitystoreClient;
  private instance?: { arn: string; storeId: string };

  constructor(config: SdkConfig) {
    this.sso = new SSOAdminClient(config);
    this.ids = new IdentitystoreClient(config);
  }

  close(): void {
    this.sso.destroy();
    this.ids.destroy();
  }

  private async inst(): Promise<{ arn: string; storeId: string }> {
    if (!this.instance) {
      const first = (await this.sso.send(new ListInstancesCommand({}))).Instances?.[0];
      if (!first?.InstanceArn || !first.IdentityStoreId) throw new Error('no Identity Center instance');
      this.instance = { arn: first.InstanceArn, storeId: first.IdentityStoreId };
    }
    return this.instance;
  }

  async userId(userName: string): Promise<string> {
    const { storeId } = await this.inst();
    const out = await this.ids.send(
      new GetUserIdCommand({
        IdentityStoreId: storeId,
        AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: userName } },
      }),
    );
    return out.UserId ?? '';
  }

  async groupId(name: string): Promise<string> {
    const { storeId } = await this.inst();
    const out = await this.ids.send(
      new GetGroupIdCommand({
        IdentityStoreId: storeId,
        AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: name } },
      }),
    );
    return out.GroupId ?? '';
  }

  async createGroup(name: string): Promise<void> {
    const { storeId } = await this.inst();
    await this.ids.send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: name }));
  }

  /** Removes a user from a group (found by listing: moto lacks GetGroupMembershipId). */
  async removeMember(group: string, userName: string): Promise<void> {
    const { storeId } = await this.inst();
    const [groupId, userId] = await Promise.all([this.groupId(group), this.userId(userName)]);
    const listed = await this.ids.send(new ListGroupMembershipsCommand({ IdentityStoreId: storeId, GroupId: groupId }));
    const membership = listed.GroupMemberships?.find((m) => m.MemberId?.UserId === userId);
    const membershipId =
      membership?.MembershipId ??
      (await this.ids.send(new GetGroupMembershipIdCommand({ IdentityStoreId: storeId, GroupId: groupId, MemberId: { UserId: userId } })))
        .MembershipId;
    await this.ids.send(new DeleteGroupMembershipCommand({ IdentityStoreId: storeId, MembershipId: membershipId }));
  }

  async permissionSetArn(name: string): Promise<string> {
    const { arn } = await this.inst();
    const listed = await this.sso.send(new ListPermissionSetsCommand({ InstanceArn: arn }));
    for (const psArn of listed.PermissionSets ?? []) {
      const d = await this.sso.send(new DescribePermissionSetCommand({ InstanceArn: arn, PermissionSetArn: psArn }));
      if (d.PermissionSet?.Name === name) return psArn;
    }
    throw new Error(`permission set ${name} not found`);
  }

  async assignUser(permissionSet: string, userName: string, accountId: string): Promise<void> {
    const { arn } = await this.inst();
    await this.sso.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: arn,
        PermissionSetArn: await this.permissionSetArn(permissionSet),
        PrincipalType: 'USER',
        PrincipalId: await this.userId(userName),
        TargetType: 'AWS_ACCOUNT',
        TargetId: accountId,
      }),
    );
  }
}
