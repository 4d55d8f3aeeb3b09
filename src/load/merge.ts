// Merges what the files declare into one desired state. Every kind may be spread over
// any number of files; a name declared twice (names differing only in case are one name)
// is an error that names both places, and only one file may hold `settings:` or `instance:`
// (two would silently override each other).
import type { AccountPin, Diagnostic, DesiredState, SourcePos } from '../model/types.js';
import { DEFAULT_SETTINGS } from '../model/types.js';
import { mergeApplicationEntries } from './applications.js';
import type { FileModel, ListKind, NamedKind } from './build-model.js';

/**
 * Declared names of one kind by their lower-case form: names that differ only in case
 * are one name (AWS may compare them either way), so a reference is looked up
 * case-insensitively and answered with the spelling of the declaration.
 */
export interface DeclaredNames {
  /** lower-case form → the first declared spelling */
  byKey: Map<string, string>;
  /** the spellings of `byKey`: a reference spelled as declared (nearly all of them, 90,000
   *  at L size, looked up twice) is answered without lower-casing it */
  spellings: Set<string>;
}

/** The declared spelling of `name`, ignoring case, or undefined. */
export function declaredSpelling(declared: DeclaredNames, name: string): string | undefined {
  // a spelling is stored under its own lower-case form, so it answers itself
  return declared.spellings.has(name) ? name : declared.byKey.get(name.toLowerCase());
}

/** The names of one kind, loaded ones first: the first spelling of each name is the declared one. */
export function declaredNames(loaded: readonly string[], rejected: readonly string[]): DeclaredNames {
  const byKey = new Map<string, string>();
  for (const list of [loaded, rejected]) {
    for (const name of list) {
      const key = name.toLowerCase();
      if (!byKey.has(key)) byKey.set(key, name);
    }
  }
  return { byKey, spellings: new Set(byKey.values()) };
}

/** The merged state plus what the rules need to know about entries that did not load. */
export interface MergedState {
  state: DesiredState;
  /** Every declared name per kind, including entries the schema rejected. */
  declared: Record<NamedKind, DeclaredNames>;
  /** Kinds (or settings) that some file declares in an unreadable form: references to them are not checked. */
  unreadable: Set<ListKind | 'settings'>;
  diagnostics: Diagnostic[];
}

const KIND_LABEL: Record<NamedKind, string> = { users: 'user', groups: 'group', permissionSets: 'permission set' };

export function mergeFiles(models: FileModel[], files: string[]): MergedState {
  const diagnostics: Diagnostic[] = models.flatMap((m) => m.diagnostics);
  const unreadable = new Set(models.flatMap((m) => [...m.unreadable]));
  const state: DesiredState = {
    users: uniqueByName(
      'users',
      models.flatMap((m) => m.users),
      (u) => u.userName,
      diagnostics,
    ),
    groups: uniqueByName(
      'groups',
      models.flatMap((m) => m.groups),
      (g) => g.name,
      diagnostics,
    ),
    permissionSets: uniqueByName(
      'permissionSets',
      models.flatMap((m) => m.permissionSets),
      (p) => p.name,
      diagnostics,
    ),
    assignments: models.flatMap((m) => m.assignments),
    settings: DEFAULT_SETTINGS,
    hasSettings: false,
    files,
    ...accountPins(models, diagnostics),
  };
  const settingsFile = singleDeclaration(models, (m) => m.settingsPos, 'settings are', diagnostics);
  if (settingsFile) {
    state.hasSettings = true;
    if (settingsFile.settings) state.settings = settingsFile.settings;
  }
  const instanceFile = singleDeclaration(models, (m) => m.instancePos, 'instance is', diagnostics);
  if (instanceFile?.instance) state.instance = instanceFile.instance;
  const applications = mergeApplicationEntries(
    models.map((m) => m.applications),
    diagnostics,
  );
  if (applications !== undefined) state.applications = applications;
  const declared = {
    users: declaredNames(
      state.users.map((u) => u.userName),
      models.flatMap((m) => m.rejectedNames.users),
    ),
    groups: declaredNames(
      state.groups.map((g) => g.name),
      models.flatMap((m) => m.rejectedNames.groups),
    ),
    permissionSets: declaredNames(
      state.permissionSets.map((p) => p.name),
      models.flatMap((m) => m.rejectedNames.permissionSets),
    ),
  };
  return { state, declared, unreadable, diagnostics };
}

/**
 * Keeps the first entry of each name; every later one is an error pointing back at the
 * first. Names that differ only in case are the same name: AWS may treat them as one
 * (a CreateGroup of "ADMINS" beside "Admins" conflicts), and the tool must be right
 * whichever way it compares.
 */
function uniqueByName<T extends { pos?: SourcePos }>(
  kind: NamedKind,
  items: T[],
  nameOf: (item: T) => string,
  diagnostics: Diagnostic[],
): T[] {
  const firstByName = new Map<string, T>();
  for (const item of items) {
    const name = nameOf(item);
    const key = name.toLowerCase();
    const first = firstByName.get(key);
    if (!first) {
      firstByName.set(key, item);
      continue;
    }
    const where = first.pos ? `${first.pos.file}:${first.pos.line}:${first.pos.col}` : 'another file';
    const firstName = nameOf(first);
    const message =
      firstName === name
        ? `${KIND_LABEL[kind]} "${name}" is declared twice (first at ${where})`
        : `${KIND_LABEL[kind]} "${name}" is declared twice: names that differ only in case are the same name (first at ${where} as "${firstName}")`;
    diagnostics.push({ severity: 'error', message, ...(item.pos ? { pos: item.pos } : {}) });
  }
  return [...firstByName.values()];
}

/** The first file that declares something only one file may declare (`settings:`,
 *  `instance:`); every other declaration is an error pointing back at the first. */
function singleDeclaration(
  models: readonly FileModel[],
  posOf: (m: FileModel) => SourcePos | undefined,
  what: string,
  diagnostics: Diagnostic[],
): FileModel | undefined {
  const declaring = models.filter((m) => posOf(m) !== undefined);
  const first = declaring[0];
  const firstPos = first && posOf(first);
  if (!firstPos) return undefined;
  const where = `${firstPos.file}:${firstPos.line}:${firstPos.col}`;
  for (const other of declaring.slice(1)) {
    const pos = posOf(other);
    diagnostics.push({
      severity: 'error',
      message: `${what} declared twice (first at ${where}); keep them in one file`,
      ...(pos ? { pos } : {}),
    });
  }
  return first;
}

/** `accounts:` of every file; a name pinned twice is an error pointing back at the first. */
function accountPins(models: readonly FileModel[], diagnostics: Diagnostic[]): Pick<DesiredState, 'accountPins'> {
  const byName = new Map<string, AccountPin>();
  for (const pin of models.flatMap((m) => m.accountPins)) {
    const first = byName.get(pin.name);
    if (first === undefined) {
      byName.set(pin.name, pin);
      continue;
    }
    const where = first.pos ? `${first.pos.file}:${first.pos.line}:${first.pos.col}` : 'another file';
    diagnostics.push({
      severity: 'error',
      message: `account "${pin.name}" is pinned twice (first at ${where})`,
      ...(pin.pos ? { pos: pin.pos } : {}),
    });
  }
  return byName.size > 0 ? { accountPins: [...byName.values()] } : {};
}
