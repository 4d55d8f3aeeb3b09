import { describe, expect, it } from 'vitest';
import { aDesiredState, aGroup, anAccount, aUser, liveStateOf } from '../../testing/builders.js';
import { readNeeds } from './needs.js';
import { ACCESS_NOTE, buildScopedPlan } from './plan-scoped.js';
import { projectLive } from './project.js';
import { touchedObjects } from './touched.js';

const users = ['ann', 'bob', 'cy', 'dee'].map((userName) => aUser({ userName }));
const before = aDesiredState({ users, groups: [aGroup({ name: 'Ops', members: ['dee'] })], files: ['identity.yaml'] });

function plan(after: typeof before, live = liveStateOf({ users, groups: before.groups, accounts: [anAccount()] })) {
  const decision = touchedObjects(before, after, live);
  if ('full' in decision) throw new Error(decision.full);
  const scopedLive = projectLive(live, readNeeds(decision.scoped, after, live.managementAccountId));
  const { plan } = buildScopedPlan(
    { desired: after, before, live: scopedLive, touched: decision.scoped, ref: 'origin/main' },
    { allowDeletes: false },
  );
  if (!plan) throw new Error('no plan');
  return { plan, scopedLive };
}

describe('buildScopedPlan', () => {
  it('says what it is scoped to, and plans only the touched object', () => {
    const { plan: p, scopedLive } = plan({ ...before, groups: [aGroup({ name: 'Ops', members: ['bob', 'dee'] })] });
    expect(p.scope).toEqual({ changedSince: 'origin/main', objects: 1 });
    expect(p.changes).toEqual([{ kind: 'membership', action: 'create', group: 'Ops', userName: 'bob' }]);
    expect(scopedLive.users.map((u) => u.userName)).toEqual(['bob']);
  });

  it('leaves access changes out, with a note, rather than compute them from a partial read', () => {
    const { plan: p } = plan({ ...before, groups: [aGroup({ name: 'Ops', members: ['bob', 'dee'] })] });
    expect(p.accessChanges).toBeUndefined();
    expect(p.notes).toContain(ACCESS_NOTE);
  });

  it('counts deletions against the totals of the files at the ref, and says they are estimated', () => {
    // one user of four deleted: 25% is not more than the default 25%; two of four is
    const { plan: one } = plan({ ...before, users: users.slice(1) });
    expect(one.refused).toEqual([]);
    const { plan: two } = plan({ ...before, users: users.slice(2) });
    expect(two.refused.map((r) => r.message)).toContainEqual(
      expect.stringContaining('deletes 2 of 4 (estimated from the files at origin/main) live users'),
    );
  });
});
