// `plan --changed-since` and `reconcile --changed-since` (issue 15, scoped plans), end to
// end on the sandbox with the real CLI and a real git repository: the scoped plan holds
// exactly the full plan's changes of the touched objects (drift elsewhere stays out), says
// so, costs a fraction of the calls, and applies; and the scoped read returns exactly the
// part of a complete read that src/plan/scoped/project.ts defines.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DescribePermissionSetCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrganization } from '../../src/aws/kinds/organization.js';
import { READ_ALL, readLiveState } from '../../src/aws/read-live.js';
import { readPermissionSetsByName, rememberPermissionSetNames } from '../../src/aws/permission-set-names.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { projectLive } from '../../src/plan/scoped/project.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import type { Account } from '../../src/model/types.js';
import { anAccount } from '../../src/testing/builders.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { loadStateFromYaml } from '../helpers/state-yaml.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { MANAGEMENT, startChangedSinceFixture, type ChangedSinceFixture } from './changed-since-fixture.js';
import { readScopedEverything, withSandboxContext } from '../helpers/aws-context.js';

const USERS = ['ana', 'bob', 'cy'].map((n) => `  - {userName: ${n}@example.com, displayName: ${n}, givenName: ${n}, familyName: Test}`);

function state(edit: boolean): string {
  return [
    'users:',
    ...USERS,
    'groups:',
    `  - {name: Operators, members: [ana@example.com${edit ? ', bob@example.com' : ''}]}`,
    '  - {name: Auditors, members: [cy@example.com]}',
    'permissionSets:',
    '  - {name: Operator, description: operate, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    `  - {name: Auditor, description: ${edit ? 'audit everything' : 'audit'}, managedPolicies: [arn:aws:iam::aws:policy/SecurityAudit]}`,
    'assignments:',
    '  - {permissionSet: Operator, groups: [Operators], accounts: [prod]}',
    '  - {permissionSet: Auditor, groups: [Auditors], accounts: [prod, dev]}',
    ...(edit ? ['  - {permissionSet: Operator, users: [cy@example.com], accounts: [dev]}'] : []),
    '',
  ].join('\n');
}

