// ApplicationWriter and the application readers against the in-process sandbox: the SDK's
// real serializers and paginators, a world holding customer managed and catalogue SAML
// applications.
import { CreateGroupCommand, CreateUserCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../../test/helpers/sandbox.js';
import { addApplication } from '../../sandbox/state/applications.js';
import type { Instance } from '../../sandbox/state/instance.js';
import { withConflictRetry } from '../conflict-retry.js';
import { readApplications } from '../kinds/applications.js';
import { ApplicationWriter } from './application-writer.js';

const ACCOUNT = '210000000002';
const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const CATALOG = 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce';
const retry = <T>(label: string, fn: () => Promise<T>) =>
  withConflictRetry(fn, label, { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} });

let sandbox: TestSandbox;
let sso: SSOAdminClient;
let ids: IdentitystoreClient;
let instance: Instance;
let writer: ApplicationWriter;
let ctx: { clients: { ssoAdmin: SSOAdminClient }; instanceArn: string; concurrency: number };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  sso = new SSOAdminClient(sandbox.clientConfig(ACCOUNT));
  ids = new IdentitystoreClient(sandbox.clientConfig(ACCOUNT));
});

afterAll(async () => {
  sso.destroy();
  ids.destroy();
  await sandbox.stop();
});

beforeEach(() => {
  sandbox.sandbox.reset();
  const org = sandbox.sandbox.world.createOrganization(ACCOUNT);
  const found = sandbox.sandbox.world.instances.get(org.instanceArn);
  if (!found) throw new Error('no instance');
  instance = found;
  writer = new ApplicationWriter(sso, instance.arn, retry);
  ctx = { clients: { ssoAdmin: sso }, instanceArn: instance.arn, concurrency: 4 };
});

async function user(name: string): Promise<string> {
  const out = await ids.send(
    new CreateUserCommand({
      IdentityStoreId: instance.identityStoreId,
      UserName: name,
      DisplayName: name,
      Name: { GivenName: name, FamilyName: 'X' },
    }),
  );
  return out.UserId ?? '';
}

async function group(name: string): Promise<string> {
  return (await ids.send(new CreateGroupCommand({ IdentityStoreId: instance.identityStoreId, DisplayName: name }))).GroupId ?? '';
}

function seedCatalogue(name: string): string {
  return addApplication(instance, (n) => 'c'.repeat(n), Date.now() / 1000, { name, providerArn: CATALOG }).ApplicationArn;
}

describe('applications read and written through the SDK', () => {
  it('creates a customer managed application, assigns a user and a group, turns assignment-required off, and reads it all back', async () => {
    const [alice, bob, devs] = [await user('alice'), await user('bob'), await group('devs')];
    const { applicationArn, adopted } = await writer.createApplication({ name: 'Wiki', providerArn: CUSTOM, description: 'team wiki' });
    expect(adopted).toBeUndefined();
    for (const [principalType, principalId] of [
      ['USER', bob],
      ['GROUP', devs],
      ['USER', alice],
    ] as const) {
      await writer.assign({ applicationArn, principalType, principalId });
    }
    await writer.setAssignmentRequired(applicationArn, false);
    expect(await readApplications(ctx)).toEqual([
      {
        name: 'Wiki',
        applicationArn,
        providerArn: CUSTOM,
        customerManaged: true,
        status: 'ENABLED',
        description: 'team wiki',
        assignmentRequired: false,
        users: [alice, bob].sort(),
        groups: [devs],
      },
    ]);
  });

  it('reads a catalogue SAML application as not customer managed, with AWS’s default assignment-required', async () => {
    const arn = seedCatalogue('Salesforce');
    const devs = await group('devs');
    await writer.assign({ applicationArn: arn, principalType: 'GROUP', principalId: devs });
    expect(await readApplications(ctx)).toEqual([
      expect.objectContaining({ name: 'Salesforce', customerManaged: false, assignmentRequired: true, users: [], groups: [devs] }),
    ]);
  });

  it('refuses to create an application of a provider the API cannot create, before any call', async () => {
    sandbox.sandbox.resetStats();
    await expect(writer.createApplication({ name: 'Salesforce', providerArn: CATALOG })).rejects.toThrow(
      /cannot be created through the API .*create it in the console and reference it by name/,
    );
    expect(sandbox.sandbox.stats().totalCalls).toBe(0);
  });

  it('updates only the fields given', async () => {
    const { applicationArn } = await writer.createApplication({ name: 'Wiki', providerArn: CUSTOM, description: 'team wiki' });
    await writer.updateApplication(applicationArn, { status: 'DISABLED' });
    expect((await readApplications(ctx))[0]).toMatchObject({ name: 'Wiki', description: 'team wiki', status: 'DISABLED' });
  });

  it('removes an assignment and an application twice without failing: already gone is done', async () => {
    const alice = await user('alice');
    const { applicationArn } = await writer.createApplication({ name: 'Wiki', providerArn: CUSTOM });
    const assignment = { applicationArn, principalType: 'USER' as const, principalId: alice };
    await writer.assign(assignment);
    await writer.unassign(assignment);
    await writer.unassign(assignment);
    expect((await readApplications(ctx))[0]?.users).toEqual([]);
    await writer.deleteApplication(applicationArn);
    await writer.deleteApplication(applicationArn);
    expect(await readApplications(ctx)).toEqual([]);
  });

  it('fails an assignment of a principal the identity store does not hold, naming the operation', async () => {
    const { applicationArn } = await writer.createApplication({ name: 'Wiki', providerArn: CUSTOM });
    await expect(
      writer.assign({ applicationArn, principalType: 'USER', principalId: '11111111-2222-4333-8444-555555555555' }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('makes one application per create although answers are lost: the SDK resends the same ClientToken', async () => {
    sandbox.sandbox.configure({ faults: 'lost-answer=0.4' });
    sandbox.sandbox.resetStats();
    try {
      for (let i = 0; i < 8; i++) await writer.createApplication({ name: `app-${i}`, providerArn: CUSTOM });
    } finally {
      sandbox.sandbox.configure({ faults: '' });
    }
    expect(sandbox.sandbox.stats().faults.lostAnswer).toBeGreaterThan(0);
    expect((await readApplications(ctx)).map((a) => a.name)).toEqual([...Array(8).keys()].map((i) => `app-${i}`));
  });

  it('reads every application of an instance that holds more than one page (pages of at most 50)', async () => {
    for (let i = 0; i < 120; i++) addApplication(instance, (n) => String(i).padStart(n, '0'), 0, { name: `app-${i}`, providerArn: CUSTOM });
    sandbox.sandbox.resetStats();
    const apps = await readApplications(ctx);
    expect(apps).toHaveLength(120);
    expect(new Set(apps.map((a) => a.applicationArn)).size).toBe(120);
    expect(sandbox.sandbox.stats().calls.ListApplications).toBe(3);
  });
});
