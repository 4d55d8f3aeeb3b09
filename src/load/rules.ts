// Cross-reference rules that the schema cannot express: every name an entry uses must be
// declared (for the kinds this repository manages; unmanaged ones must exist live and are
// checked by `plan`), and settings that point at nothing or at declared objects are flagged.
// Names compare without regard to case: a reference spelt differently from its
// declaration is that object (with a warning), and a name that matches nothing gets the
// closest declared one as a suggestion.
import type { AssignmentEntry, Diagnostic, ProtectEntry, SourcePos } from '../model/types.js';
import { matchesGlob } from '../model/glob.js';
import type { NamedKind } from './build-model.js';
import { declaredSpelling, type MergedState } from './merge.js';
import { didYouMean } from '../model/suggest.js';
import { compareStrings } from '../model/order.js';
import type { SourceMap } from './source.js';

export function checkReferences(merged: MergedState, sources: SourceMap): Diagnostic[] {
  const { state, declared, unreadable } = merged;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], message: string, pos: SourcePos | undefined) =>
    diagnostics.push({ severity, message, ...(pos ? { pos } : {}) });
  // unreadable settings leave the manage flags unknown: any reference error could be wrong
  if (unreadable.has('settings')) return diagnostics;
  const manage = state.settings.manage;
  const checkUsers = manage.users && !unreadable.has('users');
  const checkGroups = manage.groups && !unreadable.has('groups');
  const checkPermissionSets = manage.permissionSets && !unreadable.has('permissionSets');
  /** A reference must name a declared object; one that differs from it only in case is it, with a warning. */
  const reference = (
    kind: NamedKind,
    name: string,
    subject: string,
    missing: string,
    // looked up only for a reference that is reported: finding an item's position walks
    // the file's document, which is released after loading (see FileSource)
    where: () => SourcePos | undefined,
    label = KIND_LABEL[kind],
  ) => {
    const spelling = declaredSpelling(declared[kind], name);
    if (spelling === undefined) report('error', `${subject}: ${missing}${didYouMean(name, declared[kind].byKey.values())}`, where());
    else if (spelling !== name) report('warning', `${subject}: ${caseMismatch(label, name, spelling)}`, where());
  };

  // nearly every reference is spelled as declared: it needs no message, position or closure
  const asDeclared = (kind: NamedKind, name: string) => declared[kind].spellings.has(name);

  if (checkUsers) {
    for (const group of state.groups) {
      for (const member of group.members) {
        if (asDeclared('users', member)) continue;
        reference(
          'users',
          member,
          `group "${group.name}"`,
          `member "${member}" is not a user`,
          () => sources.itemAt(group, 'members', member),
          'member',
        );
      }
    }
  }
  for (const entry of state.assignments) {
    const subject = `assignment of "${entry.permissionSet}"`;
    if (checkPermissionSets && !asDeclared('permissionSets', entry.permissionSet)) {
      const ps = entry.permissionSet;
      reference('permissionSets', ps, subject, `permission set "${ps}" is not declared`, () => sources.at(entry, 'permissionSet'));
    }
    for (const user of checkUsers ? entry.users : []) {
      if (asDeclared('users', user)) continue;
      reference('users', user, subject, `user "${user}" is not declared`, () => sources.itemAt(entry, 'users', user));
    }
    for (const group of checkGroups ? entry.groups : []) {
      if (asDeclared('groups', group)) continue;
      reference('groups', group, subject, `group "${group}" is not declared`, () => sources.itemAt(entry, 'groups', group));
    }
  }
  for (const entry of state.applications ?? []) {
    const subject = `application "${entry.name}"`;
    for (const user of checkUsers ? entry.users : []) {
      if (asDeclared('users', user)) continue;
      reference('users', user, subject, `user "${user}" is not declared`, () => sources.itemAt(entry, 'users', user));
    }
    for (const group of checkGroups ? entry.groups : []) {
      if (asDeclared('groups', group)) continue;
      reference('groups', group, subject, `group "${group}" is not declared`, () => sources.itemAt(entry, 'groups', group));
    }
  }
  for (const entry of state.settings.safety.protect) {
    // a protect entry may name live objects the files do not declare: only the case is checked
    const named: Array<[NamedKind, string | undefined]> = [
      ['permissionSets', entry.permissionSet],
      ['groups', entry.group],
      ['users', entry.user],
    ];
    for (const [kind, name] of named) {
      const spelling = name === undefined ? undefined : declaredSpelling(declared[kind], name);
      if (name !== undefined && spelling !== undefined && spelling !== name)
        report('warning', `protect: ${caseMismatch(KIND_LABEL[kind], name, spelling)}`, entry.pos);
    }
  }
  if (!unreadable.has('assignments')) {
    for (const entry of state.settings.safety.protect) {
      if (!state.assignments.some((a) => protects(entry, a, declared))) {
        // a name the files do not declare may well be live; one close to a declared name is likely a typo
        const [kind, name] = entry.group !== undefined ? (['groups', entry.group] as const) : (['users', entry.user ?? ''] as const);
        const hint = declaredSpelling(declared[kind], name) === undefined ? didYouMean(name, declared[kind].byKey.values()) : '';
        const principal = `${KIND_LABEL[kind]} "${name}"${hint}`;
        const account = entry.account !== undefined ? ` on account "${entry.account}"` : '';
        report(
          'warning',
          `protect: no assignment in the state files gives "${entry.permissionSet}" to ${principal}${account}; the entry only guards a live assignment`,
          entry.pos,
        );
      }
    }
  }
  diagnostics.push(...ignoredButDeclared(merged, sources));
  return diagnostics;
}

