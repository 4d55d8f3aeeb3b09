// The sandbox's limits and injected faults as the real SDK clients meet them: throttling the
// SDK's retries recover from, async requests that start IN_PROGRESS, and each fault kind.
// Faults are drawn from a seeded generator and the calls here are sequential, so every run
// sees the same faults.
import { CreateGroupCommand, IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import {
  CreateAccountCommand,
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { CreateAccountAssignmentCommand, DescribeAccountAssignmentCreationStatusCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import {
  createAccount,
  createGroup,
  createOrganization,
  createPermissionSet,
  errorName,
  identityCenter,
  until,
} from './conformance-setup.js';

const ACCOUNT = '111122223333';

describe('sandbox limits and faults through the SDK', () => {
  let test: TestSandbox;
  const clients: { org: OrganizationsClient; sso: SSOAdminClient; ids: IdentitystoreClient }[] = [];
  /** clients with many attempts, so that retries can absorb throttling and faults */
  const connect = (maxAttempts = 10) => {
    const config = test.clientConfig(ACCOUNT, maxAttempts);
    const made = { org: new OrganizationsClient(config), sso: new SSOAdminClient(config), ids: new IdentitystoreClient(config) };
    clients.push(made);
    return made;
  };
  /** the identity store id, read from the sandbox directly so no sso-admin call is counted */
  const identityStoreId = () => [...test.sandbox.world.instances.values()][0]?.identityStoreId ?? '';

  beforeAll(async () => {
    test = await startTestSandbox();
  });
  afterAll(async () => {
    await test?.stop();
  });
  beforeEach(async () => {
    test.sandbox.reset();
    test.sandbox.configure({ tps: 0, asyncMs: 0, maxOutstanding: 10, faults: '', randomSeed: 7 });
    await createOrganization(connect());
    test.sandbox.resetStats();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) [c.org, c.sso, c.ids].forEach((client) => client.destroy());
  });

  it('throttles a burst above --tps with ThrottlingException and the SDK retries recover every call', async () => {
    test.sandbox.configure({ tps: 10 });
    const { ids } = connect();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId() }))),
    );
    expect(results).toHaveLength(25);
    expect(test.sandbox.stats().throttled).toBeGreaterThan(0);
    expect(test.sandbox.stats().calls.ListUsers).toBeGreaterThan(25);
  });

  it('throttles organizations with TooManyRequestsException in its own bucket, also recovered by retries', async () => {
    test.sandbox.configure({ tps: 20 });
    const { org } = connect();
    await Promise.all(Array.from({ length: 25 }, () => org.send(new DescribeOrganizationCommand({}))));
    expect(test.sandbox.stats().throttled).toBeGreaterThan(0);
  });

  it('without retries the throttled call surfaces as ThrottlingException', async () => {
    test.sandbox.configure({ tps: 1 });
    const { ids } = connect(1);
    const names = await Promise.all(
      Array.from({ length: 5 }, () => errorName(ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId() })))),
    );
    expect(names).toContain('ThrottlingException');
  });

  it('CreateAccount starts IN_PROGRESS and ends SUCCEEDED after --async-ms', async () => {
    test.sandbox.configure({ asyncMs: 200 });
    const { org } = connect();
    const started = await org.send(new CreateAccountCommand({ AccountName: 'slow', Email: 'slow@example.com' }));
    expect(started.CreateAccountStatus?.State).toBe('IN_PROGRESS');
    expect(await createAccount(connect(), 'second')).toMatch(/^\d{12}$/);
  });

  it('injected throttling (throttle=0.3) is counted as a fault and retried away', async () => {
    test.sandbox.configure({ faults: 'throttle=0.3' });
    const { ids } = connect();
    // few calls: the SDK backs off longer after throttling than after other errors
    for (let i = 0; i < 5; i++) await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId() }));
    expect(test.sandbox.stats().faults.throttle).toBeGreaterThan(0);
    expect(test.sandbox.stats().throttled).toBe(0);
  });

  it('injected 500/503 answers (5xx=0.5) are retried by the SDK', async () => {
    test.sandbox.configure({ faults: '5xx=0.5' });
    const made = connect();
    for (let i = 0; i < 10; i++) await createGroup(made, identityStoreId(), `Group ${i}`);
    expect(test.sandbox.stats().faults['5xx']).toBeGreaterThan(0);
  });

  it('injected connection resets (reset=0.3) are retried by the SDK', async () => {
    test.sandbox.configure({ faults: 'reset=0.3' });
    const { ids } = connect();
    for (let i = 0; i < 10; i++) await ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId() }));
    expect(test.sandbox.stats().faults.reset).toBeGreaterThan(0);
  });

  it('fail-op makes every call of that operation fail with InternalServerException, after all retries', async () => {
    test.sandbox.configure({ faults: 'fail-op=ListUsers' });
    const { ids } = connect(3);
    expect(await errorName(ids.send(new ListUsersCommand({ IdentityStoreId: identityStoreId() })))).toBe('InternalServerException');
    expect(test.sandbox.stats().faults.failOp).toBe(3);
    // other operations are untouched
    await ids.send(new CreateGroupCommand({ IdentityStoreId: identityStoreId(), DisplayName: 'Fine' }));
  });

  it('empty-page answers empty pages that still carry NextToken; paginating on still lists every account', async () => {
    const made = connect();
    for (const name of ['p1', 'p2', 'p3']) await createAccount(made, name);
    test.sandbox.configure({ faults: 'empty-page=0.5' });
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: made.org, pageSize: 1 }, {}))
      ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(test.sandbox.stats().faults.emptyPage).toBeGreaterThan(0);
  });

  describe('account assignments', () => {
    const prepare = async () => {
      const made = connect();
      const { instanceArn, identityStoreId: storeId } = await identityCenter(made);
      const permissionSetArn = await createPermissionSet(made, instanceArn, 'Developer');
      const groupId = await createGroup(made, storeId, 'Devs');
      const accountId = await createAccount(made, 'workload');
      const create = (client: SSOAdminClient, principalId = groupId) =>
        client.send(
          new CreateAccountAssignmentCommand({
            InstanceArn: instanceArn,
            PermissionSetArn: permissionSetArn,
            TargetType: 'AWS_ACCOUNT',
            TargetId: accountId,
            PrincipalType: 'GROUP',
            PrincipalId: principalId,
          }),
        );
      const describeStatus = (requestId: string | undefined) =>
        made.sso.send(
          new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn: instanceArn, AccountAssignmentCreationRequestId: requestId }),
        );
      return { made, storeId, create, describeStatus };
    };

    it('starts IN_PROGRESS and ends SUCCEEDED after --async-ms', async () => {
      const { made, create, describeStatus } = await prepare();
      test.sandbox.configure({ asyncMs: 200 });
      const started = await create(made.sso);
      expect(started.AccountAssignmentCreationStatus?.Status).toBe('IN_PROGRESS');
      const done = await until(
        () => describeStatus(started.AccountAssignmentCreationStatus?.RequestId),
        (s) => s.AccountAssignmentCreationStatus?.Status !== 'IN_PROGRESS',
      );
      expect(done.AccountAssignmentCreationStatus?.Status).toBe('SUCCEEDED');
    });

    it('async-fail makes the request end FAILED with a FailureReason', async () => {
      const { made, create, describeStatus } = await prepare();
      test.sandbox.configure({ faults: 'async-fail=1' });
      const started = await create(made.sso);
      const done = await until(
        () => describeStatus(started.AccountAssignmentCreationStatus?.RequestId),
        (s) => s.AccountAssignmentCreationStatus?.Status !== 'IN_PROGRESS',
      );
      expect(done.AccountAssignmentCreationStatus).toMatchObject({ Status: 'FAILED', FailureReason: expect.any(String) });
      expect(test.sandbox.stats().faults.asyncFail).toBeGreaterThan(0);
    });

    it('refuses more than --max-outstanding in-progress requests with ThrottlingException', async () => {
      const { made, storeId, create } = await prepare();
      const groups = [];
      for (let i = 0; i < 4; i++) groups.push(await createGroup(made, storeId, `Team ${i}`));
      test.sandbox.configure({ asyncMs: 5_000, maxOutstanding: 2 });
      const single = connect(1);
      const names = [];
      for (const g of groups) names.push(await errorName(create(single.sso, g)));
      expect(names).toEqual(['none', 'none', 'ThrottlingException', 'ThrottlingException']);
      expect(test.sandbox.stats().throttled).toBe(2);
    });
  });
});
