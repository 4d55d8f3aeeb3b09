// `sso-gitops access` with applications, end to end on the sandbox with the real CLI: from
// the state files (no Identity Center call) one row per person and application, with
// `everyone` where assignment is not required and a disabled user kept; with --live every
// application of the instance, a console-made one and a console-made assignment marked
// unmanaged; the filters; and the CSV, which holds one kind of row. moto has no application
// API (docs/aws-behaviour.md): not run there.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateApplicationAssignmentCommand,
  ListApplicationsCommand,
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReport } from '../../src/access/types.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ConsoleUser } from './behind-the-back.js';

const MANAGEMENT = '111111111111';
const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';

const user = (name: string, extra = '') =>
  `  - {userName: ${name}, displayName: ${name}, givenName: ${name}, familyName: Example${extra}}\n`;
const STATE = [
  `users:\n${user('ana')}${user('bo')}${user('cy', ', status: disabled')}`,
  'groups:\n  - {name: ops, members: [ana]}\n  - {name: sales, members: [bo, cy]}\n',
  'permissionSets:\n  - {name: ReadOnly, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]}\n',
  'assignments:\n  - {permissionSet: ReadOnly, groups: [ops], accounts: [prod]}\n',
  'applications:\n',
  `  - {name: Wiki, providerArn: "${CUSTOM}", assignmentRequired: false, groups: [ops], users: [cy]}\n`,
  `  - {name: Tracker, providerArn: "${CUSTOM}", assignmentRequired: true, groups: [sales], users: [ana]}\n`,
].join('');

/** Application rows as a person reads them: user application via [unmanaged:…]. */
const lines = (doc: AccessReport) =>
  doc.applications.map(
    (r) => `${r.userName} ${r.application} ${r.via.join(',')}${r.unmanaged ? ` unmanaged:${r.unmanaged.join(',')}` : ''}`,
  );

