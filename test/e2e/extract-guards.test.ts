// End-to-end: what extract writes is a state its own validate accepts, and extract never
// replaces a state directory with an empty state by accident (wrong region, wrong
// account, an instance that is not the one the files describe).
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { CreatePermissionSetCommand, ListInstancesCommand, ProvisionPermissionSetCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { readTree } from '../helpers/files.js';

const EMPTY_MANAGEMENT = '333333333333';
const PROVISIONED_ONLY_MANAGEMENT = '444444444444';

describe('extract guards', () => {
  let sandbox: TestSandbox;
  let work: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ asyncMs: 20 });
    seedExampleOrganization(sandbox.sandbox.world);
    work = await mkdtemp(join(tmpdir(), 'extract-guards-'));
    const applied = await runCli(['reconcile', '--yes', '--dir', join(REPO_ROOT, 'identity')], {
      env: { ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT), SSO_GITOPS_TPS: '1000' },
    });
    if (applied.code !== 0) throw new Error(`reconciling the example failed: ${applied.stderr}`);
    await buildOrganization(sandbox.clientConfig(EMPTY_MANAGEMENT), EMPTY_MANAGEMENT, [{ name: 'workload' }]);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes, from the example organization, a state that validate accepts', async () => {
    const dir = join(work, 'from-example');
    const extracted = await runCli(['extract', '--dir', dir], { env: sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT) });
    expect(extracted.code, extracted.stderr).toBe(0);
    const validated = await runCli(['validate', '--dir', dir]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  });

  it('refuses to replace a non-empty state directory with an empty state, in one line, writing nothing', async () => {
    const dir = join(work, 'guarded');
    await cp(join(REPO_ROOT, 'identity'), dir, { recursive: true });
    const before = await readTree(dir);
    const refused = await runCli(['extract', '--dir', dir], { env: sandbox.cliEnv(EMPTY_MANAGEMENT) });
    expect(refused.code).toBe(1);
    const lines = refused.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: extract: the instance .* has no users, groups, permission sets or assignments, but .*guarded declares \d+ entries: .*--force/,
    );
    expect(await readTree(dir)).toEqual(before);
  });

  it('writes the empty state over the directory with --force, saying that validate refuses it', async () => {
    const dir = join(work, 'forced');
    await cp(join(REPO_ROOT, 'identity'), dir, { recursive: true });
    const forced = await runCli(['extract', '--dir', dir, '--force'], { env: sandbox.cliEnv(EMPTY_MANAGEMENT) });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('extracted 0 users, 0 groups (0 memberships), 0 permission sets, 0 assignments');
    expect(forced.stderr).toContain('warning: the state written is empty: validate and plan refuse an empty state');
    const validated = await runCli(['validate', '--dir', dir]);
    expect(validated.code).toBe(1);
  });

  it('writes nothing for an empty instance into a new directory either: an empty state is not a valid one', async () => {
    const dir = join(work, 'new-empty');
    const refused = await runCli(['extract', '--dir', dir], { env: sandbox.cliEnv(EMPTY_MANAGEMENT) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: extract: the instance .* has no users, groups, permission sets or assignments: nothing to extract .*--force.*; nothing was written$/m,
    );
    await expect(readdir(dir)).rejects.toThrow('ENOENT');
  });

  it('honours settings.ignore.accounts: no assignment on an ignored account is read or written', async () => {
    const dir = join(work, 'ignoring-prod');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.yaml'), 'settings:\n  ignore:\n    accounts: [prod]\n');
    const extracted = await runCli(['extract', '--dir', dir, '--verbose'], { env: sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT) });
    expect(extracted.code, extracted.stderr).toBe(0);
    const assignments = await readFile(join(dir, 'assignments.yaml'), 'utf8');
    expect(assignments).toContain('staging');
    expect(assignments).not.toMatch(/\bprod\b/);
    const validated = await runCli(['validate', '--dir', dir]);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  });

  it('warns when no assignment is read although permission sets are provisioned to accounts', async () => {
    const org = await buildOrganization(sandbox.clientConfig(PROVISIONED_ONLY_MANAGEMENT), PROVISIONED_ONLY_MANAGEMENT, [
      { name: 'workload' },
    ]);
    const sso = new SSOAdminClient(sandbox.clientConfig(PROVISIONED_ONLY_MANAGEMENT));
    const ids = new IdentitystoreClient(sandbox.clientConfig(PROVISIONED_ONLY_MANAGEMENT));
    try {
      const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
      const InstanceArn = instance?.InstanceArn as string;
      // two principals and one set: the read lists the provisioned pairs (it knows them) and then their assignments
      for (const UserName of ['ann', 'ben']) {
        await ids.send(
          new CreateUserCommand({
            IdentityStoreId: instance?.IdentityStoreId,
            UserName,
            DisplayName: UserName,
            Name: { GivenName: UserName, FamilyName: 'X' },
          }),
        );
      }
      const set = (await sso.send(new CreatePermissionSetCommand({ InstanceArn, Name: 'Orphan' }))).PermissionSet
        ?.PermissionSetArn as string;
      await sso.send(
        new ProvisionPermissionSetCommand({
          InstanceArn,
          PermissionSetArn: set,
          TargetType: 'AWS_ACCOUNT',
          TargetId: org.accountIds.get('workload'),
        }),
      );
      await new Promise((r) => setTimeout(r, 50)); // asyncMs 20: the provisioning completes
    } finally {
      sso.destroy();
      ids.destroy();
    }
    const extracted = await runCli(['extract', '--dir', join(work, 'provisioned-only')], {
      env: sandbox.cliEnv(PROVISIONED_ONLY_MANAGEMENT),
    });
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(extracted.stderr).toMatch(
      /warning: no account assignments were read, although 1 permission set is provisioned to 1 account: .*region.*permissions/,
    );
  });
});
