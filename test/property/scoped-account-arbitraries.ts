// The scoped-plan cases of scoped-arbitraries.ts with the organization's side varied too:
// accounts named by id or by name, names pinned in accounts.yaml (or not), ignore patterns
// (names, ids, globs), a protected pair limited to one account, and accounts renamed, gone,
// suspended or shadowed by a look-alike that took their name. The same files at the ref
// and now share all of it (a change to accounts.yaml or settings plans everything).
import fc from 'fast-check';
import type { LiveState } from '../../src/model/live.js';
import type { Account, AccountPin, AssignmentEntry, DesiredState } from '../../src/model/types.js';
import {
  aDesiredState,
  aGroup,
  anAssignmentEntry,
  aPermissionSet,
  liveStateOf,
  MANAGEMENT_ACCOUNT_ID,
} from '../../src/testing/builders.js';
import { changedAssignmentEntries } from '../../src/plan/scoped/touched.js';
import { ACCOUNTS, caseArb } from './scoped-arbitraries.js';

type Drift = 'kept' | 'renamed' | 'gone' | 'suspended' | 'lookAlike';

interface AccountSide {
  /** Account ids the files name by name (the rest by id). */
  byName: string[];
  /** Account ids whose name is pinned in accounts.yaml. */
  pinned: string[];
  ignore: string[];
  protectAccount: string | undefined;
  drift: Drift[];
  /** Whether entries keep their OU selectors (without them, more changes are planned against described accounts). */
  selectors: boolean;
}

const driftArb = fc.constantFrom<Drift>('kept', 'kept', 'kept', 'kept', 'renamed', 'gone', 'suspended', 'lookAlike');

const sideArb: fc.Arbitrary<AccountSide> = fc.record({
  byName: fc.subarray(ACCOUNTS.map((a) => a.id)),
  pinned: fc.oneof(fc.constant(ACCOUNTS.map((a) => a.id)), fc.subarray(ACCOUNTS.map((a) => a.id))),
  ignore: fc.oneof(
    { weight: 2, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray(['dev', '2222*', 'prod-*', '333333333333', 'nothing-matches']) },
  ),
  protectAccount: fc.constantFrom(undefined, undefined, '222222222222', '333333333333'),
  drift: fc.tuple(...ACCOUNTS.map(() => driftArb)),
  selectors: fc.boolean(),
});

const nameOf = new Map(ACCOUNTS.map((a) => [a.id, a.name]));
const idOf = new Map(ACCOUNTS.map((a) => [a.name, a.id]));

/** An entry left unchanged that assigns what a changed entry assigns, on other accounts: it
 *  decides whether the touched assignments stay wanted. */
const shadowArb = fc.option(
  fc.record({
    of: fc.nat(),
    accounts: fc.subarray(ACCOUNTS.map((a) => a.id)),
    excludeAccounts: fc.subarray(
      ACCOUNTS.map((a) => a.id),
      { maxLength: 1 },
    ),
    organizationalUnits: fc.oneof(
      { weight: 3, arbitrary: fc.constant<string[]>([]) },
      { weight: 1, arbitrary: fc.constant<string[]>(['Root/Dev']) },
    ),
  }),
  { freq: 2 },
);

/** Files, an edit and a live state, with the accounts' side varied. */
export const accountCaseArb = caseArb.chain((c) =>
  fc.record({ side: sideArb, shadow: shadowArb }).map(({ side, shadow }) => {
    const changed = changedAssignmentEntries(c.before, c.after);
    // of a changed entry whose set and principals both versions of the files declare
    const declared = (e: AssignmentEntry) =>
      [c.before, c.after].every(
        (d) =>
          d.permissionSets.some((p) => p.name === e.permissionSet) &&
          e.users.every((u) => d.users.some((x) => x.userName === u)) &&
          e.groups.every((g) => d.groups.some((x) => x.name === g)),
      );
    const candidates = changed.filter(declared);
    const of = shadow === null ? undefined : candidates[shadow.of % Math.max(1, candidates.length)];
    const extra: AssignmentEntry[] =
      of === undefined || shadow === null
        ? []
        : [{ ...of, accounts: shadow.accounts, excludeAccounts: shadow.excludeAccounts, organizationalUnits: shadow.organizationalUnits }];
    const withShadow = (d: DesiredState) => ({ ...d, assignments: [...d.assignments, ...extra] });
    return {
      before: withAccounts(withShadow(c.before), side),
      after: withAccounts(withShadow(c.after), side),
      live: drifted(c.live, side),
    };
  }),
);

