// reconcile without --yes on a terminal asks, and only "yes" applies. The terminal is a
// pseudo-terminal from util-linux `script`, so the CLI sees isTTY exactly as a person's
// shell would give it.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, hermeticEnv, REPO_ROOT } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

/** Runs `reconcile` (no --yes) on a pseudo-terminal, typing `answer` at its prompt. */
function reconcileOnTerminal(env: Record<string, string>, answer: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `${process.execPath} ${CLI_PATH} reconcile`, '/dev/null'], {
      cwd: REPO_ROOT,
      env: hermeticEnv(env),
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes("Only 'yes' will be accepted")) child.stdin.end(`${answer}\n`);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('reconcile asks on a terminal', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('applies nothing when the answer is not "yes"', async () => {
    sandbox.sandbox.resetStats();
    const run = await reconcileOnTerminal(env, 'y');
    expect(run.output).toContain('Not applied.');
    expect(run.code).toBe(1);
    expect(sandbox.sandbox.stats().writes).toBe(0);
  });

  it('applies the plan when the answer is "yes"', async () => {
    const run = await reconcileOnTerminal(env, 'yes');
    expect(run.output).toContain('Apply complete');
    expect(run.code).toBe(0);
  });
});
