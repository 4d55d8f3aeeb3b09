// The built CLI on the Node that runs the suite: no multi-line SDK notice ever, and on a
// Node older than 22 exactly one line saying so, on the commands that use the AWS SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { runCli } from '../helpers/cli.js';
import { NODE_NOTICE, RUNNING_UNSUPPORTED_NODE } from '../helpers/node-notice.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe(`the CLI on Node ${process.versions.node}`, () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    seedExampleOrganization(sandbox.sandbox.world);
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('an AWS command prints no SDK notice, and the Node notice once only on an unsupported Node', async () => {
    const run = await runCli(['plan'], { env: { ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT), SSO_GITOPS_TPS: '500' } });
    expect(run.code, run.stderr).not.toBe(1); // it planned (0: no changes, 2: changes), not failed
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK for JavaScript|--trace-warnings/);
    const notices = run.stderr.split('\n').filter((l) => NODE_NOTICE.test(l));
    expect(notices, run.stderr).toEqual(
      RUNNING_UNSUPPORTED_NODE ? [`sso-gitops: Node ${process.versions.node.split('.')[0]}.x is not supported; use Node 22 or 24`] : [],
    );
    if (RUNNING_UNSUPPORTED_NODE) expect(run.stderr.split('\n')[0]).toMatch(NODE_NOTICE);
  });

  it('a command that does not use AWS (validate, --version) prints no notice', async () => {
    for (const args of [['validate'], ['--version']]) {
      const run = await runCli(args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
    }
  });
});