function withAccounts(d: DesiredState, side: AccountSide): DesiredState {
  const ref = (r: string) => {
    const id = idOf.get(r) ?? r;
    return side.byName.includes(id) ? (nameOf.get(id) ?? r) : id;
  };
  const entry = (e: AssignmentEntry): AssignmentEntry => ({
    ...e,
    accounts: e.accounts.map(ref),
    excludeAccounts: e.excludeAccounts.map(ref),
    organizationalUnits: side.selectors ? e.organizationalUnits : [],
  });
  const accountPins: AccountPin[] = side.pinned.map((id) => ({ name: nameOf.get(id) ?? id, id }));
  const { protectAccount } = side;
  return {
    ...d,
    assignments: d.assignments.map(entry),
    ...(accountPins.length > 0 ? { accountPins } : {}),
    settings: {
      ...d.settings,
      ignore: { ...d.settings.ignore, accounts: side.ignore },
      safety: {
        ...d.settings.safety,
        protect: d.settings.safety.protect.map((p) => (protectAccount === undefined ? p : { ...p, account: ref(protectAccount) })),
      },
    },
  };
}

function drifted(live: LiveState, side: AccountSide): LiveState {
  const accounts = live.accounts.flatMap((a, i): Account[] => {
    const drift = side.drift[i] ?? 'kept';
    // the management account is never gone: the caller is in its organization
    if (a.id === MANAGEMENT_ACCOUNT_ID && drift !== 'kept') return [{ ...a, name: `${a.name}-new` }];
    if (drift === 'renamed') return [{ ...a, name: `${a.name}-new` }];
    if (drift === 'gone') return [];
    if (drift === 'suspended') return [{ ...a, state: 'SUSPENDED' }];
    if (drift === 'lookAlike')
      return [
        { ...a, name: `${a.name}-new` },
        { ...a, id: `44444444444${i}` },
      ];
    return [a];
  });
  return { ...live, accounts };
}

/** Cases every run sees: an entry dropped that an unchanged one still covers, and a change
 *  that assigns on a pinned account now gone, or renamed. */
export function accountExamples(): { before: DesiredState; after: DesiredState; live: LiveState }[] {
  const prod = ACCOUNTS.find((a) => a.name === 'prod') ?? ACCOUNTS[0];
  if (!prod) throw new Error('no accounts');
  const before = aDesiredState({
    groups: [aGroup({ name: 'Ops', members: [] })],
    permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
    accountPins: ACCOUNTS.map((a) => ({ name: a.name, id: a.id })),
    files: ['identity.yaml'],
  });
  const after = { ...before, assignments: [anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], accounts: ['prod'] })] };
  const live = (accounts: Account[]) => ({
    ...liveStateOf({ groups: before.groups, permissionSets: before.permissionSets, accounts: ACCOUNTS }),
    accounts,
  });
  // an entry dropped while an unchanged one still assigns the same on that account (and another)
  const shadow = anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['Ops'], accounts: ['prod', '333333333333'] });
  const shadowed = { ...before, assignments: [...after.assignments, shadow] };
  const assigned = liveStateOf({
    groups: before.groups,
    permissionSets: before.permissionSets,
    accounts: ACCOUNTS,
    assignments: [{ permissionSet: 'ReadOnly', principalType: 'GROUP', principal: 'Ops', accountId: prod.id }],
  });
  return [
    { before: shadowed, after: { ...before, assignments: [shadow] }, live: assigned },
    { before, after, live: live(ACCOUNTS.filter((a) => a.id !== prod.id)) },
    { before, after, live: live(ACCOUNTS.map((a) => (a.id === prod.id ? { ...a, name: 'prod-new' } : a))) },
  ];
}
