// Account pins (identity/accounts.yaml, written by extract): the id each account name
// stood for when the state was extracted. AWS does not make account names unique across
// organizations, nor stable within one, so a name alone can silently mean another account:
// the old organization's "Management" resolves to the new organization's management
// account, a look-alike with another id gets the access. Every name the files use must
// therefore still resolve to its pinned id; otherwise planning stops before any write.
import type { Account, DesiredState, Diagnostic, SourcePos } from '../model/types.js';
import { lookUpAccount } from './accounts.js';

const ACCOUNT_ID = /^\d{12}$/;

interface NameUse {
  name: string;
  pos?: SourcePos;
}

/** Every account referenced by name in the state files (ids need no pin). */
function namesUsed(desired: DesiredState): NameUse[] {
  const uses: NameUse[] = [];
  const add = (ref: string, pos: SourcePos | undefined) => {
    if (!ACCOUNT_ID.test(ref)) uses.push({ name: ref, ...(pos ? { pos } : {}) });
  };
  for (const entry of desired.assignments) for (const ref of [...entry.accounts, ...entry.excludeAccounts]) add(ref, entry.pos);
  for (const entry of desired.settings.safety.protect) if (entry.account !== undefined) add(entry.account, entry.pos);
  return uses;
}

export function checkAccountPins(desired: DesiredState, accounts: readonly Account[]): Diagnostic[] {
  const pins = desired.accountPins ?? [];
  if (pins.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const pinned = new Map(pins.map((p) => [p.name, p]));
  const reported = new Set<string>();
  for (const use of namesUsed(desired)) {
    const pin = pinned.get(use.name);
    if (pin === undefined || reported.has(use.name)) continue;
    const found = lookUpAccount(use.name, accounts);
    if ('error' in found || found.account.id === pin.id) continue; // an unknown name is resolve's error
    reported.add(use.name);
    const where = pin.pos ? ` (${pin.pos.file}:${pin.pos.line})` : '';
    diagnostics.push({
      severity: 'error',
      message:
        `account "${use.name}" resolves to ${found.account.id} in this organization, but it is pinned to ${pin.id}${where}: ` +
        'another account with the same name would get this access. If the state really moved to this organization ' +
        '(a rehearsal, a migration), correct the id in accounts.yaml or delete the file; nothing was changed',
      ...(use.pos ? { pos: use.pos } : {}),
    });
  }
  const live = new Set(accounts.map((a) => a.id));
  for (const pin of pins) {
    if (live.has(pin.id)) continue;
    diagnostics.push({
      severity: 'warning',
      message: `pinned account "${pin.name}" (${pin.id}) is not in the organization; remove the pin when the account is gone for good`,
      ...(pin.pos ? { pos: pin.pos } : {}),
    });
  }
  return diagnostics;
}
