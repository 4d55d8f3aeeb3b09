// Extract must not turn a state directory into an empty state by accident. An instance
// that reads back with nothing in it is, far more often than not, the wrong one: another
// region (--region), another account's credentials, another --instance-arn. Writing its
// empty state over the files would lose them, and an empty state is not a valid state
// anyway (validate and plan refuse one: it would mean "delete everything"). So extract
// refuses, unless --force says the instance really is empty.
import type { LiveState } from '../model/live.js';
import type { ExistingDirectory } from './existing.js';
import type { ExtractOutput } from './output.js';

export class EmptyStateRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyStateRefused';
  }
}

/** Throws EmptyStateRefused when the directory would end up declaring nothing. */
export function checkNotEmptied(dir: string, live: LiveState, existing: ExistingDirectory, output: ExtractOutput): void {
  const c = output.counts;
  const extractedNothing = c.users + c.groups + c.permissionSets + c.assignments === 0;
  if (!extractedNothing || existing.keptEntries > 0) return;
  const what = `the instance ${live.instanceArn} has no users, groups, permission sets or assignments${ignoredNote(output)}`;
  const hint = 'check --region, the credentials (account) and --instance-arn; pass --force to write the empty state anyway';
  if (existing.ownedEntries > 0) {
    throw new EmptyStateRefused(
      `${what}, but ${dir} declares ${existing.ownedEntries} entries: refusing to replace them with an empty state; ${hint}`,
    );
  }
  throw new EmptyStateRefused(`${what}: nothing to extract (an empty state is not valid: validate and plan refuse it); ${hint}`);
}

function ignoredNote(output: ExtractOutput): string {
  const i = output.ignored;
  const ignored = i.users + i.groups + i.permissionSets;
  return ignored > 0 ? ` that settings.ignore lets through (${ignored} ignored)` : '';
}

/**
 * A warning when accounts run permission sets but no assignment was read: AWS keeps a
 * set provisioned where assignments use it, so an empty assignment read next to
 * provisioned sets usually means the read saw less than there is (the wrong region, or
 * a policy that allows listing permission sets but not assignments).
 */
export function emptyAssignmentReadWarning(live: LiveState): string | undefined {
  if (live.assignments.length > 0 || live.provisioning.length === 0) return undefined;
  const sets = new Set(live.provisioning.map((p) => p.permissionSetArn)).size;
  const accounts = new Set(live.provisioning.map((p) => p.accountId)).size;
  return (
    `no account assignments were read, although ${sets} permission set${sets === 1 ? ' is' : 's are'} provisioned to ${accounts} account${accounts === 1 ? '' : 's'}: ` +
    "if the instance has assignments, check the region (--region) and the caller's permissions (sso:ListAccountAssignments); assignments.yaml lists none"
  );
}
