// A delegated administrator as the home of Identity Center (issue #12), end to end on the
// sandbox with the real CLI: the management account's assignments, left out of the files
// and managed from the management account, are out of scope (a note, exit 0, every
// night); a console change to a set provisioned there is refused alone and blocks nothing
// unrelated; account pins stop a name that now means another account before any write.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListUsersCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, RegisterDelegatedAdministratorCommand } from '@aws-sdk/client-organizations';
import {
  DescribePermissionSetCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const MANAGEMENT = '333333333333';
const ANA = '  - {userName: ana@example.com, displayName: Ana, givenName: Ana, familyName: Lima}';
const BOB = '  - {userName: bob@example.com, displayName: Bob, givenName: Bob, familyName: Reis}';

/** The state: Operator on prod; MgmtAdmin provisioned to the management account when `onManagement`. */
function state(options: { onManagement: boolean; users?: string[] }): string {
  return [
    'users:',
    ...(options.users ?? [ANA]),
    'groups:',
    '  - {name: Operators, members: [ana@example.com]}',
    'permissionSets:',
    '  - {name: Operator, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    '  - {name: MgmtAdmin, description: billing, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]}',
    'assignments:',
    '  - {permissionSet: Operator, groups: [Operators], accounts: [prod]}',
    ...(options.onManagement ? ['  - {permissionSet: MgmtAdmin, groups: [Operators], accounts: [Management]}'] : []),
    '',
  ].join('\n');
}

describe('a delegated administrator beside the management account', () => {
  let sandbox: TestSandbox;
  let work: string;
  let delegatedEnv: Record<string, string>;
  let managementEnv: Record<string, string>;
  let prodId: string;

  async function stateDir(name: string, files: Record<string, string>): Promise<string> {
    const dir = join(work, name);
    await mkdir(dir);
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
    return dir;
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-scopes-'));
    const org = await buildOrganization(sandbox.clientConfig(MANAGEMENT), MANAGEMENT, [
      { name: 'identity' },
      { name: 'prod', ou: 'Workloads' },
    ]);
    const delegated = org.accountIds.get('identity') ?? '';
    prodId = org.accountIds.get('prod') ?? '';
    const client = new OrganizationsClient(sandbox.clientConfig(MANAGEMENT));
    await client.send(new RegisterDelegatedAdministratorCommand({ AccountId: delegated, ServicePrincipal: 'sso.amazonaws.com' }));
    client.destroy();
    delegatedEnv = { ...sandbox.cliEnv(delegated), SSO_GITOPS_TPS: '500' };
    managementEnv = { ...sandbox.cliEnv(MANAGEMENT), SSO_GITOPS_TPS: '500' };
    // the management account's own access, made from the management account
    const setup = await runCli(
      ['reconcile', '--dir', await stateDir('management', { 'state.yaml': state({ onManagement: true }) }), '--yes'],
      { env: managementEnv },
    );
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('plans nothing, exit 0, with one note, when the management account assignments are absent from the files', async () => {
    const dir = await stateDir('delegated', { 'state.yaml': state({ onManagement: false }) });
    const run = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env: delegatedEnv });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `1 assignment on the management account is managed from the management account (${MANAGEMENT}); not compared`,
    );
    expect(run.stdout).not.toMatch(/Refused/);
  });

  it('applies an unrelated change while a console change to a set provisioned to the management account is refused alone', async () => {
    const sso = new SSOAdminClient(sandbox.clientConfig(MANAGEMENT));
    const instanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn ?? '';
    for (const arn of (await sso.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn }))).PermissionSets ?? []) {
      const set = (await sso.send(new DescribePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn }))).PermissionSet;
      if (set?.Name === 'MgmtAdmin')
        await sso.send(
          new UpdatePermissionSetCommand({ InstanceArn: instanceArn, PermissionSetArn: arn, Description: 'changed in the console' }),
        );
    }
    sso.destroy();

    const dir = await stateDir('delegated-bob', { 'state.yaml': state({ onManagement: false, users: [ANA, BOB] }) });
    const run = await runCli(['reconcile', '--dir', dir, '--yes'], { env: delegatedEnv });
    // exit 1: a change was refused (docs/operations.md); the unrelated one is applied
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain('1 change refused by the safety rules and not applied');
    expect(run.stderr).toContain('changing permission set "MgmtAdmin" is not allowed from a delegated administrator');
    expect(run.stdout).toContain('Apply incomplete: 1 change applied, 1 refused');

    const ids = new IdentitystoreClient(sandbox.clientConfig(MANAGEMENT));
    const identityStoreId =
      (await new SSOAdminClient(sandbox.clientConfig(MANAGEMENT)).send(new ListInstancesCommand({}))).Instances?.[0]?.IdentityStoreId ?? '';
    const users = (await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId }))).Users?.map((u) => u.UserName);
    ids.destroy();
    expect(users).toContain('bob@example.com');

    // the nightly plan still says what is left: exit 1 naming the one refused change
    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env: delegatedEnv });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('Refused alone');
    expect(plan.stdout).toContain('1 to change');
  });

  it('stops with both ids and zero writes when a pinned account name resolves to another id', async () => {
    const dir = await stateDir('pinned', {
      'state.yaml': state({
        onManagement: false,
        users: [ANA, BOB, '  - {userName: cy@example.com, displayName: Cy, givenName: Cy, familyName: Sousa}'],
      }),
      'accounts.yaml': 'accounts:\n  prod: "999999999999"\n',
    });
    sandbox.sandbox.resetStats();
    const run = await runCli(['reconcile', '--dir', dir, '--yes'], { env: delegatedEnv });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`account "prod" resolves to ${prodId} in this organization, but it is pinned to 999999999999`);
    expect(sandbox.sandbox.stats().writes).toBe(0);
  });
});
