// A failed read is an error, never an empty list (docs/guarantees.md, G5): for every read
// operation the tool uses, make every call of it fail (fail-op) and check that plan and
// reconcile exit 1 naming that call, that plan prints and saves no plan, and that the
// sandbox saw zero writes. The table of operations is checked against what the tool
// really calls, so a new read cannot slip past this suite.
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, SandboxPool } from './read-pool.js';
import { SecretScan } from './secret-scan.js';
import { runTool } from './tool.js';

type Route = 'auto' | 'principals';

/** Each read of a full live read, with an assignment route that makes the tool call it. */
const READS: Record<string, Route> = {
  ListInstances: 'auto',
  DescribeOrganization: 'auto',
  ListRoots: 'auto',
  ListOrganizationalUnitsForParent: 'auto',
  ListAccountsForParent: 'auto',
  ListTagsForResource: 'auto',
  ListUsers: 'auto',
  ListGroups: 'auto',
  ListGroupMemberships: 'auto',
  ListPermissionSets: 'auto',
  DescribePermissionSet: 'auto',
  ListManagedPoliciesInPermissionSet: 'auto',
  ListCustomerManagedPolicyReferencesInPermissionSet: 'auto',
  GetInlinePolicyForPermissionSet: 'auto',
  // "no boundary" is a ResourceNotFoundException; a 500 must not be read as "none"
  GetPermissionsBoundaryForPermissionSet: 'auto',
  ListAccountsForProvisionedPermissionSet: 'auto',
  ListAccountAssignments: 'auto',
  ListAccountAssignmentsForPrincipal: 'principals',
};

const isRead = (op: string) => /^(List|Get|Describe)/.test(op);

describe('a failing read at every listing call: exit 1, the call named, zero writes', () => {
  const pool = new SandboxPool();
  const scan = new SecretScan();
  let work: string;
  let changed: string;

  beforeAll(async () => {
    // one retry only: the SDK's retrying is not under test here, the failure must be persistent
    await pool.start(3, scan, { AWS_MAX_ATTEMPTS: '2' });
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-read-failures-'));
    // the fixture plus one user: a reconcile that ignored a failed read would write
    changed = join(work, 'identity');
    await cp(FIXTURE_DIR, changed, { recursive: true });
    await writeFile(
      join(changed, 'late-joiner.yaml'),
      'users:\n  - userName: dave@example.com\n    displayName: Dave\n    givenName: Dave\n    familyName: Late\n',
    );
  }, 120_000);

  afterAll(async () => {
    await pool.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the table lists exactly the reads the tool makes on each assignment route', async () => {
    const seen = new Map<string, Route>();
    await pool.use(async ({ sandbox, env }) => {
      for (const route of ['auto', 'pairs', 'principals'] as const) {
        sandbox.sandbox.resetStats();
        const plan = await runTool(scan, ['plan', '--dir', changed], { ...env, SSO_GITOPS_ASSIGNMENT_ROUTE: route });
        expect(plan.code, plan.stderr).toBe(0);
        for (const op of Object.keys(sandbox.sandbox.stats().calls).filter(isRead))
          if (!seen.has(op)) seen.set(op, route === 'pairs' ? 'auto' : route);
      }
    });
    expect(Object.fromEntries([...seen].sort())).toEqual(Object.fromEntries(Object.entries(READS).sort()));
  });

  describe.concurrent('each read', () => {
    const cases = Object.entries(READS).flatMap(([op, route]) =>
      (['plan', 'reconcile'] as const).map((command) => [command, op, route] as const),
    );
    it.each(cases)('%s with every %s failing', async (command, op, route) => {
      await pool.use(async ({ sandbox, env }) => {
        const planFile = join(work, `plan-${op}.json`);
        const args = command === 'plan' ? ['plan', '--dir', changed, '--out', planFile] : ['reconcile', '--dir', changed, '--yes'];
        sandbox.sandbox.resetStats();
        sandbox.sandbox.configure({ faults: `fail-op=${op}` });
        const run = await runTool(scan, args, { ...env, SSO_GITOPS_ASSIGNMENT_ROUTE: route }).finally(() =>
          sandbox.sandbox.configure({ faults: '' }),
        );
        const stats = sandbox.sandbox.stats();
        expect(stats.faults.failOp, `${op} was never called`).toBeGreaterThan(0);
        expect(run.code, run.stdout).toBe(1);
        expect(run.stderr).toMatch(new RegExp(`^error: (sso-admin|identitystore|organizations) ${op} failed: `, 'm'));
        expect(stats.writes).toBe(0);
        expect(run.stdout).not.toMatch(/Plan:|Apply/);
        if (command === 'plan') await expect(stat(planFile)).rejects.toThrow();
      });
    });
  });

  it('leaked no credential in any output', () => {
    expect(scan.scanned).toBeGreaterThan(Object.keys(READS).length * 4);
    expect(scan.findings()).toEqual([]);
  });
});
