import { describe, expect, it } from 'vitest';
import {
  aLiveGroup,
  aLivePermissionSet,
  aLiveState,
  aLiveUser,
  aTrailEvent,
  permissionSetArn,
  MANAGEMENT_ACCOUNT_ID,
} from '../testing/builders.js';
import { attributeChange, cluesFor, cluesForAll, eventNamesToLookUp, matchingEvents, MAX_EVENTS_PER_CHANGE } from './attribution.js';
import type { AssignmentChange, Change } from './types.js';

const live = aLiveState({
  users: [aLiveUser({ userName: 'alice@example.com', id: 'u-alice' })],
  groups: [aLiveGroup({ name: 'Admins', id: 'g-admins' })],
  permissionSets: [aLivePermissionSet({ name: 'Admin' })],
});
const ADMIN_ARN = permissionSetArn('Admin');
const assignment = (action: 'create' | 'delete'): AssignmentChange => ({
  kind: 'assignment',
  action,
  permissionSet: 'Admin',
  principalType: 'GROUP',
  principal: 'Admins',
  accountId: '222233334444',
});
const assignmentRequest = { permissionSetArn: ADMIN_ARN, targetId: '222233334444', targetType: 'AWS_ACCOUNT', principalId: 'g-admins' };

describe('cluesFor: the events that would explain a change', () => {
  it('an assignment AWS has and the files do not was created: CreateAccountAssignment of that set, account and principal id', () => {
    expect(cluesFor(assignment('delete'), live)).toEqual({
      clues: [
        {
          eventName: 'CreateAccountAssignment',
          fields: { 'request.permissionSetArn': ADMIN_ARN, 'request.targetId': '222233334444', 'request.principalId': 'g-admins' },
        },
      ],
    });
  });

  it('gives every change of a plan the same clues as one at a time (cluesForAll indexes the live ids once)', () => {
    const changes: Change[] = [assignment('delete'), assignment('create'), { kind: 'group', action: 'create', name: 'Gone' }];
    expect(cluesForAll(changes, live)).toEqual(changes.map((c) => cluesFor(c, live)));
  });

  it('an assignment the files want and AWS lacks was deleted: DeleteAccountAssignment', () => {
    expect(cluesFor(assignment('create'), live)).toMatchObject({ clues: [{ eventName: 'DeleteAccountAssignment' }] });
  });

  it('a membership AWS has extra: CreateGroupMembership of that group id and user id', () => {
    const change: Change = { kind: 'membership', action: 'delete', group: 'Admins', userName: 'alice@example.com' };
    expect(cluesFor(change, live)).toEqual({
      clues: [{ eventName: 'CreateGroupMembership', fields: { 'request.groupId': 'g-admins', 'request.memberId.userId': 'u-alice' } }],
    });
  });

  it('a permission set update looks only for the calls that change the attributes that differ', () => {
    const change: Change = {
      kind: 'permissionSet',
      action: 'update',
      name: 'Admin',
      after: live.permissionSets[0] ?? aLivePermissionSet(),
      attributes: [
        { field: 'inlinePolicy', before: '{}', after: '{"a":1}' },
        { field: 'tags', before: {}, after: { a: 'b' } },
      ],
    };
    const clues = cluesFor(change, live);
    expect('clues' in clues && clues.clues.map((c) => c.eventName).sort()).toEqual([
      'DeleteInlinePolicyFromPermissionSet',
      'PutInlinePolicyToPermissionSet',
      'TagResource',
      'UntagResource',
    ]);
  });

  it('a user AWS has extra: CreateUser answered with its id, or a later UpdateUser', () => {
    const change: Change = { kind: 'user', action: 'delete', userName: 'alice@example.com' };
    expect(cluesFor(change, live)).toEqual({
      clues: [
        { eventName: 'CreateUser', fields: { 'response.userId': 'u-alice' } },
        { eventName: 'UpdateUser', fields: { 'request.userId': 'u-alice' } },
      ],
    });
  });

  it('says why an object deleted behind the tool’s back cannot be attributed', () => {
    expect(cluesFor({ kind: 'group', action: 'create', name: 'Gone' }, live)).toEqual({ unattributable: expect.stringContaining('Gone') });
    expect(cluesFor({ kind: 'membership', action: 'create', group: 'Admins', userName: 'alice@example.com' }, live)).toEqual({
      unattributable: expect.stringContaining('membership id'),
    });
    expect(cluesFor({ ...assignment('create'), permissionSet: 'Missing' }, live)).toHaveProperty('unattributable');
  });

  it('a group rename is found by the id of the live (previous) name', () => {
    expect(cluesFor({ kind: 'group', action: 'rename', name: 'Administrators', previousName: 'Admins' }, live)).toEqual({
      clues: [{ eventName: 'UpdateGroup', fields: { 'request.groupId': 'g-admins' } }],
    });
  });
});