const KIND_LABEL: Record<NamedKind, string> = { users: 'user', groups: 'group', permissionSets: 'permission set' };

function caseMismatch(label: string, name: string, spelling: string): string {
  return `${label} "${name}" is declared as "${spelling}"; names that differ only in case are the same name: write "${spelling}"`;
}

/**
 * Rewrites every reference that differs from its declaration only in case to the declared
 * spelling (checkReferences warned about each), so that plan and diff see one name.
 */
export function adoptDeclaredSpellings(merged: MergedState): void {
  const { state, declared } = merged;
  const spelling = (kind: NamedKind, name: string): string => declaredSpelling(declared[kind], name) ?? name;
  /** The names as declared, without repeats; the list itself when that is what it already is. */
  const respelled = (kind: NamedKind, names: string[]): string[] =>
    names.every((n) => declared[kind].spellings.has(n)) && withoutRepeats(names)
      ? names
      : [...new Set(names.map((n) => spelling(kind, n)))];
  for (const group of state.groups) {
    const members = respelled('users', group.members);
    // the loader sorted the members: only a respelled list needs sorting again
    if (members !== group.members || !sorted(members)) group.members = [...members].sort(compareStrings);
    for (const member of group.expiringMembers ?? []) member.userName = spelling('users', member.userName);
  }
  for (const entry of state.assignments) {
    entry.permissionSet = spelling('permissionSets', entry.permissionSet);
    entry.users = respelled('users', entry.users);
    entry.groups = respelled('groups', entry.groups);
  }
  for (const entry of state.applications ?? []) {
    entry.users = respelled('users', entry.users);
    entry.groups = respelled('groups', entry.groups);
  }
  for (const entry of state.settings.safety.protect) {
    entry.permissionSet = spelling('permissionSets', entry.permissionSet);
    if (entry.group !== undefined) entry.group = spelling('groups', entry.group);
    if (entry.user !== undefined) entry.user = spelling('users', entry.user);
  }
}

/** Whether no name is listed twice; the lists of an entry are short. */
function withoutRepeats(names: readonly string[]): boolean {
  if (names.length > 16) return new Set(names).size === names.length;
  for (let i = 1; i < names.length; i++) if (names.lastIndexOf(names[i - 1] as string) !== i - 1) return false;
  return true;
}

/** Whether a list is in compareStrings order. */
function sorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (compareStrings(names[i - 1] as string, names[i] as string) > 0) return false;
  return true;
}

/** Whether an assignment entry may give what a protect entry guards (OU and tag targets resolve only at plan time). */
function protects(entry: ProtectEntry, assignment: AssignmentEntry, declared: MergedState['declared']): boolean {
  const same = (kind: NamedKind, a: string, b: string) =>
    a === b || (declaredSpelling(declared[kind], a) ?? a) === (declaredSpelling(declared[kind], b) ?? b);
  if (!same('permissionSets', assignment.permissionSet, entry.permissionSet)) return false;
  const principal =
    entry.group !== undefined
      ? assignment.groups.some((g) => same('groups', g, entry.group ?? ''))
      : assignment.users.some((u) => same('users', u, entry.user ?? ''));
  if (!principal || entry.account === undefined) return principal;
  const targetsResolvedLater = assignment.organizationalUnits.length > 0 || Object.keys(assignment.accountTags).length > 0;
  return targetsResolvedLater || assignment.accounts.includes(entry.account);
}

/**
 * `ignore` patterns name live objects the repository leaves alone, so they normally match
 * nothing in the files. One that matches a declared object contradicts it: the object
 * would never be created or changed.
 */
function ignoredButDeclared(merged: MergedState, sources: SourceMap): Diagnostic[] {
  const { settings } = merged.state;
  const names = {
    users: merged.state.users.map((u) => u.userName),
    groups: merged.state.groups.map((g) => g.name),
    permissionSets: merged.state.permissionSets.map((p) => p.name),
  };
  const label = { users: 'user', groups: 'group', permissionSets: 'permission set' } as const;
  return (['users', 'groups', 'permissionSets'] as const).flatMap((kind) =>
    settings.ignore[kind].flatMap((pattern, index): Diagnostic[] => {
      const hit = names[kind].find((name) => matchesGlob(name, pattern));
      if (hit === undefined) return [];
      const message = `ignore.${kind}: pattern "${pattern}" matches ${label[kind]} "${hit}" declared in the state files; it would never be created or changed`;
      const pos = sources.at(settings, 'ignore', kind, index);
      return [{ severity: 'warning', message, ...(pos ? { pos } : {}) }];
    }),
  );
}
