// Runs the built CLI for the reliability suites: always with the distinctive test
// credentials (secret-scan.ts), always recorded for the secret scan. `spawnTool` starts a
// run the test can SIGKILL by pid mid-apply; `runTool` waits for it (test/helpers/cli.ts).
import { spawn } from 'node:child_process';
import { CLI_PATH, hermeticEnv, runCli, type CliResult } from '../helpers/cli.js';
import { TEST_REGION } from '../helpers/sandbox.js';
import { TEST_SECRET_ACCESS_KEY, TEST_SESSION_TOKEN, type SecretScan } from './secret-scan.js';

/** Environment for the CLI acting as `accountId` on the sandbox at `endpoint`. */
export function toolEnv(endpoint: string, accountId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: accountId,
    AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: TEST_SESSION_TOKEN,
    // the sandbox runs without a rate limit unless a test sets one: do not pace for nothing
    SSO_GITOPS_TPS: '500',
    SSO_GITOPS_ORGANIZATIONS_TPS: '500',
    ...extra,
  };
}

export async function runTool(scan: SecretScan, args: string[], env: Record<string, string>): Promise<CliResult> {
  // a safety net against a hung run, not a time limit: a storm run paces itself down and
  // takes well over a minute on a loaded 2-core machine
  const result = await runCli(args, { env, timeoutMs: 240_000 });
  scan.record(`stdout of ${args.join(' ')}`, result.stdout);
  scan.record(`stderr of ${args.join(' ')}`, result.stderr);
  return result;
}

export interface SpawnedTool {
  pid: number;
  /** Resolves when the process ended (by itself or killed); output recorded for the scan. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

export function spawnTool(scan: SecretScan, args: string[], env: Record<string, string>): SpawnedTool {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: hermeticEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start the CLI');
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      scan.record(`stdout of spawned ${args.join(' ')}`, stdout);
      scan.record(`stderr of spawned ${args.join(' ')}`, stderr);
      resolve({ code: code ?? 128, stdout, stderr, signal });
    });
  });
  return { pid: child.pid, done };
}
