// End-to-end: assignment creations that AWS finishes FAILED. The built CLI against the
// sandbox, whose creation of an assignment fails when the permission set references a
// customer managed policy the account does not have (as AWS does: the role cannot be made).
// The run follows its requests with the shared status listing and confirms them by reads;
// a failed request must be named with AWS's reason and never counted as applied, while the
// other creations — on the same (account, permission set) pairs confirmed by one read — are.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const STAGING = '310987654321';
const NEEDS_POLICY = `permissionSets:
  - name: NeedsPolicy
    sessionDuration: PT1H
    customerManagedPolicies: [{name: NotInAnyAccount}]
`;
const FAILING_ASSIGNMENTS = `assignments:
  - permissionSet: NeedsPolicy
    groups: [Developers, Auditors]
    accounts: [staging]
`;

describe('reconcile when AWS finishes assignment creations FAILED', () => {
  let sandbox: TestSandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ asyncMs: 30 });
    seedExampleOrganization(sandbox.sandbox.world);
    // staging has the example's policies (DenyBilling, TeamDeploy, ReadOnlyBoundary), not NotInAnyAccount
    sandbox.sandbox.world.declareCustomerManagedPolicies(STAGING, [
      { Name: 'DenyBilling', Path: '/' },
      { Name: 'TeamDeploy', Path: '/teams/' },
      { Name: 'ReadOnlyBoundary', Path: '/boundaries/' },
    ]);
    dir = await mkdtemp(join(tmpdir(), 'sso-gitops-async-failure-'));
    await cp(join(REPO_ROOT, 'identity'), dir, { recursive: true });
    await writeFile(join(dir, 'permission-sets', 'NeedsPolicy.yaml'), NEEDS_POLICY);
    await writeFile(join(dir, 'failing-assignments.yaml'), FAILING_ASSIGNMENTS);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 naming each failed creation with its reason, and applies every other change', async () => {
    const env = sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT);
    const run = await runCli(['reconcile', '--yes', '--dir', dir], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^2 of \d+ changes failed:$/m);
    for (const group of ['Developers', 'Auditors']) {
      expect(run.stderr).toMatch(
        new RegExp(`create assignment "NeedsPolicy" for group "${group}" on staging.*FAILED: .*NotInAnyAccount does not exist`),
      );
    }
    expect(run.stdout).toMatch(/Apply incomplete: \d+ applied, 2 failed/);

    // what was reported applied is there: the next plan has exactly the two failed creations left
    const plan = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    expect(plan.code, plan.stderr).toBe(0);
    const changes = (JSON.parse(plan.stdout) as { changes: { kind: string; action: string; permissionSet?: string; principal?: string }[] })
      .changes;
    expect(changes.map((c) => `${c.kind} ${c.action} ${c.permissionSet} ${c.principal}`).sort()).toEqual([
      'assignment create NeedsPolicy Auditors',
      'assignment create NeedsPolicy Developers',
    ]);
  });
});
