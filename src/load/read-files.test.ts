import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listStateFiles, readStateFile } from './read-files.js';

describe('listStateFiles', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sso-gitops-files-'));
    await mkdir(join(root, 'identity', 'teams'), { recursive: true });
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'identity', 'users.yaml'), 'users: []\n');
    await writeFile(join(root, 'elsewhere', 'backend.yaml'), 'groups: []\n');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('follows a symbolic link to a state file instead of silently leaving it out', async () => {
    await symlink(join(root, 'elsewhere', 'backend.yaml'), join(root, 'identity', 'teams', 'backend.yaml'));
    expect(await listStateFiles(join(root, 'identity'))).toEqual(['teams/backend.yaml', 'users.yaml']);
  });

  it('reads a directory reached through a link loop once', async () => {
    await symlink(join(root, 'identity'), join(root, 'identity', 'teams', 'again'));
    expect(await listStateFiles(join(root, 'identity'))).toEqual(['users.yaml']);
  });

  it('refuses a link that points nowhere, naming it', async () => {
    await symlink(join(root, 'missing.yaml'), join(root, 'identity', 'teams', 'gone.yaml'));
    await expect(listStateFiles(join(root, 'identity'))).rejects.toThrow('teams/gone.yaml is a symbolic link that cannot be followed');
  });
});

describe('readStateFile', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sso-gitops-read-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('decodes file after file with the one decoder: a BOM dropped, invalid bytes located, text intact', async () => {
    await writeFile(join(root, 'bom.yaml'), '\ufeffusers: []\n');
    await writeFile(join(root, 'bad.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    await writeFile(join(root, 'plain.yaml'), 'groups: [é]\n');
    expect(readStateFile(join(root, 'bom.yaml'))).toEqual({ text: 'users: []\n' });
    expect(readStateFile(join(root, 'bad.yaml'))).toMatchObject({ diagnostic: { message: expect.stringContaining('not valid UTF-8') } });
    expect(readStateFile(join(root, 'plain.yaml'))).toEqual({ text: 'groups: [é]\n' });
  });

  it('throws what the file system says about a file that is gone', () => {
    expect(() => readStateFile(join(root, 'gone.yaml'))).toThrow(/^ENOENT: no such file or directory, stat '.*gone\.yaml'$/);
  });
});
