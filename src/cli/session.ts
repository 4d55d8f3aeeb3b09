// The steps plan and reconcile share: load and validate the state files (before any AWS
// call, so bad input changes nothing and costs nothing), open the AWS context, read the
// live state, compute the plan. Everything AWS-specific stays behind src/aws.
import { formatCallStats } from '../aws/call-stats.js';
import type { AwsContext } from '../aws/context.js';
import { openAwsContext } from '../aws/context.js';
import { checkProfileDefined, nameProfileInCredentialError, selectedProfile } from '../aws/profile.js';
import { makeReadOnly } from '../aws/read-only.js';
import { liveReadOptionsFromEnv, readLiveState } from '../aws/read-live.js';
import { rememberPermissionSetNames } from '../aws/permission-set-names.js';
import { loadState } from '../load/load.js';
import type { LiveState } from '../model/live.js';
import { compareDiagnostics, formatDiagnostic, type Diagnostic, type DesiredState } from '../model/types.js';
import { accountIgnored } from '../plan/accounts.js';
import { buildPlan, type PlanOptions } from '../plan/build.js';
import type { Change, Plan } from '../plan/types.js';
import { UserError } from './command.js';
import type { AwsCliOptions } from './options.js';
import type { StderrProgress } from './progress.js';

/** Prints diagnostics to stderr, sorted by place; throws a UserError when any is an error. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], what: string, progress: StderrProgress): void {
  if (diagnostics.length === 0) return;
  progress.endLine();
  const sorted = [...diagnostics].sort(compareDiagnostics);
  for (const d of sorted) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  if (errors > 0) throw new UserError(`${what}: ${errors} error${errors === 1 ? '' : 's'}; nothing was changed`);
}

export async function loadDesired(dir: string, progress: StderrProgress): Promise<DesiredState> {
  const { state, diagnostics } = await loadState(dir);
  reportDiagnostics(diagnostics, `state files in ${dir}`, progress);
  if (!state) throw new UserError(`state files in ${dir} could not be loaded; nothing was changed`);
  return state;
}

/**
 * Opens the AWS context. Every setting is checked first, so a bad SSO_GITOPS_* value or an
 * unknown profile fails with one line before the first call (the read options are read
 * again, unchanged, when the live state is read).
 */
export async function openAws(aws: AwsCliOptions, readOnly: boolean, progress: StderrProgress): Promise<AwsContext> {
  liveReadOptionsFromEnv();
  const profile = selectedProfile(aws.profile);
  if (profile !== undefined) await checkProfileDefined(profile);
  const ctx = await openAwsContext({
    ...(aws.region !== undefined ? { region: aws.region } : {}),
    ...(aws.profile !== undefined ? { profile: aws.profile } : {}),
    ...(aws.instanceArn !== undefined ? { instanceArn: aws.instanceArn } : {}),
    progress,
  }).catch((err: unknown) => {
    // openAwsContext makes the first calls, so a profile that resolves no credentials fails here.
    throw nameProfileInCredentialError(profile, err);
  });
  if (readOnly) makeReadOnly(ctx.clients);
  return ctx;
}

/** Reads the live state; OU paths and account tags only when the desired state selects accounts by them.
 *  `wanted.applications`: read the applications even when the files declare none (`access --live`). */
export async function readLive(
  ctx: AwsContext,
  desired: DesiredState,
  progress: StderrProgress,
  wanted: { applications?: boolean } = {},
): Promise<LiveState> {
  const fromEnv = liveReadOptionsFromEnv();
  const live = await readLiveState(ctx, {
    ...fromEnv,
    organizationalUnits: desired.assignments.some((a) => a.organizationalUnits.length > 0),
    accountTags: desired.assignments.some((a) => Object.keys(a.accountTags).length > 0),
    ignoreAccount: (account) => accountIgnored(account, desired.settings.ignore.accounts),
    accessControlAttributes: fromEnv.accessControlAttributes === true && desired.instance?.accessControlAttributes !== undefined,
    applications: fromEnv.applications === true && (desired.applications !== undefined || wanted.applications === true),
  });
  // every set was read: the names a scoped plan (--changed-since) looks up cost nothing next time
  await rememberPermissionSetNames(live.instanceArn, live.permissionSets);
  progress.endLine();
  return live;
}

/** Computes the plan of `desired` against `live`; resolution errors throw (nothing planned). */
export function planAgainst(desired: DesiredState, live: LiveState, allowDeletes: boolean, progress: StderrProgress): Plan {
  return planWith(desired, live, { allowDeletes }, progress).plan;
}

/** --expired-only: the plan of the removals caused by expiry, and the other changes found. */
export function planExpiredOnly(
  desired: DesiredState,
  live: LiveState,
  allowDeletes: boolean,
  progress: StderrProgress,
): { plan: Plan; leftOut: Change[] } {
  const { plan, leftOut } = planWith(desired, live, { allowDeletes, expiredOnly: true }, progress);
  return { plan, leftOut: leftOut ?? [] };
}

function planWith(
  desired: DesiredState,
  live: LiveState,
  options: PlanOptions,
  progress: StderrProgress,
): { plan: Plan; leftOut?: Change[] } {
  const { plan, diagnostics, leftOut } = buildPlan(desired, live, options);
  // A plan carries its warnings itself (every renderer shows them); print diagnostics
  // here only when resolution failed, so nothing shows twice.
  if (!plan) reportDiagnostics(diagnostics, 'resolving the state files against the live instance', progress);
  if (!plan) throw new UserError('no plan could be computed; nothing was changed');
  return { plan, ...(leftOut !== undefined ? { leftOut } : {}) };
}

/** Prints the per-operation call counts (--verbose). */
export function printCallStats(ctx: AwsContext): void {
  for (const line of formatCallStats(ctx.stats.snapshot())) process.stderr.write(`${line}\n`);
}
