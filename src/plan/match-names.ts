// Matching the state files to the live objects by name, before any diff. Names that differ
// only in case are the same name (src/model/names.ts), and a group may list the names it
// had before (`previousNames`). The result is one spelling for every object:
//  - a declared object of a managed kind keeps the spelling of the files; a live object it
//    matches by case or by a previous name is renamed in the live view (groups: the diff
//    plans a rename in place) or is a plan error (users, permission sets: see below);
//  - any other reference (members, assignment principals and sets, protect entries) is
//    spelled as the object it refers to (declared first, else live).
// The per-kind diffs then compare exact strings, so a case-only rename never shows up as
// membership or assignment churn, and nothing is deleted and re-created for a spelling.
import { matchesAnyGlob } from '../model/glob.js';
import { nameKey } from '../model/names.js';
import { compareStrings } from '../model/order.js';
import type { DesiredState, Diagnostic, ProtectEntry, SourcePos } from '../model/types.js';
import type { NamedLive } from './live-names.js';

type NamedKind = 'users' | 'groups' | 'permissionSets';

interface Declared {
  name: string;
  previousNames: readonly string[];
  pos?: SourcePos;
}

export interface NameMatch {
  /** The desired state with every reference spelled as the object it names. */
  desired: DesiredState;
  /** The live state with renamed groups under their new (desired) names. */
  live: NamedLive;
  /** Errors: a user or permission set whose name differs from the live one only in case,
   *  or a name that matches several live objects. */
  diagnostics: Diagnostic[];
}

const WHAT: Record<NamedKind, string> = { users: 'user', groups: 'group', permissionSets: 'permission set' };

// Why a user is not renamed in place: the identitystore model documents UserName as "specified
// at the time the user is created" (CreateUserRequest, @aws-sdk/client-identitystore), UpdateUser
// documents no userName operation, and the Terraform provider's aws_identitystore_user marks
// user_name ForceNew (hashicorp/terraform-provider-aws internal/service/identitystore/user.go):
// nobody has established that UpdateUser can change it. Replacing the user instead would give
// it a new id and drop its memberships and access, so the plan stops and says what to write.
const USER_NOT_RENAMED =
  'sso-gitops does not rename users (AWS does not document UpdateUser changing userName) and will not replace one for a spelling ' +
  '(a new user would get a new id and lose its memberships and access)';
// UpdatePermissionSetRequest has InstanceArn, PermissionSetArn, Description, SessionDuration and
// RelayState only (@aws-sdk/client-sso-admin): a permission set's name cannot change.
const SET_NOT_RENAMED = 'AWS cannot rename a permission set (UpdatePermissionSet has no Name)';

export function matchNames(desired: DesiredState, live: NamedLive): NameMatch {
  const diagnostics: Diagnostic[] = [];
  const { manage, ignore } = desired.settings;
  const report = (message: string, pos: SourcePos | undefined) => diagnostics.push({ severity: 'error', message, ...(pos ? { pos } : {}) });

  const declared: Record<NamedKind, Declared[]> = {
    users: desired.users.map((u) => ({ name: u.userName, previousNames: [], ...(u.pos ? { pos: u.pos } : {}) })),
    groups: desired.groups.map((g) => ({ name: g.name, previousNames: g.previousNames ?? [], ...(g.pos ? { pos: g.pos } : {}) })),
    permissionSets: desired.permissionSets.map((s) => ({ name: s.name, previousNames: [], ...(s.pos ? { pos: s.pos } : {}) })),
  };
  const liveNames: Record<NamedKind, string[]> = {
    users: [...live.users.keys()],
    groups: [...live.groups.keys()],
    permissionSets: [...live.permissionSets.keys()],
  };
  const renames: Record<NamedKind, Map<string, string>> = { users: new Map(), groups: new Map(), permissionSets: new Map() };
  for (const kind of ['users', 'groups', 'permissionSets'] as const) {
    if (!manage[kind]) continue;
    renames[kind] = matchKind(kind, declared[kind], liveNames[kind], ignore[kind], report);
  }
  for (const [liveName, name] of renames.users) {
    report(
      `user "${name}" is "${liveName}" in AWS: userNames that differ only in case are the same name, and ${USER_NOT_RENAMED}; write the userName as AWS has it ("${liveName}")`,
      posOf(declared.users, name),
    );
  }
  for (const [liveName, name] of renames.permissionSets) {
    report(
      `permission set "${name}" is "${liveName}" in AWS: names that differ only in case are the same name, and ${SET_NOT_RENAMED}; ` +
        `write the name as AWS has it ("${liveName}"), or choose a different name, which replaces the set (a new set is created and "${liveName}" is deleted with its assignments)`,
      posOf(declared.permissionSets, name),
    );
  }

  const renamedLive = renameGroups(live, renames.groups);
  const spell = {
    users: speller(declared.users, manage.users, liveNames.users),
    groups: speller(declared.groups, manage.groups, [...renamedLive.groups.keys()]),
    permissionSets: speller(declared.permissionSets, manage.permissionSets, liveNames.permissionSets),
  };
  return { desired: spellDesired(desired, spell), live: renamedLive, diagnostics };
}

function posOf(declared: readonly Declared[], name: string): SourcePos | undefined {
  return declared.find((d) => d.name === name)?.pos;
}

