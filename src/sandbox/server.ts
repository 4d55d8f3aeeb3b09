// The sandbox HTTP server: AWS JSON 1.1 calls of sso-admin, identitystore and organizations
// on 127.0.0.1 (point AWS_ENDPOINT_URL at it), plus the /_sandbox/ control API. Used by the
// `sso-gitops sandbox` command and in-process by tests and benchmarks.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerValidatePolicy, isValidatePolicy } from './access-analyzer.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { Dispatcher, type OperationTables } from './dispatcher.js';
import { cloudTrailOperations } from './handlers/cloudtrail.js';
import { identityStoreOperations } from './handlers/identitystore.js';
import { organizationsOperations } from './handlers/organizations.js';
import { ssoAdminOperations } from './handlers/sso-admin.js';
import { JSON_CONTENT_TYPE } from './protocol.js';
import { answerSts } from './sts.js';
import { SandboxRuntime, type SandboxOptions } from './runtime.js';
import type { SandboxStats } from './stats.js';
import type { World } from './state/world.js';

export type { SandboxOptions } from './runtime.js';

export interface SandboxHandle {
  /** http://127.0.0.1:PORT — the value for AWS_ENDPOINT_URL */
  endpoint: string;
  port: number;
  /** the current world (a reset replaces it) */
  readonly world: World;
  stats(): SandboxStats;
  resetStats(): void;
  /** forgets every organization, instance and identity store */
  reset(): void;
  configure(options: Partial<SandboxOptions>): void;
  /** stops listening and drops open connections; calling it again is harmless */
  stop(): Promise<void>;
}

const OPERATIONS: OperationTables = {
  'sso-admin': ssoAdminOperations,
  identitystore: identityStoreOperations,
  organizations: organizationsOperations,
  cloudtrail: cloudTrailOperations,
};

/** Largest request body accepted; the biggest AWS input (an inline policy) is far below. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const runtime = new SandboxRuntime(options);
  const dispatcher = new Dispatcher(runtime, OPERATIONS);
  const server = createServer((req, res) => {
    serve(runtime, dispatcher, req, res).catch((err: unknown) => {
      process.stderr.write(`sandbox: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopped: Promise<void> | undefined;
  const stopServer = () =>
    new Promise<void>((resolve, reject) => {
      runtime.world.queue.clear();
      server.close((err) => (err ? reject(err) : resolve()));
      // SDK clients keep connections alive; without this, close() waits for them
      server.closeAllConnections();
    });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    get world() {
      return runtime.world;
    },
    stats: () => structuredClone(runtime.stats),
    resetStats: () => runtime.resetStats(),
    reset: () => runtime.reset(),
    configure: (changes) => runtime.configure(changes),
    stop: () => (stopped ??= stopServer()),
  };
}

async function serve(runtime: SandboxRuntime, dispatcher: Dispatcher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path.startsWith(CONTROL_PREFIX)) {
    const answer = handleControl(runtime, req.method ?? 'GET', path, body ?? '');
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    return;
  }
  if (body === undefined) {
    res
      .writeHead(413, { 'content-type': JSON_CONTENT_TYPE })
      .end(JSON.stringify({ __type: 'SerializationException', message: 'Request body too large' }));
    return;
  }
  if (isValidatePolicy(req.method, path)) {
    const answer = answerValidatePolicy(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams, body);
    res.writeHead(answer.status, { ...answer.headers, 'x-amzn-requestid': randomUUID() }).end(answer.body);
    return;
  }
  const sts = header(req, 'x-amz-target') === undefined ? answerSts(body, header(req, 'authorization'), randomUUID()) : undefined;
  if (sts) {
    res.writeHead(sts.status, { 'content-type': sts.contentType }).end(sts.body);
    return;
  }
  const outcome = await dispatcher.dispatch({
    target: header(req, 'x-amz-target'),
    authorization: header(req, 'authorization'),
    body,
    sourceIp: req.socket.remoteAddress,
    userAgent: header(req, 'user-agent'),
  });
  if (outcome.kind === 'drop') {
    // the injected "reset" fault: the client sees ECONNRESET / socket hang up and retries
    req.socket.destroy();
    return;
  }
  res.writeHead(outcome.status, { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': randomUUID() }).end(outcome.body);
}

/** The body as text, or undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
