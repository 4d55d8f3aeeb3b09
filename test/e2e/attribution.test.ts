// Who changed it (issue 16), end to end: the real CLI against the sandbox. The tool applies
// the example state as the management account's root; then "mallory", another person of
// the same account (access key <account>-mallory), assigns a permission set behind the
// tool's back. `plan --attribute` names mallory as the one who made that change, and when
// CloudTrail is denied the plan still succeeds and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { EXAMPLE_MANAGEMENT_ACCOUNT } from '../../src/sandbox/example-org.js';
import { runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ConsoleUser } from './behind-the-back.js';

const PROD = '210987654321';
const MALLORY = `arn:aws:sts::${EXAMPLE_MANAGEMENT_ACCOUNT}:assumed-role/sandbox/mallory`;

describe('plan --attribute against the sandbox', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let mallory: ConsoleUser;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
    const applied = await runCli(['reconcile', '--dir', 'identity', '--yes'], { env });
    expect(applied.code, applied.stderr).toBe(0);
    const config = sandbox.clientConfig(EXAMPLE_MANAGEMENT_ACCOUNT);
    mallory = new ConsoleUser({ ...config, credentials: { ...config.credentials, accessKeyId: `${EXAMPLE_MANAGEMENT_ACCOUNT}-mallory` } });
    await mallory.assignUser('AdministratorAccess', 'dave@example.com', PROD);
  });

  afterAll(async () => {
    mallory?.close();
    await sandbox?.stop();
  });

  const setDenials = (operations: string[]) =>
    fetch(`${sandbox.endpoint}/_sandbox/denials`, { method: 'POST', body: JSON.stringify({ operations }) });

  it('names the other identity of the account as the one who made the change behind the tool’s back', async () => {
    const run = await runCli(['plan', '--dir', 'identity', '--attribute', '--format', 'json', '--allow-deletes'], { env });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    const index = plan.changes.findIndex((c) => c.kind === 'assignment' && c.principal === 'dave@example.com' && c.accountId === PROD);
    expect(index, run.stdout).toBeGreaterThanOrEqual(0);
    const attribution = plan.attributions?.changes.find((a) => a.change === index);
    expect(attribution?.events).toEqual([
      expect.objectContaining({
        eventName: 'CreateAccountAssignment',
        eventSource: 'sso.amazonaws.com',
        principalType: 'AssumedRole',
        principalArn: MALLORY,
        sessionName: 'mallory',
        sourceIp: '127.0.0.1',
      }),
    ]);
    // the tool's own apply (as root) is not mistaken for the drift
    expect(JSON.stringify(plan.attributions)).not.toContain(`arn:aws:iam::${EXAMPLE_MANAGEMENT_ACCOUNT}:root`);
  });

  it('shows who in the text and markdown plans too', async () => {
    const text = await runCli(['plan', '--dir', 'identity', '--attribute', '--allow-deletes'], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Who changed it \(CloudTrail/);
    expect(text.stdout).toContain(`CreateAccountAssignment by ${MALLORY} (session mallory) from 127.0.0.1`);
    const md = await runCli(['plan', '--dir', 'identity', '--attribute', '--allow-deletes', '--format', 'markdown'], { env });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(`| ${MALLORY} (session mallory) | 127.0.0.1 | CreateAccountAssignment |`);
  });

  it('still plans, with a note, when LookupEvents is denied', async () => {
    expect((await setDenials(['LookupEvents'])).status).toBe(200);
    try {
      const run = await runCli(['plan', '--dir', 'identity', '--attribute', '--format', 'json', '--allow-deletes'], { env });
      expect(run.code, run.stderr).toBe(0);
      const plan = JSON.parse(run.stdout) as Plan;
      expect(plan.changes.length).toBeGreaterThan(0);
      expect(plan.attributions?.changes).toEqual([]);
      expect(plan.attributions?.note).toMatch(/CloudTrail could not be read \(no permission \(cloudtrail:LookupEvents\)/);
      const text = await runCli(['plan', '--dir', 'identity', '--attribute', '--allow-deletes'], { env });
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('! CloudTrail could not be read');
    } finally {
      await setDenials([]);
    }
  });

  it('refuses --attribute-since it cannot read, or without --attribute, before any AWS call', async () => {
    sandbox.sandbox.resetStats();
    const bad = await runCli(['plan', '--dir', 'identity', '--attribute', '--attribute-since', 'last week'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--attribute-since must be N days');
    const alone = await runCli(['plan', '--dir', 'identity', '--attribute-since', '7d'], { env });
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('--attribute-since needs --attribute');
    expect(sandbox.sandbox.stats().totalCalls).toBe(0);
  });

  it('makes no CloudTrail call without --attribute', async () => {
    sandbox.sandbox.resetStats();
    const run = await runCli(['plan', '--dir', 'identity', '--allow-deletes'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(sandbox.sandbox.stats().callsByService.cloudtrail).toEqual({});
    expect(run.stdout).not.toContain('Who changed it');
  });
});
