// Extract, AWS-free: a LiveState and the target directory in, the canonical files out.
// The command (src/cli/commands/extract.ts) reads the live state through src/aws and
// hands it here; nothing in src/extract talks to AWS.
//
// Every kind is extracted whatever `settings.manage` says: an unmanaged kind is still
// read by plan and its names must resolve (assignments name SCIM-owned groups), so the
// files describe the whole instance. Only `settings.ignore` leaves objects out.
import type { LiveState } from '../model/live.js';
import { DEFAULT_SETTINGS } from '../model/types.js';
import { ACCOUNTS_FILE, renderAccountsFile } from './accounts-file.js';
import { APPLICATIONS_FILE, extractApplications } from './applications.js';
import { checkNotEmptied, emptyAssignmentReadWarning } from './empty-state.js';
import { readExistingDirectory, type ExistingDirectory } from './existing.js';
import { groupAssignments } from './group.js';
import { INSTANCE_FILE, layoutFiles } from './layout.js';
import { nameLiveState } from './name.js';
import type { ExtractOutput } from './output.js';
import { renderYaml } from './render.js';
import { findSchema, schemaRefs } from './schema-ref.js';
import { writeStateFiles, type WriteSummary } from './write.js';

export function buildExtract(live: LiveState, existing: ExistingDirectory, schemaRefFor: (relative: string) => string): ExtractOutput {
  const naming = nameLiveState(live, existing.ignore);
  const assignments = groupAssignments(naming.model.assignments);
  const files = layoutFiles({
    model: naming.model,
    assignments,
    ...(live.accessControlAttributes !== undefined ? { accessControlAttributes: live.accessControlAttributes } : {}),
    ...(existing.hasSettings ? {} : { newSettings: DEFAULT_SETTINGS }),
    schemaRefFor,
  });
  files.set(ACCOUNTS_FILE, renderAccountsFile(live.accounts, schemaRefFor(ACCOUNTS_FILE)));
  const applications = extractApplications(live, existing.ignore);
  if (applications.yaml) files.set(APPLICATIONS_FILE, renderYaml(schemaRefFor(APPLICATIONS_FILE), applications.yaml));
  const warnings = [...naming.warnings, ...applications.warnings];
  const emptyRead = emptyAssignmentReadWarning(live);
  if (emptyRead) warnings.push(emptyRead);
  for (const overlap of existing.overlappingFiles) {
    // `instance:` overlaps only when this extract writes instance.yaml (the instance has an ABAC configuration)
    const kinds = overlap.kinds.filter((k) => k !== 'instance' || files.has(INSTANCE_FILE));
    if (kinds.length === 0) continue;
    const file = overlap.file;
    warnings.push(
      `${file} (kept) also declares ${kinds.join(', ')}, which extract writes to its own files: merge or remove it, or validate reports duplicates`,
    );
  }
  const m = naming.model;
  return {
    files,
    remove: existing.ownedFiles.filter((f) => !files.has(f)),
    warnings,
    counts: {
      users: m.users.length,
      groups: m.groups.length,
      memberships: m.groups.reduce((n, g) => n + g.members.length, 0),
      permissionSets: m.permissionSets.length,
      assignmentEntries: assignments.length,
      assignments: m.assignments.length,
    },
    ignored: naming.ignored,
  };
}

export interface ExtractOptions {
  /** Write an empty state even over a directory that declares entries (empty-state.ts). */
  force?: boolean;
}

/** Reads the directory, builds the files, writes them; nothing is written if building fails or the guard refuses. */
export async function extractToDirectory(
  dir: string,
  live: LiveState,
  options: ExtractOptions = {},
): Promise<ExtractOutput & { write: WriteSummary }> {
  const existing = await readExistingDirectory(dir);
  const output = buildExtract(live, existing, schemaRefs(dir, await findSchema(dir)));
  if (!options.force) checkNotEmptied(dir, live, existing, output);
  const write = await writeStateFiles(dir, output.files, output.remove);
  return { ...output, write };
}
