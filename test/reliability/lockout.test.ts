// Lock-out guard end to end through the CLI: a plan that removes every assignment of a
// `protect`ed permission set/principal pair, or the last AdministratorAccess assignment
// on the management account, is refused by plan and reconcile with an explanation,
// --allow-deletes does not lift it, and nothing is written. Dropping a protected
// assignment from the files alone deletes nothing (it is kept, with a warning).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { FIXTURE_DIR, FIXTURE_MANAGEMENT, seededFixtureSandbox, type SeededSandbox } from './read-pool.js';
import { SecretScan } from './secret-scan.js';
import { runTool } from './tool.js';

const SETTINGS = `settings:
  safety:
    maxDeletePercent: 50
    protect:
      - {permissionSet: Developer, group: Developers}
`;
const MANAGEMENT_ADMIN = `assignments:
  - permissionSet: AdministratorAccess
    groups: [Platform Admins]
    accounts: ["${FIXTURE_MANAGEMENT}"]
`;

/** Rewrites `file` in a copy of `from` named `name`; returns the copy. */
async function variant(from: string, work: string, name: string, edits: Record<string, (text: string) => string>): Promise<string> {
  const dir = join(work, name);
  await cp(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    await writeFile(path, edit(await readFile(path, 'utf8').catch(() => '')));
  }
  return dir;
}

describe('lock-out guard', () => {
  const scan = new SecretScan();
  let work: string;
  let guarded: string;
  let s: SeededSandbox;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-lockout-'));
    guarded = await variant(FIXTURE_DIR, work, 'guarded', {
      'settings.yaml': () => SETTINGS,
      'management-admin.yaml': () => MANAGEMENT_ADMIN,
    });
    s = await seededFixtureSandbox(scan, {}, guarded);
  }, 60_000);

  afterAll(async () => {
    await s?.sandbox.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function expectRefused(dir: string, explanation: RegExp): Promise<void> {
    const plan = await runTool(scan, ['plan', '--dir', dir, '--allow-deletes'], s.env);
    expect(plan.code, plan.stdout).toBe(1);
    expect(plan.stdout + plan.stderr).toMatch(explanation);
    s.sandbox.sandbox.resetStats();
    const run = await runTool(scan, ['reconcile', '--dir', dir, '--yes', '--allow-deletes'], s.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused by the safety rules; nothing was changed/);
    expect(run.stderr).toMatch(explanation);
    expect(s.sandbox.sandbox.stats().writes).toBe(0);
  }

  it('refuses deleting the principal of a protected pair (which takes every assignment of the pair with it)', async () => {
    const dir = await variant(guarded, work, 'no-developers', {
      'groups.yaml': (t) => t.replace(/ {2}- name: Developers\n(?: {4}.*\n)*/, ''),
      'assignments.yaml': (t) => t.replace(/ {2}- permissionSet: Developer\n(?: {4}.*\n)*/, ''),
    });
    await expectRefused(dir, /removes every assignment of the protected pair "Developer" for group "Developers".*lock everyone out/s);
  });

  it('refuses removing the last AdministratorAccess assignment on the management account', async () => {
    const dir = await variant(guarded, work, 'no-management-admin', { 'management-admin.yaml': () => 'assignments: []\n' });
    await expectRefused(
      dir,
      new RegExp(`removes the last administrator assignment .* on the management account \\(${FIXTURE_MANAGEMENT}\\)`, 's'),
    );
  });

  it('keeps a protected assignment that the files no longer list, with a warning, instead of deleting it', async () => {
    const dir = await variant(guarded, work, 'developers-unassigned', {
      'assignments.yaml': (t) => t.replace(/ {2}- permissionSet: Developer\n(?: {4}.*\n)*/, ''),
    });
    const run = await runTool(scan, ['plan', '--dir', dir, '--format', 'json'], s.env);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.changes.filter((c) => c.kind === 'assignment' && c.permissionSet === 'Developer')).toEqual([]);
    expect(JSON.stringify(plan)).toMatch(/is protected \(settings\.safety\.protect\); it is kept/);
  });

  it('leaked no credential in any output', async () => {
    await scan.recordDir(work);
    expect(scan.findings()).toEqual([]);
  });
});
