// Who can use each application, against tables computed by hand: one row per (user,
// application) with `via` — direct, group:<name>, and everyone when the application does not
// require assignment — from the state files (through the same steps as `access`) and from a
// live read, where what the files do not grant is marked unmanaged.
import { describe, expect, it } from 'vitest';
import type { ApplicationEntry, ApplicationState } from '../model/applications.js';
import type { DesiredState, Group, User } from '../model/types.js';
import { nameLive } from '../plan/live-names.js';
import { aDesiredState, aGroup, anExpiry, aUser, liveStateOf } from '../testing/builders.js';
import { applicationAccessKey, computeApplicationAccess } from './application-engine.js';
import { liveApplicationAccessInput } from './application-inputs.js';
import { filterApplicationRows, filterRows } from './filter.js';
import { accessFromFiles } from './from-files.js';
import { liveAccessInput } from './inputs.js';
import type { ApplicationAccessRow } from './types.js';
import { markUnmanagedBy } from './unmanaged.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const alice = aUser({ userName: 'alice', displayName: 'Alice L', email: 'alice@example.com' });
const bob = aUser({ userName: 'bob', displayName: 'Bob B' });
const carol = aUser({ userName: 'carol', displayName: 'Carol C', status: 'disabled' });
const USERS = [alice, bob, carol];

const app = (name: string, spec: Partial<ApplicationEntry> = {}): ApplicationEntry => ({ name, users: [], groups: [], ...spec });

/** The table a person reads: user (status when not enabled), application, via. */
function table(rows: readonly ApplicationAccessRow[]): string[] {
  return rows.map(
    (r) =>
      `${r.userName}${r.status === 'enabled' ? '' : ` (${r.status})`} ${r.application} ${r.via.join(',')}${r.unmanaged ? ` unmanaged:${r.unmanaged.join(',')}` : ''}`,
  );
}

function desiredOf(applications: ApplicationEntry[], groups: Group[] = [], users: User[] = USERS): DesiredState {
  return aDesiredState({ users, groups, applications });
}

/** From the state files, as `access` computes them without any Identity Center read. */
function fromFiles(desired: DesiredState): { rows: ApplicationAccessRow[]; warnings: string[] } {
  const { applications, applicationNotes, diagnostics } = accessFromFiles(desired, liveStateOf({}), { liveKnown: false, now: NOW });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { rows: applications ?? [], warnings: applicationNotes ?? [] };
}

describe('computeApplicationAccess from the state files', () => {
  it('a direct assignment and a group assignment: one row per person and application', () => {
    const { rows } = fromFiles(
      desiredOf(
        [app('Wiki', { assignmentRequired: true, users: ['alice'], groups: ['Ops'] })],
        [aGroup({ name: 'Ops', members: ['alice', 'bob'] })],
      ),
    );
    expect(table(rows)).toEqual(['alice Wiki direct,group:Ops', 'bob Wiki group:Ops']);
    expect(rows[0]).toMatchObject({ displayName: 'Alice L', email: 'alice@example.com', status: 'enabled' });
  });

  it('the same application through two groups lists both groups, sorted', () => {
    const { rows } = fromFiles(
      desiredOf(
        [app('Wiki', { assignmentRequired: true, groups: ['Zeta', 'Alpha'] })],
        [aGroup({ name: 'Zeta', members: ['bob'] }), aGroup({ name: 'Alpha', members: ['bob'] })],
      ),
    );
    expect(table(rows)).toEqual(['bob Wiki group:Alpha,group:Zeta']);
  });

  it('assignment not required: every user can use it (everyone), beside what is assigned, disabled users included', () => {
    const { rows } = fromFiles(
      desiredOf(
        [
          app('Slack', { assignmentRequired: false, users: ['bob'], groups: ['Ops'] }),
          app('Wiki', { assignmentRequired: true, users: ['bob'] }),
        ],
        [aGroup({ name: 'Ops', members: ['alice'] })],
      ),
    );
    expect(table(rows)).toEqual([
      'alice Slack everyone,group:Ops',
      'bob Slack direct,everyone',
      'bob Wiki direct',
      'carol (disabled) Slack everyone',
    ]);
  });

  it('a disabled user keeps their rows, with the status', () => {
    const { rows } = fromFiles(desiredOf([app('Wiki', { assignmentRequired: true, users: ['carol'] })]));
    expect(table(rows)).toEqual(['carol (disabled) Wiki direct']);
  });

  it('an application nobody is assigned to, an empty group: no row', () => {
    const { rows } = fromFiles(
      desiredOf(
        [app('Quiet', { assignmentRequired: true }), app('Wiki', { assignmentRequired: true, groups: ['Nobody'] })],
        [aGroup({ name: 'Nobody' })],
      ),
    );
    expect(rows).toEqual([]);
  });

  it('assignmentRequired left out counts as required, and the report says so', () => {
    const { rows, warnings } = fromFiles(desiredOf([app('Salesforce', { users: ['alice'] })]));
    expect(table(rows)).toEqual(['alice Salesforce direct']);
    expect(warnings).toEqual([
      expect.stringMatching(/^application "Salesforce": assignmentRequired is not in the state files, so it counts as required/),
    ]);
  });

  it('assignment not required but no user in the files (settings.manage.users false): a warning, not an invented list', () => {
    const desired = desiredOf([app('Slack', { assignmentRequired: false })], [], []);
    const { rows, warnings } = fromFiles({
      ...desired,
      settings: { ...desired.settings, manage: { ...desired.settings.manage, users: false } },
    });
    expect(rows).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^application "Slack": assignmentRequired is false, so every user can use it, but the state files list no user/,
      ),
    ]);
  });

  it('no applications: entry, no row', () => {
    expect(fromFiles(aDesiredState({ users: USERS })).rows).toEqual([]);
  });
});

