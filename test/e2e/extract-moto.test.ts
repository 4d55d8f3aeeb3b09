// End-to-end: the built CLI's `extract` against moto_server. The organization and the
// Identity Center content are seeded with the SDK using only what moto does faithfully
// (docs/aws-behaviour.md): no permission-set tags, no boundaries, no provisioning status, and the
// per-principal assignment route (moto's provisioned-account listings are wrong).
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateGroupCommand, CreateGroupMembershipCommand, CreateUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  PutInlinePolicyToPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadState } from '../../src/load/load.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_DEFAULT_ACCOUNT, motoClientConfig, requireMoto, startMoto, type MotoServer } from '../helpers/moto.js';
import { buildOrganization } from '../helpers/org.js';
import { readTree } from '../helpers/files.js';

const MOTO_ENV = {
  AWS_REGION: 'us-east-1',
  // moto maps these test keys to its default account, which owns the organization below
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  SSO_GITOPS_UNSUPPORTED_READS: 'tags,permissionsBoundary,provisioningStatus,accessControlAttributes,applications',
  SSO_GITOPS_ASSIGNMENT_ROUTE: 'principals',
};

const HEADER = '# yaml-language-server: $schema=https://github.com/sso-gitops/sso-gitops/schema/identity.schema.json';

describe.runIf(requireMoto())('extract against moto_server', () => {
  let moto: MotoServer;
  let work: string;
  let accounts: Map<string, string>;

  beforeAll(async () => {
    moto = await startMoto();
    work = await mkdtemp(join(tmpdir(), 'extract-moto-'));
    accounts = await seed(moto.endpoint);
  });
  afterAll(async () => {
    await moto?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes complete canonical files and is byte-identical on a second run', async () => {
    const dir = join(work, 'identity');
    const first = await runCli(['extract', '--dir', dir, '--verbose'], { env: { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint } });
    expect(first.stderr).toContain('extracted 3 users, 2 groups (3 memberships), 2 permission sets, 8 assignments in 3 entries');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).not.toContain('warning:');
    // per principal: one listing per user and group, never accounts x permission sets
    expect(first.stderr).toMatch(/sso-admin ListAccountAssignmentsForPrincipal\s+5\n/);
    expect(first.stderr).not.toContain('sso-admin ListAccountAssignments ');

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
    expect(files['users.yaml']).toBe(
      [
        HEADER,
        'users:',
        '  - userName: alice@example.com',
        '    displayName: Alice Liddell',
        '    givenName: Alice',
        '    familyName: Liddell',
        '    email: alice@example.com',
        '    title: Platform Lead',
        '  - userName: bob@example.com',
        '    displayName: Bob Builder',
        '    givenName: Bob',
        '    familyName: Builder',
        '  - userName: carol@example.com',
        '    displayName: Carol Danvers',
        '    givenName: Carol',
        '    familyName: Danvers',
        '    nickName: Cap',
        '',
      ].join('\n'),
    );
    expect(files['groups.yaml']).toBe(
      [
        HEADER,
        'groups:',
        '  - name: Developers',
        '    description: Builds the product',
        '    members:',
        '      - bob@example.com',
        '      - carol@example.com',
        '  - name: Platform Admins',
        '    members:',
        '      - alice@example.com',
        '',
      ].join('\n'),
    );
    expect(files['permission-sets/Developer.yaml']).toBe(
      [
        HEADER,
        'permissionSets:',
        '  - name: Developer',
        '    description: Build and deploy',
        '    sessionDuration: PT8H',
        '    relayState: https://console.aws.amazon.com/',
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
        '',
      ].join('\n'),
    );
    // the two accounts named "sandbox" are referenced by id, the others by name
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
        '      - staging',
        '  - permissionSet: Developer',
        '    groups:',
        '      - Platform Admins',
        '    users:',
        '      - alice@example.com',
        '    accounts:',
        '      - prod',
        '      - staging',
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
    expect(loaded.state?.assignments).toHaveLength(3);

    const second = await runCli(['extract', '--dir', dir], { env: { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint } });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('(0 written, 6 unchanged, 0 removed;');
    expect(await readTree(dir)).toEqual(files);
  });

  it('fails with one line naming the call, and writes nothing, when a listing fails', async () => {
    const dir = join(work, 'failing');
    const good = await runCli(['extract', '--dir', dir], { env: { ...MOTO_ENV, AWS_ENDPOINT_URL: moto.endpoint } });
    expect(good.code).toBe(0);
    const before = await readTree(dir);
    const proxy = await failingProxy(moto.endpoint, 'AWSIdentityStore.ListGroupMemberships');
    try {
      const failed = await runCli(['extract', '--dir', dir], {
        env: { ...MOTO_ENV, AWS_ENDPOINT_URL: proxy.endpoint, AWS_MAX_ATTEMPTS: '1' },
      });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toContain(
        'error: extract: identitystore ListGroupMemberships failed: InternalServerException: injected failure; nothing was written\n',
      );
      expect(failed.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await proxy.stop();
    }
    expect(await readTree(dir)).toEqual(before);
    expect((await readdir(work)).filter((name) => name.includes('.extract-'))).toEqual([]);
  });
});

