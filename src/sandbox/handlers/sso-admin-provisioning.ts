// Provisioning permission sets to accounts, and the per-account provisioning status:
// an account holding an older version of a set shows LATEST_PERMISSION_SET_NOT_PROVISIONED.
import { validationError } from '../errors.js';
import { read, write, type OperationTable } from '../router-types.js';
import type { Instance } from '../state/instance.js';
import { provisionToAccount, startRequest, statusPage } from './sso-admin-async.js';
import {
  ACCOUNT_ID,
  PROVISIONING_STATUS,
  REQUEST_ID,
  adminPage,
  callerInstance,
  callerSet,
  changeableSet,
  requireManageableAccount,
  where,
} from './sso-admin-common.js';

type ProvisioningStatus = (typeof PROVISIONING_STATUS)[number];

function provisioningStatus(instance: Instance, permissionSetArn: string, accountId: string): ProvisioningStatus {
  const current = instance.permissionSets.get(permissionSetArn)?.version;
  return instance.provisionedVersion(permissionSetArn, accountId) === current
    ? 'LATEST_PERMISSION_SET_PROVISIONED'
    : 'LATEST_PERMISSION_SET_NOT_PROVISIONED';
}

export const ssoAdminProvisioningOperations: OperationTable = {
  ProvisionPermissionSet: write((ctx) => {
    const { instance, set } = changeableSet(ctx);
    const targetType = ctx.input.string('TargetType', { oneOf: ['AWS_ACCOUNT', 'ALL_PROVISIONED_ACCOUNTS'] });
    const targetId = ctx.input.optString('TargetId', ACCOUNT_ID);
    const arn = set.PermissionSetArn;
    if (targetType === 'AWS_ACCOUNT') {
      if (targetId === undefined) throw validationError('TargetId is required when TargetType is AWS_ACCOUNT');
      requireManageableAccount(ctx, instance, targetId);
      const status = startRequest(ctx, instance, 'provision', { AccountId: targetId, PermissionSetArn: arn }, () =>
        provisionToAccount(ctx.world, instance, arn, targetId),
      );
      return { PermissionSetProvisioningStatus: status };
    }
    if (targetId !== undefined) throw validationError('TargetId must not be given when TargetType is ALL_PROVISIONED_ACCOUNTS');
    const status = startRequest(ctx, instance, 'provision', { PermissionSetArn: arn }, () => {
      const accounts = [...instance.provisionedAccounts(arn)].map(([accountId]) => accountId);
      const failures = accounts.map((accountId) => provisionToAccount(ctx.world, instance, arn, accountId)).filter((f) => f !== undefined);
      return failures[0];
    });
    return { PermissionSetProvisioningStatus: status };
  }),
  DescribePermissionSetProvisioningStatus: read((ctx) => {
    const instance = callerInstance(ctx);
    const request = instance.request('provision', ctx.input.string('ProvisionPermissionSetRequestId', REQUEST_ID));
    return { PermissionSetProvisioningStatus: { ...request.status } };
  }),
  ListPermissionSetProvisioningStatus: read((ctx) => {
    const page = statusPage(ctx, callerInstance(ctx), 'provision');
    return { PermissionSetsProvisioningStatus: page.items, NextToken: page.NextToken };
  }),
  ListAccountsForProvisionedPermissionSet: read((ctx) => {
    const { instance, set } = callerSet(ctx);
    const wanted = ctx.input.optString('ProvisioningStatus', { oneOf: PROVISIONING_STATUS });
    const arn = set.PermissionSetArn;
    const accounts = where(
      instance.provisionedAccounts(arn),
      wanted === undefined ? undefined : ([accountId]) => provisioningStatus(instance, arn, accountId) === wanted,
    );
    const page = adminPage(ctx, accounts, `${arn}:${wanted ?? '*'}`);
    return { AccountIds: page.items.map(([accountId]) => accountId), NextToken: page.NextToken };
  }),
  ListPermissionSetsProvisionedToAccount: read((ctx) => {
    const instance = callerInstance(ctx);
    const accountId = ctx.input.string('AccountId', ACCOUNT_ID);
    const wanted = ctx.input.optString('ProvisioningStatus', { oneOf: PROVISIONING_STATUS });
    const sets = where(
      instance.setsProvisionedTo(accountId),
      wanted === undefined ? undefined : (arn) => provisioningStatus(instance, arn, accountId) === wanted,
    );
    const page = adminPage(ctx, sets, `${accountId}:${wanted ?? '*'}`);
    return { PermissionSets: page.items, NextToken: page.NextToken };
  }),
};
