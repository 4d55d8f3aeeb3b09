// `--changed-since REF` for plan and reconcile: the files at REF and now are compared
// (src/plan/scoped/touched.ts), only the touched objects are read (src/aws/read-scoped.ts)
// and planned. When the change cannot be confined to named objects (settings, the
// instance, account pins, a group rename) the ordinary full read and plan run instead, and
// stderr says why. The organization is listed only when the change needs it: otherwise
// the accounts it names are described one by one (src/plan/scoped/accounts.ts).
import type { AwsContext } from '../aws/context.js';
import { mayReadPerPrincipal } from '../aws/kinds/assignment-route.js';
import { describeAccounts, readOrganization } from '../aws/kinds/organization.js';
import { liveReadOptionsFromEnv } from '../aws/read-live.js';
import { readScopedLive } from '../aws/read-scoped.js';
import type { LiveState } from '../model/live.js';
import type { DesiredState } from '../model/types.js';
import { accountIgnored } from '../plan/accounts.js';
import { accountRead } from '../plan/scoped/accounts.js';
import { readNeeds } from '../plan/scoped/needs.js';
import { buildScopedPlan } from '../plan/scoped/plan-scoped.js';
import { touchedObjects, unscopableChange } from '../plan/scoped/touched.js';
import type { Plan } from '../plan/types.js';
import { UserError } from './command.js';
import { loadStateAtRef } from './git-state.js';
import type { StderrProgress } from './progress.js';
import { withAccessChangesRead } from './scoped-access.js';
import { planAgainst, readLive, reportDiagnostics } from './session.js';

export interface ChangedSince {
  dir: string;
  ref: string;
  allowDeletes: boolean;
}

export async function planChangedSince(
  ctx: AwsContext,
  desired: DesiredState,
  { dir, ref, allowDeletes }: ChangedSince,
  progress: StderrProgress,
): Promise<{ live: LiveState; plan: Plan }> {
  const everything = async (why: string) => {
    progress.note(`--changed-since ${ref}: planning everything (${why})`);
    const live = await readLive(ctx, desired, progress);
    return { live, plan: planAgainst(desired, live, allowDeletes, progress) };
  };
  const before = await loadStateAtRef(dir, ref);
  if (before === undefined) return everything(`${dir} held no state files at ${ref}`);
  const unscopable = unscopableChange(before, desired);
  if (unscopable !== undefined) return everything(unscopable);
  const accounts = accountRead(before, desired, ctx.managementAccountId);
  const described = 'describe' in accounts ? accounts.describe : undefined;
  if ('list' in accounts) progress.note(`--changed-since ${ref}: listing the organization's accounts (${accounts.list})`);
  const entries = [...before.assignments, ...desired.assignments];
  const organization =
    described !== undefined
      ? await describeAccounts(ctx, described)
      : await readOrganization(ctx, {
          organizationalUnits: entries.some((a) => a.organizationalUnits.length > 0),
          accountTags: entries.some((a) => Object.keys(a.accountTags).length > 0),
        });
  const decision = touchedObjects(before, desired, organization);
  if ('full' in decision) return everything(decision.full);
  const env = liveReadOptionsFromEnv();
  const needs = readNeeds(decision.scoped, desired, ctx.managementAccountId);
  // ListAccountAssignmentsForPrincipal "must be called from the management account" (sso-admin
  // model; the full read never takes that route elsewhere: src/aws/kinds/assignment-route.ts)
  if (needs.assignmentsOfPrincipals.length > 0 && !mayReadPerPrincipal(ctx))
    return everything(
      'a removed user or group is read per principal (ListAccountAssignmentsForPrincipal), which only the management account may call',
    );
  const live = await readScopedLive(ctx, needs, organization, {
    permissionSets: env.permissionSets,
    provisioningStatus: env.provisioningStatus,
    ignoredAccountIds: new Set(organization.accounts.filter((a) => accountIgnored(a, desired.settings.ignore.accounts)).map((a) => a.id)),
  });
  progress.endLine();
  const { plan, diagnostics } = buildScopedPlan(
    { desired, before, live, touched: decision.scoped, ref, ...(described !== undefined ? { describedAccounts: described } : {}) },
    { allowDeletes },
  );
  if (!plan) reportDiagnostics(diagnostics, 'resolving the state files against the live instance', progress);
  if (!plan) throw new UserError('no plan could be computed; nothing was changed');
  return { live, plan: await withAccessChangesRead(ctx, plan, desired, live) };
}