describe('computeApplicationAccess from a live read', () => {
  function liveRows(
    applications: (Omit<ApplicationState, 'users' | 'groups' | 'applicationArn' | 'providerArn' | 'customerManaged' | 'status'> & {
      users: string[];
      groups: string[];
    })[],
  ) {
    const base = liveStateOf({ users: USERS, groups: [aGroup({ name: 'Ops', members: ['alice', 'bob'] })] });
    const userId = (n: string) => base.users.find((u) => u.userName === n)?.id ?? n;
    const groupId = (n: string) => base.groups.find((g) => g.name === n)?.id ?? n;
    const live = {
      ...base,
      applications: applications.map((a, i): ApplicationState => ({
        ...a,
        applicationArn: `arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-${String(i).padStart(16, '0')}`,
        providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
        customerManaged: true,
        status: 'ENABLED',
        users: a.users.map(userId),
        groups: a.groups.map(groupId),
      })),
    };
    const named = nameLive(live).named;
    return computeApplicationAccess(liveApplicationAccessInput(named, liveAccessInput(named)));
  }

  it('every live user is "everyone"; live memberships expand the assigned groups', () => {
    const rows = liveRows([
      { name: 'Wiki', assignmentRequired: true, users: ['carol'], groups: ['Ops'] },
      { name: 'Portal', assignmentRequired: false, users: [], groups: [] },
    ]);
    expect(table(rows)).toEqual([
      'alice Portal everyone',
      'alice Wiki group:Ops',
      'bob Portal everyone',
      'bob Wiki group:Ops',
      'carol (disabled) Portal everyone',
      'carol (disabled) Wiki direct',
    ]);
  });

  it('what the files do not grant is marked unmanaged, by (user, application)', () => {
    const live = liveRows([{ name: 'Wiki', assignmentRequired: false, users: ['carol'], groups: ['Ops'] }]);
    const files = fromFiles(
      desiredOf([app('Wiki', { assignmentRequired: true, groups: ['Ops'] })], [aGroup({ name: 'Ops', members: ['alice', 'bob'] })]),
    ).rows;
    expect(table(markUnmanagedBy(live, files, applicationAccessKey))).toEqual([
      'alice Wiki everyone,group:Ops unmanaged:everyone',
      'bob Wiki everyone,group:Ops unmanaged:everyone',
      'carol (disabled) Wiki direct,everyone unmanaged:direct,everyone',
    ]);
  });
});

