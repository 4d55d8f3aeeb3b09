import { describe, expect, it } from 'vitest';
import type { AccountPin, AssignmentEntry, AssignmentTriple, DesiredState } from '../../model/types.js';
import {
  aDesiredState,
  aGroup,
  anAccount,
  anAssignmentEntry,
  aPermissionSet,
  aProtectEntry,
  aSettings,
  aUser,
  liveStateOf,
  MANAGEMENT_ACCOUNT_ID,
} from '../../testing/builders.js';
import { accountRead, estimatedOrganization, restrictToAccounts } from './accounts.js';
import { readNeeds } from './needs.js';
import { buildScopedPlan } from './plan-scoped.js';
import { describedOrganization, projectLive } from './project.js';
import { touchedObjects } from './touched.js';

const PROD = '222222222222';
const DEV = '333333333333';
const pins: AccountPin[] = [
  { name: 'prod', id: PROD },
  { name: 'dev', id: DEV },
];
const entry = (overrides: Partial<AssignmentEntry>) => anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], ...overrides });
const files = (assignments: AssignmentEntry[], more: Partial<DesiredState> = {}) =>
  aDesiredState({
    users: [aUser({ userName: 'ann' })],
    groups: [aGroup({ name: 'Ops', members: [] }), aGroup({ name: 'Dev', members: [] })],
    permissionSets: [aPermissionSet({ name: 'ReadOnly' }), aPermissionSet({ name: 'Admin' })],
    assignments,
    accountPins: pins,
    files: ['identity.yaml'],
    ...more,
  });
/** Which accounts are read, however many (the cost rule has its own test). */
const read = (before: DesiredState, after: DesiredState) => accountRead(before, after, MANAGEMENT_ACCOUNT_ID, Number.POSITIVE_INFINITY);

