// The loader's model: merging across files, normalisation, defaults and positions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadState } from '../../src/load/load.js';
import { DEFAULT_SETTINGS, type DesiredState } from '../../src/model/types.js';
import { aGroup, anAssignmentEntry, aPermissionSet, aUser } from '../../src/testing/builders.js';
import { loadFiles, writeStateDir, type StateFiles } from './state-dir.js';

const ALICE = `  - userName: alice@example.com\n    displayName: Alice Liddell\n    givenName: Alice\n    familyName: Liddell\n`;
const BOB = `  - userName: bob@example.com\n    displayName: Bob Builder\n    givenName: Bob\n    familyName: Builder\n`;

async function loaded(files: StateFiles): Promise<DesiredState> {
  const result = await loadFiles(files);
  expect(result.lines).toEqual([]);
  if (!result.state) throw new Error('no state');
  return result.state;
}

/** The model without positions, for comparing with builders. */
function withoutPos<T extends object>(items: T[]): T[] {
  return items.map((item) => {
    const copy = { ...item } as T & { pos?: unknown };
    delete copy.pos;
    return copy;
  });
}

describe('loadState', () => {
  test('merges entries of one kind from several files, in file order', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}`,
      'teams/backend.yaml': `users:\n${BOB}groups:\n  - name: Backend\n    members: [bob@example.com]\n`,
      'teams/frontend.yaml': `groups:\n  - name: Frontend\n    members: [alice@example.com]\n`,
    });
    expect(state.users.map((u) => u.userName)).toEqual(['bob@example.com', 'alice@example.com']);
    expect(state.groups.map((g) => g.name)).toEqual(['Backend', 'Frontend']);
    expect(state.files).toEqual(['teams/backend.yaml', 'teams/frontend.yaml', 'users.yaml']);
  });

  test('fills defaults and sorts what has no order', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${BOB}${ALICE}`,
      'groups.yaml': `groups:\n  - name: Devs\n    members: [bob@example.com, alice@example.com]\n  - name: Empty\n`,
      'ps.yaml': [
        'permissionSets:',
        '  - name: Dev',
        '    managedPolicies: [arn:aws:iam::aws:policy/b, arn:aws:iam::aws:policy/a]',
        '    customerManagedPolicies: [{name: Z}, {name: A, path: /team/}, {name: B}]',
        '  - name: Bare',
        '',
      ].join('\n'),
      'assignments.yaml': `assignments:\n  - permissionSet: Bare\n    users: [alice@example.com]\n    accounts: [prod]\n`,
    });
    expect(withoutPos(state.groups)).toEqual([
      aGroup({ name: 'Devs', members: ['alice@example.com', 'bob@example.com'] }),
      aGroup({ name: 'Empty', members: [] }),
    ]);
    expect(withoutPos(state.permissionSets)).toEqual([
      aPermissionSet({
        name: 'Dev',
        managedPolicies: ['arn:aws:iam::aws:policy/a', 'arn:aws:iam::aws:policy/b'],
        customerManagedPolicies: [
          { name: 'B', path: '/' },
          { name: 'Z', path: '/' },
          { name: 'A', path: '/team/' },
        ],
      }),
      aPermissionSet({ name: 'Bare' }),
    ]);
    expect(withoutPos(state.assignments)).toEqual([
      anAssignmentEntry({ permissionSet: 'Bare', users: ['alice@example.com'], accounts: ['prod'] }),
    ]);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.hasSettings).toBe(false);
  });

  test('keeps every optional user attribute and drops nothing it models', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}    email: alice@example.com\n    nickName: Al\n    timezone: Europe/London\n    profileUrl: https://example.com/alice\n`,
    });
    expect(withoutPos(state.users)).toEqual([
      aUser({
        userName: 'alice@example.com',
        displayName: 'Alice Liddell',
        givenName: 'Alice',
        familyName: 'Liddell',
        email: 'alice@example.com',
        nickName: 'Al',
        timezone: 'Europe/London',
        profileUrl: 'https://example.com/alice',
      }),
    ]);
  });

  test('reads an inline policy given as a JSON string into the same object as its YAML form', async () => {
    const yamlForm = `    inlinePolicy:\n      Version: "2012-10-17"\n      Statement: [{Effect: Deny, Action: "s3:*", Resource: "*"}]\n`;
    const jsonForm = `    inlinePolicy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}'\n`;
    const fromYaml = await loaded({ 'ps.yaml': `permissionSets:\n  - name: Dev\n${yamlForm}` });
    const fromJson = await loaded({ 'ps.yaml': `permissionSets:\n  - name: Dev\n${jsonForm}` });
    expect(fromJson.permissionSets[0]?.inlinePolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
    });
    expect(fromYaml.permissionSets[0]?.inlinePolicy).toEqual(fromJson.permissionSets[0]?.inlinePolicy);
  });

  test('merges declared settings with the defaults and keeps protect positions', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}`,
      'ps.yaml': 'permissionSets:\n  - name: Admin\n',
      'assignments.yaml': 'assignments:\n  - permissionSet: Admin\n    users: [alice@example.com]\n    accounts: [prod]\n',
      'settings.yaml': [
        'settings:',
        '  manage: {groups: false}',
        '  ignore: {groups: ["AWS*"]}',
        '  safety:',
        '    protect:',
        '      - {permissionSet: Admin, user: alice@example.com, account: prod}',
        '',
      ].join('\n'),
    });
    expect(state.hasSettings).toBe(true);
    expect(state.settings.manage).toEqual({ ...DEFAULT_SETTINGS.manage, groups: false });
    expect(state.settings.ignore).toEqual({ users: [], groups: ['AWS*'], permissionSets: [] });
    expect(state.settings.safety.maxDeletePercent).toBe(25);
    expect(state.settings.safety.protect).toEqual([
      { permissionSet: 'Admin', user: 'alice@example.com', account: 'prod', pos: { file: 'identity/settings.yaml', line: 6, col: 9 } },
    ]);
  });

  test('sets the position of every object to where its entry starts', async () => {
    const state = await loaded({
      'users.yaml': `# people\nusers:\n${ALICE}${BOB}`,
      'groups.yaml': 'groups:\n  - {name: Devs, members: [bob@example.com]}\n',
      'permission-sets/Dev.yaml': 'permissionSets:\n  -   name: Dev\n',
      'assignments.yaml': 'assignments:\n\n  - permissionSet: Dev\n    groups: [Devs]\n    accountTags: {env: prod}\n',
    });
    expect(state.users.map((u) => u.pos)).toEqual([
      { file: 'identity/users.yaml', line: 3, col: 5 },
      { file: 'identity/users.yaml', line: 7, col: 5 },
    ]);
    expect(state.groups[0]?.pos).toEqual({ file: 'identity/groups.yaml', line: 2, col: 5 });
    expect(state.permissionSets[0]?.pos).toEqual({ file: 'identity/permission-sets/Dev.yaml', line: 2, col: 7 });
    expect(state.assignments[0]?.pos).toEqual({ file: 'identity/assignments.yaml', line: 3, col: 5 });
  });

  test('does not check names of a kind the repository does not manage', async () => {
    const state = await loaded({
      'settings.yaml': 'settings:\n  manage: {users: false, groups: false}\n',
      'groups.yaml': 'groups:\n  - name: Devs\n    members: [scim-user@example.com]\n',
      'ps.yaml': 'permissionSets:\n  - name: Dev\n',
      'assignments.yaml':
        'assignments:\n  - permissionSet: Dev\n    users: [someone@example.com]\n    groups: [FromIdP]\n    accounts: [prod]\n',
    });
    expect(state.assignments[0]?.groups).toEqual(['FromIdP']);
  });

  test('does not report a reference to an entry whose own errors are already reported', async () => {
    const result = await loadFiles({
      'groups.yaml': 'groups:\n  - name: Devs\n    members: [alice@example.com]\n    colour: blue\n',
      'users.yaml': `users:\n${ALICE}`,
      'assignments.yaml': 'assignments:\n  - permissionSet: Dev\n    groups: [Devs]\n    accounts: [prod]\n',
      'ps.yaml': 'permissionSets:\n  - name: Dev\n',
    });
    expect(result.lines).toEqual([
      'identity/groups.yaml:4:5: groups[0]: unknown field "colour"; expected name, description, members, previousNames, externalIds',
    ]);
  });

  test('an empty file or a file of comments declares nothing and is not an error', async () => {
    const state = await loaded({ 'users.yaml': `users:\n${ALICE}`, 'notes.yaml': '# nothing here yet\n', 'empty.yaml': '' });
    expect(state.files).toEqual(['empty.yaml', 'notes.yaml', 'users.yaml']);
  });

  test('shows file paths under the directory exactly as it was given', async () => {
    const dir = await writeStateDir({ 'groups.yaml': 'groups:\n  - name: Devs\n    members: [nobody]\n' });
    try {
      const result = await loadState(`${dir}/`);
      expect(result.diagnostics.map((d) => d.pos?.file)).toEqual([`${dir}/groups.yaml`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loadState refuses a state that would mean "delete everything"', () => {
  test('a directory that does not exist', async () => {
    const result = await loadState('no/such/identity');
    expect(result).toEqual({ diagnostics: [{ severity: 'error', message: 'state directory "no/such/identity" does not exist' }] });
  });

  test('a directory without state files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sso-gitops-empty-'));
    try {
      const result = await loadState(dir);
      expect(result).toEqual({ diagnostics: [{ severity: 'error', message: `no state files (*.yaml) in "${dir}"` }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('accounts.yaml pins account names to ids, and settings.ignore.accounts loads', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}`,
      'accounts.yaml': `accounts:\n  prod: "222222222222"\n  Management: "111111111111"\n`,
      'settings.yaml': `settings:\n  ignore:\n    accounts: [Sandbox-*, "333333333333"]\n`,
    });
    expect(state.accountPins?.map(({ name, id }) => [name, id])).toEqual([
      ['prod', '222222222222'],
      ['Management', '111111111111'],
    ]);
    expect(state.accountPins?.[1]?.pos).toMatchObject({ file: 'identity/accounts.yaml', line: 3 });
    expect(state.settings.ignore.accounts).toEqual(['Sandbox-*', '333333333333']);
  });

  test('an account pin that is not a quoted 12-digit id, or pinned twice, is an error', async () => {
    const result = await loadFiles({
      'users.yaml': `users:\n${ALICE}`,
      'accounts.yaml': `accounts:\n  prod: 22222222222\n  dev: "44444444444"\n  qa: "555555555555"\n`,
      'more.yaml': `accounts:\n  qa: "555555555555"\n`,
    });
    expect(result.lines).toEqual([
      'identity/accounts.yaml:2:9: accounts.prod: must be a string (put it in quotes: YAML reads 22222222222 as a number)',
      'identity/accounts.yaml:3:8: accounts.dev: must be a 12-digit account id',
    ]);
    const twice = await loadFiles({
      'users.yaml': `users:\n${ALICE}`,
      'a.yaml': `accounts:\n  qa: "555555555555"\n`,
      'b.yaml': `accounts:\n  qa: "555555555555"\n`,
    });
    expect(twice.lines).toEqual(['identity/b.yaml:2:3: account "qa" is pinned twice (first at identity/a.yaml:2:3)']);
  });

  test('files that declare nothing', async () => {
    const result = await loadFiles({ 'users.yaml': 'users: []\n' });
    expect(result.lines).toEqual(['no users, groups, permissionSets or assignments in "identity"']);
    expect(result.state).toBeUndefined();
  });

  test('references differing from a declaration only in case load with the declared spelling', async () => {
    const result = await loadFiles({
      'users.yaml': `users:\n${ALICE}`,
      'groups.yaml': `groups:\n  - name: Devs\n    members: [ALICE@example.com, alice@example.com]\n`,
      'ps.yaml': `permissionSets:\n  - name: Dev\n`,
      'assignments.yaml': `assignments:\n  - permissionSet: dev\n    groups: [DEVS]\n    users: [Alice@Example.com]\n    accounts: [prod]\n`,
      'settings.yaml': `settings:\n  safety:\n    protect:\n      - {permissionSet: DEV, group: devs}\n`,
    });
    if (!result.state) throw new Error(result.lines.join('\n'));
    expect(result.state.groups[0]?.members).toEqual(['alice@example.com']);
    expect(withoutPos(result.state.assignments)).toEqual([
      anAssignmentEntry({ permissionSet: 'Dev', groups: ['Devs'], users: ['alice@example.com'], accounts: ['prod'] }),
    ]);
    expect(result.state.settings.safety.protect.map((p) => [p.permissionSet, p.group])).toEqual([['Dev', 'Devs']]);
    // the protect entry is given by the assignment, whatever the case: no "only guards" warning
    expect(result.lines.filter((l) => l.includes('only guards'))).toEqual([]);
  });

  test('reads raised quotas from settings.quotas', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}`,
      'settings.yaml': `settings:\n  quotas: {permissionSetsPerInstance: 3500}\n`,
    });
    expect(state.settings.quotas).toEqual({ permissionSetsPerInstance: 3500 });
  });

  test('reads settings.review.privileged; absent, the plan uses DEFAULT_PRIVILEGED', async () => {
    const state = await loaded({
      'users.yaml': `users:\n${ALICE}`,
      'settings.yaml': `settings:\n  review: {privileged: ["*Admin*", PowerUser]}\n`,
    });
    expect(state.settings.review).toEqual({ privileged: ['*Admin*', 'PowerUser'] });
    expect((await loaded({ 'users.yaml': `users:\n${ALICE}` })).settings.review).toBeUndefined();
  });

  test('settings.review takes only privileged, a list of non-empty globs', async () => {
    const result = await loadFiles({
      'users.yaml': `users:\n${ALICE}`,
      'settings.yaml': `settings:\n  review: {privileged: [""], flag: true}\n`,
    });
    expect(result.state).toBeUndefined();
    expect(result.lines.join('\n')).toMatch(/flag/);
  });
});
