// Identity Center run from a delegated administrator account (the migration target of a
// reseller's organization): AWS refuses it anything in the management account, so a change
// that needs the management account is refused alone, before it is tried; everything else
// applies (test/e2e/scopes.test.ts has the rest of the scope rule).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganizationsClient, RegisterDelegatedAdministratorCommand } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { callsOf, git } from './changed-since-fixture.js';

const MANAGEMENT = '333333333333';

function stateWith(accounts: string[]): string {
  return [
    'users:',
    '  - {userName: ana@example.com, displayName: Ana, givenName: Ana, familyName: Lima}',
    'groups:',
    '  - {name: Operators, members: [ana@example.com]}',
    'permissionSets:',
    '  - {name: Operator, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    'assignments:',
    `  - {permissionSet: Operator, groups: [Operators], accounts: [${accounts.join(', ')}]}`,
    '',
  ].join('\n');
}

describe('running as a delegated administrator', () => {
  let sandbox: TestSandbox;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-delegated-'));
    const org = await buildOrganization(sandbox.clientConfig(MANAGEMENT), MANAGEMENT, [
      { name: 'identity' },
      { name: 'prod', ou: 'Workloads' },
    ]);
    const delegated = org.accountIds.get('identity') ?? '';
    const client = new OrganizationsClient(sandbox.clientConfig(MANAGEMENT));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: delegated, ServicePrincipal: 'sso.amazonaws.com' }));
    client.destroy();
    env = { ...sandbox.cliEnv(delegated), SSO_GITOPS_TPS: '500' };
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses alone an assignment in the management account, never trying it, and applies the rest', async () => {
    const dir = join(work, 'with-management');
    await mkdir(dir);
    await writeFile(join(dir, 'state.yaml'), stateWith(['Management', 'prod']));
    sandbox.sandbox.resetStats();
    const run = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /creating assignment "Operator" for group "Operators" on Management \(333333333333\) needs the management account/,
    );
    expect(sandbox.sandbox.stats().calls.CreateAccountAssignment).toBe(1); // prod only: the refused one is never tried
    expect(run.stdout).toContain('Apply incomplete: 5 changes applied, 1 refused');
  });

  it('applies the same state once the management account is left out', async () => {
    const dir = join(work, 'without-management');
    await mkdir(dir);
    await writeFile(join(dir, 'state.yaml'), stateWith(['prod']));
    const run = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env })).code).toBe(0);
  });

  it('plans --changed-since without the per-principal read only the management account may call', async () => {
    const repo = join(work, 'scoped');
    const dir = join(repo, 'identity');
    await mkdir(dir, { recursive: true });
    const withBo = (members: string) =>
      stateWith(['prod'])
        .replace('familyName: Lima}', 'familyName: Lima}\n  - {userName: bo@example.com, displayName: Bo, givenName: Bo, familyName: Lima}')
        .replace('members: [ana@example.com]', `members: [${members}]`);
    await writeFile(join(dir, 'state.yaml'), withBo('ana@example.com'));
    expect((await runCli(['reconcile', '--dir', dir, '--yes'], { env })).code).toBe(0);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'v1');

    // a membership change: planned scoped, its access changes said to be left out
    await writeFile(join(dir, 'state.yaml'), withBo('ana@example.com, bo@example.com'));
    const joined = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD', '--format', 'json', '--verbose'], { env });
    expect(joined.code, joined.stderr).toBe(0);
    expect(callsOf(joined.stderr, 'ListAccountAssignmentsForPrincipal')).toBe(0);
    const plan = JSON.parse(joined.stdout) as Plan;
    expect(plan.scope).toBeDefined();
    expect(plan.changes.map((c) => `${c.action} ${c.kind}`)).toEqual(['create membership']);
    expect(plan.notes?.join('\n')).toContain('only the management account may call');

    // a removed user: its assignments are found per principal, so everything is planned
    await writeFile(join(dir, 'state.yaml'), stateWith(['prod']));
    const removed = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD', '--verbose'], { env });
    expect(removed.stderr).toContain('planning everything (a removed user or group');
    expect(callsOf(removed.stderr, 'ListAccountAssignmentsForPrincipal')).toBe(0);
  });
  it('plans a change --changed-since even with protected pairs: they need no read of their own', async () => {
    const repo = join(work, 'scoped-protect');
    const dir = join(repo, 'identity');
    await mkdir(dir, { recursive: true });
    const settings = [
      'settings:',
      '  ignore: {accounts: ["sandbox-*"]}',
      '  safety:',
      '    maxDeletePercent: 100', // the test before this one left a user this state does not declare
      '    protect:',
      '      - {permissionSet: Operator, group: Operators}',
      '',
    ].join('\n');
    await writeFile(join(dir, 'settings.yaml'), settings);
    await writeFile(join(dir, 'state.yaml'), stateWith(['prod']));
    const first = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'v1');

    // the protected pair's own entry loses its account: planned scoped, the assignment kept
    // as the full plan keeps it (protected), and no read per principal or of the whole organization
    await writeFile(join(dir, 'state.yaml'), stateWith(['prod']).replace(/assignments:\n.*\n/, 'assignments: []\n'));
    const scoped = await runCli(['plan', '--dir', dir, '--changed-since', 'HEAD', '--format', 'json', '--verbose'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    const plan = JSON.parse(scoped.stdout) as Plan;
    expect(plan.scope).toBeDefined();
    expect(plan.changes).toEqual([]);
    expect(plan.warnings.join('\n')).toContain('is protected (settings.safety.protect); it is kept');
    expect(callsOf(scoped.stderr, 'ListAccountAssignmentsForPrincipal')).toBe(0);
    const full = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    expect((JSON.parse(full.stdout) as Plan).changes).toEqual([]);
  });
});
