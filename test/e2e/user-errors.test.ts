// Errors a user can cause are one line on stderr and exit 1, never a stack trace: a bad
// plan file, a bad setting (environment variable or flag), an unknown profile, an
// endpoint that answers HTML or a 5xx instead of AWS JSON. Each runs the built CLI; the
// ones that must fail before contacting AWS prove it with the sandbox's call count.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { linesWithoutNodeNotice } from '../helpers/node-notice.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

function expectOneLineError(run: CliResult, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  // The CLI's one-line Node notice (only on Node < 22) is pinned by node-support.test.ts.
  const lines = linesWithoutNodeNotice(run.stderr);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** The last stderr line is the error; progress lines may precede it, a stack trace may not. */
function expectErrorLast(run: CliResult, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  const lines = linesWithoutNodeNotice(run.stderr);
  expect(
    lines.filter((l) => l.startsWith('error:')),
    run.stderr,
  ).toHaveLength(1);
  expect(lines.at(-1)).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/** A well-formed plan file of no changes; the tests break one field of it. */
const EMPTY_PLAN = {
  formatVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000001',
  identityStoreId: 'd-0000000001',
  liveChecksum: '0'.repeat(64),
  changes: [],
  summary: { add: 0, change: 0, destroy: 0 },
  refused: [],
  warnings: [],
};

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

async function startServer(handler: Handler): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const stopServer = (server: Server | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

function answerHtml(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end(`<html><body><h1>${status}</h1></body></html>`);
}

describe('errors a user can cause: one line, exit 1', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;
  let work: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-user-errors-'));
  });

  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe('a bad plan file fails before any AWS call', () => {
    it.each<[string, string, RegExp]>([
      ['invalid JSON', '{', /^error: .*bad-json\.json: not a plan file: invalid JSON/],
      [
        'a change of an unknown kind',
        JSON.stringify({ ...EMPTY_PLAN, changes: [{ kind: 'role', action: 'create' }] }),
        /^error: .*unknown-kind\.json: not a valid plan file: .*\/changes\/0/,
      ],
    ])('%s', async (_what, text, pattern) => {
      const file = join(work, _what === 'invalid JSON' ? 'bad-json.json' : 'unknown-kind.json');
      await writeFile(file, text);
      sandbox.sandbox.resetStats();
      const run = await runCli(['reconcile', '--plan', file, '--yes'], { env });
      expectOneLineError(run, pattern);
      expect(sandbox.sandbox.stats().totalCalls).toBe(0);
    });
  });

  describe('a bad setting names the variable and the value, before any AWS call', () => {
    it.each<[string, Record<string, string>, string[], RegExp]>([
      ['SSO_GITOPS_TPS', { SSO_GITOPS_TPS: 'abc' }, ['plan'], /^error: .*SSO_GITOPS_TPS.*"abc"/],
      [
        'SSO_GITOPS_ASSIGNMENT_ROUTE',
        { SSO_GITOPS_ASSIGNMENT_ROUTE: 'sideways' },
        ['plan'],
        /^error: .*SSO_GITOPS_ASSIGNMENT_ROUTE.*"sideways"/,
      ],
      [
        'SSO_GITOPS_MAX_OUTSTANDING',
        { SSO_GITOPS_MAX_OUTSTANDING: '0' },
        ['reconcile', '--yes'],
        /^error: .*SSO_GITOPS_MAX_OUTSTANDING.*"0"/,
      ],
      ['a flag', {}, ['plan', '--format', 'xml'], /^error: plan: --format .*"xml"/],
    ])('%s', async (_what, extra, args, pattern) => {
      sandbox.sandbox.resetStats();
      const run = await runCli(args, { env: { ...env, ...extra } });
      expectOneLineError(run, pattern);
      expect(sandbox.sandbox.stats().totalCalls).toBe(0);
    });
  });

  it('a plan file that cannot be written is named', async () => {
    const run = await runCli(['plan', '--out', join(work, 'no-such-dir', 'plan.json')], { env });
    expectErrorLast(run, /^error: plan: cannot write --out .*no-such-dir\/plan\.json \(ENOENT/);
  });

  it('an unknown profile is named, before any AWS call', async () => {
    const config = join(work, 'aws-config');
    await writeFile(config, '[default]\nregion = us-east-1\n\n[profile other]\nregion = us-east-1\n');
    sandbox.sandbox.resetStats();
    const { AWS_ACCESS_KEY_ID: _key, AWS_SECRET_ACCESS_KEY: _secret, ...withoutKeys } = env;
    const run = await runCli(['plan', '--profile', 'nosuchprofile'], { env: { ...withoutKeys, AWS_CONFIG_FILE: config } });
    expectOneLineError(run, /^error: .*profile "nosuchprofile".*not (found|defined)/);
    expect(sandbox.sandbox.stats().totalCalls).toBe(0);
  });

  it('an unknown profile is named, with access keys in the environment too', async () => {
    const config = join(work, 'aws-config-keys');
    await writeFile(config, '[profile other]\nregion = us-east-1\n');
    const run = await runCli(['plan', '--profile', 'nosuchprofile'], { env: { ...env, AWS_CONFIG_FILE: config } });
    expectOneLineError(run, /^error: .*profile "nosuchprofile" \(--profile\).*not defined/);
  });

  it.each<[string, Record<string, string>, string[], RegExp]>([
    ['--profile', {}, ['--profile', 'broken'], /^error: .*profile "broken" \(--profile\)/],
    ['AWS_PROFILE', { AWS_PROFILE: 'broken' }, [], /^error: .*profile "broken" \(AWS_PROFILE\)/],
  ])('a profile that yields no credentials (%s) is named in one line, with no SDK warning', async (_source, extra, flags, pattern) => {
    // Defined, but with no keys, role, SSO or process: the SDK's chain finds nothing. The
    // environment's access keys (the sandbox's) make the SDK's 8-line "Multiple credential
    // sources" warning apply as well.
    const config = join(work, 'aws-config-broken');
    await writeFile(config, '[profile broken]\nregion = us-east-1\n');
    sandbox.sandbox.resetStats();
    const run = await runCli(['plan', ...flags], { env: { ...env, AWS_CONFIG_FILE: config, AWS_MAX_ATTEMPTS: '1', ...extra } });
    expect(run.stderr).not.toMatch(/Multiple credential sources|WARNING/);
    expectErrorLast(run, pattern);
    expect(sandbox.sandbox.stats().totalCalls).toBe(0);
  });

  it('an endpoint answering an HTML 500 is named with the status, not as a JSON parse error', async () => {
    const { server, endpoint } = await startServer((_req, res) => answerHtml(res, 500));
    servers.push(server);
    const run = await runCli(['plan'], { env: { ...env, AWS_ENDPOINT_URL: endpoint, AWS_MAX_ATTEMPTS: '2' } });
    expectOneLineError(run, new RegExp(`^error: sso-admin ListInstances: HTTP 500 from ${endpoint}`));
    expect(run.stderr).not.toMatch(/JSON|Deserialization|SyntaxError/);
  });

  it('an endpoint answering an HTML page with 200 (a proxy login) is named as such', async () => {
    const { server, endpoint } = await startServer((_req, res) => answerHtml(res, 200));
    servers.push(server);
    const run = await runCli(['plan'], { env: { ...env, AWS_ENDPOINT_URL: endpoint } });
    expectOneLineError(run, new RegExp(`^error: sso-admin ListInstances: HTTP 200 from ${endpoint} .*text/html`));
    expect(run.stderr).not.toMatch(/Deserialization|SyntaxError/);
  });

  it('a 500 on one read after others succeeded names that operation', async () => {
    // A proxy in front of the sandbox that fails every ListTagsForResource (sso-admin and
    // organizations both have one; whichever comes first is named).
    const { server, endpoint } = await startServer((req, res, body) => {
      if (String(req.headers['x-amz-target'] ?? '').endsWith('.ListTagsForResource')) return answerHtml(res, 500);
      const forward = request(`${sandbox.endpoint}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.end(body);
    });
    servers.push(server);
    const run = await runCli(['plan'], { env: { ...env, AWS_ENDPOINT_URL: endpoint, AWS_MAX_ATTEMPTS: '2' } });
    expectErrorLast(run, new RegExp(`^error: (sso-admin|organizations) ListTagsForResource: HTTP 500 from ${endpoint}`));
  });
});
