// The conflict paths of ApplicationWriter against a real sso-admin client answered by
// middleware: a conflict after which a read shows the goal holds is success, one that
// persists while it does not is retried and then fails, a create that conflicts adopts
// the application of that name.
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { withConflictRetry } from '../conflict-retry.js';
import { ApplicationWriter } from './application-writer.js';
import { commandsOf, scripted, ssoAdminAnswering } from './testing/sdk-answers.js';

const retry = <T>(label: string, fn: () => Promise<T>) =>
  withConflictRetry(fn, label, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 });
const conflict = () => new ConflictException({ message: 'conflict', $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const APP = 'arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-1111111111111111';
const USER = { applicationArn: APP, principalType: 'USER' as const, principalId: 'u-1' };

function writerAnswering(script: Parameters<typeof scripted>[0]) {
  const { client, calls } = ssoAdminAnswering(scripted(script));
  return { writer: new ApplicationWriter(client, 'arn:aws:sso:::instance/ssoins-1111111111111111', retry), calls };
}

describe('ApplicationWriter conflicts', () => {
  it('adopts the application of that name and provider when the create conflicts, with its assignments as they are', async () => {
    const { writer } = writerAnswering({
      CreateApplication: [conflict()],
      ListApplications: [
        {
          Applications: [
            { Name: 'Wiki', ApplicationArn: 'arn:other', ApplicationProviderArn: 'arn:aws:sso::aws:applicationProvider/custom-saml' },
            { Name: 'Wiki', ApplicationArn: APP, ApplicationProviderArn: CUSTOM, Status: 'ENABLED' },
          ],
        },
      ],
      ListApplicationAssignments: [{ ApplicationAssignments: [{ ApplicationArn: APP, PrincipalType: 'GROUP', PrincipalId: 'g-1' }] }],
      GetApplicationAssignmentConfiguration: [{ AssignmentRequired: true }],
    });
    const created = await writer.createApplication({ name: 'Wiki', providerArn: CUSTOM });
    expect(created).toMatchObject({ applicationArn: APP, adopted: { name: 'Wiki', customerManaged: true, groups: ['g-1'], users: [] } });
  });

  it('retries a create conflict when no such application exists, and fails when it persists', async () => {
    const { writer, calls } = writerAnswering({ CreateApplication: [conflict()], ListApplications: [{ Applications: [] }] });
    await expect(writer.createApplication({ name: 'Wiki', providerArn: CUSTOM })).rejects.toThrow(
      'CreateApplication Wiki: still conflicting after 3 attempts',
    );
    expect(commandsOf(calls).filter((c) => c === 'CreateApplication')).toHaveLength(3);
  });

  it('an assignment whose create conflicts is done when describing it finds it', async () => {
    const { writer, calls } = writerAnswering({
      CreateApplicationAssignment: [conflict()],
      DescribeApplicationAssignment: [{ ApplicationArn: APP, PrincipalType: 'USER', PrincipalId: 'u-1' }],
    });
    await writer.assign(USER);
    expect(commandsOf(calls)).toEqual(['CreateApplicationAssignment', 'DescribeApplicationAssignment']);
  });

  it('an assignment whose create conflicts while describing it finds nothing is retried', async () => {
    const { writer, calls } = writerAnswering({
      CreateApplicationAssignment: [conflict(), {}],
      DescribeApplicationAssignment: [notFound()],
    });
    await writer.assign(USER);
    expect(commandsOf(calls)).toEqual(['CreateApplicationAssignment', 'DescribeApplicationAssignment', 'CreateApplicationAssignment']);
  });

  it('a removal answered not found is done without reading', async () => {
    const { writer, calls } = writerAnswering({ DeleteApplicationAssignment: [notFound()], DeleteApplication: [notFound()] });
    await writer.unassign(USER);
    await writer.deleteApplication(APP);
    expect(commandsOf(calls)).toEqual(['DeleteApplicationAssignment', 'DeleteApplication']);
  });

  it('fails an assignment configuration whose conflict persists while AWS still shows the old value', async () => {
    const { writer, calls } = writerAnswering({
      PutApplicationAssignmentConfiguration: [conflict()],
      GetApplicationAssignmentConfiguration: [{ AssignmentRequired: true }],
    });
    await expect(writer.setAssignmentRequired(APP, false)).rejects.toThrow('still conflicting after 3 attempts');
    expect(commandsOf(calls).filter((c) => c === 'PutApplicationAssignmentConfiguration')).toHaveLength(3);
  });

  it('an update whose conflict leaves the fields as asked is done; fields not asked are not compared', async () => {
    const { writer } = writerAnswering({
      UpdateApplication: [conflict()],
      DescribeApplication: [{ Name: 'Wiki', Description: 'changed by someone else', Status: 'DISABLED' }],
    });
    await expect(writer.updateApplication(APP, { status: 'DISABLED' })).resolves.toBeUndefined();
  });
});
