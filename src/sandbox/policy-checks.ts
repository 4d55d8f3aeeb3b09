// The sandbox's ValidatePolicy checks for IDENTITY_POLICY: the policy grammar (what the
// tool's own validator also refuses, plus the list of condition operators, which it does
// not check) and one security warning, so that tests can drive every path of
// `plan --lint-policies`. Issue codes, finding types and findingDetails are
// those of the IAM User Guide, "IAM policy validation check reference"
// (access-analyzer-reference-policy-checks), each check's "In programmatic calls" message.
//
// Written independently of src/load/policy-grammar.ts on purpose: the sandbox imports
// nothing of the tool (test/architecture/layers.test.ts), or it would only prove that the
// tool agrees with itself. What only AWS checks (actions, services, ARNs, condition keys
// and operators, policy variables, size quotas, the other security warnings) is not
// emulated: docs/aws-behaviour.md says so.
import { JsonSyntaxError, parseWithPositions, type Node, type Span } from './json-positions.js';

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';
export type PathElement = { index: number } | { key: string } | { value: string };

export interface Finding {
  findingType: FindingType;
  issueCode: string;
  findingDetails: string;
  learnMoreLink: string;
  locations: { path: PathElement[]; span: Span }[];
}

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';
const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal'];
const VERSIONS = ['2012-10-17', '2008-10-17'];

/** The reference page's anchor of a check: its kind and the issue code, dashed. */
function anchor(type: FindingType, issueCode: string): string {
  const kind =
    type === 'ERROR' ? 'error' : type === 'SECURITY_WARNING' ? 'security-warning' : type === 'WARNING' ? 'general-warning' : 'suggestion';
  return `${REFERENCE}#access-analyzer-reference-policy-checks-${kind}-${issueCode.toLowerCase().replace(/_/g, '-')}`;
}

class Findings {
  readonly list: Finding[] = [];
  add(findingType: FindingType, issueCode: string, findingDetails: string, path: PathElement[], span: Span): void {
    this.list.push({ findingType, issueCode, findingDetails, learnMoreLink: anchor(findingType, issueCode), locations: [{ path, span }] });
  }
}

/** The findings for `document` validated as an IDENTITY_POLICY. */
export function checkIdentityPolicy(document: string): Finding[] {
  const out = new Findings();
  let root: Node;
  try {
    root = parseWithPositions(document);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const { offset, line, column } = err.at;
    out.add('ERROR', 'JSON_SYNTAX_ERROR', `Fix the JSON syntax error at index ${offset} line ${line} column ${column}.`, [], {
      start: err.at,
      end: err.at,
    });
    return out.list;
  }
  if (root.type !== 'object') {
    out.add('ERROR', 'DATA_TYPE_MISMATCH', 'The text does not match the expected JSON data type Object.', [], root.span);
    return out.list;
  }
  for (const { key, keySpan } of root.entries) {
    if (!DOCUMENT_KEYS.includes(key))
      out.add('ERROR', 'INVALID_POLICY_ELEMENT', `The policy element ${key} is not valid.`, [{ key }], keySpan);
  }
  const version = member(root, 'Version');
  if (version === undefined) {
    out.add(
      'WARNING',
      'MISSING_VERSION',
      'We recommend that you specify the Version element to help you with debugging permission issues.',
      [],
      root.span,
    );
  } else if (version.type !== 'string' || !VERSIONS.includes(version.value)) {
    const shown = version.type === 'string' ? version.value : document.slice(version.span.start.offset, version.span.end.offset);
    out.add(
      'ERROR',
      'INVALID_VERSION',
      `The version ${shown} is not valid. Use one of the following versions: ${VERSIONS.join(', ')}`,
      [{ key: 'Version' }],
      version.span,
    );
  }
  const statement = member(root, 'Statement');
  if (statement === undefined) out.add('ERROR', 'MISSING_STATEMENT', 'Add a statement to the policy', [], root.span);
  else if (statement.type === 'array') statement.items.forEach((s, i) => checkStatement(s, [{ key: 'Statement' }, { index: i }], out));
  else checkStatement(statement, [{ key: 'Statement' }], out);
  return out.list;
}

