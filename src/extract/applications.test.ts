// applications.yaml from the live applications: customer managed ones with what recreates
// them, SAML ones as references, assignments by name, nothing when there are none.
import { describe, expect, it } from 'vitest';
import type { ApplicationState } from '../model/applications.js';
import { DEFAULT_SETTINGS } from '../model/types.js';
import { aGroup, aUser, liveStateOf } from '../testing/builders.js';
import { extractApplications } from './applications.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const app = (name: string, fields: Partial<ApplicationState>): ApplicationState => ({
  name,
  applicationArn: `arn:app/${name}`,
  providerArn: CUSTOM,
  customerManaged: true,
  status: 'ENABLED',
  assignmentRequired: true,
  users: [],
  groups: [],
  ...fields,
});
const live = (applications: ApplicationState[] | undefined) => ({
  ...liveStateOf({ users: [aUser({ userName: 'ana' }), aUser({ userName: 'svc-bot' })], groups: [aGroup({ name: 'ops' })] }),
  ...(applications ? { applications } : {}),
});

describe('extracting applications', () => {
  it('writes customer managed applications whole and SAML ones by name, sorted, with their principals by name', () => {
    const { yaml, warnings } = extractApplications(
      live([
        app('Wiki', { description: 'team wiki', assignmentRequired: false, users: ['user-ana'], groups: ['group-ops'] }),
        app('Salesforce', {
          providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce',
          customerManaged: false,
          description: 'x',
          users: ['user-gone'],
        }),
      ]),
      DEFAULT_SETTINGS.ignore,
    );
    expect(yaml).toEqual({
      applications: [
        { name: 'Salesforce', assignmentRequired: true },
        {
          name: 'Wiki',
          providerArn: CUSTOM,
          description: 'team wiki',
          status: 'ENABLED',
          assignmentRequired: false,
          groups: ['ops'],
          users: ['ana'],
        },
      ],
    });
    expect(warnings).toEqual(['assignment of user user-gone to application "Salesforce": the user does not exist; not written']);
  });

  it('leaves out the assignments of principals settings.ignore leaves out', () => {
    const { yaml } = extractApplications(live([app('Wiki', { users: ['user-ana', 'user-svc-bot'] })]), {
      ...DEFAULT_SETTINGS.ignore,
      users: ['svc-*'],
    });
    expect(yaml?.applications).toEqual([
      { name: 'Wiki', providerArn: CUSTOM, status: 'ENABLED', assignmentRequired: true, users: ['ana'] },
    ]);
  });

  it('writes nothing when there are no applications or they were not read', () => {
    expect(extractApplications(live([]), DEFAULT_SETTINGS.ignore).yaml).toBeUndefined();
    expect(extractApplications(live(undefined), DEFAULT_SETTINGS.ignore).yaml).toBeUndefined();
  });
});
