// Loads the desired state from a state directory: every *.yaml file below it is read,
// parsed with positions, checked against the JSON Schema, turned into model objects,
// merged, and checked by the cross-reference rules. All problems of all files are
// collected, so one run reports everything; a state is returned only without errors.
import { stat } from 'node:fs/promises';
import { compareDiagnostics, type DesiredState, type Diagnostic } from '../model/types.js';
import { buildFileModel, unparsedFileModel, type FileModel } from './build-model.js';
import { mergeFiles } from './merge.js';
import { parseStateFile } from './parse-yaml.js';
import { checkPermissionSetLimits } from './permission-set-rules.js';
import { checkPreviousNames } from './previous-names.js';
import { listStateFiles, readStateFile } from './read-files.js';
import { adoptDeclaredSpellings, checkReferences } from './rules.js';
import { checkSchema } from './schema-check.js';
import { SourceMap } from './source.js';

export interface LoadResult {
  /** Present exactly when no diagnostic is an error. */
  state?: DesiredState;
  /** Errors and warnings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

export async function loadState(dir: string): Promise<LoadResult> {
  const problem = await directoryProblem(dir);
  if (problem !== undefined) return { diagnostics: [{ severity: 'error', message: problem }] };
  let files: string[];
  try {
    files = await listStateFiles(dir);
  } catch (err) {
    return { diagnostics: [{ severity: 'error', message: `cannot list state files in "${dir}": ${errorText(err)}` }] };
  }
  // an empty state must never reach `plan`: it would mean "delete everything"
  if (files.length === 0) return { diagnostics: [{ severity: 'error', message: `no state files (*.yaml) in "${dir}"` }] };

  const sources = new SourceMap();
  const diagnostics: Diagnostic[] = [];
  // problems that stop a file from being parsed at all: reported first, before anything
  // they may have caused elsewhere
  const parseErrors: Diagnostic[] = [];
  const models: FileModel[] = [];
  for (const relative of files) {
    const model = loadFile(displayPath(dir, relative), sources, diagnostics, parseErrors);
    if (model) models.push(model);
  }
  const merged = mergeFiles(models, files);
  diagnostics.push(
    ...merged.diagnostics,
    ...checkReferences(merged, sources),
    ...checkPermissionSetLimits(merged.state.permissionSets, sources),
  );
  diagnostics.push(...checkPreviousNames(merged.state.groups, sources));

  adoptDeclaredSpellings(merged);
  const { state } = merged;
  const empty = state.users.length + state.groups.length + state.permissionSets.length + state.assignments.length === 0;
  if (empty && parseErrors.length === 0 && !diagnostics.some(isError)) {
    diagnostics.push({ severity: 'error', message: `no users, groups, permissionSets or assignments in "${dir}"` });
  }
  diagnostics.sort(compareDiagnostics);
  diagnostics.unshift(...parseErrors.sort(compareDiagnostics));
  return diagnostics.some(isError) ? { diagnostics } : { state, diagnostics };
}

/**
 * Reads, parses, schema-checks and models one file. Its problems go to `diagnostics`,
 * or to `parseErrors` when the file cannot be parsed (it is then modelled as declaring
 * nothing, with the kinds it may have declared unreadable).
 */
function loadFile(file: string, sources: SourceMap, diagnostics: Diagnostic[], parseErrors: Diagnostic[]): FileModel | undefined {
  let read;
  try {
    read = readStateFile(file);
  } catch (err) {
    parseErrors.push({ severity: 'error', message: `cannot read file: ${errorText(err)}`, pos: { file, line: 1, col: 1 } });
    return unparsedFileModel(file, undefined);
  }
  if ('diagnostic' in read) {
    parseErrors.push(read.diagnostic);
    return unparsedFileModel(file, undefined);
  }
  const parsed = parseStateFile(file, read.text);
  if (parsed.diagnostics.some(isError)) {
    parseErrors.push(...parsed.diagnostics.filter(isError));
    diagnostics.push(...parsed.diagnostics.filter((d) => !isError(d)));
    return unparsedFileModel(file, read.text);
  }
  diagnostics.push(...parsed.diagnostics);
  if (parsed.data === undefined) return undefined;
  const schema = checkSchema(parsed.data, parsed.source);
  diagnostics.push(...schema.diagnostics);
  const model = buildFileModel(parsed.data, parsed.source, schema.invalidPaths, sources);
  // the model carries its positions now; the rules after merging rarely need the document
  parsed.source.release();
  return model;
}

async function directoryProblem(dir: string): Promise<string | undefined> {
  try {
    const info = await stat(dir);
    return info.isDirectory() ? undefined : `"${dir}" is not a directory; --dir names the state directory`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `state directory "${dir}" does not exist` : `cannot read state directory "${dir}": ${errorText(err)}`;
  }
}

/** `<dir>/<relative>` with dir exactly as the user typed it, so messages match the command line. */
export function displayPath(dir: string, relative: string): string {
  return dir.endsWith('/') ? `${dir}${relative}` : `${dir}/${relative}`;
}

const isError = (d: Diagnostic): boolean => d.severity === 'error';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
