// The contract of action.yml (the reusable composite action) and what its scripts do
// with each exit code of the CLI, run with a stand-in CLI (run-step.ts).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runStep } from './run-step.js';
import { loadAction, type Step } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { action } = loadAction(ROOT);

function step(name: string): Step {
  const found = action.runs.steps.find((s) => s.name === name);
  if (!found) throw new Error(`action.yml has no step "${name}"`);
  return found;
}

const planJson = (summary: { add: number; change: number; destroy: number }, refused: unknown[] = []) => ({
  changes: Array.from({ length: summary.add + summary.change + summary.destroy }, () => ({ kind: 'group', action: 'create', name: 'G' })),
  summary,
  refused,
});

describe('action.yml metadata', () => {
  it('is a composite action with the inputs command, state-directory, role-to-assume, region, allow-deletes, lint-policies, expired-only and changed-since', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual([
      'allow-deletes',
      'changed-since',
      'command',
      'expired-only',
      'lint-policies',
      'region',
      'role-to-assume',
      'state-directory',
    ]);
    expect(action.inputs['expired-only']?.default).toBe('false');
    expect(action.inputs.command?.required).toBe(true);
    expect(action.inputs['state-directory']?.default).toBe('identity');
  });

  it('has the outputs exit-code, summary, markdown and plan-json, each read from a step that exists', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'markdown', 'plan-json', 'summary']);
    const ids = new Set(action.runs.steps.flatMap((s) => s.id ?? []));
    for (const [name, output] of Object.entries(action.outputs)) {
      const refs = [...(output.value ?? '').matchAll(/steps\.([\w-]+)\.outputs\./g)].map((m) => m[1] ?? '');
      expect(refs.length, name).toBeGreaterThan(0);
      for (const id of refs) expect(ids, `${name} reads steps.${id}`).toContain(id);
    }
  });

  it('every run: step names its shell and takes inputs through env, never as ${{ }} in the script (no injection)', () => {
    for (const s of action.runs.steps.filter((x) => x.run !== undefined)) {
      expect(s.shell, s.name).toBe('bash');
      expect(s.run, s.name).not.toContain('${{');
    }
  });

  it('installs the tool from its own checkout (github.action_path), not from the caller workspace', () => {
    const install = step('Install sso-gitops') as Step & { 'working-directory'?: string };
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    expect(install.run).toMatch(/npm ci/);
  });

  it('validates before it asks for AWS credentials, and asks only when a role is given', () => {
    const names = action.runs.steps.map((s) => s.name ?? s.uses ?? '');
    expect(names.indexOf('Validate the state files')).toBeLessThan(names.indexOf('Configure AWS credentials (GitHub OIDC)'));
    expect(step('Configure AWS credentials (GitHub OIDC)').if).toBe("inputs.command != 'validate' && inputs.role-to-assume != ''");
  });
});

