// identitystore user attributes: one table of checks used by CreateUser (whole members)
// and UpdateUser (attribute paths), so both calls accept and refuse exactly the same values.
import { validationError } from '../errors.js';
import { checkString, type Json } from '../input.js';

/** Checks one attribute value (never null here) and returns it cleaned of unknown members. */
type AttributeCheck = (path: string, value: unknown) => unknown;

/** identitystore SensitiveStringType: letters, marks, symbols, numbers, punctuation and spaces. */
export const SENSITIVE_TEXT = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \u00A0\u3000]+$/u;
/** UserName: like SENSITIVE_TEXT without any whitespace. */
export const USER_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const RESERVED_USER_NAMES = new Set(['administrator', 'awsadministrators']);

const text =
  (max = 1024, pattern = SENSITIVE_TEXT): AttributeCheck =>
  (path, value) =>
    checkString(path, value, { min: 1, max, pattern });

const bool: AttributeCheck = (path, value) => {
  if (typeof value !== 'boolean') throw validationError(`Value at '${path}' must be a boolean`);
  return value;
};

function struct(fields: Record<string, AttributeCheck>): AttributeCheck {
  return (path, value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw validationError(`Value at '${path}' must be a structure`);
    const out: Json = {};
    for (const [key, member] of Object.entries(value as Json)) {
      const check = fields[key];
      if (!check) throw validationError(`Unknown member '${key}' at '${path}'`);
      if (member !== null && member !== undefined) out[key] = check(`${path}.${lowerFirst(key)}`, member);
    }
    return out;
  };
}

