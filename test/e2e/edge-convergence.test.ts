// Convergence at the edges, with the built CLI against the sandbox (issue #11):
//  - two reconciles of the same state at once both succeed, and the next plan is empty:
//    the loser of each race finds its write already done ("already attached", "already
//    exists", a set of that name created meanwhile) and counts it as done;
//  - removing a permission set's description and relay state converges: applied once,
//    re-provisioned once (the relay state reaches the accounts), then an empty plan;
//  - a user and a group made "in the console" with other attributes while the run is
//    under way (just before the tool's CreateUser/CreateGroup reaches the service) are
//    adopted and updated: exit 0, and the next plan is empty.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityStore } from '../../src/sandbox/state/identity-store.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

async function exampleStateCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sso-gitops-edges-'));
  await cp(join(REPO_ROOT, 'identity'), dir, { recursive: true });
  return dir;
}

describe('two reconciles of the same state at once', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox({ asyncMs: 20 }));
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('both exit 0 and the next plan is empty', async () => {
    const [first, second] = await Promise.all([runCli(['reconcile', '--yes'], { env }), runCli(['reconcile', '--yes'], { env })]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    const again = await runCli(['plan', '--detailed-exitcode'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});

describe('removing the description and relay state of a permission set', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox({ asyncMs: 5 }));
    dir = await exampleStateCopy();
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is applied and re-provisioned once, and then plans nothing', async () => {
    const created = await runCli(['reconcile', '--yes', '--dir', dir], { env });
    expect(created.code, created.stdout + created.stderr).toBe(0);

    const file = join(dir, 'permission-sets', 'Developer.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/^ {4}description: .*\n/m, '').replace(/^ {4}relayState: .*\n/m, '');
    expect(edited).not.toMatch(/description:|relayState:/);
    await writeFile(file, edited);

    sandbox.sandbox.resetStats();
    const removed = await runCli(['reconcile', '--yes', '--dir', dir], { env });
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    expect(sandbox.sandbox.stats().calls.ProvisionPermissionSet).toBe(1);

    sandbox.sandbox.resetStats();
    const again = await runCli(['plan', '--detailed-exitcode', '--dir', dir], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const reconcileAgain = await runCli(['reconcile', '--yes', '--dir', dir], { env });
    expect(reconcileAgain.code, reconcileAgain.stdout + reconcileAgain.stderr).toBe(0);
    expect(sandbox.sandbox.stats().calls.ProvisionPermissionSet ?? 0).toBe(0);
  });
});

describe('a user and a group created in the console while the run is under way', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox({ asyncMs: 5 }));
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const CONSOLE_ALICE = '00000000-0000-4000-8000-00000000a11c';
  const CONSOLE_DEVELOPERS = '00000000-0000-4000-8000-0000000000de';

  /** Makes the console's user and group appear right before the tool's own creation of them. */
  function consoleCreatesFirst(store: IdentityStore): void {
    const addUser = store.addUser.bind(store);
    const addGroup = store.addGroup.bind(store);
    store.addUser = (user) => {
      if (user.attributes.UserName === 'alice@example.com' && user.UserId !== CONSOLE_ALICE) {
        store.addUser = addUser;
        const now = Math.floor(Date.now() / 1000);
        const attributes = {
          UserName: 'alice@example.com',
          DisplayName: 'Console Alice',
          Name: { GivenName: 'Alice', FamilyName: 'L' },
          NickName: 'Al',
          UserStatus: 'ENABLED',
          CreatedAt: now,
          UpdatedAt: now,
        };
        addUser({ UserId: CONSOLE_ALICE, attributes });
      }
      addUser(user);
    };
    store.addGroup = (group) => {
      if (group.DisplayName === 'Developers' && group.GroupId !== CONSOLE_DEVELOPERS) {
        store.addGroup = addGroup;
        addGroup({ ...group, GroupId: CONSOLE_DEVELOPERS, Description: 'made by hand' });
      }
      addGroup(group);
    };
  }

  it('adopts them, brings them to the files, exits 0, and the next plan is empty', async () => {
    const [store] = [...sandbox.sandbox.world.stores.values()];
    if (!store) throw new Error('the example organization has no identity store');
    consoleCreatesFirst(store);
    sandbox.sandbox.resetStats();
    const run = await runCli(['reconcile', '--yes'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(sandbox.sandbox.stats().calls).toMatchObject({ GetUserId: 1, GetGroupId: 1 });
    const again = await runCli(['plan', '--detailed-exitcode'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});
