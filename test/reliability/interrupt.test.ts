// SIGINT / SIGTERM during reconcile of the medium change set, while assignment requests
// are slow (--async-ms): the run starts no further change, lets the requests in flight
// finish, says what was applied and what was not started, exits 130 / 143, and the next
// reconcile converges (the plan after it is empty). A second signal exits at once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, hermeticEnv, type CliResult } from '../helpers/cli.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { runAccountId, seededOrg, writeBothVersions } from './campaign-org.js';
import { SecretScan } from './secret-scan.js';
import { runTool } from './tool.js';

interface Running {
  pid: number;
  stderr(): string;
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

function startReconcile(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: hermeticEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start the CLI');
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? 128, stdout, stderr, signal }));
  });
  return { pid: child.pid, stderr: () => stderr, done };
}

/** Resolves true once `condition` holds, false if the run ended first. */
function when(condition: () => boolean, ended: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve(true);
      }
    }, 5);
    void ended.then(() => {
      clearInterval(timer);
      resolve(false);
    });
  });
}

describe('reconcile interrupted by a signal', () => {
  const scan = new SecretScan();
  let work: string;
  let dirs: { v1: string; v2: string };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-interrupt-'));
    dirs = await writeBothVersions(work);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function seeded(run: number): Promise<{ sandbox: TestSandbox; env: Record<string, string> }> {
    const sandbox = await startTestSandbox({ asyncMs: 0 });
    const org = await seededOrg(sandbox, runAccountId('34', run), dirs.v1, scan, {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    return { sandbox, env: org.env };
  }

  const reconcileV2 = () => ['reconcile', '--dir', dirs.v2, '--yes', '--allow-deletes'];

  describe.concurrent('one signal mid-apply', () => {
    it.each<[NodeJS.Signals, number]>([
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ])(
      '%s: stops starting changes, reports, exits %i; the next run converges',
      async (signal, exitCode) => {
        const { sandbox, env } = await seeded(signal === 'SIGINT' ? 1 : 2);
        try {
          sandbox.sandbox.configure({ asyncMs: 300 });
          const start = sandbox.sandbox.stats().writes;
          const run = startReconcile(reconcileV2(), env);
          const landed = await when(() => sandbox.sandbox.stats().writes - start >= 20, run.done);
          expect(landed, 'the run ended before 20 writes').toBe(true);
          process.kill(run.pid, signal);
          const ended = await run.done;

          expect(ended.signal).toBeNull();
          expect(ended.code, ended.stderr).toBe(exitCode);
          expect(ended.stderr).toContain(`Interrupted by ${signal}: starting no further change`);
          const summary = /Interrupted by \w+: (\d+) changes? of (\d+) applied, (\d+) failed, (\d+) not started\./.exec(ended.stderr);
          expect(summary, ended.stderr).not.toBeNull();
          const [applied, total, failed, notStarted] = (summary ?? []).slice(1).map(Number) as [number, number, number, number];
          expect(applied + failed + notStarted).toBe(total);
          expect(applied).toBeGreaterThan(0);
          expect(notStarted).toBeGreaterThan(0);
          expect(ended.stderr).toMatch(/^Applied:\n {2}- /m);
          expect(ended.stderr).toMatch(/^Not started:\n {2}- /m);
          expect(ended.stderr).toContain('Run reconcile again: it plans from the live state and converges.');
          expect(ended.stdout).not.toContain('Apply complete');

          sandbox.sandbox.configure({ asyncMs: 0 });
          const resumed = await runTool(scan, reconcileV2(), env);
          expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
          expect((await runTool(scan, ['plan', '--dir', dirs.v2, '--detailed-exitcode'], env)).code).toBe(0);
        } finally {
          await sandbox.stop();
        }
      },
      120_000,
    );
  });

  it('a second signal exits at once, while the first still waits for requests in flight', async () => {
    const { sandbox, env } = await seeded(3);
    try {
      // Requests that stay in progress far longer than this test, and a wait far longer
      // still: only the second signal can end the run.
      sandbox.sandbox.configure({ asyncMs: 600_000 });
      const asyncRequests = () => {
        const calls = sandbox.sandbox.stats().calls;
        return (calls.ProvisionPermissionSet ?? 0) + (calls.CreateAccountAssignment ?? 0) + (calls.DeleteAccountAssignment ?? 0);
      };
      const before = asyncRequests();
      const run = startReconcile(reconcileV2(), { ...env, SSO_GITOPS_INTERRUPT_WAIT_MS: '600000' });
      expect(await when(() => asyncRequests() > before, run.done), 'the run ended before any asynchronous request').toBe(true);
      process.kill(run.pid, 'SIGINT');
      expect(await when(() => run.stderr().includes('waiting up to 600 s'), run.done)).toBe(true);
      process.kill(run.pid, 'SIGINT');
      const ended = await run.done;
      expect(ended.code, ended.stderr).toBe(130);
      expect(ended.stderr).toContain('SIGINT again: exiting now');
      expect(ended.stderr).toMatch(/\d+ in flight or not started\./);
    } finally {
      await sandbox.stop();
    }
  }, 120_000);

  it('leaked no credential in any output', async () => {
    await scan.recordDir(work);
    expect(scan.findings()).toEqual([]);
  });
});
