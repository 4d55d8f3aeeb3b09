import { describe, expect, it } from 'vitest';
import { provisioningOf, uniqueAssignments } from './assignments.js';

describe('provisioningOf', () => {
  it('marks provisioned pairs current unless the stale listing names them, and adds stale pairs it did not know', () => {
    const provisioned = [
      { permissionSetArn: 'ps-a', accountId: '1' },
      { permissionSetArn: 'ps-b', accountId: '1' },
    ];
    const stale = [
      { permissionSetArn: 'ps-b', accountId: '1' },
      { permissionSetArn: 'ps-c', accountId: '2' },
    ];
    expect(provisioningOf(provisioned, stale)).toEqual([
      { permissionSetArn: 'ps-a', accountId: '1', status: 'LATEST_PERMISSION_SET_PROVISIONED' },
      { permissionSetArn: 'ps-b', accountId: '1', status: 'LATEST_PERMISSION_SET_NOT_PROVISIONED' },
      { permissionSetArn: 'ps-c', accountId: '2', status: 'LATEST_PERMISSION_SET_NOT_PROVISIONED' },
    ]);
  });
});

describe('uniqueAssignments', () => {
  it('keeps one row per assignment when a listing repeats it', () => {
    const row = { permissionSetArn: 'ps-a', accountId: '1', principalType: 'GROUP' as const, principalId: 'g' };
    expect(uniqueAssignments([row, { ...row }])).toEqual([row]);
  });
});
