// Flag parsing shared by the sub-commands (node:util parseArgs, strict: unknown flags are errors).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from './command.js';

/** Options every AWS-facing command accepts. */
export const AWS_OPTIONS = {
  region: { type: 'string' },
  profile: { type: 'string' },
  'instance-arn': { type: 'string' },
  verbose: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

export const DIR_OPTION = {
  dir: { type: 'string', default: 'identity' },
} as const satisfies ParseArgsConfig['options'];

export interface AwsCliOptions {
  region?: string;
  profile?: string;
  instanceArn?: string;
  verbose: boolean;
}

/** Parses `argv` against `options`; a wrong flag becomes a UserError naming the command. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(commandName: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UserError(`${commandName}: ${err instanceof Error ? err.message : String(err)} (see \`sso-gitops ${commandName} --help\`)`);
  }
}

export function awsOptionsFrom(values: { region?: string; profile?: string; 'instance-arn'?: string; verbose?: boolean }): AwsCliOptions {
  return {
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values['instance-arn'] !== undefined ? { instanceArn: values['instance-arn'] } : {}),
    verbose: values.verbose ?? false,
  };
}

/** `--format` checked against the formats a command renders (default text). */
export function parseFormat<F extends string>(commandName: string, value: string | undefined, formats: readonly F[]): F {
  const format = value ?? 'text';
  if (!(formats as readonly string[]).includes(format))
    throw new UserError(`${commandName}: --format must be one of ${formats.join(', ')}, not "${format}"`);
  return format as F;
}
