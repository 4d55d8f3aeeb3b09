// End-to-end: the built CLI's pacing against the sandbox configured like AWS. At the
// sandbox's limit of 20 Identity Center requests per second the tool's default rate (20)
// is never throttled, measured by the sandbox's own accounting; with half of all calls
// answered ThrottlingException the run still succeeds, slower.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { startContender } from '../bench/contender.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const EXAMPLE = join(REPO_ROOT, 'identity');

describe('pacing against the sandbox', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ asyncMs: 20 });
    seedExampleOrganization(sandbox.sandbox.world);
    env = sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  /** The example applied, unthrottled: each test runs alone too (vitest -t). */
  async function applyExample(): Promise<void> {
    const run = await runCli(['reconcile', '--yes', '--dir', EXAMPLE], { env: { ...env, SSO_GITOPS_TPS: '1000' } });
    if (run.code !== 0) throw new Error(`applying the example failed: ${run.stderr}`);
  }

  it('reconciles at the default rate against a limit of 20 requests/s without one throttled call', async () => {
    sandbox.sandbox.configure({ tps: 20, latencyMs: 5 });
    sandbox.sandbox.resetStats();
    try {
      const run = await runCli(['reconcile', '--yes', '--dir', EXAMPLE], { env });
      expect(run.code, run.stderr).toBe(0);
      const stats = sandbox.sandbox.stats();
      expect(stats.totalCalls).toBeGreaterThan(50); // long enough that a tool pacing above the limit would run out of burst
      expect(stats.throttled).toBe(0);
      expect(stats.faults.throttle).toBe(0);
    } finally {
      sandbox.sandbox.configure({ tps: 0, latencyMs: 0 });
    }
  });

  it('plans while a second client uses 15 of the 20 requests/s: the run succeeds, only slower', async () => {
    await applyExample();
    sandbox.sandbox.configure({ tps: 20, latencyMs: 5 });
    const contender = await startContender(sandbox.endpoint, EXAMPLE_MANAGEMENT_ACCOUNT, 15);
    let report;
    try {
      const run = await runCli(['plan', '--dir', EXAMPLE, '--detailed-exitcode'], { env, timeoutMs: 300_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('No changes');
    } finally {
      report = await contender.stop();
      sandbox.sandbox.configure({ tps: 0, latencyMs: 0 });
    }
    expect(report.sent).toBeGreaterThan(15); // the second client really ran alongside
  }, 300_000);

  it('finishes a plan when half of all calls are answered ThrottlingException', async () => {
    await applyExample();
    sandbox.sandbox.configure({ faults: 'throttle=0.5' });
    sandbox.sandbox.resetStats();
    try {
      const run = await runCli(['plan', '--dir', EXAMPLE, '--detailed-exitcode'], { env, timeoutMs: 300_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('No changes');
      expect(sandbox.sandbox.stats().faults.throttle).toBeGreaterThan(10);
    } finally {
      sandbox.sandbox.configure({ faults: '' });
    }
  }, 300_000);
});
