// End-to-end: the built CLI's `extract` against the project's Identity Center sandbox,
// which implements what moto lacks: permission-set tags, permissions boundaries,
// provisioning status and faithful provisioned-account listings. The same kind of
// scenario as extract-moto.test.ts, plus the pairs route and its call count.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DeleteUserCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  ListInstancesCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
  UpdatePermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_ALL, readLiveState } from '../../src/aws/read-live.js';
import { listStalePairs } from '../../src/aws/kinds/assignments.js';
import { loadState } from '../../src/load/load.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { readTree } from '../helpers/files.js';
import { withSandboxContext } from '../helpers/aws-context.js';

const MANAGEMENT = '210987654321';
const HEADER = '# yaml-language-server: $schema=https://github.com/sso-gitops/sso-gitops/schema/identity.schema.json';

describe('extract against the sandbox', () => {
  let sandbox: TestSandbox;
  let work: string;
  let accounts: Map<string, string>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'extract-sandbox-'));
    accounts = await seed(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('extracts tags, boundaries and orphans, reads assignments by provisioned pairs, and is byte-identical on a second run', async () => {
    const dir = join(work, 'identity');
    const first = await runCli(['extract', '--dir', dir, '--verbose'], { env: sandbox.cliEnv(MANAGEMENT) });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('extracted 3 users, 2 groups (3 memberships), 2 permission sets, 4 assignments in 3 entries');
    // the deleted user's assignment is reported, not silently dropped
    expect(first.stderr).toMatch(/warning: assignment of user \S+ to ReadOnly on account \d{12}: the user does not exist; not written\n/);
    // 5 principals > 2 sets: per set the provisioned accounts (2 calls) give 4 provisioned
    // pairs < 5 principals, so only those 4 pairs are listed; the stale listing runs per set
    // (2 more calls: fewer sets than accounts). Never accounts x sets.
    expect(first.stderr).toMatch(/sso-admin ListAccountsForProvisionedPermissionSet\s+4\n/);
    expect(first.stderr).toMatch(/sso-admin ListAccountAssignments\s+4\n/);
    expect(first.stderr).not.toContain('ListAccountAssignmentsForPrincipal');

    const files = await readTree(dir);
    expect(Object.keys(files)).toEqual([
      'accounts.yaml',
      'assignments.yaml',
      'groups.yaml',
      'permission-sets/Developer.yaml',
      'permission-sets/ReadOnly.yaml',
      'settings.yaml',
      'users.yaml',
    ]);
    expect(files['permission-sets/Developer.yaml']).toBe(
      [
        HEADER,
        'permissionSets:',
        '  - name: Developer',
        '    description: Build and deploy, version 2',
        '    sessionDuration: PT8H',
        '    relayState: https://console.aws.amazon.com/',
        '    tags:',
        '      cost-center: "42"',
        '      team: product',
        '    managedPolicies:',
        '      - arn:aws:iam::aws:policy/PowerUserAccess',
        '    customerManagedPolicies:',
        '      - name: DenyBilling',
        '        path: /',
        '    inlinePolicy:',
        '      Version: "2012-10-17"',
        '      Statement:',
        '        - Effect: Deny',
        '          Action: account:*',
        '          Resource: "*"',
        '    permissionsBoundary:',
        '      managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess',
        '',
      ].join('\n'),
    );
    expect(files['permission-sets/ReadOnly.yaml']).toBe(
      [
        HEADER,
        'permissionSets:',
        '  - name: ReadOnly',
        '    description: Look, do not touch',
        '    sessionDuration: PT1H',
        '    managedPolicies:',
        '      - arn:aws:iam::aws:policy/ReadOnlyAccess',
        '    permissionsBoundary:',
        '      customerManagedPolicy:',
        '        name: Boundary',
        '        path: /boundaries/',
        '',
      ].join('\n'),
    );
    const sandboxIds = [accounts.get('sandbox-1'), accounts.get('sandbox-2')].sort();
    expect(files['assignments.yaml']).toBe(
      [
        HEADER,
        'assignments:',
        '  - permissionSet: Developer',
        '    groups:',
        '      - Developers',
        '    accounts:',
        ...sandboxIds.map((id) => `      - "${id}"`),
        '  - permissionSet: Developer',
        '    groups:',
        '      - Platform Admins',
        '    accounts:',
        '      - prod',
        '  - permissionSet: ReadOnly',
        '    users:',
        '      - carol@example.com',
        '    accounts:',
        '      - prod',
        '',
      ].join('\n'),
    );

    const loaded = await loadState(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const second = await runCli(['extract', '--dir', dir], { env: sandbox.cliEnv(MANAGEMENT) });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('(0 written, 6 unchanged, 0 removed;');
    expect(await readTree(dir)).toEqual(files);
  });

  it('reads provisioning status (stale after a change) and account tags in the live state', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const live = await readLiveState(ctx, READ_ALL);
      const setName = new Map(live.permissionSets.map((p) => [p.arn, p.name]));
      const status = live.provisioning
        .map((p) => `${setName.get(p.permissionSetArn)} ${p.accountId === accounts.get('prod') ? 'prod' : 'sandbox'} ${p.status}`)
        .sort();
      expect(status).toEqual([
        'Developer prod LATEST_PERMISSION_SET_NOT_PROVISIONED',
        'Developer sandbox LATEST_PERMISSION_SET_NOT_PROVISIONED',
        'Developer sandbox LATEST_PERMISSION_SET_NOT_PROVISIONED',
        'ReadOnly prod LATEST_PERMISSION_SET_PROVISIONED',
      ]);
      expect(live.accounts.find((a) => a.name === 'prod')).toMatchObject({
        ouPath: 'Root/Workloads/Prod',
        state: 'ACTIVE',
        tags: { env: 'prod' },
      });
    });
  });

  it('lists stale pairs only on the accounts asked for, per set or per account alike (an ignored account stays out)', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const live = await readLiveState(ctx, READ_ALL);
      const arn = (name: string) => live.permissionSets.find((p) => p.name === name)?.arn ?? '';
      const prod = [accounts.get('prod') ?? ''];
      // one set, one account: listed per set (which names the sandbox accounts too)
      const perSet = await listStalePairs(ctx, [arn('Developer')], prod);
      // two sets, one account: listed per account
      const perAccount = await listStalePairs(ctx, [arn('Developer'), arn('ReadOnly')], prod);
      expect(perSet).toEqual([{ permissionSetArn: arn('Developer'), accountId: prod[0] }]);
      expect(perAccount).toEqual(perSet);
    });
  });

  it('fails with one line naming the call, and writes nothing, when a read keeps failing', async () => {
    const dir = join(work, 'identity');
    const before = await readTree(dir);
    sandbox.sandbox.configure({ faults: 'fail-op=GetPermissionsBoundaryForPermissionSet' });
    try {
      const failed = await runCli(['extract', '--dir', dir], { env: { ...sandbox.cliEnv(MANAGEMENT), AWS_MAX_ATTEMPTS: '1' } });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(
        /error: extract: sso-admin GetPermissionsBoundaryForPermissionSet failed: \w+: .*; nothing was written\n/,
      );
    } finally {
      sandbox.sandbox.configure({ faults: '' });
    }
    expect(await readTree(dir)).toEqual(before);
  });
});

