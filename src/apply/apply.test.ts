import { describe, expect, it } from 'vitest';
import type { AccessControlAttribute } from '../model/types.js';
import type { AttributeChange, Change } from '../plan/types.js';
import { applyPhases, DEFAULT_APPLY_OPTIONS } from './apply.js';
import { emptyLive, RecordingWriter } from '../testing/recording-writer.js';

const user = { userName: 'alice', displayName: 'Alice', givenName: 'A', familyName: 'L' };
const psAfter = { name: 'Admin', tags: {}, managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: [] };

describe('applyPhases', () => {
  it('uses the ids of objects created before, starting first what the most changes wait for', async () => {
    const phases: Change[][] = [
      [{ kind: 'user', action: 'create', userName: 'alice', after: user }],
      [{ kind: 'group', action: 'create', name: 'Devs' }],
      [{ kind: 'membership', action: 'create', group: 'Devs', userName: 'alice' }],
      [{ kind: 'permissionSet', action: 'create', name: 'Admin', after: psAfter }],
      [
        {
          kind: 'assignment',
          action: 'create',
          permissionSet: 'Admin',
          principalType: 'GROUP',
          principal: 'Devs',
          accountId: '222222222222',
        },
      ],
    ];
    const w = new RecordingWriter();
    const result = await applyPhases(phases, emptyLive(), w);
    expect(result).toEqual({ applied: 5, failures: [], refused: [] });
    // the group (a membership and an assignment wait for it) before the user and the set
    // (one each); the membership and the assignment once theirs exist
    expect(w.calls).toEqual([
      'createGroup Devs',
      'createUser alice',
      'createPermissionSet Admin',
      'attachManagedPolicy arn:ps/Admin',
      'createMembership g-Devs u-alice',
      'createAssignment arn:ps/Admin g-Devs 222222222222',
    ]);
  });

  it('reports a failure, skips what depends on it, and still applies the independent rest', async () => {
    const phases: Change[][] = [
      [
        { kind: 'user', action: 'create', userName: 'alice', after: user },
        { kind: 'group', action: 'create', name: 'Ops' },
      ],
      [{ kind: 'membership', action: 'create', group: 'Ops', userName: 'alice' }],
    ];
    const w = new RecordingWriter('createUser alice');
    const result = await applyPhases(phases, emptyLive(), w);
    expect(result.applied).toBe(1);
    expect(result.failures.map((f) => `${f.label}: ${f.error}`)).toEqual([
      'create user "alice": injected failure of createUser alice',
      'create membership "alice" in group "Ops": skipped: it depends on a change that failed (create user "alice")',
    ]);
    expect(w.calls).toEqual(['createUser alice', 'createGroup Ops']);
  });

  it('updates a live permission set from its live content and deletes memberships by their id', async () => {
    const live = emptyLive({
      users: [{ ...user, id: 'u1' }],
      groups: [{ id: 'g1', name: 'Devs' }],
      memberships: [{ membershipId: 'm1', groupId: 'g1', userId: 'u1' }],
      permissionSets: [{ ...psAfter, arn: 'arn:live', managedPolicies: [] }],
    });
    const phases: Change[][] = [
      [{ kind: 'permissionSet', action: 'update', name: 'Admin', attributes: [], after: psAfter }],
      [{ kind: 'permissionSet', action: 'reprovision', name: 'Admin', staleAccounts: [], reason: 'updated' }],
      [{ kind: 'membership', action: 'delete', group: 'Devs', userName: 'alice' }],
    ];
    const w = new RecordingWriter();
    await applyPhases(phases, live, w);
    expect(w.calls).toEqual(['attachManagedPolicy arn:live', 'provision arn:live', 'deleteMembership m1']);
  });

  it('never has more assignment requests in flight than allowed', async () => {
    let inFlight = 0;
    let peak = 0;
    const w = new RecordingWriter();
    w.createAssignment = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    };
    const live = emptyLive({ groups: [{ id: 'g1', name: 'Devs' }], permissionSets: [{ ...psAfter, arn: 'arn:a' }] });
    const phase: Change[] = Array.from({ length: 40 }, (_, i) => ({
      kind: 'assignment',
      action: 'create',
      permissionSet: 'Admin',
      principalType: 'GROUP',
      principal: 'Devs',
      accountId: String(100000000000 + i),
    }));
    const result = await applyPhases([phase], live, w, { concurrency: 8, assignmentConcurrency: 10 });
    expect(result.failures).toEqual([]);
    expect(peak).toBe(10);
  });

  it('sends the assignment requests of one (account, permission set) pair one after another, so one read confirms them', async () => {
    const w = new RecordingWriter();
    const live = emptyLive({
      groups: ['Devs', 'Ops', 'Qa'].map((name) => ({ id: `g-${name}`, name })),
      permissionSets: [
        { ...psAfter, arn: 'arn:a' },
        { ...psAfter, name: 'Read', arn: 'arn:r' },
      ],
    });
    // the plan's order is by set, principal, account: the pairs interleave
    const phase: Change[] = ['Admin', 'Read'].flatMap((permissionSet) =>
      ['Devs', 'Ops', 'Qa'].flatMap((principal) =>
        ['111111111111', '222222222222'].map((accountId): Change => ({
          kind: 'assignment',
          action: 'create',
          permissionSet,
          principalType: 'GROUP',
          principal,
          accountId,
        })),
      ),
    );
    await applyPhases([phase], live, w, { concurrency: 8, assignmentConcurrency: 1 });
    const pairs = w.calls.map((c) =>
      c
        .split(' ')
        .filter((_, i) => i === 1 || i === 3)
        .join(' '),
    );
    const runs = pairs.filter((p, i) => p !== pairs[i - 1]);
    expect(new Set(runs).size).toBe(runs.length); // each pair appears as one run of calls
    expect(w.calls).toHaveLength(12);
  });
});

