// Every failed AWS call surfaces as an AwsCallError that names the service and the
// operation ("identitystore ListUsers failed: AccessDeniedException: ..."). A failed read
// must never turn into an empty list (DESIGN: safety), so readers rethrow, never swallow.
// The message carries only the error name and AWS's message: no request objects, so no
// credentials, tokens or signed headers can leak into logs.

export type AwsService = 'sso-admin' | 'identitystore' | 'organizations' | 'sts';

export class AwsCallError extends Error {
  /** The AWS error name, e.g. "AccessDeniedException", "ResourceNotFoundException". */
  readonly errorName: string;
  readonly httpStatus?: number;

  constructor(
    readonly service: AwsService,
    readonly operation: string,
    cause: unknown,
  ) {
    const { name, message, httpStatus } = describeError(cause);
    super(`${service} ${operation} failed: ${name}: ${message}`);
    this.name = 'AwsCallError';
    this.errorName = name;
    if (httpStatus !== undefined) this.httpStatus = httpStatus;
  }
}

/** The SDK's error name of `err` ("ThrottlingException", ...), also through an AwsCallError. */
export function awsErrorName(err: unknown): string | undefined {
  if (err instanceof AwsCallError) return err.errorName;
  if (err instanceof Error) return err.name;
  return undefined;
}

function describeError(err: unknown): { name: string; message: string; httpStatus?: number } {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const meta = (err as { $metadata?: { httpStatusCode?: number } }).$metadata;
  const httpStatus = meta?.httpStatusCode;
  // An emulator answering an HTML error page leaves the SDK with a generic message;
  // the status code then tells more than the body.
  const message = oneLine(err.message) || (httpStatus !== undefined ? `HTTP ${httpStatus}` : 'no message');
  return { name: err.name || 'Error', message, ...(httpStatus !== undefined ? { httpStatus } : {}) };
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}...` : flat;
}

/** Runs one AWS call and rethrows any failure as an AwsCallError naming it. */
export async function awsCall<T>(service: AwsService, operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AwsCallError) throw err;
    throw new AwsCallError(service, operation, err);
  }
}

/** A problem with the setup rather than one call: no instance, several instances, no region. */
export class AwsSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsSetupError';
  }
}
