// A short, human name for a change, used in progress lines and failure reports.
import type { Change } from '../plan/types.js';

export function changeLabel(c: Change): string {
  switch (c.kind) {
    case 'user':
      return `${c.action} user "${c.userName}"`;
    case 'group':
      return c.action === 'rename' ? `rename group "${c.previousName}" to "${c.name}"` : `${c.action} group "${c.name}"`;
    case 'membership':
      return `${c.action} membership "${c.userName}" in group "${c.group}"`;
    case 'permissionSet':
      return `${c.action} permission set "${c.name}"`;
    case 'assignment': {
      const account = c.accountName ? `${c.accountName} (${c.accountId})` : c.accountId;
      return `${c.action} assignment "${c.permissionSet}" for ${c.principalType.toLowerCase()} "${c.principal}" on ${account}`;
    }
  }
}
