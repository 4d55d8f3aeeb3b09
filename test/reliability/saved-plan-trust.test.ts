// A saved plan is trusted for nothing: `reconcile --plan` plans again from the live state
// and the state files, takes the safety refusals from that fresh plan (a hand-edited
// `"refused": []` gets no mass delete past the guard) and refuses, with zero writes, a
// file whose changes are not exactly the fresh ones (a change added or removed by hand).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { runCli } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const GROUPS = ['Alpha', 'Bravo', 'Charlie', 'Delta'];

async function stateDir(parent: string, name: string, groups: string[]): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'groups.yaml'), `groups:\n${groups.map((g) => `  - {name: ${g}}`).join('\n')}\n`);
  return dir;
}

interface PlanJson {
  changes: Record<string, unknown>[];
  summary: { add: number; change: number; destroy: number };
  refused: unknown[];
}

describe('reconcile --plan trusts nothing in the file but what it plans again', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let work: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    seedExampleOrganization(sandbox.sandbox.world);
    env = {
      ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT),
      SSO_GITOPS_TPS: '500',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-saved-plan-'));
    const seed = await runCli(['reconcile', '--dir', await stateDir(work, 'all', GROUPS), '--yes'], { env });
    if (seed.code !== 0) throw new Error(`seeding failed: ${seed.stdout}${seed.stderr}`);
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** `plan --out` of `dir`, then `edit` applied to the JSON file. */
  async function savedPlan(dir: string, name: string, edit: (plan: PlanJson) => void): Promise<string> {
    const file = join(work, `${name}.json`);
    await runCli(['plan', '--dir', dir, '--out', file], { env });
    const plan = JSON.parse(await readFile(file, 'utf8')) as PlanJson;
    edit(plan);
    await writeFile(file, JSON.stringify(plan, null, 2));
    return file;
  }

  async function reconcileWithZeroWrites(dir: string, file: string, extra: string[] = []) {
    sandbox.sandbox.resetStats();
    const run = await runCli(['reconcile', '--dir', dir, '--plan', file, '--yes', ...extra], { env });
    expect(sandbox.sandbox.stats().writes).toBe(0);
    return run;
  }

  it('a hand-edited "refused": [] on a plan deleting past maxDeletePercent is refused, zero writes', async () => {
    const dir = await stateDir(work, 'one-left', ['Alpha']);
    const file = await savedPlan(dir, 'refusal-removed', (plan) => {
      expect(plan.refused.length).toBeGreaterThan(0);
      plan.refused = [];
    });
    const run = await reconcileWithZeroWrites(dir, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('refused by the safety rules');
    expect(run.stderr).toMatch(/deletes 3 of 4 live groups/);
  });

  it('a change added by hand is refused and named, zero writes', async () => {
    const dir = await stateDir(work, 'three-left', ['Alpha', 'Bravo', 'Charlie']);
    const file = await savedPlan(dir, 'change-added', (plan) => {
      expect(plan.refused).toEqual([]);
      plan.changes.push({ kind: 'group', action: 'delete', name: 'Alpha' });
      plan.summary.destroy++;
    });
    const run = await reconcileWithZeroWrites(dir, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/1 change only in the file \(delete group "Alpha"\)/);
    expect(run.stderr).toContain('Nothing was changed');
  });

  it('a change removed by hand is refused and named, zero writes', async () => {
    const dir = await stateDir(work, 'three-left', ['Alpha', 'Bravo', 'Charlie']);
    const file = await savedPlan(dir, 'change-removed', (plan) => {
      expect(plan.changes).toEqual([{ kind: 'group', action: 'delete', name: 'Delta' }]);
      plan.changes = [];
      plan.summary.destroy = 0;
    });
    const run = await reconcileWithZeroWrites(dir, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/1 change planned now but not in the file \(delete group "Delta"\)/);
  });

  it('a plan for another instance is refused before the live state is read', async () => {
    const dir = await stateDir(work, 'three-left', ['Alpha', 'Bravo', 'Charlie']);
    const file = await savedPlan(dir, 'other-instance', (plan) => {
      (plan as unknown as { instanceArn: string }).instanceArn = 'arn:aws:sso:::instance/ssoins-0000000000000000';
    });
    const run = await reconcileWithZeroWrites(dir, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('was made for instance arn:aws:sso:::instance/ssoins-0000000000000000');
    expect(sandbox.sandbox.stats().callsByService.identitystore).toEqual({});
  });

  it('(control) the unedited plan applies, and the refusal is lifted only by --allow-deletes on reconcile itself', async () => {
    const dir = await stateDir(work, 'one-left', ['Alpha']);
    const file = await savedPlan(dir, 'unedited', () => {});
    const refused = await reconcileWithZeroWrites(dir, file);
    expect(refused.code).toBe(1);
    const run = await runCli(['reconcile', '--dir', dir, '--plan', file, '--yes', '--allow-deletes'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete: 3 changes applied.');
    expect((await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env })).code).toBe(0);
  });
});
