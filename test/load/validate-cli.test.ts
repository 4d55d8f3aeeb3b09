// `sso-gitops validate` as users run it: the built binary, on the shipped example and on
// a broken copy of it. Run `npx tsc -p tsconfig.build.json` (or `npm test`) first.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'dist', 'src', 'cli', 'main.js');

function runValidate(args: string[], cwd: string) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npx tsc -p tsconfig.build.json)`);
  const run = spawnSync(process.execPath, [bin, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Replaces `from` by `to` in a file, failing when `from` is not there (the example changed). */
async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

describe('sso-gitops validate', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-validate-'));
    await cp(join(root, 'identity'), join(work, 'identity'), { recursive: true });
    await cp(join(root, 'identity'), join(work, 'broken'), { recursive: true });
    const broken = (file: string) => join(work, 'broken', file);
    await edit(broken('users.yaml'), '    familyName: Lister\n', '');
    await edit(broken('groups.yaml'), 'members: [erin@example.com]', 'members: [erin@example.com, zoe@example.com]');
    await edit(broken('permission-sets/Developer.yaml'), 'sessionDuration: PT8H', 'sessionDuration: PT13H');
    await edit(broken('assignments.yaml'), '"999988887777"', '999988887777');
    await edit(broken('assignments.yaml'), 'groups: [Developers]\n    accounts: [prod]', 'groups: [Developer]\n    accounts: [prod]');
    await edit(broken('settings.yaml'), 'group: BreakGlass}', 'group: BreakGlas}');
    await writeFile(broken('team.yaml'), 'groups:\n  - name: Team\n    name: Team2\n');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('passes on the example organization and says what it found', () => {
    const run = runValidate([], work);
    expect(run).toEqual({ code: 0, stdout: 'identity: valid, 8 files: 5 users, 4 groups, 4 permission sets, 6 assignments\n', stderr: '' });
  });

  test('prints every error and warning of a broken copy with file:line:col and exits 1', () => {
    const run = runValidate(['--dir', 'broken'], work);
    expect(run.stderr.split('\n')).toEqual([
      // team.yaml cannot be loaded: it comes first, and since it declares groups, the
      // unknown group "Developer" (which it might have declared) is not reported yet
      'broken/team.yaml:3:5: duplicate key "name"',
      'broken/assignments.yaml:24:23: assignments[5].excludeAccounts[0]: account id 999988887777 must be a quoted string ("999988887777"): YAML reads unquoted digits as a number and drops leading zeros',
      'broken/groups.yaml:11:33: group "Auditors": member "zoe@example.com" is not a user',
      'broken/permission-sets/Developer.yaml:5:22: permission set "Developer": sessionDuration PT13H is outside PT1H..PT12H',
      'broken/settings.yaml:18:9: warning: protect: no assignment in the state files gives "AdministratorAccess" to group "BreakGlas" (did you mean "BreakGlass"?); the entry only guards a live assignment',
      'broken/users.yaml:24:5: users[3]: missing required field "familyName"',
      'broken: 5 errors, 1 warning',
      '',
    ]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
  });

  test('reports a missing directory', () => {
    const run = runValidate(['--dir', 'nowhere'], work);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'state directory "nowhere" does not exist\nnowhere: 1 error, 0 warnings\n' });
  });

  test('rejects an unknown flag', () => {
    const run = runValidate(['--dri', 'identity'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: validate: Unknown option '--dri'/);
  });

  test('--help lists --dir', () => {
    const run = runValidate(['--help'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: sso-gitops validate \[--dir DIR\]/);
    expect(run.stdout).toMatch(/--dir DIR\s+the state directory \(default: identity\)/);
  });
});

describe('validate needs no AWS', () => {
  /** Every module the built validate command imports, transitively (static and dynamic imports). */
  function importGraph(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!file.startsWith('/')) return;
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
        const spec = match[1] as string;
        visit(spec.startsWith('.') ? resolve(dirname(file), spec) : spec);
      }
    };
    visit(entry);
    return seen;
  }

  test('the validate command imports no @aws-sdk package', () => {
    const modules = [...importGraph(join(root, 'dist', 'src', 'cli', 'commands', 'validate.js'))];
    expect(modules.some((m) => m.endsWith('/load/load.js'))).toBe(true);
    expect(modules.filter((m) => m.startsWith('@aws-sdk'))).toEqual([]);
  });
});

describe('validate and expiresAt', () => {
  test('warns at the expiresAt of an entry gone for more than 7 days, and still passes', async () => {
    const work = await mkdtemp(join(tmpdir(), 'sso-gitops-validate-expiry-'));
    try {
      await cp(join(root, 'identity'), join(work, 'identity'), { recursive: true });
      await edit(
        join(work, 'identity', 'groups.yaml'),
        'members: [erin@example.com]',
        'members: [{user: erin@example.com, expiresAt: 2020-01-31}, {user: alice@example.com, expiresAt: 2999-12-31}]',
      );
      const run = runValidate([], work);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(
        /^identity\/groups\.yaml:11:51: warning: group "Auditors": member "erin@example\.com" expired \d+ days ago \(expiresAt: 2020-01-31\); it no longer counts: remove it from the state files\n$/,
      );
      expect(run.stdout).toMatch(/^identity: valid, .* \(1 warning\)\n$/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
