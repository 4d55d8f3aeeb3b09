// What a change looks like to a reader, independent of the output format: a headline
// with a sign (+ create, ~ change, - delete) and indented detail lines, each with its
// own sign. Text and markdown only lay these lines out (and colour them).
import { descriptorOf, KIND_LIST } from '../kinds/registry.js';
import { EXPIRING_SOON_DAYS, expiresIn } from '../plan/expiry.js';
import type { Change, ChangeKind, Plan } from '../plan/types.js';
import type { Line, Mark } from './attribute-lines.js';

export type { Line, Mark } from './attribute-lines.js';

/** Sections in the order a reader expects: the registry's order (src/kinds/registry.ts). */
export const KIND_SECTIONS: { kind: ChangeKind; title: string }[] = KIND_LIST.map(({ kind, title }) => ({ kind, title }));

export function changeMark(c: Change): Mark {
  return c.action === 'create' ? '+' : c.action === 'delete' ? '-' : '~';
}

export function describeChange(c: Change): Line[] {
  const kind = descriptorOf(c);
  return [{ mark: changeMark(c), depth: 0, text: kind.headline(c) + expiredSuffix(c) }, ...kind.details(c)];
}

/** A removal caused by expiry says so: `(expired 2026-12-31)`. */
function expiredSuffix(c: Change): string {
  // memberships and assignments carry `expired` (src/plan/expiry.ts); other kinds never do
  return 'expired' in c && c.expired !== undefined ? ` (expired ${c.expired})` : '';
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