describe('plan and reconcile --changed-since', () => {
  let fx: ChangedSinceFixture;
  let sandbox: TestSandbox;
  let work: string;
  let dir: string;
  let env: Record<string, string>;
  let accounts: Account[];

  beforeAll(async () => {
    fx = await startChangedSinceFixture('changed-since', ['prod', 'dev']);
    ({ sandbox, work, dir, env } = fx);
    accounts = [...fx.accountIds].map(([name, id]) => anAccount({ id, name }));
    await writeFile(join(dir, 'state.yaml'), state(false));
    fx.commit('v1');
    const applied = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    // drift outside what the edit touches: the Operator set's description, changed in the console
    const sso = new SSOAdminClient(sandbox.clientConfig(MANAGEMENT));
    const InstanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn ?? '';
    for (const arn of (await sso.send(new ListPermissionSetsCommand({ InstanceArn }))).PermissionSets ?? []) {
      const set = (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn: arn }))).PermissionSet;
      if (set?.Name === 'Operator')
        await sso.send(new UpdatePermissionSetCommand({ InstanceArn, PermissionSetArn: arn, Description: 'console' }));
    }
    sso.destroy();
    await writeFile(join(dir, 'state.yaml'), state(true));
  });

  afterAll(async () => {
    await fx?.stop();
  });

  it('reads exactly the part of the live state that the touched objects need', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const before = await loadStateFromYaml(fx.show('HEAD', 'state.yaml'));
      const after = await loadStateFromYaml(state(true));
      const organization = await readOrganization(ctx, { organizationalUnits: false, accountTags: false });
      const decision = touchedObjects(before, after, organization);
      if ('full' in decision) throw new Error(decision.full);
      const needs = readNeeds(decision.scoped, after, ctx.managementAccountId);
      const scoped = await readScopedEverything(ctx, needs, organization, join(work, 'in-process-cache.json'));
      const full = await readLiveState(ctx, { ...READ_ALL, organizationalUnits: false, accountTags: false });
      expect(scoped).toEqual(projectLive(full, needs));
      expect(scoped.users.map((u) => u.userName)).toEqual(['bob@example.com', 'cy@example.com']);

      // removals take every live dependent: a user's memberships and assignments, a group's,
      // a set's assignments in every account (the protected pair needs no read of its own)
      const removing = await loadStateFromYaml(
        [
          'settings: {safety: {protect: [{permissionSet: Operator, group: Operators}]}}',
          'users:',
          USERS[0],
          USERS[1],
          'groups:',
          '  - {name: Operators, members: [ana@example.com]}',
          'permissionSets:',
          '  - {name: Operator, description: operate, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
          'assignments:',
          '  - {permissionSet: Operator, groups: [Operators], accounts: [prod]}',
          '',
        ].join('\n'),
      );
      const beforeRemoval = { ...before, settings: removing.settings };
      const removal = touchedObjects(beforeRemoval, removing, organization);
      if ('full' in removal) throw new Error(removal.full);
      expect([...removal.scoped.removedUsers, ...removal.scoped.removedGroups, ...removal.scoped.removedPermissionSets]).toEqual([
        'cy@example.com',
        'Auditors',
        'Auditor',
      ]);
      const removalNeeds = readNeeds(removal.scoped, removing, ctx.managementAccountId);
      const removalRead = await readScopedEverything(ctx, removalNeeds, organization, join(work, 'in-process-cache.json'));
      expect(removalRead).toEqual(projectLive(full, removalNeeds));
      expect(removalRead.assignments.length).toBeGreaterThan(0);
      expect(removalRead.memberships.length).toBeGreaterThan(0);
    });
  });

  it('finds a permission set by its cached ARN without listing, and lists when the cache is empty or names a deleted set', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const listings = () => ctx.stats.snapshot().find((s) => s.operation === 'sso-admin ListPermissionSets')?.calls ?? 0;
      const file = join(work, 'name-cache-test.json');
      const cold = await readPermissionSetsByName(ctx, ['Auditor', 'Missing'], READ_ALL.permissionSets, file);
      expect([cold.sets.map((s) => s.name), cold.listed, listings()]).toEqual([['Auditor'], true, 1]);
      const warm = await readPermissionSetsByName(ctx, ['Auditor'], READ_ALL.permissionSets, file);
      expect([warm.sets.map((s) => s.name), warm.listed, listings()]).toEqual([['Auditor'], false, 1]);
      // a cache entry whose set is gone: read fails as not found, the sets are listed again
      await rememberPermissionSetNames(
        ctx.instanceArn,
        [{ arn: (cold.sets[0]?.arn ?? '').replace(/ps-[^/]+$/, 'ps-0000000000000000'), name: 'Auditor' }],
        file,
      );
      const stale = await readPermissionSetsByName(ctx, ['Auditor'], READ_ALL.permissionSets, file);
      expect([stale.sets.map((s) => s.arn), stale.listed, listings()]).toEqual([[cold.sets[0]?.arn], true, 2]);
    });
  });

  it('plans only the changed objects, says so, and equals the full plan restricted to them', async () => {
    const full = await runCli(['plan', '--dir', dir, '--format', 'json', '--verbose'], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--format', 'json', '--changed-since', 'HEAD', '--verbose'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    const fullPlan = JSON.parse(full.stdout) as Plan;
    const scopedPlan = JSON.parse(scoped.stdout) as Plan;
    const before = await loadStateFromYaml(fx.show('HEAD', 'state.yaml'));
    const decision = touchedObjects(before, await loadStateFromYaml(state(true)), { accounts, organizationalUnits: [] });
    if ('full' in decision) throw new Error(decision.full);
    expect(scopedPlan.scope).toEqual({ changedSince: 'HEAD', objects: 3 });
    expect(scopedPlan.changes).toEqual(restrictChanges(fullPlan.changes, decision.scoped));
    expect(fullPlan.changes.map((c) => `${c.kind} ${c.action}`)).toContain('permissionSet update'); // the drift, in the full plan only
    expect(scopedPlan.changes.map((c) => ('name' in c ? c.name : c.kind))).not.toContain('Operator');
    // the reads of the touched objects; the access reads come on top (changed-since-access.test.ts)
    expect(totalCalls(scoped.stderr) - accessCalls(scoped.stderr)).toBeLessThan(totalCalls(full.stderr));
    const text = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD'], { env });
    expect(text.stdout).toContain('Plan scoped to 3 objects changed since HEAD; the nightly drift check reads everything.');
  });

  it('applies the scoped plan, leaving the drift elsewhere to the drift check', async () => {
    const applied = await runCli(['reconcile', '--dir', dir, '--yes', '--changed-since', 'HEAD'], { env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const after = JSON.parse((await runCli(['plan', '--dir', dir, '--format', 'json'], { env })).stdout) as Plan;
    expect(after.changes.map((c) => `${c.kind} ${c.action} ${'name' in c ? c.name : ''}`)).toEqual(['permissionSet update Operator']);
  });

  it('names a ref git does not know, and changes nothing', async () => {
    const run = await runCli(['plan', '--dir', dir, '--changed-since', 'no-such-ref'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--changed-since: git rev-parse');
  });
});

/** The sum of the --verbose call counts on stderr. */
function totalCalls(stderr: string): number {
  const total = /^ {2}total {2}(\d+)/m.exec(stderr)?.[1];
  if (total === undefined) throw new Error(`no call total in:\n${stderr}`);
  return Number(total);
}

/** The calls of the access reads, as the scoped plan notes them on stderr. */
function accessCalls(stderr: string): number {
  const calls = /^access changes: .* read in (\d+) calls?$/m.exec(stderr)?.[1];
  if (calls === undefined) throw new Error(`no access read count in:\n${stderr}`);
  return Number(calls);
}
