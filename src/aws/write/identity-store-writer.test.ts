import { describe, expect, it } from 'vitest';
import { userAttributeOperations } from './identity-store-writer.js';

describe('userAttributeOperations', () => {
  it('maps modelled attributes to identitystore attribute paths', () => {
    expect(
      userAttributeOperations([
        { field: 'displayName', before: 'A', after: 'B' },
        { field: 'givenName', before: 'x', after: 'y' },
        { field: 'emails', before: [{ value: 'a@x', type: 'work', primary: true }], after: [{ value: 'b@x', type: 'home' }] },
        { field: 'honorificPrefix', after: 'Dr.' },
        { field: 'formattedName', after: 'Dr. Ada Lovelace' },
        { field: 'phoneNumbers', after: [{ value: '+1 555', type: 'mobile', primary: true }] },
        { field: 'birthdate', after: '1815-12-10' },
        { field: 'enterprise', after: { costCenter: 'CC-1', manager: { value: 'u-2' } } },
      ]),
    ).toEqual([
      { AttributePath: 'displayName', AttributeValue: 'B' },
      { AttributePath: 'name.givenName', AttributeValue: 'y' },
      { AttributePath: 'emails', AttributeValue: [{ Value: 'b@x', Type: 'home' }] },
      { AttributePath: 'name.honorificPrefix', AttributeValue: 'Dr.' },
      { AttributePath: 'name.formatted', AttributeValue: 'Dr. Ada Lovelace' },
      { AttributePath: 'phoneNumbers', AttributeValue: [{ Value: '+1 555', Type: 'mobile', Primary: true }] },
      { AttributePath: 'birthdate', AttributeValue: '1815-12-10' },
      { AttributePath: 'aws:identitystore:enterprise', AttributeValue: { costCenter: 'CC-1', manager: { value: 'u-2' } } },
    ]);
  });

  it('removes an attribute that is no longer set', () => {
    expect(userAttributeOperations([{ field: 'title', before: 'CTO' }])).toEqual([{ AttributePath: 'title' }]);
  });

  it('removes a phone number, a name part and the enterprise extension by their paths', () => {
    expect(
      userAttributeOperations([
        { field: 'phoneNumbers', before: [{ value: '1' }] },
        { field: 'honorificSuffix', before: 'FRS' },
        { field: 'enterprise', before: { costCenter: 'CC' } },
      ]),
    ).toEqual([
      { AttributePath: 'phoneNumbers' },
      { AttributePath: 'name.honorificSuffix' },
      { AttributePath: 'aws:identitystore:enterprise' },
    ]);
  });

  it('refuses the read-only facts: status and externalIds are never written', () => {
    expect(() => userAttributeOperations([{ field: 'status', after: 'disabled' }])).toThrow('user attribute "status" cannot be updated');
    expect(() => userAttributeOperations([{ field: 'externalIds', after: [] }])).toThrow('cannot be updated');
  });

  it('refuses an attribute it does not model', () => {
    expect(() => userAttributeOperations([{ field: 'userName', before: 'a', after: 'b' }])).toThrow(
      'user attribute "userName" cannot be updated',
    );
  });
});
