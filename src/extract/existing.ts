// What the target directory already holds, as far as extract cares: the settings (their
// ignore patterns decide what is left out; settings are never rewritten), the files
// extract owns (rewritten or, for sets that no longer exist, removed) and the files the
// user added (kept as they are; a warning when they declare kinds extract also writes,
// because the loader would then see every such entry twice).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../model/types.js';
import { parseStateFile } from '../load/parse-yaml.js';
import { listStateFiles, readStateFile } from '../load/read-files.js';
import { isOwnedFile } from './layout.js';

export interface ExistingDirectory {
  /** Whether some file declares `settings:` (then no settings.yaml is written). */
  hasSettings: boolean;
  ignore: Settings['ignore'];
  /** Owned files present now (relative paths), so that stale ones can be removed. */
  ownedFiles: string[];
  /** User-added state files that declare users, groups, permissionSets or assignments. */
  overlappingFiles: { file: string; kinds: string[] }[];
  /** Entries (users, groups, permission sets, assignments) in the files extract owns, which it replaces. */
  ownedEntries: number;
  /** Entries in the files extract keeps. */
  keptEntries: number;
}

/** An existing directory that extract cannot safely work with (its settings are unreadable). */
export class ExtractSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractSetupError';
  }
}

const EXTRACTED_KINDS = ['users', 'groups', 'permissionSets', 'assignments', 'instance', 'applications'];
// `accounts` is honoured by the live read itself (src/cli/commands/extract.ts): those
// accounts' assignments are never read, so none is written.
const IGNORE_KINDS = ['users', 'groups', 'permissionSets', 'accounts'] as const;

export async function readExistingDirectory(dir: string): Promise<ExistingDirectory> {
  const result: ExistingDirectory = {
    hasSettings: false,
    ignore: { ...DEFAULT_SETTINGS.ignore },
    ownedFiles: [],
    overlappingFiles: [],
    ownedEntries: 0,
    keptEntries: 0,
  };
  if (!(await isDirectory(dir))) return result;
  for (const relative of await listStateFiles(dir)) {
    const owned = isOwnedFile(relative);
    if (owned) result.ownedFiles.push(relative);
    const shown = join(dir, relative);
    const read = readStateFile(shown);
    const parsed = 'text' in read ? parseStateFile(shown, read.text) : undefined;
    const data = parsed?.data;
    if (!data) {
      // An owned file is replaced anyway; a kept file the user must fix may hold settings.
      if (!owned)
        throw new ExtractSetupError(
          `${shown}: cannot be read as a state file (run \`sso-gitops validate\`); extract needs to know whether it declares settings`,
        );
      continue;
    }
    if ('settings' in data) {
      if (owned)
        throw new ExtractSetupError(
          `${shown}: declares settings, but extract rewrites this file; move the settings to settings.yaml first`,
        );
      result.hasSettings = true;
      result.ignore = ignorePatterns(shown, data.settings);
    }
    const kinds = EXTRACTED_KINDS.filter((k) => k in data);
    const entries = kinds.reduce((n, k) => n + (Array.isArray(data[k]) ? data[k].length : 0), 0);
    if (owned) result.ownedEntries += entries;
    else result.keptEntries += entries;
    if (!owned && kinds.length > 0) result.overlappingFiles.push({ file: relative, kinds });
  }
  return result;
}

function ignorePatterns(file: string, settings: unknown): Settings['ignore'] {
  const ignore = isRecord(settings) ? settings.ignore : undefined;
  const out: Settings['ignore'] = { users: [], groups: [], permissionSets: [], accounts: [] };
  if (ignore === undefined || ignore === null) return out;
  if (!isRecord(ignore)) throw new ExtractSetupError(`${file}: settings.ignore must be a mapping`);
  for (const kind of IGNORE_KINDS) {
    const patterns = ignore[kind];
    if (patterns === undefined || patterns === null) continue;
    if (!Array.isArray(patterns) || !patterns.every((p): p is string => typeof p === 'string')) {
      throw new ExtractSetupError(`${file}: settings.ignore.${kind} must be a list of glob patterns`);
    }
    out[kind] = patterns;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
