import { describe, expect, it } from 'vitest';
import {
  MANAGEMENT_ACCOUNT_ID,
  aDesiredState,
  aGroup,
  aPermissionSet,
  aTriple,
  aUser,
  anAccount,
  anAssignmentEntry,
  liveStateOf,
} from '../testing/builders.js';
import { buildPlan } from './build.js';
import { refusedChanges, wholePlanRefusals } from './types.js';

const mgmt = anAccount({ id: MANAGEMENT_ACCOUNT_ID, name: 'management' });
const member = anAccount({ id: '222222222222', name: 'member' });
const delegated = { callerAccountId: member.id, accounts: [mgmt, member] };
const devs = aGroup({ name: 'Developers' });
const readOnly = aPermissionSet({ name: 'ReadOnly' });
const onMgmt = aTriple({ permissionSet: 'ReadOnly', accountId: mgmt.id });
const onMember = aTriple({ permissionSet: 'ReadOnly', accountId: member.id });
const files = { files: ['identity.yaml'], groups: [devs], permissionSets: [readOnly] };

describe('the management account seen from a delegated administrator', () => {
  it('leaves live management-account assignments the files do not list out of the plan, with one note', () => {
    const live = liveStateOf({ ...delegated, groups: [devs], permissionSets: [readOnly], assignments: [onMgmt, onMember] });
    const desired = aDesiredState({ ...files, assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['member'] })] });
    const { plan } = buildPlan(desired, live, { allowDeletes: false });
    expect(plan?.changes).toEqual([]);
    expect(plan?.refused).toEqual([]);
    expect(plan?.notes).toEqual([
      `1 assignment on the management account is managed from the management account (${mgmt.id}); not compared`,
    ]);
  });

  it('deletes the same assignments when the caller is the management account', () => {
    const live = liveStateOf({ accounts: [mgmt, member], groups: [devs], permissionSets: [readOnly], assignments: [onMgmt, onMember] });
    const desired = aDesiredState({ ...files, assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['member'] })] });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['assignment delete']);
    expect(plan?.notes).toBeUndefined();
  });

  it('leaves a set provisioned to the management account and absent from the files undeleted, with a note', () => {
    const mgmtOnly = aPermissionSet({ name: 'Billing' });
    const live = liveStateOf({
      ...delegated,
      groups: [devs],
      permissionSets: [readOnly, mgmtOnly],
      assignments: [aTriple({ permissionSet: 'Billing', accountId: mgmt.id })],
    });
    const { plan } = buildPlan(aDesiredState(files), live, { allowDeletes: true });
    expect(plan?.changes).toEqual([]);
    expect(plan?.notes).toEqual([
      `1 assignment on the management account is managed from the management account (${mgmt.id}); not compared`,
      `1 permission set provisioned to the management account and not in the state files is managed from the management account (${mgmt.id}); not compared`,
    ]);
  });

  it('refuses a changed set provisioned there alone, and leaves an unrelated change to apply', () => {
    const changed = aPermissionSet({ name: 'ReadOnly', description: 'changed in the console' });
    const live = liveStateOf({ ...delegated, groups: [devs], permissionSets: [changed], assignments: [onMgmt] });
    const desired = aDesiredState({
      ...files,
      users: [aUser({ userName: 'new@example.com' })],
      assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: [mgmt.id] })],
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: false });
    if (plan === undefined) throw new Error('no plan');
    expect(plan.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['user create', 'permissionSet update']);
    expect(wholePlanRefusals(plan)).toEqual([]);
    expect(refusedChanges(plan).map(({ change }) => `${change.kind} ${change.action}`)).toEqual(['permissionSet update']);
  });

  it('refuses alone an assignment on the management account that the files ask for', () => {
    const live = liveStateOf({ ...delegated, groups: [devs], permissionSets: [readOnly] });
    const desired = aDesiredState({
      ...files,
      assignments: [anAssignmentEntry({ groups: ['Developers'], accounts: ['management', 'member'] })],
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: false });
    if (plan === undefined) throw new Error('no plan');
    expect(plan.changes).toHaveLength(2);
    expect(refusedChanges(plan).map(({ change }) => change.kind === 'assignment' && change.accountId)).toEqual([mgmt.id]);
    expect(wholePlanRefusals(plan)).toEqual([]);
  });
});

describe('settings.ignore.accounts', () => {
  it('never deletes a live assignment on an ignored account, even from the management account', () => {
    const live = liveStateOf({ accounts: [mgmt, member], groups: [devs], permissionSets: [readOnly], assignments: [onMember] });
    const desired = aDesiredState({
      ...files,
      settings: { ...aDesiredState().settings, ignore: { users: [], groups: [], permissionSets: [], accounts: ['mem*'] } },
    });
    const { plan } = buildPlan(desired, live, { allowDeletes: true });
    expect(plan?.changes).toEqual([]);
  });
});
