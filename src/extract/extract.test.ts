import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadState } from '../load/load.js';
import { aGroup, aLiveUser, anAccount, aPermissionSet, aTriple, aUser, liveStateOf } from '../testing/builders.js';
import { EmptyStateRefused } from './empty-state.js';
import { ExtractSetupError } from './existing.js';
import { extractToDirectory } from './extract.js';
import { SCHEMA_ID } from './schema-ref.js';

const prod = anAccount({ id: '111111111111', name: 'prod' });
const live = liveStateOf({
  users: [aUser({ userName: 'alice@example.com' })],
  groups: [aGroup({ name: 'Ops', members: ['alice@example.com'] })],
  permissionSets: [aPermissionSet({ name: 'ReadOnly', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })],
  accounts: [prod],
  assignments: [aTriple({ permissionSet: 'ReadOnly', principal: 'Ops', accountId: prod.id })],
});

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'extract-test-'));
  dir = join(root, 'identity');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const ADA = aLiveUser({
  userName: 'ada',
  honorificPrefix: 'Countess',
  formattedName: 'Countess Ada Lovelace',
  website: 'https://ada.example.com',
  birthdate: '1815-12-10',
  emails: [{ value: 'ada@example.com', type: 'home', primary: true }],
  phoneNumbers: [{ value: '+44 20 0000 0000', type: 'mobile', primary: true }],
  addresses: [{ streetAddress: '12 St James Sq', locality: 'London', country: 'GB', type: 'work', primary: true }],
  photos: [{ value: 'https://example.com/ada.png', display: 'Portrait' }],
  roles: [{ value: 'Researcher' }],
  enterprise: { employeeNumber: '1815', costCenter: 'CC-1', manager: { value: 'u-babbage' } },
  status: 'disabled',
  externalIds: [{ issuer: 'https://idp.example.com', id: 'ada-1' }],
});

describe('extract of users with every attribute', () => {
  it('writes every attribute, and loading the files gives the same user back (externalIds aside)', async () => {
    await extractToDirectory(dir, { ...live, users: [ADA, aLiveUser({ userName: 'bob', email: 'bob@example.com' })] });
    const text = await readFile(join(dir, 'users.yaml'), 'utf8');
    expect(text).toContain(
      '  - userName: bob\n    displayName: bob Example\n    givenName: bob\n    familyName: Example\n    email: bob@example.com\n',
    );
    expect(text).toContain('    phoneNumbers:\n      - value: +44 20 0000 0000\n        type: mobile\n        primary: true\n');
    expect(text).toContain('    status: disabled\n    externalIds:\n      - issuer: https://idp.example.com\n        id: ada-1\n');
    const loaded = await loadState(dir);
    expect(loaded.diagnostics).toEqual([]);
    const { id: _id, externalIds: _externalIds, ...modelled } = ADA;
    expect(loaded.state?.users.find((u) => u.userName === 'ada')).toEqual({ ...modelled, pos: expect.anything() });
  });

  it('refuses, writing nothing, a user with an attribute the files cannot hold, naming user and attribute', async () => {
    const odd = aLiveUser({ userName: 'odd', unmodelled: ['Extensions["aws:identitystore:future"]'] });
    await expect(extractToDirectory(dir, { ...live, users: [odd] })).rejects.toThrow('user "odd": Extensions["aws:identitystore:future"]');
    await expect(readdir(dir)).rejects.toThrow();
  });

  it('extracts that user when settings.ignore leaves it out', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.yaml'), 'settings:\n  ignore:\n    users: [odd]\n');
    const odd = aLiveUser({ userName: 'odd', unmodelled: ['Extensions["aws:identitystore:future"]'] });
    await extractToDirectory(dir, { ...live, users: [...live.users, odd] });
    expect(await readFile(join(dir, 'users.yaml'), 'utf8')).not.toContain('odd');
  });
});

