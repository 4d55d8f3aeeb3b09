// SDK middleware installed on every client: call counting once per operation
// (initialize step) and pacing + attempt counting once per HTTP attempt (finalizeRequest,
// low priority, so it runs inside the retry middleware: retries are paced too).
import type { CallStats } from './call-stats.js';
import type { AwsService } from './errors.js';
import { installEndpointAnswerCheck } from './http-answer.js';
import type { MiddlewareHost } from './middleware-host.js';
import type { RateLimiter } from './rate-limit.js';

/** "ListUsersCommand" → "identitystore ListUsers" */
export function operationLabel(service: AwsService, commandName: string | undefined): string {
  return `${service} ${(commandName ?? 'UnknownCommand').replace(/Command$/, '')}`;
}

export function installCallMiddleware<I extends object, O extends object>(
  client: MiddlewareHost<I, O>,
  service: AwsService,
  limiter: RateLimiter,
  stats: CallStats,
): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      stats.recordCall(operationLabel(service, context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'ssoGitopsCallCounter' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      await limiter.take();
      const label = operationLabel(service, context.commandName);
      stats.recordAttempt(label);
      try {
        return await next(args);
      } catch (err) {
        if (isThrottling(err)) stats.recordThrottled(label);
        throw err;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'ssoGitopsPacer' },
  );
  installEndpointAnswerCheck(client);
}

/**
 * The throttling answers of the services this tool calls: ThrottlingException (sso-admin,
 * identitystore), TooManyRequestsException (organizations), per their service models;
 * HTTP 429 or the SDK's throttling trait for anything else.
 */
export function isThrottling(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };
  return (
    e.name === 'ThrottlingException' ||
    e.name === 'TooManyRequestsException' ||
    e.$metadata?.httpStatusCode === 429 ||
    e.$retryable?.throttling === true
  );
}
