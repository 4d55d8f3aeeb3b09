import { describe, expect, it } from 'vitest';
import { cliInvocations, flagsInUsage } from './cli-invocations.js';

describe('cliInvocations', () => {
  it('finds npx and node invocations with their flags, stopping at redirections and pipes', () => {
    const script = [
      'set +e',
      'npx --no-install sso-gitops plan --detailed-exitcode --format markdown --out plan.json > plan.md',
      'node dist/src/cli/main.js reconcile --yes 2>&1 | tee log',
      '  sso-gitops validate --dir "$STATE_DIR"',
      'echo sso-gitops plan --not-an-invocation',
      'echo "::error::sso-gitops: $SUMMARY"',
    ].join('\n');
    expect(cliInvocations(script).map(({ command, flags }) => ({ command, flags }))).toEqual([
      { command: 'plan', flags: ['--detailed-exitcode', '--format', '--out'] },
      { command: 'reconcile', flags: ['--yes'] },
      { command: 'validate', flags: ['--dir'] },
    ]);
  });

  it('finds nothing in scripts that do not run the CLI', () => {
    expect(cliInvocations('npm ci\nnpm test')).toEqual([]);
  });
});

describe('flagsInUsage', () => {
  it('collects every long flag the usage text mentions', () => {
    const usage = 'usage: sso-gitops plan [--dir identity] [--format text|markdown|json]\n  --detailed-exitcode  exit 2 on changes';
    expect([...flagsInUsage(usage)].sort()).toEqual(['--detailed-exitcode', '--dir', '--format']);
  });
});
