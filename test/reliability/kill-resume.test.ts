// Kill and resume: reconcile of the medium change set is SIGKILLed mid-apply, at seeded
// points (after the k-th write reached the sandbox, spread over every phase of the
// apply), while assignment requests are still IN_PROGRESS. The live state right after the
// kill must be "partly applied" at worst: nothing that both states hold was removed,
// nothing outside them exists, and no deletion is visible before every creation is. The
// next reconcile must converge. Each kill point has its own sandbox, so they run side by side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/sandbox/prng.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { changeSet } from './change-set.js';
import { seededOrg, writeBothVersions } from './campaign-org.js';
import { convergenceDifferences, orderingViolations, partlyAppliedViolations } from './invariants.js';
import { auditLive } from './live-audit.js';
import { SecretScan } from './secret-scan.js';
import { runTool, spawnTool } from './tool.js';

const MANAGEMENT_ACCOUNT = '320000000001';
/** Writes the v1 -> v2 apply makes (about 210); kill points are drawn below it. */
const APPLY_WRITES = 205;
const KILL_POINTS = 5;

/** One kill point per stratum of the write sequence, drawn with a fixed seed. */
function killPoints(seed: number): number[] {
  const random = seededRandom(seed);
  const width = APPLY_WRITES / KILL_POINTS;
  return Array.from({ length: KILL_POINTS }, (_, i) => 1 + Math.floor((i + random()) * width));
}

/** Resolves once `sandbox` has accepted `count` more writes than `from`; polls its stats in-process. */
function afterWrites(sandbox: TestSandbox, from: number, count: number, stopped: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (sandbox.sandbox.stats().writes - from >= count) {
        clearInterval(timer);
        resolve(true);
      }
    }, 2);
    void stopped.then(() => {
      clearInterval(timer);
      resolve(false);
    });
  });
}

describe('reconcile killed mid-apply (SIGKILL) and run again', () => {
  let work: string;
  let dirs: { v1: string; v2: string };
  const scan = new SecretScan();
  let kills = 0;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-kill-'));
    dirs = await writeBothVersions(work);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.concurrent('kill points', () => {
    it.each(killPoints(2024))(
      'killed after write %i: partly applied at worst, creations before deletions, the next run converges',
      async (k) => {
        const sandbox = await startTestSandbox({ asyncMs: 0 });
        try {
          const org = await seededOrg(sandbox, MANAGEMENT_ACCOUNT, dirs.v1, scan);
          // Slow async requests: the kill lands while assignment requests are IN_PROGRESS.
          sandbox.sandbox.configure({ asyncMs: 150 });
          const reconcile = ['reconcile', '--dir', dirs.v2, '--yes', '--allow-deletes'];
          const start = sandbox.sandbox.stats().writes;
          const run = spawnTool(scan, reconcile, org.env);
          if (await afterWrites(sandbox, start, k, run.done)) {
            process.kill(run.pid, 'SIGKILL');
            kills++;
          }
          const ended = await run.done;
          expect(ended.signal, `the run ended by itself before write ${k}: ${ended.stdout}`).toBe('SIGKILL');

          // Requests already accepted finish on their own, as in AWS: wait for them, then audit.
          await new Promise((r) => setTimeout(r, 300));
          const audit = await auditLive(sandbox.clientConfig(MANAGEMENT_ACCOUNT), org.accountIds);
          expect(audit.duplicates).toEqual([]);
          expect(partlyAppliedViolations(changeSet(1), changeSet(2), audit.state)).toEqual([]);
          expect(orderingViolations(changeSet(1), changeSet(2), audit.state)).toEqual([]);

          const resumed = await runTool(scan, reconcile, org.env);
          expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).toBe(0);
          expect((await runTool(scan, ['plan', '--dir', dirs.v2, '--detailed-exitcode'], org.env)).code).toBe(0);
          const final = await auditLive(sandbox.clientConfig(MANAGEMENT_ACCOUNT), org.accountIds);
          expect(convergenceDifferences(changeSet(2), final.state)).toEqual([]);
          expect(final.duplicates).toEqual([]);
        } finally {
          await sandbox.stop();
        }
      },
      120_000,
    );
  });

  it('killed every run it meant to and leaked no credential in any output', async () => {
    console.log(
      `kill and resume: ${kills} runs killed with SIGKILL at writes ${killPoints(2024).join(', ')} of about ${APPLY_WRITES}; every next run converged`,
    );
    expect(kills).toBe(KILL_POINTS);
    await scan.recordDir(work);
    expect(scan.findings()).toEqual([]);
  });
});
