// IAM Access Analyzer's ValidatePolicy, the one Access Analyzer call the tool makes
// (`plan --lint-policies`). Access Analyzer speaks restJson1, unlike the JSON 1.1
// services: the operation is the HTTP binding `POST /policy/validation` (service model
// accessanalyzer, ValidatePolicy), `policyDocument`, `policyType`, `locale` and
// `validatePolicyResourceType` travel in the JSON body, `maxResults` and `nextToken` in
// the query string, and an error is its HTTP status with the exception's name in the
// `x-amzn-errortype` header (AccessDeniedException 403, ValidationException 400 with
// `reason`, ThrottlingException 429, InternalServerException 500).
//
// The checks are policy-checks.ts (grammar and one security warning, IDENTITY_POLICY only).
// Findings are paged `maxResults` at a time; without maxResults the sandbox pages by
// DEFAULT_PAGE_SIZE, deliberately small, so a client that ignores `nextToken` loses
// findings in tests (AWS documents no default page size).
import { checkIdentityPolicy, type Finding } from './policy-checks.js';

export const VALIDATE_POLICY_PATH = '/policy/validation';
export const DEFAULT_PAGE_SIZE = 2;
/** PolicyType in the service model; only IDENTITY_POLICY is checked here. */
const POLICY_TYPES = ['IDENTITY_POLICY', 'RESOURCE_POLICY', 'SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

export interface RestAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Whether a request is Access Analyzer's ValidatePolicy (method and path of its HTTP binding). */
export function isValidatePolicy(method: string | undefined, path: string): boolean {
  return method === 'POST' && path === VALIDATE_POLICY_PATH;
}

export function answerValidatePolicy(query: URLSearchParams, body: string): RestAnswer {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return validationError('cannotParse', 'The request body is not valid JSON');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return validationError('cannotParse', 'The request body must be a JSON object');
  const { policyDocument, policyType } = input as Record<string, unknown>;
  if (typeof policyDocument !== 'string') return validationError('fieldValidationFailed', 'policyDocument is required', 'policyDocument');
  if (typeof policyType !== 'string' || !POLICY_TYPES.includes(policyType)) {
    return validationError('fieldValidationFailed', `policyType must be one of ${POLICY_TYPES.join(', ')}`, 'policyType');
  }
  if (policyType !== 'IDENTITY_POLICY') return validationError('other', `The sandbox validates only IDENTITY_POLICY, not ${policyType}`);

  const pageSize = query.has('maxResults') ? Number(query.get('maxResults')) : DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    return validationError('fieldValidationFailed', 'maxResults must be a positive integer', 'maxResults');
  const findings = checkIdentityPolicy(policyDocument);
  const token = query.get('nextToken');
  const start = token === null ? 0 : tokenOffset(token, findings.length);
  if (start === undefined) return validationError('fieldValidationFailed', 'Invalid nextToken', 'nextToken');
  const page: Finding[] = findings.slice(start, start + pageSize);
  const next = start + pageSize < findings.length ? { nextToken: Buffer.from(`findings:${start + pageSize}`).toString('base64') } : {};
  return json(200, { findings: page, ...next });
}

function tokenOffset(token: string, total: number): number | undefined {
  const match = /^findings:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  return Number.isInteger(offset) && offset > 0 && offset < total ? offset : undefined;
}

function json(status: number, body: unknown, errorType?: string): RestAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...(errorType !== undefined ? { 'x-amzn-errortype': errorType } : {}) },
    body: JSON.stringify(body),
  };
}

/** ValidationException: `message` and `reason` are required members, `fieldList` optional. */
function validationError(reason: 'cannotParse' | 'fieldValidationFailed' | 'other', message: string, field?: string): RestAnswer {
  return json(400, { message, reason, ...(field !== undefined ? { fieldList: [{ name: field, message }] } : {}) }, 'ValidationException');
}
