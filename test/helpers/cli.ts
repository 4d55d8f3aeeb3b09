// Runs the BUILT CLI (dist/src/cli/main.js) as a child process, the way a user or CI does,
// and captures stdout, stderr and the exit code. Build first (`npx tsc -p tsconfig.build.json`).
//
// The child's environment is hermetic: the test's own AWS_* and SSO_GITOPS_* variables
// are dropped, shared config/credential files point nowhere and the EC2 metadata lookup
// is off, so a test can never pick up the developer's real credentials or contact any
// address but the 127.0.0.1 endpoint it passes in `env`.
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_PATH = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Added to the hermetic base environment (e.g. AWS_ENDPOINT_URL, AWS_REGION, keys). */
  env?: Record<string, string>;
  cwd?: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Kills the child (by its pid) after this long; default 120 s. */
  timeoutMs?: number;
}

export function hermeticEnv(extra: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('AWS_') || key.startsWith('SSO_GITOPS_')) continue;
    base[key] = value;
  }
  return {
    ...base,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_COLOR: '1',
    // the permission set name cache (src/aws/permission-set-names.ts) stays out of the user's home
    SSO_GITOPS_CACHE_DIR: join(tmpdir(), 'sso-gitops-test-cache'),
    ...extra,
  };
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} does not exist: build first (npx tsc -p tsconfig.build.json)`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: hermeticEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
