// Rows granted only through expiring entries say when they end: the latest of their grants,
// a group grant ending with the first of membership and assignment, and none at all while
// any grant does not expire. Computed through accessFromFiles, as the access command does.
import { describe, expect, it } from 'vitest';
import type { AssignmentEntry, Group } from '../model/types.js';
import { aDesiredState, aGroup, anAccount, anAssignmentEntry, anExpiry, aPermissionSet, aUser, liveStateOf } from '../testing/builders.js';
import { accessFromFiles } from './from-files.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });

function expiries(groups: Group[], assignments: AssignmentEntry[], now = NOW): Record<string, string | undefined> {
  const desired = aDesiredState({
    users: [aUser({ userName: 'dave' }), aUser({ userName: 'erin' })],
    groups,
    permissionSets: [aPermissionSet({ name: 'Admin' }), aPermissionSet({ name: 'ReadOnly' })],
    assignments,
  });
  const { rows, diagnostics } = accessFromFiles(desired, liveStateOf({ accounts: [prod, dev] }), { liveKnown: true, now });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries((rows ?? []).map((r) => [`${r.userName} ${r.permissionSet} ${r.accountName}`, r.expiresAt]));
}

const until = (written: string) => ({ expiresAt: anExpiry(written) });
const oncall = (members: string[], expiring: { userName: string; expiresAt: string }[] = []) =>
  aGroup({
    name: 'Oncall',
    members: [...members, ...expiring.map((m) => m.userName)],
    ...(expiring.length > 0 ? { expiringMembers: expiring.map((m) => ({ userName: m.userName, expiresAt: anExpiry(m.expiresAt) })) } : {}),
  });

describe('expiresAt of access rows from the files', () => {
  it('sets no expiresAt when nothing in the files expires', () => {
    expect(expiries([], [anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['prod'] })])).toEqual({
      'dave Admin prod': undefined,
    });
  });

  it('gives a direct grant the expiry of its entry, and two entries for one assignment the later one', () => {
    const rows = expiries(
      [],
      [
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['prod'], ...until('2026-12-05') }),
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['prod'], ...until('2026-12-10') }),
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['dev'], ...until('2026-12-10') }),
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['dev'] }),
      ],
    );
    expect(rows).toEqual({ 'dave Admin prod': '2026-12-10', 'dave Admin dev': undefined });
  });

  it('ends a group grant with the first of membership and assignment to expire', () => {
    const rows = expiries(
      [oncall(['erin'], [{ userName: 'dave', expiresAt: '2026-12-20' }])],
      [
        anAssignmentEntry({ permissionSet: 'Admin', groups: ['Oncall'], accounts: ['dev'], ...until('2026-12-31T18:00:00+02:00') }),
        anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Oncall'], accounts: ['prod'] }),
      ],
    );
    expect(rows).toEqual({
      'dave Admin dev': '2026-12-20',
      'dave ReadOnly prod': '2026-12-20',
      'erin Admin dev': '2026-12-31T18:00:00+02:00',
      'erin ReadOnly prod': undefined,
    });
  });

  it('takes the latest of several expiring grants, and none when any grant does not expire', () => {
    const rows = expiries(
      [oncall([], [{ userName: 'dave', expiresAt: '2026-12-20' }])],
      [
        anAssignmentEntry({ permissionSet: 'Admin', groups: ['Oncall'], accounts: ['prod', 'dev'] }),
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['prod'], ...until('2027-01-15') }),
        anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['dev'] }),
      ],
    );
    expect(rows).toEqual({ 'dave Admin prod': '2027-01-15', 'dave Admin dev': undefined });
  });

  it('leaves out what expired at that very instant, and keeps what expires a millisecond later', () => {
    const entries = [
      anAssignmentEntry({ permissionSet: 'Admin', users: ['dave'], accounts: ['prod'], ...until('2026-11-30T12:00:00Z') }),
      anAssignmentEntry({ permissionSet: 'Admin', users: ['erin'], accounts: ['prod'], ...until('2026-11-30T12:00:00.001Z') }),
    ];
    expect(expiries([], entries)).toEqual({ 'erin Admin prod': '2026-11-30T12:00:00.001Z' });
  });

  it('compares names without regard to case, as the plan does', () => {
    const rows = expiries(
      [oncall([], [{ userName: 'DAVE', expiresAt: '2026-12-20' }])],
      [anAssignmentEntry({ permissionSet: 'Admin', groups: ['oncall'], accounts: ['prod'] })],
    );
    expect(Object.values(rows)).toEqual(['2026-12-20']);
  });
});
