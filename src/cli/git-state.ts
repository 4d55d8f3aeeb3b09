// The state directory as it was at a git ref (`--changed-since REF`): its files are taken
// from git (`git ls-tree` lists them, `git show REF:path` gives each), written to a
// temporary directory and loaded with the ordinary loader, so both sides of the
// comparison are read by the same code.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadState } from '../load/load.js';
import type { DesiredState } from '../model/types.js';
import { UserError } from './command.js';

const run = promisify(execFile);

async function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding, maxBuffer: 1024 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string | Buffer }).stderr?.toString().trim();
    throw new UserError(`--changed-since: git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}; nothing was changed`);
  }
}

/** The desired state the files at `ref` describe; undefined when the directory held no files then. */
export async function loadStateAtRef(dir: string, ref: string): Promise<DesiredState | undefined> {
  const absolute = resolve(dir);
  const top = String(await git(absolute, ['rev-parse', '--show-toplevel'])).trim();
  const commit = String(await git(absolute, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  const inRepo = relative(top, absolute).split('\\').join('/');
  const listed = String(await git(top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', inRepo === '' ? '.' : inRepo]))
    .split('\0')
    .filter((p) => p !== '');
  if (listed.length === 0) return undefined;
  const work = await mkdtemp(join(tmpdir(), 'sso-gitops-at-ref-'));
  try {
    for (const path of listed) {
      const content = await git(top, ['show', `${commit}:${path}`], 'buffer');
      const target = join(work, inRepo === '' ? path : relative(inRepo, path));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const { state, diagnostics } = await loadState(work);
    if (!state || diagnostics.some((d) => d.severity === 'error'))
      throw new UserError(`--changed-since ${ref}: the state files at ${ref} do not load; plan without --changed-since`);
    return state;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
