// action.yml's scripts with the real, built CLI, the way a foreign repository uses the
// action: the workspace is another directory that holds only identity/, the tool comes
// from the action's own checkout (GITHUB_ACTION_PATH, here this repository) and AWS is
// the sandbox with the example organization. Build first (the install step then finds
// the CLI built and skips `npm ci`).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { CLI_PATH, hermeticEnv, REPO_ROOT } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { runScript, runScriptAsync } from './run-step.js';
import { loadAction, type Step } from './workflow-files.js';

const { action } = loadAction(REPO_ROOT);
const step = (name: string): Step => {
  const found = action.runs.steps.find((s) => s.name === name);
  if (!found) throw new Error(`action.yml has no step "${name}"`);
  return found;
};

describe('the action in a repository of its own, against the sandbox', () => {
  let sandbox: TestSandbox;
  let workspace: string;
  let runnerTemp: string;
  let env: Record<string, string>;

  const run = (name: string, extra: Record<string, string> = {}) =>
    runScriptAsync(step(name), { runnerTemp, cwd: workspace, env: { ...env, ...extra } });

  beforeAll(async () => {
    // Without a built CLI the install step would run `npm ci` in this checkout.
    if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: build first (npx tsc -p tsconfig.build.json)`);
    sandbox = await startTestSandbox({ asyncMs: 20 });
    seedExampleOrganization(sandbox.sandbox.world);
    workspace = mkdtempSync(join(tmpdir(), 'sso-gitops-workspace-'));
    runnerTemp = mkdtempSync(join(tmpdir(), 'sso-gitops-runner-'));
    cpSync(join(REPO_ROOT, 'identity'), join(workspace, 'state'), { recursive: true });
    env = hermeticEnv({
      ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT),
      SSO_GITOPS_TPS: '500',
      GITHUB_ACTION_PATH: REPO_ROOT,
      STATE_DIR: 'state',
      ALLOW_DELETES: 'false',
    });
    const install = runScript(step('Install sso-gitops'), { runnerTemp, cwd: REPO_ROOT, env });
    expect(install.status, install.stderr).toBe(0);
    // What the runner does with GITHUB_PATH for the steps that follow.
    env.PATH = [...install.path, env.PATH ?? ''].join(':');
  });

  afterAll(async () => {
    await sandbox?.stop();
    for (const dir of [workspace, runnerTemp]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('validates the state directory of the workspace', async () => {
    const validate = await run('Validate the state files');
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.outputs).toEqual({ 'exit-code': '0', summary: 'the state files in state are valid' });
  });

  it('drift: the example organization lacks everything, so exit-code 2 and the counts', async () => {
    const drift = await run('Plan', { COMMAND: 'drift' });
    expect(drift.status, drift.stderr).toBe(0);
    expect(drift.outputs['exit-code'], drift.stderr).toBe('2');
    expect(drift.outputs.summary).toMatch(/^\d+ to add, 0 to change, 0 to destroy$/);
    expect(readFileSync(drift.outputs.markdown ?? '', 'utf8')).toBe(drift.summary);
    expect(JSON.parse(readFileSync(drift.outputs['plan-json'] ?? '', 'utf8'))).toHaveProperty('formatVersion', 1);
  });

  it('reconcile applies it, and a plan afterwards shows no changes', async () => {
    const reconcile = await run('Reconcile');
    expect(reconcile.outputs['exit-code'], reconcile.stderr).toBe('0');
    expect(reconcile.outputs.summary).toMatch(/^Apply complete: \d+ changes applied\.$/);
    const plan = await run('Plan', { COMMAND: 'plan' });
    expect([plan.outputs['exit-code'], plan.outputs.summary], plan.stderr).toEqual(['0', 'no changes']);
  });

  it('expired-only (the hourly expire workflow) removes an expired member, and a plan afterwards shows no changes', async () => {
    const groups = join(workspace, 'state', 'groups.yaml');
    const text = readFileSync(groups, 'utf8');
    if (!text.includes('members: [erin@example.com]')) throw new Error('the example groups.yaml changed');
    writeFileSync(groups, text.replace('members: [erin@example.com]', 'members: [{user: erin@example.com, expiresAt: 2020-01-31}]'));
    const reconcile = await run('Reconcile', { EXPIRED_ONLY: 'true' });
    expect(reconcile.outputs['exit-code'], reconcile.stderr).toBe('0');
    expect(reconcile.outputs.summary).toBe('Apply complete: 1 change applied.');
    expect(readFileSync(reconcile.outputs.markdown ?? '', 'utf8')).toContain(
      '- user "erin@example.com" leaves group "Auditors" (expired 2020-01-31)',
    );
    const plan = await run('Plan', { COMMAND: 'plan' });
    expect([plan.outputs['exit-code'], plan.outputs.summary], plan.stderr).toEqual(['0', 'no changes']);
  });
});
