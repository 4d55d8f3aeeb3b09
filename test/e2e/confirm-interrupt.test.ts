// Ctrl+C at reconcile's "Apply?" prompt: on a terminal readline reads the key itself
// (raw mode, no signal is sent), so the prompt must turn it into the interrupt: nothing
// was changed, exit 130. The terminal is a pseudo-terminal from util-linux `script`.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, hermeticEnv, REPO_ROOT } from '../helpers/cli.js';
import { startExampleSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('Ctrl+C at the confirmation prompt', () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ sandbox, env } = await startExampleSandbox());
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('changes nothing, says so and exits 130', async () => {
    sandbox.sandbox.resetStats();
    const run = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn('script', ['-qec', `${process.execPath} ${CLI_PATH} reconcile`, '/dev/null'], {
        cwd: REPO_ROOT,
        env: hermeticEnv(env),
      });
      let output = '';
      let typed = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        if (!typed && output.includes("Only 'yes' will be accepted")) {
          typed = true;
          child.stdin.write('\x03');
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.output).toContain('Interrupted by SIGINT before any change was applied; nothing was changed.');
    expect(run.code).toBe(130);
    expect(sandbox.sandbox.stats().writes).toBe(0);
  });
});