describe('applyPhases never deletes what the run created or adopted', () => {
  it('refuses to delete a group whose id a create of this run returned (CreateGroup adopted it by name)', async () => {
    // The reported bug: `Platform Admins` → `PLATFORM ADMINS`; CreateGroup conflicts, the
    // writer adopts the old group's id by name, then the planned delete of the old
    // spelling would delete that same id with its assignments.
    const live = emptyLive({ groups: [{ id: 'g-old', name: 'Platform Admins' }] });
    const w = new RecordingWriter();
    w.createGroup = async (name: string) => {
      w.calls.push(`createGroup ${name}`);
      return 'g-old';
    };
    const phases: Change[][] = [
      [{ kind: 'group', action: 'create', name: 'PLATFORM ADMINS' }],
      [{ kind: 'group', action: 'delete', name: 'Platform Admins' }],
    ];
    const result = await applyPhases(phases, live, w);
    expect(w.calls).toEqual(['createGroup PLATFORM ADMINS']);
    expect(result.applied).toBe(1);
    expect(result.failures.map((f) => `${f.label}: ${f.error}`)).toEqual([
      'delete group "Platform Admins": refused: its id g-old was returned by create group "PLATFORM ADMINS" in this run ' +
        '(AWS matched the new name to this object); deleting it would undo that change. Nothing was deleted; plan again to see the live state',
    ]);
  });

  it('refuses the same for users and permission sets', async () => {
    const live = emptyLive({
      users: [{ ...user, userName: 'Alice', id: 'u-old' }],
      permissionSets: [{ ...psAfter, name: 'admin', arn: 'arn:old' }],
    });
    const w = new RecordingWriter();
    w.createUser = async () => 'u-old';
    w.createPermissionSet = async () => ({ arn: 'arn:old' });
    const phases: Change[][] = [
      [{ kind: 'user', action: 'create', userName: 'alice', after: user }],
      [{ kind: 'permissionSet', action: 'create', name: 'Admin', after: psAfter }],
      [{ kind: 'user', action: 'delete', userName: 'Alice' }],
      [{ kind: 'permissionSet', action: 'delete', name: 'admin' }],
    ];
    const result = await applyPhases(phases, live, w);
    expect(result.failures.map((f) => f.label)).toEqual(['delete user "Alice"', 'delete permission set "admin"']);
    expect(w.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
  });
});

describe('applyPhases with renames and what goes with a deleted object', () => {
  it('renames a group in place and then uses its new name for memberships and assignments', async () => {
    const live = emptyLive({
      users: [{ ...user, id: 'u1' }],
      groups: [{ id: 'g1', name: 'Support' }],
      permissionSets: [{ ...psAfter, arn: 'arn:a' }],
    });
    const w = new RecordingWriter();
    const updates: unknown[] = [];
    w.updateGroup = async (id: string, attributes: AttributeChange[]) => {
      w.calls.push(`updateGroup ${id}`);
      updates.push(attributes);
    };
    const phases: Change[][] = [
      [{ kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Support' }],
      [{ kind: 'membership', action: 'create', group: 'Customer Support', userName: 'alice' }],
      [
        {
          kind: 'assignment',
          action: 'create',
          permissionSet: 'Admin',
          principalType: 'GROUP',
          principal: 'Customer Support',
          accountId: '222222222222',
        },
      ],
    ];
    const result = await applyPhases(phases, live, w);
    expect(result).toEqual({ applied: 3, failures: [], refused: [] });
    expect(w.calls).toEqual(['updateGroup g1', 'createMembership g1 u1', 'createAssignment arn:a g1 222222222222']);
    expect(updates).toEqual([[{ field: 'displayName', before: 'Support', after: 'Customer Support' }]]);
  });

  it('skips what uses the new name when the rename fails, naming the rename', async () => {
    const live = emptyLive({ users: [{ ...user, id: 'u1' }], groups: [{ id: 'g1', name: 'Support' }] });
    const w = new RecordingWriter('updateGroup g1');
    const phases: Change[][] = [
      [{ kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Support' }],
      [{ kind: 'membership', action: 'create', group: 'Customer Support', userName: 'alice' }],
    ];
    const result = await applyPhases(phases, live, w);
    expect(result.failures.map((f) => `${f.label}: ${f.error}`)).toEqual([
      'rename group "Support" to "Customer Support": injected failure of updateGroup g1',
      'create membership "alice" in group "Customer Support": skipped: it depends on a change that failed (rename group "Support" to "Customer Support")',
    ]);
  });

  it('removes the memberships listed with a deleted group before deleting it, without failing', async () => {
    const live = emptyLive({
      users: [{ ...user, id: 'u1' }],
      groups: [{ id: 'g1', name: 'Support' }],
      memberships: [{ membershipId: 'm1', groupId: 'g1', userId: 'u1' }],
    });
    const w = new RecordingWriter();
    const phases: Change[][] = [
      [{ kind: 'membership', action: 'delete', group: 'Support', userName: 'alice' }],
      [{ kind: 'group', action: 'delete', name: 'Support' }],
    ];
    expect(await applyPhases(phases, live, w)).toEqual({ applied: 2, failures: [], refused: [] });
    expect(w.calls).toEqual(['deleteMembership m1', 'deleteGroup g1']);
  });
});

describe('applyPhases with changes refused alone', () => {
  it('applies neither the refused change nor what depends on it, and everything unrelated', async () => {
    const update: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      attributes: [{ field: 'description', after: 'x' }],
      after: { ...psAfter, description: 'x' },
    };
    const assign: Change = {
      kind: 'assignment',
      action: 'create',
      permissionSet: 'Admin',
      principalType: 'USER',
      principal: 'bob',
      accountId: '222222222222',
    };
    const phases: Change[][] = [[{ kind: 'user', action: 'create', userName: 'alice', after: user }, update], [assign]];
    const live = emptyLive({
      users: [{ ...user, userName: 'bob', id: 'u-bob' }],
      permissionSets: [{ ...psAfter, arn: 'arn:ps/Admin' }],
    });
    const w = new RecordingWriter();
    const result = await applyPhases(phases, live, w, { concurrency: 2, assignmentConcurrency: 1, refused: [structuredClone(update)] });
    expect(w.calls).toEqual(['createUser alice']);
    expect(result.applied).toBe(1);
    expect(result.refused.map((r) => r.label)).toEqual(['update permission set "Admin"']);
    expect(result.failures.map((f) => f.error)).toEqual([
      'skipped: it depends on a change the safety rules refuse (update permission set "Admin")',
    ]);
  });
});

describe('applyPhases with a configuration AWS writes whole (attributes for access control)', () => {
  const create = (key: string): Change => ({ kind: 'accessControlAttribute', action: 'create', key, source: [`\${path:${key}}`] });
  const remove = (key: string): Change => ({ kind: 'accessControlAttribute', action: 'delete', key });
  const attribute = (key: string): AccessControlAttribute => ({ key, source: [`\${path:${key}}`] });

  it('writes every change of the phase in one call, counting each change', async () => {
    const w = new RecordingWriter();
    const live = emptyLive({ accessControlAttributes: [attribute('Team'), attribute('Old')] });
    const result = await applyPhases([[create('CostCenter'), remove('Old'), create('Division')]], live, w);
    expect(result).toEqual({ applied: 3, failures: [], refused: [] });
    expect(w.calls).toEqual(['updateAccessControlAttributes Team,CostCenter,Division']);
  });

  it('creates the configuration when none exists, and deletes it when no attribute is left', async () => {
    const created = new RecordingWriter();
    await applyPhases([[create('CostCenter')]], emptyLive(), created);
    expect(created.calls).toEqual(['createAccessControlAttributes CostCenter']);
    const deleted = new RecordingWriter();
    await applyPhases([[remove('CostCenter')]], emptyLive({ accessControlAttributes: [attribute('CostCenter')] }), deleted);
    expect(deleted.calls).toEqual(['deleteAccessControlAttributes']);
  });

  it('reports a failed write against each change it carried', async () => {
    const w = new RecordingWriter('createAccessControlAttributes A,B');
    const result = await applyPhases([[create('A'), create('B')]], emptyLive(), w);
    expect(result.applied).toBe(0);
    expect(result.failures.map((f) => [f.label, f.error])).toEqual([
      ['create attribute for access control "A"', 'injected failure of createAccessControlAttributes A,B'],
      ['create attribute for access control "B"', 'injected failure of createAccessControlAttributes A,B'],
    ]);
  });

  it('leaves a refused change out of the one write', async () => {
    const w = new RecordingWriter();
    const refusedChange = remove('Team');
    const live = emptyLive({ accessControlAttributes: [attribute('Team')] });
    const result = await applyPhases([[create('A'), refusedChange]], live, w, { ...DEFAULT_APPLY_OPTIONS, refused: [refusedChange] });
    expect(w.calls).toEqual(['updateAccessControlAttributes Team,A']);
    expect(result.applied).toBe(1);
    expect(result.refused.map((r) => r.label)).toEqual(['delete attribute for access control "Team"']);
  });
});
