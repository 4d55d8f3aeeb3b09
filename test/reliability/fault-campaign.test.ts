// Fault campaign: the medium change set (change-set.ts) reconciled into the sandbox while
// it injects throttling storms, 5xx answers, dropped connections and FAILED async requests
// at several rates, each with fixed seeds. Every run must either converge or exit 1 naming
// every failure; it must leave the instance "partly applied" at worst (audited with the
// plain SDK, no row stored twice); a re-run without faults must converge. The numbers are
// printed for docs/guarantees.md. Each run has its own sandbox, so runs go side by side.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBothVersions } from './campaign-org.js';
import { campaignRun, campaignSummary, type CampaignRun, type RunRecord } from './campaign-run.js';
import { SecretScan } from './secret-scan.js';

const RUNS: CampaignRun[] = [
  // only faults the SDK retries by itself: one run should be enough
  { rate: 'retry', faults: 'throttle=0.1,5xx=0.02,reset=0.01', seed: 7 },
  // writes that happen but whose answer is lost: the retried write must count as done
  { rate: 'lost', faults: 'lost-answer=0.05', seed: 13 },
  { rate: 'light', faults: 'throttle=0.05,5xx=0.01,reset=0.005,async-fail=0.01', seed: 11 },
  { rate: 'heavy', faults: 'throttle=0.15,5xx=0.03,reset=0.01,async-fail=0.03', seed: 11 },
  { rate: 'heavy', faults: 'throttle=0.15,5xx=0.03,reset=0.01,async-fail=0.03', seed: 29 },
  { rate: 'storm', faults: 'throttle=0.4,5xx=0.05,reset=0.02,async-fail=0.05', seed: 11 },
  { rate: 'storm', faults: 'throttle=0.4,5xx=0.05,reset=0.02,async-fail=0.05', seed: 29 },
];

describe('fault campaign: reconcile under injected faults', () => {
  let work: string;
  let dirs: { v1: string; v2: string };
  const scan = new SecretScan();
  const records: RunRecord[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-campaign-'));
    dirs = await writeBothVersions(work);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.concurrent('runs', () => {
    it.each(RUNS.map((r) => [r.rate, r.seed, r] as const))(
      '%s faults, seed %i: converges or exits 1 naming every failure; never worse than partly applied; a fault-free re-run converges',
      async (_rate, _seed, run) => {
        records.push(await campaignRun(run, dirs, work, scan));
      },
      // a storm run paces itself down (adaptive rate, 20 attempts per throttled call): minutes on a loaded machine
      420_000,
    );
  });

  it('met every kind of fault and reports the numbers (runs, faults injected, convergence rate)', () => {
    expect(records).toHaveLength(RUNS.length);
    console.log(campaignSummary(records));
    for (const kind of ['throttle', '5xx', 'reset', 'asyncFail'] as const)
      expect(
        records.some((r) => r.injected[kind] > 0),
        kind,
      ).toBe(true);
  });

  it('never printed or wrote a credential, session token or signature', async () => {
    await scan.recordDir(work);
    expect(scan.scanned).toBeGreaterThan(RUNS.length * 8);
    expect(scan.findings()).toEqual([]);
  });
});
