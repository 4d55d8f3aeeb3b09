// One run of the fault campaign, in its own sandbox (so runs can go side by side and each
// run's fault counts are its own): seed v1 without faults, plan v2, reconcile v2 while the
// sandbox injects `faults` with `seed`, audit, re-run without faults if needed, check.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SandboxStats } from '../../src/sandbox/stats.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { changeSet } from './change-set.js';
import { seededOrg } from './campaign-org.js';
import { failureReport } from './failure-report.js';
import { convergenceDifferences, partlyAppliedViolations } from './invariants.js';
import { auditLive } from './live-audit.js';
import type { SecretScan } from './secret-scan.js';
import { runTool } from './tool.js';

export interface CampaignRun {
  rate: string;
  faults: string;
  seed: number;
}

export interface RunRecord extends CampaignRun {
  planned: number;
  exit: number;
  calls: number;
  injected: SandboxStats['faults'];
  failuresNamed: number;
  firstFailure?: string;
}

const MANAGEMENT_ACCOUNT = '310000000001';

export async function campaignRun(run: CampaignRun, dirs: { v1: string; v2: string }, work: string, scan: SecretScan): Promise<RunRecord> {
  const sandbox = await startTestSandbox({ asyncMs: 20, randomSeed: run.seed });
  try {
    const org = await seededOrg(sandbox, MANAGEMENT_ACCOUNT, dirs.v1, scan);
    const reconcile = ['reconcile', '--dir', dirs.v2, '--yes', '--allow-deletes'];
    const planFile = join(work, `plan-${run.rate}-${run.seed}.json`);
    const plan = await runTool(scan, ['plan', '--dir', dirs.v2, '--out', planFile, '--allow-deletes', '--detailed-exitcode'], org.env);
    expect(plan.code, plan.stderr).toBe(2);
    const planned = (JSON.parse(await readFile(planFile, 'utf8')) as { changes: unknown[] }).changes.length;

    sandbox.sandbox.resetStats();
    sandbox.sandbox.configure({ faults: run.faults, randomSeed: run.seed });
    const faulty = await runTool(scan, reconcile, org.env).finally(() => sandbox.sandbox.configure({ faults: '' }));
    const stats = sandbox.sandbox.stats();
    const report = failureReport(faulty);
    expect(report.problems, `${faulty.stdout}\n${faulty.stderr}`).toEqual([]);

    const audit = await auditLive(sandbox.clientConfig(MANAGEMENT_ACCOUNT), org.accountIds);
    expect(audit.duplicates, 'rows stored twice').toEqual([]);
    expect(partlyAppliedViolations(changeSet(1), changeSet(2), audit.state)).toEqual([]);

    if (faulty.code !== 0) {
      const rerun = await runTool(scan, reconcile, org.env);
      expect(rerun.code, `re-run without faults: ${rerun.stdout}\n${rerun.stderr}`).toBe(0);
    }
    const check = await runTool(scan, ['plan', '--dir', dirs.v2, '--detailed-exitcode'], org.env);
    expect(check.code, check.stdout).toBe(0);
    const final = await auditLive(sandbox.clientConfig(MANAGEMENT_ACCOUNT), org.accountIds);
    expect(final.duplicates, 'rows stored twice').toEqual([]);
    expect(convergenceDifferences(changeSet(2), final.state)).toEqual([]);

    return {
      ...run,
      planned,
      exit: faulty.code,
      calls: stats.totalCalls,
      injected: { ...stats.faults },
      failuresNamed: report.named,
      ...(report.first !== undefined ? { firstFailure: report.first } : {}),
    };
  } finally {
    await sandbox.stop();
  }
}

function short(text: string | undefined): string {
  const line = text ?? '?';
  return line.length > 110 ? `${line.slice(0, 107)}...` : line;
}

/** The campaign's numbers as printed to the test output (and copied into docs/guarantees.md). */
export function campaignSummary(records: readonly RunRecord[]): string {
  const sum = (f: (r: RunRecord) => number) => records.reduce((n, r) => n + f(r), 0);
  const injected = (r: RunRecord) =>
    r.injected.throttle + r.injected['5xx'] + r.injected.reset + r.injected.lostAnswer + r.injected.asyncFail;
  const lines = records.map(
    (r) =>
      `  ${r.rate.padEnd(6)} seed ${String(r.seed).padStart(2)}: ${r.planned} changes, ${r.calls} AWS calls, injected throttle ${r.injected.throttle}, ` +
      `5xx ${r.injected['5xx']}, reset ${r.injected.reset}, lost answer ${r.injected.lostAnswer}, async FAILED ${r.injected.asyncFail}; ` +
      (r.exit === 0
        ? 'exit 0 (converged)'
        : `exit ${r.exit}, ${r.failuresNamed} failure(s) named (first: ${short(r.firstFailure)}), converged on a fault-free re-run`),
  );
  const converged = records.filter((r) => r.exit === 0).length;
  return [
    'fault campaign:',
    ...lines,
    `  total: ${records.length} runs, ${sum((r) => r.calls)} AWS calls, ${sum(injected)} faults injected; ` +
      `${converged}/${records.length} converged in one run, ${records.length}/${records.length} after at most one fault-free re-run`,
  ].join('\n');
}
