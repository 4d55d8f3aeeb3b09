// `email: x` in the state files is the short form of one email: the work address, marked
// primary. That is what the tool wrote for `email:` before `emails:` existed, so files
// that use it keep meaning the same users, and extract writes the short form exactly
// when the full form would say no more.
import type { User, UserTypedValue } from './types.js';

export function workEmail(address: string): UserTypedValue[] {
  return [{ value: address, type: 'work', primary: true }];
}

/** The address when the user's emails are exactly one primary work email, else undefined. */
export function shortFormEmail(user: Pick<User, 'emails'>): string | undefined {
  const [only, ...rest] = user.emails ?? [];
  if (only === undefined || rest.length > 0) return undefined;
  const keys = Object.keys(only).sort().join(',');
  return keys === 'primary,type,value' && only.type === 'work' && only.primary === true ? only.value : undefined;
}
