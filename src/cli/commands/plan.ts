// `sso-gitops plan`: what must change to make the live instance match the state files.
// Runs with a read-only view of AWS (src/aws/read-only.ts): it cannot write.
import { writeFile } from 'node:fs/promises';
import { serializePlan } from '../../plan/plan-file.js';
import type { Plan } from '../../plan/types.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderText } from '../../render/text.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK, UserError, type Command } from '../command.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags, parseFormat } from '../options.js';
import { StderrProgress } from '../progress.js';
import { attributeWithCloudTrail, attributionWindow } from '../attribute.js';
import { loadDesired, openAws, planAgainst, planExpiredOnly, printCallStats, readLive } from '../session.js';
import { hasPolicyErrors } from '../../plan/policy-lint.js';
import { lintPolicies } from '../policy-lint.js';
import { planChangedSince } from '../scoped-session.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: sso-gitops plan [options]

Compares the state files with the live Identity Center instance and prints the changes
that reconcile would make. Reads only; changes nothing.

options:
  --dir DIR              state directory (default: identity)
  --format FORMAT        text (default), markdown (PR comment) or json
  --out FILE             also save the plan as JSON, for \`reconcile --plan FILE\`
  --detailed-exitcode    exit 2 when there are changes, 0 when there are none
  --allow-deletes        plan deletions above settings.safety.maxDeletePercent
  --lint-policies        also check every inline policy with IAM Access Analyzer
                         (ValidatePolicy); an ERROR finding fails the plan
  --expired-only         only the removals caused by expiry (what \`reconcile --expired-only\`
                         applies); a note counts the other changes left out
  --attribute            name who made each change in AWS, from CloudTrail (cloudtrail:LookupEvents)
  --attribute-since WHEN look from WHEN: "30d", a date or a date-time (default and earliest: 90 days ago)
  --changed-since REF    plan only the objects the state files changed since the git ref REF
                         (read from AWS by name); the nightly drift check reads everything
  --region R  --profile P  --instance-arn ARN  --verbose (AWS call counts on stderr)

exit codes: 0 no changes (or changes without --detailed-exitcode), 1 error, a plan the
safety rules refuse or an ERROR finding of --lint-policies, 2 changes present (with --detailed-exitcode)`;

export function renderPlan(plan: Plan, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return serializePlan(plan);
    case 'markdown':
      return renderMarkdown(plan, { header: githubHeader() });
    case 'text':
      return renderText(plan, { color });
  }
}

/** Who and what the PR comment is about, from the GitHub Actions environment. */
function githubHeader(): { commit?: string; actor?: string; repository?: string } {
  const env = process.env;
  return {
    ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
    ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
  };
}

async function writePlanFile(file: string, plan: Plan): Promise<void> {
  try {
    await writeFile(file, serializePlan(plan));
  } catch (err) {
    throw new UserError(`plan: cannot write --out ${file} (${err instanceof Error ? err.message : String(err)})`);
  }
}

export const command: Command = {
  name: 'plan',
  summary: 'show the changes that would make a live instance match the state files',
  usage: USAGE,
  async run(argv) {
    const flags = parseFlags('plan', argv, {
      ...DIR_OPTION,
      ...AWS_OPTIONS,
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'detailed-exitcode': { type: 'boolean', default: false },
      'allow-deletes': { type: 'boolean', default: false },
      'lint-policies': { type: 'boolean', default: false },
      'expired-only': { type: 'boolean', default: false },
      attribute: { type: 'boolean', default: false },
      'attribute-since': { type: 'string' },
      'changed-since': { type: 'string' },
    });
    const format = parseFormat('plan', flags.format, FORMATS);
    if (flags['attribute-since'] !== undefined && !flags.attribute) throw new UserError('plan: --attribute-since needs --attribute');
    const window = flags.attribute ? attributionWindow(flags['attribute-since'], new Date()) : undefined;
    if (flags['changed-since'] !== undefined && flags['expired-only'])
      throw new UserError('plan: --changed-since and --expired-only do not combine');
    const progress = new StderrProgress();
    const desired = await loadDesired(flags.dir, progress);
    const ctx = await openAws(awsOptionsFrom(flags), true, progress);
    try {
      const ref = flags['changed-since'];
      const scoped =
        ref !== undefined
          ? await planChangedSince(ctx, desired, { dir: flags.dir, ref, allowDeletes: flags['allow-deletes'] }, progress)
          : undefined;
      const live = scoped?.live ?? (await readLive(ctx, desired, progress));
      const planned = scoped
        ? scoped.plan
        : flags['expired-only']
          ? planExpiredOnly(desired, live, flags['allow-deletes'], progress).plan
          : planAgainst(desired, live, flags['allow-deletes'], progress);
      const plan = flags['lint-policies'] ? await lintPolicies(planned, desired, ctx, awsOptionsFrom(flags), progress) : planned;
      if (window) {
        plan.attributions = await attributeWithCloudTrail(ctx, awsOptionsFrom(flags), plan, live, window, progress);
        progress.endLine();
      }
      if (flags.out !== undefined) await writePlanFile(flags.out, plan);
      process.stdout.write(renderPlan(plan, format, format === 'text' && process.stdout.isTTY === true));
      if (flags.verbose) printCallStats(ctx);
      if (plan.refused.length > 0 || hasPolicyErrors(plan)) return EXIT_ERROR;
      return flags['detailed-exitcode'] && plan.changes.length > 0 ? EXIT_CHANGES : EXIT_OK;
    } finally {
      ctx.close();
    }
  },
};
