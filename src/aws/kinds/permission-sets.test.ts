import { describe, expect, it } from 'vitest';
import { userTags } from './permission-sets.js';

describe('permission set tags read from AWS', () => {
  it('leave out the keys AWS reserves (aws: in any case), which validate rejects and no user can remove', () => {
    const read = [
      { Key: 'team', Value: 'platform' },
      { Key: 'aws:cloudformation:stack-name', Value: 'sso' },
      { Key: 'AWS:Other', Value: 'x' },
      { Key: 'awsish', Value: 'kept' },
    ];
    expect(userTags(read)).toEqual({ team: 'platform', awsish: 'kept' });
  });
});