/** Identity Center stores at most one email, phone number and address per user. */
function list(max: number, item: AttributeCheck): AttributeCheck {
  return (path, value) => {
    if (!Array.isArray(value)) throw validationError(`Value at '${path}' must be a list`);
    if (value.length > max)
      throw validationError(
        `1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    return value.map((v, i) => item(`${path}.${i}`, v));
  };
}

const NAME_FIELDS: Record<string, AttributeCheck> = {
  Formatted: text(),
  FamilyName: text(),
  GivenName: text(),
  MiddleName: text(),
  HonorificPrefix: text(),
  HonorificSuffix: text(),
};

const VALUE_TYPE_PRIMARY = { Value: text(), Type: text(), Primary: bool };

/** CreateUserRequest.Extensions: "aws:identitystore:enterprise is the only supported extension name". */
export const ENTERPRISE_EXTENSION = 'aws:identitystore:enterprise';

/** Members of the enterprise extension: the SCIM enterprise user (RFC 7643 section 4.3). */
const ENTERPRISE_FIELDS: Record<string, AttributeCheck> = {
  employeeNumber: text(),
  costCenter: text(),
  organization: text(),
  division: text(),
  department: text(),
  manager: struct({ value: text() }),
};

/** identitystore Extensions: a map of 1-10 extension names (aws:identitystore:[a-z]{1,20}) to documents. */
const extensions: AttributeCheck = (path, value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationError(`Value at '${path}' must be a map`);
  const out: Json = {};
  for (const [name, doc] of Object.entries(value as Json)) {
    if (name !== ENTERPRISE_EXTENSION)
      throw validationError(`Extension ${name} is not supported; ${ENTERPRISE_EXTENSION} is the only supported extension name`);
    out[name] = struct(ENTERPRISE_FIELDS)(`${path}.${name}`, doc);
  }
  return out;
};

/** Every user attribute CreateUser takes (besides IdentityStoreId) and UpdateUser may set. */
const USER_ATTRIBUTES: Record<string, AttributeCheck> = {
  UserName: text(128, USER_NAME),
  DisplayName: text(),
  NickName: text(),
  ProfileUrl: text(),
  UserType: text(),
  Title: text(),
  PreferredLanguage: text(),
  Locale: text(),
  Timezone: text(),
  Website: text(),
  Birthdate: text(),
  Name: struct(NAME_FIELDS),
  Emails: list(1, struct(VALUE_TYPE_PRIMARY)),
  PhoneNumbers: list(1, struct(VALUE_TYPE_PRIMARY)),
  Addresses: list(
    1,
    struct({
      StreetAddress: text(),
      Locality: text(),
      Region: text(),
      PostalCode: text(),
      Country: text(),
      Formatted: text(),
      Type: text(),
      Primary: bool,
    }),
  ),
  Photos: list(3, struct({ Value: text(), Type: text(), Display: text(), Primary: bool })),
  // identitystore Roles: max 1, like Emails, PhoneNumbers and Addresses; Photos: max 3
  Roles: list(1, struct(VALUE_TYPE_PRIMARY)),
  Extensions: extensions,
};

/** Structured attributes whose members UpdateUser may address one by one ("name.givenName"). */
const SUB_ATTRIBUTES: Record<string, Record<string, AttributeCheck>> = { Name: NAME_FIELDS };

/** The user attributes of a CreateUser body, checked. */
export function userAttributesFromCreate(body: Json): Json {
  const out: Json = {};
  for (const [key, check] of Object.entries(USER_ATTRIBUTES)) {
    const value = body[key];
    if (value !== null && value !== undefined) out[key] = check(lowerFirst(key), value);
  }
  return out;
}

/** Applies UpdateUser attribute operations to a copy of `current`; a null or absent value removes. */
export function applyUserOperations(current: Json, operations: unknown[]): Json {
  const next: Json = structuredClone(current);
  operations.forEach((raw, index) => {
    const op = raw as { AttributePath?: unknown; AttributeValue?: unknown };
    if (typeof op !== 'object' || op === null || typeof op.AttributePath !== 'string') {
      throw validationError(
        `Value at 'operations.${index + 1}.member.attributePath' failed to satisfy constraint: Member must not be null`,
      );
    }
    const [top, sub, ...rest] = op.AttributePath.split('.');
    const value = op.AttributeValue;
    if (top === ENTERPRISE_EXTENSION && rest.length === 0) {
      applyEnterpriseOperation(next, sub, value, op.AttributePath);
      return;
    }
    const key = attributeKey(USER_ATTRIBUTES, top ?? '');
    if (key === undefined || rest.length > 0) throw invalidPath(op.AttributePath);
    if (sub === undefined) {
      if (value === null || value === undefined) delete next[key];
      else next[key] = (USER_ATTRIBUTES[key] as AttributeCheck)(op.AttributePath, value);
      return;
    }
    const fields = SUB_ATTRIBUTES[key];
    const field = fields ? attributeKey(fields, sub) : undefined;
    if (!fields || field === undefined) throw invalidPath(op.AttributePath);
    const parent: Json = { ...((next[key] as Json | undefined) ?? {}) };
    if (value === null || value === undefined) delete parent[field];
    else parent[field] = (fields[field] as AttributeCheck)(op.AttributePath, value);
    if (Object.keys(parent).length === 0) delete next[key];
    else next[key] = parent;
  });
  return next;
}

/** Sets or removes the whole enterprise extension ("aws:identitystore:enterprise") or one member ("...enterprise.costCenter"). */
function applyEnterpriseOperation(next: Json, member: string | undefined, value: unknown, path: string): void {
  const current: Json = { ...(((next.Extensions as Json | undefined)?.[ENTERPRISE_EXTENSION] as Json | undefined) ?? {}) };
  let doc: Json;
  if (member === undefined) doc = value === null || value === undefined ? {} : (struct(ENTERPRISE_FIELDS)(path, value) as Json);
  else {
    const check = ENTERPRISE_FIELDS[member];
    if (!check) throw invalidPath(path);
    doc = current;
    if (value === null || value === undefined) delete doc[member];
    else doc[member] = check(path, value);
  }
  const others = { ...((next.Extensions as Json | undefined) ?? {}) };
  delete others[ENTERPRISE_EXTENSION];
  const all = Object.keys(doc).length > 0 ? { ...others, [ENTERPRISE_EXTENSION]: doc } : others;
  if (Object.keys(all).length > 0) next.Extensions = all;
  else delete next.Extensions;
}

/**
 * What Identity Center itself needs of a user (the API model leaves these optional, the
 * service does not): a user name that is not reserved, a display name, given and family name.
 */
export function requireIdentityCenterUser(attributes: Json): void {
  const name = attributes.Name as Json | undefined;
  for (const [present, path] of [
    [attributes.UserName, 'userName'],
    [attributes.DisplayName, 'displayName'],
    [name?.GivenName, 'name.givenName'],
    [name?.FamilyName, 'name.familyName'],
  ] as const) {
    if (present === undefined)
      throw validationError(`1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  }
  if (RESERVED_USER_NAMES.has(String(attributes.UserName).toLowerCase())) {
    throw validationError(`UserName ${String(attributes.UserName)} is reserved and cannot be used`);
  }
}

/** Attribute paths are matched without regard to case ("displayName", "DisplayName"). */
function attributeKey<T>(table: Record<string, T>, segment: string): string | undefined {
  const wanted = segment.toLowerCase();
  return Object.keys(table).find((k) => k.toLowerCase() === wanted);
}

function invalidPath(path: string): Error {
  return validationError(`Invalid attribute path: ${path}`);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
