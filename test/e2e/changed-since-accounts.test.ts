// `plan --changed-since` when the change names its accounts by pinned name (issue 15): the
// CLI describes those accounts (organizations DescribeAccount) instead of listing the
// organization, plans what the full plan plans for them, and refuses as the full plan does
// when a pinned account is gone. End to end on the sandbox with a real git repository.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadState } from '../../src/load/load.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import type { Plan } from '../../src/plan/types.js';
import { anAccount } from '../../src/testing/builders.js';
import { runCli } from '../helpers/cli.js';
import { callsOf, startChangedSinceFixture, type ChangedSinceFixture } from './changed-since-fixture.js';

const GONE = '999999999999';

function state(extra: string[] = []): string {
  return [
    'users:',
    '  - {userName: ana@example.com, displayName: ana, givenName: ana, familyName: Test}',
    'groups:',
    '  - {name: Operators, members: [ana@example.com]}',
    'permissionSets:',
    '  - {name: Operator, description: operate, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    'assignments:',
    '  - {permissionSet: Operator, groups: [Operators], accounts: [prod]}',
    ...extra,
    '',
  ].join('\n');
}

describe('plan --changed-since with pinned accounts', () => {
  let fx: ChangedSinceFixture;
  let dir: string;
  let env: Record<string, string>;
  let ids: Map<string, string>;

  beforeAll(async () => {
    fx = await startChangedSinceFixture('changed-since-accounts', ['prod', 'dev']);
    ({ dir, env } = fx);
    ids = fx.accountIds;
    await writeFile(join(dir, 'state.yaml'), state());
    // what extract writes, plus a pin of an account that has left the organization
    const pins = [...ids].map(([name, id]) => `  ${name}: "${id}"`);
    await writeFile(join(dir, 'accounts.yaml'), ['accounts:', ...pins, `  old: "${GONE}"`, ''].join('\n'));
    fx.commit('v1');
    const applied = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
  });

  afterAll(async () => {
    await fx?.stop();
  });

  it('describes the account the change names instead of listing the organization, and plans what the full plan plans for it', async () => {
    await writeFile(join(dir, 'state.yaml'), state(['  - {permissionSet: Operator, groups: [Operators], accounts: [dev]}']));
    const full = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--format', 'json', '--changed-since', 'HEAD', '--verbose'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    expect(callsOf(scoped.stderr, 'DescribeAccount')).toBe(1);
    expect(callsOf(scoped.stderr, 'ListAccounts')).toBe(0);
    const { state: after } = await loadState(dir);
    const dev = ids.get('dev') ?? '';
    const scopedPlan = JSON.parse(scoped.stdout) as Plan;
    expect(scopedPlan.changes).toEqual([
      {
        kind: 'assignment',
        action: 'create',
        permissionSet: 'Operator',
        principalType: 'GROUP',
        principal: 'Operators',
        accountId: dev,
        accountName: 'dev',
      },
    ]);
    // the same as the full plan restricted to the touched assignment (the files at HEAD: without the new entry)
    if (!after) throw new Error('state does not load');
    const decision = touchedObjects({ ...after, assignments: after.assignments.slice(0, 1) }, after, {
      accounts: [anAccount({ id: dev, name: 'dev' })],
      organizationalUnits: [],
    });
    if ('full' in decision) throw new Error(decision.full);
    expect(scopedPlan.changes).toEqual(restrictChanges((JSON.parse(full.stdout) as Plan).changes, decision.scoped));
  });

  it('names the accounts a joining member reaches through the group, as the full plan does, without listing the organization', async () => {
    const joined = state()
      .replace('familyName: Test}', 'familyName: Test}\n  - {userName: bo@example.com, displayName: bo, givenName: bo, familyName: Test}')
      .replace('members: [ana@example.com]', 'members: [ana@example.com, bo@example.com]');
    await writeFile(join(dir, 'state.yaml'), joined);
    const full = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--format', 'json', '--changed-since', 'HEAD', '--verbose'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    expect(callsOf(scoped.stderr, 'ListAccounts')).toBe(0);
    const access = (JSON.parse(scoped.stdout) as Plan).accessChanges;
    expect(access).toEqual((JSON.parse(full.stdout) as Plan).accessChanges);
    expect(access?.map((a) => `${a.change} ${a.userName} ${a.permissionSet} ${a.accountName}`)).toEqual([
      'gain bo@example.com Operator prod',
    ]);
  });

  it('refuses, as the full plan does, an assignment on a pinned account that has left the organization', async () => {
    await writeFile(join(dir, 'state.yaml'), state(['  - {permissionSet: Operator, groups: [Operators], accounts: [old]}']));
    const full = await runCli(['plan', '--dir', dir], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD', '--verbose'], { env });
    expect(full.code).toBe(1);
    expect(scoped.code).toBe(1);
    const gone = 'account "old" is not in the organization';
    expect(full.stderr).toContain(gone);
    expect(scoped.stderr).toContain(gone);
    expect(scoped.stderr).toContain(`pinned account "old" (${GONE}) is not in the organization`);
    expect(callsOf(scoped.stderr, 'ListAccounts')).toBe(0);
  });
});
