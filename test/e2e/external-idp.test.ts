// External identity provider mode (users and groups arrive by SCIM): the repository
// manages permission sets and assignments only. Users and groups must then exist live —
// a missing one is an error naming the entry, not a creation — and those the files do not
// mention are never deleted.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

const SCIM_SETTINGS =
  'settings:\n  manage: {users: false, groups: false, groupMemberships: false, permissionSets: true, assignments: true}\n';

describe('external identity provider mode', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let scim: string;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
    scim = await mkdtemp(join(tmpdir(), 'sso-gitops-scim-'));
    await cp(join(REPO_ROOT, 'identity', 'permission-sets'), join(scim, 'permission-sets'), { recursive: true });
    await cp(join(REPO_ROOT, 'identity', 'assignments.yaml'), join(scim, 'assignments.yaml'));
    await writeFile(join(scim, 'settings.yaml'), SCIM_SETTINGS);
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (scim) await rm(scim, { recursive: true, force: true });
  });

  it('refuses to plan while the IdP has not provisioned the groups the assignments name', async () => {
    sandbox.sandbox.resetStats();
    const run = await runCli(['plan', '--dir', scim], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /assignments\.yaml:\d+:\d+: group "Developers" is not managed here \(settings\.manage\.groups: false\) and does not exist in the identity store/,
    );
    expect(sandbox.sandbox.stats().writes).toBe(0);
  });

  it('once users and groups exist, manages only permission sets and assignments and deletes no user or group', async () => {
    // the "IdP": the full example creates the users, groups and memberships
    expect((await runCli(['reconcile', '--yes'], { env })).code).toBe(0);
    const run = await runCli(['plan', '--dir', scim, '--format', 'json', '--detailed-exitcode'], { env });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.changes).toEqual([]);
  });
});
