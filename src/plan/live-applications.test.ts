// Live applications by name: principals named, unknown ones and ambiguous names left alone with a warning.
import { describe, expect, it } from 'vitest';
import type { ApplicationState } from '../model/applications.js';
import { aGroup, aUser, liveStateOf } from '../testing/builders.js';
import { nameLive } from './live-names.js';

const app = (name: string, arn: string, fields: Partial<ApplicationState> = {}): ApplicationState => ({
  name,
  applicationArn: arn,
  providerArn: 'arn:aws:sso::aws:applicationProvider/custom',
  customerManaged: true,
  status: 'ENABLED',
  assignmentRequired: true,
  users: [],
  groups: [],
  ...fields,
});

function named(applications: ApplicationState[]) {
  const live = { ...liveStateOf({ users: [aUser({ userName: 'ana' })], groups: [aGroup({ name: 'ops' })] }), applications };
  const { named: n, diagnostics } = nameLive(live);
  return { apps: n.applications, warnings: diagnostics.map((d) => d.message) };
}

describe('live applications by name', () => {
  it('names assigned users and groups, and leaves out (with a warning) an id that names no principal', () => {
    const { apps, warnings } = named([app('Wiki', 'arn:1', { users: ['user-ana', 'u-gone'], groups: ['group-ops'] })]);
    expect(apps.get('Wiki')).toMatchObject({ users: ['ana'], groups: ['ops'] });
    expect(warnings).toEqual(['live assignment of user u-gone to application "Wiki" names an unknown user; it is left alone']);
  });

  it('leaves every application of a shared name alone, with one warning', () => {
    const { apps, warnings } = named([app('Wiki', 'arn:1'), app('Wiki', 'arn:2'), app('Wiki', 'arn:3'), app('Jira', 'arn:4')]);
    expect([...apps.keys()]).toEqual(['Jira']);
    expect(warnings).toEqual([
      'more than one live application is named "Wiki"; none of them is touched (rename them apart in the console)',
    ]);
  });

  it('has no applications when they were not read', () => {
    expect(nameLive(liveStateOf({})).named.applications.size).toBe(0);
  });
});
