// The plan's application access changes, through the real plan builder: the use of an
// application gained or lost through an application assignment, a membership of an assigned
// group (no application change at all), assignmentRequired switched (everyone), and an
// application created or deleted; kept another way, it is neither.
import { describe, expect, it } from 'vitest';
import type { ApplicationEntry, ApplicationState } from '../model/applications.js';
import type { Group } from '../model/types.js';
import { buildPlan } from '../plan/build.js';
import { aDesiredState, aGroup, aUser, liveStateOf } from '../testing/builders.js';
import { accessChangesText } from '../render/access-changes-text.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const users = [aUser({ userName: 'alice' }), aUser({ userName: 'bob' }), aUser({ userName: 'carol' })];
const liveGroups: Group[] = [aGroup({ name: 'Ops', members: ['alice'] })];
const base = liveStateOf({ users, groups: liveGroups });
const id = (name: string) => base.users.find((u) => u.userName === name)?.id ?? base.groups.find((g) => g.name === name)?.id ?? name;
const wikiLive: ApplicationState = {
  name: 'Wiki',
  applicationArn: 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-1111111111111111',
  providerArn: CUSTOM,
  customerManaged: true,
  status: 'ENABLED',
  assignmentRequired: true,
  users: [id('bob')],
  groups: [id('Ops')],
};
const live = { ...base, applications: [wikiLive] };
const wiki = (spec: Partial<ApplicationEntry> = {}): ApplicationEntry => ({
  name: 'Wiki',
  providerArn: CUSTOM,
  assignmentRequired: true,
  users: ['bob'],
  groups: ['Ops'],
  ...spec,
});

function changesOf(applications: ApplicationEntry[], groups: Group[] = liveGroups) {
  const { plan, diagnostics } = buildPlan(aDesiredState({ users, groups, applications }), live, { allowDeletes: true, now: new Date(0) });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (plan?.applicationAccessChanges ?? []).map((c) => `${c.change} ${c.userName} ${c.application} ${c.via.join(',')}`);
}

describe('planApplicationAccessChanges', () => {
  it('no change: no application access change, and no key in the plan', () => {
    const { plan } = buildPlan(aDesiredState({ users, groups: liveGroups, applications: [wiki()] }), live, {
      allowDeletes: true,
      now: new Date(0),
    });
    expect(plan?.applicationAccessChanges).toBeUndefined();
  });

  it('an assignment created and one deleted', () => {
    expect(changesOf([wiki({ users: ['carol'] })])).toEqual(['lose bob Wiki direct', 'gain carol Wiki direct']);
  });

  it('a membership of an assigned group alone gives the application', () => {
    expect(changesOf([wiki()], [aGroup({ name: 'Ops', members: ['alice', 'carol'] })])).toEqual(['gain carol Wiki group:Ops']);
  });

  it('access kept another way is neither gained nor lost', () => {
    expect(changesOf([wiki({ users: ['bob', 'alice'] })], [aGroup({ name: 'Ops', members: [] })])).toEqual([]);
  });

  it('assignment no longer required: everyone not yet assigned gains it (everyone)', () => {
    expect(changesOf([wiki({ assignmentRequired: false })])).toEqual(['gain carol Wiki everyone']);
  });

  it('an application deleted: everyone who could use it loses it; one created with assignment not required: everyone gains it', () => {
    expect(changesOf([{ name: 'Chat', providerArn: CUSTOM, assignmentRequired: false, users: [], groups: [] }])).toEqual([
      'gain alice Chat everyone',
      'lose alice Wiki group:Ops',
      'gain bob Chat everyone',
      'lose bob Wiki direct',
      'gain carol Chat everyone',
    ]);
  });

  it('the plan text lists application changes in the access section, by person, counted in the summary', () => {
    const { plan } = buildPlan(aDesiredState({ users, groups: liveGroups, applications: [wiki({ users: ['carol'] })] }), live, {
      allowDeletes: true,
      now: new Date(0),
    });
    expect(accessChangesText(plan ?? {}, (_style, text) => text)).toEqual([
      'Access changes: 1 person gains access, 1 person loses access:',
      '  bob',
      '    - application "Wiki"  was via direct',
      '  carol',
      '    + application "Wiki"  via direct',
      '',
    ]);
  });
});
