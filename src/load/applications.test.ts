// `applications:` in the state files: entries by name across files, the schema's rules from
// the sso-admin model, and "not declared" (not managed) told apart from "declared empty".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/types.js';
import { loadState } from './load.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'applications-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const USERS = 'users:\n  - userName: ada\n    displayName: Ada\n    givenName: Ada\n    familyName: Lovelace\n';

async function load(files: Record<string, string>) {
  for (const [name, text] of Object.entries({ 'users.yaml': USERS, ...files })) await writeFile(join(dir, name), text);
  const result = await loadState(dir);
  return {
    applications: result.state?.applications?.map(({ pos: _pos, ...rest }) => rest),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
  };
}

describe('applications: in the state files', () => {
  it('reads customer managed entries and references from several files', async () => {
    const { applications, errors } = await load({
      'a.yaml':
        'applications:\n  - name: Wiki\n    providerArn: arn:aws:sso::aws:applicationProvider/custom\n    description: team wiki\n    status: ENABLED\n    assignmentRequired: false\n    users: [ada]\n',
      'b.yaml': 'groups:\n  - name: sales\napplications:\n  - name: Salesforce\n    groups: [sales]\n',
    });
    expect(errors).toEqual([]);
    expect(applications).toEqual([
      {
        name: 'Wiki',
        providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
        description: 'team wiki',
        status: 'ENABLED',
        assignmentRequired: false,
        users: ['ada'],
        groups: [],
      },
      { name: 'Salesforce', users: [], groups: ['sales'] },
    ]);
  });

  it('tells no applications: (not managed) from applications: [] (every customer managed one deleted)', async () => {
    expect((await load({})).applications).toBeUndefined();
    expect((await load({ 'a.yaml': 'applications: []\n' })).applications).toEqual([]);
  });

  it.each([
    ['a provider CreateApplication cannot create', 'providerArn: arn:aws:sso::aws:applicationProvider/catalog/Salesforce', 'providerArn'],
    ['a description on a referenced application', 'description: x', 'providerArn'],
    ['a field the state format does not know', 'url: https://wiki.example.com', 'url'],
    [
      'a description longer than 128 characters',
      `providerArn: arn:aws:sso::aws:applicationProvider/custom\n    description: ${'d'.repeat(129)}`,
      'description',
    ],
    ['an unknown status', 'providerArn: arn:aws:sso::aws:applicationProvider/custom\n    status: PAUSED', 'status'],
    ['a user listed twice', 'users: [ada, ada]', 'users'],
  ])('refuses %s', async (_what, fields, mentioned) => {
    const { errors } = await load({ 'a.yaml': `applications:\n  - name: Wiki\n    ${fields}\n` });
    expect(errors.join('\n')).toContain(mentioned);
  });

  it('refuses a name longer than 100 characters', async () => {
    const { errors } = await load({ 'a.yaml': `applications:\n  - name: ${'n'.repeat(101)}\n` });
    expect(errors.length).toBe(1);
  });

  it('refuses an application declared twice, pointing at the first', async () => {
    const { errors } = await load({ 'a.yaml': 'applications:\n  - name: Wiki\n', 'b.yaml': 'applications:\n  - name: Wiki\n' });
    expect(errors).toEqual([expect.stringMatching(/b\.yaml:2:5: application "Wiki" is declared twice \(first at .*a\.yaml:2:5\)/)]);
  });
});

describe('applications: references', () => {
  it('refuses a user or group the files do not declare, at its place, with the closest name', async () => {
    const { errors } = await load({ 'a.yaml': 'applications:\n  - name: Wiki\n    users: [adda]\n    groups: [ops]\n' });
    expect(errors).toEqual([
      expect.stringMatching(/a\.yaml:3:13: application "Wiki": user "adda" is not declared \(did you mean "ada"\?\)/),
      expect.stringMatching(/a\.yaml:4:14: application "Wiki": group "ops" is not declared/),
    ]);
  });
});
