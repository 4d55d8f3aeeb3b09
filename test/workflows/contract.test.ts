// The workflows' contract: triggers, least privilege, pinned actions, fork safety, and
// that every `sso-gitops` invocation uses a command and flags the CLI really has.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliInvocations, flagsInUsage } from './cli-invocations.js';
import { declaredCommands, usageOf } from './cli-usage.js';
import { loadWorkflows, stepsOf, usesOf, type Job, type Step, type Workflow } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const files = loadWorkflows(ROOT);
const byName = new Map(files.map((f) => [f.file, f.workflow]));
const SAME_REPO = 'github.event.pull_request.head.repo.full_name == github.repository';
const AWS_CREDENTIALS = 'aws-actions/configure-aws-credentials@';

function workflow(file: string): Workflow {
  const w = byName.get(file);
  if (!w) throw new Error(`.github/workflows/${file} is missing`);
  return w;
}

const runsCli = (step: Step, command: string) => cliInvocations(step.run ?? '').some((i) => i.command === command);
const usesAws = (job: Job) => (job.steps ?? []).some((s) => s.uses?.startsWith(AWS_CREDENTIALS));

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
    for (const { file, workflow: w, text } of files) {
      for (const uses of usesOf(w)) {
        if (uses.startsWith('./')) continue;
        expect(uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        const line = text.split('\n').find((l) => l.includes(uses));
        expect(line, `${file}: ${uses} needs a "# vX.Y.Z" comment`).toMatch(/#\s*v\d+\.\d+\.\d+\s*$/);
      }
    }
  });

  it('each action is pinned to the same commit in every workflow', () => {
    const shaByAction = new Map<string, Set<string>>();
    for (const { workflow: w } of files) {
      for (const uses of usesOf(w)) {
        const [action = '', sha = ''] = uses.split('@');
        shaByAction.set(action, (shaByAction.get(action) ?? new Set()).add(sha));
      }
    }
    for (const [action, shas] of shaByAction) expect(shas.size, action).toBe(1);
  });
});

describe('AWS access', () => {
  const roleOf = (file: string) => stepsOf(workflow(file)).find((s) => s.uses?.startsWith(AWS_CREDENTIALS))?.with;

  it('plan and drift assume the read-only role, apply the apply role, each falling back to SSO_GITOPS_ROLE_ARN', () => {
    expect(roleOf('plan.yml')?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_PLAN_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    expect(roleOf('drift.yml')?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_PLAN_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    expect(roleOf('apply.yml')?.['role-to-assume']).toBe('${{ vars.SSO_GITOPS_APPLY_ROLE_ARN || vars.SSO_GITOPS_ROLE_ARN }}');
    for (const file of ['plan.yml', 'drift.yml', 'apply.yml']) expect(roleOf(file)?.['aws-region'], file).toBe('${{ vars.AWS_REGION }}');
  });

  it('forked pull requests get no AWS credentials and no write access to the PR', () => {
    for (const step of stepsOf(workflow('plan.yml'))) {
      const sensitive = step.uses?.startsWith(AWS_CREDENTIALS) || step.uses?.startsWith('actions/github-script@') || runsCli(step, 'plan');
      if (sensitive) expect(step.if ?? '', step.name ?? step.uses).toContain(SAME_REPO);
    }
  });

  it('a plan with changes (exit code 2) does not fail the job, any other non-zero code does', () => {
    for (const file of ['plan.yml', 'drift.yml']) {
      const step = stepsOf(workflow(file)).find((s) => runsCli(s, 'plan'));
      expect(step?.run, file).toMatch(/--detailed-exitcode/);
      expect(step?.run, file).toMatch(/set \+e/);
      expect(step?.run, file).toMatch(/-ne 0 \] && \[ "\$code" -ne 2/);
    }
  });

  it('the PR comment is sticky (found again by its hidden marker) and drift uses one labelled issue', () => {
    expect(files.find((f) => f.file === 'plan.yml')?.text).toContain('<!-- sso-gitops-plan -->');
    const drift = files.find((f) => f.file === 'drift.yml')?.text ?? '';
    expect(drift).toContain("const label = 'drift'");
    expect(drift).toMatch(/issues\.update\(/);
  });
});

describe('sso-gitops invocations', () => {
  const invocations = files.flatMap(({ file, workflow: w }) =>
    stepsOf(w).flatMap((s) => cliInvocations(s.run ?? '').map((i) => ({ ...i, file }))),
  );

  it('the workflows run validate, plan and reconcile', () => {
    const used = new Set(invocations.map((i) => `${i.file} ${i.command}`));
    for (const expected of ['plan.yml validate', 'plan.yml plan', 'apply.yml validate', 'apply.yml reconcile', 'drift.yml plan']) {
      expect(used).toContain(expected);
    }
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
      if (unknown.length > 0) problems.push(`${i.file}: \`${i.line}\` passes ${unknown.join(' ')}, which \`sso-gitops ${i.command} --help\` does not list`);
    }
    expect(problems).toEqual([]);
  });
});

describe('test workflow', () => {
  it('runs the same commands as .ci/run on Node 20', () => {
    const ciCommands = readFileSync(`${ROOT}.ci/run`, 'utf8').split('\n').filter((l) => /^npm /.test(l));
    const steps = stepsOf(workflow('test.yml'));
    expect(steps.map((s) => s.run).filter((r): r is string => r?.startsWith('npm ') ?? false)).toEqual(ciCommands);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
  });
});
