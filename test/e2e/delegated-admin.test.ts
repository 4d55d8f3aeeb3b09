// Identity Center run from a delegated administrator account (the migration target of a
// reseller's organization): AWS refuses it anything in the management account, so a change
// that needs the management account is refused alone, before it is tried; everything else
// applies (test/e2e/scopes.test.ts has the rest of the scope rule).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganizationsClient, RegisterDelegatedAdministratorCommand } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

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
});
