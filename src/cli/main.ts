#!/usr/bin/env node
// Entry point of the `sso-gitops` binary: dispatches to one module per sub-command.
import type { Command } from './command.js';
import { EXIT_ERROR, isUserFacing } from './command.js';
import { announceNodeSupport } from './node-support.js';
import { packageVersion } from './version.js';

/**
 * Sub-commands and the modules that implement them (loaded lazily: `validate` never loads
 * the AWS SDK). `aws`: the command talks to AWS through the SDK, so it is where an
 * unsupported Node matters and where the SDK would print its own notice.
 */
const COMMANDS: Record<string, { summary: string; aws?: true; load: () => Promise<{ command: Command }> }> = {
  validate: { summary: 'check the state files (no AWS access)', load: () => import('./commands/validate.js') },
  extract: { summary: 'write the state files from a live instance', aws: true, load: () => import('./commands/extract.js') },
  plan: {
    summary: 'show the changes that would make a live instance match the state files',
    aws: true,
    load: () => import('./commands/plan.js'),
  },
  reconcile: { summary: 'apply those changes and wait until AWS has finished', aws: true, load: () => import('./commands/reconcile.js') },
  sandbox: { summary: 'run a local Identity Center endpoint for tests and trials', load: () => import('./commands/sandbox.js') },
  access: {
    summary: 'who can reach which account with which permission set, and through what',
    aws: true,
    load: () => import('./commands/access.js'),
  },
  profiles: {
    summary: 'write AWS CLI v2 profiles (sso-session) for the access of a person',
    aws: true,
    load: () => import('./commands/profiles.js'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'sso-gitops: AWS IAM Identity Center managed as code',
    '',
    'usage: sso-gitops <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'common options: --dir DIR  --region R  --profile P  --instance-arn ARN',
    'Run `sso-gitops <command> --help` for the options of one command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? EXIT_ERROR : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${await packageVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`sso-gitops: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT_ERROR;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  // Before the first SDK client exists: the SDK's multi-line notice off, one line of ours instead.
  if (entry.aws) announceNodeSupport(process.version, process.env, (line) => process.stderr.write(line));
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Expected failures (bad input, a refused plan, a failed AWS call, no instance) are
    // one clear line; only a bug shows a stack trace.
    if (isUserFacing(err)) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exitCode = EXIT_ERROR;
  },
);