describe('action.yml: the inputs are checked', () => {
  const check = (env: Record<string, string>) =>
    runStep(step('Check the inputs'), { ROLE: '', REGION: '', ALLOW_DELETES: 'false', ...env });

  it('accepts validate, plan, drift, reconcile and access', () => {
    for (const command of ['validate', 'plan', 'drift', 'reconcile', 'access']) expect(check({ COMMAND: command }).status, command).toBe(0);
  });

  it('rejects an unknown command, naming it', () => {
    const run = check({ COMMAND: 'apply' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("unknown command 'apply'");
  });

  it('rejects a role without a region, and an allow-deletes that is not true or false', () => {
    expect(check({ COMMAND: 'plan', ROLE: 'arn:aws:iam::111122223333:role/r' }).status).toBe(1);
    expect(check({ COMMAND: 'plan', ROLE: 'arn:aws:iam::111122223333:role/r', REGION: 'eu-west-1' }).status).toBe(0);
    expect(check({ COMMAND: 'plan', ALLOW_DELETES: 'yes' }).status).toBe(1);
  });

  it('rejects a lint-policies that is not true or false', () => {
    expect(check({ COMMAND: 'plan', LINT_POLICIES: 'true' }).status).toBe(0);
    const run = check({ COMMAND: 'plan', LINT_POLICIES: 'on' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("lint-policies must be 'true' or 'false', not 'on'");
  });

  it('takes expired-only only for reconcile, only as true or false, and not with allow-deletes', () => {
    expect(check({ COMMAND: 'reconcile', EXPIRED_ONLY: 'true' }).status).toBe(0);
    expect(check({ COMMAND: 'plan', EXPIRED_ONLY: 'false' }).status).toBe(0);
    const wrongCommand = check({ COMMAND: 'drift', EXPIRED_ONLY: 'true' });
    expect([wrongCommand.status, wrongCommand.stdout]).toEqual([
      1,
      expect.stringContaining("expired-only applies to command reconcile, not 'drift'"),
    ]);
    const withDeletes = check({ COMMAND: 'reconcile', EXPIRED_ONLY: 'true', ALLOW_DELETES: 'true' });
    expect([withDeletes.status, withDeletes.stdout]).toEqual([1, expect.stringContaining('expired-only does not take allow-deletes')]);
    expect(check({ COMMAND: 'reconcile', EXPIRED_ONLY: 'yes' }).status).toBe(1);
  });
});

describe('action.yml: validate', () => {
  it('fails the action on invalid state files, with exit-code 1 and the directory in the summary', () => {
    const run = runStep(step('Validate the state files'), { STATE_DIR: 'state' }, { code: 1 });
    expect(run.status).toBe(1);
    expect(run.calls).toEqual(['validate --dir state']);
    expect(run.outputs).toEqual({ 'exit-code': '1', summary: 'the state files in state are invalid' });
  });
});

describe('action.yml: plan and drift', () => {
  const plan = (command: string, cli: Parameters<typeof runStep>[2], allowDeletes = 'false') =>
    runStep(step('Plan'), { COMMAND: command, STATE_DIR: 'identity', ALLOW_DELETES: allowDeletes }, cli);

  it('a plan with changes: exit-code 2, the counts as summary, the markdown in a file and the job summary', () => {
    const run = plan('plan', { code: 2, stdout: '### sso-gitops plan: 1 to add\n', planJson: planJson({ add: 1, change: 2, destroy: 0 }) });
    expect(run.status).toBe(0);
    expect(run.outputs['exit-code']).toBe('2');
    expect(run.outputs.summary).toBe('1 to add, 2 to change, 0 to destroy');
    expect(run.read(run.outputs.markdown ?? '')).toBe('### sso-gitops plan: 1 to add\n');
    expect(run.summary).toBe('### sso-gitops plan: 1 to add\n');
    expect(run.outputs['plan-json']).toMatch(/plan\.json$/);
    expect(run.calls).toEqual([`plan --dir identity --detailed-exitcode --format markdown --out ${run.outputs['plan-json'] ?? ''}`]);
  });

  it('no changes: exit-code 0 and the summary "no changes"', () => {
    const run = plan('plan', { code: 0, stdout: 'no changes\n', planJson: planJson({ add: 0, change: 0, destroy: 0 }) });
    expect([run.outputs['exit-code'], run.outputs.summary]).toEqual(['0', 'no changes']);
  });

  it('a refused plan stays exit code 1 for plan, and the summary says it was refused', () => {
    const refused = [{ rule: 'max-delete-percent', message: 'too many deletes' }];
    const run = plan('plan', { code: 1, stdout: '### refused\n', planJson: planJson({ add: 0, change: 0, destroy: 9 }, refused) });
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.summary).toBe('0 to add, 0 to change, 9 to destroy; refused by the safety rules');
  });

  it('for drift a refused plan (exit 1 with a plan written) is drift: exit-code 2', () => {
    const refused = [{ rule: 'max-delete-percent', message: 'too many deletes' }];
    const run = plan('drift', { code: 1, stdout: '### refused\n', planJson: planJson({ add: 0, change: 0, destroy: 9 }, refused) });
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('for drift an error with nothing written stays exit-code 1, and the summary says the plan failed', () => {
    const run = plan('drift', { code: 1, stderr: 'error: no credentials\n' });
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.summary).toBe('plan failed (exit code 1)');
  });

  it('passes --allow-deletes only when asked', () => {
    const run = plan('plan', { code: 0, planJson: planJson({ add: 0, change: 0, destroy: 0 }) }, 'true');
    expect(run.calls[0]).toMatch(/^plan --dir identity --detailed-exitcode --allow-deletes /);
  });

  it('passes --lint-policies only when asked, and an ERROR finding shows in the summary', () => {
    const withErrors = {
      ...planJson({ add: 1, change: 0, destroy: 0 }),
      policyFindings: [{ permissionSet: 'A', findings: [{ findingType: 'ERROR', issueCode: 'X', message: 'm', locations: [] }] }],
    };
    const cli = { code: 1, planJson: withErrors };
    const run = runStep(step('Plan'), { COMMAND: 'plan', STATE_DIR: 'identity', ALLOW_DELETES: 'false', LINT_POLICIES: 'true' }, cli);
    expect(run.calls[0]).toMatch(/^plan --dir identity --detailed-exitcode --lint-policies --format markdown /);
    expect(run.outputs.summary).toBe('1 to add, 0 to change, 0 to destroy; errors in inline policies (IAM Access Analyzer)');
    expect(plan('plan', { code: 0, planJson: planJson({ add: 0, change: 0, destroy: 0 }) }).calls[0]).not.toContain('--lint-policies');
  });
});

describe('action.yml: reconcile', () => {
  const reconcile = (cli: Parameters<typeof runStep>[2]) =>
    runStep(step('Reconcile'), { STATE_DIR: 'identity', ALLOW_DELETES: 'false' }, cli);

  it("applied: exit-code 0, reconcile's last line as summary, a 'done' markdown", () => {
    const run = reconcile({ code: 0, stdout: '+ group "G"\nApply complete: 3 changes applied.\n' });
    expect(run.calls).toEqual(['reconcile --dir identity --yes']);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs.summary).toBe('Apply complete: 3 changes applied.');
    expect(run.read(run.outputs.markdown ?? '')).toMatch(/^## sso-gitops reconcile: done\n/);
  });

  it('failed: the exit code, the "Apply incomplete" line, and the last lines of the log in the markdown', () => {
    const run = reconcile({
      code: 1,
      stdout: 'Apply incomplete: 2 applied, 1 failed. Run reconcile again.\n',
      stderr: 'AccessDenied on CreateGroup\n',
    });
    expect(run.status).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.summary).toBe('Apply incomplete: 2 applied, 1 failed. Run reconcile again.');
    const md = run.read(run.outputs.markdown ?? '');
    expect(md).toContain('## sso-gitops reconcile: failed (exit code 1)');
    expect(md).toContain('AccessDenied on CreateGroup');
  });

  it('expired-only: reconcile --expired-only, and the result reported like any reconcile', () => {
    const run = runStep(
      step('Reconcile'),
      { STATE_DIR: 'identity', ALLOW_DELETES: 'false', EXPIRED_ONLY: 'true' },
      { code: 0, stdout: 'Apply complete: 2 changes applied.\n', stderr: 'reconcile --expired-only: 1 other change found\n' },
    );
    expect(run.calls).toEqual(['reconcile --dir identity --yes --expired-only']);
    expect([run.outputs['exit-code'], run.outputs.summary]).toEqual(['0', 'Apply complete: 2 changes applied.']);
  });

  it('failed before applying anything: the summary says so with the code', () => {
    const run = reconcile({ code: 1, stderr: 'error: profile "x" is not defined\n' });
    expect(run.outputs.summary).toBe('reconcile failed (exit code 1)');
  });
});

describe('action.yml: which exit codes fail the action', () => {
  const fail = (command: string, code: number) =>
    runStep(step('Fail on an error'), { COMMAND: command, CODE: String(code), SUMMARY: 's' }).status;

  it('plan and drift: 0 and 2 pass, 1 fails with its code', () => {
    for (const command of ['plan', 'drift']) {
      expect([fail(command, 0), fail(command, 2), fail(command, 1)], command).toEqual([0, 0, 1]);
    }
  });

  it('reconcile: only 0 passes (an interrupted run, 130, fails with its code)', () => {
    expect([fail('reconcile', 0), fail('reconcile', 2), fail('reconcile', 130)]).toEqual([0, 2, 130]);
  });
});

describe('action.yml: access', () => {
  const access = (cli: Parameters<typeof runStep>[2]) => runStep(step('Access'), { STATE_DIR: 'identity' }, cli);
  const markdown = '## Effective access\n\n3 people on 2 accounts, 8 grants, from the state files.\n\n### prod (111111111111)\n';

  it('writes the markdown to a file and the job summary, with its count line as summary', () => {
    const run = access({ code: 0, stdout: markdown });
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['access --dir identity --format markdown']);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs.summary).toBe('3 people on 2 accounts, 8 grants, from the state files.');
    expect(run.read(run.outputs.markdown ?? '')).toBe(markdown);
    expect(run.summary).toBe(markdown);
  });

  it('a failed access run: its exit code, a summary that says so, nothing in the job summary', () => {
    const run = access({ code: 1, stderr: 'error: no credentials\n' });
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.summary).toBe('access failed (exit code 1)');
    expect(run.summary).toBe('');
  });

  it('fails the action when access failed', () => {
    const run = runStep(step('Fail on an error'), { COMMAND: 'access', CODE: '1', SUMMARY: 'access failed (exit code 1)' });
    expect(run.status).toBe(1);
  });
});

