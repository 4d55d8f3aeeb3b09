// End-to-end, the built CLI against the sandbox: applications travel with a migration.
// A source organization with a customer managed (OAuth 2.0) application and catalogue SAML
// applications (which the API cannot create: seeded as the console would), assignments to
// users and groups, assignment required on and off → extract → plan shows no changes → the
// target gets the catalogue applications by hand (as the runbook says) and the extract is
// reconciled into it → raw SDK reads of both instances agree → drift made behind the
// tool's back is reported (exit 2) and repaired. moto has no application API: not run there.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeGroupCommand, DescribeUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import {
  DeleteApplicationAssignmentCommand,
  GetApplicationAssignmentConfigurationCommand,
  ListApplicationAssignmentsCommand,
  ListApplicationsCommand,
  ListInstancesCommand,
  PutApplicationAssignmentConfigurationCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const SOURCE = '111111111111';
const TARGET = '222222222222';
const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const SALESFORCE = 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce';
const SLACK = 'arn:aws:sso::aws:applicationProvider/catalog/Slack';

const user = (name: string) => `  - userName: ${name}\n    displayName: ${name}\n    givenName: ${name}\n    familyName: Example\n`;
const STATE: Record<string, string> = {
  'users.yaml': `users:\n${user('ana')}${user('bo')}${user('cy')}`,
  'groups.yaml': 'groups:\n  - name: ops\n    members: [ana]\n  - name: sales\n    members: [bo, cy]\n',
  'applications.yaml': [
    'applications:',
    '  - name: Wiki',
    `    providerArn: ${CUSTOM}`,
    '    description: Team wiki',
    '    assignmentRequired: false',
    '    groups: [ops]',
    '    users: [cy]',
    '  - name: Salesforce',
    '    assignmentRequired: true',
    '    groups: [sales]',
    '    users: [ana]',
    '  - name: Slack',
    '    assignmentRequired: false',
    '',
  ].join('\n'),
};

/** An application as the console makes it (the API cannot create SAML ones): the sandbox's control route. */
async function seedCatalogueApplication(sandbox: TestSandbox, accountId: string, name: string, providerArn: string): Promise<void> {
  const answer = await fetch(`${sandbox.endpoint}/_sandbox/applications`, {
    method: 'POST',
    body: JSON.stringify({ accountId, name, providerArn }),
  });
  if (!answer.ok) throw new Error(`seeding ${name}: ${answer.status} ${await answer.text()}`);
}

interface RawApplication {
  name: string;
  provider: string;
  status: string;
  description: string;
  assignmentRequired: boolean;
  principals: string[];
}

/** The instance's applications read with the plain SDK, principals by name: the comparison owes nothing to the tool. */
async function rawApplications(sandbox: TestSandbox, accountId: string): Promise<RawApplication[]> {
  const sso = new SSOAdminClient(sandbox.clientConfig(accountId));
  const ids = new IdentitystoreClient(sandbox.clientConfig(accountId));
  try {
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const storeId = instance?.IdentityStoreId ?? '';
    const apps = (await sso.send(new ListApplicationsCommand({ InstanceArn: instance?.InstanceArn ?? '' }))).Applications ?? [];
    const result: RawApplication[] = [];
    for (const app of apps) {
      const arn = app.ApplicationArn ?? '';
      const assignments = (await sso.send(new ListApplicationAssignmentsCommand({ ApplicationArn: arn }))).ApplicationAssignments ?? [];
      const principals: string[] = [];
      for (const a of assignments) {
        principals.push(
          a.PrincipalType === 'USER'
            ? `user ${(await ids.send(new DescribeUserCommand({ IdentityStoreId: storeId, UserId: a.PrincipalId ?? '' }))).UserName}`
            : `group ${(await ids.send(new DescribeGroupCommand({ IdentityStoreId: storeId, GroupId: a.PrincipalId ?? '' }))).DisplayName}`,
        );
      }
      const configuration = await sso.send(new GetApplicationAssignmentConfigurationCommand({ ApplicationArn: arn }));
      result.push({
        name: app.Name ?? '',
        provider: app.ApplicationProviderArn ?? '',
        status: app.Status ?? '',
        description: app.Description ?? '',
        assignmentRequired: configuration.AssignmentRequired ?? true,
        principals: principals.sort(),
      });
    }
    return result.sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    sso.destroy();
    ids.destroy();
  }
}

async function applicationArn(sandbox: TestSandbox, accountId: string, name: string): Promise<string> {
  const sso = new SSOAdminClient(sandbox.clientConfig(accountId));
  try {
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const apps = (await sso.send(new ListApplicationsCommand({ InstanceArn: instance?.InstanceArn ?? '' }))).Applications ?? [];
    return apps.find((a) => a.Name === name)?.ApplicationArn ?? '';
  } finally {
    sso.destroy();
  }
}

