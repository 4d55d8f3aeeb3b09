// Names that do not resolve against the organization or the identity store are errors
// that say what was probably meant.
import { describe, expect, it } from 'vitest';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  anAccount,
  anAssignmentEntry,
  liveStateOf,
} from '../testing/builders.js';
import { formatDiagnostic } from '../model/types.js';
import { resolveDesired } from './resolve.js';

const prod = anAccount({ id: '111122223333', name: 'production', ouPath: 'Root/Workloads/Prod' });
const staging = anAccount({ id: '444455556666', name: 'staging', ouPath: 'Root/Workloads/Staging' });
const pos = { file: 'identity/assignments.yaml', line: 2, col: 5 };

function errors(entry: Parameters<typeof anAssignmentEntry>[0], settings = aSettings()): string[] {
  const desired = aDesiredState({
    settings,
    permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
    groups: [aGroup({ name: 'Developers' })],
    assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], pos, ...entry })],
  });
  const live = liveStateOf({
    accounts: [prod, staging],
    groups: [aGroup({ name: 'Platform Admins' })],
    permissionSets: [aPermissionSet({ name: 'Billing' })],
  });
  return resolveDesired(desired, live).diagnostics.map(formatDiagnostic);
}

describe('resolveDesired: names that do not resolve', () => {
  it('an account name with a typo suggests the account', () => {
    expect(errors({ accounts: ['prodution'] })).toEqual([
      'identity/assignments.yaml:2:5: assignment of "ReadOnly": account "prodution" is not in the organization (did you mean "production"?)',
    ]);
  });

  it('an account id with a typo suggests the id and its name', () => {
    expect(errors({ accounts: ['111122223334'] })).toEqual([
      'identity/assignments.yaml:2:5: assignment of "ReadOnly": account 111122223334 is not in the organization (did you mean 111122223333 "production"?)',
    ]);
  });

  it('an excluded account with a typo suggests the account', () => {
    expect(errors({ organizationalUnits: ['Root'], excludeAccounts: ['stagin'] })).toEqual([
      'identity/assignments.yaml:2:5: assignment of "ReadOnly": excludeAccounts: account "stagin" is not in the organization (did you mean "staging"?)',
    ]);
  });

  it('an OU path with a typo suggests the OU', () => {
    expect(errors({ organizationalUnits: ['Root/Workload/Prod'] })).toEqual([
      'identity/assignments.yaml:2:5: assignment of "ReadOnly": organizational unit "Root/Workload/Prod" does not exist (did you mean "Root/Workloads/Prod"?)',
    ]);
  });

  it('an unmanaged group or permission set missing live suggests the live name', () => {
    const settings = aSettings({ manage: { groups: false, permissionSets: false } });
    expect(errors({ permissionSet: 'Biling', groups: ['Platform Admin'], accounts: ['production'] }, settings)).toEqual([
      'identity/assignments.yaml:2:5: permission set "Biling" is not managed here (settings.manage.permissionSets: false) and does not exist in the identity store (did you mean "Billing"?)',
      'identity/assignments.yaml:2:5: group "Platform Admin" is not managed here (settings.manage.groups: false) and does not exist in the identity store (did you mean "Platform Admins"?)',
    ]);
  });
});

describe('resolveDesired: a protect entry limited to an account', () => {
  const settingsPos = { file: 'identity/settings.yaml', line: 9, col: 9 };
  const protecting = (account: string) =>
    aSettings({ safety: { protect: [aProtectEntry({ permissionSet: 'ReadOnly', group: 'Developers', account, pos: settingsPos })] } });

  it('is an error when no account bears the name (renamed, closed or mistyped): it would protect nothing', () => {
    expect(errors({ accounts: ['production'] }, protecting('prodution'))).toEqual([
      'identity/settings.yaml:9:9: settings.safety.protect: account "prodution" is not in the organization (did you mean "production"?); the entry would protect nothing',
    ]);
    expect(errors({ accounts: ['production'] }, protecting('999999999999'))).toEqual([
      'identity/settings.yaml:9:9: settings.safety.protect: account 999999999999 is not in the organization; the entry would protect nothing',
    ]);
  });

  it('resolves an account of the organization, by name or by id', () => {
    expect(errors({ accounts: ['production'] }, protecting('staging'))).toEqual([]);
    expect(errors({ accounts: ['production'] }, protecting('111122223333'))).toEqual([]);
  });
});

describe('resolveDesired: settings.ignore.accounts', () => {
  const resolve = (entry: Parameters<typeof anAssignmentEntry>[0], ignoreAccounts: string[]) => {
    const desired = aDesiredState({
      settings: aSettings({ ignore: { accounts: ignoreAccounts } }),
      permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
      groups: [aGroup({ name: 'Developers' })],
      assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Developers'], pos, ...entry })],
    });
    const live = liveStateOf({
      accounts: [prod, staging],
      groups: [aGroup({ name: 'Developers' })],
      permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
    });
    const { resolved, diagnostics } = resolveDesired(desired, live);
    return { accounts: resolved.assignments.map((a) => a.accountId), lines: diagnostics.map(formatDiagnostic) };
  };

  it('drops accounts reached through an OU that match by name glob, silently', () => {
    expect(resolve({ organizationalUnits: ['Root'] }, ['stag*'])).toEqual({ accounts: [prod.id], lines: [] });
  });

  it('drops an account named explicitly that matches by id, with a warning', () => {
    expect(resolve({ accounts: ['production', 'staging'] }, [prod.id])).toEqual({
      accounts: [staging.id],
      lines: [
        `identity/assignments.yaml:2:5: warning: assignment of "ReadOnly": account "production" (${prod.id}) matches settings.ignore.accounts; it is left alone`,
      ],
    });
  });
});
