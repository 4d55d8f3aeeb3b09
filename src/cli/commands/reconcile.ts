// `sso-gitops reconcile`: plan from the live state (or take a saved plan after checking it
// is not stale), refuse what the safety rules refuse, confirm, apply in dependency order.
// With --verify, read the live state again and fail if anything is left to do. That read
// is opt-in: it doubles the calls of a run, and the next plan (or the nightly drift
// check) reads the live state anyway.
import { readFile } from 'node:fs/promises';
import type { LiveState } from '../../model/live.js';
import { liveChecksum } from '../../plan/checksum.js';
import { parsePlanFile } from '../../plan/plan-file.js';
import type { Plan } from '../../plan/types.js';
import { renderText } from '../../render/text.js';
import { applyPlan } from '../apply-run.js';
import { EXIT_ERROR, EXIT_OK, UserError, type Command } from '../command.js';
import { canAsk, confirm } from '../confirm.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags } from '../options.js';
import { StderrProgress } from '../progress.js';
import { loadDesired, openAws, planAgainst, printCallStats, readLive } from '../session.js';

const USAGE = `usage: sso-gitops reconcile [options]

Makes the live Identity Center instance match the state files: computes the plan from
the live state, applies it in dependency order and waits for every asynchronous AWS
request.

options:
  --dir DIR            state directory (default: identity)
  --yes                apply without asking (required when there is no terminal)
  --allow-deletes      allow deletions above settings.safety.maxDeletePercent
  --plan FILE          apply exactly this saved plan (from \`plan --out\`); refused when the
                       live state changed since it was made ("stale plan")
  --verify             afterwards read the live state again and fail if anything is left
                       to do (costs a second full read: on a large organization minutes)
  --region R  --profile P  --instance-arn ARN  --verbose (AWS call counts on stderr)

exit codes: 0 applied (or nothing to do), 1 error, refusal or any failed change`;

async function savedPlan(file: string, live: LiveState): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`reconcile: cannot read plan file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const plan = parsePlanFile(text, file);
  if (plan.instanceArn !== live.instanceArn) {
    throw new UserError(`reconcile: ${file} was made for instance ${plan.instanceArn}, not ${live.instanceArn}; nothing was changed`);
  }
  const now = liveChecksum(live);
  if (plan.liveChecksum !== now) {
    throw new UserError(`reconcile: stale plan: the live state changed since ${file} was made (checksum ${plan.liveChecksum.slice(0, 12)} then, ${now.slice(0, 12)} now); run plan again. Nothing was changed`);
  }
  return plan;
}

function refuse(plan: Plan): void {
  const lines = plan.refused.map((r) => `  - ${r.message}`);
  throw new UserError(`reconcile: the plan is refused by the safety rules; nothing was changed:\n${lines.join('\n')}`);
}

/** Reads the live state again and plans once more: anything left means the run did not converge. */
async function verify(replan: () => Promise<Plan>): Promise<string | undefined> {
  const after = await replan();
  if (after.changes.length === 0) return undefined;
  return `reconcile: ${after.changes.length} change(s) are still pending after applying; run reconcile again:\n${renderText(after, { color: false })}`;
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
    });
    const progress = new StderrProgress();
    const desired = await loadDesired(flags.dir, progress);
    const ctx = await openAws(awsOptionsFrom(flags), false, progress);
    try {
      const live = await readLive(ctx, desired, progress);
      const plan = flags.plan !== undefined ? await savedPlan(flags.plan, live) : planAgainst(desired, live, flags['allow-deletes'], progress);
      if (plan.refused.length > 0) refuse(plan);
      if (plan.changes.length === 0) {
        process.stdout.write('No changes. The live instance matches the state files.\n');
        return EXIT_OK;
      }
      process.stdout.write(renderText(plan, { color: process.stdout.isTTY === true }));
      if (!flags.yes) {
        if (!canAsk()) throw new UserError('reconcile: no terminal to confirm on; pass --yes to apply without asking. Nothing was changed');
        if (!(await confirm(`Apply these ${plan.changes.length} changes to ${ctx.instanceArn}?`))) {
          process.stderr.write('Not applied.\n');
          return EXIT_ERROR;
        }
      }
      const result = await applyPlan(plan, live, ctx, progress);
      if (flags.verbose) printCallStats(ctx);
      if (result.failures.length > 0) {
        process.stderr.write(`${result.failures.length} of ${plan.changes.length} changes failed:\n`);
        for (const f of result.failures) process.stderr.write(`  - ${f.label}: ${f.error}\n`);
        process.stdout.write(`Apply incomplete: ${result.applied} applied, ${result.failures.length} failed. Run reconcile again after fixing the cause; it starts from the live state.\n`);
        return EXIT_ERROR;
      }
      process.stdout.write(`Apply complete: ${result.applied} changes applied.\n`);
      if (flags.verify) {
        const pending = await verify(async () => planAgainst(desired, await readLive(ctx, desired, progress), true, progress));
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
  },
};
