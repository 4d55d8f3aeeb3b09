import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState } from '../../src/load/load.js';
import { generateOrganization, POLICY_SCENARIO_SET } from './generate.js';
import { assignmentKey, pairKey } from './org.js';
import { SHAPES } from './shapes.js';
import { assignmentEntries, writeStateDirectory } from './state-files.js';
import { applyDrift, driftOf, newAssignments } from './variants.js';

describe('synthetic organization generator', () => {
  const org = generateOrganization(SHAPES.S);

  it('produces exactly the counts of the shape, with distinct assignments', () => {
    expect(org.accounts).toHaveLength(20);
    expect(org.permissionSets).toHaveLength(10);
    expect(org.users).toHaveLength(100);
    expect(org.groups).toHaveLength(20);
    expect(new Set(org.assignments.map(assignmentKey)).size).toBe(300);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateOrganization(SHAPES.S)).toEqual(org);
    expect(generateOrganization(SHAPES.S, 8).assignments).not.toEqual(org.assignments);
  });

  it('provisions the policy-scenario set to exactly policyAccounts accounts', () => {
    const accounts = new Set(org.assignments.filter((a) => a.permissionSet === POLICY_SCENARIO_SET).map((a) => a.account));
    expect(accounts.size).toBe(SHAPES.S.policyAccounts);
  });

  it('refers only to generated users, groups, sets and accounts', () => {
    const names = new Set([...org.users.map((u) => `USER|${u.userName}`), ...org.groups.map((g) => `GROUP|${g.name}`)]);
    const accounts = new Set(org.accounts.map((a) => a.name));
    const sets = new Set(org.permissionSets.map((s) => s.name));
    for (const a of org.assignments) {
      expect(names.has(`${a.principalType}|${a.principal}`)).toBe(true);
      expect(accounts.has(a.account) && sets.has(a.permissionSet)).toBe(true);
    }
    const users = new Set(org.users.map((u) => u.userName));
    expect(org.groups.flatMap((g) => g.members).every((m) => users.has(m))).toBe(true);
  });

  it('mostly assigns groups', () => {
    const groups = org.assignments.filter((a) => a.principalType === 'GROUP').length;
    expect(groups / org.assignments.length).toBeGreaterThan(0.7);
  });

  it('writes assignment entries that expand back to exactly the assignments', () => {
    const expanded = assignmentEntries(org.assignments).flatMap((e) =>
      [...(e.groups ?? []).map((g) => ['GROUP', g] as const), ...(e.users ?? []).map((u) => ['USER', u] as const)].flatMap(
        ([principalType, principal]) =>
          e.accounts.map((account) => assignmentKey({ permissionSet: e.permissionSet, principalType, principal, account })),
      ),
    );
    expect(new Set(expanded)).toEqual(new Set(org.assignments.map(assignmentKey)));
    expect(expanded).toHaveLength(300);
  });

  it('adds only assignments the organization does not have', () => {
    const extra = newAssignments(org, 100, 13);
    const existing = new Set(org.assignments.map(assignmentKey));
    expect(new Set(extra.map(assignmentKey)).size).toBe(100);
    expect(extra.some((a) => existing.has(assignmentKey(a)))).toBe(false);
  });

  it('drifts 1%: half of the changed assignments removed, half added, 1% of users renamed', () => {
    const drift = driftOf(org, 0.01, 11);
    const live = applyDrift(org, drift);
    expect(drift.removedAssignments.length + drift.addedAssignments.length).toBe(3);
    expect(live.assignments).toHaveLength(300 - drift.removedAssignments.length + drift.addedAssignments.length);
    expect(live.users.filter((u, i) => u.displayName !== org.users[i]?.displayName)).toHaveLength(1);
    expect(new Set(live.assignments.map(pairKey)).size).toBeGreaterThan(0);
  });
});

describe('state directory of a generated organization', () => {
  it("loads with the tool's own loader without a diagnostic and with every object", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-state-'));
    try {
      const org = generateOrganization(SHAPES.S);
      writeStateDirectory(dir, org);
      const { state, diagnostics } = await loadState(dir);
      expect(diagnostics).toEqual([]);
      expect(state?.users).toHaveLength(100);
      expect(state?.groups).toHaveLength(20);
      expect(state?.permissionSets).toHaveLength(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
