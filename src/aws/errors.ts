// Every failed AWS call surfaces as an AwsCallError that names the service and the
// operation ("identitystore ListUsers failed: AccessDeniedException: ..."). A failed read
// must never turn into an empty list (docs/guarantees.md), so readers rethrow, never swallow.
// The message carries only the error name and AWS's message: no request objects, so no
// credentials, tokens or signed headers can leak into logs.
//
// Errors a user can cause and fix (a refused call, no instance, a bad setting, an endpoint
// that is not AWS) carry `userFacing: true`: the CLI prints their message as one line and
// exits 1; anything else is a bug and shows its stack trace.

export type AwsService = 'sso-admin' | 'identitystore' | 'organizations' | 'sts' | 'access-analyzer' | 'cloudtrail';

/** An endpoint answered something that is not an AWS answer (an HTML page, a bare 5xx). */
export class EndpointAnswerError extends Error {
  readonly userFacing = true;

  constructor(
    readonly httpStatus: number,
    readonly endpoint: string,
    readonly contentType: string | undefined,
  ) {
    const what = contentType !== undefined && !/json/i.test(contentType) ? ` (${contentType}, not an AWS answer)` : '';
    super(`HTTP ${httpStatus} from ${endpoint}${what}`);
    this.name = 'EndpointAnswerError';
  }
}

export class AwsCallError extends Error {
  readonly userFacing = true;
  /** The AWS error name, e.g. "AccessDeniedException", "ResourceNotFoundException". */
  readonly errorName: string;
  readonly httpStatus?: number;

  constructor(
    readonly service: AwsService,
    readonly operation: string,
    cause: unknown,
  ) {
    const { name, message, httpStatus } = describeError(cause);
    // "sso-admin ListTagsForResource: HTTP 500 from https://..." says all there is: the
    // endpoint gave no AWS error to name.
    super(
      cause instanceof EndpointAnswerError ? `${service} ${operation}: ${message}` : `${service} ${operation} failed: ${name}: ${message}`,
    );
    this.name = 'AwsCallError';
    this.errorName = name;
    if (httpStatus !== undefined) this.httpStatus = httpStatus;
  }
}

/** The result of `read`, or undefined when AWS answers ResourceNotFoundException (the object
 *  does not exist); any other failure is thrown. */
export async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (awsErrorName(err) === 'ResourceNotFoundException') return undefined;
    throw err;
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
  const httpStatus = err instanceof EndpointAnswerError ? err.httpStatus : meta?.httpStatusCode;
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

/** A problem with the setup rather than one call: no instance, several instances, no region, no such profile. */
export class AwsSetupError extends Error {
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'AwsSetupError';
  }
}

/** A setting (environment variable) with a value the tool cannot use; the message names both. */
export class SettingError extends Error {
  readonly userFacing = true;

  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${JSON.stringify(value)}: ${expected}`);
    this.name = 'SettingError';
  }
}