describe('accountRead', () => {
  it('describes the accounts a changed entry names by id or pinned name', () => {
    const before = files([]);
    expect(read(before, files([entry({ accounts: ['prod', '444444444444', 'dev'], excludeAccounts: ['dev'] })]))).toEqual({
      describe: [PROD, '444444444444'],
    });
  });

  it('describes only the accounts an edited entry adds or drops, an exclusion included', () => {
    const before = files([entry({ accounts: ['prod', 'dev'] })]);
    expect(read(before, files([entry({ accounts: ['prod', 'dev', '444444444444'] })]))).toEqual({ describe: ['444444444444'] });
    expect(read(before, files([entry({ accounts: ['prod', 'dev'], excludeAccounts: [DEV] })]))).toEqual({ describe: [DEV] });
    // the same accounts for another principal: every account is touched
    expect(read(before, files([entry({ groups: ['Dev'], accounts: ['prod', 'dev'] })]))).toEqual({ describe: [PROD, DEV] });
  });

  it('describes nothing for a change that names no account (a membership, a policy)', () => {
    const before = files([entry({ accounts: ['prod'] })]);
    const after = { ...before, groups: [aGroup({ name: 'Ops', members: ['ann'] }), aGroup({ name: 'Dev', members: [] })] };
    expect(read(before, after)).toEqual({ describe: [] });
  });

  it('lists the organization when a changed entry names an account that is not pinned', () => {
    expect(read(files([]), files([entry({ accounts: ['staging'] })]))).toEqual({
      list: 'account "staging" is not pinned in accounts.yaml',
    });
  });

  it('lists it when a changed entry selects by OU or tag, the whole organization ("Root") included', () => {
    expect(read(files([]), files([entry({ organizationalUnits: ['Root'] })]))).toHaveProperty('list');
    expect(read(files([]), files([entry({ accountTags: { env: 'prod' } })]))).toHaveProperty('list');
  });

  it('lists it when an unchanged entry selecting by OU names a changed (set, principal), and only then', () => {
    const byOu = entry({ organizationalUnits: ['Root/Prod'] });
    expect(read(files([byOu]), files([byOu, entry({ accounts: ['prod'] })]))).toHaveProperty('list');
    const otherGroup = { ...byOu, groups: ['Dev'] };
    expect(read(files([otherGroup]), files([otherGroup, entry({ accounts: ['prod'] })]))).toEqual({ describe: [PROD] });
  });

  it('lists it when the change removes a user, group or set: their assignments on every account go with them', () => {
    const before = files([]);
    expect(read(before, { ...before, users: [] })).toHaveProperty('list');
  });

  it('describes a protected account given by id, and lists for one given by name', () => {
    const withProtect = (account: string) =>
      files([], { settings: aSettings({ safety: { protect: [aProtectEntry({ permissionSet: 'Admin', group: 'Ops', account })] } }) });
    expect(read(withProtect(DEV), { ...withProtect(DEV), assignments: [entry({ accounts: ['prod'] })] })).toEqual({
      describe: [PROD, DEV],
    });
    expect(read(withProtect('dev'), { ...withProtect('dev'), assignments: [entry({ accounts: ['prod'] })] })).toHaveProperty('list');
  });

  it('describes the management account too when accounts are ignored, protected pairs or not', () => {
    const ignoring = files([], { settings: aSettings({ ignore: { accounts: ['sandbox-*'] } }) });
    expect(read(ignoring, { ...ignoring, assignments: [entry({ accounts: ['prod'] })] })).toEqual({
      describe: [MANAGEMENT_ACCOUNT_ID, PROD],
    });
    // an entry of the protected pair itself: the diff keeps a protected assignment, so only a
    // removal (which lists) could endanger the pair, and its assignments are not read
    const protecting = files([], {
      settings: aSettings({
        ignore: { accounts: ['sandbox-*'] },
        safety: { protect: [aProtectEntry({ permissionSet: 'Admin', group: 'Ops' })] },
      }),
    });
    expect(read(protecting, { ...protecting, assignments: [entry({ permissionSet: 'Admin', accounts: ['prod'] })] })).toEqual({
      describe: [MANAGEMENT_ACCOUNT_ID, PROD],
    });
  });

  it('lists it when describing would cost more calls than the pages of a listing', () => {
    // 40 pinned accounts: a listing is 2 pages of 20, so 2 accounts are described and 3 are not
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `a${i}`, id: String(100000000000 + i) }));
    const before = files([], { accountPins: many });
    const cheaper = (accounts: string[]) => accountRead(before, { ...before, assignments: [entry({ accounts })] }, MANAGEMENT_ACCOUNT_ID);
    expect(cheaper(['a1', 'a2'])).toEqual({ describe: [many[1]?.id, many[2]?.id] });
    expect(cheaper(['a1', 'a2', 'a3'])).toEqual({
      list: 'describing 3 accounts costs more calls than listing the organization (about 2)',
    });
  });
});

describe('restrictToAccounts', () => {
  it('leaves out entries of other (set, principal) pairs and narrows the rest to the described accounts', () => {
    const changed = entry({ accounts: ['prod'] });
    const otherPair = entry({ groups: ['Dev'], accounts: ['dev', '555555555555'] });
    const samePair = entry({ accounts: ['dev', PROD, 'staging', '555555555555'], excludeAccounts: ['prod', 'dev'] });
    const before = files([otherPair, samePair]);
    const after = files([otherPair, samePair, changed]);
    const accounts = [anAccount({ id: PROD, name: 'prod' })];
    const restricted = restrictToAccounts(before, after, [PROD], accounts);
    expect(restricted.assignments).toEqual([{ ...samePair, accounts: [PROD], excludeAccounts: ['prod'] }, changed]);
    // the pin of the described account stays (its account gone or renamed is reported), the others go
    expect(restricted.accountPins).toEqual([{ name: 'prod', id: PROD }]);
  });

  it('keeps a name the described account carries now, pinned or not', () => {
    const samePair = entry({ accounts: ['renamed-prod'] });
    const before = files([samePair], { accountPins: [] });
    const after = files([samePair, entry({ accounts: [PROD] })], { accountPins: [] });
    const restricted = restrictToAccounts(before, after, [PROD], [anAccount({ id: PROD, name: 'renamed-prod' })]);
    expect(restricted.assignments[0]?.accounts).toEqual(['renamed-prod']);
    expect(restricted.accountPins).toBeUndefined();
  });
});

