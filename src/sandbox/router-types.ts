// What an operation handler sees and returns, shared by the three services.
import type { CallerIdentity } from './identity.js';
import type { Input, Json } from './input.js';
import type { ServiceName } from './service-name.js';
import type { World } from './state/world.js';

export type { ServiceName };

export interface CallContext {
  /** the caller's account: a 12-digit access key id, else 123456789012 */
  caller: string;
  input: Input;
  world: World;
  operation: string;
  /** who calls, and in which region (the dispatcher always sets it; handler unit tests may not) */
  identity?: CallerIdentity;
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
