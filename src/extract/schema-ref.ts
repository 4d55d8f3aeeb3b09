// Where the `# yaml-language-server: $schema=` header of an extracted file points: a path
// an editor can open, relative to the file. Two layouts have the schema on disk:
//  - a repository created from the template has schema/identity.schema.json at its root
//    (identity/users.yaml → ../schema/identity.schema.json);
//  - a repository of its own that installs the package has it at
//    node_modules/sso-gitops/schema/identity.schema.json (the package ships schema/).
// The nearest of these at or above the state directory wins; at the same level the
// repository's own schema/ does. Without either (e.g. `npx sso-gitops` without an
// install), the schema's $id: an identifier editors can map, not a file they can open.
import { access } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';

export const SCHEMA_FILE = 'schema/identity.schema.json';
/** Where the schema is in a repository that installs the package (package.json "files": schema). */
export const INSTALLED_SCHEMA_FILE = `node_modules/sso-gitops/${SCHEMA_FILE}`;
export const SCHEMA_ID = 'https://github.com/sso-gitops/sso-gitops/schema/identity.schema.json';

/** The nearest `schema/identity.schema.json` or installed package's schema at or above `dir`, or undefined. */
export async function findSchema(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    for (const file of [SCHEMA_FILE, INSTALLED_SCHEMA_FILE]) {
      const candidate = join(current, file);
      if (await exists(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A function giving the header reference for a file at `relativeFile` inside `dir`. */
export function schemaRefs(dir: string, schemaPath: string | undefined): (relativeFile: string) => string {
  if (schemaPath === undefined) return () => SCHEMA_ID;
  const root = resolve(dir);
  return (relativeFile) =>
    relative(dirname(join(root, relativeFile)), schemaPath)
      .split(sep)
      .join(posix.sep);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false; // not here: the caller looks further
  }
}