describe('estimatedOrganization', () => {
  it('adds every pinned account and every id the files name to the described ones', () => {
    const before = files([entry({ accounts: ['prod', '555555555555'], organizationalUnits: ['Root/Prod'] })]);
    const org = estimatedOrganization(before, [anAccount({ id: PROD, name: 'prod' })]);
    expect(org.accounts.map((a) => `${a.id} ${a.name}`).sort()).toEqual([`${PROD} prod`, `${DEV} dev`, '555555555555 ']);
    expect(org.organizationalUnits).toEqual([]);
  });
});

describe('a scoped plan against described accounts', () => {
  const twoAccounts = [anAccount({ id: PROD, name: 'prod' }), anAccount({ id: DEV, name: 'dev' })];
  function scopedPlan(after: DesiredState, accounts = twoAccounts, before = files([]), assignments: AssignmentTriple[] = []) {
    const live = liveStateOf({ groups: before.groups, permissionSets: before.permissionSets, accounts, assignments });
    const accountsRead = read(before, after);
    if (!('describe' in accountsRead)) throw new Error(accountsRead.list);
    const decision = touchedObjects(before, after, describedOrganization(live, accountsRead.describe));
    if ('full' in decision) throw new Error(decision.full);
    const needs = readNeeds(decision.scoped, after, live.managementAccountId);
    return buildScopedPlan(
      {
        desired: after,
        before,
        live: projectLive(live, needs, accountsRead.describe),
        touched: decision.scoped,
        ref: 'main',
        describedAccounts: accountsRead.describe,
      },
      { allowDeletes: false },
    );
  }

  it('plans the assignment on the pinned account', () => {
    const { plan } = scopedPlan(files([entry({ accounts: ['prod'] })]));
    expect(plan?.changes.map((c) => c.kind === 'assignment' && `${c.action} ${c.accountId} ${c.accountName}`)).toEqual([
      `create ${PROD} prod`,
    ]);
  });

  it('refuses, as the full plan does, when the pinned account is gone or renamed', () => {
    const after = files([entry({ accounts: ['prod'] })]);
    const gone = scopedPlan(after, [anAccount({ id: DEV, name: 'dev' })]);
    expect(gone.plan).toBeUndefined();
    expect(gone.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining('pinned account "prod" (222222222222) is not in the organization'),
    );
    const renamed = scopedPlan(after, [anAccount({ id: PROD, name: 'prod-2' })]);
    expect(renamed.plan).toBeUndefined();
  });

  it('plans for the pinned account when a second account took its name (the full plan refuses the ambiguous name)', () => {
    // the pin says which account the files mean; the nightly full plan reports the look-alike
    const { plan } = scopedPlan(files([entry({ accounts: ['prod'] })]), [
      anAccount({ id: PROD, name: 'prod' }),
      anAccount({ id: '444444444444', name: 'prod' }),
    ]);
    expect(plan?.changes).toEqual([expect.objectContaining({ kind: 'assignment', action: 'create', accountId: PROD })]);
  });

  it('counts deletions against the assignments the files at the ref make on every pinned account, not only the described', () => {
    const kept = entry({ groups: ['Dev'], accounts: ['prod', 'dev', '555555555555'] });
    const before = files([entry({ accounts: ['prod'] }), kept]);
    const live: AssignmentTriple[] = [{ permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Ops', accountId: PROD }];
    const { plan } = scopedPlan(files([kept]), twoAccounts, before, live);
    // one deletion of 4 estimated assignments (Ops on prod, Dev on three accounts) is 25%,
    // the default limit; counted on the described account alone it would be 1 of 2
    expect(plan?.changes.map((c) => c.action)).toEqual(['delete']);
    expect(plan?.refused).toEqual([]);
  });
});
