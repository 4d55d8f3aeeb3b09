// The example state in identity/ is real: against the organization it describes
// (`sandbox --example-org`), plan shows its creation, reconcile applies it, and a second
// plan shows no changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('the example state in identity/', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox({ asyncMs: 20 }));
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('plans the creation of everything it declares', async () => {
    const run = await runCli(['plan', '--detailed-exitcode'], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
  });

  it('reconciles into that organization and then plans no changes', async () => {
    const apply = await runCli(['reconcile', '--yes', '--verify'], { env });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout).toContain('Verified');
    const again = await runCli(['plan', '--detailed-exitcode'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });
});
