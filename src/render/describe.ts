// What a change looks like to a reader, independent of the output format: a headline
// with a sign (+ create, ~ change, - delete) and indented detail lines, each with its
// own sign. Text and markdown only lay these lines out (and colour them).
import type { JsonValue } from '../model/types.js';
import { asJson, prettyJson } from '../plan/canonical.js';
import { PERMISSION_SET_FIELDS } from '../plan/diff/permission-sets.js';
import { USER_FIELDS } from '../plan/diff/users.js';
import { EXPIRING_SOON_DAYS, expiresIn } from '../plan/expiry.js';
import type { AttributeChange, Change, ChangeKind, Plan } from '../plan/types.js';
import { lineDiff, withContext } from './line-diff.js';
import { compactUserValue, isCompactUserField } from './user-values.js';

export type Mark = '+' | '-' | '~' | ' ';

export interface Line {
  mark: Mark;
  /** Nesting below the headline (0 = the headline itself). */
  depth: number;
  text: string;
}

/** Sections in the order a reader expects (the order of the kinds in docs/state-format.md). */
export const KIND_SECTIONS: { kind: ChangeKind; title: string }[] = [
  { kind: 'user', title: 'Users' },
  { kind: 'group', title: 'Groups' },
  { kind: 'membership', title: 'Group memberships' },
  { kind: 'permissionSet', title: 'Permission sets' },
  { kind: 'assignment', title: 'Assignments' },
];

export function changeMark(c: Change): Mark {
  return c.action === 'create' ? '+' : c.action === 'delete' ? '-' : '~';
}

const scalar = (v: JsonValue): string => JSON.stringify(v);
const isStructured = (v: JsonValue | undefined) => v !== undefined && v !== null && typeof v === 'object';

/** One attribute change: scalars and a user's small structures on one line, documents and lists as a line diff. */
function attributeLines(a: AttributeChange, depth: number): Line[] {
  const oneLine = (v: JsonValue) => compactUserValue(a.field, v) ?? scalar(v);
  const compact = isCompactUserField(a.field);
  if (!compact && (isStructured(a.before) || isStructured(a.after))) {
    const lines = (v: JsonValue | undefined) => (v === undefined ? [] : prettyJson(v).split('\n'));
    const diff = withContext(lineDiff(lines(a.before), lines(a.after)));
    const mark: Mark = a.before === undefined ? '+' : a.after === undefined ? '-' : '~';
    return [{ mark, depth, text: `${a.field}:` }, ...diff.map((d): Line => ({ mark: d.op, depth: depth + 1, text: d.text }))];
  }
  if (a.before === undefined) return [{ mark: '+', depth, text: `${a.field}: ${oneLine(a.after ?? null)}` }];
  if (a.after === undefined) return [{ mark: '-', depth, text: `${a.field}: ${oneLine(a.before)}` }];
  return [{ mark: '~', depth, text: `${a.field}: ${oneLine(a.before)} -> ${oneLine(a.after)}` }];
}

/** The attributes of a created object, as additions in a fixed field order (a plan
 *  read back from its sorted-key JSON renders the same). The name is in the headline. */
function createdAttributes(after: object, fields: readonly string[]): Line[] {
  const values = asJson(after) as Record<string, JsonValue | undefined>;
  return fields.flatMap((field) => {
    const value = values[field];
    return value === undefined || isEmpty(value) ? [] : attributeLines({ field, after: value }, 1);
  });
}

function isEmpty(v: JsonValue): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && Object.keys(v).length === 0);
}

function headline(c: Change): string {
  switch (c.kind) {
    case 'user':
      return `user "${c.userName}"`;
    case 'group':
      return c.action === 'rename'
        ? `group "${c.previousName}" renamed to "${c.name}" (same id; members and access kept)`
        : `group "${c.name}"`;
    case 'membership':
      return `user "${c.userName}" ${c.action === 'create' ? 'joins' : 'leaves'} group "${c.group}"`;
    case 'permissionSet':
      if (c.action !== 'reprovision') return `permission set "${c.name}"`;
      return c.reason === 'updated'
        ? `re-provision permission set "${c.name}" to the accounts that have it (its content changed)`
        : `re-provision permission set "${c.name}" (stale in ${c.staleAccounts.length} account${c.staleAccounts.length === 1 ? '' : 's'}: ${c.staleAccounts.join(', ')})`;
    case 'assignment': {
      const account = c.accountName ? `${c.accountName} (${c.accountId})` : c.accountId;
      return `"${c.permissionSet}" for ${c.principalType.toLowerCase()} "${c.principal}" on ${account}`;
    }
  }
}

function details(c: Change): Line[] {
  if (c.action === 'create' && (c.kind === 'user' || c.kind === 'permissionSet')) {
    return createdAttributes(c.after, c.kind === 'user' ? USER_FIELDS : PERMISSION_SET_FIELDS);
  }
  if (c.kind === 'group' && c.action === 'create' && c.description !== undefined) {
    return attributeLines({ field: 'description', after: c.description }, 1);
  }
  if (c.action === 'update') return c.attributes.flatMap((a) => attributeLines(a, 1));
  return [];
}

export function describeChange(c: Change): Line[] {
  return [{ mark: changeMark(c), depth: 0, text: headline(c) + expiredSuffix(c) }, ...details(c)];
}

/** A removal caused by expiry says so: `(expired 2026-12-31)`. */
function expiredSuffix(c: Change): string {
  return (c.kind === 'membership' || c.kind === 'assignment') && c.expired !== undefined ? ` (expired ${c.expired})` : '';
}

/** The plan's "Expiring" list, one line each: `user "bob" in group "Ops": expires in 3 days (2026-12-31)`. */
export function expiringLines(plan: Pick<Plan, 'expiring'>): string[] {
  return (plan.expiring ?? []).map((e) => `${e.what}: ${expiresIn(e.daysLeft)} (${e.expiresAt})`);
}

export const EXPIRING_TITLE = `Expiring within ${EXPIRING_SOON_DAYS} days`;

/** Counts per sign, for section headings: "+2 ~1 -0". */
export function countMarks(changes: readonly Change[]): string {
  const count = (m: Mark) => changes.filter((c) => changeMark(c) === m).length;
  return `+${count('+')} ~${count('~')} -${count('-')}`;
}

export function summaryLine(plan: { summary: { add: number; change: number; destroy: number } }): string {
  const { add, change, destroy } = plan.summary;
  return `Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`;
}

export const NO_CHANGES = 'No changes. The live instance matches the state files.';
