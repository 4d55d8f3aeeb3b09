// expiresAt in the state files: on assignment entries and on group members written
// {user, expiresAt}; bad values are errors at the value, naming the field.
import { describe, expect, test } from 'vitest';
import { loadFiles } from './state-dir.js';

const USERS = `users:
  - {userName: alice@example.com, displayName: Alice, givenName: Alice, familyName: L}
  - {userName: bob@example.com, displayName: Bob, givenName: Bob, familyName: B}
`;
const SET = `permissionSets:\n  - name: ReadOnly\n`;

describe('expiresAt', () => {
  test('a member written {user, expiresAt} is a member, with its expiry and position', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:
  - name: Ops
    members:
      - bob@example.com
      - {user: alice@example.com, expiresAt: 2026-12-31}
`,
    });
    expect(result.lines).toEqual([]);
    const group = result.state?.groups[0];
    expect(group?.members).toEqual(['alice@example.com', 'bob@example.com']);
    expect(group?.expiringMembers).toEqual([
      {
        userName: 'alice@example.com',
        expiresAt: { written: '2026-12-31', at: '2027-01-01T00:00:00.000Z', pos: { file: 'identity/groups.yaml', line: 5, col: 46 } },
      },
    ]);
  });

  test('an assignment entry carries its expiry; without one it has none', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'sets.yaml': SET,
      'assignments.yaml': `assignments:
  - permissionSet: ReadOnly
    users: [alice@example.com]
    accounts: [prod]
    expiresAt: "2026-12-31T18:00:00+02:00"
  - permissionSet: ReadOnly
    users: [bob@example.com]
    accounts: [prod]
`,
    });
    expect(result.lines).toEqual([]);
    const [temporary, permanent] = result.state?.assignments ?? [];
    expect(temporary?.expiresAt).toEqual({
      written: '2026-12-31T18:00:00+02:00',
      at: '2026-12-31T16:00:00.000Z',
      pos: { file: 'identity/assignments.yaml', line: 5, col: 16 },
    });
    expect(permanent?.expiresAt).toBeUndefined();
  });

  test('a value of the wrong form is an error naming file, line and field', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'sets.yaml': SET,
      'assignments.yaml': `assignments:\n  - permissionSet: ReadOnly\n    users: [alice@example.com]\n    accounts: [prod]\n    expiresAt: 2026-12-31T18:00:00\n`,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - {user: bob@example.com, expiresAt: tomorrow}\n`,
    });
    expect(result.state).toBeUndefined();
    expect(result.lines).toEqual([
      'identity/assignments.yaml:5:16: assignments[0].expiresAt: must be a date (2026-12-31, the end of that day UTC) or a date-time with an offset (2026-12-31T18:00:00+02:00 or 2026-12-31T16:00:00Z)',
      'identity/groups.yaml:4:44: groups[0].members[0].expiresAt: must be a date (2026-12-31, the end of that day UTC) or a date-time with an offset (2026-12-31T18:00:00+02:00 or 2026-12-31T16:00:00Z)',
    ]);
  });

  test('a value of the right form that is no calendar date is an error at the value', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - {user: bob@example.com, expiresAt: 2026-02-30}\n`,
    });
    expect(result.lines).toEqual([
      'identity/groups.yaml:4:44: groups[0].members[0].expiresAt: "2026-02-30" is not a calendar date (2026-02 has 28 days)',
    ]);
  });

  test('a member object needs both user and expiresAt, and nothing else', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - {user: bob@example.com}\n      - {user: alice@example.com, expiresAt: 2026-12-31, until: x}\n`,
    });
    expect(result.lines).toEqual([
      'identity/groups.yaml:4:9: groups[0].members[0]: missing required field "expiresAt"',
      expect.stringMatching(/^identity\/groups\.yaml:5:58: groups\[0\]\.members\[1\]: unknown field "until"/),
    ]);
  });

  test('a member listed once plainly and once with an expiry is an error: when would it end?', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - bob@example.com\n      - {user: Bob@example.com, expiresAt: 2026-12-31}\n`,
    });
    expect(result.lines).toEqual([
      'identity/groups.yaml:5:9: groups[0].members: member "Bob@example.com" is listed twice; list it once, with or without expiresAt',
    ]);
  });

  test('an undeclared member written with an expiry is reported at its item, like a plain one', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - bob@example.com\n      - {user: carol@example.com, expiresAt: 2026-12-31}\n`,
    });
    expect(result.lines).toEqual([
      expect.stringMatching(/^identity\/groups\.yaml:5:9: group "Ops": member "carol@example\.com" is not a user/),
    ]);
  });

  test('a member spelt in another case than its user takes the declared spelling, expiry included', async () => {
    const result = await loadFiles({
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Ops\n    members:\n      - {user: Bob@Example.com, expiresAt: 2026-12-31}\n`,
    });
    expect(result.state?.groups[0]?.members).toEqual(['bob@example.com']);
    expect(result.state?.groups[0]?.expiringMembers?.map((m) => m.userName)).toEqual(['bob@example.com']);
  });
});
