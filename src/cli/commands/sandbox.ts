// `sso-gitops sandbox`: runs the local Identity Center endpoint (src/sandbox) until SIGTERM
// or SIGINT. The one line on stdout, AWS_ENDPOINT_URL=..., is what scripts wait for.
import { EXIT_OK, UserError, type Command } from '../command.js';
import { parseFlags } from '../options.js';

const OPTIONS = {
  port: { type: 'string', default: '0' },
  tps: { type: 'string', default: '20' },
  'latency-ms': { type: 'string', default: '0' },
  'async-ms': { type: 'string', default: '0' },
  'max-outstanding': { type: 'string', default: '10' },
  faults: { type: 'string', default: '' },
  'random-seed': { type: 'string' },
  'example-org': { type: 'boolean', default: false },
} as const;

const USAGE = `usage: sso-gitops sandbox [--port 0] [--tps 20] [--latency-ms N] [--async-ms N]
                          [--max-outstanding 10] [--faults SPEC] [--random-seed N]
                          [--example-org]

Runs a local IAM Identity Center endpoint (sso-admin, identitystore, organizations) on
127.0.0.1 and prints AWS_ENDPOINT_URL=http://127.0.0.1:PORT when ready. The access key id
picks the caller's account: a 12-digit key id is that account, anything else 123456789012.

  --port N             port to listen on (0: any free port)
  --tps N              Identity Center requests per second per account (0: unlimited)
  --latency-ms N       delay added to every call
  --async-ms N         time until assignments and provisioning finish
  --max-outstanding N  in-progress assignment requests before ThrottlingException
  --faults SPEC        e.g. throttle=0.1,5xx=0.02,reset=0.01,lost-answer=0.01,
                       async-fail=0.01,empty-page=0.2,fail-op=ListUsers
  --random-seed N      replay the same ids and faults
  --example-org        start with the organization that identity/ describes: management
                       account 111122223333 (use it as AWS_ACCESS_KEY_ID), prod and
                       staging in OU Workloads, legacy 999988887777

Control API: GET /_sandbox/health, GET /_sandbox/stats, POST /_sandbox/reset, ...
(see src/sandbox/README.md).`;

export const command: Command = {
  name: 'sandbox',
  summary: 'run a local Identity Center endpoint for tests and trials',
  usage: USAGE,
  async run(argv) {
    const flags = parseFlags('sandbox', argv, OPTIONS);
    const options = {
      port: number('--port', flags.port),
      tps: number('--tps', flags.tps),
      latencyMs: number('--latency-ms', flags['latency-ms']),
      asyncMs: number('--async-ms', flags['async-ms']),
      maxOutstanding: number('--max-outstanding', flags['max-outstanding']),
      faults: flags.faults,
      ...(flags['random-seed'] !== undefined ? { randomSeed: number('--random-seed', flags['random-seed']) } : {}),
    };
    // loaded here so that `--help` and flag errors answer without the server code
    const { startSandbox } = await import('../../sandbox/server.js');
    let sandbox;
    try {
      sandbox = await startSandbox(options);
    } catch (err) {
      throw new UserError(`sandbox: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (flags['example-org']) {
      const { seedExampleOrganization } = await import('../../sandbox/example-org.js');
      seedExampleOrganization(sandbox.world);
    }
    process.stdout.write(`AWS_ENDPOINT_URL=${sandbox.endpoint}\n`);
    const running = sandbox;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        running.stop().then(resolve, resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return EXIT_OK;
  },
};

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < 0)
    throw new UserError(`sandbox: ${flag} must be a whole number >= 0, got "${value}"`);
  return parsed;
}
