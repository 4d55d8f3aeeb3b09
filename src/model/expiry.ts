// `expiresAt:` of an assignment entry or a group member: an ISO 8601 date-time with an
// explicit offset, or a date, which means the END of that day in UTC (the entry counts
// through 2026-12-31 23:59:59.999Z and is absent from 2027-01-01T00:00:00Z on). A
// date-time without an offset is refused: which day it ends would depend on the machine.
import type { SourcePos } from './source-pos.js';

/** When an entry stops counting. */
export interface Expiry {
  /** The value as written in the state file (what the plan shows). */
  written: string;
  /** The first instant at which the entry counts as absent (ISO, UTC, milliseconds). */
  at: string;
  /** Where `expiresAt:` is written. */
  pos?: SourcePos;
}

// the form of schema/identity.schema.json#/definitions/expiresAt, with groups
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2})))?$/;

const DAY_MS = 86_400_000;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Milliseconds since the epoch of a UTC calendar time; unlike Date.UTC, years 0-99 stay themselves. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  return d.getTime();
}

/** The instant an `expiresAt` value means, or why it is not one. */
export function parseExpiresAt(written: string): { at: string } | { error: string } {
  const m = DATE_TIME.exec(written);
  const form = 'a date (2026-12-31, the end of that day UTC) or a date-time with an offset (2026-12-31T18:00:00+02:00 or …Z)';
  if (!m) return { error: `"${written}" is not ${form}` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return {
      error: `"${written}" is not a calendar date (${m[1]}-${m[2]} has ${month >= 1 && month <= 12 ? daysInMonth(year, month) : 'no'} days)`,
    };
  if (m[4] === undefined) return { at: new Date(utc(year, month, day) + DAY_MS).toISOString() };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23 || minute > 59 || second > 59) return { error: `"${written}" is not a time of day (00:00:00 to 23:59:59)` };
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return { error: `"${written}" has an offset that is not one (-23:59 to +23:59)` };
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // fractions below a millisecond cannot be represented; they are cut, never rounded up
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = utc(year, month, day, hour, minute, second, millis);
  return { at: new Date(local - offsetMinutes * 60_000).toISOString() };
}
