// What the `--changed-since` end-to-end tests share: a sandbox with an organization, a
// scratch git repository whose identity/ directory the CLI plans, and the --verbose call
// counts they compare. Each test writes, commits and reconciles its files in its own order.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

export const MANAGEMENT = '444444444444';

export interface ChangedSinceFixture {
  sandbox: TestSandbox;
  /** the scratch directory (the repository is work/repo) */
  work: string;
  /** work/repo/identity */
  dir: string;
  /** the CLI's environment: the management account, unpaced, a name cache of its own */
  env: Record<string, string>;
  /** account name → id */
  accountIds: Map<string, string>;
  /** `git add .` and commit in the repository */
  commit(message: string): void;
  /** `git show <ref>:identity/<file>` */
  show(ref: string, file: string): string;
  stop(): Promise<void>;
}

/** git with a fixed author, in `cwd` */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd, stdio: 'pipe' });

export async function startChangedSinceFixture(prefix: string, accounts: string[]): Promise<ChangedSinceFixture> {
  const sandbox = await startTestSandbox();
  const work = await mkdtemp(join(tmpdir(), `sso-gitops-${prefix}-`));
  const repo = join(work, 'repo');
  const dir = join(repo, 'identity');
  await mkdir(dir, { recursive: true });
  git(repo, 'init', '-q');
  const { accountIds } = await buildOrganization(
    sandbox.clientConfig(MANAGEMENT),
    MANAGEMENT,
    accounts.map((name) => ({ name })),
  );
  return {
    sandbox,
    work,
    dir,
    env: { ...sandbox.cliEnv(MANAGEMENT), SSO_GITOPS_TPS: '500', SSO_GITOPS_CACHE_DIR: join(work, 'cache') },
    accountIds,
    commit: (message) => {
      git(repo, 'add', '.');
      git(repo, 'commit', '-qm', message);
    },
    show: (ref, file) => git(repo, 'show', `${ref}:identity/${file}`).toString(),
    stop: async () => {
      await sandbox.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The --verbose call count of one operation (0 when it was not called). */
export function callsOf(stderr: string, operation: string): number {
  return Number(new RegExp(`^ {2}(?:\\S+ )?${operation} +(\\d+)`, 'm').exec(stderr)?.[1] ?? 0);
}
