// Readable messages for ajv errors: `permissionSets[0].sessionDuration: must match PT1H..PT12H`.
import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import type { FileSource, PathSegment } from './source.js';
import { closestName } from '../model/suggest.js';

export interface SchemaProblem {
  /** Where the problem is, and whether to point at the key rather than the value. */
  path: PathSegment[];
  key: boolean;
  message: string;
}

const ACCOUNT_ID_PATH = /^\/assignments\/\d+\/(accounts|excludeAccounts)\/\d+$|^\/settings\/safety\/protect\/\d+\/account$/;
/** Keywords whose failure a schema's `errorMessage` annotation explains better than ajv. */
const EXPLAINED_BY_ERROR_MESSAGE = new Set(['not', 'anyOf', 'oneOf', 'minProperties', 'maxProperties']);

export function describeSchemaError(e: ErrorObject, source: FileSource): SchemaProblem {
  const path = pointerToPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const custom = typeof parent.errorMessage === 'string' && EXPLAINED_BY_ERROR_MESSAGE.has(e.keyword) ? parent.errorMessage : undefined;
  if (e.propertyName !== undefined) {
    // propertyNames: the key itself is wrong
    return at([...path, e.propertyName], true, `key "${e.propertyName}" ${custom ?? predicate(e, parent)}`, path);
  }
  if (custom) return at(path, false, custom);
  const customerManaged = e.keyword === 'pattern' && typeof e.data === 'string' ? customerManagedAdvice(e.data, path) : undefined;
  if (customerManaged) return at(path, false, customerManaged);
  switch (e.keyword) {
    case 'required':
      return at(path, false, `missing required field "${String(e.params.missingProperty)}"`);
    case 'additionalProperties':
      return at(
        [...path, String(e.params.additionalProperty)],
        true,
        unknownField(String(e.params.additionalProperty), parent, path),
        path,
      );
    case 'uniqueItems': {
      const later = Math.max(Number(e.params.i), Number(e.params.j));
      const item: unknown = Array.isArray(e.data) ? e.data[later] : undefined;
      return at([...path, later], false, `${JSON.stringify(item)} is listed twice`, path);
    }
    case 'type':
      if (ACCOUNT_ID_PATH.test(e.instancePath) && typeof e.data === 'number')
        return at(path, false, accountIdMessage(e.data, source, path));
      return at(path, false, typeMessage(e, source, path));
    default:
      return at(path, false, predicate(e, parent));
  }
}

/** An account's policy ARN (arn:<partition>:iam::<12 digits>:policy/<path><name>). */
const CUSTOMER_POLICY_ARN = /^arn:[\w-]+:iam::\d{12}:policy(\/(?:[^/]+\/)*)([^/]+)$/;

/**
 * A permission set attaches only AWS managed policies by ARN (sso-admin ManagedPolicyArn
 * has `iam::aws:policy`); a policy of the customer's own accounts is referenced by name
 * and path and must exist in every target account. Says what to write instead.
 */
function customerManagedAdvice(value: string, path: PathSegment[]): string | undefined {
  const match = CUSTOMER_POLICY_ARN.exec(value);
  if (!match) return undefined;
  const [, policyPath, name] = match;
  const reference = `{name: ${name ?? ''}, path: ${policyPath ?? '/'}}`;
  const instead = path.includes('permissionsBoundary') ? `customerManagedPolicy: ${reference}` : `customerManagedPolicies: [${reference}]`;
  return `${value} is a customer managed policy; a permission set names those in every account by name and path: write ${instead}`;
}

function at(path: PathSegment[], key: boolean, message: string, subject: PathSegment[] = path): SchemaProblem {
  const where = formatPath(subject);
  return { path, key, message: where === '' ? message : `${where}: ${message}` };
}

/** What the value must be, for the keywords that constrain a single value. */
function predicate(e: ErrorObject, parent: Record<string, unknown>): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters (found ${typeof e.data === 'string' ? [...e.data].length : '?'})`;
    case 'pattern':
      return typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : `must match ${String(p.pattern)}`;
    case 'minimum':
    case 'maximum':
      return `must be between ${String(parent.minimum)} and ${String(parent.maximum)}`;
    case 'maxProperties':
      return `must have at most ${String(p.limit)} entries (found ${countKeys(e.data)})`;
    case 'minProperties':
      return `must have at least ${String(p.limit)} entries`;
    case 'minItems':
      return `must have at least ${String(p.limit)} items`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  number: 'a number',
  integer: 'a whole number',
  null: 'empty',
};

function typeMessage(e: ErrorObject, source: FileSource, path: PathSegment[]): string {
  const expected = String(e.params.type).split(',');
  const wanted = `must be ${expected.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
  if (expected.includes('string') && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
    return `${wanted} (put it in quotes: YAML reads ${sourceText(source, path) ?? String(e.data)} as a ${typeof e.data})`;
  }
  return wanted;
}

export function accountIdMessage(value: number, source: FileSource, path: PathSegment[]): string {
  const written = sourceText(source, path);
  const suggestion =
    written && /^\d{12}$/.test(written) ? written : Number.isInteger(value) ? String(value).padStart(12, '0') : String(value);
  return `account id ${String(value)} must be a quoted string ("${suggestion}"): YAML reads unquoted digits as a number and drops leading zeros`;
}

/** The scalar exactly as written in the file (before YAML turned it into a number). */
function sourceText(source: FileSource, path: PathSegment[]): string | undefined {
  const node = source.doc.getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function unknownField(name: string, parent: Record<string, unknown>, path: PathSegment[]): string {
  const known = Object.keys(parent.properties ?? {});
  const what = path.length === 0 ? 'unknown top-level key' : 'unknown field';
  const close = closestName(name, known);
  if (close) return `${what} "${name}" (did you mean "${close}"?)`;
  return `${what} "${name}"; expected ${known.join(', ')}`;
}

function countKeys(data: unknown): string {
  return typeof data === 'object' && data !== null ? String(Object.keys(data).length) : '?';
}

/** JSON pointer (`/permissionSets/0/tags/team`) to path segments. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Path segments to the form users read: `permissionSets[0].tags["cost center"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join('');
}
