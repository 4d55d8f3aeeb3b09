import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStateAtRef } from './git-state.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' });
const USER = (name: string) => `users:\n  - {userName: ${name}, displayName: ${name}, givenName: ${name}, familyName: T}\n`;

describe('loadStateAtRef', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'sso-gitops-git-state-'));
    git(repo, 'init', '-q');
    await writeFile(join(repo, 'README'), 'x');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'no state yet');
    await mkdir(join(repo, 'org', 'identity'), { recursive: true });
    await writeFile(join(repo, 'org', 'identity', 'users.yaml'), USER('ann'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'state');
  });
  afterEach(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('loads the files of a nested state directory as committed, not as in the working tree', async () => {
    await writeFile(join(repo, 'org', 'identity', 'users.yaml'), USER('bob'));
    const state = await loadStateAtRef(join(repo, 'org', 'identity'), 'HEAD');
    expect(state?.users.map((u) => u.userName)).toEqual(['ann']);
  });

  it('gives no state when the directory did not exist at the ref (the plan then covers everything)', async () => {
    expect(await loadStateAtRef(join(repo, 'org', 'identity'), 'HEAD~1')).toBeUndefined();
  });

  it('names a ref git does not know as a user error', async () => {
    await expect(loadStateAtRef(join(repo, 'org', 'identity'), 'nope')).rejects.toThrow('--changed-since: git rev-parse');
  });
});
