// `expiresAt:` in the state files: on an assignment entry, and on a group member written
// `{user, expiresAt}`. The schema checked the form; here the value must be a real moment
// (2026-02-30 matches the form, not the calendar), and a member may be listed only once.
import { parseExpiresAt, type Expiry } from '../model/expiry.js';
import { nameKey } from '../model/names.js';
import type { Diagnostic, ExpiringMember } from '../model/types.js';
import { formatPath } from './schema-messages.js';
import type { FileSource, PathSegment } from './source.js';

/** The Expiry at `path` (the `expiresAt` value), or undefined with an error when it is no moment. */
export function readExpiry(value: unknown, source: FileSource, path: PathSegment[], diagnostics: Diagnostic[]): Expiry | undefined {
  if (typeof value !== 'string') return undefined;
  const pos = source.pos(path);
  const parsed = parseExpiresAt(value);
  if ('error' in parsed) {
    diagnostics.push({ severity: 'error', message: `${formatPath(path)}: ${parsed.error}`, pos });
    return undefined;
  }
  return { written: value, at: parsed.at, pos };
}

/** The members of a group entry: every userName, and those written `{user, expiresAt}`. */
export function readMembers(
  raw: unknown,
  source: FileSource,
  groupPath: PathSegment[],
  diagnostics: Diagnostic[],
): { members: string[]; expiringMembers: ExpiringMember[] } {
  const members: string[] = [];
  const expiringMembers: ExpiringMember[] = [];
  // case-folded userName → whether an entry of it had an expiry
  const seen = new Map<string, boolean>();
  (Array.isArray(raw) ? raw : []).forEach((item: unknown, index) => {
    // built only for an expiry or an error: a plain member (40,000 at L size) needs no path
    const path = () => [...groupPath, 'members', index];
    const object = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
    const userName = object !== undefined ? object.user : item;
    if (typeof userName !== 'string') return;
    const expiresAt = object !== undefined ? readExpiry(object.expiresAt, source, [...path(), 'expiresAt'], diagnostics) : undefined;
    const earlier = seen.get(nameKey(userName));
    // plain names listed twice are the schema's uniqueItems; once with an expiry, the two
    // entries would disagree on when the membership ends
    if (earlier !== undefined && (earlier || object !== undefined)) {
      diagnostics.push({
        severity: 'error',
        message: `${formatPath([...groupPath, 'members'])}: member "${userName}" is listed twice; list it once, with or without expiresAt`,
        pos: source.pos(path()),
      });
      return;
    }
    // an earlier entry of this name got here only without an expiry
    seen.set(nameKey(userName), object !== undefined);
    members.push(userName);
    if (expiresAt !== undefined) expiringMembers.push({ userName, expiresAt });
  });
  return { members, expiringMembers };
}
