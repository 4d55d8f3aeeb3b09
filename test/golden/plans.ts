// The plans behind the golden files, built through buildPlan from named live states
// so the golden files also pin the diff, order and safety behaviour end to end.
import { attributePlan } from '../../src/cli/attribute.js';
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
  aTrailEvent,
  aUser,
  anAccount,
  anAssignmentEntry,
  anExpiry,
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

/** Temporary access: at NOW (2025-06-01T12:00Z) a member and an assignment entry have
 *  expired and are removed, one member and one entry expire soon, one later (not listed). */
export function expiryPlan(): Plan {
  const users = [aUser({ userName: 'alice@example.com' }), aUser({ userName: 'bob@example.com' }), aUser({ userName: 'carol@example.com' })];
  const members = ['alice@example.com', 'bob@example.com', 'carol@example.com'];
  const live = liveStateOf({
    accounts: [prod, dev],
    users,
    groups: [aGroup({ name: 'Oncall', members })],
    permissionSets: [aPermissionSet()],
    assignments: [
      aTriple({ principalType: 'USER', principal: 'bob@example.com', accountId: prod.id }),
      aTriple({ principalType: 'USER', principal: 'carol@example.com', accountId: dev.id }),
    ],
  });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    groups: [
      aGroup({
        name: 'Oncall',
        members,
        expiringMembers: [
          { userName: 'bob@example.com', expiresAt: anExpiry('2025-05-31') },
          { userName: 'carol@example.com', expiresAt: anExpiry('2025-06-04T18:00:00+02:00') },
          { userName: 'alice@example.com', expiresAt: anExpiry('2025-12-31') },
        ],
      }),
    ],
    permissionSets: [aPermissionSet()],
    assignments: [
      anAssignmentEntry({ users: ['bob@example.com'], accounts: ['prod'], expiresAt: anExpiry('2025-06-01T12:00:00Z') }),
      anAssignmentEntry({ users: ['carol@example.com'], accounts: ['dev'], expiresAt: anExpiry('2025-06-01') }),
    ],
    settings: aSettings({ safety: { maxDeletePercent: 100, protect: [] } }),
  });
  return planOf(desired, live);
}

/** A drift plan with `--attribute`: an assignment made by another identity, a console edit
 *  of a permission set, a membership deleted (not attributable) and a change CloudTrail
 *  has no event for. */
export async function attributedPlan(): Promise<Plan> {
  const users = [aUser({ userName: 'alice@example.com' }), aUser({ userName: 'mallory@example.com' })];
  const readOnly = aPermissionSet({ name: 'ReadOnly', description: 'Read only' });
  const live = liveStateOf({
    accounts: [prod],
    users,
    groups: [aGroup({ name: 'Developers' })],
    permissionSets: [{ ...readOnly, description: 'edited in the console' }],
    assignments: [
      aTriple({ permissionSet: 'ReadOnly', principal: 'Developers', accountId: prod.id }),
      aTriple({ permissionSet: 'ReadOnly', principalType: 'USER', principal: 'mallory@example.com', accountId: prod.id }),
    ],
  });
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    groups: [aGroup({ name: 'Developers', members: ['alice@example.com'] })],
    permissionSets: [readOnly],
    assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], accounts: ['prod'] })],
  });
  const plan = planOf(desired, live);
  const id = (name: string) => live.users.find((u) => u.userName === name)?.id ?? '';
  const arn = live.permissionSets[0]?.arn ?? '';
  const events = new Map([
    [
      'CreateAccountAssignment',
      [
        aTrailEvent({
          eventId: 'e-1',
          time: '2025-05-30T09:15:00Z',
          requestParameters: { permissionSetArn: arn, targetId: prod.id, targetType: 'AWS_ACCOUNT', principalId: id('mallory@example.com') },
        }),
      ],
    ],
    [
      'UpdatePermissionSet',
      [
        aTrailEvent({
          eventId: 'e-2',
          eventName: 'UpdatePermissionSet',
          time: '2025-05-31T16:40:00Z',
          principalType: 'AssumedRole',
          principalArn: 'arn:aws:sts::000000000001:assumed-role/AWSReservedSSO_Admin_0123456789abcdef/bob@example.com',
          sessionName: 'bob@example.com',
          sourceIPAddress: 'sso.amazonaws.com',
          requestParameters: { permissionSetArn: arn, description: 'edited in the console' },
        }),
      ],
    ],
  ]);
  const history = { eventsNamed: (name: string) => Promise.resolve(events.get(name) ?? []), close: () => undefined };
  plan.attributions = await attributePlan(plan, live, history, {
    start: new Date('2025-03-03T12:00:00.000Z'),
    end: NOW,
  });
  return plan;
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

/** Applications: a customer managed one created with its assignments, a catalogue (SAML)
 *  one whose assignmentRequired is turned off and whose assignments change, and a customer
 *  managed one the files dropped (deleted with its assignments). */
export function applicationsPlan(): Plan {
  const users = [aUser({ userName: 'alice@example.com' }), aUser({ userName: 'bob@example.com' })];
  const groups = [aGroup({ name: 'Sales' })];
  const custom = 'arn:aws:sso::aws:applicationProvider/custom';
  const base = liveStateOf({ accounts: [prod], users, groups });
  const live = {
    ...base,
    applications: [
      {
        name: 'Salesforce',
        applicationArn: 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-1111111111111111',
        providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce',
        customerManaged: false,
        status: 'ENABLED' as const,
        assignmentRequired: true,
        users: ['user-bob@example.com'],
        groups: [],
      },
      {
        name: 'Old tool',
        applicationArn: 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-2222222222222222',
        providerArn: custom,
        customerManaged: true,
        status: 'ENABLED' as const,
        assignmentRequired: true,
        users: [],
        groups: ['group-Sales'],
      },
    ],
  };
  const desired = aDesiredState({
    files: ['identity.yaml'],
    users,
    groups,
    applications: [
      { name: 'Wiki', providerArn: custom, description: 'Team wiki', assignmentRequired: false, users: ['alice@example.com'], groups: [] },
      { name: 'Salesforce', assignmentRequired: false, users: [], groups: ['Sales'] },
    ],
  });
  return planOf(desired, live);
}
