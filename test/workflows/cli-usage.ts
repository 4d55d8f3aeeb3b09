// What the CLI offers, read from its own source: the command names of main.ts's
// COMMANDS table and each command module's usage text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Command names declared in src/cli/main.ts's COMMANDS table. */
export function declaredCommands(root: string): string[] {
  const source = readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8');
  const table = /const COMMANDS[\s\S]*?\s=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1];
  if (table === undefined) throw new Error('src/cli/main.ts: COMMANDS table not found');
  return [...table.matchAll(/^\s*['"]?([a-z][\w-]*)['"]?\s*:\s*\{/gm)].map((m) => m[1] ?? '');
}

/** The usage text of src/cli/commands/<name>.ts (what `sso-gitops <name> --help` prints). */
export async function usageOf(root: string, name: string): Promise<string> {
  const url = pathToFileURL(join(root, 'src', 'cli', 'commands', `${name}.ts`)).href;
  const mod = (await import(url)) as { command: { usage: string } };
  return mod.command.usage;
}
