// Attributes for access control (ABAC) end to end, the real CLI against the sandbox (moto
// has no ABAC API): extract writes no instance.yaml without a configuration; one made in
// the source instance with the plain SDK is then extracted to instance.yaml, plans to no changes, migrates into an empty target in one
// write, and an independent read of both instances with the plain SDK finds no difference.
// Then drift made behind the tool's back is reported key by key (exit 2) and repaired, again
// in one write.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateInstanceAccessControlAttributeConfigurationCommand,
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  ListInstancesCommand,
  SSOAdminClient,
  UpdateInstanceAccessControlAttributeConfigurationCommand,
  type AccessControlAttribute,
} from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ORG_LAYOUT, SOURCE_MANAGEMENT, TARGET_MANAGEMENT } from './backends.js';

const ABAC_WRITES = [
  'CreateInstanceAccessControlAttributeConfiguration',
  'UpdateInstanceAccessControlAttributeConfiguration',
  'DeleteInstanceAccessControlAttributeConfiguration',
];

const attribute = (key: string, source: string): AccessControlAttribute => ({ Key: key, Value: { Source: [source] } });

async function instanceArnOf(sso: SSOAdminClient): Promise<string> {
  const arn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn;
  if (!arn) throw new Error('no Identity Center instance');
  return arn;
}

/** The plain-SDK view of one instance's ABAC configuration: "key=source" lines, sorted; undefined when none exists. */
async function abacOf(sso: SSOAdminClient): Promise<string[] | undefined> {
  const instanceArn = await instanceArnOf(sso);
  try {
    const out = await sso.send(new DescribeInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: instanceArn }));
    return (out.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes ?? [])
      .map((a) => `${a.Key ?? ''}=${(a.Value?.Source ?? []).join('|')}`)
      .sort();
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

