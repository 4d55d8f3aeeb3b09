// `sso-gitops reconcile`: plan from the live state (with --plan, also require the saved
// plan to be exactly that plan: src/cli/saved-plan.ts), refuse what the safety rules
// refuse, confirm, apply in dependency order; SIGINT/SIGTERM stop it cleanly (interrupt.ts).
// With --verify, read the live state again and fail if anything is left to do. That read
// is opt-in: it doubles the calls of a run, and the next plan (or the nightly drift
// check) reads the live state anyway.
import type { AwsContext } from '../../aws/context.js';
import type { LiveState } from '../../model/live.js';
import { refusedChanges, wholePlanRefusals, type Change, type Plan, type Refusal } from '../../plan/types.js';
import { renderText } from '../../render/text.js';
import { applyPlan, maxOutstandingAssignments } from '../apply-run.js';
import { EXIT_ERROR, EXIT_OK, UserError, type Command } from '../command.js';
import { canAsk, confirm } from '../confirm.js';
import { ApplyTracker, Interruption, interruptWaitMs } from '../interrupt.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags } from '../options.js';
import { plural } from '../../model/plural.js';
import { StderrProgress } from '../progress.js';
import { checkSavedPlanAgainst, checkSavedPlanInstance, readSavedPlan } from '../saved-plan.js';
import { loadDesired, openAws, planAgainst, planExpiredOnly, printCallStats, readLive } from '../session.js';
import { planChangedSince } from '../scoped-session.js';
import { lintPolicies, refusePolicyErrors } from '../policy-lint.js';
import { changeLabel } from '../../apply/label.js';

const USAGE = `usage: sso-gitops reconcile [options]

Makes the live Identity Center instance match the state files: computes the plan from
the live state, applies it in dependency order and waits for every asynchronous AWS
request.

options:
  --dir DIR            state directory (default: identity)
  --yes                apply without asking (required when there is no terminal)
  --allow-deletes      allow deletions above settings.safety.maxDeletePercent
  --plan FILE          apply exactly this saved plan (from \`plan --out\`): the file is checked
                       against schema/plan.schema.json before any AWS call, the plan is made
                       again and the file is refused when the live state changed since
                       ("stale plan") or its changes differ from the plan of now; the safety
                       rules are applied afresh (the file's "refused" is not trusted)
  --lint-policies      check every inline policy with IAM Access Analyzer (ValidatePolicy)
                       first; a plan with an ERROR finding is refused, as is a saved plan
                       (--plan) that carries one
  --verify             afterwards read the live state again and fail if anything is left
                       to do (costs a second full read: on a large organization minutes)
  --expired-only       apply only the removals caused by expiry (expiresAt passed; the
                       hourly expire workflow); every other change found is listed on
                       stderr and not applied: it is drift, left to the drift check
  --changed-since REF  plan and apply only the objects the state files changed since the git
                       ref REF (read from AWS by name); the nightly drift check reads everything
  --region R  --profile P  --instance-arn ARN  --verbose (AWS call counts on stderr)

SIGINT/SIGTERM while applying: no further change is started, the changes in flight get
up to 30 s (SSO_GITOPS_INTERRUPT_WAIT_MS) to finish, and what was applied and what was
not started is printed; a second signal exits at once. A re-run converges.

A change refused alone (one that needs the management account, run from a delegated
administrator) is not applied, nor what depends on it; everything else is, and the run
exits 1 listing it.

exit codes: 0 applied (or nothing to do), 1 error, refusal or any failed or refused change,
130 interrupted by SIGINT, 143 interrupted by SIGTERM. With --expired-only, other changes
left to the drift check do not change the exit code (like terraform apply -target)`;

function refuse(refusals: readonly Refusal[]): void {
  const lines = refusals.map((r) => `  - ${r.message}`);
  throw new UserError(`reconcile: the plan is refused by the safety rules; nothing was changed:\n${lines.join('\n')}`);
}

