// Builds the three SDK clients. Credentials come from the SDK's standard chain (env,
// shared profiles, SSO, web identity in CI, IMDS); `--profile` is passed as the client's
// `profile`. Endpoints come from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>, which the
// SDK reads itself, so a local emulator needs no code here.
//
// Retries: PacedRetryStrategy (retry-strategy.ts): the SDK standard mode's backoff, with
// a larger budget for throttling, and every throttled attempt lowering the shared
// adaptive rate (adaptive-rate.ts says why not the SDK's 'adaptive' mode). One pacing
// object serves sso-admin and identitystore: AWS throttles Identity Center as one API.
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import type { CallStats } from './call-stats.js';
import { installCallMiddleware } from './middleware.js';
import type { AdaptiveRate } from './adaptive-rate.js';
import { PacedRetryStrategy } from './retry-strategy.js';
import { SettingError } from './errors.js';

export interface ClientOptions {
  region?: string;
  profile?: string;
  /** Attempts per call including the first (SDK maxAttempts). Default: AWS_MAX_ATTEMPTS or 5. */
  maxAttempts?: number;
}

export interface AwsClients {
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  organizations: OrganizationsClient;
}

export interface Pacing {
  /** Shared by sso-admin and identitystore: AWS throttles Identity Center as one API. */
  identityCenter: AdaptiveRate;
  organizations: AdaptiveRate;
  stats: CallStats;
  /** [0, 1) source of the retry backoff's jitter; tests pass () => 0. Default Math.random. */
  jitter?: () => number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** AWS_MAX_ATTEMPTS when set (a positive integer, else a one-line SettingError), else the default. */
export function attemptsFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MAX_ATTEMPTS;
  const attempts = Number(value);
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new SettingError('AWS_MAX_ATTEMPTS', value, 'attempts per call must be a positive whole number');
  return attempts;
}

/**
 * The SDK's logger. The default NoOpLogger drops the SDK's log lines but not its notices:
 * where the logger is a NoOpLogger the SDK writes them with console.warn instead, e.g.
 * @aws-sdk/credential-provider-node's defaultProvider prints an 8-line "Multiple
 * credential sources detected" notice whenever a profile and AWS_ACCESS_KEY_ID/
 * AWS_SECRET_ACCESS_KEY are both set (dist-es/defaultProvider.js: `init.logger?.warn &&
 * init.logger?.constructor?.name !== "NoOpLogger" ? init.logger.warn : console.warn`).
 * The CLI prints no SDK notice: what the user must act on reaches them as one line of ours
 * (an error naming the profile, session.ts), so this logger, not being a NoOpLogger,
 * silences the fallback too.
 */
const QUIET_SDK_LOGGER = {
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
};

export function clientConfig(options: ClientOptions, region: string | undefined, rate: AdaptiveRate, jitter: (() => number) | undefined) {
  const maxAttempts = options.maxAttempts ?? attemptsFromEnv(process.env.AWS_MAX_ATTEMPTS);
  return {
    logger: QUIET_SDK_LOGGER,
    ...(region !== undefined ? { region } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    maxAttempts,
    retryStrategy: new PacedRetryStrategy({ maxAttempts, feedback: rate, ...(jitter ? { random: jitter } : {}) }),
  };
}

/** The sso-admin and identitystore clients for `region` (the instance's primary region). */
export function createIdentityCenterClients(options: ClientOptions, region: string | undefined, pacing: Pacing) {
  const ssoAdmin = new SSOAdminClient(clientConfig(options, region, pacing.identityCenter, pacing.jitter));
  installCallMiddleware(ssoAdmin, 'sso-admin', pacing.identityCenter, pacing.stats);
  const identityStore = new IdentitystoreClient(clientConfig(options, region, pacing.identityCenter, pacing.jitter));
  installCallMiddleware(identityStore, 'identitystore', pacing.identityCenter, pacing.stats);
  return { ssoAdmin, identityStore };
}

export function createOrganizationsClient(options: ClientOptions, pacing: Pacing): OrganizationsClient {
  const organizations = new OrganizationsClient(clientConfig(options, options.region, pacing.organizations, pacing.jitter));
  installCallMiddleware(organizations, 'organizations', pacing.organizations, pacing.stats);
  return organizations;
}

/** STS, for the caller's account only; paced with organizations (one call per run). */
export function createStsClient(options: ClientOptions, pacing: Pacing): STSClient {
  const sts = new STSClient(clientConfig(options, options.region, pacing.organizations, pacing.jitter));
  installCallMiddleware(sts, 'sts', pacing.organizations, pacing.stats);
  return sts;
}

/**
 * IAM Access Analyzer, for ValidatePolicy (`plan --lint-policies`), in `region` (any
 * region validates any policy; the instance's keeps the calls where the others go).
 * Paced by its own rate: its quota is not Identity Center's.
 */
export function createAccessAnalyzerClient(
  options: ClientOptions,
  region: string,
  rate: AdaptiveRate,
  pacing: Pick<Pacing, 'stats' | 'jitter'>,
): AccessAnalyzerClient {
  const client = new AccessAnalyzerClient(clientConfig(options, region, rate, pacing.jitter));
  installCallMiddleware(client, 'access-analyzer', rate, pacing.stats);
  return client;
}

export function destroyClients(clients: AwsClients): void {
  clients.ssoAdmin.destroy();
  clients.identityStore.destroy();
  clients.organizations.destroy();
}
