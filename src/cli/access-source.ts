// Where `access` and `profiles` read effective access from: the state files resolved
// against the organization (Organizations reads only, no Identity Center read), or with
// --live the live instance, where what the state files do not manage is marked.
import { existsSync } from 'node:fs';
import { computeAccess } from '../access/engine.js';
import { organizationOnlyLive } from '../access/files-world.js';
import { accessFromFiles } from '../access/from-files.js';
import { liveAccessInput } from '../access/inputs.js';
import type { AccessRow } from '../access/types.js';
import { markUnmanaged } from '../access/unmanaged.js';
import { readOrganizationOnly } from '../aws/organization-only.js';
import { checkProfileDefined, nameProfileInCredentialError, selectedProfile } from '../aws/profile.js';
import { DEFAULT_SETTINGS, type DesiredState } from '../model/types.js';
import { nameLive } from '../plan/live-names.js';
import { UserError } from './command.js';
import type { AwsCliOptions } from './options.js';
import type { StderrProgress } from './progress.js';
import { loadDesired, openAws, printCallStats, readLive, reportDiagnostics } from './session.js';

/** Effective access from `dir` (the state files) or, with `live`, from the live instance. */
export async function readAccessRows(
  commandName: string,
  source: { dir: string; live: boolean },
  aws: AwsCliOptions,
  progress: StderrProgress,
): Promise<AccessRow[]> {
  if (!source.live && aws.instanceArn !== undefined)
    throw new UserError(`${commandName}: --instance-arn needs --live (the state files are read without Identity Center)`);
  return source.live ? rowsFromLive(source.dir, aws, progress) : rowsFromFiles(await loadDesired(source.dir, progress), aws, progress);
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
  const { rows, diagnostics } = accessFromFiles(desired, world, { liveKnown: false, now: new Date() });
  reportDiagnostics(diagnostics, 'resolving the state files against the organization', progress);
  // the files do not hold members they do not manage, and this view reads no identity store
  if (!desired.settings.manage.groupMemberships)
    process.stderr.write(
      'warning: settings.manage.groupMemberships is false: the state files list no members, so access through groups is missing; use --live\n',
    );
  return rows ?? [];
}

/** From the live instance; with the state files (when --dir exists), what they do not manage is marked. */
async function rowsFromLive(dir: string, aws: AwsCliOptions, progress: StderrProgress): Promise<AccessRow[]> {
  const desired = existsSync(dir) ? await loadDesired(dir, progress) : undefined;
  if (!desired) process.stderr.write(`${dir} does not exist; no row is marked unmanaged\n`);
  const ctx = await openAws(aws, true, progress);
  try {
    const live = await readLive(ctx, desired ?? EMPTY_DESIRED, progress);
    const naming = nameLive(live);
    reportDiagnostics(naming.diagnostics, 'naming the live state', progress);
    const rows = computeAccess(liveAccessInput(naming.named));
    if (!desired) return rows;
    const files = accessFromFiles(desired, live, { liveKnown: true, now: new Date() });
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
