import { describe, expect, it } from 'vitest';
import type { Change } from '../plan/types.js';
import { aLiveUser } from '../testing/builders.js';
import { emptyLive, RecordingWriter } from '../testing/recording-writer.js';
import { applyPhases } from './apply.js';

const psAfter = { name: 'Admin', tags: {}, managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: [] };
const user = (userName: string) => ({ userName, displayName: userName, givenName: 'A', familyName: 'L' });

/** A writer that records when calls start and end; the calls `slow` picks take 30 ms. */
function timedWriter(slow: (call: string) => boolean) {
  const w = new RecordingWriter(undefined, slow);
  return { w, events: w.events };
}

const groupAssignment = (principal: string, permissionSet = 'Admin'): Change => ({
  kind: 'assignment',
  action: 'create',
  permissionSet,
  principalType: 'GROUP',
  principal,
  accountId: '222222222222',
});

describe('applyPhases starting each addition once what it needs exists', () => {
  it("creates a group's assignment while users that nothing waits for are still being created", async () => {
    const { w, events } = timedWriter((call) => call.startsWith('createUser'));
    const phases: Change[][] = [
      [{ kind: 'user', action: 'create', userName: 'bob', after: user('bob') }],
      [{ kind: 'group', action: 'create', name: 'Devs' }],
      [{ kind: 'permissionSet', action: 'create', name: 'Admin', after: psAfter }],
      [groupAssignment('Devs')],
    ];
    const result = await applyPhases(phases, emptyLive(), w);
    expect(result.failures).toEqual([]);
    expect(events.indexOf('end createAssignment arn:ps/Admin g-Devs 222222222222')).toBeLessThan(events.indexOf('end createUser bob'));
  });

  it('adds a membership only once its user and its group exist', async () => {
    const { w, events } = timedWriter((call) => call === 'createUser alice');
    const phases: Change[][] = [
      [{ kind: 'user', action: 'create', userName: 'alice', after: user('alice') }],
      [{ kind: 'group', action: 'create', name: 'Devs' }],
      [{ kind: 'membership', action: 'create', group: 'Devs', userName: 'alice' }],
    ];
    await applyPhases(phases, emptyLive(), w);
    expect(events.indexOf('start createMembership g-Devs u-alice')).toBeGreaterThan(events.indexOf('end createUser alice'));
    expect(events.indexOf('start createMembership g-Devs u-alice')).toBeGreaterThan(events.indexOf('end createGroup Devs'));
  });

  it('creates a group only after every rename, which may give up its name', async () => {
    const { w, events } = timedWriter((call) => call.startsWith('updateGroup'));
    const live = emptyLive({ groups: [{ id: 'g-old', name: 'Devs' }] });
    const phases: Change[][] = [
      [{ kind: 'group', action: 'rename', name: 'Developers', previousName: 'Devs' }],
      [{ kind: 'group', action: 'create', name: 'Devs' }],
    ];
    const result = await applyPhases(phases, live, w);
    expect(result.failures).toEqual([]);
    expect(events.indexOf('start createGroup Devs')).toBeGreaterThan(events.indexOf('end updateGroup g-old'));
  });

  it('creates permission sets only after the attributes for access control their policies may read', async () => {
    const { w, events } = timedWriter((call) => call.startsWith('createAccessControlAttributes'));
    const phases: Change[][] = [
      [{ kind: 'accessControlAttribute', action: 'create', key: 'team', source: ['${path:enterprise.department}'] }],
      [{ kind: 'permissionSet', action: 'create', name: 'Admin', after: psAfter }],
    ];
    await applyPhases(phases, emptyLive(), w);
    expect(events.indexOf('start createPermissionSet Admin')).toBeGreaterThan(events.indexOf('end createAccessControlAttributes team'));
  });

  it('creates assignments only after every re-provisioning, even of other sets', async () => {
    const { w, events } = timedWriter((call) => call.startsWith('provision'));
    const live = emptyLive({
      groups: [{ id: 'g1', name: 'Devs' }],
      permissionSets: [
        { ...psAfter, arn: 'arn:a' },
        { ...psAfter, name: 'Other', arn: 'arn:o' },
      ],
    });
    const phases: Change[][] = [
      [{ kind: 'permissionSet', action: 'reprovision', name: 'Other', staleAccounts: [], reason: 'updated' }],
      [groupAssignment('Devs')],
    ];
    await applyPhases(phases, live, w);
    expect(events.indexOf('start createAssignment arn:a g1 222222222222')).toBeGreaterThan(events.indexOf('end provision arn:o'));
  });
});

describe('applyPhases running memberships alongside the assignments', () => {
  const live = () =>
    emptyLive({
      users: [aLiveUser({ id: 'u-alice', userName: 'alice' })],
      groups: [
        { id: 'g1', name: 'Devs' },
        { id: 'g2', name: 'Ops' },
      ],
      permissionSets: [{ ...psAfter, arn: 'arn:a' }],
      memberships: [{ groupId: 'g2', userId: 'u-alice', membershipId: 'm-ops' }],
    });
  const membershipAdd: Change = { kind: 'membership', action: 'create', group: 'Devs', userName: 'alice' };
  const assignmentAdd: Change = {
    kind: 'assignment',
    action: 'create',
    permissionSet: 'Admin',
    principalType: 'GROUP',
    principal: 'Ops',
    accountId: '222222222222',
  };
  const assignmentRemove: Change = {
    kind: 'assignment',
    action: 'delete',
    permissionSet: 'Admin',
    principalType: 'GROUP',
    principal: 'Devs',
    accountId: '222222222222',
  };

  /** A writer whose memberships take `ms` to add, recording when each call starts and ends. */
  function slowMemberships(ms: number) {
    const w = new RecordingWriter();
    const events: string[] = [];
    w.createMembership = async () => {
      events.push('membership start');
      await new Promise((r) => setTimeout(r, ms));
      events.push('membership end');
    };
    w.createAssignment = async () => {
      events.push('assignment create');
    };
    w.deleteAssignment = async () => {
      events.push('assignment delete');
    };
    return { w, events };
  }

  it('creates group assignments while memberships are still being added', async () => {
    const { w, events } = slowMemberships(30);
    const result = await applyPhases([[membershipAdd], [assignmentAdd]], live(), w);
    expect(result.failures).toEqual([]);
    expect(events).toEqual(['membership start', 'assignment create', 'membership end']);
  });

  it('finishes adding memberships before any assignment is deleted (no lock-out meanwhile)', async () => {
    const { w, events } = slowMemberships(30);
    const result = await applyPhases([[membershipAdd], [assignmentAdd], [assignmentRemove]], live(), w);
    expect(result.failures).toEqual([]);
    expect(events).toEqual(['membership start', 'assignment create', 'membership end', 'assignment delete']);
  });

  it('still skips a membership removal whose replacement membership failed', async () => {
    const w = new RecordingWriter('createMembership g1 u-alice');
    const removal: Change = { kind: 'membership', action: 'delete', group: 'Ops', userName: 'alice' };
    const result = await applyPhases([[membershipAdd], [assignmentAdd], [removal]], live(), w);
    expect(result.failures.map((f) => f.error)).toEqual([
      'injected failure of createMembership g1 u-alice',
      expect.stringContaining('skipped: it depends on a change that failed'),
    ]);
    expect(w.calls).not.toContain('deleteMembership m-ops');
  });
});
