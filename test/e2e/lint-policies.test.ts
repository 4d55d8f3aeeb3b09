// `plan --lint-policies` with the real CLI against the sandbox's ValidatePolicy: a risky
// inline policy is flagged in the PR comment, an invalid one fails the plan and reconcile
// refuses its saved plan, and a refused ValidatePolicy (AccessDenied) is said, not hidden.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const RISKY = `permissionSets:
  - name: Deployer
    inlinePolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: ["iam:PassRole", "lambda:UpdateFunctionConfiguration"]
          Resource: "*"
`;
// valid for the tool's own validator (Condition is a mapping), but no such operator exists
const INVALID = `permissionSets:
  - name: Auditor
    inlinePolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: s3:GetObject
          Resource: "*"
          Condition: {StringEqual: {"aws:PrincipalTag/team": audit}}
`;

async function stateWith(file: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sso-gitops-lint-'));
  await cp(join(REPO_ROOT, 'identity'), dir, { recursive: true });
  await writeFile(join(dir, 'permission-sets', file), text);
  return dir;
}

describe('plan --lint-policies', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  const dirs: string[] = [];

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    seedExampleOrganization(sandbox.sandbox.world);
    env = { ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT), SSO_GITOPS_TPS: '500', SSO_GITOPS_ACCESS_ANALYZER_TPS: '500' };
  });

  afterAll(async () => {
    await sandbox?.stop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('flags a security warning in the markdown plan without failing it', async () => {
    const dir = await stateWith('Deployer.yaml', RISKY);
    dirs.push(dir);
    const run = await runCli(['plan', '--dir', dir, '--format', 'markdown', '--lint-policies', '--detailed-exitcode'], { env });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('> [!WARNING]\n> **IAM Access Analyzer: 1 security warning in inline policies. Review before merging.**');
    expect(run.stdout).toContain('> - **Deployer** · `PASS_ROLE_WITH_STAR_IN_RESOURCE` at `Statement[0].Resource`');
    expect(run.stdout).not.toContain('[!CAUTION]');
  });

  it('fails the plan on an ERROR finding, and reconcile refuses the saved plan that carries it', async () => {
    const dir = await stateWith('Auditor.yaml', INVALID);
    dirs.push(dir);
    expect((await runCli(['validate', '--dir', dir], { env })).code).toBe(0);
    const planFile = join(dir, 'plan.json');
    const run = await runCli(['plan', '--dir', dir, '--format', 'markdown', '--lint-policies', '--out', planFile], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      '> [!CAUTION]\n> **IAM Access Analyzer: 1 error in inline policies. This plan fails; `reconcile` will not apply it.**',
    );
    expect(run.stdout).toContain('`INVALID_CONDITION_OPERATOR` at `Statement[0].Condition.StringEqual`');
    const saved = JSON.parse(await readFile(planFile, 'utf8')) as { policyFindings: { permissionSet: string }[] };
    expect(saved.policyFindings.map((s) => s.permissionSet)).toEqual(['Auditor']);

    const apply = await runCli(['reconcile', '--dir', dir, '--plan', planFile, '--yes'], { env });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('IAM Access Analyzer reports 1 error in inline policies; nothing was changed');
    expect(apply.stderr).toContain('permission set "Auditor": INVALID_CONDITION_OPERATOR');
    expect(sandbox.sandbox.stats().writes).toBe(0);
  });

  it('without the flag, asks Access Analyzer nothing and shows no findings section', async () => {
    const dir = await stateWith('Deployer.yaml', RISKY);
    dirs.push(dir);
    const run = await runCli(['plan', '--dir', dir], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('IAM Access Analyzer');
  });

  describe('when ValidatePolicy is refused (AccessDeniedException)', () => {
    let denying: Server;
    let denyingEndpoint: string;

    beforeAll(async () => {
      denying = createServer((req, res) => {
        req.resume();
        res
          .writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' })
          .end(JSON.stringify({ message: 'User is not authorized to perform: access-analyzer:ValidatePolicy' }));
      });
      await new Promise<void>((resolve) => denying.listen(0, '127.0.0.1', resolve));
      denyingEndpoint = `http://127.0.0.1:${(denying.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      denying.closeAllConnections();
      await new Promise((resolve) => denying.close(resolve));
    });

    it('plans, and says in the plan that the policies were NOT checked', async () => {
      const dir = await stateWith('Deployer.yaml', RISKY);
      dirs.push(dir);
      const run = await runCli(['plan', '--dir', dir, '--lint-policies'], {
        env: { ...env, AWS_ENDPOINT_URL_ACCESSANALYZER: denyingEndpoint },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /! inline policies NOT checked by IAM Access Analyzer \(access-analyzer ValidatePolicy failed: AccessDeniedException: .*\); grant access-analyzer:ValidatePolicy/,
      );
      expect(run.stdout).not.toContain('Inline policies checked by IAM Access Analyzer');
    });
  });
});
