// Scoped plans (`plan --changed-since`) behind the golden files, built through the real
// pipeline: the touched objects, the scoped read (as projected from a complete live state),
// the scoped plan, then its access reads and access changes — computed, or past the bound
// of affected people, a note instead.
import type { LiveState } from '../../src/model/live.js';
import type { DesiredState } from '../../src/model/types.js';
import { accessCostEstimate, accessSeeds, movesAccess } from '../../src/plan/scoped/access-needs.js';
import { accessSourceOf } from '../../src/plan/scoped/access-project.js';
import { readScopedAccess } from '../../src/plan/scoped/access-read.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { buildScopedPlan, withScopedAccessChanges } from '../../src/plan/scoped/plan-scoped.js';
import { projectLive } from '../../src/plan/scoped/project.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import type { Plan } from '../../src/plan/types.js';
import { aDesiredState, aGroup, anAccount, anAssignmentEntry, aPermissionSet, aUser, liveStateOf } from '../../src/testing/builders.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const prod = anAccount({ id: '111111111111', name: 'prod' });
const dev = anAccount({ id: '222222222222', name: 'dev' });
const users = ['alice', 'bob', 'carol', 'dan'].map((n) => aUser({ userName: `${n}@example.com` }));
const sets = [aPermissionSet({ name: 'AdministratorAccess' }), aPermissionSet({ name: 'ReadOnly' })];
const groups = [
  aGroup({ name: 'Platform Admins', members: ['alice@example.com'] }),
  aGroup({ name: 'Developers', members: ['carol@example.com', 'dan@example.com'] }),
];
const before = aDesiredState({
  files: ['identity.yaml'],
  users,
  groups,
  permissionSets: sets,
  assignments: [
    anAssignmentEntry({ permissionSet: 'AdministratorAccess', groups: ['Platform Admins'], accounts: ['prod', 'dev'] }),
    anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], accounts: ['dev'] }),
    anAssignmentEntry({ permissionSet: 'ReadOnly', users: ['carol@example.com'], accounts: ['prod'] }),
  ],
});
/** bob joins Platform Admins; Developers get ReadOnly on prod too (carol has it directly) */
const after: DesiredState = {
  ...before,
  groups: [aGroup({ name: 'Platform Admins', members: ['alice@example.com', 'bob@example.com'] }), groups[1] ?? aGroup()],
  assignments: [
    ...before.assignments.slice(0, 1),
    anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], accounts: ['dev', 'prod'] }),
    ...before.assignments.slice(2),
  ],
};
const live: LiveState = liveStateOf({
  accounts: [prod, dev],
  users,
  groups,
  permissionSets: sets,
  assignments: [
    { permissionSet: 'AdministratorAccess', principalType: 'GROUP', principal: 'Platform Admins', accountId: prod.id },
    { permissionSet: 'AdministratorAccess', principalType: 'GROUP', principal: 'Platform Admins', accountId: dev.id },
    { permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Developers', accountId: dev.id },
    { permissionSet: 'ReadOnly', principalType: 'USER', principal: 'carol@example.com', accountId: prod.id },
  ],
});

async function scopedPlanOf(limit: number): Promise<Plan> {
  const decision = touchedObjects(before, after, live);
  if ('full' in decision) throw new Error(decision.full);
  const scoped = projectLive(live, readNeeds(decision.scoped, after, live.managementAccountId));
  const { plan, diagnostics } = buildScopedPlan(
    { desired: after, before, live: scoped, touched: decision.scoped, ref: 'origin/main' },
    { allowDeletes: false, now: NOW },
  );
  if (!plan) throw new Error(`fixture does not plan: ${diagnostics.map((d) => d.message).join('; ')}`);
  const seeds = accessSeeds(plan.changes);
  const access = movesAccess(seeds)
    ? await readScopedAccess(accessSourceOf(live), seeds, scoped, { limit, estimate: accessCostEstimate(after) })
    : undefined;
  return withScopedAccessChanges(plan, access, after, NOW);
}

/** A scoped plan with its access changes: bob gains AdministratorAccess twice, dan ReadOnly on prod. */
export const scopedAccessPlan = (): Promise<Plan> => scopedPlanOf(1000);

/** The same plan past the bound of affected people (3 people, bound 2): a note instead. */
export const scopedAccessBoundPlan = (): Promise<Plan> => scopedPlanOf(2);
