// Real SDK clients whose every command is answered by the test, never by the network: a
// middleware at the front of the stack (initialize step) hands each command to `answer`
// and returns what it returns as the command's output, or lets what it throws surface
// as the command's error. The SDK's serializers, retry strategy and signing run after
// that step, so none of them see the call; what the writer under test sees is exactly
// what a command can resolve or reject with.
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';

/** One call as the test saw it: the command name without "Command", and its input. */
export interface AnsweredCall {
  command: string;
  input: Record<string, unknown>;
}

/** The output of `command` (without $metadata), or a thrown SDK exception. */
export type Answer = (command: string, input: Record<string, unknown>) => object | Promise<object>;

function answerEveryCommand<I extends object, O extends MetadataBearer>(
  stack: MiddlewareStack<I, O>,
  answer: Answer,
  calls: AnsweredCall[],
): void {
  stack.add(
    (_next, context) => async (args) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      calls.push({ command, input });
      const output = await answer(command, input);
      return { output: { $metadata: {}, ...output } as O, response: {} };
    },
    { step: 'initialize', priority: 'high', name: 'answeredByTest' },
  );
}

const offline = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

export function identityStoreAnswering(answer: Answer): { client: IdentitystoreClient; calls: AnsweredCall[] } {
  const client = new IdentitystoreClient(offline);
  const calls: AnsweredCall[] = [];
  answerEveryCommand(client.middlewareStack, answer, calls);
  return { client, calls };
}

export function ssoAdminAnswering(answer: Answer): { client: SSOAdminClient; calls: AnsweredCall[] } {
  const client = new SSOAdminClient(offline);
  const calls: AnsweredCall[] = [];
  answerEveryCommand(client.middlewareStack, answer, calls);
  return { client, calls };
}

/**
 * Answers by command from a script: each command's entries are used in turn, the last
 * one again for every later call; an Error entry is thrown. A command without a script
 * fails the test by throwing "unexpected".
 */
export function scripted(script: Record<string, ReadonlyArray<object | Error>>): Answer {
  const used = new Map<string, number>();
  return (command) => {
    const entries = script[command];
    if (entries === undefined || entries.length === 0) throw new Error(`unexpected call ${command}`);
    const n = used.get(command) ?? 0;
    used.set(command, n + 1);
    const entry = entries[Math.min(n, entries.length - 1)] as object | Error;
    if (entry instanceof Error) throw entry;
    return entry;
  };
}

/** The commands called, in order. */
export const commandsOf = (calls: readonly AnsweredCall[]): string[] => calls.map((c) => c.command);
