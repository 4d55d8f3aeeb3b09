// Access changes of `plan --changed-since`, end to end on the sandbox with the real CLI and a
// real git repository: the scoped plan says who gains and loses access exactly as the full
// plan does (nothing drifted outside the edit here), and the AWS access reads
// (src/aws/read-scoped-access.ts) return exactly what src/plan/scoped/access-project.ts
// defines from a complete read, so the property test's proof holds for the real read.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrganization } from '../../src/aws/kinds/organization.js';
import { permissionSetNamesByArn, rememberPermissionSetNames } from '../../src/aws/permission-set-names.js';
import { READ_ALL, readLiveState } from '../../src/aws/read-live.js';
import { awsAccessSource } from '../../src/aws/read-scoped-access.js';
import { accessCostEstimate, accessSeeds } from '../../src/plan/scoped/access-needs.js';
import { accessSourceOf } from '../../src/plan/scoped/access-project.js';
import { readScopedAccess } from '../../src/plan/scoped/access-read.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { buildScopedPlan } from '../../src/plan/scoped/plan-scoped.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { loadStateFromYaml } from '../helpers/state-yaml.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { MANAGEMENT, startChangedSinceFixture, type ChangedSinceFixture } from './changed-since-fixture.js';
import { readScopedEverything, withSandboxContext } from '../helpers/aws-context.js';

const USERS = ['ana', 'bob', 'cy', 'dee'].map(
  (n) => `  - {userName: ${n}@example.com, displayName: ${n}, givenName: ${n}, familyName: Test}`,
);

/** v1, then an edit: bob joins Operators (who reach Operator on prod and dev), and Auditors
 *  (cy, dee) get Operator on prod, which cy already has directly and dee through Operators. */
function state(edit: boolean): string {
  return [
    'users:',
    ...USERS,
    'groups:',
    `  - {name: Operators, members: [ana@example.com, dee@example.com${edit ? ', bob@example.com' : ''}]}`,
    '  - {name: Auditors, members: [cy@example.com, dee@example.com]}',
    'permissionSets:',
    '  - {name: Operator, description: operate, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    '  - {name: Auditor, description: audit, managedPolicies: [arn:aws:iam::aws:policy/SecurityAudit]}',
    'assignments:',
    '  - {permissionSet: Operator, groups: [Operators], accounts: [prod, dev]}',
    '  - {permissionSet: Operator, users: [cy@example.com], accounts: [prod]}',
    '  - {permissionSet: Auditor, groups: [Auditors], accounts: [prod]}',
    ...(edit ? ['  - {permissionSet: Operator, groups: [Auditors], accounts: [prod, dev]}'] : []),
    '',
  ].join('\n');
}

describe('access changes of plan --changed-since', () => {
  let fx: ChangedSinceFixture;
  let sandbox: TestSandbox;
  let work: string;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fx = await startChangedSinceFixture('changed-since-access', ['prod', 'dev']);
    ({ sandbox, work, dir, env } = fx);
    await writeFile(join(dir, 'state.yaml'), state(false));
    fx.commit('v1');
    const applied = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    await writeFile(join(dir, 'state.yaml'), state(true));
  });

  afterAll(async () => {
    await fx?.stop();
  });

  it('shows the same access changes as the full plan', async () => {
    const full = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--format', 'json', '--changed-since', 'HEAD'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    const fullPlan = JSON.parse(full.stdout) as Plan;
    const scopedPlan = JSON.parse(scoped.stdout) as Plan;
    expect(scopedPlan.changes).toEqual(fullPlan.changes); // nothing drifted outside the edit
    expect(scopedPlan.accessChanges).toEqual(fullPlan.accessChanges);
    // bob gains both pairs through Operators; cy gains dev only (prod is direct); dee nothing
    expect((scopedPlan.accessChanges ?? []).map((c) => `${c.userName} ${c.accountName} ${c.via.join(',')}`)).toEqual([
      'bob@example.com dev group:Operators',
      'bob@example.com prod group:Operators',
      'cy@example.com dev group:Auditors',
    ]);
    const text = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD'], { env });
    expect(text.stdout).toContain('Access changes: 2 people gain access:');
  });

  it('reads from AWS exactly what the access reads take from a complete read', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const before = await loadStateFromYaml(fx.show('HEAD', 'state.yaml'));
      const after = await loadStateFromYaml(state(true));
      const organization = await readOrganization(ctx, { organizationalUnits: false, accountTags: false });
      const decision = touchedObjects(before, after, organization);
      if ('full' in decision) throw new Error(decision.full);
      const scopedLive = await readScopedEverything(
        ctx,
        readNeeds(decision.scoped, after, ctx.managementAccountId),
        organization,
        join(work, 'in-process-cache.json'),
      );
      const { plan } = buildScopedPlan(
        { desired: after, before, live: scopedLive, touched: decision.scoped, ref: 'HEAD' },
        { allowDeletes: false },
      );
      if (!plan) throw new Error('no plan');
      const seeds = accessSeeds(plan.changes);
      const options = { limit: 50, estimate: accessCostEstimate(after) };
      const fromAws = await readScopedAccess(
        awsAccessSource(ctx, new Set(), join(work, 'in-process-cache.json')),
        seeds,
        scopedLive,
        options,
      );
      const full = await readLiveState(ctx, { ...READ_ALL, organizationalUnits: false, accountTags: false });
      const fromComplete = await readScopedAccess(accessSourceOf(full), seeds, scopedLive, options);
      expect(fromAws).toEqual(fromComplete);
      expect('live' in fromAws && fromAws.live.memberships.length).toBeGreaterThan(0);

      // a set's name: from the cache without a call, else one DescribePermissionSet; a set gone is left out
      const [auditor = '', operator = ''] = ['Auditor', 'Operator'].map((n) => full.permissionSets.find((x) => x.name === n)?.arn ?? '');
      const cache = join(work, 'names-by-arn.json');
      await rememberPermissionSetNames(ctx.instanceArn, [{ arn: auditor, name: 'Auditor' }], cache);
      const describes = () => ctx.stats.callsOf('sso-admin DescribePermissionSet');
      const describedBefore = describes();
      const gone = operator.replace(/ps-[^/]+$/, 'ps-0000000000000000');
      expect(await permissionSetNamesByArn(ctx, [auditor, operator, gone], cache)).toEqual([
        { arn: auditor, name: 'Auditor' },
        { arn: operator, name: 'Operator' },
      ]);
      expect(describes() - describedBefore).toBe(2);
    });
  });
});
