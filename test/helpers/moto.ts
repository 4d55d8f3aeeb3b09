// Starts and stops a private moto_server (Python moto) on 127.0.0.1 for end-to-end tests,
// and builds AWS SDK client settings that talk to it as a chosen account.
//
// moto picks the caller's account per request from the `x-moto-account-id` header, or
// from an access key that moto's own IAM created in that account. SDK clients in tests
// use the header (motoClientConfig); a spawned CLI cannot add headers, so it gets an access
// key made by createMotoAccessKey (or runs as moto's default account 123456789012).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';

export const MOTO_DEFAULT_ACCOUNT = '123456789012';

export interface MotoServer {
  /** e.g. http://127.0.0.1:43593 */
  endpoint: string;
  pid: number;
  /** Forgets every resource of every account (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Kills the process this helper started and waits until it has exited. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 20_000;

/**
 * True when moto_server is on PATH. When it is missing: throws in CI (a silently skipped
 * e2e suite would hide regressions), returns false locally so a suite can skip with a reason.
 */
export function requireMoto(): boolean {
  const found = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  if (!found.error && found.status === 0) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      'moto_server is not installed but CI=true: end-to-end tests against moto cannot run (pip install "moto[server]==5.2.1")',
    );
  }
  process.stderr.write('moto_server not found on PATH: skipping the suites that need it (install with pip install "moto[server]")\n');
  return false;
}

/** Spawns `moto_server -H 127.0.0.1 -p 0` and resolves once it answers GET /moto-api/config. */
export async function startMoto(): Promise<MotoServer> {
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: withoutFixedAccount(process.env),
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('moto_server could not be started');
  try {
    const port = await readPort(child);
    const endpoint = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(`${endpoint}/moto-api/config`);
    return {
      endpoint,
      pid,
      async reset() {
        const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
        if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
      },
      stop: () => stopChild(child, pid),
    };
  } catch (err) {
    await stopChild(child, pid);
    throw err;
  }
}

/** MOTO_ACCOUNT_ID would force one account for every request; several organizations need it unset. */
function withoutFixedAccount(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.MOTO_ACCOUNT_ID;
  return copy;
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => done(new Error(`moto_server did not report its port within ${STARTUP_TIMEOUT_MS} ms; stderr: ${seen}`)),
      STARTUP_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) done(undefined, Number(match[1]));
    };
    const onExit = (code: number | null) => done(new Error(`moto_server exited (code ${code}) before reporting its port; stderr: ${seen}`));
    function done(err: Error | undefined, port?: number) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // keep draining stderr so moto never blocks on a full pipe
      child.stderr?.resume();
      if (err) reject(err);
      else resolve(port as number);
    }
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

async function waitUntilAnswering(url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto_server did not answer ${url} within ${STARTUP_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(pid, 'SIGTERM');
  });
}

/**
 * SDK client settings that talk to moto as `accountId`: the request handler adds the
 * `x-moto-account-id` header to every request, so `new SSOAdminClient(motoClientConfig(...))`
 * needs nothing else. Works for any v3 client.
 */
export function motoClientConfig(endpoint: string, accountId: string = MOTO_DEFAULT_ACCOUNT) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    // moto answers at once; a few quick retries cover its rare non-thread-safe 500s
    maxAttempts: 3,
    requestHandler: new MotoAccountHandler(accountId),
  };
}

class MotoAccountHandler extends NodeHttpHandler {
  constructor(private readonly accountId: string) {
    super();
  }

  override handle(request: Parameters<NodeHttpHandler['handle']>[0], options?: HttpHandlerOptions) {
    request.headers['x-moto-account-id'] = this.accountId;
    return super.handle(request, options);
  }
}

/**
 * Creates an IAM user and access key inside `accountId` in moto, so that a spawned CLI
 * (which cannot send x-moto-account-id) acts as that account: moto maps the key back to it.
 */
export async function createMotoAccessKey(endpoint: string, accountId: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const iam = async (params: Record<string, string>): Promise<string> => {
    const res = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        // moto routes by the service named in the credential scope
        authorization: 'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
        'x-moto-account-id': accountId,
      },
      body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`moto IAM ${params.Action} failed: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text;
  };
  const userName = `sso-gitops-cli-${Math.random().toString(36).slice(2, 10)}`;
  await iam({ Action: 'CreateUser', UserName: userName });
  const xml = await iam({ Action: 'CreateAccessKey', UserName: userName });
  const accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(xml)?.[1];
  const secretAccessKey = /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(xml)?.[1];
  if (!accessKeyId || !secretAccessKey) throw new Error(`moto IAM CreateAccessKey returned no key: ${xml.slice(0, 200)}`);
  return { accessKeyId, secretAccessKey };
}
