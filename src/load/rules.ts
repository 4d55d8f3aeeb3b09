// Cross-reference rules that the schema cannot express: every name an entry uses must be
// declared (for the kinds this repository manages; unmanaged ones must exist live and are
// checked by `plan`), and settings that point at nothing or at declared objects are flagged.
import type { AssignmentEntry, Diagnostic, ProtectEntry, SourcePos } from '../model/types.js';
import { matchesGlob } from '../model/glob.js';
import type { MergedState } from './merge.js';
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

  if (checkUsers) {
    for (const group of state.groups) {
      for (const member of group.members) {
        if (!declared.users.has(member)) report('error', `group "${group.name}": member "${member}" is not a user`, sources.itemAt(group, 'members', member));
      }
    }
  }
  for (const entry of state.assignments) {
    const subject = `assignment of "${entry.permissionSet}"`;
    if (checkPermissionSets && !declared.permissionSets.has(entry.permissionSet)) {
      report('error', `${subject}: permission set "${entry.permissionSet}" is not declared`, sources.at(entry, 'permissionSet'));
    }
    for (const user of checkUsers ? entry.users : []) {
      if (!declared.users.has(user)) report('error', `${subject}: user "${user}" is not declared`, sources.itemAt(entry, 'users', user));
    }
    for (const group of checkGroups ? entry.groups : []) {
      if (!declared.groups.has(group)) report('error', `${subject}: group "${group}" is not declared`, sources.itemAt(entry, 'groups', group));
    }
  }
  if (!unreadable.has('assignments')) {
    for (const entry of state.settings.safety.protect) {
      if (!state.assignments.some((a) => protects(entry, a))) {
        const principal = entry.group !== undefined ? `group "${entry.group}"` : `user "${entry.user ?? ''}"`;
        const account = entry.account !== undefined ? ` on account "${entry.account}"` : '';
        report('warning', `protect: no assignment in the state files gives "${entry.permissionSet}" to ${principal}${account}; the entry only guards a live assignment`, entry.pos);
      }
    }
  }
  diagnostics.push(...ignoredButDeclared(merged, sources));
  return diagnostics;
}

/** Whether an assignment entry may give what a protect entry guards (OU and tag targets resolve only at plan time). */
function protects(entry: ProtectEntry, assignment: AssignmentEntry): boolean {
  if (assignment.permissionSet !== entry.permissionSet) return false;
  const principal = entry.group !== undefined ? assignment.groups.includes(entry.group) : assignment.users.includes(entry.user ?? '');
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
