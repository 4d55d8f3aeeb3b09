// `sso-gitops access`: who can reach which account with which permission set, and through
// what. From the state files (resolved against the organization: Organizations reads only,
// no Identity Center read) or, with --live, from the live instance, where every assignment
// that exists is shown and what the state files do not manage is marked.
import { filterApplicationRows, filterRows, type AccessFilter } from '../../access/filter.js';
import type { AccessRow, AccessSource, ApplicationAccessRow } from '../../access/types.js';
import { renderAccessCsv, renderApplicationAccessCsv } from '../../render/access-csv.js';
import { renderAccessJson } from '../../render/access-json.js';
import { renderAccessMarkdown } from '../../render/access-markdown.js';
import { renderAccessText } from '../../render/access-text.js';
import { EXIT_OK, type Command } from '../command.js';
import { readAccessReport } from '../access-source.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags, parseFormat } from '../options.js';
import { StderrProgress } from '../progress.js';

export const ACCESS_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

const USAGE = `usage: sso-gitops access [options]

Effective access: one row per person, account and permission set, with what grants it
(direct, or group:<name>). Sorted by user, account name, permission set. Then who can use
each application: one row per person and application (direct, group:<name>, or everyone
when the application does not require assignment).

From the state files (default), accounts are resolved against the organization with
Organizations reads only: no Identity Center permission is needed. With --live, the live
instance is read: every assignment that exists, those the state files do not manage
marked as such.

options:
  --dir DIR                 state directory (default: identity)
  --user U                  only this user (userName)
  --group G                 only access granted through this group
  --account A               only this account (name or 12-digit id)
  --permission-set P        only this permission set
  --application NAME        only this application's rows (and so no account row)
  --applications            only the application rows (csv: the application CSV
                            instead of the account CSV; one CSV holds one kind of row)
  --format FORMAT           text (default), markdown, csv or json
  --live                    read the live instance instead of the state files
  --region R  --profile P  --instance-arn ARN (with --live)  --verbose

Filters combine: every one given must hold. --user and --group apply to application rows
too; --account and --permission-set leave no application row. Application rows say when the
application is disabled, and from the state files when every grant of a row expires.`;

/** What to render beside the account rows: the application rows, and which kind of row a CSV holds. */
export interface RenderExtras {
  applications?: readonly ApplicationAccessRow[];
  csv?: 'accounts' | 'applications';
}

/** `now`: the clock "expires in N days" counts from. */
export function renderAccess(
  rows: readonly AccessRow[],
  source: AccessSource,
  format: AccessFormat,
  now: Date,
  extras: RenderExtras = {},
): string {
  const applications = extras.applications ?? [];
  switch (format) {
    case 'json':
      return renderAccessJson(rows, source, applications);
    case 'csv':
      return extras.csv === 'applications' ? renderApplicationAccessCsv(applications, source) : renderAccessCsv(rows, source);
    case 'markdown':
      return renderAccessMarkdown(rows, source, now, applications);
    case 'text':
      return renderAccessText(rows, source, now, applications);
  }
}

export const command: Command = {
  name: 'access',
  summary: 'who can reach which account with which permission set, and through what',
  usage: USAGE,
  async run(argv) {
    const flags = parseFlags('access', argv, {
      ...DIR_OPTION,
      ...AWS_OPTIONS,
      user: { type: 'string' },
      group: { type: 'string' },
      account: { type: 'string' },
      'permission-set': { type: 'string' },
      application: { type: 'string' },
      format: { type: 'string', default: 'text' },
      live: { type: 'boolean', default: false },
      applications: { type: 'boolean', default: false },
    });
    const format = parseFormat('access', flags.format, ACCESS_FORMATS);
    const aws = awsOptionsFrom(flags);
    const progress = new StderrProgress();
    const source: AccessSource = flags.live ? 'live' : 'files';
    const report = await readAccessReport('access', { dir: flags.dir, live: flags.live, applications: true }, aws, progress);
    const filter: AccessFilter = {
      ...(flags.user !== undefined ? { user: flags.user } : {}),
      ...(flags.group !== undefined ? { group: flags.group } : {}),
      ...(flags.account !== undefined ? { account: flags.account } : {}),
      ...(flags['permission-set'] !== undefined ? { permissionSet: flags['permission-set'] } : {}),
      ...(flags.application !== undefined ? { application: flags.application } : {}),
      ...(flags.applications ? { applicationsOnly: true } : {}),
    };
    const applications = filterApplicationRows(report.applications, filter);
    const csv = flags.applications || flags.application !== undefined ? 'applications' : 'accounts';
    // the account CSV cannot hold application rows: say where they are rather than drop them silently
    if (format === 'csv' && csv === 'accounts' && applications.length > 0)
      process.stderr.write(
        `note: ${applications.length} application ${applications.length === 1 ? 'grant is' : 'grants are'} not in this CSV (one CSV holds one kind of row); run again with --applications for them\n`,
      );
    process.stdout.write(renderAccess(filterRows(report.rows, filter), source, format, new Date(), { applications, csv }));
    return EXIT_OK;
  },
};
