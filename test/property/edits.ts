// Random edit sequences over a desired state. An edit is generated WITHOUT knowing the
// state it will meet (fast-check can then shrink states and edits independently): it
// carries picks (numbers taken modulo the current list) and fresh values, and
// `applyEdit` interprets it against the current state — or returns undefined when it
// does not apply (no group to rename, say), and the step is skipped. Every edit keeps
// the state valid: no dangling names, no name that differs from another only in case.
import fc from 'fast-check';
import {
  boundaryArb,
  groupDescriptionArb,
  groupNameArb,
  inlinePolicyArb,
  OPTIONAL_USER_VALUES,
  permissionSetArb,
  permissionSetNameArb,
  userNameArb,
  permissionSetDescriptionArb,
  relayStateArb,
  sessionDurationArb,
  tagsArb,
  targetsArb,
  userArb,
  managedPolicyPool,
  CUSTOMER_POLICY_POOL,
} from './arbitraries.js';
import {
  OPTIONAL_USER_FIELDS,
  type BackendCapabilities,
  type OptionalUserField,
  type SpecAssignment,
  type SpecInlinePolicy,
  type SpecPolicyRef,
  type SpecState,
  type SpecUser,
} from './model.js';
import { isEnabled } from './switches.js';

type Targets = Pick<SpecAssignment, 'accounts' | 'organizationalUnits' | 'accountTags' | 'excludeAccounts'>;
type RemovablePermissionSetField =
  | 'description'
  | 'relayState'
  | 'sessionDuration'
  | 'tags'
  | 'inlinePolicy'
  | 'permissionsBoundary'
  | 'managedPolicies'
  | 'customerManagedPolicies';
type PermissionSetValue =
  | { field: 'description'; value: string }
  | { field: 'sessionDuration'; value: string }
  | { field: 'relayState'; value: string }
  | { field: 'tags'; value: Record<string, string> }
  | { field: 'permissionsBoundary'; value: NonNullable<SpecState['permissionSets'][number]['permissionsBoundary']> };
type UserField = 'displayName' | 'givenName' | 'familyName' | OptionalUserField;

export type Edit =
  | { kind: 'renameGroup'; group: number; newName: string; withPreviousNames: boolean }
  | { kind: 'caseOnlyRename'; what: 'group' | 'user' | 'permissionSet'; index: number; style: 'upper' | 'lower' | 'swap' }
  | { kind: 'renameUser'; user: number; newName: string }
  | { kind: 'renamePermissionSet'; set: number; newName: string }
  /** removes the first of `fields` that the set has */
  | { kind: 'removePermissionSetField'; set: number; fields: RemovablePermissionSetField[] }
  | { kind: 'setPermissionSetField'; set: number; change: PermissionSetValue }
  /** removes the first of `fields` that the user has */
  | { kind: 'removeUserAttribute'; user: number; fields: OptionalUserField[] }
  | { kind: 'setUserAttribute'; user: number; field: UserField; value: string }
  | { kind: 'removeGroupDescription'; group: number }
  | { kind: 'setGroupDescription'; group: number; value: string }
  | { kind: 'moveMember'; from: number; to: number; member: number }
  | { kind: 'toggleMember'; group: number; user: number }
  | { kind: 'toggleManagedPolicy'; set: number; arn: string }
  | { kind: 'toggleCustomerManagedPolicy'; set: number; ref: SpecPolicyRef }
  | { kind: 'setInlinePolicy'; set: number; policy: SpecInlinePolicy }
  | { kind: 'changeTargets'; assignment: number; targets: Targets }
  | { kind: 'deleteUser'; user: number }
  | { kind: 'deleteGroup'; group: number }
  | { kind: 'deletePermissionSet'; set: number }
  | { kind: 'deleteAssignment'; assignment: number }
  | { kind: 'addUser'; user: SpecUser }
  | { kind: 'addGroup'; name: string; members: number[] }
  | { kind: 'addPermissionSet'; set: SpecState['permissionSets'][number] }
  | { kind: 'addAssignment'; set: number; users: number[]; groups: number[]; targets: Targets };

export interface AppliedEdit {
  state: SpecState;
  /** What the edit did, in words, for failure reports. */
  label: string;
  /** Set when the tool must refuse the edited files (exit 1, this text in its output) and
   *  write nothing: the case then goes on from the state before the edit. */
  refusedWith?: string;
}

const pick = fc.nat({ max: 9 });
const picks = fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 3 });

