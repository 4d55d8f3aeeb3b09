// `sso-gitops access` end to end on the sandbox with the real CLI: from the state files it
// reads the organization only (not one Identity Center call), filters combine, a live read
// marks what the files do not manage; and a plan whose only change is a membership lists
// the access that membership gives.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRow } from '../../src/access/types.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { parseIniStrict } from '../helpers/ini.js';
import { ConsoleUser } from './behind-the-back.js';

const MANAGEMENT = '444444444444';

function state(adminMembers: string[]): string {
  return [
    'users:',
    '  - {userName: ana@example.com, displayName: Ana Lima, givenName: Ana, familyName: Lima, email: ana@example.com}',
    '  - {userName: bob@example.com, displayName: Bob Reis, givenName: Bob, familyName: Reis}',
    'groups:',
    `  - {name: Admins, members: [${adminMembers.join(', ')}]}`,
    'permissionSets:',
    '  - {name: AdministratorAccess, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]}',
    '  - {name: ReadOnly, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}',
    'assignments:',
    '  - {permissionSet: AdministratorAccess, groups: [Admins], organizationalUnits: [Root/Workloads]}',
    '  - {permissionSet: ReadOnly, users: [bob@example.com], accountTags: {env: dev}}',
    '',
  ].join('\n');
}

const lines = (rows: readonly AccessRow[]) => rows.map((r) => `${r.userName} ${r.accountName} ${r.permissionSet} ${r.via.join(',')}`);

