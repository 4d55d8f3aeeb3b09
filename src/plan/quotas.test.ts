// The documented default quotas of IAM Identity Center, checked at plan time: a plan
// that would pass one fails halfway through apply with ServiceQuotaExceededException.
import { describe, expect, it } from 'vitest';
import { aDesiredState, aPermissionSet, aSettings, anAccount, liveStateOf } from '../testing/builders.js';
import { formatDiagnostic } from '../model/types.js';
import type { AssignmentTriple, PermissionSet } from '../model/types.js';
import { resolveDesired } from './resolve.js';
import { buildPlan } from './build.js';
import { checkQuotas, DEFAULT_QUOTAS } from './quotas.js';

const prod = anAccount({ id: '111122223333', name: 'prod' });
const sets = (n: number, prefix = 'Set'): PermissionSet[] => Array.from({ length: n }, (_, i) => aPermissionSet({ name: `${prefix}${i}` }));

function check(
  desiredSets: PermissionSet[],
  liveSets: PermissionSet[],
  options: { assignments?: AssignmentTriple[]; settings?: ReturnType<typeof aSettings> } = {},
) {
  const desired = aDesiredState({ permissionSets: desiredSets, ...(options.settings ? { settings: options.settings } : {}) });
  const live = liveStateOf({ accounts: [prod], permissionSets: liveSets, assignments: options.assignments ?? [] });
  const { resolved } = resolveDesired(desired, live);
  return checkQuotas(desired, resolved).map(formatDiagnostic);
}

describe('checkQuotas', () => {
  it('refuses a plan that takes the instance past the default of 2000 permission sets', () => {
    expect(DEFAULT_QUOTAS.permissionSetsPerInstance).toBe(2000);
    expect(check(sets(2001), [])).toEqual([
      'the state declares 2001 permission sets; IAM Identity Center allows 2000 per instance by default: after a quota increase, set settings.quotas.permissionSetsPerInstance',
    ]);
    expect(check(sets(2000), [])).toEqual([]);
  });

  it('counts live sets the plan leaves alone (ignored) with the declared ones', () => {
    const settings = aSettings({ ignore: { permissionSets: ['AWSServiceCatalog*'] } });
    expect(check(sets(1999), sets(2, 'AWSServiceCatalog'), { settings })).toEqual([
      'the state declares 1999 permission sets and 2 more are left alone; IAM Identity Center allows 2000 per instance by default: after a quota increase, set settings.quotas.permissionSetsPerInstance',
    ]);
  });

  it('trusts a quota the instance already exceeds: AWS let it get there', () => {
    expect(check(sets(2100), sets(2100))).toEqual([]);
    expect(check(sets(2101), sets(2100))).toHaveLength(1);
  });

  it('takes a raised quota from settings.quotas', () => {
    const settings = { ...aSettings(), quotas: { permissionSetsPerInstance: 3000 } };
    expect(check(sets(2500), [], { settings })).toEqual([]);
  });

  it('refuses more than 250 permission sets provisioned to one account', () => {
    expect(DEFAULT_QUOTAS.permissionSetsPerAccount).toBe(250);
    const desired = aDesiredState({
      permissionSets: sets(251),
      groups: [{ name: 'G', members: [] }],
      assignments: sets(251).map((s) => ({
        permissionSet: s.name,
        users: [],
        groups: ['G'],
        accounts: ['prod'],
        organizationalUnits: [],
        accountTags: {},
        excludeAccounts: [],
      })),
    });
    const { resolved } = resolveDesired(desired, liveStateOf({ accounts: [prod] }));
    expect(checkQuotas(desired, resolved).map(formatDiagnostic)).toEqual([
      'account "prod" (111122223333) would have 251 permission sets provisioned; AWS allows 250 per account by default: after a quota increase, set settings.quotas.permissionSetsPerAccount',
    ]);
  });

  it('does nothing for permission sets this repository does not manage', () => {
    const settings = aSettings({ manage: { permissionSets: false } });
    expect(check(sets(2001), [], { settings })).toEqual([]);
  });

  it('buildPlan makes no plan past a quota: nothing is written halfway', () => {
    const { plan, diagnostics } = buildPlan(aDesiredState({ permissionSets: sets(2001) }), liveStateOf({ accounts: [prod] }), {
      allowDeletes: false,
    });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
