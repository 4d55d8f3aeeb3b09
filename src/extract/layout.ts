// The canonical layout extract writes (docs/state-format.md), as relative path → text:
//   users.yaml, groups.yaml (members inline), permission-sets/<Name>.yaml (one per set),
//   assignments.yaml, instance.yaml only when the instance has an ABAC configuration, and
//   settings.yaml only when no file declares settings yet.
import { posix } from 'node:path';
import type { AccessControlAttribute, AssignmentEntry, Settings } from '../model/types.js';
import { APPLICATIONS_FILE } from './applications.js';
import type { NamedExtract } from './name.js';
import { renderAssignments, renderGroups, renderInstance, renderPermissionSet, renderSettings, renderUsers, renderYaml } from './render.js';

export const USERS_FILE = 'users.yaml';
export const GROUPS_FILE = 'groups.yaml';
export const ASSIGNMENTS_FILE = 'assignments.yaml';
export const SETTINGS_FILE = 'settings.yaml';
export const INSTANCE_FILE = 'instance.yaml';
export const PERMISSION_SETS_DIR = 'permission-sets';

/** Files extract owns outright: rewritten on every run, whatever they held before. */
export function isOwnedFile(relative: string): boolean {
  return (
    relative === USERS_FILE ||
    relative === GROUPS_FILE ||
    relative === ASSIGNMENTS_FILE ||
    relative === INSTANCE_FILE ||
    relative === APPLICATIONS_FILE ||
    (posix.dirname(relative) === PERMISSION_SETS_DIR && /\.ya?ml$/i.test(relative))
  );
}

export interface LayoutInput {
  model: NamedExtract;
  assignments: AssignmentEntry[];
  /** The live ABAC configuration; undefined when the instance has none (then no instance.yaml). */
  accessControlAttributes?: readonly AccessControlAttribute[];
  /** Settings to write as settings.yaml; undefined when the directory already declares settings. */
  newSettings?: Settings;
  /** The `$schema` reference for a file at a relative path (relative paths differ per depth). */
  schemaRefFor(relative: string): string;
}

/** Permission set names are [\w+=,.@-]{1,32}, which are all safe file names. */
export function permissionSetFile(name: string): string {
  if (!/^[\w+=,.@-]{1,32}$/.test(name))
    throw new Error(`permission set name "${name}" is not a valid Identity Center name; cannot name its file`);
  return `${PERMISSION_SETS_DIR}/${name}.yaml`;
}

export function layoutFiles(input: LayoutInput): Map<string, string> {
  const files = new Map<string, string>();
  const put = (relative: string, content: Parameters<typeof renderYaml>[1]) =>
    files.set(relative, renderYaml(input.schemaRefFor(relative), content));
  put(USERS_FILE, renderUsers(input.model.users));
  put(GROUPS_FILE, renderGroups(input.model.groups));
  for (const set of input.model.permissionSets) put(permissionSetFile(set.name), renderPermissionSet(set));
  put(ASSIGNMENTS_FILE, renderAssignments(input.assignments));
  if (input.accessControlAttributes !== undefined) put(INSTANCE_FILE, renderInstance(input.accessControlAttributes));
  if (input.newSettings) put(SETTINGS_FILE, renderSettings(input.newSettings));
  return files;
}
