// `sso-gitops extract`: reads a live Identity Center instance and writes the canonical
// state files. Progress and the summary go to stderr; stdout stays empty.
import { formatCallStats } from '../../aws/call-stats.js';
import type { AwsContext } from '../../aws/context.js';
import { liveReadOptionsFromEnv, readLiveState } from '../../aws/read-live.js';
import { EmptyStateRefused } from '../../extract/empty-state.js';
import { ExtractSetupError, readExistingDirectory } from '../../extract/existing.js';
import { extractToDirectory } from '../../extract/extract.js';
import { plural } from '../../model/plural.js';
import { accountIgnored } from '../../plan/accounts.js';
import { EXIT_OK, UserError, isUserFacing, type Command } from '../command.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags } from '../options.js';
import { StderrProgress } from '../progress.js';
import { openAws } from '../session.js';

const USAGE = `usage: sso-gitops extract [--dir identity] [--force] [--region R] [--profile P] [--instance-arn ARN] [--verbose]

Reads users, groups, memberships, permission sets, assignments and the organization's
accounts from a live IAM Identity Center instance and writes them as state files:
users.yaml, groups.yaml, permission-sets/<Name>.yaml, assignments.yaml.
settings.yaml and files you added are kept; settings.ignore patterns are honoured.
An instance with nothing in it is refused (exit 1, nothing written): it is usually the
wrong region, account or instance, and its empty state would replace the files.

options:
  --dir DIR           state directory (default: identity)
  --force             write the state even when the instance is empty
  --region R          region of the Identity Center instance (default: the SDK's)
  --profile P         AWS profile (default: the SDK's standard credential chain)
  --instance-arn ARN  the instance (default: the only one)
  --verbose           print AWS calls per operation`;

export const command: Command = {
  name: 'extract',
  summary: 'write the state files from a live instance',
  usage: USAGE,
  async run(argv) {
    const values = parseFlags('extract', argv, { ...DIR_OPTION, ...AWS_OPTIONS, force: { type: 'boolean', default: false } });
    const aws = awsOptionsFrom(values);
    const dir = values.dir;
    const started = Date.now();
    const progress = new StderrProgress();
    let ctx: AwsContext | undefined;
    try {
      // Settings and the profile are checked before the first call (one line when wrong).
      ctx = await openAws(aws, false, progress);
      // Assignments are written with literal accounts: OU paths (one listing per OU) and
      // account tags (one call per account) would cost calls for nothing.
      // settings.ignore.accounts: those accounts' assignments are never read, so never written.
      const ignoredAccounts = (await readExistingDirectory(dir)).ignore.accounts;
      const envOptions = liveReadOptionsFromEnv();
      const readOptions = {
        ...envOptions,
        // applications.yaml is written when the instance has applications (src/extract/applications.ts)
        applications: envOptions.applications !== false,
        accountTags: false,
        organizationalUnits: false,
        ignoreAccount: (account: { id: string; name: string }) => accountIgnored(account, ignoredAccounts),
      };
      progress.note(`extract: instance ${ctx.instanceArn} (${ctx.region}), caller account ${ctx.callerAccountId}`);
      const live = await readLiveState(ctx, readOptions);
      const result = await extractToDirectory(dir, live, { force: values.force });
      progress.endLine();
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      const c = result.counts;
      if (c.users + c.groups + c.permissionSets + c.assignments === 0) {
        process.stderr.write(
          'warning: the state written is empty: validate and plan refuse an empty state until the files declare something\n',
        );
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `extracted ${plural(c.users, 'user')}, ${plural(c.groups, 'group')} (${plural(c.memberships, 'membership')}), ${plural(c.permissionSets, 'permission set')}, ` +
          `${plural(c.assignments, 'assignment')} in ${plural(c.assignmentEntries, 'entry', 'entries')} into ${dir}/ ` +
          `(${result.write.written.length} written, ${result.write.unchanged.length} unchanged, ${result.write.removed.length} removed; ` +
          `${plural(ctx.stats.totalCalls(), 'AWS call')}, ${seconds}s)\n`,
      );
      const ig = result.ignored;
      const ignoredTotal = ig.users + ig.groups + ig.permissionSets + ig.memberships + ig.assignments;
      if (ignoredTotal > 0) {
        process.stderr.write(
          `left out by settings.ignore: ${plural(ig.users, 'user')}, ${plural(ig.groups, 'group')}, ${plural(ig.permissionSets, 'permission set')}, ${plural(ig.memberships, 'membership')}, ${plural(ig.assignments, 'assignment')}\n`,
        );
      }
      return EXIT_OK;
    } catch (err) {
      progress.endLine();
      // Expected failures are one line; anything else keeps its stack (a bug to report).
      if (err instanceof ExtractSetupError || err instanceof EmptyStateRefused || isUserFacing(err)) {
        throw new UserError(`extract: ${err.message}; nothing was written`);
      }
      if (isFileSystemError(err)) throw new UserError(`extract: ${err.message}`);
      throw err;
    } finally {
      if (ctx && aws.verbose) process.stderr.write(`${formatCallStats(ctx.stats.snapshot()).join('\n')}\n`);
      ctx?.close();
    }
  },
};

function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return (
    err instanceof Error &&
    typeof (err as NodeJS.ErrnoException).code === 'string' &&
    typeof (err as NodeJS.ErrnoException).path === 'string'
  );
}
