// Migration fidelity, written once and run against every backend: a source instance with
// users carrying every attribute the backend stores (seeded with the plain SDK, not the
// tool), groups, memberships, permission sets and assignments → `extract` → `reconcile
// --yes` into a fresh target → an independent comparison, with the plain SDK, of every
// attribute of every user, group, membership, permission set and assignment: zero
// differences. Then plan against the target is empty and a second extract gives the same files.
// On the sandbox the target side runs from a delegated administrator account.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateUserRequest } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, RegisterDelegatedAdministratorCommand } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { IndependentReader } from '../property/live-reader.js';
import { buildSourceAndTarget, SOURCE_MANAGEMENT, TARGET_MANAGEMENT, type Backend } from './backends.js';
import { readRawIdentity, seedUsers } from './raw-identity.js';
import { filesOf } from '../helpers/files.js';

export type SeedUser = Omit<CreateUserRequest, 'IdentityStoreId'>;

/** Every attribute moto 5.2.1 stores (its User model): name parts, emails, addresses, phone numbers and the text attributes. */
export const CORE_USERS: SeedUser[] = [
  {
    UserName: 'ada@example.com',
    DisplayName: 'Ada Lovelace',
    Name: {
      GivenName: 'Ada',
      FamilyName: 'Lovelace',
      MiddleName: 'King',
      HonorificPrefix: 'Countess',
      HonorificSuffix: 'FRS',
      Formatted: 'Countess Ada King Lovelace FRS',
    },
    NickName: 'Ada',
    ProfileUrl: 'https://example.com/ada',
    Emails: [{ Value: 'ada@example.com', Type: 'home', Primary: true }],
    Addresses: [
      {
        StreetAddress: '12 St James Sq',
        Locality: 'London',
        Region: 'LDN',
        PostalCode: 'SW1Y 4JH',
        Country: 'GB',
        Formatted: '12 St James Sq, London',
        Type: 'work',
        Primary: true,
      },
    ],
    PhoneNumbers: [{ Value: '+44 20 7946 0000', Type: 'mobile', Primary: true }],
    UserType: 'Employee',
    Title: 'Analyst',
    PreferredLanguage: 'en-GB',
    Locale: 'en_GB',
    Timezone: 'Europe/London',
  },
  {
    // an email without type or primary flag: not the `email:` short form
    UserName: 'grace@example.com',
    DisplayName: 'Grace Hopper',
    Name: { GivenName: 'Grace', FamilyName: 'Hopper', HonorificPrefix: 'RADM' },
    Emails: [{ Value: 'grace@example.com' }],
    PhoneNumbers: [{ Value: '+1 202 555 0100' }],
  },
];

/** The attributes only the sandbox stores of these backends: photos, website, birthdate, roles, the enterprise extension. */
export const FULL_USERS: SeedUser[] = CORE_USERS.map((u, i) =>
  i === 0
    ? {
        ...u,
        Photos: [
          { Value: 'https://example.com/ada.png', Type: 'photo', Display: 'Portrait', Primary: true },
          { Value: 'https://example.com/ada-thumb.png', Type: 'thumbnail' },
        ],
        Website: 'https://ada.example.com',
        Birthdate: '1815-12-10',
        Roles: [{ Value: 'Researcher', Type: 'work', Primary: true }],
        Extensions: {
          'aws:identitystore:enterprise': {
            employeeNumber: '1815',
            costCenter: 'CC-1843',
            organization: 'Analytical Engines',
            division: 'Notes',
            department: 'Research',
            manager: { value: 'babbage' },
          },
        },
      }
    : u,
);

export interface FidelityOptions {
  users: SeedUser[];
  /** Whether the backend stores the enterprise extension (ListUsers is asked for it). */
  extensions: boolean;
  scope: { tags: boolean; permissionsBoundary: boolean };
  /** Run the target side (reconcile, plan, extract) from a delegated administrator account
   *  of the target organization, the migration's usual home, instead of its management account. */
  delegatedAdministratorTarget?: boolean;
}

