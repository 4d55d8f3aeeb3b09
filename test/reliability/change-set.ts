// The medium change set the reliability suites apply: an "old" desired state (v1) that is
// seeded first without faults, and a "new" one (v2) whose reconcile is interrupted by
// faults or SIGKILL. Between them: users, groups, memberships, permission sets (with a
// policy change, so re-provisioning runs) and assignments are created, updated and
// deleted. Both versions are plain data by name, so the live state can be audited
// against them independently of the tool's own planner.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TestAccount } from '../helpers/org.js';

/** Ten member accounts, a00..a09, at the organization root. */
export const CAMPAIGN_ACCOUNTS: TestAccount[] = Array.from({ length: 10 }, (_, i) => ({ name: `a${pad(i)}` }));

export interface SetSpec {
  name: string;
  description: string;
  managedPolicies: string[];
  /** Denied actions: the inline policy, so that an update changes a policy and needs re-provisioning. */
  deny: string[];
}

/** One desired state by names: what the YAML says and what an audit of the live state yields. */
export interface NamedState {
  users: Map<string, { displayName: string }>;
  groups: Map<string, { description: string }>;
  /** "group|userName" */
  memberships: Set<string>;
  sets: Map<string, SetSpec>;
  /** "permissionSet|USER or GROUP|principal|accountName" */
  assignments: Set<string>;
}

export const membershipKey = (group: string, userName: string): string => `${group}|${userName}`;
export const assignmentKey = (set: string, type: 'USER' | 'GROUP', principal: string, account: string): string =>
  `${set}|${type}|${principal}|${account}`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const userName = (i: number) => `u${pad(i)}@example.com`;
const account = (i: number) => CAMPAIGN_ACCOUNTS[i % CAMPAIGN_ACCOUNTS.length]?.name ?? 'a00';

/**
 * v2 (`next`): 30 users, 8 groups, 6 permission sets, 154 assignments over 10 accounts.
 * v1 (the state before): 4 users, 1 group and 1 set that v2 deletes; 3 users, 1 group
 * and 1 set that v2 creates; renamed display names, a changed description and policy;
 * a third of the user assignments on other accounts; other group memberships.
 */
export function changeSet(version: 1 | 2): NamedState {
  const v2 = version === 2;
  const userNames = [...range(v2 ? 30 : 27).map(userName), ...(v2 ? [] : range(4).map((i) => `old${i}@example.com`))];
  const users = new Map(userNames.map((u, i) => [u, { displayName: v2 && i < 3 ? `User ${u} (renamed)` : `User ${u}` }]));

  const groupNames = [...range(7).map((i) => `g${i}`), v2 ? 'g7' : 'gOld'];
  const groups = new Map(groupNames.map((g, i) => [g, { description: v2 && i === 0 ? 'Group g0, reorganised' : `Group ${g}` }]));

  const setNames = [...range(5).map((i) => `ps${i}`), v2 ? 'ps5' : 'psOld'];
  const sets = new Map<string, SetSpec>(
    setNames.map((name, i) => [
      name,
      {
        name,
        description: v2 && i === 1 ? `Set ${name}, narrowed` : `Set ${name}`,
        managedPolicies: [i % 2 === 0 ? 'arn:aws:iam::aws:policy/ReadOnlyAccess' : 'arn:aws:iam::aws:policy/PowerUserAccess'],
        deny: v2 && i === 0 ? ['account:*', 'billing:*'] : ['account:*'],
      },
    ]),
  );

  const memberships = new Set<string>();
  userNames.forEach((u, i) => {
    const second = v2 ? 3 : 5;
    for (const g of new Set([groupNames[i % 8], groupNames[(i + second) % 8]])) if (g) memberships.add(membershipKey(g, u));
  });

  const assignments = new Set<string>();
  groupNames.forEach((g, i) => {
    for (let k = 0; k < 5; k++) assignments.add(assignmentKey(setNames[i % 6] ?? '', 'GROUP', g, account(i + k)));
    for (let k = 5; k < 8; k++) assignments.add(assignmentKey(setNames[(i + 1) % 6] ?? '', 'GROUP', g, account(i + k)));
  });
  userNames.forEach((u, i) => {
    for (const offset of [0, v2 ? 3 : 4, 7]) assignments.add(assignmentKey(setNames[i % 6] ?? '', 'USER', u, account(i + offset)));
  });
  return { users, groups, memberships, sets, assignments };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Writes `state` as state files (users, groups, one file per set, assignments, settings) into `dir`. */
export async function writeStateDir(dir: string, state: NamedState): Promise<void> {
  await mkdir(join(dir, 'permission-sets'), { recursive: true });
  const file = (name: string, data: unknown) => writeFile(join(dir, name), stringify(data));
  await file('settings.yaml', { settings: { safety: { maxDeletePercent: 50 } } });
  await file('users.yaml', {
    users: [...state.users].map(([u, { displayName }]) => ({
      userName: u,
      displayName,
      givenName: u.split('@')[0],
      familyName: 'Example',
    })),
  });
  await file('groups.yaml', {
    groups: [...state.groups].map(([name, { description }]) => ({
      name,
      description,
      members: [...state.memberships].filter((m) => m.startsWith(`${name}|`)).map((m) => m.slice(name.length + 1)),
    })),
  });
  for (const set of state.sets.values()) {
    await file(`permission-sets/${set.name}.yaml`, {
      permissionSets: [
        {
          name: set.name,
          description: set.description,
          sessionDuration: 'PT4H',
          managedPolicies: set.managedPolicies,
          inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: set.deny, Resource: '*' }] },
        },
      ],
    });
  }
  await file('assignments.yaml', {
    assignments: [...state.assignments].map((key) => {
      const [permissionSet, type, principal, accountName] = key.split('|');
      return { permissionSet, [type === 'USER' ? 'users' : 'groups']: [principal], accounts: [accountName] };
    }),
  });
}
