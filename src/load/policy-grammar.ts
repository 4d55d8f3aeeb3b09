// The grammar of an inline policy, checked before AWS sees it: PutInlinePolicyToPermissionSet
// accepts any JSON, and the mistake only surfaces when the set is provisioned to an account
// (IAM's MalformedPolicyDocument), after part of the plan has been applied.
// Source: IAM User Guide, "IAM JSON policy element reference" and "grammar of the IAM JSON
// policy language". The inline policy becomes an inline policy of the role IAM Identity
// Center creates in each account: an identity-based policy, so it has no Principal, and
// every statement needs an Effect, an Action or NotAction, and a Resource or NotResource.
import type { JsonValue, PolicyDocument } from '../model/types.js';
import { didYouMean } from '../model/suggest.js';
import type { PathSegment } from './source.js';

export interface PolicyProblem {
  /** Where in the document, e.g. ['Statement', 0, 'Effect']. */
  path: PathSegment[];
  /** Whether the problem is the key at `path` rather than its value. */
  key?: boolean;
  message: string;
}

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
/** The two versions of the policy language; "2012-10-17" is current. */
const VERSIONS = ['2012-10-17', '2008-10-17'];
const EFFECTS = ['Allow', 'Deny'];
/** IAM accepts only ASCII letters and digits in a Sid. */
const SID = /^[A-Za-z0-9]*$/;

export function checkPolicyGrammar(policy: PolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const problem = (path: PathSegment[], message: string, key = false) => problems.push({ path, message, ...(key ? { key } : {}) });
  for (const key of Object.keys(policy)) {
    if (!DOCUMENT_KEYS.includes(key)) problem([key], unknownKey(key, DOCUMENT_KEYS), true);
  }
  const version = policy.Version;
  if (version !== undefined && !(typeof version === 'string' && VERSIONS.includes(version))) {
    problem(['Version'], `${JSON.stringify(version)} must be "2012-10-17" (or the older "2008-10-17")`);
  }
  const statement = policy.Statement;
  if (statement === undefined) problem([], 'has no Statement');
  else if (Array.isArray(statement)) {
    if (statement.length === 0) problem(['Statement'], 'is an empty list; a policy needs at least one statement');
    statement.forEach((s, i) => checkStatement(s, ['Statement', i], problem));
  } else checkStatement(statement, ['Statement'], problem);
  return problems;
}

type Problem = (path: PathSegment[], message: string, key?: boolean) => void;

function checkStatement(value: JsonValue, at: PathSegment[], problem: Problem): void {
  if (!isObject(value)) {
    problem(at, 'must be a mapping with Effect, Action and Resource');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === 'Principal' || key === 'NotPrincipal') {
      problem([...at, key], `${key} belongs in resource policies; a permission set's policy applies to whoever uses it`, true);
    } else if (!STATEMENT_KEYS.includes(key)) problem([...at, key], unknownKey(key, STATEMENT_KEYS), true);
  }
  const { Sid: sid, Effect: effect, Condition: condition } = value;
  if (sid !== undefined && !(typeof sid === 'string' && SID.test(sid)))
    problem([...at, 'Sid'], `${JSON.stringify(sid)} must use only ASCII letters and digits`);
  if (effect === undefined) problem(at, 'needs Effect ("Allow" or "Deny")');
  else if (typeof effect !== 'string' || !EFFECTS.includes(effect)) {
    problem(
      [...at, 'Effect'],
      `${JSON.stringify(effect)} must be "Allow" or "Deny"${typeof effect === 'string' ? didYouMean(effect, EFFECTS) : ''}`,
    );
  }
  for (const [element, negated] of [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
  ] as const) {
    const has = value[element] !== undefined;
    const hasNot = value[negated] !== undefined;
    if (has && hasNot) problem(at, `has both ${element} and ${negated}; use one`);
    else if (!has && !hasNot) problem(at, `needs ${element} or ${negated}`);
    for (const name of [element, negated]) {
      const v = value[name];
      if (v !== undefined && !isStringOrStrings(v)) problem([...at, name], 'must be a string or a list of strings');
    }
  }
  if (condition !== undefined && !isObject(condition)) problem([...at, 'Condition'], 'must be a mapping of condition operators');
}

function unknownKey(key: string, known: string[]): string {
  const hint = didYouMean(key, known);
  return hint === '' ? `unknown key "${key}"; expected ${known.join(', ')}` : `unknown key "${key}"${hint}`;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrStrings(value: JsonValue): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}