describe('filters on application rows', () => {
  const rows = fromFiles(
    desiredOf(
      [app('Slack', { assignmentRequired: false }), app('Wiki', { assignmentRequired: true, groups: ['Ops'] })],
      [aGroup({ name: 'Ops', members: ['alice'] })],
    ),
  ).rows;

  it('--user and --group apply (names compare case-insensitively)', () => {
    expect(table(filterApplicationRows(rows, { user: 'ALICE' }))).toEqual(['alice Slack everyone', 'alice Wiki group:Ops']);
    expect(table(filterApplicationRows(rows, { group: 'ops' }))).toEqual(['alice Wiki group:Ops']);
    expect(table(filterApplicationRows(rows, { user: 'bob', group: 'Ops' }))).toEqual([]);
  });

  it('--account and --permission-set name what an application row has not: no application row', () => {
    expect(filterApplicationRows(rows, { account: 'prod' })).toEqual([]);
    expect(filterApplicationRows(rows, { permissionSet: 'ReadOnly' })).toEqual([]);
  });

  it('--applications keeps the application rows and no account row', () => {
    expect(filterApplicationRows(rows, { applicationsOnly: true })).toEqual(rows);
    expect(
      filterRows(
        [
          {
            userName: 'alice',
            displayName: null,
            email: null,
            status: 'enabled',
            accountId: '1',
            accountName: 'a',
            permissionSet: 'P',
            via: ['direct'],
          },
        ],
        { applicationsOnly: true },
      ),
    ).toEqual([]);
  });

  it('--application keeps the rows of that application (its name without regard to case) and no account row', () => {
    expect(table(filterApplicationRows(rows, { application: 'wiki' }))).toEqual(['alice Wiki group:Ops']);
    expect(table(filterApplicationRows(rows, { application: 'Wiki', user: 'bob' }))).toEqual([]);
    expect(filterApplicationRows(rows, { application: 'Jira' })).toEqual([]);
    const accountRow = {
      userName: 'alice',
      displayName: null,
      email: null,
      status: 'enabled' as const,
      accountId: '1',
      accountName: 'a',
      permissionSet: 'P',
      via: ['direct'],
    };
    expect(filterRows([accountRow], { application: 'Wiki' })).toEqual([]);
  });
});

describe('application rows: disabled applications and expiring memberships', () => {
  it('a disabled application keeps its rows, each marked, from the files and from a live read', () => {
    const desired = desiredOf([app('Wiki', { status: 'DISABLED', users: ['bob'] }), app('Chat', { users: ['bob'] })]);
    const rows = fromFiles(desired).rows;
    expect(rows.map((r) => [r.application, r.applicationDisabled])).toEqual([
      ['Chat', undefined],
      ['Wiki', true],
    ]);
    const live = liveStateOf({ users: USERS });
    const wiki: ApplicationState = {
      name: 'Wiki',
      applicationArn: 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-0000000000000001',
      providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
      customerManaged: true,
      status: 'DISABLED',
      assignmentRequired: false,
      users: [],
      groups: [],
    };
    const named = nameLive({ ...live, applications: [wiki] }).named;
    const liveRows = computeApplicationAccess(liveApplicationAccessInput(named, liveAccessInput(named)));
    expect(liveRows.length).toBe(USERS.length);
    expect(liveRows.every((r) => r.applicationDisabled === true)).toBe(true);
  });

  it('a row expires only when every grant is a membership that expires; direct and everyone last', () => {
    const contractors = aGroup({
      name: 'Contractors',
      members: ['alice', 'bob', 'carol'],
      expiringMembers: [
        { userName: 'alice', expiresAt: anExpiry('2026-12-20') },
        { userName: 'bob', expiresAt: anExpiry('2026-12-24') },
        { userName: 'carol', expiresAt: anExpiry('2026-12-24') },
      ],
    });
    const permanent = aGroup({ name: 'Staff', members: ['carol'] });
    const desired = desiredOf(
      [
        app('Wiki', { groups: ['Contractors', 'Staff'] }),
        app('Chat', { users: ['bob'], groups: ['Contractors'] }),
        app('Open', { assignmentRequired: false }),
      ],
      [contractors, permanent],
    );
    const expiry = fromFiles(desired).rows.map((r) => `${r.userName} ${r.application} ${r.expiresAt ?? '-'}`);
    expect(expiry).toEqual([
      'alice Chat 2026-12-20',
      'alice Open -',
      'alice Wiki 2026-12-20',
      'bob Chat -',
      'bob Open -',
      'bob Wiki 2026-12-24',
      'carol Chat 2026-12-24',
      'carol Open -',
      'carol Wiki -',
    ]);
  });
});