/** The changes refused alone, listed on stderr after everything else was applied. */
function reportRefusedAlone(plan: Plan): void {
  const alone = refusedChanges(plan);
  process.stderr.write(`${plural(alone.length, 'change')} refused by the safety rules and not applied:\n`);
  for (const { refusal } of alone) process.stderr.write(`  - [${refusal.rule}] ${refusal.message}\n`);
}

/** --expired-only: what was found but is not this run's to apply, each named. */
function reportLeftToDrift(leftOut: readonly Change[]): void {
  if (leftOut.length === 0) return;
  process.stderr.write(
    `reconcile --expired-only: ${plural(leftOut.length, 'other change')} found, not caused by expiry; not applied here, left to the drift check:\n`,
  );
  for (const c of leftOut) process.stderr.write(`  - ${changeLabel(c)}\n`);
}

/** Reads the live state again and plans once more: anything left means the run did not converge. */
async function verify(replan: () => Promise<Plan>): Promise<string | undefined> {
  const after = await replan();
  if (after.changes.length === 0) return undefined;
  const pending = plural(after.changes.length, 'change');
  return `reconcile: ${pending} ${after.changes.length === 1 ? 'is' : 'are'} still pending after applying; run reconcile again:\n${renderText(after, { color: false })}`;
}

interface ApplyContext {
  live: LiveState;
  ctx: AwsContext;
  progress: StderrProgress;
  interruption: Interruption;
  assignmentConcurrency: number;
  verbose: boolean;
}

/** Applies the plan and prints the outcome; the exit code when it was interrupted or any change failed. */
async function applyAndReport(plan: Plan, run: ApplyContext): Promise<number | undefined> {
  const refused = refusedChanges(plan).map((r) => r.change);
  const tracker = new ApplyTracker(plan.changes, refused);
  run.interruption.applying(tracker);
  const result = await applyPlan(plan, run.live, run.ctx, run.progress, {
    assignmentConcurrency: run.assignmentConcurrency,
    refused,
    signal: run.interruption.signal,
    onChangeDone: (change, error) => tracker.record(change, error),
  });
  run.interruption.applyFinished();
  if (run.interruption.exitCode !== undefined) return run.interruption.exitCode;
  if (run.verbose) printCallStats(run.ctx);
  if (result.failures.length > 0) {
    process.stderr.write(`${result.failures.length} of ${plural(plan.changes.length, 'change')} failed:\n`);
    for (const f of result.failures) process.stderr.write(`  - ${f.label}: ${f.error}\n`);
    if (result.refused.length > 0) reportRefusedAlone(plan);
    process.stdout.write(
      `Apply incomplete: ${result.applied} applied, ${result.failures.length} failed${result.refused.length > 0 ? `, ${result.refused.length} refused` : ''}. Run reconcile again after fixing the cause; it starts from the live state.\n`,
    );
    return EXIT_ERROR;
  }
  if (result.refused.length > 0) {
    reportRefusedAlone(plan);
    process.stdout.write(
      `Apply incomplete: ${plural(result.applied, 'change')} applied, ${result.refused.length} refused (listed above).\n`,
    );
    return EXIT_ERROR;
  }
  process.stdout.write(`Apply complete: ${plural(result.applied, 'change')} applied.\n`);
  return undefined;
}

