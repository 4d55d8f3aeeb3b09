import type { User as SdkUser } from '@aws-sdk/client-identitystore';
import { describe, expect, it } from 'vitest';
import { createUserInput, unmodelledUserAttributes } from './user-shape.js';
import { toLiveUser } from './users.js';

/** A user carrying every attribute CreateUser can set (identitystore CreateUserRequest). */
const FULL: SdkUser = {
  IdentityStoreId: 'd-1234567890',
  UserId: 'u-1',
  UserName: 'ada',
  DisplayName: 'Ada Lovelace',
  Name: {
    GivenName: 'Ada',
    FamilyName: 'Lovelace',
    MiddleName: 'King',
    HonorificPrefix: 'Countess',
    HonorificSuffix: 'FRS',
    Formatted: 'Countess Ada King Lovelace FRS',
  },
  NickName: 'Ada',
  ProfileUrl: 'https://example.com/ada',
  Emails: [{ Value: 'ada@example.com', Type: 'home', Primary: true }],
  Addresses: [
    {
      StreetAddress: '12 St James Sq',
      Locality: 'London',
      Region: 'LDN',
      PostalCode: 'SW1Y',
      Country: 'GB',
      Formatted: '12 St James Sq, London',
      Type: 'work',
      Primary: true,
    },
  ],
  PhoneNumbers: [{ Value: '+44 20 0000 0000', Type: 'mobile', Primary: true }],
  UserType: 'Employee',
  Title: 'Analyst',
  PreferredLanguage: 'en-GB',
  Locale: 'en_GB',
  Timezone: 'Europe/London',
  Photos: [{ Value: 'https://example.com/ada.png', Type: 'photo', Display: 'Portrait', Primary: true }],
  Website: 'https://ada.example.com',
  Birthdate: '1815-12-10',
  Roles: [{ Value: 'Researcher', Type: 'work', Primary: true }],
  Extensions: {
    'aws:identitystore:enterprise': {
      employeeNumber: '1815',
      costCenter: 'CC-1',
      organization: 'Analytical',
      division: 'Engines',
      department: 'Notes',
      manager: { value: 'u-babbage' },
    },
  },
};

describe('toLiveUser', () => {
  it('keeps every attribute CreateUser can set, so a migration loses none (phone number, address, photos, roles, enterprise)', () => {
    const live = toLiveUser(FULL);
    expect(live).toMatchObject({
      honorificPrefix: 'Countess',
      honorificSuffix: 'FRS',
      formattedName: 'Countess Ada King Lovelace FRS',
      website: 'https://ada.example.com',
      birthdate: '1815-12-10',
      emails: [{ value: 'ada@example.com', type: 'home', primary: true }],
      phoneNumbers: [{ value: '+44 20 0000 0000', type: 'mobile', primary: true }],
      addresses: [
        {
          streetAddress: '12 St James Sq',
          locality: 'London',
          region: 'LDN',
          postalCode: 'SW1Y',
          country: 'GB',
          formatted: '12 St James Sq, London',
          type: 'work',
          primary: true,
        },
      ],
      photos: [{ value: 'https://example.com/ada.png', type: 'photo', display: 'Portrait', primary: true }],
      roles: [{ value: 'Researcher', type: 'work', primary: true }],
      enterprise: {
        employeeNumber: '1815',
        costCenter: 'CC-1',
        organization: 'Analytical',
        division: 'Engines',
        department: 'Notes',
        manager: { value: 'u-babbage' },
      },
    });
    expect(unmodelledUserAttributes(FULL)).toEqual([]);
  });

  it('round-trips: the CreateUser input built from the read user carries the same attributes', () => {
    const input = createUserInput('d-1234567890', toLiveUser(FULL));
    const { IdentityStoreId: _s, UserId: _u, ...attributes } = FULL;
    expect(input).toEqual({ IdentityStoreId: 'd-1234567890', ...attributes });
  });

  it('reads UserStatus DISABLED and ExternalIds as read-only facts, ENABLED as nothing', () => {
    const live = toLiveUser({ ...FULL, UserStatus: 'DISABLED', ExternalIds: [{ Issuer: 'https://idp.example.com', Id: 'abc' }] });
    expect(live.status).toBe('disabled');
    expect(live.externalIds).toEqual([{ issuer: 'https://idp.example.com', id: 'abc' }]);
    expect(toLiveUser({ ...FULL, UserStatus: 'ENABLED' }).status).toBeUndefined();
  });

  it('names what the state cannot hold: another extension, an unknown enterprise member', () => {
    const odd: SdkUser = {
      ...FULL,
      Extensions: { 'aws:identitystore:enterprise': { costCenter: 'CC', badge: 'x' }, 'aws:identitystore:future': { a: 1 } },
    };
    expect(unmodelledUserAttributes(odd)).toEqual([
      'Extensions["aws:identitystore:enterprise"].badge',
      'Extensions["aws:identitystore:future"]',
    ]);
  });
});
