import { describe, expect, it } from 'vitest';
import { aGroup, aPermissionSet, aTriple, aUser, anAccount, liveStateOf } from '../testing/builders.js';
import type { LiveState } from '../model/live.js';
import { liveChecksum } from './checksum.js';

const live = liveStateOf({
  users: [aUser({ userName: 'a' }), aUser({ userName: 'b' })],
  groups: [aGroup({ name: 'G', members: ['a', 'b'] }), aGroup({ name: 'H' })],
  permissionSets: [aPermissionSet({ name: 'S', managedPolicies: ['arn:1', 'arn:2'] })],
  accounts: [anAccount({ id: '111111111111' }), anAccount({ id: '222222222222' })],
  assignments: [
    aTriple({ permissionSet: 'S', principal: 'G', accountId: '111111111111' }),
    aTriple({ permissionSet: 'S', principal: 'G', accountId: '222222222222' }),
  ],
});

function reversed(state: LiveState): LiveState {
  const out = { ...state } as Record<string, unknown>;
  for (const [k, v] of Object.entries(state)) if (Array.isArray(v)) out[k] = [...(v as unknown[])].reverse();
  out.permissionSets = state.permissionSets.map((s) => ({ ...s, managedPolicies: [...s.managedPolicies].reverse() })).reverse();
  return out as unknown as LiveState;
}

describe('liveChecksum', () => {
  it('is a sha256 hex digest', () => {
    expect(liveChecksum(live)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order AWS listed things in', () => {
    expect(liveChecksum(reversed(live))).toBe(liveChecksum(live));
  });

  it.each<[string, (s: LiveState) => LiveState]>([
    ['a user attribute', (s) => ({ ...s, users: s.users.map((u, i) => (i === 0 ? { ...u, displayName: 'New' } : u)) })],
    ['a membership', (s) => ({ ...s, memberships: s.memberships.slice(1) })],
    ['an assignment', (s) => ({ ...s, assignments: s.assignments.slice(1) })],
    [
      'a provisioning status',
      (s) => ({
        ...s,
        provisioning: s.provisioning.map((p, i) => (i === 0 ? { ...p, status: 'LATEST_PERMISSION_SET_NOT_PROVISIONED' as const } : p)),
      }),
    ],
    ['an id', (s) => ({ ...s, groups: s.groups.map((g, i) => (i === 0 ? { ...g, id: 'other-id' } : g)) })],
    ['an account tag', (s) => ({ ...s, accounts: s.accounts.map((a, i) => (i === 0 ? { ...a, tags: { env: 'x' } } : a)) })],
  ])('moves when %s changes', (_what, mutate) => {
    expect(liveChecksum(mutate(live))).not.toBe(liveChecksum(live));
  });
});
