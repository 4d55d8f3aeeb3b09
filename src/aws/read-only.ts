// The structural dry run: `plan` gets clients that can only read. Every command whose
// name is not a read (List*, Describe*, Get*, IsMemberInGroups) is rejected before it is
// signed or sent, so no code path reachable from `plan` can change AWS, whatever it calls.
import type { AwsClients } from './clients.js';
import type { MiddlewareHost } from './middleware-host.js';

const READ_OPERATION = /^(List|Describe|Get|IsMember)[A-Za-z]*Command$/;

export class WriteInReadOnlyModeError extends Error {
  constructor(readonly commandName: string) {
    super(`refusing ${commandName.replace(/Command$/, '')}: this command runs with a read-only view of AWS`);
    this.name = 'WriteInReadOnlyModeError';
  }
}

export function isReadOperation(commandName: string | undefined): boolean {
  return commandName !== undefined && READ_OPERATION.test(commandName);
}

export function installReadOnlyGuard<I extends object, O extends object>(client: MiddlewareHost<I, O>): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!isReadOperation(context.commandName)) throw new WriteInReadOnlyModeError(context.commandName ?? 'UnknownCommand');
      return next(args);
    },
    // 'high' in the first step: before the call counter and long before signing
    { step: 'initialize', priority: 'high', name: 'ssoGitopsReadOnlyGuard' },
  );
}

/** Makes every client of the context read-only (for plan and drift). */
export function makeReadOnly(clients: AwsClients): void {
  installReadOnlyGuard(clients.ssoAdmin);
  installReadOnlyGuard(clients.identityStore);
  installReadOnlyGuard(clients.organizations);
}
