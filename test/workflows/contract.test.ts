// The workflows' contract: triggers, least privilege, pinned actions, fork safety, and
// that every `sso-gitops` invocation uses a command and flags the CLI really has. The
// workflows run the tool through the repository's own action (`uses: ./`, action.yml):
// its contract is in action.test.ts; the pins and invocations are checked here for both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInvocations, flagsInUsage } from './cli-invocations.js';
import { declaredCommands, usageOf } from './cli-usage.js';
import { loadAction, loadWorkflows, stepsOf, usesOf, type Job, type Step, type Workflow } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const files = loadWorkflows(ROOT);
const { action, text: actionText } = loadAction(ROOT);
const byName = new Map(files.map((f) => [f.file, f.workflow]));
const SAME_REPO = 'github.event.pull_request.head.repo.full_name == github.repository';
const AWS_CREDENTIALS = 'aws-actions/configure-aws-credentials@';

function workflow(file: string): Workflow {
  const w = byName.get(file);
  if (!w) throw new Error(`.github/workflows/${file} is missing`);
  return w;
}

const runsCli = (step: Step, command: string) => cliInvocations(step.run ?? '').some((i) => i.command === command);
/** A step of the repository's own action (action.yml), and the command it runs. */
const actionCommand = (step: Step) => (step.uses === './' ? (typeof step.with?.command === 'string' ? step.with.command : '') : undefined);
const assumesRole = (step: Step) =>
  step.uses?.startsWith(AWS_CREDENTIALS) === true || (actionCommand(step) !== undefined && step.with?.['role-to-assume'] !== undefined);
const usesAws = (job: Job) => (job.steps ?? []).some(assumesRole);
/** Every `uses:` and the text it sits in: the workflows' and action.yml's. */
const allUses = [
  ...files.map(({ file, workflow: w, text }) => ({ file, uses: usesOf(w), text })),
  { file: 'action.yml', uses: action.runs.steps.flatMap((s) => (s.uses ? [s.uses] : [])), text: actionText },
];

