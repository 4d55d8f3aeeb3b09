// Runs the BUILT CLI (dist/src/cli/main.js) as a child process against the sandbox and
// measures its wall time, peak RSS and CPU time. The child gets a clean AWS environment:
// the sandbox endpoint and a caller account as access key, no profiles from the machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
export const PLAN_PROFILE_SCRIPT = fileURLToPath(new URL('./plan-profile.js', import.meta.url));
const USAGE_PRELOAD = new URL('./child-usage.js', import.meta.url).href;

export interface ChildUsage {
  maxRssMiB: number;
  cpuSeconds: number;
}

export interface CliRun {
  exitCode: number;
  wallSeconds: number;
  stdout: string;
  stderr: string;
  usage?: ChildUsage;
}

export interface CliTarget {
  endpoint: string;
  /** the caller: a 12-digit account id as access key id */
  accountId: string;
  /** the tool's own request rate (SSO_GITOPS_TPS) */
  toolTps: number;
  /** the tool's organizations rate (SSO_GITOPS_ORGANIZATIONS_TPS); absent = the tool's default */
  toolOrganizationsTps?: number;
}

export function cliEnvironment(target: CliTarget, usageFile: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    CI: 'true',
    AWS_ENDPOINT_URL: target.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: target.accountId,
    AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    SSO_GITOPS_TPS: String(target.toolTps),
    ...(target.toolOrganizationsTps !== undefined ? { SSO_GITOPS_ORGANIZATIONS_TPS: String(target.toolOrganizationsTps) } : {}),
    BENCH_USAGE_FILE: usageFile,
  };
}

export function runCli(args: readonly string[], target: CliTarget): Promise<CliRun> {
  return runNode(CLI, args, target);
}

/** Runs a Node script of the build (the CLI or a bench helper) with the usage preload. */
export async function runNode(script: string, args: readonly string[], target: CliTarget): Promise<CliRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'sso-gitops-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  const started = performance.now();
  try {
    const child = spawn(process.execPath, ['--import', USAGE_PRELOAD, script, ...args], {
      env: cliEnvironment(target, usageFile),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code ?? 1));
    });
    const wallSeconds = (performance.now() - started) / 1000;
    return {
      exitCode,
      wallSeconds,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      ...readUsage(usageFile),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readUsage(file: string): { usage?: ChildUsage } {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { maxRssKiB: number; userCpuMicros: number; systemCpuMicros: number };
    return { usage: { maxRssMiB: raw.maxRssKiB / 1024, cpuSeconds: (raw.userCpuMicros + raw.systemCpuMicros) / 1e6 } };
  } catch {
    return {};
  }
}

/** Throttling errors the CLI reported to the user (the run failed because of them). */
export function throttledFailures(run: CliRun): number {
  if (run.exitCode === 0) return 0;
  return run.stderr.split('\n').filter((line) => /Throttl|TooManyRequests|Rate exceeded/i.test(line)).length;
}
