// `sso-gitops access`: who can reach which account with which permission set, and through
// what. From the state files (resolved against the organization: Organizations reads only,
// no Identity Center read) or, with --live, from the live instance, where every assignment
// that exists is shown and what the state files do not manage is marked.
import { existsSync } from 'node:fs';
import { computeAccess } from '../../access/engine.js';
import { filterRows, type AccessFilter } from '../../access/filter.js';
import { organizationOnlyLive } from '../../access/files-world.js';
import { accessFromFiles } from '../../access/from-files.js';
import { liveAccessInput } from '../../access/inputs.js';
import type { AccessRow, AccessSource } from '../../access/types.js';
import { markUnmanaged } from '../../access/unmanaged.js';
import { readOrganizationOnly } from '../../aws/organization-only.js';
import { checkProfileDefined, nameProfileInCredentialError, selectedProfile } from '../../aws/profile.js';
import { DEFAULT_SETTINGS, type DesiredState } from '../../model/types.js';
import { nameLive } from '../../plan/live-names.js';
import { renderAccessCsv } from '../../render/access-csv.js';
import { renderAccessJson } from '../../render/access-json.js';
import { renderAccessMarkdown } from '../../render/access-markdown.js';
import { renderAccessText } from '../../render/access-text.js';
import { EXIT_OK, UserError, type Command } from '../command.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags, type AwsCliOptions } from '../options.js';
import { StderrProgress } from '../progress.js';
import { loadDesired, openAws, printCallStats, readLive, reportDiagnostics } from '../session.js';

export const ACCESS_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

const USAGE = `usage: sso-gitops access [options]

Effective access: one row per person, account and permission set, with what grants it
(direct, or group:<name>). Sorted by user, account name, permission set.

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
  --format FORMAT           text (default), markdown, csv or json
  --live                    read the live instance instead of the state files
  --region R  --profile P  --instance-arn ARN (with --live)  --verbose

Filters combine: every one given must hold.`;

export function renderAccess(rows: readonly AccessRow[], source: AccessSource, format: AccessFormat): string {
  switch (format) {
    case 'json':
      return renderAccessJson(rows, source);
    case 'csv':
      return renderAccessCsv(rows, source);
    case 'markdown':
      return renderAccessMarkdown(rows, source);
    case 'text':
      return renderAccessText(rows, source);
  }
}

function parseFormat(value: string | undefined): AccessFormat {
  const format = value ?? 'text';
  if (!(ACCESS_FORMATS as readonly string[]).includes(format))
    throw new UserError(`access: --format must be one of ${ACCESS_FORMATS.join(', ')}, not "${format}"`);
  return format as AccessFormat;
}

/** From the state files: the organization's accounts (and OU paths and tags when the files select by them). */
async function rowsFromFiles(desired: DesiredState, aws: AwsCliOptions, progress: StderrProgress): Promise<AccessRow[]> {
  const profile = selectedProfile(aws.profile);
  if (profile !== undefined) await checkProfileDefined(profile);
  const organization = await readOrganizationOnly(
    {
      ...(aws.region !== undefined ? { region: aws.region } : {}),
      ...(aws.profile !== undefined ? { profile: aws.profile } : {}),
      progress,
    },
    {
      organizationalUnits: desired.assignments.some((a) => a.organizationalUnits.length > 0),
      accountTags: desired.assignments.some((a) => Object.keys(a.accountTags).length > 0),
    },
  ).catch((err: unknown) => {
    throw nameProfileInCredentialError(profile, err);
  });
  progress.endLine();
  const world = organizationOnlyLive(desired, organization.accounts, organization.organizationalUnits);
  const { rows, diagnostics } = accessFromFiles(desired, world, { liveKnown: false });
  reportDiagnostics(diagnostics, 'resolving the state files against the organization', progress);
  return rows ?? [];
}

/** From the live instance; with the state files (when --dir exists), what they do not manage is marked. */
async function rowsFromLive(dir: string, aws: AwsCliOptions, progress: StderrProgress): Promise<AccessRow[]> {
  const desired = existsSync(dir) ? await loadDesired(dir, progress) : undefined;
  if (!desired) process.stderr.write(`access: ${dir} does not exist; no row is marked unmanaged\n`);
  const ctx = await openAws(aws, true, progress);
  try {
    const live = await readLive(ctx, desired ?? EMPTY_DESIRED, progress);
    const naming = nameLive(live);
    reportDiagnostics(naming.diagnostics, 'naming the live state', progress);
    const rows = computeAccess(liveAccessInput(naming.named));
    if (!desired) return rows;
    const files = accessFromFiles(desired, live, { liveKnown: true });
    reportDiagnostics(files.diagnostics, 'resolving the state files against the live instance', progress);
    return markUnmanaged(rows, files.rows ?? []);
  } finally {
    if (aws.verbose) printCallStats(ctx);
    ctx.close();
  }
}

/** Reads nothing optional: no OU path, no tag, no account left out. */
const EMPTY_DESIRED: DesiredState = {
  users: [],
  groups: [],
  permissionSets: [],
  assignments: [],
  settings: DEFAULT_SETTINGS,
  hasSettings: false,
  files: [],
};

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
      format: { type: 'string', default: 'text' },
      live: { type: 'boolean', default: false },
    });
    const format = parseFormat(flags.format);
    const aws = awsOptionsFrom(flags);
    if (!flags.live && aws.instanceArn !== undefined)
      throw new UserError('access: --instance-arn needs --live (the state files are read without Identity Center)');
    const progress = new StderrProgress();
    const source: AccessSource = flags.live ? 'live' : 'files';
    const rows = flags.live
      ? await rowsFromLive(flags.dir, aws, progress)
      : await rowsFromFiles(await loadDesired(flags.dir, progress), aws, progress);
    const filter: AccessFilter = {
      ...(flags.user !== undefined ? { user: flags.user } : {}),
      ...(flags.group !== undefined ? { group: flags.group } : {}),
      ...(flags.account !== undefined ? { account: flags.account } : {}),
      ...(flags['permission-set'] !== undefined ? { permissionSet: flags['permission-set'] } : {}),
    };
    process.stdout.write(renderAccess(filterRows(rows, filter), source, format));
    return EXIT_OK;
  },
};
