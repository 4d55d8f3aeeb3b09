// The application readers' edges with scripted SDK answers: a failed read fails (never an
// empty list).
import { AccessDeniedException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { scripted, ssoAdminAnswering } from '../write/testing/sdk-answers.js';
import { readApplications } from './applications.js';

const denied = () => new AccessDeniedException({ message: 'no', $metadata: {} });
const APP = 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-1111111111111111';

function ctxAnswering(script: Parameters<typeof scripted>[0]) {
  const { client } = ssoAdminAnswering(scripted(script));
  return { clients: { ssoAdmin: client }, instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111', concurrency: 2 };
}

describe('readApplications', () => {
  it('fails when the assignments of one application cannot be read', async () => {
    const ctx = ctxAnswering({
      ListApplications: [{ Applications: [{ ApplicationArn: APP, Name: 'Wiki' }] }],
      ListApplicationAssignments: [denied()],
      GetApplicationAssignmentConfiguration: [{ AssignmentRequired: true }],
    });
    await expect(readApplications(ctx)).rejects.toThrow(/ListApplicationAssignments/);
  });

  it('fails on a listed application without ARN rather than inventing one', async () => {
    const ctx = ctxAnswering({ ListApplications: [{ Applications: [{ Name: 'Ghost' }] }] });
    await expect(readApplications(ctx)).rejects.toThrow('without ApplicationArn (Ghost)');
  });

  it('sorts applications by name and principal ids within each', async () => {
    const ctx = ctxAnswering({
      ListApplications: [
        {
          Applications: [
            { ApplicationArn: `${APP}b`, Name: 'b' },
            { ApplicationArn: APP, Name: 'a' },
          ],
        },
      ],
      ListApplicationAssignments: [
        {
          ApplicationAssignments: [
            { PrincipalType: 'USER', PrincipalId: 'u-2' },
            { PrincipalType: 'USER', PrincipalId: 'u-1' },
          ],
        },
      ],
      GetApplicationAssignmentConfiguration: [{ AssignmentRequired: false }],
    });
    const apps = await readApplications(ctx);
    expect(apps.map((a) => [a.name, a.users])).toEqual([
      ['a', ['u-1', 'u-2']],
      ['b', ['u-1', 'u-2']],
    ]);
  });
});
