// The plans behind the golden files, built through buildPlan from named live states
// so the golden files also pin the diff, order and safety behaviour end to end.
import { buildPlan } from '../../src/plan/build.js';
import type { Plan } from '../../src/plan/types.js';
import type { DesiredState } from '../../src/model/types.js';
import type { LiveState } from '../../src/model/live.js';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aSettings,
  aTriple,
  aUser,
  anAccount,
  anAssignmentEntry,
  liveStateOf,
} from '../../src/testing/builders.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });

function planOf(desired: DesiredState, live: LiveState): Plan {
  const { plan, diagnostics } = buildPlan(desired, live, { allowDeletes: false, now: NOW });
  if (!plan) throw new Error(`fixture does not plan: ${diagnostics.map((d) => d.message).join('; ')}`);
  return plan;
}

const readOnlyPolicy = (effect: string, actions: string[]) => ({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
    { Sid: 'Billing', Effect: effect, Action: actions, Resource: '*' },
  ],
});

/** Every kind and action (a group renamed by previousNames, a deleted group taking its
 *  membership with it), a policy line diff, a refusal and warnings. */
export function everyKindPlan(): Plan {
  const live = liveStateOf({
    accounts: [prod, dev],
    users: [aUser({ userName: 'alice@example.com', title: 'Engineer' }), aUser({ userName: 'carol@example.com' }), aUser({ userName: 'dave@example.com' }), aUser({ userName: 'erin@example.com' })],
    groups: [
      aGroup({ name: 'Developers', members: ['carol@example.com'] }),
      aGroup({ name: 'Legacy', description: 'old team', members: ['erin@example.com'] }),
      aGroup({ name: 'Support', members: ['dave@example.com'] }),
    ],
    permissionSets: [
      aPermissionSet({ name: 'ReadOnly', description: 'Read only', inlinePolicy: readOnlyPolicy('Deny', ['aws-portal:*']) }),
      aPermissionSet({ name: 'Billing', managedPolicies: ['arn:aws:iam::aws:policy/job-function/Billing'] }),
      aPermissionSet({ name: 'Retired' }),
    ],
    assignments: [
      aTriple({ permissionSet: 'ReadOnly', principal: 'Developers', accountId: prod.id }),
      aTriple({ permissionSet: 'Retired', principalType: 'USER', principal: 'carol@example.com', accountId: dev.id }),
    ],
    staleProvisioning: { Billing: [dev.id] },
  });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users: [
      aUser({ userName: 'alice@example.com', title: 'Staff Engineer' }),
      aUser({ userName: 'bob@example.com', email: 'bob@example.com' }),
      aUser({ userName: 'dave@example.com' }),
      aUser({ userName: 'erin@example.com' }),
    ],
    groups: [
      aGroup({ name: 'Developers', members: ['alice@example.com', 'bob@example.com'] }),
      aGroup({ name: 'Platform', description: 'Runs the platform' }),
      aGroup({ name: 'AWSControlTowerAdmins' }),
      aGroup({ name: 'Customer Support', members: ['dave@example.com'], previousNames: ['Support'] }),
    ],
    permissionSets: [
      aPermissionSet({
        name: 'ReadOnly',
        description: 'Read only',
        sessionDuration: 'PT4H',
        tags: { team: 'platform' },
        inlinePolicy: readOnlyPolicy('Deny', ['aws-portal:*', 'account:*']),
      }),
      aPermissionSet({ name: 'Billing', managedPolicies: ['arn:aws:iam::aws:policy/job-function/Billing'] }),
      aPermissionSet({
        name: 'Admin',
        description: 'Full access',
        sessionDuration: 'PT8H',
        managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        customerManagedPolicies: [{ name: 'DenyBilling', path: '/' }],
        permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      }),
    ],
    assignments: [
      anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], accounts: ['prod', 'dev'] }),
      anAssignmentEntry({ permissionSet: 'Admin', groups: ['Platform'], accounts: ['prod'] }),
    ],
    settings: aSettings({ ignore: { groups: ['AWSControlTower*'] } }),
  });
  return planOf(desired, live);
}

/** Live matches the files exactly. */
export function noChangePlan(): Plan {
  const users = [aUser({ userName: 'alice@example.com' })];
  const groups = [aGroup({ members: ['alice@example.com'] })];
  const permissionSets = [aPermissionSet()];
  const live = liveStateOf({ accounts: [prod], users, groups, permissionSets, assignments: [aTriple({ accountId: prod.id })] });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    groups,
    permissionSets,
    assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['prod'] })],
  });
  return planOf(desired, live);
}

/** Seen from a delegated administrator: the management account's own access is out of
 *  scope (notes), a console change to a set provisioned there is refused alone, and an
 *  unrelated change goes ahead. */
export function delegatedAdministratorPlan(): Plan {
  const management = anAccount({ id: '333333333333', name: 'Management' });
  const groups = [aGroup({ name: 'Developers' })];
  const billing = aPermissionSet({ name: 'Billing', description: 'billing' });
  const live = liveStateOf({
    accounts: [management, prod],
    callerAccountId: prod.id,
    managementAccountId: management.id,
    groups,
    permissionSets: [aPermissionSet(), { ...billing, description: 'changed in the console' }, aPermissionSet({ name: 'RootOnly' })],
    assignments: [
      aTriple({ accountId: prod.id }),
      aTriple({ permissionSet: 'Billing', accountId: management.id }),
      aTriple({ permissionSet: 'RootOnly', accountId: management.id }),
    ],
  });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users: [aUser({ userName: 'new@example.com' })],
    groups,
    permissionSets: [aPermissionSet(), billing],
    assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['prod'] })],
  });
  return planOf(desired, live);
}

/** Far more changes than a PR comment can hold. */
export function hugePlan(): Plan {
  const users = Array.from({ length: 1500 }, (_, i) => aUser({ userName: `user${String(i).padStart(4, '0')}@example.com` }));
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    groups: [aGroup({ members: users.map((u) => u.userName) })],
    permissionSets: [aPermissionSet()],
    assignments: [anAssignmentEntry({ users: users.map((u) => u.userName), accounts: ['prod'] })],
  });
  return planOf(desired, liveStateOf({ accounts: [prod] }));
}

/** Attributes for access control: a key added, one whose source changed and one removed,
 *  beside an unchanged user (the plan shows one change per key). */
export function accessControlAttributesPlan(): Plan {
  const users = [aUser({ userName: 'alice@example.com' })];
  const live = {
    ...liveStateOf({ accounts: [prod], users }),
    accessControlAttributes: [
      { key: 'Team', source: ['${path:enterprise.department}'] },
      { key: 'Legacy', source: ['${path:title}'] },
      { key: 'Kept', source: ['${path:locale}'] },
    ],
  };
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    instance: {
      accessControlAttributes: [
        { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] },
        { key: 'Kept', source: ['${path:locale}'] },
        { key: 'Team', source: ['${path:enterprise.division}'] },
      ],
    },
  });
  return planOf(desired, live);
}
