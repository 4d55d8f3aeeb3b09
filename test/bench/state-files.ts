// Writes a synthetic organization as a state directory in the canonical layout of docs/state-format.md
// (settings.yaml, users.yaml, groups.yaml, permission-sets/<Name>.yaml, assignments.yaml).
// Assignments that share a permission set and the same account list become one entry with
// several principals, the way people write them by hand. A kind whose file would pass
// MAX_FILE_BYTES is split into numbered files (users-01.yaml, ...), as a team splits a big
// kind for review; docs/state-format.md lets users split files any way they like.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { PermissionSet } from '../../src/model/types.js';
import { compareStrings } from '../../src/model/order.js';
import type { SyntheticAssignment, SyntheticOrg } from './org.js';

export interface AssignmentEntryYaml {
  permissionSet: string;
  groups?: string[];
  users?: string[];
  accounts: string[];
}

/** Safety limits stay at their defaults; the benchmark never deletes a kind wholesale. */
const SETTINGS = { settings: { manage: { users: true, groups: true, groupMemberships: true, permissionSets: true, assignments: true } } };

export function writeStateDirectory(dir: string, org: SyntheticOrg): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'permission-sets'), { recursive: true });
  write(join(dir, 'settings.yaml'), SETTINGS);
  writeSplit(dir, 'users', org.users);
  writeSplit(dir, 'groups', org.groups);
  for (const set of org.permissionSets)
    write(join(dir, 'permission-sets', `${set.name}.yaml`), { permissionSets: [permissionSetYaml(set)] });
  writeSplit(dir, 'assignments', assignmentEntries(org.assignments));
}

/** A reviewable file size, far below the loader's 16 MiB limit (src/load/read-files.ts). */
const MAX_FILE_BYTES = 512 * 1024;

function yamlText(document: unknown): string {
  return stringify(document, { lineWidth: 0 });
}

function write(file: string, document: unknown): void {
  writeFileSync(file, yamlText(document), 'utf8');
}

/** `<kind>.yaml`, or `<kind>-01.yaml`... with equal shares when one file would be too big. */
function writeSplit(dir: string, kind: string, items: readonly unknown[]): void {
  const text = yamlText({ [kind]: items });
  const parts = Math.ceil(Buffer.byteLength(text) / MAX_FILE_BYTES);
  if (parts <= 1) {
    writeFileSync(join(dir, `${kind}.yaml`), text, 'utf8');
    return;
  }
  const size = Math.ceil(items.length / parts);
  for (let p = 0; p < parts; p++)
    write(join(dir, `${kind}-${String(p + 1).padStart(2, '0')}.yaml`), { [kind]: items.slice(p * size, (p + 1) * size) });
}

/** Empty collections are left out, as a person would write the file. */
function permissionSetYaml(set: PermissionSet): Record<string, unknown> {
  const { tags, managedPolicies, customerManagedPolicies, pos: _pos, ...rest } = set;
  return {
    ...rest,
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
    ...(customerManagedPolicies.length > 0 ? { customerManagedPolicies } : {}),
  };
}

export function assignmentEntries(assignments: readonly SyntheticAssignment[]): AssignmentEntryYaml[] {
  // principal → accounts, per set
  const accountsOf = new Map<string, { set: string; type: SyntheticAssignment['principalType']; principal: string; accounts: string[] }>();
  for (const a of assignments) {
    const key = `${a.permissionSet}|${a.principalType}|${a.principal}`;
    let row = accountsOf.get(key);
    if (!row) accountsOf.set(key, (row = { set: a.permissionSet, type: a.principalType, principal: a.principal, accounts: [] }));
    row.accounts.push(a.account);
  }
  // principals sharing set and account list → one entry
  const entries = new Map<string, AssignmentEntryYaml>();
  for (const row of accountsOf.values()) {
    const accounts = [...row.accounts].sort();
    const key = `${row.set}|${accounts.join(',')}`;
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = { permissionSet: row.set, accounts }));
    const list = row.type === 'GROUP' ? (entry.groups ??= []) : (entry.users ??= []);
    list.push(row.principal);
  }
  return [...entries.values()]
    .map((e) => ({
      permissionSet: e.permissionSet,
      ...(e.groups ? { groups: e.groups.sort() } : {}),
      ...(e.users ? { users: e.users.sort() } : {}),
      accounts: e.accounts,
    }))
    .sort((a, b) => compareStrings(a.permissionSet, b.permissionSet) || compareStrings(a.accounts.join(','), b.accounts.join(',')));
}
