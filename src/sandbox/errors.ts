// AWS error answers of the sandbox. Handlers throw AwsError; the server turns it into the
// JSON 1.1 error shape ({"__type", "message"} + modelled members) that the SDK maps to its
// exception classes.

export class AwsError extends Error {
  constructor(
    /** The exception name the SDK resolves, e.g. "ResourceNotFoundException". */
    readonly type: string,
    message: string,
    readonly status: number = 400,
    /** Modelled members of the exception (Reason, RetryAfterSeconds, ResourceType, ...). */
    readonly members: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

export function notFound(message: string, members: Record<string, unknown> = {}): AwsError {
  return new AwsError('ResourceNotFoundException', message, 400, members);
}

export function conflict(message: string, members: Record<string, unknown> = {}): AwsError {
  return new AwsError('ConflictException', message, 400, members);
}

export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDeniedException', message);
}

export function throttling(retryAfterSeconds?: number): AwsError {
  return new AwsError(
    'ThrottlingException',
    'Rate exceeded',
    400,
    retryAfterSeconds === undefined ? {} : { RetryAfterSeconds: retryAfterSeconds },
  );
}

/** The body of an error answer; `message` and `Message` both, as services differ in casing. */
export function errorBody(err: AwsError): string {
  return JSON.stringify({ __type: err.type, message: err.message, Message: err.message, ...err.members });
}
