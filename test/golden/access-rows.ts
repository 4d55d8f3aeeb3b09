// The access rows behind the access golden files, computed by the engine from a desired
// state resolved by the real resolver, so the files also pin the expansion end to end.
// Names carry what the formats must escape: commas and quotes (CSV), a pipe and angle
// brackets (markdown), a leading "=" (spreadsheet formula), a line break.
import { applicationAccessKey, computeApplicationAccess } from '../../src/access/application-engine.js';
import { liveApplicationAccessInput } from '../../src/access/application-inputs.js';
import { computeAccess } from '../../src/access/engine.js';
import { accessFromFiles } from '../../src/access/from-files.js';
import { desiredAccessInput, liveAccessInput } from '../../src/access/inputs.js';
import type { AccessReport, AccessRow } from '../../src/access/types.js';
import { markUnmanaged, markUnmanagedBy } from '../../src/access/unmanaged.js';
import type { ApplicationState } from '../../src/model/applications.js';
import type { AssignmentTriple } from '../../src/model/types.js';
import { nameLive } from '../../src/plan/live-names.js';
import { resolveDesired } from '../../src/plan/resolve.js';
import {
  aDesiredState,
  aGroup,
  aPermissionSet,
  aUser,
  anAccount,
  anAssignmentEntry,
  anExpiry,
  liveStateOf,
} from '../../src/testing/builders.js';

/** The clock of the renderings that count days ("expires in N days"). */
export const GOLDEN_NOW = new Date('2026-11-30T12:00:00Z');

const prod = anAccount({ id: '111111111111', name: 'prod', ouPath: 'Root/Prod', tags: { env: 'prod' } });
const dev = anAccount({ id: '222222222222', name: 'dev', ouPath: 'Root/Dev' });
const shared = anAccount({ id: '333333333333', name: 'shared|tools', ouPath: 'Root/Prod' });

const desired = aDesiredState({
  users: [
    aUser({ userName: 'alice@example.com', displayName: 'Alice "Al" Liddell, PhD', email: 'alice@example.com' }),
    aUser({ userName: 'bob@example.com', displayName: '=HYPERLINK("x")', status: 'disabled' }),
    aUser({ userName: 'carol@example.com', displayName: 'Carol <Ops>\nSecond line' }),
  ],
  groups: [
    aGroup({ name: 'Platform Admins', members: ['alice@example.com', 'bob@example.com'] }),
    aGroup({ name: 'Auditors', members: ['alice@example.com', 'carol@example.com'] }),
    aGroup({ name: 'Nobody', members: [] }),
  ],
  permissionSets: [aPermissionSet({ name: 'AdministratorAccess' }), aPermissionSet({ name: 'ReadOnly' })],
  assignments: [
    anAssignmentEntry({ permissionSet: 'AdministratorAccess', groups: ['Platform Admins', 'Nobody'], organizationalUnits: ['Root/Prod'] }),
    anAssignmentEntry({ permissionSet: 'AdministratorAccess', users: ['alice@example.com'], accounts: ['prod'] }),
    anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Auditors'], organizationalUnits: ['Root'], excludeAccounts: ['dev'] }),
    anAssignmentEntry({ permissionSet: 'ReadOnly', users: ['carol@example.com'], accountTags: { env: 'prod' } }),
  ],
});

function resolved() {
  const result = resolveDesired(desired, liveStateOf({ accounts: [prod, dev, shared] }));
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.resolved;
}

export function filesAccessRows(): AccessRow[] {
  return computeAccess(desiredAccessInput(desired, resolved()));
}

/** The same instance read live, where someone granted alice ReadOnly directly on dev and on prod in the console. */
export function liveAccessRows(): AccessRow[] {
  const console = (accountId: string): AssignmentTriple => ({ permissionSet: 'ReadOnly', principalType: 'USER', principal: 'alice@example.com', accountId });
  const live = liveStateOf({
    users: desired.users,
    groups: desired.groups,
    permissionSets: desired.permissionSets,
    accounts: [prod, dev, shared],
    assignments: [...resolved().assignments, console(dev.id), console(prod.id)],
  });
  return markUnmanaged(computeAccess(liveAccessInput(nameLive(live).named)), filesAccessRows());
}

/**
 * Temporary access from the files at GOLDEN_NOW: dave is in Oncall until 2026-12-20 and has
 * Admin on prod through two entries (the later, 2026-12-10, wins); Oncall's PowerUser on dev
 * ends 2026-12-31 18:00 +02:00 (dave's membership ends first); erin also has PowerUser on dev
 * directly, without expiry; erin's ReadOnly on dev expired on 2026-11-01 and is gone.
 */
