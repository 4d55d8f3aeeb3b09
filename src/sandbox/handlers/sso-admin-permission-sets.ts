// sso-admin instances and permission sets: ListInstances, DescribeInstance, permission set
// create/describe/update/delete/list.
import { AwsError, conflict, validationError } from '../errors.js';
import type { Json } from '../input.js';
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import type { Instance, PermissionSet } from '../state/instance.js';
import {
  adminPage,
  callerInstance,
  callerSet,
  changeableSet,
  identityStoreArn,
  markNeedsProvisioning,
  permissionSetShape,
} from './sso-admin-common.js';
import { readTags } from './sso-admin-tags.js';

const NAME = { min: 1, max: 32, pattern: /^[\w+=,.@-]+$/ };
const DESCRIPTION = { min: 1, max: 700, pattern: /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/ };
const SESSION_DURATION = {
  min: 1,
  max: 100,
  pattern: /^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/,
};
const RELAY_STATE = { min: 1, max: 240, pattern: /^[a-zA-Z0-9&$@#\\/%?=~\-_'"|!:,.;*+[\] (){}]+$/ };
/** Identity Center's quota of permission sets per instance. */
const MAX_PERMISSION_SETS = 3500;

/** SessionDuration and RelayState/Description of a request, checked; SessionDuration between PT1H and PT12H. */
function basics(ctx: CallContext): { Description?: string; SessionDuration?: string; RelayState?: string } {
  const duration = ctx.input.optString('SessionDuration', SESSION_DURATION);
  if (duration !== undefined) {
    const seconds = durationSeconds(duration);
    if (seconds === undefined || seconds < 3600 || seconds > 43200) {
      throw validationError(`SessionDuration ${duration} is invalid: it must be between PT1H and PT12H`);
    }
  }
  const description = ctx.input.optString('Description', DESCRIPTION);
  const relayState = ctx.input.optString('RelayState', RELAY_STATE);
  return {
    ...(description === undefined ? {} : { Description: description }),
    ...(duration === undefined ? {} : { SessionDuration: duration }),
    ...(relayState === undefined ? {} : { RelayState: relayState }),
  };
}

/** Seconds of a time-only ISO-8601 duration (PT1H, PT90M, PT3600S); undefined for other forms. */
export function durationSeconds(duration: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!m || duration === 'PT') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

function instanceShape(instance: Instance): Json {
  return {
    InstanceArn: instance.arn,
    IdentityStoreId: instance.identityStoreId,
    IdentityStoreArn: identityStoreArn(instance),
    OwnerAccountId: instance.ownerAccountId,
    Name: `instance-${instance.ownerAccountId}`,
    CreatedDate: instance.createdAt,
    Status: 'ACTIVE',
    PrimaryRegion: instance.primaryRegion,
    Regions: [{ RegionName: instance.primaryRegion, Status: 'ACTIVE', AddedDate: instance.createdAt, IsPrimaryRegion: true }],
  };
}

function newPermissionSetArn(ctx: CallContext, instance: Instance): string {
  const instanceId = instance.arn.slice(instance.arn.lastIndexOf('/') + 1);
  return `arn:aws:sso:::permissionSet/${instanceId}/ps-${ctx.world.hex(16)}`;
}

export const ssoAdminPermissionSetOperations: OperationTable = {
  ListInstances: read((ctx) => {
    const page = adminPage(ctx, ctx.world.visibleInstances(ctx.caller), ctx.caller);
    return { Instances: page.items.map((i) => instanceShape(i)), NextToken: page.NextToken };
  }),
  DescribeInstance: read((ctx) => {
    const instance = callerInstance(ctx);
    return { ...instanceShape(instance), PermissionSetsEnabled: true };
  }),
  CreatePermissionSet: write((ctx) => {
    const instance = callerInstance(ctx);
    const name = ctx.input.string('Name', NAME);
    const fields = basics(ctx);
    const tags = readTags(ctx.input, 'Tags');
    if (instance.permissionSets.size >= MAX_PERMISSION_SETS) {
      throw new AwsError('ServiceQuotaExceededException', `The instance already has the maximum of ${MAX_PERMISSION_SETS} permission sets`);
    }
    const set: PermissionSet = {
      PermissionSetArn: newPermissionSetArn(ctx, instance),
      Name: name,
      ...fields,
      SessionDuration: fields.SessionDuration ?? 'PT1H',
      CreatedDate: ctx.world.nowSeconds(),
      tags: new Map(tags.map((t) => [t.Key, t.Value])),
      managedPolicies: new Map(),
      customerManagedPolicies: new Map(),
      version: 1,
    };
    instance.addPermissionSet(set);
    return { PermissionSet: permissionSetShape(set) };
  }),
  DescribePermissionSet: read((ctx) => ({ PermissionSet: permissionSetShape(callerSet(ctx).set) })),
  /**
   * A Description or RelayState left out is cleared. The API reference does not say what
   * an omitted member does; the model forbids an empty value (length at least 1), so
   * leaving it out is the only way to clear one, and Terraform's AWS provider reports
   * that AWS clears an omitted RelayState (hashicorp/terraform-provider-aws#17411).
   * An omitted SessionDuration keeps its value (no evidence either way). A new relay state
   * or session duration reaches an account only when the set is provisioned again (user
   * guide, "Set relay state" and "Set session duration": choose Reprovision).
   */
  UpdatePermissionSet: write((ctx) => {
    const { set } = changeableSet(ctx);
    const fields = basics(ctx);
    const sessionChanged = fields.SessionDuration !== undefined && fields.SessionDuration !== set.SessionDuration;
    if (sessionChanged || fields.RelayState !== set.RelayState) markNeedsProvisioning(set);
    delete set.Description;
    delete set.RelayState;
    Object.assign(set, fields);
    return {};
  }),
  DeletePermissionSet: write((ctx) => {
    const { instance, set } = changeableSet(ctx);
    const assignments = instance.countAssignments(set.PermissionSetArn);
    if (assignments > 0) {
      throw conflict(
        `PermissionSet ${set.Name} still has ${assignments} account assignment(s); delete them before deleting the permission set`,
      );
    }
    instance.deletePermissionSet(set.PermissionSetArn);
    return {};
  }),
  ListPermissionSets: read((ctx) => {
    const instance = callerInstance(ctx);
    const page = adminPage(ctx, instance.permissionSets.keys(), instance.arn);
    return { PermissionSets: page.items, NextToken: page.NextToken };
  }),
};
