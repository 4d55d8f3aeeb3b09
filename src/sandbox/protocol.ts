// The AWS JSON 1.1 wire protocol as the SDK speaks it: which service and operation an
// `X-Amz-Target` names, which account a SigV4 `Authorization` header belongs to, and the
// service-specific names of the errors the sandbox itself raises (throttling, internal
// failures, validation), so that the SDK maps them to its own exception classes.
import { AwsError } from './errors.js';
import type { ServiceName } from './router-types.js';
import { callerIdentity } from './identity.js';

/** Target prefixes, verified against `serviceTarget` in node_modules/@aws-sdk/client-*\/dist-cjs/index.js. */
export const TARGET_PREFIXES: Record<string, ServiceName> = {
  SWBExternalService: 'sso-admin',
  AWSIdentityStore: 'identitystore',
  AWSOrganizationsV20161128: 'organizations',
  // the JS SDK sends the short name; botocore (the AWS CLI) the model's full targetPrefix
  CloudTrail_20131101: 'cloudtrail',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
};

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface Target {
  service: ServiceName;
  operation: string;
}

/** `SWBExternalService.ListInstances` → {sso-admin, ListInstances}; UnknownOperationException otherwise. */
export function parseTarget(header: string | undefined): Target {
  const dot = header?.lastIndexOf('.') ?? -1;
  const service = header && dot > 0 ? TARGET_PREFIXES[header.slice(0, dot)] : undefined;
  if (!header || !service) {
    throw new AwsError(
      'UnknownOperationException',
      `Unknown operation ${header ?? '(no X-Amz-Target header)'}: the sandbox serves ${Object.keys(TARGET_PREFIXES).join(', ')}`,
    );
  }
  return { service, operation: header.slice(dot + 1) };
}

/**
 * The caller's account: the access key id of `Credential=AKID/date/region/service/aws4_request`
 * when it is 12 digits (so tests pick an account by choosing the key) or `<12 digits>-<name>`
 * (a named identity of that account, identity.ts), else the default account.
 */
export function callerAccount(authorization: string | undefined): string {
  return callerIdentity(authorization).account;
}

/** The request body as a JSON object; an empty body is `{}` (the SDK sends `{}` anyway). */
export function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Rate limit answer: organizations calls it TooManyRequestsException, Identity Center ThrottlingException. */
export function throttlingFor(service: ServiceName): AwsError {
  if (service === 'organizations') {
    return new AwsError(
      'TooManyRequestsException',
      "AWS Organizations can't complete your request because of too many requests. Try again later.",
      400,
      { Type: 'RequestThrottled' },
    );
  }
  // identitystore models RetryAfterSeconds on its ThrottlingException; sso-admin does not
  return new AwsError('ThrottlingException', 'Rate exceeded', 400, service === 'identitystore' ? { RetryAfterSeconds: 1 } : {});
}

/** An injected or unexpected server-side failure with HTTP `status` (500 or 503: the SDK retries both). */
export function internalErrorFor(service: ServiceName, status: number, message: string): AwsError {
  return new AwsError(service === 'organizations' ? 'ServiceException' : 'InternalServerException', message, status);
}

/**
 * Adapts an error a handler raised to the service's model: organizations has no
 * ValidationException, it answers InvalidInputException with a Reason from the model's
 * InvalidInputExceptionReason set (none when no value of the set fits: Reason is optional).
 */
export function adaptToService(service: ServiceName, err: AwsError): AwsError {
  if (service === 'organizations' && err.type === 'ValidationException') {
    const reason = invalidInputReason(err.message);
    return new AwsError('InvalidInputException', err.message, err.status, reason === undefined ? {} : { Reason: reason });
  }
  return err;
}

/** The organizations InvalidInputExceptionReason of a validation message (the messages input.ts and pagination.ts write). */
export function invalidInputReason(message: string): string | undefined {
  if (message.includes('Member must not be null')) return 'INPUT_REQUIRED';
  if (message.includes('NextToken')) return 'INVALID_NEXT_TOKEN';
  if (message.includes('length less than or equal')) return 'MAX_LENGTH_EXCEEDED';
  if (message.includes('length greater than or equal')) return 'MIN_LENGTH_EXCEEDED';
  if (message.includes('regular expression pattern')) return 'INVALID_PATTERN';
  if (message.includes('enum value set')) return 'INVALID_ENUM';
  const range = /Value '(-?\d+)' at .* have value between (-?\d+) and (-?\d+)/.exec(message);
  if (range) return Number(range[1]) > Number(range[3]) ? 'MAX_VALUE_EXCEEDED' : 'MIN_VALUE_EXCEEDED';
  return undefined;
}
