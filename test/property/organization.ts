// The organization every property case runs in, seeded through the organizations API
// (test/helpers/org.ts) on a fresh backend. Assignment selectors are drawn from the OU
// paths and tag filters below, chosen so they overlap (an account reached by an OU and
// by tags), nest (Root/Workloads holds three OUs) and sometimes match nothing.
import type { TestAccount } from '../helpers/org.js';

/** The account the CLI and the independent reader act as (the organization's management account). */
export const MANAGEMENT_ACCOUNT = '111111111111';

export const PROPERTY_ACCOUNTS: readonly TestAccount[] = [
  { name: 'prod', ou: 'Workloads/Prod', tags: { env: 'prod', team: 'core' } },
  { name: 'staging', ou: 'Workloads/Staging', tags: { env: 'staging', team: 'core' } },
  { name: 'dev', ou: 'Workloads/Dev', tags: { env: 'dev' } },
  { name: 'shared', ou: 'Infrastructure', tags: { team: 'platform' } },
  { name: 'loose' },
];

/** Account names an assignment may list (the management account is reached only through Root). */
export const ACCOUNT_NAMES: readonly string[] = PROPERTY_ACCOUNTS.map((a) => a.name);

export const OU_PATHS: readonly string[] = [
  'Root',
  'Root/Workloads',
  'Root/Workloads/Prod',
  'Root/Workloads/Staging',
  'Root/Workloads/Dev',
  'Root/Infrastructure',
];

export const TAG_FILTERS: readonly Record<string, string>[] = [
  { env: 'prod' },
  { team: 'core' },
  { env: 'dev' },
  { team: 'platform' },
  { env: 'prod', team: 'core' },
  { env: 'nowhere' },
];

/** An account as the expected state sees it: the management account sits at the root, untagged. */
export interface PlacedAccount {
  name: string;
  id: string;
  /** "Root" or "Root/Workloads/Prod" */
  ouPath: string;
  tags: Record<string, string>;
}

export function placedAccounts(accountIds: ReadonlyMap<string, string>): PlacedAccount[] {
  const members = PROPERTY_ACCOUNTS.map((a) => {
    const id = accountIds.get(a.name);
    if (id === undefined) throw new Error(`the organization has no account ${a.name}`);
    return { name: a.name, id, ouPath: a.ou ? `Root/${a.ou}` : 'Root', tags: a.tags ?? {} };
  });
  return [{ name: 'management', id: MANAGEMENT_ACCOUNT, ouPath: 'Root', tags: {} }, ...members];
}
