// identity/accounts.yaml: every account extract saw, name → its 12-digit id (quoted, so YAML
// never reads it as a number). plan and reconcile check every account name the files use
// against these pins (src/plan/pins.ts): a name that resolves to another id in the
// organization at hand (another organization's "Management", a look-alike) stops them.
import { stringify } from 'yaml';
import { compareStrings } from '../model/order.js';
import type { Account } from '../model/types.js';
import { schemaHeader } from './render.js';

export const ACCOUNTS_FILE = 'accounts.yaml';

/** The file's text. A name that several accounts share pins nothing: such a name cannot
 *  be used in the files anyway (src/plan/accounts.ts wants the id then). */
export function renderAccountsFile(accounts: readonly Account[], schemaRef: string): string {
  const count = new Map<string, number>();
  for (const a of accounts) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const pins: Record<string, string> = {};
  for (const a of [...accounts].sort((x, y) => compareStrings(x.name, y.name))) if (count.get(a.name) === 1) pins[a.name] = a.id;
  return (
    schemaHeader(schemaRef) + stringify({ accounts: pins }, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  );
}
