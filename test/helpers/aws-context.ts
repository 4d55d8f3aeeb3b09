// The tool's own AWS context, in-process, acting as one account of a test sandbox: for the
// end-to-end tests that call the read layer directly (to compare a scoped read with a full
// one) instead of through the CLI. openAwsContext reads the environment as the CLI does, so
// the sandbox's CLI environment is set for the call and restored after it.
import { openAwsContext, type AwsContext } from '../../src/aws/context.js';
import { READ_ALL } from '../../src/aws/read-live.js';
import { readScopedLive } from '../../src/aws/read-scoped.js';
import type { OrganizationSnapshot } from '../../src/aws/kinds/organization.js';
import type { ReadNeeds } from '../../src/plan/scoped/needs.js';
import { TEST_REGION, type TestSandbox } from './sandbox.js';

/** Runs `use` with a context acting as `accountId`; closes it and restores process.env after. */
export async function withSandboxContext<T>(sandbox: TestSandbox, accountId: string, use: (ctx: AwsContext) => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, sandbox.cliEnv(accountId));
  try {
    const ctx = await openAwsContext({ region: TEST_REGION });
    try {
      return await use(ctx);
    } finally {
      ctx.close();
    }
  } finally {
    process.env = saved;
  }
}

/** The scoped read with every read on and no ignored account, its name cache in `nameCacheFile`. */
export function readScopedEverything(ctx: AwsContext, needs: ReadNeeds, organization: OrganizationSnapshot, nameCacheFile: string) {
  return readScopedLive(ctx, needs, organization, {
    permissionSets: READ_ALL.permissionSets,
    provisioningStatus: true,
    ignoredAccountIds: new Set(),
    nameCacheFile,
  });
}
