import { describe, expect, it } from 'vitest';
import { aDesiredState, aGroup, anAccount, anAssignmentEntry, aPermissionSet, aSettings, aUser } from '../../testing/builders.js';
import { touchedObjects, touchedCount, type Touched } from './touched.js';

const prod = anAccount({ id: '222222222222', name: 'prod', ouPath: 'Root/Prod' });
const dev = anAccount({ id: '333333333333', name: 'dev', ouPath: 'Root/Dev' });
const org = {
  accounts: [prod, dev],
  organizationalUnits: [
    { id: 'r', path: 'Root' },
    { id: 'p', path: 'Root/Prod' },
    { id: 'd', path: 'Root/Dev' },
  ],
};
const base = aDesiredState({
  users: [aUser({ userName: 'ann' }), aUser({ userName: 'bob' })],
  groups: [aGroup({ name: 'Ops', members: ['ann'] })],
  permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
  assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], accounts: ['prod'] })],
});

function scoped(after: typeof base): Touched {
  const decision = touchedObjects(base, after, org);
  if ('full' in decision) throw new Error(decision.full);
  return decision.scoped;
}

describe('touchedObjects', () => {
  it('touches nothing when only source positions moved', () => {
    const moved = { ...base, users: base.users.map((u) => ({ ...u, pos: { file: 'users.yaml', line: 9, col: 1 } })) };
    expect(touchedCount(scoped(moved))).toBe(0);
  });

  it('touches one membership, not its group, when only a member is added', () => {
    const t = scoped({ ...base, groups: [aGroup({ name: 'Ops', members: ['ann', 'bob'] })] });
    expect([...t.memberships]).toEqual(['Ops\u0000bob']);
    expect(t.groups.size + t.users.size).toBe(0);
  });

  it('touches the triples an edited entry names before and after, expanding OU selectors', () => {
    const t = scoped({
      ...base,
      assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], organizationalUnits: ['Root/Dev'] })],
    });
    expect([...t.assignments.values()].map((a) => a.accountId).sort()).toEqual(['222222222222', '333333333333']);
  });

  it('touches only the triple an entry gains, not those it names on both sides', () => {
    const t = scoped({
      ...base,
      assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], accounts: ['prod', 'dev'] })],
    });
    expect([...t.assignments.values()].map((a) => a.accountId)).toEqual(['333333333333']);
  });

  it('marks a user removed from the files, so its live memberships and assignments go with it', () => {
    const t = scoped({ ...base, users: [aUser({ userName: 'ann' })] });
    expect([...t.removedUsers]).toEqual(['bob']);
    expect([...t.users]).toEqual(['bob']);
  });

  it('falls back to a full plan when settings change or a kind is unmanaged', () => {
    expect(touchedObjects(base, { ...base, settings: aSettings({ safety: { maxDeletePercent: 50 } }) }, org)).toEqual({
      full: 'settings changed',
    });
    const unmanaged = { ...base, settings: aSettings({ manage: { users: false } }) };
    expect(touchedObjects(unmanaged, unmanaged, org)).toEqual({ full: 'settings.manage.users is false' });
  });

  it('touches an application whose entry was added, removed or edited, its assignments included, and no other', () => {
    const wiki = { name: 'Wiki', users: ['ann'], groups: [] };
    const chat = { name: 'Chat', users: [], groups: ['Ops'] };
    const withApps = { ...base, applications: [wiki, chat] };
    const decision = touchedObjects(withApps, { ...withApps, applications: [{ ...wiki, users: ['ann', 'bob'] }] }, org);
    if ('full' in decision) throw new Error(decision.full);
    expect([...decision.scoped.applications].sort()).toEqual(['Chat', 'Wiki']);
    const none = touchedObjects(
      withApps,
      { ...withApps, users: [aUser({ userName: 'ann', displayName: 'Ann' }), base.users[1] ?? aUser()] },
      org,
    );
    if ('full' in none) throw new Error(none.full);
    expect(none.scoped.applications).toEqual(new Set());
  });

  it('falls back to a full plan when the files start or stop declaring applications (all of them become managed or not)', () => {
    const withApps = { ...base, applications: [{ name: 'Salesforce', users: ['ann'], groups: [] }] };
    expect(touchedObjects(base, withApps, org)).toEqual({ full: 'applications: was added or removed' });
    expect(touchedObjects(withApps, base, org)).toEqual({ full: 'applications: was added or removed' });
  });

  it('falls back to a full plan when a changed group carries previousNames (a rename in place)', () => {
    const renamed = { ...base, groups: [aGroup({ name: 'Operations', members: ['ann'], previousNames: ['Ops'] })] };
    expect(touchedObjects(base, renamed, org)).toEqual({ full: 'group "Operations" has previousNames' });
  });
});
