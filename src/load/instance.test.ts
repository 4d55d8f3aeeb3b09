// `instance:` in the state files: the attributes for access control against the sso-admin
// model's limits (schema/identity.schema.json cites the model), one key once, and one file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/types.js';
import { loadState } from './load.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'instance-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A state is never only `instance:` (an empty state is an error), so every load has a user. */
const USERS = 'users:\n  - userName: ada\n    displayName: Ada\n    givenName: Ada\n    familyName: Lovelace\n';

async function load(files: Record<string, string>) {
  for (const [name, text] of Object.entries({ 'users.yaml': USERS, ...files })) await writeFile(join(dir, name), text);
  const result = await loadState(dir);
  return { instance: result.state?.instance, errors: result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
}

const attributes = (entries: string) => ({ 'instance.yaml': `instance:\n  accessControlAttributes:\n${entries}` });

describe('instance: in the state files', () => {
  it('reads the attributes for access control in their order', async () => {
    const { instance, errors } = await load(
      attributes(
        '    - key: CostCenter\n      source: ["${path:enterprise.costCenter}"]\n    - key: Team\n      source: ["${path:enterprise.division}"]\n',
      ),
    );
    expect(errors).toEqual([]);
    expect(instance?.accessControlAttributes).toEqual([
      { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] },
      { key: 'Team', source: ['${path:enterprise.division}'] },
    ]);
  });

  it('reads an empty list as "no attributes"', async () => {
    expect((await load({ 'instance.yaml': 'instance:\n  accessControlAttributes: []\n' })).instance?.accessControlAttributes).toEqual([]);
  });

  it('reads no instance: as "not managed"', async () => {
    expect((await load({})).instance).toBeUndefined();
  });

  it.each([
    ['a key with a character outside AccessControlAttributeKey', '    - key: "Cost#Center"\n      source: ["${path:x}"]\n', 'key'],
    ['a key longer than 128 characters', `    - key: ${'k'.repeat(129)}\n      source: ["\${path:x}"]\n`, 'key'],
    ['an empty key', '    - key: ""\n      source: ["${path:x}"]\n', 'key'],
    [
      'two sources (AccessControlAttributeValueSourceList: exactly 1)',
      '    - key: A\n      source: ["${path:x}", "${path:y}"]\n',
      'source',
    ],
    ['no source', '    - key: A\n      source: []\n', 'source'],
    ['a source with a character outside AccessControlAttributeValueSource', '    - key: A\n      source: ["${path:x}#"]\n', 'source'],
    ['a source longer than 256 characters', `    - key: A\n      source: ["${'s'.repeat(257)}"]\n`, 'source'],
  ])('refuses %s', async (_what, entry, field) => {
    const { errors, instance } = await load(attributes(entry));
    expect(errors.join('\n')).toContain(field);
    expect(instance).toBeUndefined();
  });

  it('refuses more than 50 attributes (AccessControlAttributeList: max 50)', async () => {
    const entries = Array.from({ length: 51 }, (_, i) => `    - key: K${i}\n      source: ["\${path:x}"]\n`).join('');
    expect((await load(attributes(entries))).errors.length).toBeGreaterThan(0);
  });

  it('refuses a key declared twice, naming it', async () => {
    const { errors } = await load(
      attributes('    - key: Team\n      source: ["${path:a}"]\n    - key: Team\n      source: ["${path:b}"]\n'),
    );
    expect(errors).toEqual([expect.stringContaining('attribute for access control "Team" is declared twice')]);
  });

  it('refuses instance: in two files, pointing at the first', async () => {
    const { errors } = await load({
      'a.yaml': 'instance:\n  accessControlAttributes: []\n',
      'b.yaml': 'instance:\n  accessControlAttributes: []\n',
    });
    expect(errors).toEqual([expect.stringMatching(/b\.yaml:1:1: instance is declared twice \(first at .*a\.yaml:1:1\)/)]);
  });
});
