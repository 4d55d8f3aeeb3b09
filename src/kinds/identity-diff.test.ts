// Users, groups and memberships: the identity-store kinds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group, User } from '../model/types.js';
import { aDesiredState, aGroup, aSettings, aUser, liveStateOf } from '../testing/builders.js';
import { nameLive } from '../plan/live-names.js';
import { diffGroups } from './group/diff.js';
import { diffMemberships } from './membership/diff.js';
import { diffUsers } from './user/diff.js';

function named(users: User[], groups: Group[]) {
  return nameLive(liveStateOf({ users, groups })).named;
}

describe('diffUsers', () => {
  it('creates, updates by attribute and deletes', () => {
    const live = named([aUser({ userName: 'a', title: 'x' }), aUser({ userName: 'gone' })], []);
    const desired = aDesiredState({ users: [aUser({ userName: 'a', title: 'y' }), aUser({ userName: 'new' })] });
    expect(diffUsers(desired, live).changes).toEqual([
      { kind: 'user', action: 'update', userName: 'a', attributes: [{ field: 'title', before: 'x', after: 'y' }] },
      { kind: 'user', action: 'create', userName: 'new', after: aUser({ userName: 'new' }) },
      { kind: 'user', action: 'delete', userName: 'gone' },
    ]);
  });

  it('sees a changed phone number, email type and enterprise attribute as drift', () => {
    const before = aUser({
      userName: 'a',
      emails: [{ value: 'a@x', type: 'work', primary: true }],
      phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
      enterprise: { costCenter: 'CC-1', department: 'Ops' },
    });
    const after = aUser({
      userName: 'a',
      emails: [{ value: 'a@x', type: 'home', primary: true }],
      phoneNumbers: [{ value: '+1 555 0199', type: 'mobile' }],
      enterprise: { costCenter: 'CC-2', department: 'Ops' },
    });
    const change = diffUsers(aDesiredState({ users: [after] }), named([before], [])).changes[0];
    expect(change?.action === 'update' ? change.attributes.map((a) => a.field) : change).toEqual(['emails', 'phoneNumbers', 'enterprise']);
  });

  it('compares structured attributes by content, not member order, and ignores read-only facts', () => {
    const live = aUser({
      userName: 'a',
      addresses: [{ locality: 'London', country: 'GB', primary: true }],
      status: 'disabled',
      externalIds: [{ issuer: 'idp', id: '1' }],
    });
    const desired = aUser({ userName: 'a', addresses: [{ primary: true, country: 'GB', locality: 'London' }] });
    expect(diffUsers(aDesiredState({ users: [desired] }), named([live], [])).changes).toEqual([]);
  });

  it('warns, without a change, where the files and AWS disagree on status: no API can set it', () => {
    const live = named([aUser({ userName: 'leaver' }), aUser({ userName: 'back', status: 'disabled' })], []);
    const desired = aDesiredState({
      users: [
        aUser({ userName: 'leaver', status: 'disabled' }),
        aUser({ userName: 'back' }),
        aUser({ userName: 'new', status: 'disabled' }),
      ],
    });
    const result = diffUsers(desired, live);
    expect(result.changes.map((c) => `${c.action} ${c.userName}`)).toEqual(['create new']);
    expect(result.warnings).toEqual([
      'user "back" is disabled in AWS, but the files do not say status: disabled; no identitystore API enables or disables a user: enable it in the IAM Identity Center console, or write status: disabled',
      'user "leaver": the files say status: disabled, but it is enabled in AWS; no identitystore API disables a user: disable it in the IAM Identity Center console',
      'user "new": the files say status: disabled, but it will be created enabled; no identitystore API disables a user: disable it in the IAM Identity Center console',
    ]);
  });

  it.each<[string, Parameters<typeof aSettings>[0]]>([
    ['not managed', { manage: { users: false } }],
    ['ignored', { ignore: { users: ['*'] } }],
  ])('touches no user when users are %s', (_why, settings) => {
    const live = named([aUser({ userName: 'gone' })], []);
    expect(diffUsers(aDesiredState({ users: [aUser({ userName: 'new' })], settings: aSettings(settings) }), live).changes).toEqual([]);
  });
});

