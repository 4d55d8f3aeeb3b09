// Application assignments and the assignment configuration (sso-admin model 2020-07-20):
// synchronous, unlike account assignments. AssignmentRequired defaults to true (the
// model's documentation of PutApplicationAssignmentConfiguration).
import { notFound } from '../errors.js';
import type { Json } from '../input.js';
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import { principalKey, type ApplicationPrincipal } from '../state/applications.js';
import type { Instance } from '../state/instance.js';
import { APPLICATION_ARN, callerApplication, type ApplicationCall } from './sso-admin-applications.js';
import { PRINCIPAL_ID, PRINCIPAL_TYPE, adminPage, callerInstance, where } from './sso-admin-common.js';

interface AssignmentCall extends ApplicationCall {
  principal: ApplicationPrincipal;
}

function principalOf(ctx: CallContext): ApplicationPrincipal {
  return {
    PrincipalType: ctx.input.string('PrincipalType', PRINCIPAL_TYPE) as ApplicationPrincipal['PrincipalType'],
    PrincipalId: ctx.input.string('PrincipalId', PRINCIPAL_ID),
  };
}

function assignmentCall(ctx: CallContext): AssignmentCall {
  return { ...callerApplication(ctx), principal: principalOf(ctx) };
}

/** A user or group the instance's identity store does not hold cannot be assigned: ResourceNotFoundException. */
function requirePrincipal(ctx: CallContext, instance: Instance, p: ApplicationPrincipal): void {
  const store = ctx.world.stores.get(instance.identityStoreId);
  const exists = p.PrincipalType === 'USER' ? store?.users.has(p.PrincipalId) : store?.groups.has(p.PrincipalId);
  if (!exists)
    throw notFound(`The ${p.PrincipalType} principal ${p.PrincipalId} does not exist in identity store ${instance.identityStoreId}`);
}

function row(applicationArn: string, p: ApplicationPrincipal): Json {
  return { ApplicationArn: applicationArn, PrincipalType: p.PrincipalType, PrincipalId: p.PrincipalId };
}

export const ssoAdminApplicationAssignmentOperations: OperationTable = {
  /** A repeated create leaves one assignment and succeeds, like account assignments. */
  CreateApplicationAssignment: write((ctx) => {
    const { instance, app, principal } = assignmentCall(ctx);
    requirePrincipal(ctx, instance, principal);
    const key = principalKey(principal);
    if (!app.assignments.has(key)) app.assignments.set(key, { ...principal });
    return {};
  }),
  /** Marked idempotent in the model: deleting an assignment that is not there succeeds. */
  DeleteApplicationAssignment: write((ctx) => {
    const { app, principal } = assignmentCall(ctx);
    app.assignments.delete(principalKey(principal));
    return {};
  }),
  DescribeApplicationAssignment: read((ctx) => {
    const { app, principal } = assignmentCall(ctx);
    const assignment = app.assignments.get(principalKey(principal));
    if (!assignment)
      throw notFound(`Could not find an assignment of ${principal.PrincipalType} ${principal.PrincipalId} to application ${app.Name}`);
    return row(app.ApplicationArn, assignment);
  }),
  ListApplicationAssignments: read((ctx) => {
    const { app } = callerApplication(ctx);
    const page = adminPage(ctx, app.assignments.values(), app.ApplicationArn);
    return { ApplicationAssignments: page.items.map((p) => row(app.ApplicationArn, p)), NextToken: page.NextToken };
  }),
  ListApplicationAssignmentsForPrincipal: read((ctx) => {
    const instance = callerInstance(ctx);
    const principal = principalOf(ctx);
    const applicationArn = ctx.input.optObject('Filter')?.optString('ApplicationArn', APPLICATION_ARN);
    const rows = where(
      instance.applications.assignmentsOf(principal),
      applicationArn === undefined ? undefined : (r) => r.app.ApplicationArn === applicationArn,
    );
    const page = adminPage(ctx, rows, `${principalKey(principal)}:${applicationArn ?? '*'}`);
    return { ApplicationAssignments: page.items.map((r) => row(r.app.ApplicationArn, r.assignment)), NextToken: page.NextToken };
  }),
  GetApplicationAssignmentConfiguration: read((ctx) => ({ AssignmentRequired: callerApplication(ctx).app.assignmentRequired })),
  PutApplicationAssignmentConfiguration: write((ctx) => {
    const { app } = callerApplication(ctx);
    app.assignmentRequired = ctx.input.bool('AssignmentRequired');
    return {};
  }),
};
