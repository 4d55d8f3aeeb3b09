// Every `run:` script of the workflows and of action.yml parses as bash.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bashSyntaxError } from './bash-syntax.js';
import { loadAction, loadWorkflows, stepsOf } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const scripts = [
  ...loadWorkflows(ROOT).flatMap(({ file, workflow }) =>
    stepsOf(workflow).map((s) => ({ where: `${file}: ${s.name ?? s.run?.split('\n')[0]}`, run: s.run })),
  ),
  ...loadAction(ROOT).action.runs.steps.map((s) => ({ where: `action.yml: ${s.name ?? ''}`, run: s.run })),
];

describe('run: scripts', () => {
  it('each parses as bash (`bash -n`)', () => {
    const problems = scripts.flatMap(({ where, run }) => {
      const error = run === undefined ? undefined : bashSyntaxError(run);
      return error === undefined ? [] : [`${where}: ${error}`];
    });
    expect(problems).toEqual([]);
  });
});
