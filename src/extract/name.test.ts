import { describe, expect, it } from 'vitest';
import { aGroup, aLiveState, anAccount, aPermissionSet, aTriple, aUser, liveStateOf, permissionSetArn } from '../testing/builders.js';
import { accountReferences, nameLiveState } from './name.js';

const NO_IGNORE = { users: [], groups: [], permissionSets: [] };

describe('accountReferences', () => {
  it('names an account by its name when the name is unique in the organization', () => {
    const prod = anAccount({ id: '111111111111', name: 'prod' });
    expect(accountReferences([prod]).get('111111111111')).toBe('prod');
  });

  it('falls back to ids for every account sharing a name', () => {
    const a = anAccount({ id: '111111111111', name: 'sandbox' });
    const b = anAccount({ id: '222222222222', name: 'sandbox' });
    const c = anAccount({ id: '333333333333', name: 'prod' });
    const refs = accountReferences([a, b, c]);
    expect([refs.get(a.id), refs.get(b.id), refs.get(c.id)]).toEqual(['111111111111', '222222222222', 'prod']);
  });

  it('uses the id when the name itself looks like an account id or is empty', () => {
    const idLike = anAccount({ id: '111111111111', name: '999999999999' });
    const empty = anAccount({ id: '222222222222', name: '' });
    const refs = accountReferences([idLike, empty]);
    expect([refs.get(idLike.id), refs.get(empty.id)]).toEqual(['111111111111', '222222222222']);
  });
});

describe('nameLiveState', () => {
  const prod = anAccount({ id: '111111111111', name: 'prod' });

  it('names principals, permission sets and accounts of assignments', () => {
    const live = liveStateOf({
      users: [aUser({ userName: 'alice@example.com' })],
      groups: [aGroup({ name: 'Developers', members: ['alice@example.com'] })],
      permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
      accounts: [prod],
      assignments: [
        aTriple({ principalType: 'USER', principal: 'alice@example.com', accountId: prod.id }),
        aTriple({ principal: 'Developers', accountId: prod.id }),
      ],
    });
    const { model, warnings } = nameLiveState(live, NO_IGNORE);
    expect(warnings).toEqual([]);
    expect(model.groups).toEqual([{ name: 'Developers', members: ['alice@example.com'] }]);
    expect(model.assignments).toEqual([
      { permissionSet: 'ReadOnly', principalType: 'USER', principal: 'alice@example.com', account: 'prod' },
      { permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Developers', account: 'prod' },
    ]);
    expect(model.users[0]).not.toHaveProperty('id');
    expect(model.permissionSets[0]).not.toHaveProperty('arn');
  });

  it('reports an assignment of a principal that no longer exists instead of dropping it silently', () => {
    const live = liveStateOf({ permissionSets: [aPermissionSet({ name: 'ReadOnly' })], accounts: [prod] });
    live.assignments.push({
      permissionSetArn: permissionSetArn('ReadOnly'),
      principalType: 'GROUP',
      principalId: 'g-gone',
      accountId: prod.id,
    });
    const { model, warnings } = nameLiveState(live, NO_IGNORE);
    expect(model.assignments).toEqual([]);
    expect(warnings).toEqual(['assignment of group g-gone to ReadOnly on account 111111111111: the group does not exist; not written']);
  });

  it('reports an assignment of a permission set that no longer exists', () => {
    const live = liveStateOf({ users: [aUser({ userName: 'bob@example.com' })], accounts: [prod] });
    live.assignments.push({
      permissionSetArn: 'arn:aws:sso:::permissionSet/x/ps-gone',
      principalType: 'USER',
      principalId: live.users[0]!.id,
      accountId: prod.id,
    });
    const { warnings } = nameLiveState(live, NO_IGNORE);
    expect(warnings).toEqual([
      'assignment of user bob@example.com to arn:aws:sso:::permissionSet/x/ps-gone on account 111111111111: the permission set does not exist; not written',
    ]);
  });

  it('reports an assignment on an account outside the organization', () => {
    const live = liveStateOf({
      groups: [aGroup({ name: 'Ops' })],
      permissionSets: [aPermissionSet({ name: 'Admin' })],
      accounts: [prod],
      assignments: [aTriple({ permissionSet: 'Admin', principal: 'Ops', accountId: '999999999999' })],
    });
    const { model, warnings } = nameLiveState(live, NO_IGNORE);
    expect(model.assignments).toEqual([]);
    expect(warnings).toEqual([
      'assignment of group Ops to Admin on account 999999999999: the account is not in the organization; not written',
    ]);
  });

  it('reports a membership of a user that no longer exists', () => {
    const live = aLiveState({
      groups: [{ id: 'g-1', name: 'Ops' }],
      memberships: [{ membershipId: 'm-1', groupId: 'g-1', userId: 'u-gone' }],
    });
    const { model, warnings } = nameLiveState(live, NO_IGNORE);
    expect(model.groups).toEqual([{ name: 'Ops', members: [] }]);
    expect(warnings).toEqual(['group membership m-1: user u-gone does not exist; not written']);
  });

  it('leaves out objects matched by settings.ignore, with their memberships and assignments, and counts them', () => {
    const live = liveStateOf({
      users: [aUser({ userName: 'alice@example.com' })],
      groups: [
        aGroup({ name: 'AWSControlTowerAdmins', members: ['alice@example.com'] }),
        aGroup({ name: 'Ops', members: ['alice@example.com'] }),
      ],
      permissionSets: [aPermissionSet({ name: 'AWSServiceCatalogEndUserAccess' }), aPermissionSet({ name: 'ReadOnly' })],
      accounts: [prod],
      assignments: [
        aTriple({ permissionSet: 'AWSServiceCatalogEndUserAccess', principal: 'Ops', accountId: prod.id }),
        aTriple({ permissionSet: 'ReadOnly', principal: 'AWSControlTowerAdmins', accountId: prod.id }),
        aTriple({ permissionSet: 'ReadOnly', principal: 'Ops', accountId: prod.id }),
      ],
    });
    const { model, warnings, ignored } = nameLiveState(live, {
      users: [],
      groups: ['AWSControlTower*'],
      permissionSets: ['AWSServiceCatalog*'],
    });
    expect(warnings).toEqual([]);
    expect(model.groups.map((g) => g.name)).toEqual(['Ops']);
    expect(model.permissionSets.map((s) => s.name)).toEqual(['ReadOnly']);
    expect(model.assignments).toEqual([{ permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Ops', account: 'prod' }]);
    expect(ignored).toEqual({ users: 0, groups: 1, permissionSets: 1, memberships: 1, assignments: 2 });
  });

  it('sorts users, groups, members and permission sets by name whatever the live order', () => {
    const live = liveStateOf({
      users: [aUser({ userName: 'zed@example.com' }), aUser({ userName: 'amy@example.com' })],
      groups: [aGroup({ name: 'B', members: ['zed@example.com', 'amy@example.com'] }), aGroup({ name: 'A' })],
      permissionSets: [aPermissionSet({ name: 'Z' }), aPermissionSet({ name: 'A' })],
    });
    const { model } = nameLiveState(live, NO_IGNORE);
    expect(model.users.map((u) => u.userName)).toEqual(['amy@example.com', 'zed@example.com']);
    expect(model.groups.map((g) => [g.name, g.members])).toEqual([
      ['A', []],
      ['B', ['amy@example.com', 'zed@example.com']],
    ]);
    expect(model.permissionSets.map((s) => s.name)).toEqual(['A', 'Z']);
  });
});
