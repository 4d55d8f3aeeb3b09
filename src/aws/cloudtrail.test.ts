import { describe, expect, it } from 'vitest';
import { trailEvent } from './cloudtrail.js';

describe('trailEvent: the fields of a CloudTrail record the plan uses', () => {
  it('reads an assumed-role call: principal, session name, source IP, request and answer', () => {
    const record = {
      eventID: 'e-1',
      eventName: 'CreateAccountAssignment',
      eventSource: 'sso.amazonaws.com',
      eventTime: '2026-11-29T10:00:00Z',
      userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/mallory@example.com' },
      sourceIPAddress: '203.0.113.7',
      requestParameters: { permissionSetArn: 'arn:ps' },
      responseElements: { accountAssignmentCreationStatus: {} },
    };
    expect(trailEvent(JSON.stringify(record), undefined)).toEqual({
      eventId: 'e-1',
      eventName: 'CreateAccountAssignment',
      eventSource: 'sso.amazonaws.com',
      time: '2026-11-29T10:00:00Z',
      principalType: 'AssumedRole',
      principalArn: 'arn:aws:sts::111122223333:assumed-role/Admin/mallory@example.com',
      sessionName: 'mallory@example.com',
      sourceIPAddress: '203.0.113.7',
      requestParameters: { permissionSetArn: 'arn:ps' },
      responseElements: { accountAssignmentCreationStatus: {} },
    });
  });

  it('keeps the error code of a failed call and the service that invoked it; no session for root', () => {
    const record = {
      eventName: 'DeleteUser',
      userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root', invokedBy: 'sso.amazonaws.com' },
      errorCode: 'ResourceNotFoundException',
    };
    const event = trailEvent(JSON.stringify(record), new Date('2026-11-29T10:00:00Z'));
    expect(event).toMatchObject({ principalType: 'Root', invokedBy: 'sso.amazonaws.com', errorCode: 'ResourceNotFoundException' });
    expect(event?.time).toBe('2026-11-29T10:00:00.000Z');
    expect(event).not.toHaveProperty('sessionName');
    expect(event?.requestParameters).toBeNull();
  });

  it('skips a record that is not JSON instead of failing the lookup', () => {
    expect(trailEvent('not json', undefined)).toBeUndefined();
    expect(trailEvent(undefined, undefined)).toBeUndefined();
  });
});
