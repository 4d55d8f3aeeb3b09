import { describe, expect, it } from 'vitest';
import { userAttributeOperations } from './identity-store-writer.js';

describe('userAttributeOperations', () => {
  it('maps modelled attributes to identitystore attribute paths', () => {
    expect(
      userAttributeOperations([
        { field: 'displayName', before: 'A', after: 'B' },
        { field: 'givenName', before: 'x', after: 'y' },
        { field: 'email', before: 'a@x', after: 'b@x' },
      ]),
    ).toEqual([
      { AttributePath: 'displayName', AttributeValue: 'B' },
      { AttributePath: 'name.givenName', AttributeValue: 'y' },
      { AttributePath: 'emails', AttributeValue: [{ Value: 'b@x', Type: 'work', Primary: true }] },
    ]);
  });

  it('removes an attribute that is no longer set', () => {
    expect(userAttributeOperations([{ field: 'title', before: 'CTO' }])).toEqual([{ AttributePath: 'title' }]);
  });

  it('refuses an attribute it does not model', () => {
    expect(() => userAttributeOperations([{ field: 'userName', before: 'a', after: 'b' }])).toThrow('user attribute "userName" cannot be updated');
  });
});
