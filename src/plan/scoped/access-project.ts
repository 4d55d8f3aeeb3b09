// The access reads (access-read.ts) answered from a complete live state instead of AWS:
// what each call would return. The property test runs the same procedure on it, so it
// proves that what the AWS read (src/aws/read-scoped-access.ts) gathers is enough to compute
// the access changes exactly.
import type { LiveState } from '../../model/live.js';
import type { AccessSource } from './access-read.js';

export function accessSourceOf(live: LiveState): AccessSource {
  /** The rows of `list` whose key is one of `keys`. */
  const having =
    <T>(list: readonly T[], key: (x: T) => string) =>
    (keys: readonly string[]): Promise<T[]> => {
      const wanted = new Set(keys);
      return Promise.resolve(list.filter((x) => wanted.has(key(x))));
    };
  const pairKey = (p: { permissionSetArn: string; accountId: string }) => `${p.permissionSetArn}\u0000${p.accountId}`;
  const groupRows = live.assignments.filter((a) => a.principalType === 'GROUP');
  const userRows = live.assignments.filter((a) => a.principalType === 'USER');
  return {
    rowsOfPairs: (pairs) => having(live.assignments, pairKey)(pairs.map(pairKey)),
    membersOfGroups: having(live.memberships, (m) => m.groupId),
    assignmentsOfGroups: having(groupRows, (a) => a.principalId),
    assignmentsOfUsers: having(userRows, (a) => a.principalId),
    groupsOfUsers: having(live.memberships, (m) => m.userId),
    users: having(live.users, (u) => u.id),
    allUsers: () => Promise.resolve(live.users),
    permissionSetNames: async (arns) => (await having(live.permissionSets, (s) => s.arn)(arns)).map((s) => ({ arn: s.arn, name: s.name })),
  };
}
