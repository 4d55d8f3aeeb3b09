// The two implementations the conformance checks run against: the project's sandbox and
// moto_server. A backend hands out real SDK clients acting as a chosen account.
import { IdentitystoreClient, type IdentitystoreClientConfig } from '@aws-sdk/client-identitystore';
import { OrganizationsClient, type OrganizationsClientConfig } from '@aws-sdk/client-organizations';
import { SSOAdminClient, type SSOAdminClientConfig } from '@aws-sdk/client-sso-admin';
import type { SandboxOptions } from '../../src/sandbox/server.js';
import { motoClientConfig, startMoto } from '../helpers/moto.js';
import { startTestSandbox } from '../helpers/sandbox.js';

export interface Clients {
  org: OrganizationsClient;
  sso: SSOAdminClient;
  ids: IdentitystoreClient;
}

export interface PolicyName {
  name: string;
  path: string;
}

export interface Backend {
  name: 'sandbox' | 'moto';
  /** clients acting as `accountId`; destroyed by stop() */
  clients(accountId: string): Clients;
  /** which customer managed policies exist in an account (moto has no such notion: no-op there) */
  declarePolicies(accountId: string, policies: PolicyName[]): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

type ConfigFor = (accountId: string) => SSOAdminClientConfig & IdentitystoreClientConfig & OrganizationsClientConfig;

function clientPool(configFor: ConfigFor) {
  const made: Clients[] = [];
  return {
    clients(accountId: string): Clients {
      const config = configFor(accountId);
      const clients = { org: new OrganizationsClient(config), sso: new SSOAdminClient(config), ids: new IdentitystoreClient(config) };
      made.push(clients);
      return clients;
    },
    destroyAll() {
      for (const c of made.splice(0)) {
        c.org.destroy();
        c.sso.destroy();
        c.ids.destroy();
      }
    },
  };
}

export async function sandboxBackend(options: SandboxOptions = {}): Promise<Backend> {
  const test = await startTestSandbox(options);
  const pool = clientPool((accountId) => test.clientConfig(accountId));
  return {
    name: 'sandbox',
    clients: (accountId) => pool.clients(accountId),
    async declarePolicies(accountId, policies) {
      const res = await fetch(`${test.endpoint}/_sandbox/policies`, { method: 'POST', body: JSON.stringify({ accountId, policies }) });
      if (!res.ok) throw new Error(`declaring policies failed: HTTP ${res.status} ${await res.text()}`);
    },
    async reset() {
      test.sandbox.reset();
    },
    async stop() {
      pool.destroyAll();
      await test.stop();
    },
  };
}

export async function motoBackend(): Promise<Backend> {
  const moto = await startMoto();
  const pool = clientPool((accountId) => motoClientConfig(moto.endpoint, accountId));
  return {
    name: 'moto',
    clients: (accountId) => pool.clients(accountId),
    async declarePolicies() {},
    reset: () => moto.reset(),
    async stop() {
      pool.destroyAll();
      await moto.stop();
    },
  };
}
