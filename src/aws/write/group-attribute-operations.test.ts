import { describe, expect, it } from 'vitest';
import { groupAttributeOperations } from './identity-store-writer.js';

describe('groupAttributeOperations', () => {
  it('renames a group in place with AttributePath displayName', () => {
    expect(groupAttributeOperations([{ field: 'displayName', before: 'Support', after: 'Customer Support' }])).toEqual([
      { AttributePath: 'displayName', AttributeValue: 'Customer Support' },
    ]);
  });

  it('sets and removes the description', () => {
    expect(groupAttributeOperations([{ field: 'description', after: 'd' }])).toEqual([
      { AttributePath: 'description', AttributeValue: 'd' },
    ]);
    expect(groupAttributeOperations([{ field: 'description', before: 'd' }])).toEqual([{ AttributePath: 'description' }]);
  });

  it('never removes the name, and refuses attributes it does not model', () => {
    expect(() => groupAttributeOperations([{ field: 'displayName', before: 'Support' }])).toThrow(
      "a group's displayName cannot be removed",
    );
    expect(() => groupAttributeOperations([{ field: 'externalIds', after: 'x' }])).toThrow(
      'group attribute "externalIds" cannot be updated',
    );
  });
});
