// One AWS API call, from parsed request to answer, in the order a real service applies
// its gates: latency, due async completions, accounting, injected faults, the rate limit,
// then the operation itself. HTTP-free, so the pipeline is testable without sockets.
import { trailRecord } from './cloudtrail-event.js';
import { AwsError, accessDenied, errorBody } from './errors.js';
import { callerIdentity, type CallerIdentity } from './identity.js';
import { Input } from './input.js';
import { adaptToService, internalErrorFor, parseBody, parseTarget, throttlingFor, type Target } from './protocol.js';
import type { OperationTable, ServiceName } from './router-types.js';
import type { SandboxRuntime } from './runtime.js';
import { countCall } from './stats.js';

export interface AwsRequest {
  target: string | undefined;
  authorization: string | undefined;
  body: string;
  /** recorded in CloudTrail events as sourceIPAddress / userAgent */
  sourceIp?: string | undefined;
  userAgent?: string | undefined;
}

/** Either an HTTP answer, or "drop the connection" (the injected reset and lost-answer faults). */
export type Outcome = { kind: 'answer'; status: number; body: string } | { kind: 'drop' };

/** Partial: a test dispatcher needs only the services it exercises. */
export type OperationTables = Partial<Record<ServiceName, OperationTable>>;

export class Dispatcher {
  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly tables: OperationTables,
  ) {}

  async dispatch(request: AwsRequest): Promise<Outcome> {
    let target: Target | undefined;
    try {
      target = parseTarget(request.target);
      const body = parseBody(request.body);
      if (this.runtime.config.latencyMs > 0) await sleep(this.runtime.config.latencyMs);
      return this.call(target, callerIdentity(request.authorization), body, request);
    } catch (err) {
      const awsError = asAwsError(err, target?.service);
      return errorAnswer(target ? adaptToService(target.service, awsError) : awsError);
    }
  }

  private call(target: Target, identity: CallerIdentity, body: Record<string, unknown>, request: AwsRequest): Outcome {
    const { service, operation } = target;
    const caller = identity.account;
    const handler = this.tables[service]?.[operation];
    if (!handler) throw new AwsError('UnknownOperationException', `The sandbox does not implement ${service} operation ${operation}`);
    const { world, stats, faults } = this.runtime;
    world.queue.settle();
    countCall(stats, service, operation);

    const fault = faults.forCall(operation);
    if (fault === 'reset') return { kind: 'drop' };
    if (fault === 'fail-op') throw internalErrorFor(service, 500, `Injected failure of ${operation} (fail-op)`);
    if (fault === '500' || fault === '503') throw internalErrorFor(service, Number(fault), `Injected ${fault} answer to ${operation}`);
    if (fault === 'throttle') throw throttlingFor(service);

    if (this.runtime.deniedOperations.has(operation))
      throw accessDenied(
        `User: ${identity.arn} is not authorized to perform: ${service}:${operation} because no identity-based policy allows it`,
      );

    const limiter = service === 'organizations' ? this.runtime.organizationsLimiter : this.runtime.identityCenterLimiter;
    // CloudTrail limits LookupEvents per account and per region
    const cloudTrail = service === 'cloudtrail';
    if (
      cloudTrail
        ? !this.runtime.cloudTrailLimiter.tryTake(`${caller}:${identity.region}`)
        : !limiter.tryTake(`${caller}:${service === 'organizations' ? service : 'identity-center'}`)
    ) {
      stats.throttled++;
      throw throttlingFor(service);
    }

    if (handler.write) stats.writes++;
    try {
      const result = handler.handle({ caller, input: new Input(body), world, operation, identity });
      if (handler.write) this.recordWrite(target, identity, body, request, { response: result });
      // lost-answer: the operation took effect, the caller never hears so and retries
      if (fault === 'lost-answer') return { kind: 'drop' };
      return { kind: 'answer', status: 200, body: JSON.stringify(result) };
    } catch (err) {
      if (fault === 'lost-answer') return { kind: 'drop' };
      // --max-outstanding refusals come from the handler as ThrottlingException: a limit, not a fault
      if (err instanceof AwsError && err.type === 'ThrottlingException') stats.throttled++;
      const awsError = err instanceof AwsError ? err : asAwsError(err, service);
      if (handler.write) this.recordWrite(target, identity, body, request, { error: { code: awsError.type, message: awsError.message } });
      throw awsError;
    }
  }

  /** CloudTrail records every write that reached the service, failed ones with their errorCode. */
  private recordWrite(
    target: Target,
    identity: CallerIdentity,
    body: Record<string, unknown>,
    request: AwsRequest,
    outcome: { response: unknown } | { error: { code: string; message: string } },
  ): void {
    const { trail } = this.runtime.world;
    trail.add(
      trailRecord({
        identity,
        service: target.service,
        operation: target.operation,
        request: body,
        ...outcome,
        time: this.runtime.world.nowSeconds(),
        eventId: trail.nextEventId(),
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: request.userAgent ?? 'unknown',
      }),
    );
  }
}

/** A bug in a handler answers 500 with its message (and is logged), never a hung request. */
function asAwsError(err: unknown, service: ServiceName | undefined): AwsError {
  if (err instanceof AwsError) return err;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`sandbox: internal error: ${err instanceof Error ? (err.stack ?? message) : message}\n`);
  return internalErrorFor(service ?? 'sso-admin', 500, `Sandbox internal error: ${message}`);
}

function errorAnswer(err: AwsError): Outcome {
  return { kind: 'answer', status: err.status, body: errorBody(err) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
