// The contract every sub-command module implements: src/cli/commands/<name>.ts
// exports `command: Command`. main.ts only dispatches; each command parses its own flags.

/** Exit codes of the design: 0 ok / no changes, 1 error or refused, 2 changes (with --detailed-exitcode). */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;

export interface Command {
  name: string;
  summary: string;
  /** Full usage text printed by `sso-gitops <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * Errors a user can cause and fix (bad input, a bad setting, a refused plan, a failed AWS
 * call) carry `userFacing: true`, whatever layer defines them: main prints their message
 * alone and exits 1. Anything else is a bug and keeps its stack trace.
 */
export function isUserFacing(err: unknown): err is Error {
  return err instanceof Error && (err as { userFacing?: unknown }).userFacing === true;
}

/** An error whose message is meant for the user as is (no stack trace). */
export class UserError extends Error {
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
