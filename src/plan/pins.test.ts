import { describe, expect, it } from 'vitest';
import { aDesiredState, aProtectEntry, aSettings, anAccount, anAssignmentEntry } from '../testing/builders.js';
import { checkAccountPins } from './pins.js';

const management = anAccount({ id: '999999999999', name: 'Management' });
const prod = anAccount({ id: '222222222222', name: 'prod' });
const pin = (name: string, id: string) => ({ name, id, pos: { file: 'accounts.yaml', line: 2, col: 3 } });

describe('checkAccountPins', () => {
  it('names both ids when a pinned name resolves to another account', () => {
    const desired = aDesiredState({
      accountPins: [pin('Management', '111111111111')],
      assignments: [anAssignmentEntry({ accounts: ['Management'] })],
    });
    const [error, ...rest] = checkAccountPins(desired, [management, prod]);
    expect(rest.filter((d) => d.severity === 'error')).toEqual([]);
    expect(error?.severity).toBe('error');
    expect(error?.message).toContain(
      'account "Management" resolves to 999999999999 in this organization, but it is pinned to 111111111111 (accounts.yaml:2)',
    );
  });

  it('checks names in excludeAccounts and in protect entries too, once per name', () => {
    const desired = aDesiredState({
      accountPins: [pin('prod', '333333333333')],
      assignments: [
        anAssignmentEntry({ organizationalUnits: ['Root'], excludeAccounts: ['prod'] }),
        anAssignmentEntry({ accounts: ['prod'] }),
      ],
      settings: aSettings({ safety: { protect: [aProtectEntry({ account: 'prod' })] } }),
    });
    expect(checkAccountPins(desired, [prod]).filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it('accepts names that resolve to their pins, ids, unpinned names and a state without pins', () => {
    const pinned = aDesiredState({
      accountPins: [pin('prod', prod.id)],
      assignments: [anAssignmentEntry({ accounts: ['prod', '999999999999', 'Management'] })],
    });
    expect(checkAccountPins(pinned, [management, prod])).toEqual([]);
    const unpinned = aDesiredState({ assignments: [anAssignmentEntry({ accounts: ['Management'] })] });
    expect(checkAccountPins(unpinned, [anAccount({ id: '123456789012', name: 'Management' })])).toEqual([]);
  });

  it('warns about a pin whose account is gone from the organization', () => {
    const desired = aDesiredState({ accountPins: [pin('old', '444444444444')] });
    expect(checkAccountPins(desired, [prod])).toEqual([
      {
        severity: 'warning',
        message: 'pinned account "old" (444444444444) is not in the organization; remove the pin when the account is gone for good',
        pos: { file: 'accounts.yaml', line: 2, col: 3 },
      },
    ]);
  });
});