/** The organization and Identity Center content; returns account name → id. */
async function seed(endpoint: string): Promise<Map<string, string>> {
  const config = motoClientConfig(endpoint, MOTO_DEFAULT_ACCOUNT);
  const org = await buildOrganization(config, MOTO_DEFAULT_ACCOUNT, [
    { name: 'prod', ou: 'Workloads/Prod' },
    { name: 'staging', ou: 'Workloads' },
    { name: 'sandbox' },
    { name: 'sandbox' },
  ]);
  // buildOrganization maps names to ids, so the second "sandbox" hides the first: read both back
  const accountIds = new Map(org.accountIds);
  const sandboxes = await sandboxAccountIds(endpoint);
  accountIds.set('sandbox-1', sandboxes[0] as string);
  accountIds.set('sandbox-2', sandboxes[1] as string);

  const sso = new SSOAdminClient(motoClientConfig(endpoint));
  const ids = new IdentitystoreClient(motoClientConfig(endpoint));
  try {
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const InstanceArn = instance?.InstanceArn as string;
    const IdentityStoreId = instance?.IdentityStoreId as string;
    // sequential: moto's identity store is not thread-safe
    const user = async (UserName: string, given: string, family: string, extra: Record<string, unknown> = {}) =>
      (
        await ids.send(
          new CreateUserCommand({
            IdentityStoreId,
            UserName,
            DisplayName: `${given} ${family}`,
            Name: { GivenName: given, FamilyName: family },
            ...extra,
          }),
        )
      ).UserId as string;
    const alice = await user('alice@example.com', 'Alice', 'Liddell', {
      Emails: [{ Value: 'alice@example.com', Type: 'work', Primary: true }],
      Title: 'Platform Lead',
    });
    const bob = await user('bob@example.com', 'Bob', 'Builder');
    const carol = await user('carol@example.com', 'Carol', 'Danvers', { NickName: 'Cap' });
    const group = async (DisplayName: string, Description?: string) =>
      (await ids.send(new CreateGroupCommand({ IdentityStoreId, DisplayName, Description }))).GroupId as string;
    const devs = await group('Developers', 'Builds the product');
    const admins = await group('Platform Admins');
    for (const [GroupId, UserId] of [
      [devs, bob],
      [devs, carol],
      [admins, alice],
    ] as const) {
      await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId, GroupId, MemberId: { UserId } }));
    }

    const createSet = async (Name: string, Description: string, SessionDuration: string, RelayState?: string) =>
      (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name, Description, SessionDuration, RelayState }))).PermissionSet
        ?.PermissionSetArn as string;
    const developer = await createSet('Developer', 'Build and deploy', 'PT8H', 'https://console.aws.amazon.com/');
    await sso.send(
      new AttachManagedPolicyToPermissionSetCommand({
        InstanceArn,
        PermissionSetArn: developer,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      }),
    );
    await sso.send(
      new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        InstanceArn,
        PermissionSetArn: developer,
        CustomerManagedPolicyReference: { Name: 'DenyBilling', Path: '/' },
      }),
    );
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:*', Resource: '*' }] };
    await sso.send(
      new PutInlinePolicyToPermissionSetCommand({ InstanceArn, PermissionSetArn: developer, InlinePolicy: JSON.stringify(policy) }),
    );
    const readOnly = await createSet('ReadOnly', 'Look, do not touch', 'PT1H');
    await sso.send(
      new AttachManagedPolicyToPermissionSetCommand({
        InstanceArn,
        PermissionSetArn: readOnly,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );

    const assign = (PermissionSetArn: string, PrincipalType: 'USER' | 'GROUP', PrincipalId: string, account: string) =>
      sso.send(
        new CreateAccountAssignmentCommand({
          InstanceArn,
          PermissionSetArn,
          PrincipalType,
          PrincipalId,
          TargetType: 'AWS_ACCOUNT',
          TargetId: accountIds.get(account),
        }),
      );
    await assign(developer, 'GROUP', devs, 'staging');
    await assign(developer, 'GROUP', devs, 'sandbox-1');
    await assign(developer, 'GROUP', devs, 'sandbox-2');
    await assign(developer, 'GROUP', admins, 'prod');
    await assign(developer, 'GROUP', admins, 'staging');
    await assign(developer, 'USER', alice, 'prod');
    await assign(developer, 'USER', alice, 'staging');
    await assign(readOnly, 'USER', carol, 'prod');
    return accountIds;
  } finally {
    sso.destroy();
    ids.destroy();
  }
}

async function sandboxAccountIds(endpoint: string): Promise<string[]> {
  const { OrganizationsClient, ListAccountsCommand } = await import('@aws-sdk/client-organizations');
  const org = new OrganizationsClient(motoClientConfig(endpoint));
  try {
    const listed = await org.send(new ListAccountsCommand({}));
    return (listed.Accounts ?? [])
      .filter((a) => a.Name === 'sandbox')
      .map((a) => a.Id as string)
      .sort();
  } finally {
    org.destroy();
  }
}

/** A proxy on 127.0.0.1 that forwards to moto, except that it answers HTTP 500 for one X-Amz-Target. */
async function failingProxy(target: string, failTarget: string): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.headers['x-amz-target'] === failTarget) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'InternalServerException', message: 'injected failure' }));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
      fetch(`${target}${req.url ?? '/'}`, {
        method: req.method ?? 'POST',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }).then(
        async (upstream) => {
          res.writeHead(upstream.status, Object.fromEntries(upstream.headers.entries()));
          res.end(Buffer.from(await upstream.arrayBuffer()));
        },
        (err: unknown) => {
          res.writeHead(502);
          res.end(String(err));
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(() => r())) };
}
