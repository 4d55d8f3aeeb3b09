// Writes a SpecState as a state directory in the layout docs/state-format.md describes
// (users.yaml, groups.yaml, permission-sets/*.yaml, assignments.yaml, settings.yaml).
// The directory is emptied first, so a renamed or deleted permission set leaves no file.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SpecAccountRef, SpecState } from './model.js';

function accountRef(ref: SpecAccountRef, accountIds: ReadonlyMap<string, string>): string {
  if (!ref.byId) return ref.account;
  const id = accountIds.get(ref.account);
  if (id === undefined) throw new Error(`no id for account ${ref.account}`);
  return id;
}

export async function writeStateFiles(dir: string, state: SpecState, accountIds: ReadonlyMap<string, string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'permission-sets'), { recursive: true });
  const write = (file: string, content: unknown) => writeFile(join(dir, file), stringify(content), 'utf8');
  await write('settings.yaml', { settings: { safety: { maxDeletePercent: state.maxDeletePercent } } });
  await write('users.yaml', { users: state.users });
  await write('groups.yaml', { groups: state.groups });
  await write('assignments.yaml', {
    assignments: state.assignments.map((a) => ({
      permissionSet: a.permissionSet,
      ...(a.users.length > 0 ? { users: a.users } : {}),
      ...(a.groups.length > 0 ? { groups: a.groups } : {}),
      ...(a.accounts.length > 0 ? { accounts: a.accounts.map((r) => accountRef(r, accountIds)) } : {}),
      ...(a.organizationalUnits.length > 0 ? { organizationalUnits: a.organizationalUnits } : {}),
      ...(Object.keys(a.accountTags).length > 0 ? { accountTags: a.accountTags } : {}),
      ...(a.excludeAccounts.length > 0 ? { excludeAccounts: a.excludeAccounts.map((r) => accountRef(r, accountIds)) } : {}),
    })),
  });
  // one file per set, named by position: set names may hold characters a file name should not
  await Promise.all(
    state.permissionSets.map((s, i) => {
      const entry = {
        ...s,
        ...(Object.keys(s.tags).length === 0 ? { tags: undefined } : {}),
        ...(s.managedPolicies.length === 0 ? { managedPolicies: undefined } : {}),
        ...(s.customerManagedPolicies.length === 0 ? { customerManagedPolicies: undefined } : {}),
      };
      return write(join('permission-sets', `set-${i}.yaml`), { permissionSets: [entry] });
    }),
  );
}
