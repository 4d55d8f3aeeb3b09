// A second client sharing the caller's Identity Center quota, as a console user or another
// tool does: it sends sso-admin DescribeInstance (an operation sso-gitops never calls, so
// the sandbox's per-operation counts keep the two apart) at a fixed rate, open loop (it
// does not slow down when throttled, and never retries), until stopped.
import { DescribeInstanceCommand, ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';

export const CONTENDER_OPERATION = 'DescribeInstance';

export interface ContenderReport {
  sent: number;
  /** answered ThrottlingException: these count in the sandbox's `throttled` too */
  throttled: number;
}

export interface Contender {
  stop(): Promise<ContenderReport>;
}

export async function startContender(endpoint: string, accountId: string, perSecond: number): Promise<Contender> {
  const client = new SSOAdminClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: accountId, secretAccessKey: 'sandbox-secret' },
    maxAttempts: 1,
  });
  const InstanceArn = (await client.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn;
  if (!InstanceArn) throw new Error(`contender: account ${accountId} has no Identity Center instance`);
  const report: ContenderReport = { sent: 0, throttled: 0 };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  // Sends whatever the schedule says is due (catching up after a slow tick), so the rate
  // holds on a loaded machine where timers fire late.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond) - report.sent;
    for (let i = 0; i < due; i++) {
      report.sent++;
      const call = client.send(new DescribeInstanceCommand({ InstanceArn })).then(
        () => undefined,
        (err: unknown) => {
          if (err instanceof Error && err.name === 'ThrottlingException') report.throttled++;
        },
      );
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    }
  }, 10);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      client.destroy();
      return report;
    },
  };
}
