// The built `sso-gitops sandbox` command: announces AWS_ENDPOINT_URL on stdout when ready,
// serves the SDK and the control API, and exits 0 on SIGTERM and SIGINT.
// Runs dist/ (npm test builds first).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxClientConfig } from '../helpers/sandbox.js';

const CLI = 'dist/src/cli/main.js';

interface Running {
  child: ChildProcess;
  endpoint: string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /^AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`sandbox exited (${code}) before it was ready: ${err}`)));
  });
  return { child, endpoint, exited };
}

describe('sso-gitops sandbox (built CLI)', () => {
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  });

  it('is built', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('serves SDK calls and the control API until %s, then exits 0', async (signal) => {
    const sandbox = await startCli(['--port', '0', '--tps', '0', '--random-seed', '5']);
    const health = await fetch(`${sandbox.endpoint}/_sandbox/health`);
    expect(await health.json()).toEqual({ status: 'ok' });

    const org = new OrganizationsClient(sandboxClientConfig(sandbox.endpoint, '111122223333'));
    try {
      const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      expect(created.Organization?.MasterAccountId).toBe('111122223333');
    } finally {
      org.destroy();
    }
    const stats = (await (await fetch(`${sandbox.endpoint}/_sandbox/stats`)).json()) as { calls: Record<string, number> };
    expect(stats.calls).toEqual({ CreateOrganization: 1 });

    sandbox.child.kill(signal);
    expect(await sandbox.exited).toBe(0);
  });

  it('refuses a malformed fault spec or flag with exit 1 and a message naming it', () => {
    const badFaults = spawnSync(process.execPath, [CLI, 'sandbox', '--faults', 'explode=1'], { encoding: 'utf8' });
    expect(badFaults.status).toBe(1);
    expect(badFaults.stderr).toContain('explode');
    const badFlag = spawnSync(process.execPath, [CLI, 'sandbox', '--tps', 'fast'], { encoding: 'utf8' });
    expect(badFlag.status).toBe(1);
    expect(badFlag.stderr).toContain('--tps');
  });
});
