// The two local AWS endpoints the end-to-end suites run against, behind one interface so
// every scenario runs unchanged on both: moto_server (an emulator nobody here wrote; only
// what it does faithfully) and our own sandbox (the real limits, async behaviour, tags,
// boundaries). Each backend says how an SDK client and a spawned CLI act as an account.
import { createMotoAccessKey, motoClientConfig, startMoto, type MotoServer } from '../helpers/moto.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { buildOrganization, type BuiltOrganization, type TestAccount } from '../helpers/org.js';

export interface SdkConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

export interface Backend {
  name: 'moto' | 'sandbox';
  endpoint: string;
  /** The state directory this backend can represent faithfully. */
  fixture: string;
  sdkConfig(accountId: string): SdkConfig;
  /** Environment for the CLI acting as `accountId` (runCli keeps this machine's AWS set-up out). */
  cliEnv(accountId: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** The organization layout both the source and the target organization get (same names, other ids). */
export const ORG_LAYOUT: TestAccount[] = [
  { name: 'prod', ou: 'Workloads/Prod', tags: { env: 'prod' } },
  { name: 'staging', ou: 'Workloads/Staging', tags: { env: 'staging' } },
  { name: 'dev', ou: 'Workloads/Dev', tags: { env: 'dev' } },
  { name: 'shared', ou: 'Infrastructure' },
];

export const SOURCE_MANAGEMENT = '111111111111';
export const TARGET_MANAGEMENT = '222222222222';

/** What a CLI run needs to act as an account on the local endpoint (runCli adds a hermetic base). */
export function baseCliEnv(endpoint: string, accessKeyId: string, secretAccessKey: string): Record<string, string> {
  return { AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey };
}

export async function startMotoBackend(): Promise<Backend> {
  const moto: MotoServer = await startMoto();
  const keys = new Map<string, { accessKeyId: string; secretAccessKey: string }>();
  return {
    name: 'moto',
    endpoint: moto.endpoint,
    fixture: 'test/fixtures/org-moto',
    sdkConfig: (accountId) => motoClientConfig(moto.endpoint, accountId),
    async cliEnv(accountId) {
      let key = keys.get(accountId);
      if (!key) {
        key = await createMotoAccessKey(moto.endpoint, accountId);
        keys.set(accountId, key);
      }
      return {
        ...baseCliEnv(moto.endpoint, key.accessKeyId, key.secretAccessKey),
        // moto answers HTTP 500 for these reads, and its provisioned-set listings ignore
        // the account (docs/aws-behaviour.md): read assignments per principal instead.
        SSO_GITOPS_UNSUPPORTED_READS: 'tags,permissionsBoundary,provisioningStatus,accessControlAttributes,applications',
        SSO_GITOPS_ASSIGNMENT_ROUTE: 'principals',
        // moto has no rate limit; the tool's pacing would only slow the suite down
        SSO_GITOPS_TPS: '500',
        SSO_GITOPS_ORGANIZATIONS_TPS: '500',
      };
    },
    stop: () => moto.stop(),
  };
}

export async function startSandboxBackend(): Promise<Backend> {
  // Async requests take a while, as on AWS, so the tool's polling is exercised.
  const sandbox = await startTestSandbox({ asyncMs: 30 });
  return {
    name: 'sandbox',
    endpoint: sandbox.endpoint,
    fixture: 'test/fixtures/org-a',
    sdkConfig: (accountId) => sandbox.clientConfig(accountId),
    cliEnv: (accountId) =>
      Promise.resolve({
        ...baseCliEnv(sandbox.endpoint, accountId, 'sandbox-secret'),
        SSO_GITOPS_TPS: '500',
        SSO_GITOPS_ORGANIZATIONS_TPS: '500',
      }),
    stop: () => sandbox.stop(),
  };
}

/** Both organizations of the migration scenario, built through the organizations API. */
export async function buildSourceAndTarget(backend: Backend): Promise<{ source: BuiltOrganization; target: BuiltOrganization }> {
  const source = await buildOrganization(backend.sdkConfig(SOURCE_MANAGEMENT), SOURCE_MANAGEMENT, ORG_LAYOUT);
  const target = await buildOrganization(backend.sdkConfig(TARGET_MANAGEMENT), TARGET_MANAGEMENT, ORG_LAYOUT);
  return { source, target };
}
