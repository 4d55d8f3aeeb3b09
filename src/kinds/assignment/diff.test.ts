import { describe, expect, it } from 'vitest';
import type { AssignmentTriple, ProtectEntry } from '../../model/types.js';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aTriple,
  aUser,
  anAccount,
  liveStateOf,
} from '../../testing/builders.js';
import { nameLive } from '../../plan/live-names.js';
import { diffAssignments } from './diff.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });

function diff(desired: AssignmentTriple[], live: AssignmentTriple[], settings: Parameters<typeof aSettings>[0] = {}) {
  const { named } = nameLive(
    liveStateOf({
      accounts: [prod, dev],
      users: [aUser({ userName: 'bob' })],
      groups: [aGroup()],
      permissionSets: [aPermissionSet()],
      assignments: live,
    }),
  );
  return diffAssignments(aDesiredState({ settings: aSettings(settings) }), { assignments: desired, live: named });
}

describe('diffAssignments', () => {
  it('creates missing triples and deletes extra ones, with the account name for display', () => {
    const keep = aTriple({ accountId: prod.id });
    const add = aTriple({ accountId: dev.id });
    const remove = aTriple({ principalType: 'USER', principal: 'bob', accountId: prod.id });
    expect(diff([keep, add], [keep, remove]).changes).toEqual([
      { kind: 'assignment', action: 'create', ...add, accountName: 'dev' },
      { kind: 'assignment', action: 'delete', ...remove, accountName: 'prod' },
    ]);
  });

  it('plans nothing when assignments are not managed', () => {
    expect(diff([aTriple({ accountId: dev.id })], [aTriple({ accountId: prod.id })], { manage: { assignments: false } }).changes).toEqual(
      [],
    );
  });

  it.each<[string, Parameters<typeof aSettings>[0]]>([
    ['permission set', { ignore: { permissionSets: ['Read*'] } }],
    ['group', { ignore: { groups: ['Dev*'] } }],
  ])('never touches assignments of an ignored %s', (_what, settings) => {
    const result = diff([aTriple({ accountId: dev.id })], [aTriple({ accountId: prod.id })], settings);
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual(['assignment "ReadOnly" for group "Developers" matches a settings.ignore pattern; it is left alone']);
  });

  it.each<[string, ProtectEntry]>([
    ['without an account', aProtectEntry({ permissionSet: 'ReadOnly', group: 'Developers' })],
    ['by account name', aProtectEntry({ permissionSet: 'ReadOnly', group: 'Developers', account: 'prod' })],
    ['by account id', aProtectEntry({ permissionSet: 'ReadOnly', group: 'Developers', account: prod.id })],
  ])('keeps a protected live assignment (%s) with a warning', (_how, entry) => {
    const result = diff([], [aTriple({ accountId: prod.id })], { safety: { protect: [entry] } });
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual([
      'assignment "ReadOnly" for group "Developers" on prod (111111111111) is not in the state files but is protected (settings.safety.protect); it is kept',
    ]);
  });

  it('deletes an assignment that a protect entry for another account does not cover', () => {
    const entry = aProtectEntry({ permissionSet: 'ReadOnly', group: 'Developers', account: 'dev' });
    expect(diff([], [aTriple({ accountId: prod.id })], { safety: { protect: [entry] } }).changes).toHaveLength(1);
  });
});
