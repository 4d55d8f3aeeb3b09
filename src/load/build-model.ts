// Turns the data of one schema-checked state file into model objects: defaults filled
// in, lists normalised, the inline policy parsed, and every object tied to its position.
// Entries the schema rejected are left out (their errors are already reported), but
// their names are kept so that references to them are not reported a second time.
import type {
  AccessControlAttribute,
  AccountPin,
  AssignmentEntry,
  Diagnostic,
  Group,
  InstanceConfig,
  PermissionSet,
  PermissionsBoundary,
  PolicyDocument,
  PolicyRef,
  ProtectEntry,
  Settings,
  SourcePos,
  User,
} from '../model/types.js';
import { DEFAULT_SETTINGS, OPTIONAL_USER_ATTRIBUTES, STRUCTURED_USER_ATTRIBUTES } from '../model/types.js';
import type { ApplicationEntry } from '../model/applications.js';
import { readApplicationEntries } from './applications.js';
import { readExpiry, readMembers } from './expiry.js';
import { parsePolicyJson } from './policy.js';
import type { FileSource, PathSegment, SourceMap } from './source.js';
import { comparePolicyRefs, compareStrings } from '../model/order.js';

export type NamedKind = 'users' | 'groups' | 'permissionSets';
export const LIST_KINDS = ['users', 'groups', 'permissionSets', 'assignments'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** What one file declares. */
export interface FileModel {
  file: string;
  users: User[];
  groups: Group[];
  permissionSets: PermissionSet[];
  assignments: AssignmentEntry[];
  /** The file's `settings:`, merged with the defaults; absent when the file has none. */
  settings?: Settings;
  /** Where the file's `settings:` key is, whether or not the settings could be read. */
  settingsPos?: SourcePos;
  /** `accounts:` — the pinned id of each account name (identity/accounts.yaml). */
  accountPins: AccountPin[];
  /** The file's `instance:`; absent when the file has none or the schema rejected it. */
  instance?: InstanceConfig;
  /** Where the file's `instance:` key is, whether or not it could be read. */
  instancePos?: SourcePos;
  /** The file's `applications:` entries the schema accepted; absent when the file has no such list. */
  applications?: ApplicationEntry[];
  /** Names of entries the schema rejected: declared, though not loaded. */
  rejectedNames: Record<NamedKind, string[]>;
  /** Kinds this file declares in a form that could not be read at all (e.g. `users:` not a list). */
  unreadable: Set<ListKind | 'settings'>;
  diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown>;

export function buildFileModel(data: Raw, source: FileSource, invalidPaths: PathSegment[][], sources: SourceMap): FileModel {
  const model = emptyFileModel(source.file, new Set());
  const invalidEntries = new Set<string>();
  for (const path of invalidPaths) {
    const [kind, index] = path;
    if (kind === 'settings') model.unreadable.add('settings');
    else if (isListKind(kind) && typeof index === 'number') invalidEntries.add(`${kind}/${index}`);
    else if (isListKind(kind)) model.unreadable.add(kind);
  }
  const entries = (kind: ListKind): Array<{ raw: Raw; index: number }> => {
    const list = data[kind];
    if (!Array.isArray(list) || model.unreadable.has(kind)) return [];
    return list.flatMap((raw: unknown, index) => {
      // a file without schema errors (the common case) builds no key per entry
      if (invalidEntries.size === 0 || !invalidEntries.has(`${kind}/${index}`)) return [{ raw: raw as Raw, index }];
      const name = typeof raw === 'object' && raw !== null ? (raw as Raw)[kind === 'users' ? 'userName' : 'name'] : undefined;
      if (kind !== 'assignments' && typeof name === 'string') model.rejectedNames[kind].push(name);
      return [];
    });
  };
  const place = <T extends object>(object: T, path: PathSegment[]): T => {
    sources.register(object, source, path);
    // assigned, not Object.assign'd: no object literal per placed entry (36,000 at L size)
    (object as { pos?: SourcePos }).pos = source.pos(path);
    return object;
  };

  for (const { raw, index } of entries('users')) model.users.push(place(toUser(raw), ['users', index]));
  for (const { raw, index } of entries('groups')) {
    const { members, expiringMembers } = readMembers(raw.members, source, ['groups', index], model.diagnostics);
    const group = place(toGroup(raw, members), ['groups', index]);
    if (expiringMembers.length > 0) group.expiringMembers = expiringMembers;
    model.groups.push(group);
  }
  for (const { raw, index } of entries('permissionSets')) {
    const path = ['permissionSets', index];
    const { permissionSet, policyError } = toPermissionSet(raw);
    if (policyError !== undefined) {
      const message = `permission set "${permissionSet.name}": inline policy ${policyError}`;
      model.diagnostics.push({ severity: 'error', message, pos: source.pos([...path, 'inlinePolicy']) });
    }
    model.permissionSets.push(place(permissionSet, path));
  }
  for (const { raw, index } of entries('assignments')) {
    const entry = place(toAssignment(raw), ['assignments', index]);
    const expiresAt = readExpiry(raw.expiresAt, source, ['assignments', index, 'expiresAt'], model.diagnostics);
    if (expiresAt !== undefined) entry.expiresAt = expiresAt;
    model.assignments.push(entry);
  }
  const pins = data.accounts;
  if (pins !== null && typeof pins === 'object' && !Array.isArray(pins) && !invalidPaths.some((p) => p[0] === 'accounts')) {
    for (const [name, id] of Object.entries(pins as Raw)) {
      if (typeof id === 'string') model.accountPins.push({ name, id, pos: source.pos(['accounts', name], { key: true }) });
    }
  }
  if (data.instance !== undefined) {
    model.instancePos = source.pos(['instance'], { key: true });
    if (!invalidPaths.some((p) => p[0] === 'instance')) {
      model.instance = place(toInstance((data.instance ?? {}) as Raw, model, source), ['instance']);
    }
  }
  const applications = readApplicationEntries(data.applications, invalidPaths, place);
  if (applications !== undefined) model.applications = applications;
  if (data.settings !== undefined) model.settingsPos = source.pos(['settings'], { key: true });
  if (data.settings !== undefined && !model.unreadable.has('settings')) {
    model.settings = toSettings((data.settings ?? {}) as Raw, (entry, i) => place(entry, ['settings', 'safety', 'protect', i]));
    // registered (without a pos field: Settings has none) so rules can point into ignore lists
    sources.register(model.settings, source, ['settings']);
  }
  return model;
}

const DECLARING_KEYS: ReadonlyArray<ListKind | 'settings'> = [...LIST_KINDS, 'settings'];

/**
 * The model of a file that could not be parsed: it declares nothing, and every kind it
 * may have declared is unreadable, so that references to names it might hold are not
 * reported as undeclared (that cascade buried the one real error). A kind counts when it
 * appears as a top-level key (at the start of a line) in the text; without text, or
 * when no top-level key can be seen at all, every kind does.
 */
export function unparsedFileModel(file: string, text: string | undefined): FileModel {
  const keys = text === undefined ? [] : [...text.matchAll(/^["']?([A-Za-z]+)["']?[ \t]*:/gm)].map((m) => m[1]);
  const named = DECLARING_KEYS.filter((kind) => keys.includes(kind));
  const anyKey = keys.some((k) => (DECLARING_KEYS as readonly unknown[]).includes(k));
  return emptyFileModel(file, new Set(anyKey ? named : DECLARING_KEYS));
}

function emptyFileModel(file: string, unreadable: FileModel['unreadable']): FileModel {
  return {
    file,
    users: [],
    groups: [],
    permissionSets: [],
    assignments: [],
    accountPins: [],
    rejectedNames: { users: [], groups: [], permissionSets: [] },
    unreadable,
    diagnostics: [],
  };
}

function isListKind(value: PathSegment | undefined): value is ListKind {
  return (LIST_KINDS as readonly unknown[]).includes(value);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** Sorted and without repeats: the order of members or policies carries no meaning. */
const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort(compareStrings);
const stringMap = (value: unknown): Record<string, string> => ({ ...((value ?? {}) as Record<string, string>) });
const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};

/**
 * A copy of parsed YAML data (objects, arrays, scalars), so that a model never shares a
 * value with another (a YAML alias repeats one object). structuredClone did the same at
 * several times the cost: 20,000 users at L size.
 */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Raw = {};
  const record = value as Raw;
  // keys, not entries: no [key, value] array per property
  for (const key of Object.keys(record)) copy[key] = copyData(record[key]);
  return copy;
}

function toUser(raw: Raw): User {
  const user: User = {
    userName: raw.userName as string,
    displayName: raw.displayName as string,
    givenName: raw.givenName as string,
    familyName: raw.familyName as string,
  };
  // assigned one by one: an object per attribute and Object.assign cost more than the rest of
  // toUser; indexed loops, as for…of left an iterator result per attribute (5.5 MiB at L size)
  const fields = user as unknown as Record<string, unknown>;
  for (let i = 0; i < OPTIONAL_USER_ATTRIBUTES.length; i++) {
    const attribute = OPTIONAL_USER_ATTRIBUTES[i] as string;
    const value = raw[attribute];
    if (typeof value === 'string') fields[attribute] = value;
  }
  for (let i = 0; i < STRUCTURED_USER_ATTRIBUTES.length; i++) {
    const attribute = STRUCTURED_USER_ATTRIBUTES[i] as string;
    copyStructured(fields, attribute, raw[attribute]);
  }
  // `email: x` is the short form of one primary work email, exactly what the tool has
  // always written for it, so files that use it keep meaning the same users. Set after the
  // others: `email:` alone puts `emails` last, as it always has.
  if (typeof raw.email === 'string') copyStructured(fields, 'emails', [{ value: raw.email, type: 'work', primary: true }]);
  // read-only: never compared or written, but plan says where AWS disagrees (src/kinds/user/diff.ts)
  if (raw.status === 'disabled') user.status = 'disabled';
  return user;
}

/** A multi-valued or extension attribute, copied when it holds something. */
function copyStructured(fields: Record<string, unknown>, attribute: string, value: unknown): void {
  if (Array.isArray(value) ? value.length > 0 : typeof value === 'object' && value !== null) fields[attribute] = copyData(value);
}

/** `members`: the userNames, plain or written {user, expiresAt} (readMembers). */
function toGroup(raw: Raw, members: string[]): Group {
  const previousNames = [...new Set(strings(raw.previousNames))];
  return {
    name: raw.name as string,
    ...optional('description', raw.description),
    members: sortedUnique(members),
    ...(previousNames.length > 0 ? { previousNames } : {}),
  };
}

function toPolicyRef(raw: Raw): PolicyRef {
  return { name: raw.name as string, path: typeof raw.path === 'string' ? raw.path : '/' };
}

function toPermissionSet(raw: Raw): { permissionSet: PermissionSet; policyError?: string } {
  const refs = (Array.isArray(raw.customerManagedPolicies) ? raw.customerManagedPolicies : []).map((r) => toPolicyRef(r as Raw));
  const uniqueRefs = [...new Map(refs.map((r) => [`${r.path}${r.name}`, r])).values()];
  const permissionSet: PermissionSet = {
    name: raw.name as string,
    ...optional('description', raw.description),
    ...optional('sessionDuration', raw.sessionDuration),
    ...optional('relayState', raw.relayState),
    tags: stringMap(raw.tags),
    managedPolicies: sortedUnique(strings(raw.managedPolicies)),
    customerManagedPolicies: uniqueRefs.sort(comparePolicyRefs),
  };
  const boundary = raw.permissionsBoundary as Raw | undefined;
  if (boundary !== undefined) permissionSet.permissionsBoundary = toBoundary(boundary);
  if (typeof raw.inlinePolicy === 'string') {
    const parsed = parsePolicyJson(raw.inlinePolicy);
    if ('error' in parsed) return { permissionSet, policyError: parsed.error };
    permissionSet.inlinePolicy = parsed.policy;
  } else if (raw.inlinePolicy !== undefined) {
    permissionSet.inlinePolicy = raw.inlinePolicy as PolicyDocument;
  }
  return { permissionSet };
}

function toBoundary(raw: Raw): PermissionsBoundary {
  if (typeof raw.managedPolicyArn === 'string') return { managedPolicyArn: raw.managedPolicyArn };
  return { customerManagedPolicy: toPolicyRef(raw.customerManagedPolicy as Raw) };
}

function toAssignment(raw: Raw): AssignmentEntry {
  return {
    permissionSet: raw.permissionSet as string,
    users: strings(raw.users),
    groups: strings(raw.groups),
    accounts: strings(raw.accounts),
    organizationalUnits: strings(raw.organizationalUnits),
    accountTags: stringMap(raw.accountTags),
    excludeAccounts: strings(raw.excludeAccounts),
  };
}

/** `instance:`; a key declared twice is an error (AWS keeps one value per key). */
function toInstance(raw: Raw, model: FileModel, source: FileSource): InstanceConfig {
  if (!Array.isArray(raw.accessControlAttributes)) return {};
  const attributes: AccessControlAttribute[] = [];
  raw.accessControlAttributes.forEach((entry: unknown, i) => {
    const { key, source: from } = entry as { key: string; source: string[] };
    if (attributes.some((a) => a.key === key)) {
      const message = `attribute for access control "${key}" is declared twice; keep one entry per key`;
      model.diagnostics.push({ severity: 'error', message, pos: source.pos(['instance', 'accessControlAttributes', i, 'key']) });
      return;
    }
    attributes.push({ key, source: [...from] });
  });
  return { accessControlAttributes: attributes };
}

function toSettings(raw: Raw, place: (entry: ProtectEntry, index: number) => ProtectEntry): Settings {
  const manage = (raw.manage ?? {}) as Partial<Settings['manage']>;
  const ignore = (raw.ignore ?? {}) as Partial<Settings['ignore']>;
  const safety = (raw.safety ?? {}) as Raw;
  const protect = (Array.isArray(safety.protect) ? safety.protect : []).map((entry, i) => {
    const e = entry as Raw;
    const parsed: ProtectEntry = {
      permissionSet: e.permissionSet as string,
      ...optional('group', e.group),
      ...optional('user', e.user),
      ...optional('account', e.account),
    };
    return place(parsed, i);
  });
  const quotas = raw.quotas as Settings['quotas'] | undefined;
  const review = raw.review as Raw | undefined;
  return {
    ...(review?.privileged !== undefined ? { review: { privileged: strings(review.privileged) } } : {}),
    ...(quotas !== undefined ? { quotas: { ...quotas } } : {}),
    manage: { ...DEFAULT_SETTINGS.manage, ...manage },
    ignore: {
      users: strings(ignore.users ?? DEFAULT_SETTINGS.ignore.users),
      groups: strings(ignore.groups ?? DEFAULT_SETTINGS.ignore.groups),
      permissionSets: strings(ignore.permissionSets ?? DEFAULT_SETTINGS.ignore.permissionSets),
      ...(ignore.accounts !== undefined ? { accounts: strings(ignore.accounts) } : {}),
    },
    safety: {
      maxDeletePercent: typeof safety.maxDeletePercent === 'number' ? safety.maxDeletePercent : DEFAULT_SETTINGS.safety.maxDeletePercent,
      protect,
    },
  };
}
