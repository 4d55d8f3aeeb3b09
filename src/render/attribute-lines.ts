// The lines that show attributes below a change's headline: each kind's descriptor
// (src/kinds/<kind>/) builds its details from these, so every kind shows a created or
// changed attribute the same way. Scalars go on one line, documents and lists as a line diff.
import type { JsonValue } from '../model/types.js';
import { asJson, prettyJson } from '../plan/canonical.js';
import type { AttributeChange } from '../plan/types.js';
import { lineDiff, withContext } from './line-diff.js';
import { compactUserValue, isCompactUserField } from './user-values.js';

export type Mark = '+' | '-' | '~' | ' ';

export interface Line {
  mark: Mark;
  /** Nesting below the headline (0 = the headline itself). */
  depth: number;
  text: string;
}

const scalar = (v: JsonValue): string => JSON.stringify(v);
const isStructured = (v: JsonValue | undefined) => v !== undefined && v !== null && typeof v === 'object';

/** One attribute change: scalars and a user's small structures on one line, documents and lists as a line diff. */
export function attributeLines(a: AttributeChange, depth: number): Line[] {
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
export function createdAttributes(after: object, fields: readonly string[]): Line[] {
  const values = asJson(after) as Record<string, JsonValue | undefined>;
  return fields.flatMap((field) => {
    const value = values[field];
    return value === undefined || isEmpty(value) ? [] : attributeLines({ field, after: value }, 1);
  });
}

function isEmpty(v: JsonValue): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && Object.keys(v).length === 0);
}

/** The attribute changes of an update, one level below the headline. */
export function updatedAttributes(attributes: readonly AttributeChange[]): Line[] {
  return attributes.flatMap((a) => attributeLines(a, 1));
}
