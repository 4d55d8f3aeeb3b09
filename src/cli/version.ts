// The tool's version is the one in its own package.json, so `--version` cannot drift from
// what was published. The file is found relative to this module, not the working
// directory: walking up from dist/src/cli/ (a build in this repository) or from
// node_modules/sso-gitops/dist/src/cli/ (an installed package) to the nearest
// package.json named sso-gitops — a user's own package.json further up is not the tool's.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'sso-gitops';

/** The version of the nearest package.json named sso-gitops at or above `from`'s directory. */
export async function packageVersion(from: string | URL = import.meta.url): Promise<string> {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = await readManifest(join(dir, 'package.json'));
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(from)}`);
    dir = parent;
  }
}

async function readManifest(path: string): Promise<{ name?: unknown; version?: unknown } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined; // no package.json here: look further up
  }
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
}
