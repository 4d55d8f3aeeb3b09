import { ListGroupsCommand, ThrottlingException as IdentityStoreThrottling } from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  ListInstancesCommand,
  ThrottlingException as SsoAdminThrottling,
  InternalServerException,
} from '@aws-sdk/client-sso-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { AdaptiveRate, DEFAULT_ADAPTIVE_RATE } from './adaptive-rate.js';
import { CallStats } from './call-stats.js';
import { attemptsFromEnv, createIdentityCenterClients, DEFAULT_MAX_ATTEMPTS, type Pacing } from './clients.js';
import { THROTTLE_MAX_ATTEMPTS } from './retry-strategy.js';

/** The failures each operation answers before it succeeds, consumed in order. */
type Script = Record<string, Error[]>;

/** Answers every attempt below the retry and pacing middleware: the network is never used. */
function answerFrom<C extends { middlewareStack: { add: (...args: never[]) => void } }>(
  client: C,
  script: Script,
  log: { op: string; at: number }[],
  clock: VirtualClock,
): C {
  const stack = (client as unknown as { middlewareStack: { add: (mw: unknown, options: unknown) => void } }).middlewareStack;
  stack.add(
    (_next: unknown, context: { commandName?: string }) => async () => {
      const op = (context.commandName ?? '').replace(/Command$/, '');
      log.push({ op, at: clock.now() });
      const failure = script[op]?.shift();
      if (failure) throw failure;
      // an HTTP 200 with an empty JSON body, for the SDK's own deserializer
      return { response: { statusCode: 200, headers: {}, body: new TextEncoder().encode('{}') } };
    },
    { step: 'deserialize', priority: 'low', name: 'scriptedAnswers' },
  );
  return client;
}

const throttledSso = () => new SsoAdminThrottling({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
const throttledIds = () => new IdentityStoreThrottling({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });

function pacingWith(clock: VirtualClock): Pacing {
  return {
    identityCenter: new AdaptiveRate(20, DEFAULT_ADAPTIVE_RATE, clock),
    organizations: new AdaptiveRate(10, DEFAULT_ADAPTIVE_RATE, clock),
    stats: new CallStats(),
    jitter: () => 0,
  };
}

describe('Identity Center clients under throttling', () => {
  beforeEach(() => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
    vi.stubEnv('AWS_MAX_ATTEMPTS', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('keeps retrying a throttled call past the 5 attempts a failing call gets, and succeeds', async () => {
    const clock = new VirtualClock();
    const pacing = pacingWith(clock);
    const log: { op: string; at: number }[] = [];
    const { ssoAdmin } = createIdentityCenterClients({}, 'us-east-1', pacing);
    answerFrom(ssoAdmin, { ListInstances: Array.from({ length: 9 }, throttledSso) }, log, clock);
    await expect(ssoAdmin.send(new ListInstancesCommand({}))).resolves.toBeDefined();
    expect(log).toHaveLength(10);
    expect(pacing.stats.snapshot()).toEqual([{ operation: 'sso-admin ListInstances', calls: 1, attempts: 10, throttled: 9 }]);
  });

  it('gives up on a call that is throttled on every one of its attempts', async () => {
    const clock = new VirtualClock();
    const log: { op: string; at: number }[] = [];
    const { ssoAdmin } = createIdentityCenterClients({}, 'us-east-1', pacingWith(clock));
    answerFrom(ssoAdmin, { ListInstances: Array.from({ length: 100 }, throttledSso) }, log, clock);
    await expect(ssoAdmin.send(new ListInstancesCommand({}))).rejects.toThrow('Rate exceeded');
    expect(log).toHaveLength(THROTTLE_MAX_ATTEMPTS);
  });

  it('still gives up on a failing (5xx) call after maxAttempts', async () => {
    const clock = new VirtualClock();
    const log: { op: string; at: number }[] = [];
    const { ssoAdmin } = createIdentityCenterClients({ maxAttempts: 3 }, 'us-east-1', pacingWith(clock));
    const failure = () => new InternalServerException({ message: 'boom', $metadata: { httpStatusCode: 500 } });
    answerFrom(ssoAdmin, { ListInstances: Array.from({ length: 10 }, failure) }, log, clock);
    await expect(ssoAdmin.send(new ListInstancesCommand({}))).rejects.toThrow('boom');
    expect(log).toHaveLength(3);
  });

  it('lowers one rate for sso-admin and identitystore together: an identitystore throttle slows sso-admin', async () => {
    const clock = new VirtualClock();
    const pacing = pacingWith(clock);
    const log: { op: string; at: number }[] = [];
    const { ssoAdmin, identityStore } = createIdentityCenterClients({}, 'us-east-1', pacing);
    answerFrom(ssoAdmin, {}, log, clock);
    answerFrom(identityStore, { ListGroups: [throttledIds()] }, log, clock);
    await identityStore.send(new ListGroupsCommand({ IdentityStoreId: 'd-1' }));
    expect(pacing.identityCenter.ratePerSecond).toBeLessThan(11);
    await ssoAdmin.send(new ListInstancesCommand({}));
    await ssoAdmin.send(new ListInstancesCommand({}));
    const sso = log.filter((e) => e.op === 'ListInstances').map((e) => e.at);
    // 10 per second (plus the little it climbed back meanwhile), not 20: about 100 ms apart
    expect(sso[1]! - sso[0]!).toBeGreaterThan(90);
  });

  it('sends an account-assignment request before the calls already waiting for the rate', async () => {
    const clock = new VirtualClock();
    const log: { op: string; at: number }[] = [];
    const { ssoAdmin } = createIdentityCenterClients({}, 'us-east-1', pacingWith(clock));
    answerFrom(ssoAdmin, {}, log, clock);
    const assignment = new CreateAccountAssignmentCommand({
      InstanceArn: 'arn:aws:sso:::instance/ssoins-1',
      PermissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
      PrincipalId: 'g-1',
      PrincipalType: 'GROUP',
      TargetId: '111111111111',
      TargetType: 'AWS_ACCOUNT',
    });
    const sent = [...Array.from({ length: 3 }, () => ssoAdmin.send(new ListInstancesCommand({}))), ssoAdmin.send(assignment)];
    await Promise.all(sent);
    expect(log.map((e) => e.op)).toEqual(['ListInstances', 'CreateAccountAssignment', 'ListInstances', 'ListInstances']);
  });
});

describe('AWS_MAX_ATTEMPTS', () => {
  it('defaults when unset or empty, and takes a positive whole number', () => {
    expect(attemptsFromEnv(undefined)).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(attemptsFromEnv('')).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(attemptsFromEnv('3')).toBe(3);
  });

  it.each(['abc', '0', '-2', '2.5'])(
    'rejects %j in one line naming the variable and the value, instead of falling back silently',
    (value) => {
      expect(() => attemptsFromEnv(value)).toThrow(
        `AWS_MAX_ATTEMPTS=${JSON.stringify(value)}: attempts per call must be a positive whole number`,
      );
    },
  );
});
