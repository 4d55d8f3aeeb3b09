// The scenario that must always pass (the migration runbook of docs/operations.md), written once and run against
// every backend: seed a source organization from state files, extract it, reconcile the
// extract into a second organization whose accounts have the same names but other ids,
// then plan there shows no changes, extract there gives the same files and everyone has the
// same effective access (`access --live`) in both. Then drift, the delete guard, the
// stale-plan refusal and the no-terminal refusal on the target.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AccessRow } from '../../src/access/types.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildSourceAndTarget, SOURCE_MANAGEMENT, TARGET_MANAGEMENT, type Backend } from './backends.js';
import { ConsoleUser } from './behind-the-back.js';
import { filesOf } from '../helpers/files.js';

function planJson(stdout: string): Plan {
  return JSON.parse(stdout) as Plan;
}

/** "kind action name" lines of a plan, sorted, for exact comparisons. */
function changeLines(plan: Plan): string[] {
  return plan.changes
    .map((c) => {
      switch (c.kind) {
        case 'user':
          return `user ${c.action} ${c.userName}`;
        case 'group':
          return `group ${c.action} ${c.name}`;
        case 'membership':
          return `membership ${c.action} ${c.group} ${c.userName}`;
        case 'permissionSet':
          return `permissionSet ${c.action} ${c.name}`;
        case 'assignment':
          return `assignment ${c.action} ${c.permissionSet} ${c.principalType} ${c.principal} ${c.accountName ?? c.accountId}`;
        case 'accessControlAttribute':
          return `accessControlAttribute ${c.action} ${c.key}`;
        case 'application':
          return `application ${c.action} ${c.name}`;
        case 'applicationAssignment':
          return `applicationAssignment ${c.action} ${c.application} ${c.principalType} ${c.principal}`;
      }
    })
    .sort();
}

