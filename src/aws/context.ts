// The AWS context a command works with: clients bound to the instance's primary region,
// the instance, the accounts involved, shared pacing and call accounting. The write path
// (reconcile) builds on the same context.
import { CallStats } from './call-stats.js';
import {
  createIdentityCenterClients,
  createOrganizationsClient,
  createStsClient,
  destroyClients,
  type AwsClients,
  type ClientOptions,
  type Pacing,
} from './clients.js';
import { DEFAULT_READ_CONCURRENCY } from './concurrency.js';
import { AwsSetupError } from './errors.js';
import { readCallerAccountId, readManagementAccountId, resolveInstance } from './instance.js';
import { SILENT_PROGRESS, type ProgressReporter } from './progress.js';
import { AdaptiveRate } from './adaptive-rate.js';
import { DEFAULT_IDENTITY_CENTER_TPS, DEFAULT_ORGANIZATIONS_TPS, resolveRate } from './rate-limit.js';

export interface AwsContextOptions extends ClientOptions {
  instanceArn?: string;
  /** Identity Center requests per second (sso-admin + identitystore), the ceiling of the adaptive rate. Default: env SSO_GITOPS_TPS or 20. */
  identityCenterTps?: number;
  /** Organizations requests per second. Default: env SSO_GITOPS_ORGANIZATIONS_TPS or 10. */
  organizationsTps?: number;
  /** Reads in flight at once. Default 8. */
  concurrency?: number;
  progress?: ProgressReporter;
}

export interface AwsContext {
  clients: AwsClients;
  /** The region sso-admin and identitystore are called in (the instance's primary region). */
  region: string;
  instanceArn: string;
  identityStoreId: string;
  callerAccountId: string;
  managementAccountId: string;
  pacing: Pacing;
  /** Same object as pacing.stats. */
  stats: CallStats;
  concurrency: number;
  progress: ProgressReporter;
  /** Releases the clients' sockets. */
  close(): void;
}

export function createPacing(options: AwsContextOptions, stats: CallStats = new CallStats()): Pacing {
  return {
    identityCenter: new AdaptiveRate(
      resolveRate(options.identityCenterTps, process.env.SSO_GITOPS_TPS, 'SSO_GITOPS_TPS', DEFAULT_IDENTITY_CENTER_TPS),
    ),
    organizations: new AdaptiveRate(
      resolveRate(
        options.organizationsTps,
        process.env.SSO_GITOPS_ORGANIZATIONS_TPS,
        'SSO_GITOPS_ORGANIZATIONS_TPS',
        DEFAULT_ORGANIZATIONS_TPS,
      ),
    ),
    stats,
  };
}

export async function openAwsContext(options: AwsContextOptions = {}): Promise<AwsContext> {
  const pacing = createPacing(options);
  const organizations = createOrganizationsClient(options, pacing);
  let identityCenter = createIdentityCenterClients(options, options.region, pacing);
  const close = () => destroyClients({ ...identityCenter, organizations });
  try {
    const configuredRegion = await identityCenter.ssoAdmin.config.region().catch((err: unknown) => {
      throw new AwsSetupError(
        `no AWS region configured: pass --region or set AWS_REGION (${err instanceof Error ? err.message : String(err)})`,
      );
    });
    const instance = await resolveInstance(identityCenter.ssoAdmin, options.instanceArn);
    // sso-admin reads of permission sets and assignments only work in the primary region.
    const region = instance.primaryRegion ?? configuredRegion;
    if (region !== configuredRegion) {
      identityCenter.ssoAdmin.destroy();
      identityCenter.identityStore.destroy();
      identityCenter = createIdentityCenterClients(options, region, pacing);
    }
    const sts = createStsClient(options, pacing);
    const [managementAccountId, callerAccountId] = await Promise.all([
      readManagementAccountId(organizations),
      readCallerAccountId(sts),
    ]).finally(() => sts.destroy());
    return {
      clients: { ...identityCenter, organizations },
      region,
      instanceArn: instance.instanceArn,
      identityStoreId: instance.identityStoreId,
      callerAccountId,
      managementAccountId,
      pacing,
      stats: pacing.stats,
      concurrency: options.concurrency ?? DEFAULT_READ_CONCURRENCY,
      progress: options.progress ?? SILENT_PROGRESS,
      close,
    };
  } catch (err) {
    close();
    throw err;
  }
}