describe('sso-gitops access', () => {
  let sandbox: TestSandbox;
  let work: string;
  let env: Record<string, string>;
  let dir: string;
  let devId: string;

  const access = async (args: string[]) => {
    const run = await runCli(['access', '--dir', dir, ...args], { env });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  const accessJson = async (args: string[]) =>
    JSON.parse(await access([...args, '--format', 'json'])) as { source: string; rows: AccessRow[] };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-access-'));
    const org = await buildOrganization(sandbox.clientConfig(MANAGEMENT), MANAGEMENT, [
      { name: 'prod', ou: 'Workloads/Prod', tags: { env: 'prod' } },
      { name: 'dev', ou: 'Workloads/Dev', tags: { env: 'dev' } },
    ]);
    devId = org.accountIds.get('dev') ?? '';
    env = { ...sandbox.cliEnv(MANAGEMENT), SSO_GITOPS_TPS: '500' };
    dir = join(work, 'identity');
    await mkdir(dir);
    await writeFile(join(dir, 'state.yaml'), state(['ana@example.com']));
    const setup = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('from the state files: every row, with no Identity Center call at all', async () => {
    sandbox.sandbox.resetStats();
    const doc = await accessJson([]);
    const calls = sandbox.sandbox.stats().callsByService;
    expect(calls['sso-admin']).toEqual({});
    expect(calls.identitystore).toEqual({});
    expect(Object.keys(calls.organizations).length).toBeGreaterThan(0);
    expect(doc.source).toBe('files');
    expect(lines(doc.rows)).toEqual([
      'ana@example.com dev AdministratorAccess group:Admins',
      'ana@example.com prod AdministratorAccess group:Admins',
      'bob@example.com dev ReadOnly direct',
    ]);
    expect(doc.rows[0]).toMatchObject({ displayName: 'Ana Lima', email: 'ana@example.com', status: 'enabled', accountId: devId });
  });

  it('filters combine: every one given must hold', async () => {
    expect(lines((await accessJson(['--group', 'Admins', '--account', 'prod'])).rows)).toEqual([
      'ana@example.com prod AdministratorAccess group:Admins',
    ]);
    expect(lines((await accessJson(['--user', 'bob@example.com', '--permission-set', 'AdministratorAccess'])).rows)).toEqual([]);
    expect(lines((await accessJson(['--account', devId, '--permission-set', 'readonly'])).rows)).toEqual([
      'bob@example.com dev ReadOnly direct',
    ]);
  });

  it('csv: the header, then one line per row with via joined by ";"', async () => {
    const csv = await access(['--format', 'csv', '--user', 'ana@example.com']);
    expect(csv.split('\r\n')).toEqual([
      'userName,displayName,email,status,accountId,accountName,permissionSet,via,expiresAt',
      expect.stringMatching(/^ana@example\.com,Ana Lima,ana@example\.com,enabled,\d{12},dev,AdministratorAccess,group:Admins,$/),
      expect.stringMatching(/^ana@example\.com,Ana Lima,ana@example\.com,enabled,\d{12},prod,AdministratorAccess,group:Admins,$/),
      '',
    ]);
  });

  it('--live: every assignment that exists, a console-made one marked unmanaged', async () => {
    const console = new ConsoleUser(sandbox.clientConfig(MANAGEMENT));
    try {
      await console.assignUser('ReadOnly', 'ana@example.com', devId);
    } finally {
      console.close();
    }
    const doc = await accessJson(['--live']);
    expect(doc.source).toBe('live');
    expect(doc.rows.map((r) => `${lines([r])[0] ?? ''}${r.unmanaged ? ` unmanaged:${r.unmanaged.join(',')}` : ''}`)).toEqual([
      'ana@example.com dev AdministratorAccess group:Admins',
      'ana@example.com dev ReadOnly direct unmanaged:direct',
      'ana@example.com prod AdministratorAccess group:Admins',
      'bob@example.com dev ReadOnly direct',
    ]);
    const fix = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
  });

  it('a plan whose only change is a membership lists the access it gives, flagged privileged', async () => {
    const joined = join(work, 'bob-joins');
    await mkdir(joined);
    await writeFile(join(joined, 'state.yaml'), state(['ana@example.com', 'bob@example.com']));
    const run = await runCli(['plan', '--dir', joined, '--format', 'json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['membership create']);
    expect(
      plan.accessChanges?.map((c) => `${c.change} ${c.userName} ${c.accountName} ${c.permissionSet} ${c.via.join(',')} ${c.privileged}`),
    ).toEqual([
      'gain bob@example.com dev AdministratorAccess group:Admins true',
      'gain bob@example.com prod AdministratorAccess group:Admins true',
    ]);
    const markdown = await runCli(['plan', '--dir', joined, '--format', 'markdown'], { env });
    expect(markdown.stdout).toContain('1 person gains access');
    expect(markdown.stdout).toContain('Access changes');
    const text = await runCli(['plan', '--dir', joined], { env });
    expect(text.stdout).toMatch(/Access changes[^\n]*:\n[\s\S]*bob@example\.com[\s\S]*\+ prod \(\d{12}\)\s+AdministratorAccess/);
  });

  it('profiles: one config per person with --all, each strict INI with a profile per account and permission set', async () => {
    const out = join(work, 'configs');
    const portal = ['--start-url', 'https://d-9999999999.awsapps.com/start', '--sso-region', 'eu-west-1'];
    const run = await runCli(['profiles', '--dir', dir, '--all', '--out-dir', out, ...portal], { env });
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['ana@example.com.config', 'bob@example.com.config']);
    const ana = parseIniStrict(await readFile(join(out, 'ana@example.com.config'), 'utf8'));
    expect([...ana.keys()]).toEqual(['sso-session d-9999999999', 'profile dev-AdministratorAccess', 'profile prod-AdministratorAccess']);
    expect(ana.get('profile dev-AdministratorAccess')?.get('sso_account_id')).toBe(devId);
    const one = await runCli(['profiles', '--dir', dir, '--user', 'BOB@example.com', '--session-name', 'new-portal', ...portal], { env });
    expect(one.code, one.stderr).toBe(0);
    expect([...parseIniStrict(one.stdout).keys()]).toEqual(['sso-session new-portal', 'profile dev-ReadOnly']);
  });

  it('profiles: refuses a portal URL that is not https, and a person with no access, writing nothing', async () => {
    const bad = await runCli(
      ['profiles', '--dir', dir, '--user', 'ana@example.com', '--start-url', 'http://x', '--sso-region', 'eu-west-1'],
      {
        env,
      },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--start-url "http://x" must be an https:// URL');
    const nobody = await runCli(
      ['profiles', '--dir', dir, '--user', 'zoe@example.com', '--start-url', 'https://x.awsapps.com/start', '--sso-region', 'eu-west-1'],
      { env },
    );
    expect(nobody.code).toBe(1);
    expect(nobody.stdout).toBe('');
    expect(nobody.stderr).toContain('"zoe@example.com" has no access');
  });
  it('temporary access: a row granted only through an expiring entry says when it ends; an expired entry gives no row', async () => {
    const temporary = join(work, 'temporary');
    await mkdir(temporary);
    const inTenDays = new Date(Date.now() + (10 * 24 + 1) * 3600 * 1000).toISOString();
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    await writeFile(
      join(temporary, 'state.yaml'),
      state(['ana@example.com']).replace(
        '  - {permissionSet: ReadOnly, users: [bob@example.com], accountTags: {env: dev}}\n',
        `  - {permissionSet: ReadOnly, users: [bob@example.com], accountTags: {env: dev}, expiresAt: "${inTenDays}"}\n` +
          `  - {permissionSet: ReadOnly, users: [ana@example.com], accounts: [dev], expiresAt: "${yesterday}"}\n`,
      ),
    );
    const run = await runCli(['access', '--dir', temporary, '--permission-set', 'ReadOnly'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^bob@example\\.com +dev \\(\\d{12}\\) +ReadOnly +direct +expires in 10 days \\(${inTenDays}\\)$`, 'm'),
    );
    expect(run.stdout).not.toContain('ana@example.com');
  });
});
