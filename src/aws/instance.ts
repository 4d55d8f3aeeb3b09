// Which Identity Center instance, in which region, and which accounts are involved.
import { DescribeOrganizationCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { paginateListInstances, type InstanceMetadata, type SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { plural } from '../model/plural.js';
import { AwsSetupError, awsCall } from './errors.js';
import { collectPages, paginatorConfig } from './pagination.js';

export interface InstanceInfo {
  instanceArn: string;
  identityStoreId: string;
  /** The account that owns the instance (ListInstances OwnerAccountId), when AWS says. */
  ownerAccountId?: string;
  /** Where sso-admin must be called (ListInstances PrimaryRegion), when AWS says. */
  primaryRegion?: string;
}

/** `instanceArn` when given (it must be listed), otherwise the one instance; a clear error for none or several. */
export async function resolveInstance(ssoAdmin: SSOAdminClient, instanceArn: string | undefined): Promise<InstanceInfo> {
  const instances = await collectPages(
    'sso-admin',
    'ListInstances',
    paginateListInstances(paginatorConfig(ssoAdmin), {}),
    (p) => p.Instances,
  );
  const region = await ssoAdmin.config.region();
  if (instanceArn !== undefined) {
    const match = instances.find((i) => i.InstanceArn === instanceArn);
    if (!match) {
      throw new AwsSetupError(
        `instance ${instanceArn} is not among the ${plural(instances.length, 'Identity Center instance')} visible in ${region}: ${listArns(instances)}`,
      );
    }
    return toInfo(match);
  }
  if (instances.length === 0) {
    throw new AwsSetupError(
      `no IAM Identity Center instance is visible in region ${region}: enable Identity Center, or pass --region with the instance's region`,
    );
  }
  if (instances.length > 1) {
    throw new AwsSetupError(
      `${instances.length} Identity Center instances are visible in ${region}; choose one with --instance-arn: ${listArns(instances)}`,
    );
  }
  return toInfo(instances[0] as InstanceMetadata);
}

function listArns(instances: InstanceMetadata[]): string {
  return instances.map((i) => i.InstanceArn ?? '?').join(', ') || '(none)';
}

function toInfo(i: InstanceMetadata): InstanceInfo {
  if (!i.InstanceArn || !i.IdentityStoreId)
    throw new AwsSetupError(`ListInstances returned an instance without InstanceArn or IdentityStoreId`);
  return {
    instanceArn: i.InstanceArn,
    identityStoreId: i.IdentityStoreId,
    ...(i.OwnerAccountId ? { ownerAccountId: i.OwnerAccountId } : {}),
    ...(i.PrimaryRegion ? { primaryRegion: i.PrimaryRegion } : {}),
  };
}

/** The organization's management account (DescribeOrganization MasterAccountId). */
export async function readManagementAccountId(organizations: OrganizationsClient): Promise<string> {
  const out = await awsCall('organizations', 'DescribeOrganization', () => organizations.send(new DescribeOrganizationCommand({})));
  const id = out.Organization?.MasterAccountId;
  if (!id) throw new AwsSetupError('organizations DescribeOrganization returned no MasterAccountId');
  return id;
}

/**
 * The caller's account id (STS GetCallerIdentity, which needs no IAM permission). It
 * decides whether the tool runs as the management account or as a delegated
 * administrator, which AWS restricts; neither the credentials (env credentials carry no
 * account) nor ListInstances (OwnerAccountId is the instance owner, not the caller) can
 * tell reliably.
 */
export async function readCallerAccountId(sts: STSClient): Promise<string> {
  const out = await awsCall('sts', 'GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})));
  if (!out.Account) throw new AwsSetupError('sts GetCallerIdentity returned no Account');
  return out.Account;
}