describe('eventNamesToLookUp', () => {
  it('asks for each event name once, whatever the number of changes', () => {
    const clues = [cluesFor(assignment('delete'), live), cluesFor({ ...assignment('delete'), accountId: '999988887777' }, live)];
    expect(eventNamesToLookUp([...clues, { unattributable: 'x' }])).toEqual(['CreateAccountAssignment']);
  });
});

describe('matchingEvents', () => {
  const clues = cluesFor(assignment('delete'), live);

  it('keeps the events whose request names the same set, account and principal; ignores failed calls', () => {
    const mine = aTrailEvent({ requestParameters: assignmentRequest });
    const otherAccount = aTrailEvent({ requestParameters: { ...assignmentRequest, targetId: '999988887777' } });
    const failed = aTrailEvent({ requestParameters: assignmentRequest, errorCode: 'ConflictException' });
    const otherName = aTrailEvent({ eventName: 'DeleteAccountAssignment', requestParameters: assignmentRequest });
    expect(matchingEvents(clues, [otherAccount, mine, failed, otherName]).map((e) => e.eventId)).toEqual([mine.eventId]);
  });

  it('says who, when and from where: an IP address, or the AWS service that called', () => {
    const byIp = aTrailEvent({ requestParameters: assignmentRequest, time: '2026-11-02T00:00:00Z' });
    const byConsole = aTrailEvent({
      requestParameters: assignmentRequest,
      time: '2026-11-01T00:00:00Z',
      sourceIPAddress: 'sso.amazonaws.com',
      principalArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:root`,
      principalType: 'Root',
    });
    delete byConsole.sessionName;
    expect(matchingEvents(clues, [byConsole, byIp])).toEqual([
      {
        time: '2026-11-02T00:00:00Z',
        eventName: 'CreateAccountAssignment',
        eventSource: 'sso.amazonaws.com',
        eventId: byIp.eventId,
        principalType: 'AssumedRole',
        principalArn: byIp.principalArn,
        sessionName: 'mallory',
        sourceIp: '203.0.113.7',
      },
      {
        time: '2026-11-01T00:00:00Z',
        eventName: 'CreateAccountAssignment',
        eventSource: 'sso.amazonaws.com',
        eventId: byConsole.eventId,
        principalType: 'Root',
        principalArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT_ID}:root`,
        viaService: 'sso.amazonaws.com',
      },
    ]);
  });

  it('keeps the newest few when a change was made many times', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_CHANGE + 3 }, (_, i) =>
      aTrailEvent({ requestParameters: assignmentRequest, time: `2026-11-${String(i + 1).padStart(2, '0')}T00:00:00Z` }),
    );
    const found = matchingEvents(clues, events);
    expect(found).toHaveLength(MAX_EVENTS_PER_CHANGE);
    expect(found[0]?.time).toBe(`2026-11-${String(MAX_EVENTS_PER_CHANGE + 3).padStart(2, '0')}T00:00:00Z`);
  });

  it('matches nested request members (a membership’s memberId.userId)', () => {
    const membership = cluesFor({ kind: 'membership', action: 'delete', group: 'Admins', userName: 'alice@example.com' }, live);
    const event = aTrailEvent({
      eventName: 'CreateGroupMembership',
      eventSource: 'identitystore.amazonaws.com',
      requestParameters: { groupId: 'g-admins', memberId: { userId: 'u-alice' } },
    });
    const otherUser = aTrailEvent({ ...event, eventId: 'x', requestParameters: { groupId: 'g-admins', memberId: { userId: 'u-bob' } } });
    expect(matchingEvents(membership, [otherUser, event]).map((e) => e.eventId)).toEqual([event.eventId]);
  });
});

describe('attributeChange', () => {
  it('notes when CloudTrail has no matching event in the window', () => {
    expect(attributeChange(3, cluesFor(assignment('delete'), live), [], '2026-09-01T00:00:00Z')).toEqual({
      change: 3,
      events: [],
      note: expect.stringContaining('since 2026-09-01T00:00:00Z'),
    });
  });

  it('notes an unattributable change instead of looking', () => {
    expect(attributeChange(0, { unattributable: 'why' }, [aTrailEvent()], 'x')).toEqual({
      change: 0,
      events: [],
      note: 'not attributable: why',
    });
  });
});