describe('extractToDirectory', () => {
  it('writes the canonical layout, with default settings when the directory has none', async () => {
    const result = await extractToDirectory(dir, live);
    expect(result.write.written).toEqual([
      'accounts.yaml',
      'assignments.yaml',
      'groups.yaml',
      'permission-sets/ReadOnly.yaml',
      'settings.yaml',
      'users.yaml',
    ]);
    expect(await readFile(join(dir, 'assignments.yaml'), 'utf8')).toBe(
      `# yaml-language-server: $schema=${SCHEMA_ID}\nassignments:\n  - permissionSet: ReadOnly\n    groups:\n      - Ops\n    accounts:\n      - prod\n`,
    );
  });

  it('points the schema header at the nearest schema/identity.schema.json, relative to each file', async () => {
    await mkdir(join(root, 'schema'));
    await writeFile(join(root, 'schema', 'identity.schema.json'), '{}');
    await extractToDirectory(dir, live);
    expect((await readFile(join(dir, 'users.yaml'), 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/identity.schema.json',
    );
    expect((await readFile(join(dir, 'permission-sets', 'ReadOnly.yaml'), 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schema/identity.schema.json',
    );
  });

  it('keeps settings.yaml and user files, removes files of permission sets that no longer exist, rewrites nothing unchanged', async () => {
    await mkdir(join(dir, 'permission-sets'), { recursive: true });
    const settings = 'settings:\n  manage:\n    users: false\n';
    await writeFile(join(dir, 'settings.yaml'), settings);
    await writeFile(join(dir, 'CODEOWNERS'), '* @platform\n');
    await writeFile(join(dir, 'permission-sets', 'Deleted.yaml'), 'permissionSets:\n  - name: Deleted\n');
    await extractToDirectory(dir, live);
    const second = await extractToDirectory(dir, live);
    expect(second.write).toEqual({
      written: [],
      unchanged: ['accounts.yaml', 'assignments.yaml', 'groups.yaml', 'permission-sets/ReadOnly.yaml', 'users.yaml'],
      removed: [],
    });
    expect(await readFile(join(dir, 'settings.yaml'), 'utf8')).toBe(settings);
    expect(await readFile(join(dir, 'CODEOWNERS'), 'utf8')).toBe('* @platform\n');
    expect(await readdir(join(dir, 'permission-sets'))).toEqual(['ReadOnly.yaml']);
  });

  it('honours settings.ignore of an existing settings file', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'settings.yaml'), 'settings:\n  ignore:\n    permissionSets: ["Read*"]\n');
    const result = await extractToDirectory(dir, live);
    expect(result.counts.permissionSets).toBe(0);
    expect(result.ignored.assignments).toBe(1);
    expect(await readdir(dir)).not.toContain('permission-sets');
  });

  it('warns about a kept file that declares a kind extract also writes', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'team-a.yaml'), 'assignments:\n  - permissionSet: ReadOnly\n');
    const result = await extractToDirectory(dir, live);
    expect(result.warnings).toEqual([
      'team-a.yaml (kept) also declares assignments, which extract writes to its own files: merge or remove it, or validate reports duplicates',
    ]);
  });

  it('refuses, writing nothing, when an owned file holds the settings', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'users.yaml'), 'settings:\n  manage:\n    users: false\n');
    await expect(extractToDirectory(dir, live)).rejects.toBeInstanceOf(ExtractSetupError);
    expect(await readdir(dir)).toEqual(['users.yaml']);
    expect((await readdir(root)).sort()).toEqual(['identity']);
  });

  it('refuses to replace a directory that declares entries with the empty state of an empty instance, writing nothing', async () => {
    await extractToDirectory(dir, live);
    const before = await readdir(dir, { recursive: true });
    const empty = liveStateOf({ accounts: [prod] });
    await expect(extractToDirectory(dir, empty)).rejects.toThrow(
      new EmptyStateRefused(
        `the instance ${empty.instanceArn} has no users, groups, permission sets or assignments, but ${dir} declares 4 entries: refusing to replace them with an empty state; ` +
          'check --region, the credentials (account) and --instance-arn; pass --force to write the empty state anyway',
      ),
    );
    expect(await readdir(dir, { recursive: true })).toEqual(before);
    const forced = await extractToDirectory(dir, empty, { force: true });
    expect(forced.write.written).toEqual(['assignments.yaml', 'groups.yaml', 'users.yaml']);
  });

  it('refuses an empty instance into a new directory too: an empty state is not a valid one', async () => {
    await expect(extractToDirectory(dir, liveStateOf({ accounts: [prod] }))).rejects.toThrow(
      /nothing to extract \(an empty state is not valid/,
    );
    await expect(readdir(dir)).rejects.toThrow('ENOENT');
  });

  it('writes an empty extract when files it keeps still declare entries (the state stays non-empty)', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'team-a.yaml'), 'users:\n  - userName: kept@example.com\n');
    const result = await extractToDirectory(dir, liveStateOf({ accounts: [prod] }));
    expect(result.write.written).toContain('users.yaml');
  });

  it('says when everything the instance holds was left out by settings.ignore', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'settings.yaml'), 'settings:\n  ignore:\n    users: ["*"]\n');
    await expect(extractToDirectory(dir, liveStateOf({ users: [aUser({ userName: 'a@example.com' })], accounts: [prod] }))).rejects.toThrow(
      /has no users, groups, permission sets or assignments that settings.ignore lets through \(1 ignored\): nothing to extract/,
    );
  });

  it('warns when no assignment was read although permission sets are provisioned', async () => {
    const provisionedOnly = {
      ...live,
      assignments: [],
      provisioning: [
        { permissionSetArn: live.permissionSets[0]!.arn, accountId: prod.id, status: 'LATEST_PERMISSION_SET_PROVISIONED' as const },
      ],
    };
    const result = await extractToDirectory(dir, provisionedOnly);
    expect(result.warnings).toContain(
      "no account assignments were read, although 1 permission set is provisioned to 1 account: if the instance has assignments, check the region (--region) and the caller's permissions (sso:ListAccountAssignments); assignments.yaml lists none",
    );
    expect((await extractToDirectory(dir, live)).warnings).toEqual([]);
  });
});

