// The example organization that ships in identity/ (what a user clones) and the test
// fixture org-a both load without a single diagnostic, and the example really uses
// every attribute the documentation promises.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadState } from '../../src/load/load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('shipped state', () => {
  test.each(['identity', 'test/fixtures/org-a'])('%s validates cleanly', async (dir) => {
    const result = await loadState(`${root}${dir}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.state).toBeDefined();
  });

  test('the example organization uses every kind of attribute', async () => {
    const { state } = await loadState(`${root}identity`);
    if (!state) throw new Error('identity/ did not load');
    const sets = state.permissionSets;
    expect(state.files).toEqual([
      'assignments.yaml',
      'groups.yaml',
      'permission-sets/AdministratorAccess.yaml',
      'permission-sets/Developer.yaml',
      'permission-sets/ReadOnly.yaml',
      'permission-sets/SecurityAudit.yaml',
      'settings.yaml',
      'users.yaml',
    ]);
    expect(state.hasSettings).toBe(true);
    expect(sets.some((p) => p.description !== undefined && p.sessionDuration !== undefined && p.relayState !== undefined)).toBe(true);
    expect(sets.some((p) => Object.keys(p.tags).length > 0 && p.customerManagedPolicies.length > 0 && p.inlinePolicy !== undefined)).toBe(
      true,
    );
    expect(sets.some((p) => p.permissionsBoundary && 'managedPolicyArn' in p.permissionsBoundary)).toBe(true);
    expect(sets.some((p) => p.permissionsBoundary && 'customerManagedPolicy' in p.permissionsBoundary)).toBe(true);
    const targets = state.assignments;
    expect(targets.some((a) => a.accounts.some((id) => /^\d{12}$/.test(id)))).toBe(true);
    expect(targets.some((a) => a.organizationalUnits.length > 0 && a.excludeAccounts.length > 0)).toBe(true);
    expect(targets.some((a) => Object.keys(a.accountTags).length > 0)).toBe(true);
    expect(state.settings.safety.protect.length).toBeGreaterThan(0);
    expect(state.settings.ignore.groups.length).toBeGreaterThan(0);
  });
});
