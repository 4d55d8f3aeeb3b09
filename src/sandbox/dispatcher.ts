// One AWS API call, from parsed request to answer, in the order a real service applies
// its gates: latency, due async completions, accounting, injected faults, the rate limit,
// then the operation itself. HTTP-free, so the pipeline is testable without sockets.
import { AwsError, errorBody } from './errors.js';
import { Input } from './input.js';
import { adaptToService, callerAccount, internalErrorFor, parseBody, parseTarget, throttlingFor, type Target } from './protocol.js';
import type { OperationTable, ServiceName } from './router-types.js';
import type { SandboxRuntime } from './runtime.js';
import { countCall } from './stats.js';

export interface AwsRequest {
  target: string | undefined;
  authorization: string | undefined;
  body: string;
}

/** Either an HTTP answer, or "drop the connection" (the injected reset and lost-answer faults). */
export type Outcome = { kind: 'answer'; status: number; body: string } | { kind: 'drop' };

export type OperationTables = Record<ServiceName, OperationTable>;

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
      return this.call(target, callerAccount(request.authorization), body);
    } catch (err) {
      const awsError = asAwsError(err, target?.service);
      return errorAnswer(target ? adaptToService(target.service, awsError) : awsError);
    }
  }

  private call(target: Target, caller: string, body: Record<string, unknown>): Outcome {
    const { service, operation } = target;
    const handler = this.tables[service][operation];
    if (!handler) throw new AwsError('UnknownOperationException', `The sandbox does not implement ${service} operation ${operation}`);
    const { world, stats, faults } = this.runtime;
    world.queue.settle();
    countCall(stats, service, operation);

    const fault = faults.forCall(operation);
    if (fault === 'reset') return { kind: 'drop' };
    if (fault === 'fail-op') throw internalErrorFor(service, 500, `Injected failure of ${operation} (fail-op)`);
    if (fault === '500' || fault === '503') throw internalErrorFor(service, Number(fault), `Injected ${fault} answer to ${operation}`);
    if (fault === 'throttle') throw throttlingFor(service);

    const limiter = service === 'organizations' ? this.runtime.organizationsLimiter : this.runtime.identityCenterLimiter;
    if (!limiter.tryTake(`${caller}:${service === 'organizations' ? service : 'identity-center'}`)) {
      stats.throttled++;
      throw throttlingFor(service);
    }

    if (handler.write) stats.writes++;
    try {
      const result = handler.handle({ caller, input: new Input(body), world, operation });
      // lost-answer: the operation took effect, the caller never hears so and retries
      if (fault === 'lost-answer') return { kind: 'drop' };
      return { kind: 'answer', status: 200, body: JSON.stringify(result) };
    } catch (err) {
      if (fault === 'lost-answer') return { kind: 'drop' };
      // --max-outstanding refusals come from the handler as ThrottlingException: a limit, not a fault
      if (err instanceof AwsError && err.type === 'ThrottlingException') stats.throttled++;
      throw err instanceof AwsError ? err : asAwsError(err, service);
    }
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