describe('sso-gitops access: applications', () => {
  let sandbox: TestSandbox;
  let work: string;
  let dir: string;
  let env: Record<string, string>;

  const access = async (args: string[]) => {
    const run = await runCli(['access', '--dir', dir, ...args], { env });
    expect(run.code, run.stderr).toBe(0);
    return run;
  };
  const accessJson = async (args: string[]) => JSON.parse((await access([...args, '--format', 'json'])).stdout) as AccessReport;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-access-apps-'));
    await buildOrganization(sandbox.clientConfig(MANAGEMENT), MANAGEMENT, [{ name: 'prod' }]);
    env = { ...sandbox.cliEnv(MANAGEMENT), SSO_GITOPS_TPS: '500' };
    dir = join(work, 'identity');
    await mkdir(dir);
    await writeFile(join(dir, 'state.yaml'), STATE);
    const setup = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(setup.code, setup.stdout + setup.stderr).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('from the state files: one row per person and application, everyone where assignment is not required, no Identity Center call', async () => {
    sandbox.sandbox.resetStats();
    const doc = await accessJson([]);
    expect(sandbox.sandbox.stats().callsByService['sso-admin']).toEqual({});
    expect(lines(doc)).toEqual([
      'ana Tracker direct',
      'ana Wiki everyone,group:ops',
      'bo Tracker group:sales',
      'bo Wiki everyone',
      'cy Tracker group:sales',
      'cy Wiki direct,everyone',
    ]);
    expect(doc.applications.find((r) => r.userName === 'cy')).toMatchObject({ status: 'disabled', displayName: 'cy', email: null });
    expect(doc.rows.map((r) => `${r.userName} ${r.accountName} ${r.permissionSet} ${r.via.join(',')}`)).toEqual([
      'ana prod ReadOnly group:ops',
    ]);
  });

  it('--live: every application of the instance; an application and an assignment made in the console are marked unmanaged', async () => {
    // an application the files do not declare, made in the console (a catalogue SAML one)
    const seeded = await fetch(`${sandbox.endpoint}/_sandbox/applications`, {
      method: 'POST',
      body: JSON.stringify({ accountId: MANAGEMENT, name: 'Slack', providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Slack' }),
    });
    expect(seeded.ok).toBe(true);
    const console = new ConsoleUser(sandbox.clientConfig(MANAGEMENT));
    const sso = new SSOAdminClient(sandbox.clientConfig(MANAGEMENT));
    try {
      const instanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn ?? '';
      const apps = (await sso.send(new ListApplicationsCommand({ InstanceArn: instanceArn }))).Applications ?? [];
      const tracker = apps.find((a) => a.Name === 'Tracker')?.ApplicationArn ?? '';
      const slack = apps.find((a) => a.Name === 'Slack')?.ApplicationArn ?? '';
      await sso.send(
        new CreateApplicationAssignmentCommand({
          ApplicationArn: slack,
          PrincipalId: await console.groupId('ops'),
          PrincipalType: 'GROUP',
        }),
      );
      await sso.send(
        new CreateApplicationAssignmentCommand({ ApplicationArn: tracker, PrincipalId: await console.userId('bo'), PrincipalType: 'USER' }),
      );
    } finally {
      sso.destroy();
      console.close();
    }
    const doc = await accessJson(['--live']);
    expect(lines(doc)).toEqual([
      'ana Slack group:ops unmanaged:group:ops',
      'ana Tracker direct',
      'ana Wiki everyone,group:ops',
      'bo Tracker direct,group:sales unmanaged:direct',
      'bo Wiki everyone',
      'cy Tracker group:sales',
      'cy Wiki direct,everyone',
    ]);
    // the sandbox's user is enabled: no identitystore API disables one (docs/state-format.md)
    expect(doc.applications.find((r) => r.userName === 'cy')?.status).toBe('enabled');
    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
    expect(plan.code, plan.stdout + plan.stderr).toBe(2);
    const fix = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(lines(await accessJson(['--live']))).not.toContain('bo Tracker direct,group:sales unmanaged:direct');
  });

  it('filters: --user and --group apply to application rows, --account and --permission-set leave none, --applications no account row', async () => {
    expect(lines(await accessJson(['--user', 'ANA']))).toEqual(['ana Tracker direct', 'ana Wiki everyone,group:ops']);
    expect(lines(await accessJson(['--group', 'sales']))).toEqual(['bo Tracker group:sales', 'cy Tracker group:sales']);
    const byAccount = await accessJson(['--account', 'prod']);
    expect(byAccount.applications).toEqual([]);
    expect(byAccount.rows.length).toBe(1);
    expect((await accessJson(['--permission-set', 'ReadOnly'])).applications).toEqual([]);
    const only = await accessJson(['--applications']);
    expect(only.rows).toEqual([]);
    expect(only.applications.length).toBe(6);
    const wiki = await accessJson(['--application', 'WIKI']);
    expect(wiki.rows).toEqual([]);
    expect(lines(wiki)).toEqual(['ana Wiki everyone,group:ops', 'bo Wiki everyone', 'cy Wiki direct,everyone']);
  });

  it('csv: the account CSV as before, a note on stderr pointing to --applications, which prints the application CSV', async () => {
    const accounts = await access(['--format', 'csv']);
    expect(accounts.stdout.split('\r\n')[0]).toBe('userName,displayName,email,status,accountId,accountName,permissionSet,via,expiresAt');
    expect(accounts.stderr).toContain(
      'note: 6 application grants are not in this CSV (one CSV holds one kind of row); run again with --applications',
    );
    const applications = await access(['--format', 'csv', '--applications', '--user', 'cy']);
    expect(applications.stdout.split('\r\n')).toEqual([
      'userName,displayName,email,status,application,applicationStatus,via,expiresAt',
      'cy,cy,,disabled,Tracker,enabled,group:sales,',
      'cy,cy,,disabled,Wiki,enabled,direct;everyone,',
      '',
    ]);
    expect(applications.stderr).not.toContain('note:');
  });

  it('a plan whose only changes are memberships lists the applications they give and take', async () => {
    const moved = join(work, 'memberships-move');
    await mkdir(moved);
    const state = STATE.replace('{name: ops, members: [ana]}', '{name: ops, members: [ana, bo]}').replace(
      '{name: sales, members: [bo, cy]}',
      '{name: sales, members: [bo]}',
    );
    // one membership of three removed is over the default delete threshold (25%), which would refuse the plan
    await writeFile(join(moved, 'state.yaml'), `${state}settings:\n  safety:\n    maxDeletePercent: 100\n`);
    const run = await runCli(['plan', '--dir', moved, '--format', 'json'], { env });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.changes.map((c) => `${c.kind} ${c.action}`)).toEqual(['membership create', 'membership delete']);
    // Slack (made in the console, assigned to ops) comes with ops; bo keeps Wiki (everyone); cy loses Tracker
    expect(plan.applicationAccessChanges).toEqual([
      { userName: 'bo', application: 'Slack', change: 'gain', via: ['group:ops'] },
      { userName: 'cy', application: 'Tracker', change: 'lose', via: ['group:sales'] },
    ]);
    const text = await runCli(['plan', '--dir', moved], { env });
    expect(text.stdout).toContain('Access changes: 1 person gains access, 1 person loses access:');
    expect(text.stdout).toMatch(/\n {4}\+ application "Slack" {2}via group:ops\n/);
    expect(text.stdout).toMatch(/\n {4}- application "Tracker" {2}was via group:sales\n/);
  });

  it('text and markdown: an Applications section after the accounts', async () => {
    const text = (await access(['--user', 'bo'])).stdout;
    expect(text).toMatch(
      /^Applications\nUSER +APPLICATION +VIA\nbo +Tracker +group:sales\nbo +Wiki +everyone\n\n2 rows: 1 person on 2 applications, from the state files\.\n$/,
    );
    const markdown = (await access(['--format', 'markdown', '--user', 'ana'])).stdout;
    expect(markdown).toContain('## Applications\n\n1 person on 2 applications, 2 grants, from the state files.\n\n### Tracker\n');
    expect(markdown).toContain('| ana | ana | everyone, group:ops |');
  });
});
