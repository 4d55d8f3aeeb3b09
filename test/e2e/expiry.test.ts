// Temporary access end to end, the real CLI against the sandbox: an assignment entry and a
// group member whose expiresAt has passed are removed by `reconcile --expired-only`, and
// nothing else is touched although other drift (made behind the tool's back) is there:
// that is named and left to the drift check.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, Plan } from '../../src/plan/types.js';
import { EXAMPLE_MANAGEMENT_ACCOUNT } from '../../src/sandbox/example-org.js';
import { runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ConsoleUser } from './behind-the-back.js';

const STAGING = '310987654321';

/** The state; `bobUntil` and `carolUntil` are the two expiresAt values. */
function stateFile(bobUntil: string, carolUntil: string): string {
  return `users:
  - {userName: alice, displayName: Alice, givenName: Alice, familyName: Liddell}
  - {userName: bob, displayName: Bob, givenName: Bob, familyName: Builder}
  - {userName: carol, displayName: Carol, givenName: Carol, familyName: Singer}
groups:
  - name: Ops
    members: [alice, {user: bob, expiresAt: ${bobUntil}}]
  - name: Dev
    members: [carol]
permissionSets:
  - name: ReadOnly
    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
assignments:
  - permissionSet: ReadOnly
    groups: [Ops]
    accounts: [prod]
  - permissionSet: ReadOnly
    users: [carol]
    accounts: [staging]
    expiresAt: "${carolUntil}"
settings:
  safety:
    maxDeletePercent: 100
`;
}

/** A change in a form that is easy to compare. */
const brief = (c: Change) => {
  switch (c.kind) {
    case 'membership':
      return `${c.action} membership ${c.userName} in ${c.group}${c.expired !== undefined ? ` (expired ${c.expired})` : ''}`;
    case 'assignment':
      return `${c.action} assignment ${c.permissionSet} ${c.principal} ${c.accountId}${c.expired !== undefined ? ` (expired ${c.expired})` : ''}`;
    case 'group':
      return `${c.action} group ${c.name}`;
    default:
      return `${c.action} ${c.kind}`;
  }
};

describe('temporary access against the sandbox', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let dir: string;
  let consoleUser: ConsoleUser;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
    consoleUser = new ConsoleUser(sandbox.clientConfig(EXAMPLE_MANAGEMENT_ACCOUNT));
    dir = await mkdtemp(join(tmpdir(), 'sso-gitops-expiry-'));
    await writeFile(join(dir, 'identity.yaml'), stateFile('2999-12-31', '2999-12-31T00:00:00Z'));
    const first = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(first.code, first.stderr).toBe(0);
  });

  afterAll(async () => {
    consoleUser?.close();
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function planOf(...flags: string[]): Promise<string[]> {
    const run = await runCli(['plan', '--dir', dir, '--format', 'json', ...flags], { env });
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as Plan).changes.map(brief).sort();
  }

  it('access not yet expired is live, and the next plan is empty', async () => {
    expect(await planOf()).toEqual([]);
  });

  it('removes the expired member and assignment, and leaves the other drift alone, naming it', async () => {
    await writeFile(join(dir, 'identity.yaml'), stateFile('2020-01-01', '2020-01-01T00:00:00+01:00'));
    // drift of every sort, behind the tool's back: a group, an assignment, a membership removed
    await consoleUser.createGroup('Rogue');
    await consoleUser.assignUser('ReadOnly', 'alice', STAGING);
    await consoleUser.removeMember('Dev', 'carol');
    const drift = ['create membership carol in Dev', `delete assignment ReadOnly alice ${STAGING}`, 'delete group Rogue'];
    const expired = [
      `delete assignment ReadOnly carol ${STAGING} (expired 2020-01-01T00:00:00+01:00)`,
      'delete membership bob in Ops (expired 2020-01-01)',
    ];
    expect(await planOf()).toEqual([...expired, ...drift].sort());
    expect(await planOf('--expired-only')).toEqual(expired);

    const run = await runCli(['reconcile', '--dir', dir, '--expired-only', '--yes'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('- user "bob" leaves group "Ops" (expired 2020-01-01)');
    expect(run.stdout).toContain(`- "ReadOnly" for user "carol" on staging (${STAGING}) (expired 2020-01-01T00:00:00+01:00)`);
    expect(run.stdout).toContain('Apply complete: 2 changes applied.');
    expect(run.stderr).toContain(
      'reconcile --expired-only: 3 other changes found, not caused by expiry; not applied here, left to the drift check:',
    );
    expect(run.stderr).toContain('  - delete group "Rogue"');

    expect(await planOf()).toEqual(drift.sort());
  });

  it('a second run finds nothing expired, still touches nothing else, and exits 0', async () => {
    const run = await runCli(['reconcile', '--dir', dir, '--expired-only', '--yes'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('No expired entries to remove.\n');
    expect(run.stderr).toContain('3 other changes found');
    expect(await planOf()).toHaveLength(3);
  });
});
