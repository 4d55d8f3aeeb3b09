// The engine against tables computed by hand: every row is (user, account, permission set,
// via), with the selectors expanded by the real resolver (src/plan/resolve.ts).
import { describe, expect, it } from 'vitest';
import { nameLive } from '../plan/live-names.js';
import { resolveDesired } from '../plan/resolve.js';
import { aDesiredState, aGroup, aLiveUser, aPermissionSet, aUser, anAccount, anAssignmentEntry, liveStateOf } from '../testing/builders.js';
import type { AssignmentEntry, DesiredState, Group, User } from '../model/types.js';
import { computeAccess } from './engine.js';
import { desiredAccessInput, liveAccessInput } from './inputs.js';
import type { AccessRow } from './types.js';

const prod = anAccount({ id: '111111111111', name: 'prod', ouPath: 'Root/Workloads/Prod', tags: { env: 'prod' } });
const prodEu = anAccount({ id: '222222222222', name: 'prod-eu', ouPath: 'Root/Workloads/Prod/EU', tags: { env: 'prod' } });
const dev = anAccount({ id: '333333333333', name: 'dev', ouPath: 'Root/Workloads/Dev', tags: { env: 'dev' } });
const ACCOUNTS = [prod, prodEu, dev];

const alice = aUser({ userName: 'alice', displayName: 'Alice L', email: 'alice@example.com' });
const bob = aUser({ userName: 'bob', displayName: 'Bob B' });

/** The table a person reads: user, account name, permission set, via. */
function table(rows: readonly AccessRow[]): string[] {
  return rows.map((r) => `${r.userName} ${r.accountName} ${r.permissionSet} ${r.via.join(',')}`);
}

function accessOf(state: { users?: User[]; groups?: Group[]; assignments: Partial<AssignmentEntry>[] }): AccessRow[] {
  const desired: DesiredState = aDesiredState({
    users: state.users ?? [alice, bob],
    groups: state.groups ?? [],
    permissionSets: [aPermissionSet({ name: 'Admin' }), aPermissionSet({ name: 'ReadOnly' })],
    assignments: state.assignments.map((a) => anAssignmentEntry(a)),
  });
  const { resolved, diagnostics } = resolveDesired(desired, liveStateOf({ accounts: ACCOUNTS }));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return computeAccess(desiredAccessInput(desired, resolved));
}

describe('computeAccess', () => {
  it('a direct assignment and the same through a group are one row with both in via', () => {
    const rows = accessOf({
      groups: [aGroup({ name: 'Ops', members: ['alice', 'bob'] })],
      assignments: [
        { permissionSet: 'Admin', users: ['alice'], accounts: ['prod'] },
        { permissionSet: 'Admin', groups: ['Ops'], accounts: ['prod'] },
      ],
    });
    expect(table(rows)).toEqual(['alice prod Admin direct,group:Ops', 'bob prod Admin group:Ops']);
  });

  it('the same access through two groups lists both groups, sorted', () => {
    const rows = accessOf({
      groups: [aGroup({ name: 'Zeta', members: ['alice'] }), aGroup({ name: 'Alpha', members: ['alice'] })],
      assignments: [
        { permissionSet: 'ReadOnly', groups: ['Zeta'], accounts: ['dev'] },
        { permissionSet: 'ReadOnly', groups: ['Alpha'], accounts: ['dev'] },
      ],
    });
    expect(table(rows)).toEqual(['alice dev ReadOnly group:Alpha,group:Zeta']);
  });

  it('an OU selector reaches the accounts below it; rows sort by user, account name, permission set', () => {
    const rows = accessOf({
      assignments: [
        { permissionSet: 'ReadOnly', users: ['bob', 'alice'], organizationalUnits: ['Root/Workloads/Prod'] },
        { permissionSet: 'Admin', users: ['alice'], organizationalUnits: ['Root/Workloads/Prod/EU'] },
      ],
    });
    expect(table(rows)).toEqual([
      'alice prod ReadOnly direct',
      'alice prod-eu Admin direct',
      'alice prod-eu ReadOnly direct',
      'bob prod ReadOnly direct',
      'bob prod-eu ReadOnly direct',
    ]);
  });

  it('a tag selector reaches the accounts carrying the tag, minus the excluded ones', () => {
    const rows = accessOf({
      groups: [aGroup({ name: 'Ops', members: ['bob'] })],
      assignments: [{ permissionSet: 'Admin', groups: ['Ops'], accountTags: { env: 'prod' }, excludeAccounts: ['prod-eu'] }],
    });
    expect(table(rows)).toEqual(['bob prod Admin group:Ops']);
  });

  it('an excluded account is excluded from an OU selector too', () => {
    const rows = accessOf({
      assignments: [{ permissionSet: 'ReadOnly', users: ['alice'], organizationalUnits: ['Root'], excludeAccounts: ['222222222222'] }],
    });
    expect(table(rows)).toEqual(['alice dev ReadOnly direct', 'alice prod ReadOnly direct']);
  });

  it('a disabled user keeps their rows, marked disabled', () => {
    const rows = accessOf({
      users: [alice, { ...bob, status: 'disabled' }],
      assignments: [{ permissionSet: 'ReadOnly', users: ['alice', 'bob'], accounts: ['dev'] }],
    });
    expect(rows.map((r) => [r.userName, r.status])).toEqual([
      ['alice', 'enabled'],
      ['bob', 'disabled'],
    ]);
  });

  it('an assigned group with no members grants nothing', () => {
    const rows = accessOf({
      groups: [aGroup({ name: 'Empty', members: [] })],
      assignments: [{ permissionSet: 'Admin', groups: ['Empty'], organizationalUnits: ['Root'] }],
    });
    expect(rows).toEqual([]);
  });

  it('rows carry the person: display name, primary email, status, account id and name', () => {
    const rows = accessOf({ assignments: [{ permissionSet: 'Admin', users: ['alice'], accounts: ['prod'] }] });
    expect(rows).toEqual([
      {
        userName: 'alice',
        displayName: 'Alice L',
        email: 'alice@example.com',
        status: 'enabled',
        accountId: '111111111111',
        accountName: 'prod',
        permissionSet: 'Admin',
        via: ['direct'],
      },
    ]);
  });

  it('from a live state: memberships and assignments by id, named', () => {
    const live = liveStateOf({
      users: [aLiveUser({ userName: 'carol' })],
      groups: [aGroup({ name: 'Ops', members: ['carol'] })],
      accounts: ACCOUNTS,
      assignments: [
        { permissionSet: 'Admin', principalType: 'GROUP', principal: 'Ops', accountId: dev.id },
        { permissionSet: 'Admin', principalType: 'USER', principal: 'carol', accountId: dev.id },
      ],
      permissionSets: [aPermissionSet({ name: 'Admin' })],
    });
    expect(table(computeAccess(liveAccessInput(nameLive(live).named)))).toEqual(['carol dev Admin direct,group:Ops']);
  });

  it('an account the organization does not list shows its id as its name', () => {
    const rows = computeAccess({
      users: new Map(),
      memberships: [],
      assignments: [{ permissionSet: 'Admin', principalType: 'USER', principal: 'dave', accountId: '999999999999' }],
      accounts: new Map(),
    });
    expect(rows).toEqual([
      {
        userName: 'dave',
        displayName: null,
        email: null,
        status: 'unknown',
        accountId: '999999999999',
        accountName: '999999999999',
        permissionSet: 'Admin',
        via: ['direct'],
      },
    ]);
  });
});
