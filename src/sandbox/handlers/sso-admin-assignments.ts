// Account assignments: asynchronous create (idempotent, provisions the set to the account)
// and delete, their status calls, and the two listings (by target, by principal).
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import type { Assignment, Instance } from '../state/instance.js';
import { provisionToAccount, startRequest, statusPage } from './sso-admin-async.js';
import {
  ACCOUNT_ID,
  PERMISSION_SET_ARN,
  PRINCIPAL_ID,
  PRINCIPAL_TYPE,
  REQUEST_ID,
  adminPage,
  callerInstance,
  callerSet,
  requireManageableAccount,
  where,
} from './sso-admin-common.js';

interface AssignmentCall {
  instance: Instance;
  assignment: Assignment;
}

/** The members Create/DeleteAccountAssignment share, checked; the permission set must exist now. */
function assignmentRequest(ctx: CallContext): AssignmentCall {
  const instance = callerInstance(ctx);
  const accountId = ctx.input.string('TargetId', ACCOUNT_ID);
  ctx.input.string('TargetType', { oneOf: ['AWS_ACCOUNT'] });
  const permissionSetArn = instance.permissionSet(ctx.input.string('PermissionSetArn', PERMISSION_SET_ARN)).PermissionSetArn;
  const principalType = ctx.input.string('PrincipalType', PRINCIPAL_TYPE) as Assignment['PrincipalType'];
  const principalId = ctx.input.string('PrincipalId', PRINCIPAL_ID);
  requireManageableAccount(ctx, instance, accountId);
  return {
    instance,
    assignment: { AccountId: accountId, PermissionSetArn: permissionSetArn, PrincipalType: principalType, PrincipalId: principalId },
  };
}

/** The status members of an assignment request: the assignment, in the API's names. */
function statusMembers(a: Assignment): Record<string, string> {
  return {
    TargetId: a.AccountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: a.PermissionSetArn,
    PrincipalType: a.PrincipalType,
    PrincipalId: a.PrincipalId,
  };
}

function principalMissing(ctx: CallContext, instance: Instance, a: Assignment): string | undefined {
  const store = ctx.world.stores.get(instance.identityStoreId);
  const exists = a.PrincipalType === 'USER' ? store?.users.has(a.PrincipalId) : store?.groups.has(a.PrincipalId);
  return exists
    ? undefined
    : `The ${a.PrincipalType} principal ${a.PrincipalId} does not exist in identity store ${instance.identityStoreId}`;
}

/** Completes a creation: provisions the set to the account if it is not there yet, then adds the row once. */
function completeCreation(ctx: CallContext, instance: Instance, a: Assignment): string | undefined {
  const failure =
    principalMissing(ctx, instance, a) ??
    (instance.isProvisionedTo(a.PermissionSetArn, a.AccountId)
      ? undefined
      : provisionToAccount(ctx.world, instance, a.PermissionSetArn, a.AccountId));
  if (failure === undefined) instance.addAssignment(a);
  return failure;
}

/** Completes a deletion; the set's role leaves the account with its last assignment there. */
function completeDeletion(instance: Instance, a: Assignment): undefined {
  instance.removeAssignment(a);
  const remaining = instance.assignmentsOf(a.AccountId, a.PermissionSetArn)[Symbol.iterator]().next();
  if (remaining.done) instance.unmarkProvisioned(a.PermissionSetArn, a.AccountId);
  return undefined;
}

function assignmentRow(a: Assignment): Assignment {
  return { AccountId: a.AccountId, PermissionSetArn: a.PermissionSetArn, PrincipalType: a.PrincipalType, PrincipalId: a.PrincipalId };
}

export const ssoAdminAssignmentOperations: OperationTable = {
  CreateAccountAssignment: write((ctx) => {
    const { instance, assignment } = assignmentRequest(ctx);
    const status = startRequest(ctx, instance, 'assignment-create', statusMembers(assignment), () =>
      completeCreation(ctx, instance, assignment),
    );
    return { AccountAssignmentCreationStatus: status };
  }),
  DeleteAccountAssignment: write((ctx) => {
    const { instance, assignment } = assignmentRequest(ctx);
    const status = startRequest(ctx, instance, 'assignment-delete', statusMembers(assignment), () =>
      completeDeletion(instance, assignment),
    );
    return { AccountAssignmentDeletionStatus: status };
  }),
  DescribeAccountAssignmentCreationStatus: read((ctx) => {
    const request = callerInstance(ctx).request('assignment-create', ctx.input.string('AccountAssignmentCreationRequestId', REQUEST_ID));
    return { AccountAssignmentCreationStatus: { ...request.status } };
  }),
  DescribeAccountAssignmentDeletionStatus: read((ctx) => {
    const request = callerInstance(ctx).request('assignment-delete', ctx.input.string('AccountAssignmentDeletionRequestId', REQUEST_ID));
    return { AccountAssignmentDeletionStatus: { ...request.status } };
  }),
  ListAccountAssignmentCreationStatus: read((ctx) => {
    const page = statusPage(ctx, callerInstance(ctx), 'assignment-create');
    return { AccountAssignmentsCreationStatus: page.items, NextToken: page.NextToken };
  }),
  ListAccountAssignmentDeletionStatus: read((ctx) => {
    const page = statusPage(ctx, callerInstance(ctx), 'assignment-delete');
    return { AccountAssignmentsDeletionStatus: page.items, NextToken: page.NextToken };
  }),
  ListAccountAssignments: read((ctx) => {
    const { instance, set } = callerSet(ctx);
    const accountId = ctx.input.string('AccountId', ACCOUNT_ID);
    const page = adminPage(ctx, instance.assignmentsOf(accountId, set.PermissionSetArn), `${accountId}|${set.PermissionSetArn}`);
    return { AccountAssignments: page.items.map(assignmentRow), NextToken: page.NextToken };
  }),
  ListAccountAssignmentsForPrincipal: read((ctx) => {
    const instance = callerInstance(ctx);
    const principalType = ctx.input.string('PrincipalType', PRINCIPAL_TYPE);
    const principalId = ctx.input.string('PrincipalId', PRINCIPAL_ID);
    const accountId = ctx.input.optObject('Filter')?.optString('AccountId', ACCOUNT_ID);
    const rows = where(
      instance.assignmentsOfPrincipal(principalType, principalId),
      accountId === undefined ? undefined : (a) => a.AccountId === accountId,
    );
    const page = adminPage(ctx, rows, `${principalType}#${principalId}:${accountId ?? '*'}`);
    return { AccountAssignments: page.items.map(assignmentRow), NextToken: page.NextToken };
  }),
};