function member(node: Node, key: string): Node | undefined {
  return node.type === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

function checkStatement(node: Node, at: PathElement[], out: Findings): void {
  if (node.type !== 'object') {
    out.add('ERROR', 'DATA_TYPE_MISMATCH', 'The text does not match the expected JSON data type Object.', at, node.span);
    return;
  }
  for (const { key, keySpan } of node.entries) {
    if (key === 'Principal' || key === 'NotPrincipal') {
      out.add(
        'ERROR',
        'UNSUPPORTED_PRINCIPAL',
        'The policy type IDENTITY_POLICY does not support the Principal element. Remove the Principal element.',
        [...at, { key }],
        keySpan,
      );
    } else if (!STATEMENT_KEYS.includes(key))
      out.add('ERROR', 'INVALID_POLICY_ELEMENT', `The policy element ${key} is not valid.`, [...at, { key }], keySpan);
  }
  const sid = member(node, 'Sid');
  if (sid !== undefined && !(sid.type === 'string' && /^[A-Za-z0-9]*$/.test(sid.value))) {
    out.add(
      'ERROR',
      'UNSUPPORTED_SID',
      'Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]',
      [...at, { key: 'Sid' }],
      sid.span,
    );
  }
  const effect = member(node, 'Effect');
  if (effect === undefined) {
    out.add('ERROR', 'MISSING_EFFECT', 'Add an Effect element to the policy statement with a value of Allow or Deny.', at, node.span);
  } else if (effect.type !== 'string' || (effect.value !== 'Allow' && effect.value !== 'Deny')) {
    const shown = effect.type === 'string' ? effect.value : effect.type;
    out.add('ERROR', 'INVALID_EFFECT', `The effect ${shown} is not valid. Use Allow or Deny.`, [...at, { key: 'Effect' }], effect.span);
  }
  for (const [element, negated, issueCode, details] of [
    ['Action', 'NotAction', 'MISSING_ACTION', 'Add an Action or NotAction element to the policy statement.'],
    ['Resource', 'NotResource', 'MISSING_RESOURCE', 'Add a Resource or NotResource element to the policy statement.'],
  ] as const) {
    const has = member(node, element);
    const hasNot = member(node, negated);
    if (has !== undefined && hasNot !== undefined) {
      out.add(
        'ERROR',
        'UNSUPPORTED_ELEMENT_COMBINATION',
        `The policy elements ${element} and ${negated} can not be used in the same statement. Remove one of these elements.`,
        at,
        node.span,
      );
    } else if (has === undefined && hasNot === undefined) out.add('ERROR', issueCode, details, at, node.span);
    for (const [key, value] of [
      [element, has],
      [negated, hasNot],
    ] as const) {
      if (value !== undefined && strings(value) === undefined) {
        out.add('ERROR', 'DATA_TYPE_MISMATCH', 'The text does not match the expected JSON data type String.', [...at, { key }], value.span);
      }
    }
  }
  const condition = member(node, 'Condition');
  if (condition !== undefined) checkConditionOperators(condition, [...at, { key: 'Condition' }], out);
  passRoleWithStar(node, at, out);
}

/**
 * The condition operators of the policy grammar (IAM User Guide, "IAM JSON policy
 * elements: Condition operators"): each may end in IfExists (Null excepted) and be
 * qualified by ForAllValues: or ForAnyValue: for multivalued keys. The tool's own
 * validator does not know this list, so this is the grammar ERROR a test can still
 * see from AWS after `validate` passed.
 */
const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
];

export function isConditionOperator(name: string): boolean {
  const unqualified = name.replace(/^(ForAllValues|ForAnyValue):/, '');
  if (unqualified === 'Null') return true;
  return CONDITION_OPERATORS.includes(unqualified.replace(/IfExists$/, ''));
}

function checkConditionOperators(condition: Node, at: PathElement[], out: Findings): void {
  if (condition.type !== 'object') {
    out.add('ERROR', 'DATA_TYPE_MISMATCH', 'The text does not match the expected JSON data type Object.', at, condition.span);
    return;
  }
  for (const { key, keySpan } of condition.entries) {
    if (!isConditionOperator(key)) {
      out.add(
        'ERROR',
        'INVALID_CONDITION_OPERATOR',
        `The condition operator ${key} is not valid. Use a valid condition operator.`,
        [...at, { key }],
        keySpan,
      );
    }
  }
}

/** A string or a list of strings, with each one's node; undefined for anything else. */
function strings(node: Node): { value: string; node: Node; index?: number }[] | undefined {
  if (node.type === 'string') return [{ value: node.value, node }];
  if (node.type !== 'array') return undefined;
  const items = node.items.map((n, index) => (n.type === 'string' ? { value: n.value, node: n, index } : undefined));
  return items.every((i) => i !== undefined) ? items : undefined;
}

/**
 * Security Warning – Pass role with star in resource: an Allow of iam:PassRole (action
 * names are case-insensitive) on Resource "*". AWS also weighs wildcard actions, the
 * iam:PassedToService condition and service-named role patterns; the sandbox flags only
 * this plain case.
 */
function passRoleWithStar(node: Node, at: PathElement[], out: Findings): void {
  const effect = member(node, 'Effect');
  const action = member(node, 'Action');
  const resource = member(node, 'Resource');
  if (effect?.type !== 'string' || effect.value !== 'Allow' || action === undefined || resource === undefined) return;
  if (!(strings(action) ?? []).some((a) => a.value.toLowerCase() === 'iam:passrole')) return;
  const star = (strings(resource) ?? []).find((r) => r.value === '*');
  if (star === undefined) return;
  out.add(
    'SECURITY_WARNING',
    'PASS_ROLE_WITH_STAR_IN_RESOURCE',
    'Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.',
    [...at, { key: 'Resource' }, ...(star.index !== undefined ? [{ index: star.index }] : [])],
    star.node.span,
  );
}
