// The audit rules of the reliability suites catch what they are meant to catch (so a
// passing campaign or kill/resume run means something).
import { describe, expect, it } from 'vitest';
import { assignmentKey, changeSet, membershipKey, type NamedState } from './change-set.js';
import { convergenceDifferences, orderingViolations, partlyAppliedViolations } from './invariants.js';

function copy(s: NamedState): NamedState {
  return {
    users: new Map(s.users),
    groups: new Map(s.groups),
    memberships: new Set(s.memberships),
    sets: new Map(s.sets),
    assignments: new Set(s.assignments),
  };
}

const before = changeSet(1);
const after = changeSet(2);

describe('reliability invariants', () => {
  it('the change set creates, updates and deletes every kind', () => {
    const created = [...after.assignments].filter((a) => !before.assignments.has(a)).length;
    const deleted = [...before.assignments].filter((a) => !after.assignments.has(a)).length;
    expect({ users: after.users.size, groups: after.groups.size, sets: after.sets.size }).toEqual({ users: 30, groups: 8, sets: 6 });
    expect(after.assignments.size).toBeGreaterThanOrEqual(150);
    expect(created).toBeGreaterThan(30);
    expect(deleted).toBeGreaterThan(30);
  });

  it('accepts the state before, the state after, and anything between', () => {
    const between = copy(before);
    for (const a of after.assignments) between.assignments.add(a);
    for (const [u, v] of after.users) between.users.set(u, v);
    for (const s of [before, after, between]) expect(partlyAppliedViolations(before, after, s)).toEqual([]);
    expect(orderingViolations(before, after, between)).toEqual([]);
  });

  it('reports a kept membership that was removed and an assignment that neither state has', () => {
    const live = copy(after);
    live.memberships.delete(membershipKey('g1', 'u01@example.com'));
    live.assignments.add(assignmentKey('ps0', 'USER', 'u00@example.com', 'a05'));
    expect(partlyAppliedViolations(before, after, live)).toEqual([
      'membership g1|u01@example.com is in both states but was removed',
      'assignment ps0|USER|u00@example.com|a05 exists but is in neither state',
    ]);
  });

  it('reports a deletion that is visible while a creation is still pending', () => {
    const live = copy(before);
    live.sets.delete('psOld');
    expect(orderingViolations(before, after, live)).toHaveLength(1);
  });

  it('reports what differs from the desired state, including a display name', () => {
    const live = copy(after);
    live.users.set('u00@example.com', { displayName: 'User u00@example.com' });
    expect(convergenceDifferences(after, live)).toEqual(['user u00@example.com has displayName "User u00@example.com"']);
  });
});