/**
 * Live name → declared name, for every declared object that no live object has exactly but
 * one has by case-folded name or, failing that, by one of the object's previous names.
 * Exact matches are claimed first, so a live object is matched at most once; ignored names
 * are never matched. A name that matches several live objects (AWS comparing names with
 * regard to case may hold "Admins" and "ADMINS") is an error: the tool does not guess.
 */
function matchKind(
  kind: NamedKind,
  declared: readonly Declared[],
  liveNames: readonly string[],
  ignore: readonly string[],
  report: (m: string, p: SourcePos | undefined) => void,
): Map<string, string> {
  const ignored = (name: string) => matchesAnyGlob(name, ignore);
  const exact = new Set(liveNames);
  const claimed = new Set(declared.filter((d) => exact.has(d.name)).map((d) => d.name));
  const liveByKey = new Map<string, string[]>();
  for (const name of liveNames) {
    if (claimed.has(name) || ignored(name)) continue;
    liveByKey.set(nameKey(name), [...(liveByKey.get(nameKey(name)) ?? []), name]);
  }
  const renames = new Map<string, string>();
  const unmatched = declared.filter((d) => !exact.has(d.name) && !ignored(d.name));
  const claim = (d: Declared, candidates: string[], how: string) => {
    const free = [...new Set(candidates)].filter((n) => !renames.has(n)).sort(compareStrings);
    const [only] = free;
    if (free.length > 1) {
      report(
        `${WHAT[kind]} "${d.name}" matches ${free.length} live ${kind === 'permissionSets' ? 'permission sets' : kind} ${how} (${free.map((n) => `"${n}"`).join(', ')}); write the name exactly as the one to keep`,
        d.pos,
      );
    }
    if (only !== undefined && free.length === 1) renames.set(only, d.name);
    return free.length > 0;
  };
  const byCase = unmatched.filter((d) => !claim(d, liveByKey.get(nameKey(d.name)) ?? [], 'whose names differ from it only in case'));
  for (const d of byCase) {
    if (d.previousNames.length > 0)
      claim(
        d,
        d.previousNames.flatMap((p) => liveByKey.get(nameKey(p)) ?? []),
        'by its previousNames',
      );
  }
  return renames;
}

/** The live view with renamed groups under their new names: memberships, assignments and
 *  application assignments follow, so the diffs see the same group (same id) and plan no churn. */
function renameGroups(live: NamedLive, renames: ReadonlyMap<string, string>): NamedLive {
  if (renames.size === 0) return live;
  const to = (name: string) => renames.get(name) ?? name;
  return {
    ...live,
    groups: new Map([...live.groups].map(([name, group]) => [to(name), group])),
    memberships: live.memberships.map((m) => ({ ...m, group: to(m.group) })),
    assignments: live.assignments.map((a) => (a.principalType === 'GROUP' ? { ...a, principal: to(a.principal) } : a)),
    applications: new Map([...live.applications].map(([name, app]) => [name, { ...app, groups: app.groups.map(to).sort(compareStrings) }])),
  };
}

type Spell = (name: string) => string;

/** A name as the object it refers to is spelled: exact names stay; otherwise the declared
 *  object of that case-folded name (managed kinds), else the one live object of it. */
function speller(declared: readonly Declared[], managed: boolean, liveNames: readonly string[]): Spell {
  const exact = new Set([...liveNames, ...(managed ? declared.map((d) => d.name) : [])]);
  const byKey = new Map<string, string | null>();
  for (const name of liveNames) byKey.set(nameKey(name), byKey.has(nameKey(name)) ? null : name); // null: ambiguous
  if (managed) for (const d of declared) byKey.set(nameKey(d.name), d.name);
  return (name) => (exact.has(name) ? name : (byKey.get(nameKey(name)) ?? name));
}

function spellDesired(desired: DesiredState, spell: Record<NamedKind, Spell>): DesiredState {
  const users = (names: readonly string[]) => [...new Set(names.map(spell.users))].sort(compareStrings);
  const protect = (p: ProtectEntry): ProtectEntry => ({
    ...p,
    permissionSet: spell.permissionSets(p.permissionSet),
    ...(p.group !== undefined ? { group: spell.groups(p.group) } : {}),
    ...(p.user !== undefined ? { user: spell.users(p.user) } : {}),
  });
  return {
    ...desired,
    // a user spelled as it was is kept, not copied: 20,000 users at L size, nearly all of them
    users: desired.users.map((u) => {
      const userName = spell.users(u.userName);
      return userName === u.userName ? u : { ...u, userName };
    }),
    groups: desired.groups.map((g) => ({ ...g, name: spell.groups(g.name), members: users(g.members) })),
    permissionSets: desired.permissionSets.map((s) => ({ ...s, name: spell.permissionSets(s.name) })),
    assignments: desired.assignments.map((a) => ({
      ...a,
      permissionSet: spell.permissionSets(a.permissionSet),
      users: a.users.map(spell.users),
      groups: a.groups.map(spell.groups),
    })),
    ...(desired.applications !== undefined
      ? { applications: desired.applications.map((a) => ({ ...a, users: a.users.map(spell.users), groups: a.groups.map(spell.groups) })) }
      : {}),
    settings: { ...desired.settings, safety: { ...desired.settings.safety, protect: desired.settings.safety.protect.map(protect) } },
  };
}