export const command: Command = {
  name: 'reconcile',
  summary: 'apply those changes and wait until AWS has finished',
  usage: USAGE,
  async run(argv) {
    const flags = parseFlags('reconcile', argv, {
      ...DIR_OPTION,
      ...AWS_OPTIONS,
      yes: { type: 'boolean', default: false },
      'allow-deletes': { type: 'boolean', default: false },
      plan: { type: 'string' },
      verify: { type: 'boolean', default: false },
      'lint-policies': { type: 'boolean', default: false },
      'expired-only': { type: 'boolean', default: false },
      'changed-since': { type: 'string' },
    });
    const ref = flags['changed-since'];
    if (ref !== undefined && flags['expired-only']) throw new UserError('reconcile: --changed-since and --expired-only do not combine');
    const scopedTo = (allowDeletes: boolean) => ({ dir: flags.dir, ref: ref ?? '', allowDeletes });
    // Everything that needs no AWS call is checked first: settings, state files, the plan file.
    const assignmentConcurrency = maxOutstandingAssignments();
    const interruption = new Interruption(interruptWaitMs());
    try {
      const progress = new StderrProgress();
      const desired = await loadDesired(flags.dir, progress);
      const saved = flags.plan !== undefined ? await readSavedPlan(flags.plan) : undefined;
      const ctx = await openAws(awsOptionsFrom(flags), false, progress);
      try {
        if (saved !== undefined && flags.plan !== undefined) checkSavedPlanInstance(saved, flags.plan, ctx.instanceArn);
        const scoped = ref !== undefined ? await planChangedSince(ctx, desired, scopedTo(flags['allow-deletes']), progress) : undefined;
        const live = scoped?.live ?? (await readLive(ctx, desired, progress));
        const { plan: planned, leftOut } = scoped
          ? { plan: scoped.plan, leftOut: [] }
          : flags['expired-only']
            ? planExpiredOnly(desired, live, flags['allow-deletes'], progress)
            : { plan: planAgainst(desired, live, flags['allow-deletes'], progress), leftOut: [] };
        const plan = flags['lint-policies'] ? await lintPolicies(planned, desired, ctx, awsOptionsFrom(flags), progress) : planned;
        if (saved !== undefined && flags.plan !== undefined) checkSavedPlanAgainst(saved, plan, flags.plan, flags.dir);
        reportLeftToDrift(leftOut);
        const whole = wholePlanRefusals(plan);
        if (whole.length > 0) refuse(whole);
        if (plan.changes.length === 0) {
          process.stdout.write(
            flags['expired-only'] ? 'No expired entries to remove.\n' : 'No changes. The live instance matches the state files.\n',
          );
          return EXIT_OK;
        }
        refusePolicyErrors(saved !== undefined ? [saved, plan] : [plan]);
        process.stdout.write(renderText(plan, { color: process.stdout.isTTY === true }));
        if (refusedChanges(plan).length === plan.changes.length) {
          reportRefusedAlone(plan);
          process.stdout.write('Nothing to apply: every change is refused (listed above). Nothing was changed.\n');
          return EXIT_ERROR;
        }
        if (!flags.yes) {
          if (!canAsk())
            throw new UserError('reconcile: no terminal to confirm on; pass --yes to apply without asking. Nothing was changed');
          const answer = await confirm(
            `Apply ${plan.changes.length === 1 ? 'this change' : `these ${plan.changes.length} changes`} to ${ctx.instanceArn}?`,
          );
          if (answer === 'interrupted') interruption.interrupt('SIGINT');
          if (answer !== 'yes') {
            process.stderr.write('Not applied.\n');
            return EXIT_ERROR;
          }
        }
        const failed = await applyAndReport(plan, { live, ctx, progress, interruption, assignmentConcurrency, verbose: flags.verbose });
        if (failed !== undefined) return failed;
        if (flags.verify) {
          const replan = async () => {
            if (ref !== undefined) return (await planChangedSince(ctx, desired, scopedTo(true), progress)).plan;
            const after = await readLive(ctx, desired, progress);
            return flags['expired-only']
              ? planExpiredOnly(desired, after, true, progress).plan
              : planAgainst(desired, after, true, progress);
          };
          const pending = await verify(replan);
          if (pending !== undefined) {
            process.stderr.write(`${pending}\n`);
            return EXIT_ERROR;
          }
          process.stdout.write('Verified: the live instance matches the state files.\n');
        }
        return EXIT_OK;
      } finally {
        ctx.close();
      }
    } finally {
      interruption.dispose();
    }
  },
};
