// Profile names: safe for an INI section and a file name, stable, and never colliding.
import { describe, expect, it } from 'vitest';
import { nameProfiles, safeName } from './profile-names.js';

describe('safeName', () => {
  it('keeps letters, digits, ".", "_" and "-"; any other run becomes one "-"', () => {
    expect(safeName('prod-eu_1.a')).toBe('prod-eu_1.a');
    expect(safeName('Prod [EU] / shared')).toBe('Prod-EU-shared');
    expect(safeName('a+b=c,d@e')).toBe('a-b-c-d-e');
  });

  it('never gives an empty name, a leading dot or dashes at the ends', () => {
    expect(safeName('###')).toBe('unnamed');
    expect(safeName('..hidden')).toBe('hidden');
    expect(safeName(' -x- ')).toBe('x');
  });
});

describe('nameProfiles', () => {
  const row = (accountId: string, accountName: string, permissionSet: string) => ({ accountId, accountName, permissionSet });

  it('names <account-name>-<permission-set>, sorted by name', () => {
    expect(nameProfiles([row('222222222222', 'prod', 'ReadOnly'), row('111111111111', 'dev', 'Admin')]).map((p) => p.name)).toEqual([
      'dev-Admin',
      'prod-ReadOnly',
    ]);
  });

  it('two accounts with one name both get their id, so neither replaces the other', () => {
    expect(
      nameProfiles([row('111111111111', 'sandbox', 'Dev'), row('222222222222', 'sandbox', 'Dev'), row('333333333333', 'prod', 'Dev')]),
    ).toEqual([
      { name: 'prod-Dev', accountId: '333333333333', permissionSet: 'Dev' },
      { name: 'sandbox-111111111111-Dev', accountId: '111111111111', permissionSet: 'Dev' },
      { name: 'sandbox-222222222222-Dev', accountId: '222222222222', permissionSet: 'Dev' },
    ]);
  });

  it('names that collide only once made safe are told apart the same way', () => {
    expect(nameProfiles([row('111111111111', 'a b', 'X'), row('222222222222', 'a/b', 'X')]).map((p) => p.name)).toEqual([
      'a-b-111111111111-X',
      'a-b-222222222222-X',
    ]);
  });
});