describe('workflow triggers', () => {
  it('test runs on every push and pull request', () => {
    expect(Object.keys(workflow('test.yml').on).sort()).toEqual(['pull_request', 'push']);
  });

  it('plan runs on pull requests that touch identity/', () => {
    const on = workflow('plan.yml').on as { pull_request: { paths: string[] } };
    expect(Object.keys(on)).toEqual(['pull_request']);
    expect(on.pull_request.paths).toContain('identity/**');
  });

  it('apply runs on pushes to main that touch identity/, and by hand', () => {
    const on = workflow('apply.yml').on as { push: { branches: string[]; paths: string[] } };
    expect(Object.keys(on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(on.push.branches).toEqual(['main']);
    expect(on.push.paths).toContain('identity/**');
  });

  it('drift runs on a schedule and by hand', () => {
    const on = workflow('drift.yml').on as { schedule: { cron: string }[] };
    expect(Object.keys(on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(on.schedule.length).toBeGreaterThan(0);
  });

  it('expire runs every hour on a schedule, and by hand', () => {
    const on = workflow('expire.yml').on as { schedule: { cron: string }[] };
    expect(Object.keys(on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(on.schedule.map((s) => s.cron)).toEqual([expect.stringMatching(/^\d{1,2} \* \* \* \*$/)]);
  });

  it('new-account runs on the repository dispatch the EventBridge rule sends, and by hand', () => {
    const on = workflow('new-account.yml').on as { repository_dispatch: { types: string[] } };
    expect(Object.keys(on).sort()).toEqual(['repository_dispatch', 'workflow_dispatch']);
    expect(on.repository_dispatch.types).toEqual(['sso-gitops-account-changed']);
  });

  it('no workflow uses pull_request_target or workflow_run (they hand secrets to fork code)', () => {
    for (const { file, workflow: w } of files) {
      expect(Object.keys(w.on), file).not.toContain('pull_request_target');
      expect(Object.keys(w.on), file).not.toContain('workflow_run');
    }
  });
});

describe('apply concurrency', () => {
  it('runs one apply at a time and never cancels one in progress', () => {
    expect(workflow('apply.yml').concurrency).toEqual({ group: 'sso-gitops-apply', 'cancel-in-progress': false });
  });

  it('runs one expire at a time, in a group of its own (a queued hourly run never replaces a pending apply)', () => {
    expect(workflow('expire.yml').concurrency).toEqual({ group: 'sso-gitops-expire', 'cancel-in-progress': false });
  });

  it('new-account reconciles in the same queue as apply, so two reconciles never overlap', () => {
    expect(workflow('new-account.yml').concurrency).toEqual(workflow('apply.yml').concurrency);
  });
});

describe('permissions', () => {
  it('every workflow defaults to contents: read only', () => {
    for (const { file, workflow: w } of files) expect(w.permissions, file).toEqual({ contents: 'read' });
  });

  it('no workflow grants write-all or read-all anywhere', () => {
    for (const { file, text } of files) expect(text, file).not.toMatch(/\b(write-all|read-all)\b/);
  });

  it('each job gets exactly the permissions its job needs', () => {
    const expected: Record<string, Record<string, Record<string, string> | undefined>> = {
      'test.yml': { test: undefined },
      'plan.yml': { plan: { contents: 'read', 'id-token': 'write', 'pull-requests': 'write' } },
      'apply.yml': { apply: { contents: 'read', 'id-token': 'write' } },
      'drift.yml': { drift: { contents: 'read', 'id-token': 'write', issues: 'write' } },
      'expire.yml': { expire: { contents: 'read', 'id-token': 'write' } },
      'new-account.yml': { reconcile: { contents: 'read', 'id-token': 'write' } },
    };
    for (const { file, workflow: w } of files) {
      const actual = Object.fromEntries(Object.entries(w.jobs).map(([name, job]) => [name, job.permissions]));
      expect(actual, file).toEqual(expected[file]);
    }
  });

  it('id-token: write appears exactly in the jobs that assume an AWS role', () => {
    for (const { file, workflow: w } of files) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const idToken = typeof job.permissions === 'object' && job.permissions['id-token'] === 'write';
        expect(idToken, `${file} job ${name}`).toBe(usesAws(job));
      }
    }
  });
});

describe('third-party actions', () => {
  it('every `uses:` is pinned to a full commit SHA with a version comment', () => {
    for (const { file, uses: list, text } of allUses) {
      for (const uses of list) {
        if (uses.startsWith('./')) continue;
        expect(uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        const line = text.split('\n').find((l) => l.includes(uses));
        expect(line, `${file}: ${uses} needs a "# vX.Y.Z" comment`).toMatch(/#\s*v\d+\.\d+\.\d+\s*$/);
      }
    }
  });

  it('each action is pinned to the same commit in every workflow and in action.yml', () => {
    const shaByAction = new Map<string, Set<string>>();
    for (const { uses: list } of allUses) {
      for (const uses of list) {
        const [action = '', sha = ''] = uses.split('@');
        shaByAction.set(action, (shaByAction.get(action) ?? new Set()).add(sha));
      }
    }
    for (const [action, shas] of shaByAction) expect(shas.size, action).toBe(1);
  });
});

describe('AWS access', () => {
  const roleStep = (file: string) => stepsOf(workflow(file)).find(assumesRole);

  it('plan and drift assume the read-only role, apply the apply role, each falling back to SSO_GITOPS_ROLE_ARN', () => {
    expect(roleStep('plan.yml')?.with?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_PLAN_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    expect(roleStep('drift.yml')?.with?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_PLAN_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    expect(roleStep('apply.yml')?.with?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_APPLY_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    for (const file of ['plan.yml', 'drift.yml', 'apply.yml']) expect(roleStep(file)?.with?.region, file).toBe('${{ vars.AWS_REGION }}');
    const { 'allow-deletes': allowDeletes, 'changed-since': changedSince, ...applyRole } = roleStep('apply.yml')?.with ?? {};
    expect(allowDeletes).toBeDefined();
    // a push is applied scoped to what it changed; a new account is reconciled in full
    expect(changedSince).toBeDefined();
    // the event-driven reconcile takes the apply role and never lifts the deletion limit
    expect(roleStep('new-account.yml')?.with).toEqual(applyRole);
  });

  it('expire assumes the apply role (it deletes), falling back to SSO_GITOPS_ROLE_ARN', () => {
    expect(roleStep('expire.yml')?.with?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_APPLY_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    expect(roleStep('expire.yml')?.with?.region).toBe('${{ vars.AWS_REGION }}');
  });

  it('the workflows assume roles only through the action (one place pins configure-aws-credentials)', () => {
    for (const { file, workflow: w } of files)
      expect(
        usesOf(w).filter((u) => u.startsWith(AWS_CREDENTIALS)),
        file,
      ).toEqual([]);
    expect(action.runs.steps.filter((s) => s.uses?.startsWith(AWS_CREDENTIALS))).toHaveLength(1);
  });

  it('forked pull requests get no AWS credentials and no write access to the PR', () => {
    for (const step of stepsOf(workflow('plan.yml'))) {
      const command = actionCommand(step);
      const sensitive =
        step.uses?.startsWith(AWS_CREDENTIALS) ||
        step.uses?.startsWith('actions/github-script@') ||
        runsCli(step, 'plan') ||
        (command !== undefined && command !== 'validate');
      if (sensitive) expect(step.if ?? '', step.name ?? step.uses).toContain(SAME_REPO);
    }
  });

  it('the only step a fork runs through the action is validate, which takes no role', () => {
    const forkSteps = stepsOf(workflow('plan.yml')).filter((s) => actionCommand(s) !== undefined && !(s.if ?? '').includes(SAME_REPO));
    expect(forkSteps.map((s) => s.with)).toEqual([{ command: 'validate' }]);
  });

  it('plan.yml plans, drift.yml runs drift and apply.yml reconciles through the action', () => {
    const commands = (file: string) => stepsOf(workflow(file)).flatMap((s) => actionCommand(s) ?? []);
    expect(commands('plan.yml')).toEqual(['validate', 'plan']);
    expect(commands('drift.yml')).toEqual(['drift']);
    expect(commands('apply.yml')).toEqual(['validate', 'reconcile']);
    expect(commands('new-account.yml')).toEqual(['validate', 'reconcile']);
  });

  it('expire.yml reconciles through the action with expired-only, and nothing else', () => {
    const steps = stepsOf(workflow('expire.yml')).filter((s) => actionCommand(s) !== undefined);
    expect(steps.map((s) => [actionCommand(s), s.with?.['expired-only'], s.with?.['allow-deletes']])).toEqual([
      ['reconcile', 'true', undefined],
    ]);
  });

  it('what the comment and the issue show is the markdown the action wrote (its output)', () => {
    const comment = stepsOf(workflow('plan.yml')).find((s) => s.uses?.startsWith('actions/github-script@'));
    expect(comment?.env?.PLAN_MD).toBe('${{ steps.plan.outputs.markdown }}');
    const issue = stepsOf(workflow('drift.yml')).find((s) => s.uses?.startsWith('actions/github-script@'));
    expect(issue?.env).toEqual({ PLAN_EXITCODE: '${{ steps.plan.outputs.exit-code }}', PLAN_MD: '${{ steps.plan.outputs.markdown }}' });
    const upload = stepsOf(workflow('plan.yml')).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('${{ steps.plan.outputs.plan-json }}');
  });

  it('the PR comment is sticky (found again by its hidden marker) and drift uses one labelled issue', () => {
    expect(files.find((f) => f.file === 'plan.yml')?.text).toContain('<!-- sso-gitops-plan -->');
    const drift = files.find((f) => f.file === 'drift.yml')?.text ?? '';
    expect(drift).toContain("const label = 'drift'");
    expect(drift).toMatch(/issues\.update\(/);
  });
});

describe('sso-gitops invocations', () => {
  const invocations = [
    ...files.flatMap(({ file, workflow: w }) => stepsOf(w).flatMap((s) => cliInvocations(s.run ?? '').map((i) => ({ ...i, file })))),
    ...action.runs.steps.flatMap((s) => cliInvocations(s.run ?? '').map((i) => ({ ...i, file: 'action.yml' }))),
  ];

  it('the action runs validate, plan, reconcile and access (reconcile always with --yes: CI has no terminal)', () => {
    const used = new Set(invocations.filter((i) => i.file === 'action.yml').map((i) => i.command));
    expect([...used].sort()).toEqual(['access', 'plan', 'reconcile', 'validate']);
    expect(invocations.filter((i) => i.command === 'reconcile').every((i) => i.flags.includes('--yes'))).toBe(true);
  });

  it('every invocation names a command of src/cli/main.ts', () => {
    const commands = declaredCommands(ROOT);
    for (const i of invocations) expect(commands, `${i.file}: ${i.line}`).toContain(i.command);
  });

  it("every flag passed appears in that command's usage text", async () => {
    const problems: string[] = [];
    for (const i of invocations) {
      const known = flagsInUsage(await usageOf(ROOT, i.command));
      const unknown = i.flags.filter((f) => !known.has(f));
      if (unknown.length > 0)
        problems.push(`${i.file}: \`${i.line}\` passes ${unknown.join(' ')}, which \`sso-gitops ${i.command} --help\` does not list`);
    }
    expect(problems).toEqual([]);
  });
});

describe('Node versions', () => {
  it('test.yml runs the same commands as .ci/run on Node 22 and 24', () => {
    const ciCommands = readFileSync(`${ROOT}.ci/run`, 'utf8')
      .split('\n')
      .filter((l) => /^npm /.test(l));
    const steps = stepsOf(workflow('test.yml'));
    expect(steps.map((s) => s.run).filter((r): r is string => r?.startsWith('npm ') ?? false)).toEqual(ciCommands);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    const test = workflow('test.yml').jobs.test as { strategy?: { matrix?: { node?: unknown } } };
    expect(test.strategy?.matrix?.node).toEqual([22, 24]);
  });

  it('the action runs the tool on Node 24, and no workflow sets up another Node by itself', () => {
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    for (const file of ['plan.yml', 'apply.yml', 'drift.yml', 'new-account.yml']) {
      expect(
        usesOf(workflow(file)).filter((u) => u.startsWith('actions/setup-node@')),
        file,
      ).toEqual([]);
    }
  });
});