describe('diffGroups', () => {
  it('creates, changes the description and deletes, leaving ignored groups alone', () => {
    const live = named([], [aGroup({ name: 'A', description: 'old' }), aGroup({ name: 'Gone' }), aGroup({ name: 'AWSControlTowerX' })]);
    const desired = aDesiredState({
      groups: [aGroup({ name: 'A', description: 'new' }), aGroup({ name: 'B' })],
      settings: aSettings({ ignore: { groups: ['AWSControlTower*'] } }),
    });
    expect(diffGroups(desired, live).changes).toEqual([
      { kind: 'group', action: 'update', name: 'A', attributes: [{ field: 'description', before: 'old', after: 'new' }] },
      { kind: 'group', action: 'create', name: 'B' },
      { kind: 'group', action: 'delete', name: 'Gone' },
    ]);
  });
});

describe('diffMemberships', () => {
  const users = [aUser({ userName: 'a' }), aUser({ userName: 'b' }), aUser({ userName: 'c' })];

  it('gives a listed group exactly its members and leaves unlisted groups alone', () => {
    const live = named(users, [aGroup({ name: 'G', members: ['a', 'b'] }), aGroup({ name: 'Other', members: ['a'] })]);
    const desired = aDesiredState({ users, groups: [aGroup({ name: 'G', members: ['b', 'c'] })] });
    expect(diffMemberships(desired, live).changes).toEqual([
      { kind: 'membership', action: 'create', group: 'G', userName: 'c' },
      { kind: 'membership', action: 'delete', group: 'G', userName: 'a' },
    ]);
  });

  it('plans the set difference of (group, member) pairs, in file order then live order', () => {
    const pool = ['a', 'b', 'ab', 'c'];
    const groupsOf = fc.uniqueArray(
      fc.record({ name: fc.constantFrom('G', 'Ga', 'g', 'H'), members: fc.uniqueArray(fc.constantFrom(...pool)) }),
      { selector: (g) => g.name, maxLength: 3 },
    );
    fc.assert(
      fc.property(groupsOf, groupsOf, fc.constantFrom<string[]>([], ['H'], ['G*']), (wanted, current, ignored) => {
        const everyone = pool.map((userName) => aUser({ userName }));
        const live = named(
          everyone,
          current.map((g) => aGroup(g)),
        );
        const desired = aDesiredState({
          users: everyone,
          groups: wanted.map((g) => aGroup(g)),
          settings: aSettings({ ignore: { groups: ignored } }),
        });
        const touchable = (group: string) => !ignored.some((p) => (p.endsWith('*') ? group.startsWith(p.slice(0, -1)) : group === p));
        const has = (list: { group: string; userName: string }[], group: string, userName: string) =>
          list.some((m) => m.group === group && m.userName === userName);
        const wantedPairs = wanted.flatMap((g) => (touchable(g.name) ? g.members.map((userName) => ({ group: g.name, userName })) : []));
        const expected = [
          ...wantedPairs
            .filter((m) => !has(live.memberships, m.group, m.userName))
            .map((m) => ({ kind: 'membership', action: 'create', ...m })),
          ...live.memberships
            .filter((m) => wanted.some((g) => g.name === m.group) && touchable(m.group) && !has(wantedPairs, m.group, m.userName))
            .map((m) => ({ kind: 'membership', action: 'delete', ...m })),
        ];
        expect(diffMemberships(desired, live).changes).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('plans nothing when memberships are not managed', () => {
    const live = named(users, [aGroup({ name: 'G', members: ['a'] })]);
    const desired = aDesiredState({
      users,
      groups: [aGroup({ name: 'G', members: ['b'] })],
      settings: aSettings({ manage: { groupMemberships: false } }),
    });
    expect(diffMemberships(desired, live).changes).toEqual([]);
  });
});
