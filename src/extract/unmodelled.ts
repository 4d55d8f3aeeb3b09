// A live attribute the state files cannot hold is never silently dropped: extract stops,
// naming every user and attribute, before anything is written. (Ignored users are not
// extracted at all, so they cannot lose anything and are not checked.)
import type { LiveUser } from '../model/live.js';

export class UnmodelledAttributes extends Error {
  /** Shown as is, without a stack trace (src/cli/command.ts isUserFacing). */
  readonly userFacing = true;

  constructor(message: string) {
    super(message);
    this.name = 'UnmodelledAttributes';
  }
}

export function checkNothingDropped(users: readonly LiveUser[]): void {
  const lines = users.flatMap((u) => (u.unmodelled ?? []).map((attribute) => `  user "${u.userName}": ${attribute}`));
  if (lines.length === 0) return;
  throw new UnmodelledAttributes(
    `refusing to extract: these live attributes cannot be written to the state files and would be lost:\n${lines.join('\n')}\n` +
      'Remove them in AWS, or leave those users out with settings.ignore.users.',
  );
}
