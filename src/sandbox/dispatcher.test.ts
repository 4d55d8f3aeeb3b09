// Pins the call pipeline without HTTP: routing by X-Amz-Target, caller account from the
// SigV4 credential, service-specific error names, limits, faults and their accounting.
import { describe, expect, it } from 'vitest';
import { Dispatcher, type AwsRequest, type Outcome } from './dispatcher.js';
import { organizationsOperations } from './handlers/organizations.js';
import { read } from './router-types.js';
import { SandboxRuntime, type SandboxOptions } from './runtime.js';

const ORGS = 'AWSOrganizationsV20161128';

function setup(options: SandboxOptions = {}) {
  const runtime = new SandboxRuntime({ tps: 0, randomSeed: 1, ...options });
  // a tiny identity-center table is enough to exercise the shared pipeline
  const whoAmI = read((ctx) => ({ caller: ctx.caller }));
  const dispatcher = new Dispatcher(runtime, {
    organizations: organizationsOperations,
    'sso-admin': { WhoAmI: whoAmI },
    identitystore: { WhoAmI: whoAmI },
  });
  return {
    runtime,
    call: (req: Partial<AwsRequest>) => dispatcher.dispatch({ target: undefined, authorization: undefined, body: '{}', ...req }),
  };
}

function auth(accessKeyId: string): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/sso/aws4_request, SignedHeaders=host, Signature=abc`;
}

function answer(outcome: Outcome): { status: number; body: Record<string, unknown> } {
  if (outcome.kind !== 'answer') throw new Error('expected an answer, the connection was dropped');
  return { status: outcome.status, body: JSON.parse(outcome.body) as Record<string, unknown> };
}

describe('sandbox dispatcher', () => {
  it('answers an unknown target or operation with UnknownOperationException naming it', async () => {
    const { call } = setup();
    expect(answer(await call({ target: 'Nope.ListThings' })).body).toMatchObject({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('Nope.ListThings'),
    });
    expect(answer(await call({ target: 'SWBExternalService.ListThings' })).body).toMatchObject({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('ListThings'),
    });
  });

  it('takes the caller account from a 12-digit access key id, else the default account', async () => {
    const { call } = setup();
    expect(answer(await call({ target: 'SWBExternalService.WhoAmI', authorization: auth('111122223333') })).body).toEqual({
      caller: '111122223333',
    });
    expect(answer(await call({ target: 'SWBExternalService.WhoAmI', authorization: auth('AKIDEXAMPLE') })).body).toEqual({
      caller: '123456789012',
    });
    expect(answer(await call({ target: 'SWBExternalService.WhoAmI' })).body).toEqual({ caller: '123456789012' });
  });

  it('answers invalid JSON with SerializationException', async () => {
    const { call } = setup();
    expect(answer(await call({ target: `${ORGS}.ListRoots`, body: '{nope' })).body).toMatchObject({ __type: 'SerializationException' });
  });

  it('reports organizations validation failures as InvalidInputException, its model has no ValidationException', async () => {
    const { call } = setup();
    await call({ target: `${ORGS}.CreateOrganization`, authorization: auth('111122223333') });
    const result = answer(await call({ target: `${ORGS}.ListAccounts`, authorization: auth('111122223333'), body: '{"MaxResults": 21}' }));
    expect(result).toMatchObject({ status: 400, body: { __type: 'InvalidInputException', Reason: 'MAX_VALUE_EXCEEDED' } });
  });

  it('throttles per account and service family, counting refusals as throttled', async () => {
    const { runtime, call } = setup({ tps: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(answer(await call({ target: 'AWSIdentityStore.WhoAmI', authorization: auth('111122223333') })).body.__type);
    expect(statuses.filter((t) => t === 'ThrottlingException').length).toBeGreaterThan(0);
    // another account has its own bucket
    expect(answer(await call({ target: 'SWBExternalService.WhoAmI', authorization: auth('444455556666') })).status).toBe(200);
    expect(runtime.stats.throttled).toBe(statuses.filter((t) => t === 'ThrottlingException').length);
    const orgs = [];
    for (let i = 0; i < 30; i++)
      orgs.push(answer(await call({ target: `${ORGS}.DescribeOrganization`, authorization: auth('111122223333') })).body.__type);
    expect(orgs).toContain('TooManyRequestsException');
  });

  it('injects fail-op as a 500 InternalServerException on every call of that operation and counts it', async () => {
    const { runtime, call } = setup({ faults: 'fail-op=WhoAmI' });
    const result = answer(await call({ target: 'AWSIdentityStore.WhoAmI' }));
    expect(result).toMatchObject({ status: 500, body: { __type: 'InternalServerException' } });
    expect(runtime.stats.faults.failOp).toBe(1);
    expect(runtime.stats.calls.WhoAmI).toBe(1);
  });

  it('drops the connection for the reset fault and answers 5xx for the 5xx fault', async () => {
    const dropping = setup({ faults: 'reset=1' });
    expect((await dropping.call({ target: 'AWSIdentityStore.WhoAmI' })).kind).toBe('drop');
    expect(dropping.runtime.stats.faults.reset).toBe(1);

    const failing = setup({ faults: '5xx=1' });
    expect([500, 503]).toContain(answer(await failing.call({ target: `${ORGS}.ListRoots` })).status);
    expect(failing.runtime.stats.faults['5xx']).toBe(1);
  });

  it('runs the operation and then drops the connection for the lost-answer fault', async () => {
    const { runtime, call } = setup({ faults: 'lost-answer=1' });
    expect(
      (await call({ target: `${ORGS}.CreateOrganization`, authorization: auth('111122223333'), body: '{"FeatureSet":"ALL"}' })).kind,
    ).toBe('drop');
    expect(runtime.stats.faults.lostAnswer).toBe(1);
    expect(runtime.world.organizationOf('111122223333')).toBeDefined();
  });

  it('counts injected throttles as faults, not as rate-limit refusals', async () => {
    const { runtime, call } = setup({ faults: 'throttle=1' });
    expect(answer(await call({ target: 'SWBExternalService.WhoAmI' })).body.__type).toBe('ThrottlingException');
    expect(runtime.stats.faults.throttle).toBe(1);
    expect(runtime.stats.throttled).toBe(0);
  });

  it('replays the same fault sequence for the same seed', async () => {
    const sequence = async () => {
      const { call } = setup({ faults: '5xx=0.5', randomSeed: 42 });
      const out = [];
      for (let i = 0; i < 20; i++) out.push(answer(await call({ target: 'SWBExternalService.WhoAmI' })).status);
      return out;
    };
    const first = await sequence();
    expect(first).toEqual(await sequence());
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('counts writes that reached the service logic', async () => {
    const { runtime, call } = setup();
    await call({ target: `${ORGS}.CreateOrganization`, authorization: auth('111122223333') });
    await call({ target: `${ORGS}.DescribeOrganization`, authorization: auth('111122223333') });
    expect(runtime.stats).toMatchObject({ writes: 1, totalCalls: 2 });
    expect(runtime.stats.callsByService.organizations).toEqual({ CreateOrganization: 1, DescribeOrganization: 1 });
  });
});
