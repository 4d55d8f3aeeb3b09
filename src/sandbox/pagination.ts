// Opaque page tokens and MaxResults limits. A token is base64url of {offset, scope}: the scope
// (operation + listed container) makes a token from another listing, or garbage, a
// ValidationException instead of a silently wrong page.
import { validationError } from './errors.js';
import type { Input } from './input.js';

export interface PageLimits {
  /** largest MaxResults the service accepts (sso-admin/identitystore 100, organizations 20) */
  max: number;
  /** page size when MaxResults is omitted */
  defaultSize: number;
  /**
   * most items a page may hold, when the output list is shorter than MaxResults allows
   * (sso-admin ApplicationList: at most 50, while MaxResults goes to 100)
   */
  listMax?: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope }), 'utf8').toString('base64url');
}

export function decodeToken(token: string | undefined, scope: string): number {
  if (token === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const value = parsed as { o?: unknown; s?: unknown } | undefined;
  if (!value || typeof value.o !== 'number' || !Number.isInteger(value.o) || value.o < 0 || value.s !== scope) {
    throw validationError('The NextToken is invalid or has expired');
  }
  return value.o;
}

/**
 * One page of `items` (any iterable; skipping is the only cost before the page, so a list
 * of 20,000 users stays cheap). Reads MaxResults/NextToken from the request.
 */
export function paginate<T>(items: Iterable<T>, input: Input, limits: PageLimits, scope: string): Page<T> {
  const requested = input.optInt('MaxResults', 1, limits.max) ?? limits.defaultSize;
  const size = Math.min(requested, limits.listMax ?? requested);
  const offset = decodeToken(input.optString('NextToken'), scope);
  const page: T[] = [];
  let index = 0;
  let more = false;
  for (const item of items) {
    if (index >= offset) {
      if (page.length === size) {
        more = true;
        break;
      }
      page.push(item);
    }
    index++;
  }
  return more ? { items: page, nextToken: encodeToken(offset + size, scope) } : { items: page };
}

export const SSO_ADMIN_PAGES: PageLimits = { max: 100, defaultSize: 100 };
export const IDENTITY_STORE_PAGES: PageLimits = { max: 100, defaultSize: 100 };
export const ORGANIZATIONS_PAGES: PageLimits = { max: 20, defaultSize: 20 };