export function expiringAccessRows(): AccessRow[] {
  const until = (written: string) => ({ expiresAt: anExpiry(written) });
  const files = aDesiredState({
    users: [aUser({ userName: 'dave@example.com', displayName: 'Dave Contractor' }), aUser({ userName: 'erin@example.com', displayName: 'Erin' })],
    groups: [
      aGroup({
        name: 'Oncall',
        members: ['dave@example.com', 'erin@example.com'],
        expiringMembers: [{ userName: 'dave@example.com', expiresAt: anExpiry('2026-12-20') }],
      }),
    ],
    permissionSets: [aPermissionSet({ name: 'AdministratorAccess' }), aPermissionSet({ name: 'PowerUser' }), aPermissionSet({ name: 'ReadOnly' })],
    assignments: [
      anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Oncall'], accounts: ['prod'] }),
      anAssignmentEntry({ permissionSet: 'AdministratorAccess', users: ['dave@example.com'], accounts: ['prod'], ...until('2026-12-05') }),
      anAssignmentEntry({ permissionSet: 'AdministratorAccess', users: ['dave@example.com'], accounts: ['prod'], ...until('2026-12-10') }),
      anAssignmentEntry({ permissionSet: 'PowerUser', groups: ['Oncall'], accounts: ['dev'], ...until('2026-12-31T18:00:00+02:00') }),
      anAssignmentEntry({ permissionSet: 'PowerUser', users: ['erin@example.com'], accounts: ['dev'] }),
      anAssignmentEntry({ permissionSet: 'ReadOnly', users: ['erin@example.com'], accounts: ['dev'], ...until('2026-11-01') }),
    ],
  });
  const { rows, diagnostics } = accessFromFiles(files, liveStateOf({ accounts: [prod, dev] }), { liveKnown: true, now: GOLDEN_NOW });
  if (rows === undefined) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return rows;
}

/**
 * Application access beside the account access of `desired`: Wiki requires assignment
 * (Auditors and bob directly; carol's membership of Auditors ends 2026-12-20, so her Wiki
 * row does too), "Chat, <Team>" does not (everyone, and Platform Admins assigned too);
 * Nobody's Board gives no row; Dashboard is disabled (its rows say so).
 */
const withApplications: typeof desired = {
  ...desired,
  groups: desired.groups.map((g) =>
    g.name === 'Auditors' ? { ...g, expiringMembers: [{ userName: 'carol@example.com', expiresAt: anExpiry('2026-12-20') }] } : g,
  ),
  applications: [
    { name: 'Wiki', assignmentRequired: true, users: ['bob@example.com'], groups: ['Auditors'] },
    { name: 'Chat, <Team>', assignmentRequired: false, users: [], groups: ['Platform Admins'] },
    { name: 'Board', assignmentRequired: true, users: [], groups: ['Nobody'] },
    { name: 'Dashboard', status: 'DISABLED', assignmentRequired: true, users: [], groups: ['Platform Admins'] },
  ],
};

export function filesApplicationReport(): AccessReport {
  const { rows, applications, diagnostics } = accessFromFiles(withApplications, liveStateOf({ accounts: [prod, dev, shared] }), {
    liveKnown: false,
    now: GOLDEN_NOW,
  });
  if (rows === undefined || applications === undefined) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return { rows, applications };
}

/** Read live, where Wiki no longer requires assignment and carol was assigned to Wiki in the console. */
export function liveApplicationReport(): AccessReport {
  const base = liveStateOf({
    users: desired.users,
    groups: desired.groups,
    permissionSets: desired.permissionSets,
    accounts: [prod, dev, shared],
    assignments: resolved().assignments,
  });
  const userId = (name: string) => base.users.find((u) => u.userName === name)?.id ?? name;
  const groupId = (name: string) => base.groups.find((g) => g.name === name)?.id ?? name;
  const application = (name: string, i: number, assignmentRequired: boolean, users: string[], groups: string[], enabled = true): ApplicationState => ({
    name,
    applicationArn: `arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-${String(i).padStart(16, '0')}`,
    providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
    customerManaged: true,
    status: enabled ? 'ENABLED' : 'DISABLED',
    assignmentRequired,
    users: users.map(userId),
    groups: groups.map(groupId),
  });
  const live = {
    ...base,
    applications: [
      application('Wiki', 1, false, ['bob@example.com', 'carol@example.com'], ['Auditors']),
      application('Chat, <Team>', 2, false, [], ['Platform Admins']),
      application('Dashboard', 3, true, [], ['Platform Admins'], false),
    ],
  };
  const named = nameLive(live).named;
  const input = liveAccessInput(named);
  const files = filesApplicationReport();
  return {
    rows: markUnmanaged(computeAccess(input), files.rows),
    applications: markUnmanagedBy(computeApplicationAccess(liveApplicationAccessInput(named, input)), files.applications, applicationAccessKey),
  };
}
