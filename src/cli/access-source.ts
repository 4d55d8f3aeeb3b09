// Where `access` and `profiles` read effective access from: the state files resolved
// against the organization (Organizations reads only, no Identity Center read), or with
// --live the live instance, where what the state files do not manage is marked. `access`
// reads the application rows too; `profiles` only the account rows (an application has no
// CLI profile), so it reads no application.
import { existsSync } from 'node:fs';
import { computeApplicationAccess, applicationAccessKey } from '../access/application-engine.js';
import { liveApplicationAccessInput } from '../access/application-inputs.js';
import { computeAccess } from '../access/engine.js';
import { organizationOnlyLive } from '../access/files-world.js';
import { accessFromFiles } from '../access/from-files.js';
import { liveAccessInput } from '../access/inputs.js';
import type { AccessReport, AccessRow } from '../access/types.js';
import { markUnmanaged, markUnmanagedBy } from '../access/unmanaged.js';
import { readOrganizationOnly } from '../aws/organization-only.js';
import { checkProfileDefined, nameProfileInCredentialError, selectedProfile } from '../aws/profile.js';
import { DEFAULT_SETTINGS, type DesiredState } from '../model/types.js';
import { nameLive } from '../plan/live-names.js';
import { UserError } from './command.js';
import type { AwsCliOptions } from './options.js';
import type { StderrProgress } from './progress.js';
import { loadDesired, openAws, printCallStats, readLive, reportDiagnostics } from './session.js';

/** Effective access to accounts from `dir` (the state files) or, with `live`, from the live instance. */
export async function readAccessRows(
  commandName: string,
  source: { dir: string; live: boolean },
  aws: AwsCliOptions,
  progress: StderrProgress,
): Promise<AccessRow[]> {
  return (await readAccessReport(commandName, { ...source, applications: false }, aws, progress)).rows;
}

/** Effective access to accounts and, with `applications`, to applications. */
export async function readAccessReport(
  commandName: string,
  source: { dir: string; live: boolean; applications: boolean },
  aws: AwsCliOptions,
  progress: StderrProgress,
): Promise<AccessReport> {
  if (!source.live && aws.instanceArn !== undefined)
    throw new UserError(`${commandName}: --instance-arn needs --live (the state files are read without Identity Center)`);
  const report = source.live
    ? await reportFromLive(source.dir, source.applications, aws, progress)
    : await reportFromFiles(await loadDesired(source.dir, progress), source.applications, aws, progress);
  return source.applications ? report : { rows: report.rows, applications: [] };
}

/** From the state files: the organization's accounts (and OU paths and tags when the files select by them). */
async function reportFromFiles(
  desired: DesiredState,
  applications: boolean,
  aws: AwsCliOptions,
  progress: StderrProgress,
): Promise<AccessReport> {
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
  const report = accessFromFiles(desired, world, { liveKnown: false, now: new Date() });
  reportDiagnostics(report.diagnostics, 'resolving the state files against the organization', progress);
  // what the files cannot say about applications matters only where application rows are shown
  if (applications) for (const note of report.applicationNotes ?? []) process.stderr.write(`warning: ${note}\n`);
  // the files do not hold members they do not manage, and this view reads no identity store
  if (!desired.settings.manage.groupMemberships)
    process.stderr.write(
      'warning: settings.manage.groupMemberships is false: the state files list no members, so access through groups is missing; use --live\n',
    );
  return { rows: report.rows ?? [], applications: report.applications ?? [] };
}

/** From the live instance; with the state files (when --dir exists), what they do not manage is marked.
 *  `applications`: read every application of the instance, whether or not the files declare any. */
async function reportFromLive(dir: string, applications: boolean, aws: AwsCliOptions, progress: StderrProgress): Promise<AccessReport> {
  const desired = existsSync(dir) ? await loadDesired(dir, progress) : undefined;
  if (!desired) process.stderr.write(`${dir} does not exist; no row is marked unmanaged\n`);
  const ctx = await openAws(aws, true, progress);
  try {
    const live = await readLive(ctx, desired ?? EMPTY_DESIRED, progress, { applications });
    const naming = nameLive(live);
    reportDiagnostics(naming.diagnostics, 'naming the live state', progress);
    const input = liveAccessInput(naming.named);
    const report = { rows: computeAccess(input), applications: computeApplicationAccess(liveApplicationAccessInput(naming.named, input)) };
    if (!desired) return report;
    const files = accessFromFiles(desired, live, { liveKnown: true, now: new Date() });
    reportDiagnostics(files.diagnostics, 'resolving the state files against the live instance', progress);
    return {
      rows: markUnmanaged(report.rows, files.rows ?? []),
      applications: markUnmanagedBy(report.applications, files.applications ?? [], applicationAccessKey),
    };
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