export function migrationScenario(start: () => Promise<Backend>): void {
  let backend: Backend;
  let work: string;
  let sourceEnv: Record<string, string>;
  let targetEnv: Record<string, string>;
  let targetAccounts: Map<string, string>;
  let sourcePins: { accounts: Record<string, string> } | undefined;
  const extracted = () => join(work, 'extracted');
  const cli = (args: string[], env: Record<string, string>) => runCli(args, { env });

  beforeAll(async () => {
    backend = await start();
    work = await mkdtemp(join(tmpdir(), `sso-gitops-e2e-${backend.name}-`));
    const { target } = await buildSourceAndTarget(backend);
    targetAccounts = target.accountIds;
    sourceEnv = await backend.cliEnv(SOURCE_MANAGEMENT);
    targetEnv = await backend.cliEnv(TARGET_MANAGEMENT);
  });

  afterAll(async () => {
    await backend?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('seeds the source organization from state files and verifies it', async () => {
    const run = await cli(['reconcile', '--dir', backend.fixture, '--yes', '--verify'], sourceEnv);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Apply complete');
    expect(run.stdout).toContain('Verified');
  });

  it('extracts the source into state files that validate and plan to no changes', async () => {
    const run = await cli(['extract', '--dir', extracted()], sourceEnv);
    expect(run.code, run.stderr).toBe(0);
    expect((await cli(['validate', '--dir', extracted()], sourceEnv)).code).toBe(0);
    const plan = await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], sourceEnv);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  it('stops at the account pins in the target, whose accounts have the same names but other ids', async () => {
    const run = await cli(['reconcile', '--dir', extracted(), '--yes'], targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`account "prod" resolves to ${targetAccounts.get('prod') ?? '-'} in this organization, but it is pinned to \\d{12}`),
    );
    expect(run.stdout).not.toContain('Apply');
  });

  it('reconciles the extract into the target organization, where plan then shows no changes', async () => {
    // a rehearsal in another organization: the runbook deletes the pins (extract writes them again)
    sourcePins = parse(await readFile(join(extracted(), 'accounts.yaml'), 'utf8')) as { accounts: Record<string, string> };
    await rm(join(extracted(), 'accounts.yaml'));
    const run = await cli(['reconcile', '--dir', extracted(), '--yes'], targetEnv);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const plan = await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], targetEnv);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('gives everyone the same effective access in the target as in the source (access --live, the runbook check)', async () => {
    const accessOf = async (env: Record<string, string>) => {
      const run = await cli(['access', '--live', '--format', 'json', '--dir', extracted()], env);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { source: string; rows: AccessRow[] }).rows;
    };
    const [before, after] = [await accessOf(sourceEnv), await accessOf(targetEnv)];
    // a rehearsal: the target's accounts have the same names but other ids, so rows compare
    // by account name, and each target row must carry the target's id for that name
    const keys = (rows: AccessRow[]) => rows.map((r) => `${r.userName} ${r.accountName} ${r.permissionSet}`).sort();
    expect(before.length).toBeGreaterThan(0);
    expect(keys(after)).toEqual(keys(before));
    for (const r of after) expect(r.accountId, r.accountName).toBe(targetAccounts.get(r.accountName));
    expect(after.filter((r) => r.unmanaged !== undefined)).toEqual([]);
  });

  it('extracts the target into the same files, byte for byte, but for the pins of the target ids', async () => {
    const again = join(work, 'target-extract');
    const run = await cli(['extract', '--dir', again], targetEnv);
    expect(run.code, run.stderr).toBe(0);
    const files = await filesOf(again);
    const pins = parse(files.get('accounts.yaml') ?? '') as { accounts: Record<string, string> };
    expect(Object.keys(pins.accounts).sort()).toEqual(Object.keys(sourcePins?.accounts ?? {}).sort());
    expect(pins.accounts.prod).toBe(targetAccounts.get('prod'));
    expect(pins.accounts.prod).not.toBe(sourcePins?.accounts.prod);
    files.delete('accounts.yaml');
    expect(files).toEqual(await filesOf(extracted()));
    // from now on the extract of the target is the state: pinned to the target's ids
    await cp(join(again, 'accounts.yaml'), join(extracted(), 'accounts.yaml'));
    expect((await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], targetEnv)).code).toBe(0);
  });

  it('reports drift made behind its back with exit 2, exactly those changes, and restores it', async () => {
    const console = new ConsoleUser(backend.sdkConfig(TARGET_MANAGEMENT));
    try {
      await console.removeMember('Developers', 'bob@example.com');
      await console.createGroup('Intruders');
      await console.assignUser('ReadOnly', 'alice@example.com', targetAccounts.get('dev') ?? '');
    } finally {
      console.close();
    }
    const drift = await cli(['plan', '--dir', extracted(), '--detailed-exitcode', '--format', 'json'], targetEnv);
    expect(drift.code, drift.stderr).toBe(2);
    expect(changeLines(planJson(drift.stdout))).toEqual([
      'assignment delete ReadOnly USER alice@example.com dev',
      'group delete Intruders',
      'membership create Developers bob@example.com',
    ]);
    const fix = await cli(['reconcile', '--dir', extracted(), '--yes'], targetEnv);
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect((await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], targetEnv)).code).toBe(0);
  });

  it('refuses a plan that deletes more than maxDeletePercent, and changes nothing', async () => {
    const fewer = join(work, 'fewer');
    await cp(extracted(), fewer, { recursive: true });
    await writeFile(join(fewer, 'assignments.yaml'), 'assignments: []\n');
    const run = await cli(['reconcile', '--dir', fewer, '--yes'], targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused/i);
    expect((await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], targetEnv)).code).toBe(0);
  });

  it('refuses a saved plan once the live state has moved ("stale plan"), and changes nothing', async () => {
    const changed = join(work, 'changed');
    await cp(extracted(), changed, { recursive: true });
    const groups = join(changed, 'groups.yaml');
    await writeFile(groups, (await readFile(groups, 'utf8')).replace('Builds the product', 'Builds and runs the product'));
    const planFile = join(work, 'plan.json');
    const plan = await cli(['plan', '--dir', changed, '--out', planFile], targetEnv);
    expect(plan.code, plan.stderr).toBe(0);
    const console = new ConsoleUser(backend.sdkConfig(TARGET_MANAGEMENT));
    try {
      await console.createGroup('Latecomers');
    } finally {
      console.close();
    }
    const run = await cli(['reconcile', '--dir', changed, '--plan', planFile, '--yes'], targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stale plan');
    const now = await cli(['plan', '--dir', extracted(), '--format', 'json'], targetEnv);
    expect(changeLines(planJson(now.stdout))).toEqual(['group delete Latecomers']);
  });

  it('refuses to apply without --yes when there is no terminal', async () => {
    const run = await cli(['reconcile', '--dir', extracted()], targetEnv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--yes');
    expect((await cli(['plan', '--dir', extracted(), '--format', 'json'], targetEnv)).stdout).toContain('Latecomers');
  });

  it('treats a missing state directory as an error, never as "delete everything"', async () => {
    const run = await cli(['reconcile', '--dir', join(work, 'does-not-exist'), '--yes'], targetEnv);
    expect(run.code).toBe(1);
    expect((await cli(['plan', '--dir', extracted(), '--format', 'json'], targetEnv)).stdout).toContain('Latecomers');
  });
}
