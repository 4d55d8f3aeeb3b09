import { describe, expect, it } from 'vitest';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aSettings,
  aUser,
  anAccount,
  anAssignmentEntry,
  anExpiry,
  liveStateOf,
  MANAGEMENT_ACCOUNT_ID,
} from '../testing/builders.js';
import { buildPlan } from './build.js';
import { daysLeft, expiresIn, expiringSoon, expiryOf, isExpired, staleExpiries, withoutExpired } from './expiry.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });
const at = (iso: string) => new Date(iso);

describe('when an entry expires', () => {
  it('a date lasts through that whole day in UTC and is gone at the next midnight UTC, to the millisecond', () => {
    const expiry = anExpiry('2026-12-31');
    expect(isExpired(expiry, at('2026-12-31T23:59:59.999Z'))).toBe(false);
    expect(isExpired(expiry, at('2027-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('a date is the end of the day in UTC, not in the zone of the reader: 20:00 in New York on that day is already past it', () => {
    expect(isExpired(anExpiry('2026-12-31'), at('2026-12-31T20:00:00-05:00'))).toBe(true);
    expect(isExpired(anExpiry('2026-12-31'), at('2027-01-01T00:30:00+01:00'))).toBe(false);
  });

  it('a date-time is gone from that exact second on, at its own offset', () => {
    const expiry = anExpiry('2026-12-31T18:00:00+02:00');
    expect(isExpired(expiry, at('2026-12-31T15:59:59.999Z'))).toBe(false);
    expect(isExpired(expiry, at('2026-12-31T16:00:00.000Z'))).toBe(true);
    expect(isExpired(anExpiry('2026-12-31T18:00:00-02:00'), at('2026-12-31T19:59:59Z'))).toBe(false);
  });

  it('counts whole days left, zero in the last day, negative once gone', () => {
    const expiry = anExpiry('2026-12-31T00:00:00Z');
    expect(daysLeft(expiry, at('2026-12-28T00:00:00Z'))).toBe(3);
    expect(daysLeft(expiry, at('2026-12-28T00:00:00.001Z'))).toBe(2);
    expect(daysLeft(expiry, at('2026-12-30T23:00:00Z'))).toBe(0);
    expect(daysLeft(expiry, at('2026-12-31T00:00:00Z'))).toBe(0);
    expect(daysLeft(expiry, at('2026-12-31T00:00:00.001Z'))).toBe(-1);
    expect([expiresIn(0), expiresIn(1), expiresIn(12)]).toEqual(['expires in less than a day', 'expires in 1 day', 'expires in 12 days']);
  });

  it('finds the expiry of an entry and of a member by name, in any case', () => {
    const expiry = anExpiry('2026-12-31');
    expect(expiryOf(anAssignmentEntry({ expiresAt: expiry }))).toBe(expiry);
    expect(expiryOf(anAssignmentEntry())).toBeUndefined();
    const group = aGroup({ members: ['bob'], expiringMembers: [{ userName: 'bob', expiresAt: expiry }] });
    expect(expiryOf(group, 'Bob')).toBe(expiry);
    expect(expiryOf(group, 'alice')).toBeUndefined();
  });
});

describe('withoutExpired', () => {
  it('leaves out expired entries and members, and keeps the live ones and everything else untouched', () => {
    const gone = anExpiry('2026-01-01');
    const later = anExpiry('2026-06-01');
    const desired = aDesiredState({
      groups: [
        aGroup({
          name: 'Ops',
          members: ['alice', 'bob', 'carol'],
          expiringMembers: [
            { userName: 'bob', expiresAt: gone },
            { userName: 'carol', expiresAt: later },
          ],
        }),
        aGroup({ name: 'Dev', members: ['alice'] }),
      ],
      assignments: [anAssignmentEntry({ users: ['a'], expiresAt: gone }), anAssignmentEntry({ users: ['b'], expiresAt: later })],
    });
    const { desired: now, expired } = withoutExpired(desired, at('2026-03-01T00:00:00Z'));
    expect(now.groups.map((g) => [g.name, g.members])).toEqual([
      ['Ops', ['alice', 'carol']],
      ['Dev', ['alice']],
    ]);
    expect(now.groups[0]?.expiringMembers?.map((m) => m.userName)).toEqual(['carol']);
    expect(now.assignments.map((a) => a.users)).toEqual([['b']]);
    expect(expired.members).toEqual([{ group: 'Ops', userName: 'bob', expiresAt: gone }]);
    expect(expired.assignments.map((a) => a.users)).toEqual([['a']]);
    expect(now.groups[1]).toBe(desired.groups[1]);
  });

  it('returns the very same state when nothing has expired', () => {
    const desired = aDesiredState({ assignments: [anAssignmentEntry({ users: ['a'], expiresAt: anExpiry('2026-12-31') })] });
    expect(withoutExpired(desired, at('2026-12-31T23:59:59.999Z')).desired).toBe(desired);
  });
});

describe('plan with expired entries', () => {
  const now = at('2027-01-01T00:00:00Z');
  const users = [aUser({ userName: 'alice' }), aUser({ userName: 'bob' })];
  const set = aPermissionSet({ name: 'ReadOnly' });
  const live = liveStateOf({
    accounts: [prod, dev],
    users,
    groups: [aGroup({ name: 'Ops', members: ['alice', 'bob'] })],
    permissionSets: [set],
    assignments: [
      { permissionSet: 'ReadOnly', principalType: 'USER', principal: 'bob', accountId: prod.id },
      { permissionSet: 'ReadOnly', principalType: 'USER', principal: 'bob', accountId: dev.id },
      { permissionSet: 'ReadOnly', principalType: 'USER', principal: 'alice', accountId: prod.id },
    ],
  });
  const desired = (overrides: { expiresAt?: string; settings?: ReturnType<typeof aSettings> } = {}) =>
    aDesiredState({
      users,
      permissionSets: [set],
      groups: [
        aGroup({
          name: 'Ops',
          members: ['alice', 'bob'],
          expiringMembers: [{ userName: 'bob', expiresAt: anExpiry(overrides.expiresAt ?? '2026-12-31') }],
        }),
      ],
      assignments: [
        anAssignmentEntry({ users: ['alice'], accounts: ['prod'] }),
        anAssignmentEntry({ users: ['bob'], accounts: ['prod', 'dev'], expiresAt: anExpiry(overrides.expiresAt ?? '2026-12-31') }),
      ],
      files: ['x.yaml'],
      ...(overrides.settings ? { settings: overrides.settings } : {}),
    });
  it('removes what expired, marked with the expiresAt as written', () => {
    const { plan } = buildPlan(desired(), live, { allowDeletes: true, now });
    expect(plan?.changes).toEqual([
      expect.objectContaining({ kind: 'assignment', action: 'delete', principal: 'bob', accountId: prod.id, expired: '2026-12-31' }),
      expect.objectContaining({ kind: 'assignment', action: 'delete', principal: 'bob', accountId: dev.id, expired: '2026-12-31' }),
      { kind: 'membership', action: 'delete', group: 'Ops', userName: 'bob', expired: '2026-12-31' },
    ]);
  });

  it('a millisecond earlier nothing has expired, and the plan is empty', () => {
    const { plan } = buildPlan(desired(), live, { allowDeletes: true, now: at('2026-12-31T23:59:59.999Z') });
    expect(plan?.changes).toEqual([]);
  });

  it('marks nothing that another live entry still asks for, nor a delete it did not cause', () => {
    const files = desired();
    files.assignments.push(anAssignmentEntry({ users: ['bob'], accounts: ['dev'] }));
    const { plan } = buildPlan(files, live, { allowDeletes: true, now });
    expect(plan?.changes.filter((c) => c.kind === 'assignment')).toEqual([
      expect.objectContaining({ action: 'delete', accountId: prod.id, expired: '2026-12-31' }),
    ]);
    const withoutAlice = {
      ...desired(),
      assignments: [anAssignmentEntry({ users: ['bob'], accounts: ['prod', 'dev'], expiresAt: anExpiry('2026-12-31') })],
    };
    const alice = buildPlan(withoutAlice, live, { allowDeletes: true, now }).plan?.changes.find(
      (c) => c.kind === 'assignment' && c.principal === 'alice',
    );
    expect(alice).toEqual(expect.objectContaining({ action: 'delete' }));
    expect(alice).not.toHaveProperty('expired');
  });

  it('--expired-only keeps only the expiry removals and says how much other drift it leaves', () => {
    const withDrift = desired();
    withDrift.users = [...users, aUser({ userName: 'dave' })];
    const { plan } = buildPlan(withDrift, live, { allowDeletes: true, now, expiredOnly: true });
    expect(plan?.changes.every((c) => 'expired' in c)).toBe(true);
    expect(plan?.changes).toHaveLength(3);
    expect(plan?.summary).toEqual({ add: 0, change: 0, destroy: 3 });
    expect(plan?.warnings).toEqual([
      expect.stringMatching(/^--expired-only: 1 other change found, not caused by expiry, is not applied here/),
    ]);
    expect(plan?.notes).toBeUndefined();
  });

  it('--expired-only is still held by the safety rules, judged on what it applies', () => {
    const strict = aSettings({ safety: { maxDeletePercent: 10, protect: [] } });
    const { plan } = buildPlan(desired({ settings: strict }), live, { allowDeletes: false, now, expiredOnly: true });
    expect(plan?.refused.map((r) => r.rule)).toEqual(['max-delete-percent', 'max-delete-percent']);
  });

  it('a protected assignment outlives its expiry: it is kept, with the usual warning', () => {
    const guarded = aSettings({ safety: { maxDeletePercent: 100, protect: [{ permissionSet: 'ReadOnly', user: 'bob' }] } });
    const { plan } = buildPlan(desired({ settings: guarded }), live, { allowDeletes: false, now, expiredOnly: true });
    expect(plan?.changes.map((c) => c.kind)).toEqual(['membership']);
    expect(plan?.warnings.join('\n')).toMatch(/"ReadOnly" for user "bob" on .* is protected/);
  });

  it('the lock-out guard holds: the last administrator assignment on the management account does not simply expire', () => {
    const management = anAccount({ id: MANAGEMENT_ACCOUNT_ID, name: 'management' });
    const admin = aPermissionSet({ name: 'Admin', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const adminLive = liveStateOf({
      accounts: [management],
      users,
      permissionSets: [admin],
      assignments: [{ permissionSet: 'Admin', principalType: 'USER', principal: 'alice', accountId: management.id }],
    });
    const files = aDesiredState({
      users,
      permissionSets: [admin],
      assignments: [
        anAssignmentEntry({ permissionSet: 'Admin', users: ['alice'], accounts: ['management'], expiresAt: anExpiry('2026-12-31') }),
      ],
      files: ['x.yaml'],
    });
    const { plan } = buildPlan(files, adminLive, { allowDeletes: true, now, expiredOnly: true });
    expect(plan?.changes).toEqual([expect.objectContaining({ kind: 'assignment', action: 'delete', expired: '2026-12-31' })]);
    expect(plan?.refused.map((r) => r.rule)).toEqual(['lockout']);
  });

  it('lists what expires within 30 days (that instant included), soonest first, with the days left', () => {
    const { plan } = buildPlan(desired({ expiresAt: '2027-01-04T12:00:00Z' }), live, { allowDeletes: true, now });
    expect(plan?.changes).toEqual([]);
    expect(plan?.expiring).toEqual([
      { kind: 'assignment', what: '"ReadOnly" for user "bob" on prod, dev', expiresAt: '2027-01-04T12:00:00Z', daysLeft: 3 },
      { kind: 'membership', what: 'user "bob" in group "Ops"', expiresAt: '2027-01-04T12:00:00Z', daysLeft: 3 },
    ]);
    expect(buildPlan(desired({ expiresAt: '2027-01-31' }), live, { allowDeletes: true, now }).plan?.expiring).toBeUndefined();
    expect(buildPlan(desired({ expiresAt: '2027-01-30' }), live, { allowDeletes: true, now }).plan?.expiring).toHaveLength(2);
  });
});

describe('expiringSoon and staleExpiries', () => {
  const expiry = { ...anExpiry('2026-12-31'), pos: { file: 'identity/groups.yaml', line: 7, col: 40 } };
  const desired = aDesiredState({
    groups: [aGroup({ name: 'Ops', members: ['bob'], expiringMembers: [{ userName: 'bob', expiresAt: expiry }] })],
    assignments: [anAssignmentEntry({ users: ['bob'], accounts: ['prod'], expiresAt: expiry })],
  });

  it('lists nothing of a kind that is not managed', () => {
    const unmanaged = { ...desired, settings: aSettings({ manage: { groupMemberships: false, assignments: false } }) };
    expect(expiringSoon(unmanaged, at('2026-12-30T00:00:00Z'))).toEqual([]);
    expect(expiringSoon(desired, at('2026-12-30T00:00:00Z'))).toHaveLength(2);
  });

  it('warns, at the expiresAt, only once an entry has been gone for more than 7 days', () => {
    expect(staleExpiries(desired, at('2027-01-08T00:00:00Z'))).toEqual([]);
    expect(staleExpiries(desired, at('2027-01-08T00:00:00.001Z'))).toEqual([
      {
        severity: 'warning',
        message:
          'group "Ops": member "bob" expired 7 days ago (expiresAt: 2026-12-31); it no longer counts: remove it from the state files',
        pos: expiry.pos,
      },
      {
        severity: 'warning',
        message: 'assignment of "ReadOnly" expired 7 days ago (expiresAt: 2026-12-31); it no longer counts: remove it from the state files',
        pos: expiry.pos,
      },
    ]);
  });
});