describe('attributes for access control, extract → migrate → drift, against the sandbox', () => {
  let sandbox: TestSandbox;
  let work: string;
  let source: SSOAdminClient;
  let target: SSOAdminClient;
  const dir = () => join(work, 'identity');
  const cli = (args: string[], account: string) =>
    runCli(args, { env: { ...sandbox.cliEnv(account), SSO_GITOPS_TPS: '500', SSO_GITOPS_ORGANIZATIONS_TPS: '500' } });
  /** ABAC writes the sandbox served since the last reset, by operation. */
  const abacWrites = () => {
    const calls = sandbox.sandbox.stats().calls;
    return Object.fromEntries(ABAC_WRITES.filter((op) => calls[op] !== undefined).map((op) => [op, calls[op]]));
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-e2e-abac-'));
    await buildOrganization(sandbox.clientConfig(SOURCE_MANAGEMENT), SOURCE_MANAGEMENT, ORG_LAYOUT);
    await buildOrganization(sandbox.clientConfig(TARGET_MANAGEMENT), TARGET_MANAGEMENT, ORG_LAYOUT);
    source = new SSOAdminClient(sandbox.clientConfig(SOURCE_MANAGEMENT));
    target = new SSOAdminClient(sandbox.clientConfig(TARGET_MANAGEMENT));
    // the source holds one user (an empty instance is refused by extract)
    const seed = join(work, 'seed');
    await mkdir(seed);
    await writeFile(
      join(seed, 'users.yaml'),
      'users:\n  - {userName: ada@example.com, displayName: Ada, givenName: Ada, familyName: Lovelace, email: ada@example.com}\n',
    );
    const seeded = await cli(['reconcile', '--dir', seed, '--yes'], SOURCE_MANAGEMENT);
    expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0);
  });

  afterAll(async () => {
    source?.destroy();
    target?.destroy();
    await sandbox?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('extracts no instance.yaml while the instance has no ABAC configuration', async () => {
    const none = join(work, 'before-abac');
    const run = await cli(['extract', '--dir', none], SOURCE_MANAGEMENT);
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(none)).not.toContain('instance.yaml');
    // then a person configures ABAC in the console
    await source.send(
      new CreateInstanceAccessControlAttributeConfigurationCommand({
        InstanceArn: await instanceArnOf(source),
        InstanceAccessControlAttributeConfiguration: {
          AccessControlAttributes: [
            attribute('CostCenter', '${path:enterprise.costCenter}'),
            attribute('Department', '${path:enterprise.department}'),
            attribute('Division', '${path:enterprise.division}'),
            attribute('EmployeeNumber', '${path:enterprise.employeeNumber}'),
            attribute('Title', '${path:title}'),
          ],
        },
      }),
    );
  });

  it('extracts the configuration to instance.yaml, which plans to no changes', async () => {
    const run = await cli(['extract', '--dir', dir()], SOURCE_MANAGEMENT);
    expect(run.code, run.stderr).toBe(0);
    const instance = parse(await readFile(join(dir(), 'instance.yaml'), 'utf8')) as unknown;
    expect(instance).toEqual({
      instance: {
        accessControlAttributes: [
          { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] },
          { key: 'Department', source: ['${path:enterprise.department}'] },
          { key: 'Division', source: ['${path:enterprise.division}'] },
          { key: 'EmployeeNumber', source: ['${path:enterprise.employeeNumber}'] },
          { key: 'Title', source: ['${path:title}'] },
        ],
      },
    });
    const plan = await cli(['plan', '--dir', dir(), '--detailed-exitcode'], SOURCE_MANAGEMENT);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  it('migrates into the empty target with one write, after which the target plans to no changes', async () => {
    // a rehearsal in another organization: the pins name the source's account ids
    await rm(join(dir(), 'accounts.yaml'));
    expect(await abacOf(target)).toBeUndefined();
    sandbox.sandbox.resetStats();
    const run = await cli(['reconcile', '--dir', dir(), '--yes'], TARGET_MANAGEMENT);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(abacWrites()).toEqual({ CreateInstanceAccessControlAttributeConfiguration: 1 });
    const plan = await cli(['plan', '--dir', dir(), '--detailed-exitcode'], TARGET_MANAGEMENT);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });

  it('leaves no difference between source and target, read independently with the plain SDK', async () => {
    const [before, after] = [await abacOf(source), await abacOf(target)];
    expect(before).toHaveLength(5);
    expect(after).toEqual(before);
  });

  it('reports drift made behind its back key by key with exit 2, and repairs it with one write', async () => {
    await target.send(
      new UpdateInstanceAccessControlAttributeConfigurationCommand({
        InstanceArn: await instanceArnOf(target),
        InstanceAccessControlAttributeConfiguration: {
          AccessControlAttributes: [
            // one key changed, one removed, one added (1 of 5 live keys deleted: within maxDeletePercent 25)
            attribute('CostCenter', '${path:enterprise.division}'),
            attribute('Division', '${path:enterprise.division}'),
            attribute('EmployeeNumber', '${path:enterprise.employeeNumber}'),
            attribute('Title', '${path:title}'),
            attribute('Intruder', '${path:displayName}'),
          ],
        },
      }),
    );
    const drift = await cli(['plan', '--dir', dir(), '--detailed-exitcode', '--format', 'json'], TARGET_MANAGEMENT);
    expect(drift.code, drift.stdout + drift.stderr).toBe(2);
    const lines = (JSON.parse(drift.stdout) as Plan).changes.map((c) =>
      c.kind === 'accessControlAttribute' ? `${c.action} ${c.key}` : c.kind,
    );
    expect(lines.sort()).toEqual(['create Department', 'delete Intruder', 'update CostCenter']);
    const text = await cli(['plan', '--dir', dir(), '--detailed-exitcode'], TARGET_MANAGEMENT);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('source: "${path:enterprise.division}" -> "${path:enterprise.costCenter}"');

    sandbox.sandbox.resetStats();
    const fix = await cli(['reconcile', '--dir', dir(), '--yes'], TARGET_MANAGEMENT);
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(abacWrites()).toEqual({ UpdateInstanceAccessControlAttributeConfiguration: 1 });
    expect(await abacOf(target)).toEqual(await abacOf(source));
    expect((await cli(['plan', '--dir', dir(), '--detailed-exitcode'], TARGET_MANAGEMENT)).code).toBe(0);
  });
});
