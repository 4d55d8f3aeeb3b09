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

/**
 * The calls of an account-assignment request while it holds one of AWS's few outstanding
 * slots: sending it, and the reads that find it finished and confirm it
 * (src/aws/write/request-status-sources.ts). The rate limiter serves them first
 * (rate-limit.ts, CallPriority), so a slot never waits behind other work for the rate.
 */
const HOLDS_ASSIGNMENT_SLOT: ReadonlySet<string> = new Set(
  [
    'CreateAccountAssignment',
    'DeleteAccountAssignment',
    'DescribeAccountAssignmentCreationStatus',
    'DescribeAccountAssignmentDeletionStatus',
    'ListAccountAssignmentCreationStatus',
    'ListAccountAssignmentDeletionStatus',
    'ListAccountAssignments',
  ].map((op) => `sso-admin ${op}`),
);

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
      const label = operationLabel(service, context.commandName);
      await limiter.take(HOLDS_ASSIGNMENT_SLOT.has(label) ? 'first' : 'normal');
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