/** Organization, identity store, permission sets (one updated after assigning: stale), assignments. */
async function seed(sandbox: TestSandbox): Promise<Map<string, string>> {
  const config = sandbox.clientConfig(MANAGEMENT);
  const org = await buildOrganization(config, MANAGEMENT, [
    { name: 'prod', ou: 'Workloads/Prod', tags: { env: 'prod' } },
    { name: 'sandbox', tags: { env: 'dev' } },
    { name: 'sandbox' },
  ]);
  const accountIds = new Map(org.accountIds);
  const sandboxes = [...(sandbox.sandbox.world.organizationOf(MANAGEMENT)?.accounts.values() ?? [])]
    .filter((a) => a.Name === 'sandbox')
    .map((a) => a.Id)
    .sort();
  accountIds.set('sandbox-1', sandboxes[0] as string);
  accountIds.set('sandbox-2', sandboxes[1] as string);
  for (const id of accountIds.values())
    sandbox.sandbox.world.declareCustomerManagedPolicies(id, [
      { Name: 'DenyBilling', Path: '/' },
      { Name: 'Boundary', Path: '/boundaries/' },
    ]);

  const sso = new SSOAdminClient(config);
  const ids = new IdentitystoreClient(config);
  try {
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const InstanceArn = instance?.InstanceArn as string;
    const IdentityStoreId = instance?.IdentityStoreId as string;
    const user = async (UserName: string, given: string, family: string) =>
      (
        await ids.send(
          new CreateUserCommand({
            IdentityStoreId,
            UserName,
            DisplayName: `${given} ${family}`,
            Name: { GivenName: given, FamilyName: family },
          }),
        )
      ).UserId as string;
    const alice = await user('alice@example.com', 'Alice', 'Liddell');
    const bob = await user('bob@example.com', 'Bob', 'Builder');
    const carol = await user('carol@example.com', 'Carol', 'Danvers');
    const gone = await user('gone@example.com', 'Gone', 'Away');
    const group = async (DisplayName: string) =>
      (await ids.send(new CreateGroupCommand({ IdentityStoreId, DisplayName }))).GroupId as string;
    const devs = await group('Developers');
    const admins = await group('Platform Admins');
    for (const [GroupId, UserId] of [
      [devs, bob],
      [devs, carol],
      [admins, alice],
    ] as const) {
      await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId, MemberId: { UserId } }));
    }

    const developer = (
      await sso.send(
        new CreatePermissionSetCommand({
          InstanceArn,
          Name: 'Developer',
          Description: 'Build and deploy',
          SessionDuration: 'PT4H',
          RelayState: 'https://console.aws.amazon.com/',
          Tags: [
            { Key: 'team', Value: 'product' },
            { Key: 'cost-center', Value: '42' },
          ],
        }),
      )
    ).PermissionSet?.PermissionSetArn as string;
    const ref = { InstanceArn, PermissionSetArn: developer };
    await sso.send(new AttachManagedPolicyToPermissionSetCommand({ ...ref, ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }));
    await sso.send(
      new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        ...ref,
        CustomerManagedPolicyReference: { Name: 'DenyBilling', Path: '/' },
      }),
    );
    await sso.send(
      new PutInlinePolicyToPermissionSetCommand({
        ...ref,
        InlinePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:*', Resource: '*' }] }),
      }),
    );
    await sso.send(
      new PutPermissionsBoundaryToPermissionSetCommand({
        ...ref,
        PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
      }),
    );
    const readOnly = (
      await sso.send(
        new CreatePermissionSetCommand({ InstanceArn, Name: 'ReadOnly', Description: 'Look, do not touch', SessionDuration: 'PT1H' }),
      )
    ).PermissionSet?.PermissionSetArn as string;
    await sso.send(
      new AttachManagedPolicyToPermissionSetCommand({
        InstanceArn,
        PermissionSetArn: readOnly,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    await sso.send(
      new PutPermissionsBoundaryToPermissionSetCommand({
        InstanceArn,
        PermissionSetArn: readOnly,
        PermissionsBoundary: { CustomerManagedPolicyReference: { Name: 'Boundary', Path: '/boundaries/' } },
      }),
    );

    const assign = async (PermissionSetArn: string, PrincipalType: 'USER' | 'GROUP', PrincipalId: string, account: string) => {
      const started = await sso.send(
        new CreateAccountAssignmentCommand({
          InstanceArn,
          PermissionSetArn,
          PrincipalType,
          PrincipalId,
          TargetType: 'AWS_ACCOUNT',
          TargetId: accountIds.get(account),
        }),
      );
      let status = started.AccountAssignmentCreationStatus;
      while (status?.Status === 'IN_PROGRESS') {
        await new Promise((r) => setTimeout(r, 10));
        status = (
          await sso.send(
            new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: status.RequestId }),
          )
        ).AccountAssignmentCreationStatus;
      }
      if (status?.Status !== 'SUCCEEDED') throw new Error(`assignment failed: ${status?.FailureReason ?? status?.Status}`);
    };
    await assign(developer, 'GROUP', devs, 'sandbox-1');
    await assign(developer, 'GROUP', devs, 'sandbox-2');
    await assign(developer, 'GROUP', admins, 'prod');
    await assign(readOnly, 'USER', carol, 'prod');
    await assign(readOnly, 'USER', gone, 'prod');
    await ids.send(new DeleteUserCommand({ IdentityStoreId, UserId: gone }));
    // a longer session after provisioning: its three accounts now run an outdated version (stale)
    await sso.send(
      new UpdatePermissionSetCommand({
        ...ref,
        Description: 'Build and deploy, version 2',
        SessionDuration: 'PT8H',
        RelayState: 'https://console.aws.amazon.com/',
      }),
    );
    return accountIds;
  } finally {
    sso.destroy();
    ids.destroy();
  }
}
