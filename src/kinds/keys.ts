// Dependency keys shared between kinds (src/apply/dependencies.ts): one kind provides a key,
// another needs it. Spelled once here so the two sides cannot drift apart.
import type { PrincipalType } from '../model/types.js';

export const dependencyKey = {
  user: (userName: string) => `user:${userName}`,
  group: (name: string) => `group:${name}`,
  principal: (type: PrincipalType, name: string) => (type === 'USER' ? `user:${name}` : `group:${name}`),
  /** A failed rename leaves the group without its new name: all that uses the name waits. */
  renamedGroup: (name: string) => `renamed-group:${name}`,
  set: (name: string) => `set:${name}`,
  provisioned: (name: string) => `provisioned:${name}`,
  grantMember: (userName: string) => `grant-member:${userName}`,
  grant: (type: PrincipalType, principal: string, accountId: string) => `grant:${type}:${principal}:${accountId}`,
  removedAssignmentOf: (type: PrincipalType, principal: string) => `removed-assignment-of:${type}:${principal}`,
  removedAssignmentsOfSet: (name: string) => `removed-assignments-of-set:${name}`,
  removedMembersOf: (group: string) => `removed-members-of:${group}`,
  removedMembershipOf: (userName: string) => `removed-membership-of:${userName}`,
  application: (name: string) => `application:${name}`,
};
