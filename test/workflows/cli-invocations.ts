// Finds `sso-gitops <command> --flags` invocations in workflow and action `run:` scripts,
// whether called as `npx [--no-install] sso-gitops`, `node dist/src/cli/main.js` or, at
// the start of a line, as `sso-gitops` on PATH (as action.yml installs it).
export interface CliInvocation {
  command: string;
  flags: string[];
  line: string;
}

const INVOCATION =
  /(?:^\s*sso-gitops|\bnpx\s+(?:--no-install\s+|--yes\s+|-y\s+)*sso-gitops|\bnode\s+(?:\.\/)?dist\/src\/cli\/main\.js)\s+([^\s|;&>]+)([^|;&>]*)/g;

export function cliInvocations(script: string): CliInvocation[] {
  const found: CliInvocation[] = [];
  for (const line of script.split('\n')) {
    for (const m of line.matchAll(INVOCATION)) {
      const command = m[1] ?? '';
      const rest = m[2] ?? '';
      const flags = [...rest.matchAll(/(?:^|\s)(--?[A-Za-z][\w-]*)/g)].map((f) => f[1] ?? '');
      found.push({ command, flags, line: line.trim() });
    }
  }
  return found;
}

/** The long flags a usage text mentions, e.g. `--format` from `[--format text|json]`. */
export function flagsInUsage(usage: string): Set<string> {
  return new Set([...usage.matchAll(/--[a-z][a-z0-9-]*/g)].map((m) => m[0]));
}
