// What an operation handler sees and returns, shared by the three services.
import type { Input, Json } from './input.js';
import type { World } from './state/world.js';

export type ServiceName = 'sso-admin' | 'identitystore' | 'organizations';

export interface CallContext {
  /** the caller's account: a 12-digit access key id, else 123456789012 */
  caller: string;
  input: Input;
  world: World;
  operation: string;
}

export interface Operation {
  handle(ctx: CallContext): Json;
  /** mutating calls are counted in stats.writes */
  write: boolean;
}

export type OperationTable = Record<string, Operation>;

export function read(handle: (ctx: CallContext) => Json): Operation {
  return { handle, write: false };
}

export function write(handle: (ctx: CallContext) => Json): Operation {
  return { handle, write: true };
}