export function userFidelityScenario(start: () => Promise<Backend>, options: FidelityOptions): void {
  let backend: Backend;
  let work: string;
  let sourceEnv: Record<string, string>;
  let targetEnv: Record<string, string>;
  let accounts: {
    source: { name: string; id: string; ouPath: string; tags: Record<string, string> }[];
    target: { name: string; id: string; ouPath: string; tags: Record<string, string> }[];
  };
  const extracted = () => join(work, 'extracted');
  const cli = (args: string[], env: Record<string, string>) => runCli(args, { env });

  beforeAll(async () => {
    backend = await start();
    work = await mkdtemp(join(tmpdir(), `sso-gitops-fidelity-${backend.name}-`));
    const { source, target } = await buildSourceAndTarget(backend);
    const placed = (ids: Map<string, string>) => [...ids].map(([name, id]) => ({ name, id, ouPath: '', tags: {} }));
    accounts = { source: placed(source.accountIds), target: placed(target.accountIds) };
    sourceEnv = await backend.cliEnv(SOURCE_MANAGEMENT);
    const delegated = target.accountIds.get('shared');
    if (options.delegatedAdministratorTarget && delegated === undefined) throw new Error('the target organization has no "shared" account');
    if (options.delegatedAdministratorTarget && delegated !== undefined) {
      const organizations = new OrganizationsClient(backend.sdkConfig(TARGET_MANAGEMENT));
      await organizations.send(new RegisterDelegatedAdministratorCommand({ AccountId: delegated, ServicePrincipal: 'sso.amazonaws.com' }));
      organizations.destroy();
    }
    targetEnv = await backend.cliEnv(options.delegatedAdministratorTarget && delegated !== undefined ? delegated : TARGET_MANAGEMENT);
    const seed = await cli(['reconcile', '--dir', backend.fixture, '--yes'], sourceEnv);
    if (seed.code !== 0) throw new Error(`seeding the source failed: ${seed.stdout}${seed.stderr}`);
    await seedUsers(backend.sdkConfig(SOURCE_MANAGEMENT), options.users, 'Developers');
  });

  afterAll(async () => {
    await backend?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('extracts the source, users with every attribute included', async () => {
    const run = await cli(['extract', '--dir', extracted()], sourceEnv);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it('reconciles the extract into the empty target', async () => {
    // the target's accounts have other ids: as the runbook says, a rehearsal deletes the pins
    await rm(join(extracted(), 'accounts.yaml'));
    const run = await cli(['reconcile', '--dir', extracted(), '--yes'], targetEnv);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it('leaves no difference, read independently with the SDK, in any attribute of any user or group', async () => {
    const source = await readRawIdentity(backend.sdkConfig(SOURCE_MANAGEMENT), options.extensions);
    const target = await readRawIdentity(backend.sdkConfig(TARGET_MANAGEMENT), options.extensions);
    for (const u of options.users) expect(source.users[u.UserName ?? '']).toMatchObject(u);
    expect(target).toEqual(source);
  });

  it('leaves no difference in memberships, permission sets and assignments', async () => {
    const read = async (account: string, placed: typeof accounts.source) => {
      const reader = new IndependentReader(backend.sdkConfig(account), placed, options.scope);
      try {
        return (await reader.read()).snapshot;
      } finally {
        reader.close();
      }
    };
    const source = await read(SOURCE_MANAGEMENT, accounts.source);
    const target = await read(TARGET_MANAGEMENT, accounts.target);
    expect(source.memberships).toContain('Developers ⟵ ada@example.com');
    expect(source.assignments.length).toBeGreaterThan(0);
    expect({ memberships: target.memberships, permissionSets: target.permissionSets, assignments: target.assignments }).toEqual({
      memberships: source.memberships,
      permissionSets: source.permissionSets,
      assignments: source.assignments,
    });
  });

  it('plans no change against the target, and a second extract from the target gives the same files', async () => {
    const plan = await cli(['plan', '--dir', extracted(), '--detailed-exitcode'], targetEnv);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const again = join(work, 'target-extract');
    const run = await cli(['extract', '--dir', again], targetEnv);
    expect(run.code, run.stderr).toBe(0);
    const files = await filesOf(again);
    // the only difference: the target extract pins the target's ids
    expect(files.has('accounts.yaml')).toBe(true);
    files.delete('accounts.yaml');
    expect(files).toEqual(await filesOf(extracted()));
  });
}
