// Secrets: the scan itself finds a planted credential (so a clean scan means something),
// and the outputs the other suites do not produce — extract's files, --verbose call
// counts, every plan format, an error from a failed write — carry no credential either.
// (Every reliability suite scans all of its own output and files the same way.)
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, seededFixtureSandbox, type SeededSandbox } from './read-pool.js';
import { SecretScan, TEST_SECRET_ACCESS_KEY, TEST_SESSION_TOKEN } from './secret-scan.js';
import { runTool } from './tool.js';

describe('secret scan', () => {
  it('finds the secret key, the session token, part of either and signed-request material', () => {
    const scan = new SecretScan();
    scan.record('a', `key=${TEST_SECRET_ACCESS_KEY}`);
    scan.record('b', `token …${TEST_SESSION_TOKEN.slice(5, 40)}…`);
    scan.record('c', 'Authorization: AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=abc');
    scan.record('d', 'nothing here');
    expect(scan.findings().map((f) => f.split(' ')[0])).toEqual(['a', 'a', 'b', 'c', 'c']);
  });
});

describe('no credential in extract files, verbose output, any plan format or a failed write', () => {
  const scan = new SecretScan();
  let work: string;
  let s: SeededSandbox;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-secrets-'));
    s = await seededFixtureSandbox(scan, { AWS_MAX_ATTEMPTS: '2' });
  }, 60_000);

  afterAll(async () => {
    await s?.sandbox.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('runs every command and output form with the test credentials', async () => {
    const extracted = join(work, 'extracted');
    expect((await runTool(scan, ['extract', '--dir', extracted, '--verbose'], s.env)).code).toBe(0);
    for (const format of ['text', 'markdown', 'json']) {
      const plan = await runTool(
        scan,
        ['plan', '--dir', extracted, '--format', format, '--out', join(work, `plan.${format}.json`), '--verbose'],
        s.env,
      );
      expect(plan.code, plan.stderr).toBe(0);
    }
    const withNewUser = join(work, 'new-user');
    await cp(FIXTURE_DIR, withNewUser, { recursive: true });
    await writeFile(
      join(withNewUser, 'late-joiner.yaml'),
      'users:\n  - userName: dave@example.com\n    displayName: Dave\n    givenName: Dave\n    familyName: Late\n',
    );
    s.sandbox.sandbox.configure({ faults: 'fail-op=CreateUser' });
    const failed = await runTool(scan, ['reconcile', '--dir', withNewUser, '--yes', '--verbose'], s.env).finally(() =>
      s.sandbox.sandbox.configure({ faults: '' }),
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/create user "dave@example\.com".*CreateUser/);
    await scan.recordDir(work);
    expect(scan.scanned).toBeGreaterThan(10);
    expect(scan.findings()).toEqual([]);
  });
});
