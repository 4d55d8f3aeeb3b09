// IAM Access Analyzer's policy checks (ValidatePolicy) for `plan --lint-policies`: AWS's
// own checker of a policy's grammar, of the actions, resources and condition keys it
// names, and of security best practice (the IAM User Guide's "IAM policy validation
// check reference" lists every check). A permission set's inline policy becomes an
// inline policy of the role Identity Center creates in each account, so it is validated
// as an IDENTITY_POLICY.
//
// Service model (@aws-sdk/client-accessanalyzer, ValidatePolicy): restJson1, POST
// /policy/validation; policyDocument and policyType in the body, maxResults and
// nextToken in the query; the answer is `findings` (+ `nextToken`): findingDetails,
// findingType (ERROR | SECURITY_WARNING | WARNING | SUGGESTION), issueCode,
// learnMoreLink, locations (path + span). Errors: AccessDeniedException (403),
// ThrottlingException (429, Retry-After), ValidationException, InternalServerException.
//
// Pacing: neither quota page (IAM User Guide, "IAM Access Analyzer quotas"; AWS General
// Reference, "IAM Access Analyzer endpoints and quotas") states a request rate for
// ValidatePolicy, so the calls go at a modest rate of their own (5 per second, or
// SSO_GITOPS_ACCESS_ANALYZER_TPS) that a ThrottlingException lowers like every other rate
// (adaptive-rate.ts). One call per distinct document: the caller deduplicates.
import { paginateValidatePolicy, type Location, type PathElement, type ValidatePolicyFinding } from '@aws-sdk/client-accessanalyzer';
import type { PolicyFinding, PolicyFindingLocation, PolicyFindingType, PolicyPathElement } from '../plan/types.js';
import { AdaptiveRate } from './adaptive-rate.js';
import { createAccessAnalyzerClient, type ClientOptions, type Pacing } from './clients.js';
import { mapLimit } from './concurrency.js';
import { AwsCallError } from './errors.js';
import { collectPages, paginatorConfig } from './pagination.js';
import { resolveRate } from './rate-limit.js';

export const DEFAULT_ACCESS_ANALYZER_TPS = 5;
/** Documents validated at once; the rate paces them, this only hides latency. */
const VALIDATE_CONCURRENCY = 4;

const FINDING_TYPES: readonly PolicyFindingType[] = ['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'];

/** What validating a set of documents gave: findings per document, or why AWS could not be asked. */
export type PolicyValidation = { kind: 'checked'; findings: Map<string, PolicyFinding[]> } | { kind: 'unavailable'; reason: string };

/** The one client call this module needs, so tests can stand in for AWS. */
export type ValidatePolicyClient = Parameters<typeof paginateValidatePolicy>[0]['client'];

/**
 * Validates each document (compact JSON text) once. A refused call (AccessDeniedException:
 * the role lacks access-analyzer:ValidatePolicy) makes the whole check `unavailable` with
 * AWS's reason, so the plan says the policies were NOT checked instead of showing no
 * findings; any other failure rejects like a failed read.
 */
export async function validateIdentityPolicies(client: ValidatePolicyClient, documents: readonly string[]): Promise<PolicyValidation> {
  try {
    const results = await mapLimit(documents, VALIDATE_CONCURRENCY, (document) => validateIdentityPolicy(client, document));
    return { kind: 'checked', findings: new Map(documents.map((d, i) => [d, results[i] ?? []])) };
  } catch (err) {
    if (err instanceof AwsCallError && err.errorName === 'AccessDeniedException') return { kind: 'unavailable', reason: err.message };
    throw err;
  }
}

export async function validateIdentityPolicy(client: ValidatePolicyClient, document: string): Promise<PolicyFinding[]> {
  const pages = paginateValidatePolicy(paginatorConfig(client), { policyDocument: document, policyType: 'IDENTITY_POLICY' });
  const findings = await collectPages('access-analyzer', 'ValidatePolicy', pages, (page) => page.findings);
  return findings.map(toFinding);
}

/** Opens an Access Analyzer client paced by its own adaptive rate; call the result's close(). */
export function openPolicyValidator(options: ClientOptions, region: string, pacing: Pick<Pacing, 'stats' | 'jitter'>) {
  const rate = new AdaptiveRate(
    resolveRate(undefined, process.env.SSO_GITOPS_ACCESS_ANALYZER_TPS, 'SSO_GITOPS_ACCESS_ANALYZER_TPS', DEFAULT_ACCESS_ANALYZER_TPS),
  );
  const client = createAccessAnalyzerClient(options, region, rate, pacing);
  return { validate: (documents: readonly string[]) => validateIdentityPolicies(client, documents), close: () => client.destroy() };
}

function toFinding(f: ValidatePolicyFinding): PolicyFinding {
  return {
    // A finding type newer than this code is shown as a WARNING rather than dropped.
    findingType: FINDING_TYPES.find((t) => t === f.findingType) ?? 'WARNING',
    issueCode: f.issueCode ?? 'UNKNOWN',
    message: f.findingDetails ?? '',
    ...(f.learnMoreLink !== undefined && f.learnMoreLink !== '' ? { learnMoreLink: f.learnMoreLink } : {}),
    locations: (f.locations ?? []).map(toLocation),
  };
}

function toLocation(l: Location): PolicyFindingLocation {
  const path = (l.path ?? []).flatMap(toPathElement);
  const { start, end } = l.span ?? {};
  if (start === undefined || end === undefined) return { path };
  return {
    path,
    span: {
      start: { line: start.line ?? 0, column: start.column ?? 0, offset: start.offset ?? 0 },
      end: { line: end.line ?? 0, column: end.column ?? 0, offset: end.offset ?? 0 },
    },
  };
}

/** PathElement is a union; a member this SDK does not know ($unknown) is left out of the path. */
function toPathElement(e: PathElement): PolicyPathElement[] {
  if (e.index !== undefined) return [{ index: e.index }];
  if (e.key !== undefined) return [{ key: e.key }];
  if (e.value !== undefined) return [{ value: e.value }];
  if (e.substring !== undefined) return [{ substring: { start: e.substring.start ?? 0, length: e.substring.length ?? 0 } }];
  return [];
}
