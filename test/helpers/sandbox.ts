// Starts the project's Identity Center sandbox in-process for a test suite and builds AWS SDK
// client settings that talk to it as a chosen account (the sandbox reads the caller's account
// from the access key id, so no header trickery is needed: a spawned CLI gets the same
// effect from AWS_ACCESS_KEY_ID=<account id>).
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';

export const TEST_REGION = 'us-east-1';

/** Settings every v3 client (sso-admin, identitystore, organizations) accepts. */
export interface SandboxClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
}

export interface TestSandbox {
  sandbox: SandboxHandle;
  endpoint: string;
  /** client settings acting as `accountId` (12 digits) */
  clientConfig(accountId: string, maxAttempts?: number): SandboxClientConfig;
  /** environment for a spawned CLI acting as `accountId` */
  cliEnv(accountId: string): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * An in-process sandbox on 127.0.0.1. Tests default to no rate limit and a fixed seed
 * (fast and reproducible); pass `tps`, `asyncMs`, `faults` ... to test those behaviours.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ tps: 0, randomSeed: 1, ...options });
  return {
    sandbox,
    endpoint: sandbox.endpoint,
    clientConfig: (accountId, maxAttempts = 5) => sandboxClientConfig(sandbox.endpoint, accountId, maxAttempts),
    cliEnv: (accountId) => ({
      AWS_ENDPOINT_URL: sandbox.endpoint,
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: accountId,
      AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
    }),
    stop: () => sandbox.stop(),
  };
}

export function sandboxClientConfig(endpoint: string, accountId: string, maxAttempts = 5): SandboxClientConfig {
  if (!/^\d{12}$/.test(accountId)) throw new Error(`sandbox account ids are 12 digits, got "${accountId}"`);
  return { endpoint, region: TEST_REGION, credentials: { accessKeyId: accountId, secretAccessKey: 'sandbox-secret' }, maxAttempts };
}

export interface ExampleSandbox {
  sandbox: TestSandbox;
  /** environment for a spawned CLI acting as the example organization's management account, unpaced */
  env: Record<string, string>;
}

/**
 * The sandbox seeded with the example organization (src/sandbox/example-org.ts), and the CLI
 * environment most end-to-end tests run with: the management account, the tool's pacing
 * lifted (SSO_GITOPS_TPS=500) because these tests are about behaviour, not rate.
 */
export async function startExampleSandbox(options: SandboxOptions = {}): Promise<ExampleSandbox> {
  const sandbox = await startTestSandbox(options);
  seedExampleOrganization(sandbox.sandbox.world);
  return { sandbox, env: { ...sandbox.cliEnv(EXAMPLE_MANAGEMENT_ACCOUNT), SSO_GITOPS_TPS: '500' } };
}
