// Renaming a group against the sandbox, the way issue #11 reported it: `Platform Admins` →
// `PLATFORM ADMINS` used to plan a create and a delete; CreateGroup conflicted, the writer
// adopted the old group's id by name, and the delete then removed that same group with its
// access while reporting success. Now a case-only rename, and a rename with previousNames,
// is one UpdateGroup: same id, members and assignments kept, and the next plan is empty.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { EXAMPLE_MANAGEMENT_ACCOUNT } from '../../src/sandbox/example-org.js';
import { runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ConsoleUser } from './behind-the-back.js';

function stateFile(group: string, previousNames: string[] = []): string {
  const previous = previousNames.length > 0 ? `    previousNames: [${previousNames.map((n) => JSON.stringify(n)).join(', ')}]\n` : '';
  return [
    'users:',
    '  - {userName: alice, displayName: Alice, givenName: Alice, familyName: Liddell}',
    '  - {userName: bob, displayName: Bob, givenName: Bob, familyName: Builder}',
    'groups:',
    `  - name: ${JSON.stringify(group)}`,
    '    members: [alice, bob]',
    previous.trimEnd(),
    'permissionSets:',
    '  - name: Admin',
    '    managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
    'assignments:',
    '  - permissionSet: Admin',
    `    groups: [${JSON.stringify(group)}]`,
    '    accounts: [prod, staging, management]',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

describe('renaming a group against the sandbox', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let dir: string;
  let consoleUser: ConsoleUser;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
    consoleUser = new ConsoleUser(sandbox.clientConfig(EXAMPLE_MANAGEMENT_ACCOUNT));
    dir = await mkdtemp(join(tmpdir(), 'sso-gitops-rename-'));
    await writeFile(join(dir, 'identity.yaml'), `${stateFile('Platform Admins')}\n`);
    const first = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(first.code, first.stderr).toBe(0);
  });

  afterAll(async () => {
    consoleUser?.close();
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The plan as JSON; a plan the safety rules refuse still prints, and exits 1. */
  async function planOf(refused = false): Promise<Plan> {
    const run = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    expect(run.code, run.stderr).toBe(refused ? 1 : 0);
    return JSON.parse(run.stdout) as Plan;
  }

  async function reconcileThenNothingLeft(): Promise<void> {
    const run = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(run.code, run.stderr).toBe(0);
    const after = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
    expect(after.code, after.stdout + after.stderr).toBe(0);
  }

  it('renames a group whose new name differs only in case in place: same id, members and assignments kept', async () => {
    const id = await consoleUser.groupId('Platform Admins');
    await writeFile(join(dir, 'identity.yaml'), `${stateFile('PLATFORM ADMINS')}\n`);
    const plan = await planOf();
    expect(plan.changes).toEqual([{ kind: 'group', action: 'rename', name: 'PLATFORM ADMINS', previousName: 'Platform Admins' }]);
    expect(plan.summary).toEqual({ add: 0, change: 1, destroy: 0 });
    await reconcileThenNothingLeft();
    expect(await consoleUser.groupId('PLATFORM ADMINS')).toBe(id);
  });

  it('renames a group by its previousNames in place', async () => {
    const id = await consoleUser.groupId('PLATFORM ADMINS');
    await writeFile(join(dir, 'identity.yaml'), `${stateFile('Platform Team', ['PLATFORM ADMINS'])}\n`);
    const plan = await planOf();
    expect(plan.changes).toEqual([{ kind: 'group', action: 'rename', name: 'Platform Team', previousName: 'PLATFORM ADMINS' }]);
    await reconcileThenNothingLeft();
    expect(await consoleUser.groupId('Platform Team')).toBe(id);
  });

  it('without previousNames, lists what the deleted group takes with it and still converges', async () => {
    await writeFile(join(dir, 'identity.yaml'), `${stateFile('Operators')}\n`);
    const plan = await planOf(true);
    expect(plan.refused.map((r) => r.rule)).toEqual(['delete-all', 'delete-all', 'delete-all']);
    const removed = plan.changes.filter((c) => c.action === 'delete').map((c) => `${c.kind}`);
    // two memberships and three assignments go with the deleted group, each listed and counted
    expect(removed).toEqual(['assignment', 'assignment', 'assignment', 'membership', 'membership', 'group']);
    expect(plan.summary.destroy).toBe(6);
    const run = await runCli(['reconcile', '--dir', dir, '--yes', '--allow-deletes'], { env });
    expect(run.code, run.stderr).toBe(0);
    const after = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
    expect(after.code, after.stdout + after.stderr).toBe(0);
  });
});
