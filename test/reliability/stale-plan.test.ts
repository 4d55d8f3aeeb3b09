// Concurrent change: the live state moves between `plan --out` and `reconcile --plan`
// (a console user creates a group, removes a member, adds an assignment). The saved plan
// is refused as stale and the sandbox sees zero writes. The same saved plan applies when
// nothing moved, so the refusal is about the change, not about saved plans.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleUser } from '../e2e/behind-the-back.js';
import { FIXTURE_DIR, FIXTURE_MANAGEMENT, seededFixtureSandbox, type SeededSandbox } from './read-pool.js';
import { SecretScan } from './secret-scan.js';
import { runTool } from './tool.js';

const CONCURRENT_CHANGES: { what: string; change: (console: ConsoleUser, s: SeededSandbox) => Promise<void> }[] = [
  { what: 'a group created', change: (c) => c.createGroup('Latecomers') },
  { what: 'a member removed', change: (c) => c.removeMember('Developers', 'bob@example.com') },
  { what: 'an assignment added', change: (c, s) => c.assignUser('ReadOnly', 'alice@example.com', s.accountIds.get('dev') ?? '') },
];

describe('a saved plan applied after the live state changed', () => {
  const scan = new SecretScan();
  let work: string;
  let changed: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-stale-'));
    changed = join(work, 'identity');
    await cp(FIXTURE_DIR, changed, { recursive: true });
    const groups = join(changed, 'groups.yaml');
    await writeFile(groups, (await readFile(groups, 'utf8')).replace('Builds the product', 'Builds and runs the product'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function savedPlan(s: SeededSandbox, name: string): Promise<string> {
    const planFile = join(work, `${name}.json`);
    const plan = await runTool(scan, ['plan', '--dir', changed, '--out', planFile, '--detailed-exitcode'], s.env);
    expect(plan.code, plan.stderr).toBe(2);
    return planFile;
  }

  describe.concurrent('refused as stale, zero writes', () => {
    it.each(CONCURRENT_CHANGES.map((c) => [c.what, c] as const))('%s', async (_what, { change }) => {
      const s = await seededFixtureSandbox(scan);
      try {
        const planFile = await savedPlan(s, _what.replace(/\W+/g, '-'));
        const console = new ConsoleUser(s.sandbox.clientConfig(FIXTURE_MANAGEMENT));
        await change(console, s).finally(() => console.close());
        s.sandbox.sandbox.resetStats();
        const run = await runTool(scan, ['reconcile', '--dir', changed, '--plan', planFile, '--yes'], s.env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('stale plan');
        expect(run.stderr).toContain('Nothing was changed');
        expect(s.sandbox.sandbox.stats().writes).toBe(0);
      } finally {
        await s.sandbox.stop();
      }
    });

    it('(control) the same kind of saved plan applies when nothing moved', async () => {
      const s = await seededFixtureSandbox(scan);
      try {
        const planFile = await savedPlan(s, 'unchanged');
        const run = await runTool(scan, ['reconcile', '--dir', changed, '--plan', planFile, '--yes'], s.env);
        expect(run.code, run.stderr).toBe(0);
        expect((await runTool(scan, ['plan', '--dir', changed, '--detailed-exitcode'], s.env)).code).toBe(0);
      } finally {
        await s.sandbox.stop();
      }
    });
  });

  it('leaked no credential in any output or plan file', async () => {
    await scan.recordDir(work);
    expect(scan.findings()).toEqual([]);
  });
});