describe('extract of the ABAC configuration', () => {
  const costCenter = { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] };
  const division = { key: 'Division', source: ['${path:enterprise.division}'] };

  it('writes instance.yaml, keys sorted, when the instance has a configuration, and loading it gives the set back', async () => {
    await extractToDirectory(dir, { ...live, accessControlAttributes: [division, costCenter] });
    expect(await readFile(join(dir, 'instance.yaml'), 'utf8')).toContain(
      'instance:\n  accessControlAttributes:\n    - key: CostCenter\n      source:\n        - ${path:enterprise.costCenter}\n    - key: Division\n',
    );
    const loaded = await loadState(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.state?.instance?.accessControlAttributes).toEqual([costCenter, division]);
  });

  it('writes no instance.yaml without a configuration, and removes the one an earlier extract wrote', async () => {
    await extractToDirectory(dir, { ...live, accessControlAttributes: [costCenter] });
    const result = await extractToDirectory(dir, live);
    expect(result.write.removed).toEqual(['instance.yaml']);
    expect(await readdir(dir)).not.toContain('instance.yaml');
  });

  it('writes an empty list for a configuration without attributes', async () => {
    await extractToDirectory(dir, { ...live, accessControlAttributes: [] });
    expect((await loadState(dir)).state?.instance?.accessControlAttributes).toEqual([]);
  });

  it('warns about a kept file declaring instance: only when extract writes instance.yaml', async () => {
    await mkdir(dir);
    await writeFile(join(dir, 'abac.yaml'), 'instance:\n  accessControlAttributes: []\n');
    expect((await extractToDirectory(dir, live)).warnings).toEqual([]);
    expect((await extractToDirectory(dir, { ...live, accessControlAttributes: [costCenter] })).warnings).toEqual([
      'abac.yaml (kept) also declares instance, which extract writes to its own files: merge or remove it, or validate reports duplicates',
    ]);
  });
});