/** The edit kinds a backend can apply; the switched-off kinds are left out (switches.ts). */
export function editArb(caps: BackendCapabilities): fc.Arbitrary<Edit> {
  const removable: RemovablePermissionSetField[] = ['sessionDuration', 'inlinePolicy', 'managedPolicies', 'customerManagedPolicies'];
  if (isEnabled('removePermissionSetDescriptionOrRelayState') || caps.updateClearsOmittedFields)
    removable.push('description', 'relayState');
  if (caps.permissionSetTags) removable.push('tags');
  if (caps.permissionsBoundary) removable.push('permissionsBoundary');

  const setValues: fc.Arbitrary<PermissionSetValue>[] = [
    permissionSetDescriptionArb.map((value) => ({ field: 'description' as const, value })),
    sessionDurationArb.map((value) => ({ field: 'sessionDuration' as const, value })),
    relayStateArb.map((value) => ({ field: 'relayState' as const, value })),
  ];
  if (caps.permissionSetTags) setValues.push(tagsArb.map((value) => ({ field: 'tags' as const, value })));
  if (caps.permissionsBoundary) setValues.push(boundaryArb(caps).map((value) => ({ field: 'permissionsBoundary' as const, value })));

  const kinds: fc.Arbitrary<Edit>[] = [
    // a rename in place (previousNames) is an UpdateGroup, which moto lacks
    fc.record({
      kind: fc.constant('renameGroup' as const),
      group: pick,
      newName: groupNameArb,
      withPreviousNames: isEnabled('previousNames') && caps.updateGroup ? fc.boolean() : fc.constant(false),
    }),
    // the state format has no previousNames for these: a rename is a delete and a create
    fc.record({ kind: fc.constant('renameUser' as const), user: pick, newName: userNameArb }),
    fc.record({ kind: fc.constant('renamePermissionSet' as const), set: pick, newName: permissionSetNameArb }),
    fc.record({
      kind: fc.constant('removePermissionSetField' as const),
      set: pick,
      fields: fc.shuffledSubarray(removable, { minLength: 1 }),
    }),
    fc.record({ kind: fc.constant('setPermissionSetField' as const), set: pick, change: fc.oneof(...setValues) }),
    fc.record({ kind: fc.constant('moveMember' as const), from: pick, to: pick, member: pick }),
    fc.record({ kind: fc.constant('toggleMember' as const), group: pick, user: pick }),
    fc.record({ kind: fc.constant('toggleManagedPolicy' as const), set: pick, arn: fc.constantFrom(...managedPolicyPool(caps)) }),
    fc.record({ kind: fc.constant('toggleCustomerManagedPolicy' as const), set: pick, ref: fc.constantFrom(...CUSTOMER_POLICY_POOL) }),
    fc.record({ kind: fc.constant('setInlinePolicy' as const), set: pick, policy: inlinePolicyArb }),
    fc.record({ kind: fc.constant('changeTargets' as const), assignment: pick, targets: targetsArb }),
  ];
  const additionsAndDeletions: fc.Arbitrary<Edit>[] = [
    fc.record({ kind: fc.constant('deleteUser' as const), user: pick }),
    fc.record({ kind: fc.constant('deleteGroup' as const), group: pick }),
    fc.record({ kind: fc.constant('deletePermissionSet' as const), set: pick }),
    fc.record({ kind: fc.constant('deleteAssignment' as const), assignment: pick }),
    fc.record({ kind: fc.constant('addUser' as const), user: userArb }),
    fc.record({ kind: fc.constant('addGroup' as const), name: groupNameArb, members: picks }),
    fc.record({ kind: fc.constant('addPermissionSet' as const), set: permissionSetArb(caps) }),
    fc.record({ kind: fc.constant('addAssignment' as const), set: pick, users: picks, groups: picks, targets: targetsArb }),
  ];
  // Case-only renames run where the backend compares names without regard to case (the
  // sandbox), which is where the defect shows; moto compares them exactly, so there a
  // case-only rename is just another rename, and once names differing only in case are one
  // name to the diff it would need the UpdateUser/UpdateGroup moto lacks.
  const caseOnly: ('group' | 'user' | 'permissionSet')[] = [];
  if (isEnabled('caseOnlyGroupRename') && caps.updateGroup) caseOnly.push('group');
  if (isEnabled('caseOnlyUserOrPermissionSetRename') && caps.updateUser) caseOnly.push('user', 'permissionSet');
  if (caseOnly.length > 0) {
    kinds.push(
      fc.record({
        kind: fc.constant('caseOnlyRename' as const),
        what: fc.constantFrom(...caseOnly),
        index: pick,
        style: fc.constantFrom<'upper' | 'lower' | 'swap'>('upper', 'lower', 'swap'),
      }),
    );
  }
  if (caps.updateUser) {
    kinds.push(
      fc.record({
        kind: fc.constant('removeUserAttribute' as const),
        user: pick,
        fields: fc.shuffledSubarray([...OPTIONAL_USER_FIELDS], { minLength: 1 }),
      }),
    );
    kinds.push(
      fc.constantFrom<UserField>('displayName', 'givenName', 'familyName', ...OPTIONAL_USER_FIELDS).chain((field) =>
        fc.record({
          kind: fc.constant('setUserAttribute' as const),
          user: pick,
          field: fc.constant(field),
          value: userFieldValueArb(field),
        }),
      ),
    );
  }
  if (caps.updateGroup) {
    kinds.push(fc.record({ kind: fc.constant('removeGroupDescription' as const), group: pick }));
    kinds.push(fc.record({ kind: fc.constant('setGroupDescription' as const), group: pick, value: groupDescriptionArb }));
  }
  // the edits at the edges weigh more than plain additions and deletions
  return fc.oneof(
    ...kinds.map((arbitrary) => ({ arbitrary, weight: 3 })),
    ...additionsAndDeletions.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

function userFieldValueArb(field: UserField): fc.Arbitrary<string> {
  if (field === 'displayName' || field === 'givenName' || field === 'familyName') return OPTIONAL_USER_VALUES.nickName;
  return OPTIONAL_USER_VALUES[field];
}

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

const lower = (s: string) => s.toLowerCase();

/** Every group name in use, current and previous, lower-cased: a new name must avoid them all. */
function takenGroupNames(state: SpecState): Set<string> {
  return new Set(state.groups.flatMap((g) => [g.name, ...(g.previousNames ?? [])]).map(lower));
}

function isEmpty(state: SpecState): boolean {
  return state.users.length + state.groups.length + state.permissionSets.length + state.assignments.length === 0;
}

/** Drops assignment entries left without a principal. */
function withoutEmptyAssignments(state: SpecState): SpecState {
  return { ...state, assignments: state.assignments.filter((a) => a.users.length + a.groups.length > 0) };
}

/** A field value that the files would write: not absent, not an empty list or map. */
function isSet(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return value !== undefined;
}

function swapCase(name: string): string {
  return [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

export function applyEdit(current: SpecState, edit: Edit): AppliedEdit | undefined {
  const state = structuredClone(current);
  const done = (label: string, next: SpecState = state): AppliedEdit | undefined => (isEmpty(next) ? undefined : { state: next, label });
  switch (edit.kind) {
    case 'renameGroup': {
      const group = at(state.groups, edit.group);
      if (!group || takenGroupNames(state).has(lower(edit.newName))) return undefined;
      const old = group.name;
      if (edit.withPreviousNames) group.previousNames = [...(group.previousNames ?? []), old];
      renameGroup(state, old, edit.newName);
      return done(`rename group "${old}" to "${edit.newName}" ${edit.withPreviousNames ? 'with' : 'without'} previousNames`);
    }
    case 'caseOnlyRename':
      return caseOnlyRename(state, edit, done);
    case 'renameUser': {
      const user = at(state.users, edit.user);
      if (!user || state.users.some((u) => lower(u.userName) === lower(edit.newName))) return undefined;
      return done(`rename user "${user.userName}" to "${edit.newName}"`, renameUser(state, user.userName, edit.newName));
    }
    case 'renamePermissionSet': {
      const set = at(state.permissionSets, edit.set);
      if (!set || state.permissionSets.some((s) => lower(s.name) === lower(edit.newName))) return undefined;
      return done(`rename permission set "${set.name}" to "${edit.newName}"`, renamePermissionSet(state, set.name, edit.newName));
    }
    case 'removePermissionSetField': {
      const set = at(state.permissionSets, edit.set);
      const field = set && edit.fields.find((f) => isSet(set[f]));
      if (!set || !field) return undefined;
      if (field === 'tags') set.tags = {};
      else if (field === 'managedPolicies') set.managedPolicies = [];
      else if (field === 'customerManagedPolicies') set.customerManagedPolicies = [];
      else delete set[field];
      return done(`remove ${field} from permission set "${set.name}"`);
    }
    case 'setPermissionSetField': {
      const set = at(state.permissionSets, edit.set);
      if (!set) return undefined;
      const { change } = edit;
      if (change.field === 'tags') set.tags = change.value;
      else if (change.field === 'permissionsBoundary') set.permissionsBoundary = change.value;
      else set[change.field] = change.value;
      return done(`set ${change.field} of permission set "${set.name}" to ${JSON.stringify(change.value)}`);
    }
    case 'removeUserAttribute': {
      const user = at(state.users, edit.user);
      const field = user && edit.fields.find((f) => user[f] !== undefined);
      if (!user || !field) return undefined;
      delete user[field];
      return done(`remove ${field} from user "${user.userName}"`);
    }
    case 'setUserAttribute': {
      const user = at(state.users, edit.user);
      if (!user) return undefined;
      user[edit.field] = edit.value;
      return done(`set ${edit.field} of user "${user.userName}" to ${JSON.stringify(edit.value)}`);
    }
    case 'removeGroupDescription': {
      const group = at(state.groups, edit.group);
      if (!group || group.description === undefined) return undefined;
      delete group.description;
      return done(`remove the description of group "${group.name}"`);
    }
    case 'setGroupDescription': {
      const group = at(state.groups, edit.group);
      if (!group) return undefined;
      group.description = edit.value;
      return done(`set the description of group "${group.name}" to ${JSON.stringify(edit.value)}`);
    }
    case 'moveMember': {
      const from = at(state.groups, edit.from);
      const to = at(state.groups, edit.to);
      const member = from && at(from.members, edit.member);
      if (!from || !to || from === to || member === undefined) return undefined;
      from.members = from.members.filter((m) => m !== member);
      if (!to.members.includes(member)) to.members.push(member);
      return done(`move "${member}" from group "${from.name}" to "${to.name}"`);
    }
    case 'toggleMember': {
      const group = at(state.groups, edit.group);
      const user = at(state.users, edit.user);
      if (!group || !user) return undefined;
      const has = group.members.includes(user.userName);
      group.members = has ? group.members.filter((m) => m !== user.userName) : [...group.members, user.userName];
      return done(`${has ? 'remove' : 'add'} "${user.userName}" ${has ? 'from' : 'to'} group "${group.name}"`);
    }
    case 'toggleManagedPolicy':
    case 'toggleCustomerManagedPolicy':
      return togglePolicy(state, edit, done);
    case 'setInlinePolicy': {
      const set = at(state.permissionSets, edit.set);
      if (!set) return undefined;
      set.inlinePolicy = edit.policy;
      return done(`replace the inline policy of permission set "${set.name}"`);
    }
    case 'changeTargets': {
      const entry = at(state.assignments, edit.assignment);
      if (!entry) return undefined;
      Object.assign(entry, edit.targets);
      return done(`retarget the assignment of "${entry.permissionSet}" to ${JSON.stringify(edit.targets)}`);
    }
    case 'deleteUser': {
      const user = at(state.users, edit.user);
      if (!user) return undefined;
      state.users = state.users.filter((u) => u !== user);
      for (const g of state.groups) g.members = g.members.filter((m) => m !== user.userName);
      for (const a of state.assignments) a.users = a.users.filter((u) => u !== user.userName);
      return done(`delete user "${user.userName}"`, withoutEmptyAssignments(state));
    }
    case 'deleteGroup': {
      const group = at(state.groups, edit.group);
      if (!group) return undefined;
      state.groups = state.groups.filter((g) => g !== group);
      for (const a of state.assignments) a.groups = a.groups.filter((g) => g !== group.name);
      return done(`delete group "${group.name}"`, withoutEmptyAssignments(state));
    }
    case 'deletePermissionSet': {
      const set = at(state.permissionSets, edit.set);
      if (!set) return undefined;
      state.permissionSets = state.permissionSets.filter((s) => s !== set);
      state.assignments = state.assignments.filter((a) => a.permissionSet !== set.name);
      return done(`delete permission set "${set.name}"`);
    }
    case 'deleteAssignment': {
      const entry = at(state.assignments, edit.assignment);
      if (!entry) return undefined;
      state.assignments = state.assignments.filter((a) => a !== entry);
      return done(`delete the assignment entry of "${entry.permissionSet}"`);
    }
    case 'addUser': {
      if (state.users.some((u) => lower(u.userName) === lower(edit.user.userName))) return undefined;
      state.users.push(edit.user);
      return done(`add user "${edit.user.userName}"`);
    }
    case 'addGroup': {
      if (takenGroupNames(state).has(lower(edit.name))) return undefined;
      const members = [...new Set(edit.members.flatMap((i) => at(state.users, i)?.userName ?? []))];
      state.groups.push({ name: edit.name, members });
      return done(`add group "${edit.name}" with members ${JSON.stringify(members)}`);
    }
    case 'addPermissionSet': {
      if (state.permissionSets.some((s) => lower(s.name) === lower(edit.set.name))) return undefined;
      state.permissionSets.push(edit.set);
      return done(`add permission set "${edit.set.name}"`);
    }
    case 'addAssignment': {
      const set = at(state.permissionSets, edit.set);
      const users = [...new Set(edit.users.flatMap((i) => at(state.users, i)?.userName ?? []))];
      const groups = [...new Set(edit.groups.flatMap((i) => at(state.groups, i)?.name ?? []))];
      if (!set || users.length + groups.length === 0) return undefined;
      state.assignments.push({ permissionSet: set.name, users, groups, ...edit.targets });
      return done(`add an assignment of "${set.name}" to ${JSON.stringify([...users, ...groups])} on ${JSON.stringify(edit.targets)}`);
    }
  }
}

/** The state with a user renamed everywhere it is named (members, assignments). */
function renameUser(state: SpecState, from: string, to: string): SpecState {
  for (const u of state.users) if (u.userName === from) u.userName = to;
  for (const g of state.groups) g.members = g.members.map((m) => (m === from ? to : m));
  for (const a of state.assignments) a.users = a.users.map((u) => (u === from ? to : u));
  return state;
}

function renameGroup(state: SpecState, from: string, to: string): SpecState {
  for (const g of state.groups) if (g.name === from) g.name = to;
  for (const a of state.assignments) a.groups = a.groups.map((g) => (g === from ? to : g));
  return state;
}

function renamePermissionSet(state: SpecState, from: string, to: string): SpecState {
  for (const s of state.permissionSets) if (s.name === from) s.name = to;
  for (const a of state.assignments) if (a.permissionSet === from) a.permissionSet = to;
  return state;
}

function caseOnlyRename(
  state: SpecState,
  edit: Extract<Edit, { kind: 'caseOnlyRename' }>,
  done: (label: string, next: SpecState) => AppliedEdit | undefined,
): AppliedEdit | undefined {
  const names =
    edit.what === 'group'
      ? state.groups.map((g) => g.name)
      : edit.what === 'user'
        ? state.users.map((u) => u.userName)
        : state.permissionSets.map((s) => s.name);
  const old = at(names, edit.index);
  if (old === undefined) return undefined;
  const renamed = edit.style === 'upper' ? old.toUpperCase() : edit.style === 'lower' ? old.toLowerCase() : swapCase(old);
  if (renamed === old) return undefined;
  const rename = edit.what === 'group' ? renameGroup : edit.what === 'user' ? renameUser : renamePermissionSet;
  const label = edit.what === 'permissionSet' ? 'permission set' : edit.what;
  const applied = done(`rename ${label} "${old}" to "${renamed}" (case only)`, rename(state, old, renamed));
  // A group is renamed in place (UpdateGroup displayName). AWS has no way to rename a user
  // or a permission set, and names differing only in case are one name: the plan must
  // refuse the files, naming the live spelling, rather than delete and re-create.
  if (!applied || edit.what === 'group') return applied;
  return { ...applied, refusedWith: `"${old}"` };
}

function togglePolicy(
  state: SpecState,
  edit: Extract<Edit, { kind: 'toggleManagedPolicy' | 'toggleCustomerManagedPolicy' }>,
  done: (label: string) => AppliedEdit | undefined,
): AppliedEdit | undefined {
  const set = at(state.permissionSets, edit.set);
  if (!set) return undefined;
  if (edit.kind === 'toggleManagedPolicy') {
    const { arn } = edit;
    const has = set.managedPolicies.includes(arn);
    set.managedPolicies = has ? set.managedPolicies.filter((p) => p !== arn) : [...set.managedPolicies, arn];
    return done(`${has ? 'detach' : 'attach'} ${arn} ${has ? 'from' : 'to'} permission set "${set.name}"`);
  }
  const { ref } = edit;
  const same = (p: SpecPolicyRef) => p.name === ref.name && p.path === ref.path;
  const has = set.customerManagedPolicies.some(same);
  set.customerManagedPolicies = has ? set.customerManagedPolicies.filter((p) => !same(p)) : [...set.customerManagedPolicies, { ...ref }];
  return done(
    `${has ? 'detach' : 'attach'} customer managed policy ${ref.path}${ref.name} ${has ? 'from' : 'to'} permission set "${set.name}"`,
  );
}
