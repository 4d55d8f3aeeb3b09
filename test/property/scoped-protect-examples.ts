// A scoped-plan case the random ones rarely draw: a protected pair assigned on two accounts,
// and an edit that stops listing it on one. The diff keeps a protected assignment the files
// no longer list, and that is why a scoped plan reads no protected pair of its own
// (src/plan/scoped/needs.ts): were the assignment deleted, the full plan would keep the pair
// on the other account while a scoped plan, seeing only the touched account, would refuse
// the plan as a lock-out. This case fails then, so the two rules cannot drift apart unseen.
import type { LiveState } from '../../src/model/live.js';
import type { DesiredState } from '../../src/model/types.js';
import {
  aDesiredState,
  aGroup,
  anAssignmentEntry,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  liveStateOf,
} from '../../src/testing/builders.js';
import { ACCOUNTS } from './scoped-arbitraries.js';

type Case = { before: DesiredState; after: DesiredState; live: LiveState };

export function protectExamples(): Case[] {
  const groups = [aGroup({ name: 'Ops', members: [] })];
  const permissionSets = [aPermissionSet({ name: 'Admin' })];
  const on = (account: string) => anAssignmentEntry({ permissionSet: 'Admin', groups: ['Ops'], accounts: [account] });
  const before = aDesiredState({
    groups,
    permissionSets,
    assignments: [on('prod'), on('333333333333')],
    files: ['identity.yaml'],
    settings: aSettings({ safety: { maxDeletePercent: 100, protect: [aProtectEntry({ permissionSet: 'Admin', group: 'Ops' })] } }),
  });
  const after = { ...before, assignments: [on('333333333333')] };
  const live = liveStateOf({
    groups,
    permissionSets,
    accounts: ACCOUNTS,
    assignments: ['222222222222', '333333333333'].map((accountId) => ({
      permissionSet: 'Admin',
      principalType: 'GROUP' as const,
      principal: 'Ops',
      accountId,
    })),
  });
  return [{ before, after, live }];
}
