// Canonical YAML for the state files extract writes: fixed key order per kind, block
// style (one list item per line, so `git diff` shows exactly what changed), no line
// folding, and quoting as YAML 1.1 would need it ("2012-10-17", "yes", "0123"), so the
// files read the same in every editor and parser, including the loader's YAML 1.2 core.
// Inline policies are written as YAML mappings that parse back to the same JSON
// document (key order kept as AWS returned it: Version before Statement reads best).
import { Document } from 'yaml';
import { shortFormEmail } from '../model/user-email.js';
import {
  OPTIONAL_USER_ATTRIBUTES,
  type AccessControlAttribute,
  type AssignmentEntry,
  type ExternalId,
  type Group,
  type JsonValue,
  type PermissionSet,
  type Settings,
  type User,
} from '../model/types.js';
import { comparePolicyRefs, compareStrings } from '../model/order.js';

type Yaml = { [key: string]: JsonValue };

/** `# yaml-language-server: $schema=...` so editors validate and complete the file. */
export function schemaHeader(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}\n`;
}

export function renderYaml(schemaRef: string, content: Yaml): string {
  const doc = new Document(content, { version: '1.1' });
  return schemaHeader(schemaRef) + doc.toString({ lineWidth: 0, indentSeq: true });
}

export function renderUsers(users: readonly User[]): Yaml {
  return { users: users.map(userYaml) };
}

/** Member order inside one email, address, phone number, photo or role, and the enterprise extension. */
const MEMBER_ORDER = ['value', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'formatted', 'display', 'type', 'primary'];
const ENTERPRISE_ORDER = ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager'];

function ordered(value: object, order: readonly string[]): Yaml {
  const entries = Object.entries(value as Yaml).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(entries.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b) || compareStrings(a, b)));
}

/**
 * A user in a fixed key order, empty attributes left out. One primary work email is
 * written as `email:` (its short form); anything else as `emails:`. Read-only facts come
 * last: `status: disabled` and `externalIds`, which plan never compares (no API sets them).
 */
export function userYaml(u: User): Yaml {
  const out: Yaml = { userName: u.userName, displayName: u.displayName, givenName: u.givenName, familyName: u.familyName };
  const email = shortFormEmail(u);
  if (email !== undefined) out.email = email;
  for (const attr of OPTIONAL_USER_ATTRIBUTES) {
    const value = u[attr];
    if (value !== undefined && value !== '') out[attr] = value;
  }
  for (const attr of ['emails', 'phoneNumbers', 'addresses', 'photos', 'roles'] as const) {
    const items = u[attr];
    if (attr === 'emails' && email !== undefined) continue;
    if (items && items.length > 0) out[attr] = items.map((i) => ordered(i, MEMBER_ORDER));
  }
  if (u.enterprise && Object.keys(u.enterprise).length > 0) out.enterprise = ordered(u.enterprise, ENTERPRISE_ORDER);
  if (u.status) out.status = u.status;
  if (u.externalIds && u.externalIds.length > 0) out.externalIds = externalIdsYaml(u.externalIds);
  return out;
}

function externalIdsYaml(ids: readonly ExternalId[]): JsonValue {
  return ids.map((x) => ({ issuer: x.issuer, id: x.id }));
}

export function renderGroups(groups: readonly Group[]): Yaml {
  return {
    groups: groups.map((g) => ({
      name: g.name,
      ...(g.description ? { description: g.description } : {}),
      members: [...g.members],
      ...(g.externalIds && g.externalIds.length > 0 ? { externalIds: externalIdsYaml(g.externalIds) } : {}),
    })),
  };
}

export function renderPermissionSet(set: PermissionSet): Yaml {
  const out: Yaml = { name: set.name };
  if (set.description) out.description = set.description;
  if (set.sessionDuration) out.sessionDuration = set.sessionDuration;
  if (set.relayState) out.relayState = set.relayState;
  const tagKeys = Object.keys(set.tags).sort(compareStrings);
  if (tagKeys.length > 0) out.tags = Object.fromEntries(tagKeys.map((k) => [k, set.tags[k] ?? '']));
  if (set.managedPolicies.length > 0) out.managedPolicies = [...set.managedPolicies].sort(compareStrings);
  if (set.customerManagedPolicies.length > 0) {
    out.customerManagedPolicies = [...set.customerManagedPolicies].sort(comparePolicyRefs).map((p) => ({ name: p.name, path: p.path }));
  }
  if (set.inlinePolicy) out.inlinePolicy = set.inlinePolicy;
  const boundary = set.permissionsBoundary;
  if (boundary) {
    out.permissionsBoundary =
      'managedPolicyArn' in boundary
        ? { managedPolicyArn: boundary.managedPolicyArn }
        : { customerManagedPolicy: { name: boundary.customerManagedPolicy.name, path: boundary.customerManagedPolicy.path } };
  }
  return { permissionSets: [out] };
}

/** Only the parts extract produces: set, principals, literal accounts. */
export function renderAssignments(entries: readonly AssignmentEntry[]): Yaml {
  return {
    assignments: entries.map((e) => ({
      permissionSet: e.permissionSet,
      ...(e.groups.length > 0 ? { groups: [...e.groups] } : {}),
      ...(e.users.length > 0 ? { users: [...e.users] } : {}),
      accounts: [...e.accounts],
    })),
  };
}

/** `instance:` with the ABAC configuration, sorted by key like every extracted list (keys are unique; order does not matter to AWS). */
export function renderInstance(accessControlAttributes: readonly AccessControlAttribute[]): Yaml {
  const sorted = [...accessControlAttributes].sort((a, b) => compareStrings(a.key, b.key));
  return { instance: { accessControlAttributes: sorted.map((a) => ({ key: a.key, source: [...a.source] })) } };
}

/** The settings.yaml written when the directory has no settings at all yet. */
export function renderSettings(settings: Settings): Yaml {
  return {
    settings: {
      manage: { ...settings.manage },
      ignore: {
        users: [...settings.ignore.users],
        groups: [...settings.ignore.groups],
        permissionSets: [...settings.ignore.permissionSets],
      },
      safety: { maxDeletePercent: settings.safety.maxDeletePercent },
    },
  };
}
