// The management account as a delegated administrator sees it (src/plan/scope.ts says why it is
// out of scope); used by the kinds' descriptors, so it does not import the kind registry.
import type { NamedLive } from './live-names.js';

/** Whether the caller manages from a delegated administrator account a set provisioned to the management account. */
export function provisionedToManagement(setName: string, live: NamedLive): boolean {
  return (live.provisionedAccounts.get(setName) ?? []).includes(live.managementAccountId);
}

/** "is/are managed from the management account (id); not compared", for the notes of the kinds. */
export function managedFromManagementAccount(count: number, live: NamedLive): string {
  return `${count === 1 ? 'is' : 'are'} managed from the management account (${live.managementAccountId}); not compared`;
}
