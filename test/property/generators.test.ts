// The property tests' own machinery, checked without any backend: generated states and
// every edit applied to them stay valid (a convergence failure must be the tool's, never
// the generator's), and the expected-state expansion and delete accounting are right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateArb } from './arbitraries.js';
import { MOTO, SANDBOX } from './backends.js';
import { applyEdit, editArb } from './edits.js';
import type { SpecAssignment, SpecState } from './model.js';
import { placedAccounts, PROPERTY_ACCOUNTS } from './organization.js';
import { EMPTY_SNAPSHOT, expectedSnapshot, needsAllowDeletes, targetAccounts } from './snapshot.js';

function problemsOf(state: SpecState): string[] {
  const problems: string[] = [];
  const unique = (kind: string, names: string[]) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n.toLowerCase())) problems.push(`${kind} "${n}" twice (ignoring case)`);
      seen.add(n.toLowerCase());
    }
  };
  unique(
    'user',
    state.users.map((u) => u.userName),
  );
  unique(
    'group',
    state.groups.flatMap((g) => [g.name, ...(g.previousNames ?? [])]),
  );
  unique(
    'permission set',
    state.permissionSets.map((s) => s.name),
  );
  const users = new Set(state.users.map((u) => u.userName));
  const groups = new Set(state.groups.map((g) => g.name));
  const sets = new Set(state.permissionSets.map((s) => s.name));
  for (const g of state.groups) {
    for (const m of g.members) if (!users.has(m)) problems.push(`group "${g.name}": member "${m}" is not a user`);
    if (new Set(g.members).size !== g.members.length) problems.push(`group "${g.name}": a member twice`);
  }
  for (const a of state.assignments) {
    if (!sets.has(a.permissionSet)) problems.push(`assignment of unknown set "${a.permissionSet}"`);
    for (const u of a.users) if (!users.has(u)) problems.push(`assignment to unknown user "${u}"`);
    for (const g of a.groups) if (!groups.has(g)) problems.push(`assignment to unknown group "${g}"`);
    if (a.users.length + a.groups.length === 0) problems.push(`assignment of "${a.permissionSet}" without a principal`);
    if (a.accounts.length + a.organizationalUnits.length + Object.keys(a.accountTags).length === 0)
      problems.push(`assignment of "${a.permissionSet}" without a target`);
  }
  if (state.users.length + state.groups.length + state.permissionSets.length + state.assignments.length === 0)
    problems.push('an empty state');
  return problems;
}

describe('generated states and edits', () => {
  it.each([SANDBOX, MOTO])('stay valid through any edit sequence ($caps.name)', ({ caps }) => {
    fc.assert(
      fc.property(stateArb(caps), fc.array(editArb(caps), { maxLength: 8 }), (initial, edits) => {
        let state = initial;
        expect(problemsOf(state)).toEqual([]);
        for (const edit of edits) {
          state = applyEdit(state, edit)?.state ?? state;
          expect(problemsOf(state)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never generate what moto cannot store: tags, boundaries, policy ARNs with a path, user or group updates', () => {
    fc.assert(
      fc.property(stateArb(MOTO.caps), fc.array(editArb(MOTO.caps), { maxLength: 8 }), (initial, edits) => {
        const kinds = new Set(edits.map((e) => e.kind));
        for (const k of [
          'setUserAttribute',
          'removeUserAttribute',
          'setGroupDescription',
          'removeGroupDescription',
          'caseOnlyRename',
        ] as const)
          expect(kinds.has(k)).toBe(false);
        expect(edits.some((e) => e.kind === 'renameGroup' && e.withPreviousNames)).toBe(false);
        let state = initial;
        for (const edit of edits) state = applyEdit(state, edit)?.state ?? state;
        for (const s of [...initial.permissionSets, ...state.permissionSets]) {
          expect(s.tags).toEqual({});
          expect(s.permissionsBoundary).toBeUndefined();
          expect(s.managedPolicies.filter((arn) => arn.split('/').length > 2)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the expected live content', () => {
  const accounts = placedAccounts(new Map(PROPERTY_ACCOUNTS.map((a, i) => [a.name, String(200000000000 + i)])));
  const entry = (targets: Partial<SpecAssignment>): SpecAssignment => ({
    permissionSet: 'P',
    users: ['u'],
    groups: [],
    accounts: [],
    organizationalUnits: [],
    accountTags: {},
    excludeAccounts: [],
    ...targets,
  });
  const names = (e: SpecAssignment) =>
    targetAccounts(e, accounts)
      .map((a) => a.name)
      .sort();

  it('takes Root to mean every account, the management account included', () => {
    expect(names(entry({ organizationalUnits: ['Root'] }))).toEqual(['dev', 'loose', 'management', 'prod', 'shared', 'staging']);
  });

  it('takes an OU to mean the accounts at and below it, and not an OU whose name merely starts the same', () => {
    expect(names(entry({ organizationalUnits: ['Root/Workloads'] }))).toEqual(['dev', 'prod', 'staging']);
    expect(names(entry({ organizationalUnits: ['Root/Work'] }))).toEqual([]);
  });

  it('needs every tag of a filter, and takes the excluded accounts out of every target kind', () => {
    expect(names(entry({ accountTags: { env: 'prod', team: 'core' } }))).toEqual(['prod']);
    expect(
      names(
        entry({
          accountTags: { team: 'core' },
          accounts: [{ account: 'dev', byId: true }],
          excludeAccounts: [{ account: 'staging', byId: false }],
        }),
      ),
    ).toEqual(['dev', 'prod']);
  });

  it('asks for --allow-deletes only when a kind loses more than maxDeletePercent, or all of it', () => {
    const state = (users: string[]): SpecState => ({
      users: users.map((userName) => ({ userName, displayName: 'D', givenName: 'G', familyName: 'F' })),
      groups: [],
      permissionSets: [],
      assignments: [],
      maxDeletePercent: 50,
    });
    const snap = (users: string[]) => expectedSnapshot(state(users), accounts, { tags: true, permissionsBoundary: true });
    expect(needsAllowDeletes(EMPTY_SNAPSHOT, snap(['a']), 50)).toBe(false);
    expect(needsAllowDeletes(snap(['a', 'b']), snap(['a']), 50)).toBe(false);
    expect(needsAllowDeletes(snap(['a', 'b', 'c']), snap(['a']), 50)).toBe(true);
    expect(needsAllowDeletes(snap(['a']), snap(['b']), 100)).toBe(true);
  });
});
