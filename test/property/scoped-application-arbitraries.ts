// The scoped-plan cases with `applications:` too: files at the ref that declare some of a
// few applications (customer managed ones the files can create, and a SAML one they can
// only reference), an edit of one entry's users and groups, or an entry added or removed,
// and live applications with any assignments (drift in and out of the touched ones).
import fc from 'fast-check';
import type { ApplicationEntry, ApplicationState } from '../../src/model/applications.js';
import type { LiveState } from '../../src/model/live.js';
import type { DesiredState } from '../../src/model/types.js';
import { aGroup, aPermissionSet, aUser, aDesiredState, liveStateOf } from '../../src/testing/builders.js';
import { accountCaseArb } from './scoped-account-arbitraries.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const CATALOG = 'arn:aws:sso::aws:applicationProvider/catalog/Saml';
/** Two the files can create (OAuth 2.0, customer managed) and one they can only reference. */
const APPS: { name: string; providerArn: string }[] = [
  { name: 'Wiki', providerArn: CUSTOM },
  { name: 'Chat', providerArn: CUSTOM },
  { name: 'Saml', providerArn: CATALOG },
];

type Case = { before: DesiredState; after: DesiredState; live: LiveState };

const entryArb = (app: { name: string; providerArn: string }, d: DesiredState): fc.Arbitrary<ApplicationEntry> =>
  fc
    .record({
      users: fc.subarray(d.users.map((u) => u.userName)),
      groups: fc.subarray(d.groups.map((g) => g.name)),
      assignmentRequired: fc.constantFrom(undefined, true, false),
    })
    .map(({ assignmentRequired, ...e }) => ({
      name: app.name,
      ...(app.providerArn === CUSTOM ? { providerArn: CUSTOM } : {}),
      ...(assignmentRequired !== undefined ? { assignmentRequired } : {}),
      ...e,
    }));

const liveAppArb = (app: { name: string; providerArn: string }, live: LiveState): fc.Arbitrary<ApplicationState> =>
  fc
    .record({
      users: fc.subarray(live.users.map((u) => u.id)),
      groups: fc.subarray(live.groups.map((g) => g.id)),
      assignmentRequired: fc.boolean(),
    })
    .map((a) => ({
      name: app.name,
      applicationArn: `arn:aws:sso::000000000001:application/ssoins-1/apl-${app.name.toLowerCase()}`,
      providerArn: app.providerArn,
      customerManaged: app.providerArn === CUSTOM,
      status: 'ENABLED' as const,
      ...a,
    }));

/** Files with `applications:` on both sides (or on neither), and live applications. */
export const applicationCaseArb: fc.Arbitrary<Case> = accountCaseArb.chain((c) =>
  fc
    .record({
      declared: fc.boolean(),
      before: fc.tuple(...APPS.map((app) => fc.option(entryArb(app, c.before), { freq: 2 }))),
      edit: fc.tuple(fc.nat(), fc.option(fc.tuple(...APPS.map((app) => entryArb(app, c.after))), { freq: 1 })),
      live: fc.tuple(...APPS.map((app) => fc.option(liveAppArb(app, c.live), { freq: 2 }))),
    })
    .map(({ declared, before, edit, live }) => {
      if (!declared) return c;
      const beforeApps = before.flatMap((e) => (e === null ? [] : [e]));
      // the edit: one application replaced by a fresh entry (its users and groups redrawn), or
      // dropped; entries naming a principal the files no longer declare lose that principal
      const [which, fresh] = edit;
      const users = new Set(c.after.users.map((u) => u.userName));
      const groups = new Set(c.after.groups.map((g) => g.name));
      const kept = beforeApps.map((e) => ({
        ...e,
        users: e.users.filter((u) => users.has(u)),
        groups: e.groups.filter((g) => groups.has(g)),
      }));
      const target = APPS[which % APPS.length]?.name;
      const replacement = fresh?.find((e) => e.name === target);
      const afterApps = [...kept.filter((e) => e.name !== target), ...(replacement !== undefined ? [replacement] : [])];
      return {
        before: { ...c.before, applications: beforeApps },
        after: { ...c.after, applications: afterApps },
        live: { ...c.live, applications: live.flatMap((a) => (a === null ? [] : [a])) },
      };
    }),
);

/** A case every run sees: a user added to an application whose live assignments drifted. */
export function applicationExamples(): Case[] {
  const users = [aUser({ userName: 'ann' }), aUser({ userName: 'bob' })];
  const groups = [aGroup({ name: 'Ops', members: [] })];
  const wiki: ApplicationEntry = { name: 'Wiki', providerArn: CUSTOM, users: ['ann'], groups: [] };
  const chat: ApplicationEntry = { name: 'Chat', providerArn: CUSTOM, users: [], groups: ['Ops'] };
  const before = aDesiredState({
    users,
    groups,
    permissionSets: [aPermissionSet({ name: 'ReadOnly' })],
    applications: [wiki, chat],
    files: ['x.yaml'],
  });
  const after = { ...before, applications: [{ ...wiki, users: ['ann', 'bob'] }, chat] };
  const base = liveStateOf({ users, groups, permissionSets: before.permissionSets });
  const app = (name: string, userIds: string[]): ApplicationState => ({
    name,
    applicationArn: `arn:aws:sso::000000000001:application/ssoins-1/apl-${name.toLowerCase()}`,
    providerArn: CUSTOM,
    customerManaged: true,
    status: 'ENABLED',
    assignmentRequired: true,
    users: userIds,
    groups: [],
  });
  const idOf = (userName: string) => base.users.find((u) => u.userName === userName)?.id ?? '';
  // drift outside the change: Chat lost its group
  return [{ before, after, live: { ...base, applications: [app('Wiki', [idOf('ann')]), app('Chat', [])] } }];
}
