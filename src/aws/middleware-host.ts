// The part of an SDK client that middleware.ts, http-answer.ts and read-only.ts need; every v3 client has it.
import type { MiddlewareStack } from '@smithy/types';

export interface MiddlewareHost<I extends object, O extends object> {
  middlewareStack: MiddlewareStack<I, O>;
}
