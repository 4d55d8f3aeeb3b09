// SDK middleware installed on every client: call counting once per operation
// (initialize step) and pacing + attempt counting once per HTTP attempt (finalizeRequest,
// low priority, so it runs inside the retry middleware: retries are paced too).
import type { MiddlewareStack } from '@smithy/types';
import type { CallStats } from './call-stats.js';
import type { AwsService } from './errors.js';
import { installEndpointAnswerCheck } from './http-answer.js';
import type { RateLimiter } from './rate-limit.js';

/** The part of an SDK client this module needs; every v3 client has it. */
export interface MiddlewareHost<I extends object, O extends object> {
  middlewareStack: MiddlewareStack<I, O>;
}

/** "ListUsersCommand" → "identitystore ListUsers" */
export function operationLabel(service: AwsService, commandName: string | undefined): string {
  return `${service} ${(commandName ?? 'UnknownCommand').replace(/Command$/, '')}`;
}

export function installCallMiddleware<I extends object, O extends object>(client: MiddlewareHost<I, O>, service: AwsService, limiter: RateLimiter, stats: CallStats): void {
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
      stats.recordAttempt(operationLabel(service, context.commandName));
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'ssoGitopsPacer' },
  );
  installEndpointAnswerCheck(client);
}
