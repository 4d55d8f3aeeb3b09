// A user's structured attributes (emails, addresses, phone numbers, photos, roles, the
// enterprise extension) are small: one line each reads better than a pretty-printed JSON
// block. Written like YAML flow style, members in the order extract writes them:
//   emails: [{value: "bob@example.com", type: "work", primary: true}]
import type { JsonValue } from '../model/types.js';
import { STRUCTURED_USER_ATTRIBUTES } from '../model/types.js';

const MEMBER_ORDER = [
  'value',
  'streetAddress',
  'locality',
  'region',
  'postalCode',
  'country',
  'formatted',
  'display',
  'type',
  'primary',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'manager',
];

function flow(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${k}: ${flow(v[k] ?? null)}`).join(', ')}}`;
  }
  return JSON.stringify(v);
}

function rank(key: string): number {
  const i = MEMBER_ORDER.indexOf(key);
  return i < 0 ? MEMBER_ORDER.length : i;
}

export const isCompactUserField = (field: string): boolean => (STRUCTURED_USER_ATTRIBUTES as readonly string[]).includes(field);

/** The one-line form of a user's structured attribute, or undefined for any other field. */
export function compactUserValue(field: string, value: JsonValue): string | undefined {
  return isCompactUserField(field) ? flow(value) : undefined;
}
