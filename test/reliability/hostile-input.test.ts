// Hostile state files through the CLI: plan and reconcile print one error naming
// file:line:col for each case and exit 1, and the sandbox they point at sees no call at
// all (the state is loaded and validated before AWS is touched).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { HOSTILE_INPUTS } from './hostile-inputs.js';
import { SecretScan } from './secret-scan.js';
import { runTool, toolEnv } from './tool.js';

const ACCOUNT = '340000000001';

describe('hostile state files: one clear error each, no AWS call', () => {
  let sandbox: TestSandbox;
  let work: string;
  const scan = new SecretScan();

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-hostile-'));
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.concurrent('cases', () => {
    it.each(HOSTILE_INPUTS.map((c, i) => [c.name, i, c] as const))('%s', async (_name, index, c) => {
      const dir = join(work, `case-${index}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, c.file), c.content);
      for (const args of [
        ['plan', '--dir', dir],
        ['reconcile', '--dir', dir, '--yes'],
      ]) {
        const run = await runTool(scan, args, toolEnv(sandbox.endpoint, ACCOUNT));
        expect(run.code, run.stderr).toBe(1);
        const located = run.stderr.split('\n').filter((line) => line.startsWith(`${dir}/`));
        expect(located.map((line) => line.slice(dir.length + 1))).toEqual([expect.stringMatching(c.error)]);
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(run.stdout).toBe('');
      }
      await rm(dir, { recursive: true, force: true });
    });
  });

  it('made no AWS call in any case', () => {
    expect(sandbox.sandbox.stats().totalCalls).toBe(0);
  });

  it('leaked no credential in any output', () => {
    expect(scan.scanned).toBe(HOSTILE_INPUTS.length * 4);
    expect(scan.findings()).toEqual([]);
  });
});