describe('applications travel with a migration (sandbox)', () => {
  let sandbox: TestSandbox;
  let work: string;
  const source = () => join(work, 'source');
  const extracted = () => join(work, 'extracted');
  const cli = (args: string[], accountId: string) => runCli(args, { env: sandbox.cliEnv(accountId) });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ asyncMs: 5 });
    work = await mkdtemp(join(tmpdir(), 'applications-e2e-'));
    for (const management of [SOURCE, TARGET]) await buildOrganization(sandbox.clientConfig(management), management, [{ name: 'prod' }]);
    await seedCatalogueApplication(sandbox, SOURCE, 'Salesforce', SALESFORCE);
    await seedCatalogueApplication(sandbox, SOURCE, 'Slack', SLACK);
    await mkdir(source());
    for (const [file, text] of Object.entries(STATE)) await writeFile(join(source(), file), text);
  });
  afterAll(async () => {
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('seeds the source from state files: creates the customer managed application, configures and assigns all three', async () => {
    const run = await cli(['reconcile', '--dir', source(), '--yes'], SOURCE);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('application "Wiki"');
    expect(await rawApplications(sandbox, SOURCE)).toEqual([
      {
        name: 'Salesforce',
        provider: SALESFORCE,
        status: 'ENABLED',
        description: '',
        assignmentRequired: true,
        principals: ['group sales', 'user ana'],
      },
      { name: 'Slack', provider: SLACK, status: 'ENABLED', description: '', assignmentRequired: false, principals: [] },
      {
        name: 'Wiki',
        provider: CUSTOM,
        status: 'ENABLED',
        description: 'Team wiki',
        assignmentRequired: false,
        principals: ['group ops', 'user cy'],
      },
    ]);
  });

  it('extracts applications.yaml, which validates and plans to no changes', async () => {
    const run = await cli(['extract', '--dir', extracted()], SOURCE);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(extracted(), 'applications.yaml'), 'utf8');
    expect(text).toContain(`providerArn: ${CUSTOM}`);
    expect(text).not.toContain(SALESFORCE);
    expect((await cli(['validate', '--dir', extracted()], SOURCE)).code).toBe(0);
    const plan = await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], SOURCE);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  it('refuses the migration before any write while the target lacks a catalogue application, naming it', async () => {
    await rm(join(extracted(), 'accounts.yaml'));
    const run = await cli(['reconcile', '--dir', extracted(), '--yes'], TARGET);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/applications\.yaml:\d+:\d+: application "Salesforce" does not exist in Identity Center/);
    expect(run.stderr).toMatch(/applications\.yaml:\d+:\d+: application "Slack" does not exist in Identity Center/);
    expect(await rawApplications(sandbox, TARGET)).toEqual([]);
  });

  it('migrates into the target once the catalogue applications exist there; both instances then read the same', async () => {
    await seedCatalogueApplication(sandbox, TARGET, 'Salesforce', SALESFORCE);
    await seedCatalogueApplication(sandbox, TARGET, 'Slack', SLACK);
    const run = await cli(['reconcile', '--dir', extracted(), '--yes'], TARGET);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const plan = await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], TARGET);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(await rawApplications(sandbox, TARGET)).toEqual(await rawApplications(sandbox, SOURCE));
  });

  it('reports drift in application assignments and assignment configuration with exit 2, and repairs it', async () => {
    const sso = new SSOAdminClient(sandbox.clientConfig(TARGET));
    const ids = new IdentitystoreClient(sandbox.clientConfig(TARGET));
    try {
      const salesforce = await applicationArn(sandbox, TARGET, 'Salesforce');
      const assignments =
        (await sso.send(new ListApplicationAssignmentsCommand({ ApplicationArn: salesforce }))).ApplicationAssignments ?? [];
      const ana = assignments.find((a) => a.PrincipalType === 'USER');
      await sso.send(
        new DeleteApplicationAssignmentCommand({ ApplicationArn: salesforce, PrincipalType: 'USER', PrincipalId: ana?.PrincipalId ?? '' }),
      );
      await sso.send(
        new PutApplicationAssignmentConfigurationCommand({
          ApplicationArn: await applicationArn(sandbox, TARGET, 'Wiki'),
          AssignmentRequired: true,
        }),
      );
    } finally {
      sso.destroy();
      ids.destroy();
    }
    const before = await rawApplications(sandbox, SOURCE);
    const drift = await cli(['plan', '--dir', extracted(), '--detailed-exitcode', '--format', 'json'], TARGET);
    expect(drift.code, drift.stderr).toBe(2);
    expect((JSON.parse(drift.stdout) as Plan).changes).toEqual([
      { kind: 'application', action: 'update', name: 'Wiki', attributes: [{ field: 'assignmentRequired', before: true, after: false }] },
      { kind: 'applicationAssignment', action: 'create', application: 'Salesforce', principalType: 'USER', principal: 'ana' },
    ]);
    const text = await cli(['plan', '--dir', extracted()], TARGET);
    expect(text.stdout).toContain('Application assignments');
    expect(text.stdout).toContain('assign user "ana" to application "Salesforce"');
    const fix = await cli(['reconcile', '--dir', extracted(), '--yes'], TARGET);
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect((await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], TARGET)).code).toBe(0);
    expect(await rawApplications(sandbox, TARGET)).toEqual(before);
  });
});