describe('action.yml: changed-since (scoped plans)', () => {
  const check = (env: Record<string, string>) =>
    runStep(step('Check the inputs'), { ROLE: '', REGION: '', ALLOW_DELETES: 'false', ...env }, { code: 0 });
  const cli = { code: 0, planJson: planJson({ add: 0, change: 0, destroy: 0 }) };

  it('takes changed-since for plan and reconcile only, and not with expired-only (drift reads everything)', () => {
    expect(check({ COMMAND: 'plan', CHANGED_SINCE: 'abc123' }).status).toBe(0);
    expect(check({ COMMAND: 'reconcile', CHANGED_SINCE: 'abc123' }).status).toBe(0);
    const drift = check({ COMMAND: 'drift', CHANGED_SINCE: 'abc123' });
    expect([drift.status, drift.stdout]).toEqual([1, expect.stringContaining("changed-since applies to plan and reconcile, not 'drift'")]);
    const expiry = check({ COMMAND: 'reconcile', CHANGED_SINCE: 'abc123', EXPIRED_ONLY: 'true' });
    expect([expiry.status, expiry.stdout]).toEqual([1, expect.stringContaining('changed-since does not combine with expired-only')]);
  });

  it('passes --changed-since to plan and reconcile when given, and plans everything for empty or all-zero refs', () => {
    const plan = (ref: string) =>
      runStep(step('Plan'), { COMMAND: 'plan', STATE_DIR: 'identity', ALLOW_DELETES: 'false', CHANGED_SINCE: ref }, cli).calls[0];
    expect(plan('abc123')).toMatch(/^plan --dir identity --detailed-exitcode --format markdown --out \S+ --changed-since abc123$/);
    expect(plan('')).not.toContain('--changed-since');
    expect(plan('0000000000000000000000000000000000000000')).not.toContain('--changed-since');
    const reconcile = runStep(step('Reconcile'), { STATE_DIR: 'identity', ALLOW_DELETES: 'false', CHANGED_SINCE: 'abc123' }, { code: 0 });
    expect(reconcile.calls).toEqual(['reconcile --dir identity --yes --changed-since abc123']);
  });
});
