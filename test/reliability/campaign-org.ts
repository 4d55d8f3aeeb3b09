// One organization per run of a reliability suite, side by side in one sandbox (each
// management account gets its own organization and instance), seeded with the v1 state
// by the tool itself while no fault is injected.
import { join } from 'node:path';
import { buildOrganization } from '../helpers/org.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { CAMPAIGN_ACCOUNTS, changeSet, writeStateDir } from './change-set.js';
import type { SecretScan } from './secret-scan.js';
import { runTool, toolEnv } from './tool.js';

export interface CampaignOrg {
  managementAccountId: string;
  /** member account name → id */
  accountIds: Map<string, string>;
  env: Record<string, string>;
}

/** The v1 and v2 state directories under `work`. */
export async function writeBothVersions(work: string): Promise<{ v1: string; v2: string }> {
  const v1 = join(work, 'v1');
  const v2 = join(work, 'v2');
  await writeStateDir(v1, changeSet(1));
  await writeStateDir(v2, changeSet(2));
  return { v1, v2 };
}

/** A 12-digit management account id per run number, in a range no other suite uses. */
export function runAccountId(prefix: string, run: number): string {
  return `${prefix}${String(run).padStart(12 - prefix.length, '0')}`;
}

/** Builds the organization and applies `v1Dir` to it; throws when seeding fails. */
export async function seededOrg(
  sandbox: TestSandbox,
  managementAccountId: string,
  v1Dir: string,
  scan: SecretScan,
  extraEnv: Record<string, string> = {},
): Promise<CampaignOrg> {
  const built = await buildOrganization(sandbox.clientConfig(managementAccountId, 8), managementAccountId, CAMPAIGN_ACCOUNTS);
  const env = toolEnv(sandbox.endpoint, managementAccountId, extraEnv);
  const seed = await runTool(scan, ['reconcile', '--dir', v1Dir, '--yes'], env);
  if (seed.code !== 0)
    throw new Error(`seeding v1 into ${managementAccountId} failed (exit ${seed.code}):\n${seed.stdout}\n${seed.stderr}`);
  return { managementAccountId, accountIds: built.accountIds, env };
}
