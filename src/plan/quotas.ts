// IAM Identity Center's adjustable quotas on permission sets, checked before anything is
// written: a plan past one fails halfway through apply (ServiceQuotaExceededException)
// with part of it done. Defaults from the IAM Identity Center User Guide, "IAM Identity
// Center quotas" (AWS account quotas): "Number of permission sets allowed in IAM Identity
// Center: 2000" and "Number of provisioned permission sets allowed per AWS account: 250",
// both adjustable. A raised quota is declared in settings.quotas; a count that AWS
// already holds is proof of a quota at least that high, so it is never refused.
import { matchesGlob } from '../model/glob.js';
import { compareStrings } from '../model/order.js';
import type { DesiredState, Diagnostic, Quotas } from '../model/types.js';
import type { ResolvedDesired } from './resolve.js';

export const DEFAULT_QUOTAS: Quotas = { permissionSetsPerInstance: 2000, permissionSetsPerAccount: 250 };

export function checkQuotas(desired: DesiredState, resolved: ResolvedDesired): Diagnostic[] {
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...desired.settings.quotas };
  const raised = (key: keyof Quotas) =>
    (desired.settings.quotas?.[key] === undefined ? ' by default: after a quota increase, set' : '; raise the quota and') +
    ` settings.quotas.${key}`;
  const errors: Diagnostic[] = [];
  const error = (message: string) => errors.push({ severity: 'error', message });
  const { manage, ignore } = desired.settings;
  const live = resolved.live;

  if (manage.permissionSets) {
    // a lower bound of the sets after apply: the declared ones, and live ones never deleted
    const declared = new Set(desired.permissionSets.map((s) => s.name.toLowerCase()));
    const leftAlone = [...live.permissionSets.keys()].filter(
      (name) => !declared.has(name.toLowerCase()) && ignore.permissionSets.some((p) => matchesGlob(name, p)),
    );
    const after = declared.size + leftAlone.length;
    if (after > quotas.permissionSetsPerInstance && after > live.permissionSets.size) {
      const more = leftAlone.length > 0 ? ` and ${leftAlone.length} more are left alone` : '';
      error(
        `the state declares ${declared.size} permission sets${more}; IAM Identity Center allows ${quotas.permissionSetsPerInstance} per instance${raised('permissionSetsPerInstance')}`,
      );
    }
  }

  if (manage.assignments) {
    const wanted = setsPerAccount(resolved.assignments.map((a) => [a.permissionSet, a.accountId]));
    const now = setsPerAccount(
      [...live.provisionedAccounts].flatMap(([set, accounts]) => accounts.map((id): [string, string] => [set, id])),
    );
    for (const [accountId, sets] of [...wanted].sort(([a], [b]) => compareStrings(a, b))) {
      if (sets.size <= quotas.permissionSetsPerAccount || sets.size <= (now.get(accountId)?.size ?? 0)) continue;
      const name = live.accountsById.get(accountId)?.name;
      const account = name === undefined ? `account ${accountId}` : `account "${name}" (${accountId})`;
      error(
        `${account} would have ${sets.size} permission sets provisioned; AWS allows ${quotas.permissionSetsPerAccount} per account${raised('permissionSetsPerAccount')}`,
      );
    }
  }
  return errors;
}

function setsPerAccount(pairs: Array<[string, string]>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [set, accountId] of pairs) map.set(accountId, (map.get(accountId) ?? new Set()).add(set));
  return map;
}
