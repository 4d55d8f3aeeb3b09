import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../model/order.js';
import { aDesiredState, aGroup, anAssignmentEntry } from '../testing/builders.js';
import { declaredNames, declaredSpelling, type MergedState } from './merge.js';
import { adoptDeclaredSpellings } from './rules.js';

const USERS = ['ada', 'Bob', 'bob', 'cy'];
const GROUPS = ['Ops', 'ops', 'Dev'];
const names = (pool: string[]) => fc.array(fc.constantFrom(...pool, ...pool.map((n) => n.toUpperCase())), { maxLength: 20 });

/** The merged state of some groups and entries, with the declared names of a random subset. */
const merged = fc
  .record({
    users: fc.oneof(fc.subarray(USERS), fc.constant(USERS)),
    groups: fc.subarray(GROUPS),
    members: fc.array(fc.oneof(names(USERS), fc.shuffledSubarray(USERS)), { maxLength: 3 }),
    sortMembers: fc.boolean(),
    entries: fc.array(fc.record({ users: names(USERS), groups: names(GROUPS) }), { maxLength: 3 }),
  })
  .map(({ users, groups, members, sortMembers, entries }): MergedState => {
    const state = aDesiredState({
      groups: members.map((m, i) => aGroup({ name: `g${i}`, members: sortMembers ? [...new Set(m)].sort(compareStrings) : m })),
      assignments: entries.map((e) => anAssignmentEntry(e)),
    });
    return {
      state,
      declared: { users: declaredNames(users, []), groups: declaredNames(groups, []), permissionSets: declaredNames([], []) },
      unreadable: new Set(),
      diagnostics: [],
    };
  });

/** The first form: every list respelled, deduplicated, members sorted. */
function firstForm(m: MergedState) {
  const spell = (kind: 'users' | 'groups', n: string) => declaredSpelling(m.declared[kind], n) ?? n;
  return {
    members: m.state.groups.map((g) => [...new Set(g.members.map((n) => spell('users', n)))].sort(compareStrings)),
    entries: m.state.assignments.map((e) => ({
      users: [...new Set(e.users.map((n) => spell('users', n)))],
      groups: [...new Set(e.groups.map((n) => spell('groups', n)))],
    })),
  };
}

describe('adoptDeclaredSpellings', () => {
  it('gives every list as the first form did, whether or not it keeps the list itself', () => {
    fc.assert(
      fc.property(merged, (m) => {
        const expected = firstForm(m);
        adoptDeclaredSpellings(m);
        expect({
          members: m.state.groups.map((g) => g.members),
          entries: m.state.assignments.map((e) => ({ users: e.users, groups: e.groups })),
        }).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
