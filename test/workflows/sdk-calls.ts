// Finds the AWS SDK v3 operations the tool calls: every `new <Op>Command(` and
// `paginate<Op>(` in a source file, attributed to the service whose client package the file imports it from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** IAM action prefix of each SDK client package the tool may use. */
export const IAM_PREFIX_BY_PACKAGE: Record<string, string> = {
  '@aws-sdk/client-sso-admin': 'sso',
  '@aws-sdk/client-identitystore': 'identitystore',
  '@aws-sdk/client-organizations': 'organizations',
  // GetCallerIdentity needs no permission on AWS; listed so the policies say every call
  '@aws-sdk/client-sts': 'sts',
  // ValidatePolicy (plan/reconcile --lint-policies)
  '@aws-sdk/client-accessanalyzer': 'access-analyzer',
  // plan --attribute: LookupEvents
  '@aws-sdk/client-cloudtrail': 'cloudtrail',
};

export interface SdkCall {
  /** e.g. `sso:CreateAccountAssignment` */
  action: string;
  /** The import's package, or undefined when it is not imported from a known client package. */
  package: string | undefined;
  commandName: string;
  where: string;
}

/** `import { A, type B, C as D } from 'pkg'` → Map of local name → { package, imported name }. */
function importedNames(source: string): Map<string, { pkg: string; imported: string }> {
  const names = new Map<string, { pkg: string; imported: string }>();
  const importRe = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(importRe)) {
    const [, list = '', pkg = ''] = m;
    for (const raw of list.split(',')) {
      const spec = raw.replace(/\btype\s+/, '').trim();
      if (spec === '') continue;
      const [imported = '', local = imported] = spec.split(/\s+as\s+/).map((s) => s.trim());
      names.set(local, { pkg, imported });
    }
  }
  return names;
}

/** `ListUsersCommand` and `paginateListUsers` → `ListUsers`; anything else → undefined. */
function operationOf(name: string): string | undefined {
  if (name.endsWith('Command') && name.length > 'Command'.length) return name.slice(0, -'Command'.length);
  if (/^paginate[A-Z]/.test(name)) return name.slice('paginate'.length);
  return undefined;
}

/** The SDK calls in one file's text. `fileLabel` only names places in messages. */
export function sdkCallsInSource(source: string, fileLabel: string): SdkCall[] {
  const imports = importedNames(source);
  const calls: SdkCall[] = [];
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    // `new XCommand(` sends X; `paginateX(` (the SDK's paginators) sends X page by page.
    for (const m of line.matchAll(/(\bnew\s+)?\b([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
      const isNew = m[1] !== undefined;
      const local = m[2] ?? '';
      const origin = imports.get(local);
      const imported = origin?.imported ?? local;
      const operation = operationOf(imported);
      if (operation === undefined) continue;
      // A command counts when constructed; a paginator only when imported (not a local helper).
      if (imported.endsWith('Command') ? !isNew : origin === undefined) continue;
      const pkg = origin && origin.pkg in IAM_PREFIX_BY_PACKAGE ? origin.pkg : undefined;
      const prefix = pkg ? IAM_PREFIX_BY_PACKAGE[pkg] : 'unknown';
      calls.push({ action: `${prefix}:${operation}`, package: pkg, commandName: imported, where: `${fileLabel}:${index + 1}` });
    }
  });
  return calls;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every SDK call in the non-test TypeScript files under `dir`. */
export function sdkCallsUnder(dir: string, root: string): SdkCall[] {
  return sourceFiles(dir).flatMap((file) => sdkCallsInSource(readFileSync(file, 'utf8'), relative(root, file)));
}

/** Read operations are the ones named List*, Describe* or Get*, and Validate* (Access
 *  Analyzer's ValidatePolicy analyses the document it is sent and stores nothing);
 *  everything else writes. */
export function isReadAction(action: string): boolean {
  const op = action.slice(action.indexOf(':') + 1);
  return /^(List|Describe|Get|Validate|Lookup)[A-Z]/.test(op);
}
