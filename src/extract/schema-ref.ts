// Where the `# yaml-language-server: $schema=` header of an extracted file points. The
// repository is a template with schema/identity.schema.json at its root, so the header is
// the relative path from the file to the nearest such schema above the state directory
// (identity/users.yaml → ../schema/identity.schema.json). Without one, the schema's $id.
import { access } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';

export const SCHEMA_FILE = 'schema/identity.schema.json';
export const SCHEMA_ID = 'https://github.com/sso-gitops/sso-gitops/schema/identity.schema.json';

/** The nearest `schema/identity.schema.json` at or above `dir`, or undefined. */
export async function findSchema(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, SCHEMA_FILE);
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not here: look one level up
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
  return (relativeFile) => relative(dirname(join(root, relativeFile)), schemaPath).split(sep).join(posix.sep);
}
